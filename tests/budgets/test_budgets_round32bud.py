"""The Budgets tab, round 32 (bud): seed 004's MTFP built from the paper as an officer copies it.

1. A block copied from the paper's sheet (a line's four years, or a section's lines by year) was refused ("paste one
   cell at a time"): fourteen lines by four years, 56 pastes. It now goes into the chosen line's figures and the lines
   below it in its section, as one step of Edit > Undo; a block that does not fit there, or with a figure the plan
   cannot take, is refused beside the grid, naming the cell, and nothing is pasted.
2. A saving or a grant typed as a negative amount ("-53,400": a saving takes away) in a section that takes away from
   the total was added to it: the base budget came out £106,800 too high, without a word. It is asked about once.
"""

from __future__ import annotations

import csv
import io

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractItemView, QLineEdit

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter

YEARS = ("2011/12", "2012/13", "2013/14", "2014/15")
# Seed 004 Appendix 1, as Excel copies it (tab between cells, CRLF after each row).
COMMUNITY_SAFETY = [
    ("Employees", "327,800", "384,300", "393,200", "393,200"),
    ("Transport", "5,000", "5,000", "5,000", "5,000"),
    ("Supplies and Services", "35,800", "21,300", "21,300", "21,300"),
    ("Third Party Payments", "527,000", "406,000", "386,000", "386,000"),
    ("Support Services", "28,900", "28,700", "28,700", "28,700"),
]
GRANTS = [("LAA Reward Grant", "20,000", "25,000", "25,000", "0"),
          ("Underspend Brought Forward", "21,100", "125,500", "0", "0")]
SAVINGS = [("Savings to be identified", "0", "53,400", "157,200", "186,200")]
DRUGS = [("Drugs Intervention Programme", "124,900", "114,900", "0", "0"), ("MARAC Support", "15,000", "0", "0", "0"),
         ("DAAT – Pooled Treatment", "144,000", "64,200", "28,500", "0"),
         ("DAAT – Other Local Authorities", "33,000", "33,000", "33,000", "33,000")]


def excel(rows) -> str:
    return "".join("\t".join(row) + "\r\n" for row in rows)


def _plan(store):
    """The MTFP's sections and lines, no figures yet: (presenter, {line label: line id})."""
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert p.new_plan("East Sussex Community Safety MTFP 2011/12 – 2014/15", ", ".join(YEARS))
    for name, kind, lines in (("Community Safety", "expenditure", COMMUNITY_SAFETY), ("Income and grants", "income",
                                                                                       GRANTS),
                              ("Savings", "savings", SAVINGS), ("Drugs and alcohol", "other", DRUGS)):
        assert p.add_section(name, kind), p.error
        for label, *_ in lines:
            assert p.add_line(p.added_section, label), p.error
    return p


def _row(p, label):
    return next(i for i, r in enumerate(p.rows) if r.label == label)


def _figures(p, label):
    return [c.text for c in p.rows[_row(p, label)].cells]


# -- 1. a block pasted -------------------------------------------------------------------------------------------

def test_a_section_of_lines_by_year_pastes_as_one_step(store):
    p = _plan(store)
    assert p.paste_block(_row(p, "Employees"), 0, [list(r[1:]) for r in COMMUNITY_SAFETY]), p.error
    assert p.error == ""
    assert _figures(p, "Employees") == ["£327,800", "£384,300", "£393,200", "£393,200"]
    assert _figures(p, "Support Services") == ["£28,900", "£28,700", "£28,700", "£28,700"]
    subtotal = next(r for r in p.rows if r.kind == "subtotal" and r.label.startswith("Community Safety"))
    assert [c.pence for c in subtotal.cells] == [924_500_00, 845_300_00, 834_200_00, 834_200_00]
    assert p.perform.undo_text == ("Undo paste 20 figures into Employees – Support Services, 2011/12 – 2014/15 in plan "
                                   f"{p.view.plan.name}")
    p.perform.undo()  # one step takes all 20 away
    p.select(p.selected)
    assert _figures(p, "Employees") == ["", "", "", ""] and _figures(p, "Support Services") == ["", "", "", ""]
    p.perform.redo()
    p.select(p.selected)
    assert _figures(p, "Third Party Payments") == ["£527,000", "£406,000", "£386,000", "£386,000"]


