"""The Budgets tab, round 29.

1. On a 1366x768 laptop at 150% (the window about 910x480) Link line… opened as wide as its line's name: a line named
   as seed 002 §6.9 describes it made the dialog 1,087 wide, its Link and Cancel buttons (at its right) off the screen.
2. Ctrl+V (Edit > Paste) on the plan's grid did nothing and said nothing.
3. A line keyed as the paper's own total row ("Total Expenditure") was a line: the subtotal counted it twice.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from tests.window_sizes import resize_window

AT_150 = (910, 480)  # 1366x768 at 150%; the window's least height is 500
LONG_LINE = ("Refuge bed spaces for female victims of domestic abuse not eligible for the three women's Refuges "
             "(23 bed spaces, two years)")


def test_link_line_for_a_long_line_name_fits_the_window_with_its_buttons(demo_window, qtbot):
    tab = demo_window.show_tab("budgets")
    resize_window(demo_window, AT_150)
    presenter = tab.presenter
    presenter.select(next(p.id for p in presenter.plans if p.name.startswith("Western Suffolk")))
    assert presenter.add_line(presenter.sections()[0][0], LONG_LINE)
    row = next(r for r in presenter.rows if r.label == LONG_LINE)
    dialog = tab.link_line(row)
    qtbot.waitUntil(dialog.isVisible)
    QApplication.processEvents()
    window = demo_window.size()
    assert dialog.width() <= window.width() and dialog.height() <= window.height()
    for which in (QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel):
        button = dialog.buttons.button(which)
        right = button.mapTo(dialog, button.rect().bottomRight())
        assert button.isVisible() and right.x() <= dialog.width() and right.y() <= dialog.height(), button.text()
    assert any(LONG_LINE in label.text() for label in dialog.findChildren(QLabel))  # the line's name said whole
    dialog.reject()


def _employees_2011(demo_window, qtbot):
    """The MTFP shown, its Employees 2011/12 cell (£327,800) chosen, the grid in focus."""
    demo_window.resize(1280, 800)
    demo_window.show()
    tab = demo_window.show_tab("budgets")
    tab.presenter.select(next(p.id for p in tab.presenter.plans if "MTFP" in p.name))
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Employees")
    tab.view.setCurrentIndex(tab.model.index(row, 1))
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    return tab, tab.model.index(row, 1)


def test_a_figure_copied_from_excel_pastes_into_the_chosen_cell(demo_window, qtbot):
    """Ctrl+V (Edit > Paste) on the grid did nothing, without a word: the figure copied from the paper's sheet was
    not put in, and nothing said so."""
    tab, cell = _employees_2011(demo_window, qtbot)
    QGuiApplication.clipboard().setText("£12,345\r\n")  # Excel ends a copied cell with a line ending
    demo_window.paste_action.trigger()
    assert cell.data() == "£12,345" and tab.presenter.error == ""
    demo_window.undo_action.trigger()  # one step of Edit > Undo, as typing it
    assert tab.model.index(cell.row(), cell.column()).data() == "£327,800"


def test_a_block_or_nothing_to_paste_on_the_grid_is_said_and_changes_nothing(demo_window, qtbot):
    tab, cell = _employees_2011(demo_window, qtbot)
    # (A block that fits pastes now, round 32: tests/budgets/test_budgets_round32bud.py; one wider than the plan's
    # years is refused whole.)
    QGuiApplication.clipboard().setText("Employees\t£12,345\t£13,000\t£1\t£2\r\n")
    demo_window.paste_action.trigger()
    assert cell.data() == "£327,800"
    assert tab.message.isVisible() and "nothing was pasted" in tab.message.text()
    QGuiApplication.clipboard().clear()
    demo_window.paste_action.trigger()
    assert cell.data() == "£327,800" and "clipboard is empty" in tab.message.text()


def _mtfp(store):
    from safer_desk.presenters.budgets import BudgetsPresenter

    presenter = BudgetsPresenter(store)
    presenter.reload()
    presenter.select(next(p.id for p in presenter.plans if "MTFP" in p.name))
    return presenter, dict((name, section_id) for section_id, name in presenter.sections())


@pytest.mark.parametrize(("section", "label"), [
    ("Community Safety", "Total Expenditure"), ("Drugs and alcohol", "Drugs and alcohol subtotal"),
    ("Drugs and alcohol", "Total drugs and alcohol"), ("Income and grants", "Income and grants: subtotal"),
    ("Income and grants", "Total income"), ("Savings", "Community Safety Base Budget")])
def test_a_line_keyed_as_the_papers_own_total_row_is_refused(demo_store, section, label):
    """Keying seed 004's MTFP row by row, "Total Expenditure" went in as a line: the subtotal doubled to £1,849,000
    (and the base budget with it); only the total the paper printed beside it showed that anything was wrong."""
    presenter, sections = _mtfp(demo_store)
    before = [r.cells[0].text for r in presenter.rows if r.kind in ("subtotal", "total")]
    assert not presenter.add_line(sections[section], label)
    assert "total" in presenter.error and "twice" in presenter.error
    assert [r.cells[0].text for r in presenter.rows if r.kind in ("subtotal", "total")] == before
    employees = next(r for r in presenter.rows if r.label == "Employees")
    assert not presenter.rename(employees, label)  # nor renamed to it


def test_a_line_whose_name_only_starts_with_total_is_a_line(demo_store):
    presenter, sections = _mtfp(demo_store)
    assert presenter.add_line(sections["Community Safety"], "Total Place pilot")  # the 2009/10 government scheme
    assert presenter.add_line(sections["Community Safety"], "Expenditure on totals board")
