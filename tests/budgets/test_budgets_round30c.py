"""The Budgets tab, round 30 (a second look).

1. Ctrl+V of a figure with its own split ("£10,000 (£5,000 per District)") over a cell with a note ("£7,525.58 (Cost
   to be reimbursed …)") took the note away without a word, where typing the same over the selected figure keeps it
   (the guide: paste works as typing, "the cell's note stays"). Only a note pasted with the figure replaces it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from tests.budgets.test_budgets_round30 import NOTE, _dhr_2017  # the cell with its note, chosen


def test_a_figure_pasted_with_its_own_split_over_a_cell_with_a_note_keeps_the_note(demo_window, qtbot):
    tab, row = _dhr_2017(demo_window, qtbot)
    QGuiApplication.clipboard().setText("£10,000 (£5,000 per District)\r\n")
    demo_window.paste_action.trigger()
    assert tab.presenter.error == ""
    cell = tab.presenter.rows[row].cells[0]
    assert cell.pence == 10_000_00 and cell.text == "£10,000 (£5,000 per district)"
    assert cell.note == NOTE  # was "": the note went, unsaid
    demo_window.undo_action.trigger()  # one step of Edit > Undo
    cell = tab.presenter.rows[row].cells[0]
    assert cell.pence == 7_525_58 and cell.note == NOTE and cell.text == "£7,525.58"


def test_typing_the_same_over_the_selected_figure_keeps_the_note_too(demo_window, qtbot):
    """What paste is held to: the cell's editor, the figure alone selected, typed over."""
    tab, row = _dhr_2017(demo_window, qtbot)
    index = tab.model.index(row, 1)
    tab.view.edit(index)
    editor = next(e for e in tab.view.viewport().findChildren(QLineEdit) if e.isVisible())
    qtbot.waitUntil(lambda: editor.selectedText() == "£7,525.58")
    qtbot.keyClicks(editor, "£10,000 (£5,000 per District)")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState, timeout=3000)
    cell = tab.presenter.rows[row].cells[0]
    assert cell.pence == 10_000_00 and cell.note == NOTE


# 2. A plan whose only printed total could not be checked (a TBC in its lines) was summed up above the grid as "1
#    printed total could not be checked …; the others agree with their lines": there were no others to agree.

def _printed_totals(path, *, also_agreeing: bool = False):
    """Seed 002 §6 shape: 2018/19 £9,000 + TBC, printed £12,000; 2019/20 £5,000 + nil, printed £5,000 if asked."""
    from safer_desk.services import budgets as svc
    from safer_desk.storage.store import open_store

    store = open_store(path, create=True)
    try:
        plan = svc.create_plan(store, "Western Suffolk CSP financial implications", columns=["2018/19", "2019/20"])
        section = svc.add_section(store, plan, "Costs")
        dhr, hardening = svc.add_line(store, section, "Domestic Homicide Reviews"), svc.add_line(
            store, section, "Target hardening")
        for line, cells in ((dhr, ("£9,000", "£5,000")), (hardening, ("TBC", "nil"))):
            for year, text in zip(("2018/19", "2019/20"), cells):
                svc.set_cell(store, line, year, text)
        svc.set_stated_total(store, plan, "2018/19", "£12,000")
        if also_agreeing:
            svc.set_stated_total(store, plan, "2019/20", "£5,000")
    finally:
        store.close()
    return path


def _summary(window, path):
    assert window.open_path(path)
    window.resize(1280, 800)
    window.show()
    return window.show_tab("budgets").summary.text()


def test_the_summary_claims_no_others_agree_when_the_only_printed_total_is_unchecked(window, tmp_path):
    said = _summary(window, _printed_totals(tmp_path / "office.sqlite"))
    assert "1 printed total could not be checked (a TBC or N/K in the lines)" in said
    assert "agree" not in said  # was "…; the others agree with their lines.", of none


def test_the_summary_still_says_the_others_agree_when_some_did(window, tmp_path):
    said = _summary(window, _printed_totals(tmp_path / "office.sqlite", also_agreeing=True))
    assert "1 printed total could not be checked" in said and "the others agree with their lines" in said


def test_a_plan_printing_no_totals_is_not_said_to_agree_with_its_lines(demo_store):
    """The example's "Western Suffolk CSP financial implications" prints no totals of its own: the line above the grid
    said "every printed figure agrees with its lines", a check that was never made (round 30, a new office's walk)."""
    from safer_desk.presenters.budgets import BudgetsPresenter
    from safer_desk.services import budgets as svc

    presenter = BudgetsPresenter(demo_store)
    plan = next(p for p in svc.list_plans(demo_store) if p.name.startswith("Western Suffolk CSP financial"))
    presenter.select(plan.id)
    assert not any(c.agrees is not None for c in presenter.view.totals.checks)
    assert presenter.summary().endswith(": it prints no totals of its own to check against its lines.")


def test_the_grids_marks_are_drawn_in_the_font_the_warning_mark_is(qapp):
    """The ⓘ of a printed total not checked was an empty box on a Linux desktop whose font draws ⚠ (DejaVu Sans,
    without Noto's symbols): a mark the program shows is in a font wherever its ⚠ is (round 30, a new office's walk)."""
    from PySide6.QtGui import QFontMetrics

    metrics = QFontMetrics(qapp.font())
    if not metrics.inFontUcs4(ord("⚠")):
        import pytest

        pytest.skip("this machine's window font draws no ⚠ either: nothing to compare")
    for mark in "ℹ▲◆●○√":
        assert metrics.inFontUcs4(ord(mark)), mark