def test_a_row_pasted_from_a_later_year_fills_that_year_on(store):
    p = _plan(store)
    assert p.paste_block(_row(p, "Transport"), 2, [["5,000", "TBC"]]), p.error
    assert _figures(p, "Transport") == ["", "", "£5,000", "TBC"]


@pytest.mark.parametrize(("start", "column", "block", "said"), [
    ("Employees", 1, [["1", "2", "3", "4"]], "4 figures were copied across, but from 2012/13 the plan has only 3 "
                                             "years"),
    ("Transport", 0, [["1"]] * 5, "5 rows were copied, but from Transport the section Community Safety has only 4 "
                                  "lines"),
    ("Employees", 0, [["327,800", "£1.234"], ["5,000", "5,000"]], "Employees, 2012/13: “£1.234” has a point"),
    ("Employees", 0, [["327,800", "1,2,3"]], "Employees, 2012/13: “1,2,3” is not an amount"),
])
def test_a_block_that_does_not_fit_or_has_a_bad_figure_pastes_nothing(store, start, column, block, said):
    p = _plan(store)
    before, steps = [list(_figures(p, label)) for label, *_ in COMMUNITY_SAFETY], len(p.perform.done)
    assert not p.paste_block(_row(p, start), column, block)
    assert said in p.error and "nothing was pasted" in p.error.lower()
    assert [list(_figures(p, label)) for label, *_ in COMMUNITY_SAFETY] == before
    assert len(p.perform.done) == steps  # no step to undo


def test_rows_copied_with_their_names_paste_on_the_first_lines_name(store):
    """The paper's sheet copied whole rows, name and figures ("Employees  327,800 …"): pasted on the line's name, the
    names are matched with the lines' and the figures go in; a name that is not the line's there pastes nothing."""
    p = _plan(store)
    assert p.paste_block(_row(p, "Employees"), None, [list(r) for r in COMMUNITY_SAFETY[:2]], with_names=True), p.error
    assert _figures(p, "Transport") == ["£5,000"] * 4
    assert not p.paste_block(_row(p, "Transport"), None, [list(r) for r in COMMUNITY_SAFETY[:2]], with_names=True)
    assert "“Employees”" in p.error and "“Transport”" in p.error and "nothing was pasted" in p.error
    assert _figures(p, "Supplies and Services") == [""] * 4


def test_names_alone_pasted_on_a_lines_name_paste_nothing(store):
    p = _plan(store)
    assert not p.paste_block(_row(p, "Employees"), None, [["Employees"], ["Transport"]], with_names=True)
    assert "nothing was pasted" in p.error


def test_a_row_copied_with_its_name_onto_a_figure_says_where_to_paste_it(store):
    p = _plan(store)
    assert not p.paste_block(_row(p, "Employees"), 0, [list(COMMUNITY_SAFETY[0])])
    assert "the line's name" in p.error and "nothing was pasted" in p.error


def test_blank_cells_pasted_empty_their_cells_as_excel_does_and_keep_notes(store):
    p = _plan(store)
    line = p.rows[_row(p, "Employees")].line_id
    assert p.set_cell(line, "2011/12", "£1 (Agreed at the board)") and p.set_cell(line, "2012/13", "£2")
    assert p.paste_block(_row(p, "Employees"), 0, [["327,800", "", "N/K", "nil"]]), p.error
    cells = p.rows[_row(p, "Employees")].cells
    assert [c.text for c in cells] == ["£327,800", "", "N/K", "nil"]
    assert cells[0].note == "Agreed at the board"  # as a figure typed over the selected figure keeps its note


# -- 2. a negative amount where a saving or a grant is meant --------------------------------------------------------

@pytest.mark.parametrize("typed", ["-53,400", "(53,400)", "−£53,400"])
def test_a_negative_saving_is_asked_about_once_then_kept(store, typed):
    p = _plan(store)
    line = p.rows[_row(p, "Savings to be identified")].line_id
    assert not p.set_cell(line, "2012/13", typed)
    assert "Savings to be identified, 2012/13" in p.error and "takes away" in p.error and "53,400" in p.error
    assert _figures(p, "Savings to be identified")[1] == ""
    assert p.set_cell(line, "2012/13", typed)  # the same again: kept, as the paper may mean it
    assert p.rows[_row(p, "Savings to be identified")].cells[1].pence == -53_400_00 and p.error == ""


