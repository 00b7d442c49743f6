"""Enter on a figure the table refuses closed the cell's editor and put the old figure back (session 54): the
Commissioning Scale cell (even "Type 6 again to keep it"), the Allocation inputs, the Budgets cells; the same text
refused on Ctrl+S, closing or another tab stayed in an open editor. Enter now does the same: the editor stays open
on what was typed, the reason beside the table, to be put right; Esc puts the cell's figure back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit


def _type(qtbot, view, index, text: str) -> QLineEdit:
    view.setFocus()
    view.setCurrentIndex(index)
    view.edit(index)
    editor = view.indexWidget(index)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    return editor


def _editing(view) -> str | None:
    """The text of the editor open on the current cell, or None."""
    if view.state() != QAbstractItemView.State.EditingState:
        return None
    editor = view.indexWidget(view.currentIndex())
    return editor.text() if isinstance(editor, QLineEdit) else None


def _window(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    return demo_window


def test_a_scale_refused_on_enter_stays_typed_and_enter_again_keeps_it(demo_window, qtbot, prompts):
    page = _window(demo_window, qtbot).show_tab("projects").show_commissioning()
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == "10")
    index = page.proxy.index(row, page.model.SCALE)
    held = index.data()
    _type(qtbot, page.view, index, "£3.250")
    assert _editing(page.view) == "£3.250" and index.data() == held
    assert "has a point followed by three digits" in page.message.text()
    qtbot.keyClick(page.view.indexWidget(index), Qt.Key.Key_Escape)  # taken back: the cell as it was
    assert _editing(page.view) is None and index.data() == held

    _type(qtbot, page.view, index, "6")
    assert _editing(page.view) == "6" and "Type 6 again to keep it" in page.message.text()
    qtbot.keyClick(page.view.indexWidget(index), Qt.Key.Key_Return)  # "again": kept, the editor closed
    assert _editing(page.view) is None and index.data() != held
    assert page.view.currentIndex() == index and not prompts.errors


def test_an_allocation_figure_refused_on_enter_stays_typed(demo_window, qtbot, prompts):
    tab = _window(demo_window, qtbot).show_tab("allocation")
    view, model = tab.inputs_view, tab.inputs_model
    last_year = model.index(1, 3)
    held = last_year.data()
    _type(qtbot, view, last_year, "£65.512")
    assert _editing(view) == "£65.512" and last_year.data() == held
    assert (view.currentIndex().row(), view.currentIndex().column()) == (1, 3)
    assert "has a point followed by three digits" in tab.problem_label.text() and len(prompts.errors) == 1
    editor = view.indexWidget(last_year)
    editor.selectAll()
    qtbot.keyClicks(editor, "£65,512")  # put right in place
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    assert _editing(view) is None and last_year.data() == "£65,512"
    assert (view.currentIndex().row(), view.currentIndex().column()) == (2, 3)  # Enter goes down, as in Excel
    assert len(prompts.errors) == 1


def test_a_budget_cell_refused_on_enter_stays_typed(demo_window, qtbot):
    tab = _window(demo_window, qtbot).show_tab("budgets")
    plans = tab.plan_list
    tab.plan_list.setCurrentItem(next(plans.item(i) for i in range(plans.count())
                                      if plans.item(i).text().startswith("Western")))
    model = tab.model
    row = next(r for r in range(model.rowCount()) if (model.index(r, 0).data() or "").startswith("E-CINS"))
    index = model.index(row, model.year_columns[2])
    held = index.data()
    _type(qtbot, tab.view, index, "£9,000 + TBC")
    assert _editing(tab.view) == "£9,000 + TBC" and index.data() == held
    assert "part known and part TBC" in tab.message.text()
    editor = tab.view.indexWidget(tab.view.currentIndex())
    qtbot.keyClicks(editor, "\b" * len(" + TBC"))
    assert editor.text() == "£9,000"
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # seed 002's plan has pence (£7,525.58): every figure is shown with pence, as the report prints them (s75)
    assert _editing(tab.view) is None and model.index(row, model.year_columns[2]).data() == "£9,000.00"


def test_an_allocation_option_refused_stays_typed_and_esc_puts_it_back(demo_window, qtbot, prompts):
    """The option fields (Fixed share, Retained %) put the option's figure back before saying why a figure was
    refused: "1/0" typed was gone when the message box closed."""
    tab = _window(demo_window, qtbot).show_tab("allocation")
    edit = tab.option_edits["fixed_share"]
    held, totals = edit.text(), tab.result.fixed_total_pence
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "1/0")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == "1/0" and tab.result.fixed_total_pence == totals
    assert len(prompts.errors) == 1 and tab.problem_label.text().startswith("⚠")
    assert tab.has_unsaved_changes()  # typed and not put in: closing asks about it
    qtbot.keyClick(edit, Qt.Key.Key_Escape)
    assert edit.text() == held and not tab.has_unsaved_changes() and len(prompts.errors) == 1