def test_a_negative_grant_in_a_pasted_row_is_asked_about_and_a_positive_one_is_not(store):
    p = _plan(store)
    assert p.paste_block(_row(p, "LAA Reward Grant"), 0, [list(GRANTS[0][1:])]), p.error
    assert not p.paste_block(_row(p, "Underspend Brought Forward"), 0, [["-21,100", "-125,500", "0", "0"]])
    assert "Underspend Brought Forward, 2011/12" in p.error and "takes away" in p.error
    assert _figures(p, "Underspend Brought Forward") == ["", "", "", ""]
    assert p.paste_block(_row(p, "Underspend Brought Forward"), 0, [["-21,100", "-125,500", "0", "0"]])
    assert p.rows[_row(p, "Underspend Brought Forward")].cells[1].pence == -125_500_00


def test_a_negative_figure_in_expenditure_is_not_asked_about(store):
    p = _plan(store)
    line = p.rows[_row(p, "Transport")].line_id
    assert p.set_cell(line, "2011/12", "-500") and p.error == ""  # a recharge: the paper's own


# -- the whole MTFP, pasted and typed, and what the command line prints ----------------------------------------------

def test_the_mtfp_pasted_from_the_paper_adds_up_as_printed_and_the_command_prints_it(store, tmp_path, capsys):
    from safer_desk.cli import main

    p = _plan(store)
    for block in (COMMUNITY_SAFETY, GRANTS, SAVINGS, DRUGS):
        assert p.paste_block(_row(p, block[0][0]), 0, [list(r[1:]) for r in block]), p.error
    drugs = next(r for r in p.rows if r.kind == "subtotal" and r.label.startswith("Drugs"))
    assert p.set_printed_total(drugs, "2012/13", "97,200", typed=True), p.error
    total = next(r for r in p.rows if r.kind == "total")
    assert [c.pence for c in total.cells] == [883_400_00, 641_400_00, 652_000_00, 648_000_00]
    assert [c.pence for c in drugs.cells] == [316_900_00, 212_100_00, 61_500_00, 33_000_00]
    store.close()
    assert main(["budget", str(tmp_path / "office.sqlite")]) == 0
    out, err = capsys.readouterr()
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["plan", "section", "line", "year", "amount", "status", "per_district"]
    by_line = {(r[2], r[3], r[5]): r[4] for r in rows[1:]}
    assert by_line[("Employees", "2011/12", "amount")] == "327800"
    assert by_line[("Drugs and alcohol: subtotal", "2012/13", "total")] == "212100"
    assert by_line[("Drugs and alcohol: subtotal", "2012/13", "stated-differs")] == "97200"
    assert by_line[("Total", "2012/13", "total")] == "641400"
    assert "£97,200 but the lines add up to £212,100" in err
    # every section's total is its lines to the penny, in every year
    for section in ("Community Safety", "Income and grants", "Savings", "Drugs and alcohol"):
        for year in YEARS:
            lines = [int(r[4]) for r in rows[1:] if r[1] == section and r[3] == year and r[5] == "amount"]
            total = next((r[4] for r in rows[1:] if r[1] == section and r[3] == year and r[5] == "total"), None)
            assert int(total) == sum(lines) if len(lines) > 1 else total is None  # one line: no subtotal row


# -- the window: a block pasted with Ctrl+V at 1366x728 ---------------------------------------------------------------

def test_ctrl_v_of_a_block_copied_from_excel_fills_the_lines_and_undoes_in_one_step(window, tmp_path, qtbot):
    new_path = tmp_path / "mtfp.sqlite"
    p = _plan_in_file(new_path)
    assert window.open_path(new_path)
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(p)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Employees")
    tab.view.setCurrentIndex(tab.model.index(row, tab.model.year_columns[0]))
    window.activateWindow()
    tab.view.setFocus()
    qtbot.waitUntil(lambda: tab.view.hasFocus() and window.isActiveWindow())
    QGuiApplication.clipboard().setText(excel([r[1:] for r in COMMUNITY_SAFETY]))
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not tab.message.isVisible(), tab.message.text()
    assert tab.model.index(row, tab.model.year_columns[3]).data() == "£393,200"
    subtotal = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data().startswith(
        "Community Safety") and r > row)
    assert tab.model.index(subtotal, tab.model.year_columns[0]).data() == "£924,500"
    assert window.undo_action.text().startswith("&Undo paste 20 figures") or "paste 20 figures" in \
        window.undo_action.text()
    window.undo_action.trigger()
    assert tab.model.index(row, tab.model.year_columns[3]).data() == ""


def _plan_in_file(path):
    from safer_desk.storage.store import open_store

    store = open_store(path, create=True)
    try:
        return _plan(store).selected
    finally:
        store.close()


def test_a_cell_copied_from_excel_with_a_new_line_inside_it_pastes_as_one_figure(window, tmp_path, qtbot):
    """Excel quotes a cell with a new line in it ("£4,000" then "(£2,000 per District)" on the next line): one cell."""
    new_path = tmp_path / "mtfp.sqlite"
    p = _plan_in_file(new_path)
    assert window.open_path(new_path)
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(p)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Transport")
    tab.view.setCurrentIndex(tab.model.index(row, tab.model.year_columns[1]))
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    QGuiApplication.clipboard().setText('"£4,000\n(£2,000 per District)"\r\n')
    window.paste_action.trigger()
    assert tab.presenter.error == ""
    assert tab.model.index(row, tab.model.year_columns[1]).data() == "£4,000 (£2,000 per district)"


# -- the keyboard alone, at 1366x728 -----------------------------------------------------------------------------------

def _editor(tab):
    return next((e for e in tab.view.viewport().findChildren(QLineEdit) if e.isVisible()), None)


def _type_with_keys(qtbot, tab, text, then=Qt.Key.Key_Tab):
    """F2 on the cell in view, the text typed over the figure, then Tab (or Enter)."""
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    qtbot.waitUntil(lambda: _editor(tab) is not None)
    editor = _editor(tab)
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, then)


def test_an_mtfp_keyed_with_the_keyboard_alone(empty_tab, window, qtbot, prompts):
    tab = empty_tab
    window.resize(1366, 728)
    # Name, Years, Enter: the plan is made (Enter in Years did nothing: only New plan's Alt+W made it).
    tab.plan_name.setFocus()
    qtbot.keyClicks(tab.plan_name, "East Sussex Community Safety MTFP")
    qtbot.keyClicks(tab.plan_years, "2011/12, 2012/13")
    qtbot.keyClick(tab.plan_years, Qt.Key.Key_Return)
    assert tab.plan_list.currentItem() is not None, tab.message.text()
    assert tab.plan_list.currentItem().text() == "East Sussex Community Safety MTFP"
    # Section, Enter (likewise); its lines, Enter after each.
    qtbot.keyClicks(tab.section_name, "Community Safety")
    qtbot.keyClick(tab.section_name, Qt.Key.Key_Return)
    assert tab.presenter.sections() and tab.presenter.sections()[0][1] == "Community Safety", tab.message.text()
    for label in ("Employees", "Transport", "DHRs"):
        qtbot.keyClicks(tab.line_label, label)
        qtbot.keyClick(tab.line_label, Qt.Key.Key_Return)
    # A year added (Add year… offers the next).
    prompts.texts.append("2013/14")
    tab.add_year()
    assert tab.presenter.columns == ["2011/12", "2012/13", "2013/14"]
    window.undo_action.trigger()
    assert tab.presenter.columns == ["2011/12", "2012/13"]
    window.redo_action.trigger()
    assert tab.presenter.columns == ["2011/12", "2012/13", "2013/14"]
    labels = [r.label for r in tab.presenter.rows if r.kind == "line"]
    qtbot.keyClicks(tab.line_label, "Spare")
    qtbot.keyClick(tab.line_label, Qt.Key.Key_Return)
    assert [r.label for r in tab.presenter.rows if r.kind == "line"] == [*labels, "Spare"]
    window.undo_action.trigger()
    assert [r.label for r in tab.presenter.rows if r.kind == "line"] == labels
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "Employees")
    years = tab.model.year_columns
    tab.view.setCurrentIndex(tab.model.index(row, years[0]))
    tab.view.setFocus()
    qtbot.waitUntil(tab.view.hasFocus)
    for text in ("327,800", "384,300", "TBC"):
        _type_with_keys(qtbot, tab, text)
    # after the line's last figure, Tab opens the next line's first
    qtbot.waitUntil(lambda: _editor(tab) is not None)
    assert tab.view.currentIndex() == tab.model.index(row + 1, years[0])
    editor = _editor(tab)
    qtbot.keyClicks(editor, "£4,000 (£2,000 per District) (Agreed at the board)")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _editor(tab) is not None)
    qtbot.keyClicks(_editor(tab), "N/K")
    qtbot.keyClick(_editor(tab), Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: _editor(tab) is not None)
    qtbot.keyClicks(_editor(tab), "nil")
    qtbot.keyClick(_editor(tab), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState)
    shown = [[tab.model.index(r, c).data() for c in years] for r in (row, row + 1)]
    assert shown == [["£327,800", "£384,300", "TBC"], ["£4,000 (£2,000 per district)", "N/K", "nil"]]
    assert tab.presenter.rows[row + 1].cells[0].note == "Agreed at the board"
    subtotal = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() ==
                    "Community Safety: subtotal")
    assert [tab.model.index(subtotal, c).data() for c in years] == ["£331,800", "£384,300 + N/K", "£0 + TBC"]
    # Del on a figure empties it; Edit > Undo puts it back, Redo takes it away again.
    tab.view.setCurrentIndex(tab.model.index(row, years[1]))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert tab.model.index(row, years[1]).data() == ""
    window.undo_action.trigger()
    assert tab.model.index(row, years[1]).data() == "£384,300"
    window.redo_action.trigger()
    assert tab.model.index(row, years[1]).data() == ""
    window.undo_action.trigger()
    # The paper's printed subtotal typed over the worked-out one: kept beside it and flagged.
    tab.view.setCurrentIndex(tab.model.index(subtotal, years[0]))
    _type_with_keys(qtbot, tab, "£97,200", then=Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: tab.view.state() != QAbstractItemView.State.EditingState)
    assert "the paper states £97,200 but the lines add up to £331,800" in tab.warnings.text()
    # Ctrl+C of the line copies plain pounds for Excel.
    tab.view.setCurrentIndex(tab.model.index(row, years[0]))
    qtbot.keyClick(tab.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert "327800" in QGuiApplication.clipboard().text()
    # Del on a line's name deletes the line after asking; Undo brings it back with its figures.
    prompts.answers.append(True)
    dhr = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "DHRs")
    tab.view.setCurrentIndex(tab.model.index(dhr, 0))
    qtbot.keyClick(tab.view, Qt.Key.Key_Delete)
    assert "DHRs" not in [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    window.undo_action.trigger()
    assert "DHRs" in [tab.model.index(r, 0).data() for r in range(tab.model.rowCount())]
    # Remove year: asked (it holds figures), undone with them.
    prompts.answers.append(True)
    tab.view.setCurrentIndex(tab.model.index(row, years[2]))
    tab.remove_year()
    assert tab.presenter.columns == ["2011/12", "2012/13"]
    window.undo_action.trigger()
    assert tab.presenter.columns == ["2011/12", "2012/13", "2013/14"]
    assert tab.model.index(row, tab.model.year_columns[2]).data() == "TBC"
    # A year outside the plan's run, and a heading with no year, are refused beside the grid.
    for heading, said in (("1848/49", "1848/49"), ("Budget", "no financial year")):
        prompts.texts.append(heading)
        tab.add_year()
        assert said in tab.message.text() and tab.message.isVisible()
    assert tab.presenter.columns == ["2011/12", "2012/13", "2013/14"]


def test_ctrl_v_of_rows_with_their_names_on_a_lines_name(window, tmp_path, qtbot):
    new_path = tmp_path / "mtfp.sqlite"
    p = _plan_in_file(new_path)
    assert window.open_path(new_path)
    window.resize(1366, 728)
    window.show()
    tab = window.show_tab("budgets")
    tab.presenter.select(p)
    row = next(r for r in range(tab.model.rowCount()) if tab.model.index(r, 0).data() == "LAA Reward Grant")
    tab.view.setCurrentIndex(tab.model.index(row, 0))
    window.activateWindow()
    tab.view.setFocus()
    qtbot.waitUntil(lambda: tab.view.hasFocus() and window.isActiveWindow())
    QGuiApplication.clipboard().setText(excel(GRANTS))
    qtbot.keyClick(tab.view, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert not tab.message.isVisible(), tab.message.text()
    assert [tab.model.index(row + 1, c).data() for c in tab.model.year_columns] == ["£21,100", "£125,500", "£0", "£0"]
    assert tab.model.index(row, 0).data() == "LAA Reward Grant"  # the names are not typed over
