"""The Budgets grid with the keyboard, and the grid after the file changes under it (h19 F1 and F3).

F1: after a figure typed in a cell, Tab opened the editor on the section's name at the top of the grid (each change
rebuilt the grid, which lost the cell in view before Qt acted on the Tab), and the next figure typed renamed the
section. Tab now opens the next figure of the same line, Shift+Tab the one before, Enter moves to the cell below;
nothing typed next lands anywhere but in the cell the person sees. Each step is checked in the file itself.

F3: a merge of district files (or any change the file gets from elsewhere) left the plan on screen as it was: figures
the merge had replaced, a line it had removed, a total that matched nothing. The tab now reads the plan again, and a
figure still being typed is kept in its cell (or said to be lost, when the merge took its line away).
"""

from __future__ import annotations

import sqlite3

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLineEdit

from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as service
from safer_desk.ui.budgets.tab import FIGURE_LENGTH_ROLE, PlanModel

WESTERN = "Western Suffolk"
SECTION = "Revenue/Capital/Expenditure/Income Item"
DHR, HARDENING, ECINS = "Domestic Homicide Reviews (DHRs)", "Target Hardening for High Risk DV Victims", \
    "E-CINS/Athena Partnership Platform"
NOTE = "Cost to be reimbursed from WSCSP key statutory partners"
EDITING = QAbstractItemView.State.EditingState


def file_rows(path, sql: str, *args) -> list[tuple]:
    """Read the file itself (a connection of its own), not what the window holds."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, args).fetchall()
    finally:
        conn.close()


def figures(path) -> dict[tuple[str, str], tuple[str, int | None]]:
    """The Western plan's cells in the file: (line, year) -> (status, pence)."""
    return {(line, year): (status, pence) for line, year, status, pence in file_rows(
        path, "SELECT l.label, c.label, bc.status, bc.amount_pence FROM budget_cells bc "
              "JOIN budget_lines l ON l.id = bc.line_id JOIN budget_columns c ON c.id = bc.column_id "
              "JOIN budget_sections s ON s.id = l.section_id JOIN budget_plans p ON p.id = s.plan_id "
              "WHERE p.name LIKE 'Western%'")}


def names(path) -> list[tuple[str, str]]:
    """The Western plan's sections and lines in the file, in order."""
    return file_rows(path, "SELECT s.name, l.label FROM budget_lines l JOIN budget_sections s ON s.id = l.section_id "
                           "JOIN budget_plans p ON p.id = s.plan_id WHERE p.name LIKE 'Western%' "
                           "ORDER BY s.position, l.position")


def printed_totals(path) -> list[tuple[str, int | None]]:
    return file_rows(path, "SELECT c.label, t.amount_pence FROM budget_stated_totals t "
                           "JOIN budget_columns c ON c.id = t.column_id JOIN budget_plans p ON p.id = t.plan_id "
                           "WHERE p.name LIKE 'Western%' AND t.section_id IS NULL ORDER BY c.position")


def choose_plan(tab, start: str) -> None:
    tab.plan_list.setCurrentRow(next(i for i in range(tab.plan_list.count())
                                     if tab.plan_list.item(i).text().startswith(start)))


def row_of(tab, label: str) -> int:
    return next(r for r in range(tab.model.rowCount()) if tab.model.row(r).label == label)


def year(tab, i: int) -> int:
    return tab.model.year_columns[i]


def open_editor(qtbot, tab, index, *, kept: bool = False) -> QLineEdit:
    """The editor open on ``index`` (and only there), once it has selected what it selects (kept: opened again with
    what was being typed, the cursor after it)."""
    view = tab.view
    qtbot.waitUntil(lambda: view.state() == EDITING and isinstance(view.indexWidget(index), QLineEdit)
                    and view.indexWidget(index).isVisible() and view.indexWidget(index).hasFocus(), timeout=3000)
    editor = view.indexWidget(index)
    if kept:
        assert not editor.hasSelectedText() and editor.cursorPosition() == len(editor.text())
        return editor
    length = index.data(FIGURE_LENGTH_ROLE)  # a figure with a note: the figure alone, once the editor has selected it
    figure = editor.text()[:length] if isinstance(length, int) and length < len(editor.text()) else editor.text()
    qtbot.waitUntil(lambda: editor.selectedText() == figure, timeout=3000)
    assert [e for e in view.viewport().findChildren(QLineEdit) if e.isVisible()] == [editor]
    return editor


def f2_on(qtbot, tab, row: int, column: int) -> QLineEdit:
    """Select a cell and press F2, as the person does."""
    index = tab.model.index(row, column)
    tab.view.setCurrentIndex(index)
    tab.view.setFocus()
    qtbot.keyClick(tab.view, Qt.Key.Key_F2)
    return open_editor(qtbot, tab, index)


def put_in(qtbot, tab, row: int, column: int, text: str, key: Qt.Key) -> None:
    """F2 on a cell, ``text`` typed and put in with ``key`` (Enter or Tab); back once the editor has closed."""
    editor = f2_on(qtbot, tab, row, column)
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, key)
    editing_done(qtbot, tab)


def type_straight_in(qtbot, tab, text: str) -> None:
    """Keys typed one by one, as a person does (the window has its turn between them), to whatever has the focus:
    the first opens the editor of the cell in view."""
    tab.view.setFocus()
    for key in text:
        qtbot.keyClick(QApplication.focusWidget(), key)
        QApplication.processEvents()


def editing_done(qtbot, tab) -> None:
    view = tab.view
    qtbot.waitUntil(lambda: view.state() != EDITING
                    and not any(e.isVisible() for e in view.viewport().findChildren(QLineEdit)), timeout=3000)


def current(tab) -> tuple[str, str]:
    index = tab.view.currentIndex()
    assert index.isValid()
    return tab.model.row(index.row()).label, tab.model.headerData(index.column(), Qt.Orientation.Horizontal)


def grid(tab) -> list[tuple[str, list[str]]]:
    m = tab.model
    return [(m.row(r).label, [m.index(r, c).data() for c in m.year_columns]) for r in range(m.rowCount())]


def as_the_file_has_it(tab) -> list:
    """The plan as a presenter reading the file now shows it."""
    fresh = BudgetsPresenter(tab.session.store)
    fresh.select(tab.presenter.selected)
    return fresh.rows


def western_rows(store) -> tuple[BudgetsPresenter, dict[str, str]]:
    p = BudgetsPresenter(store)
    p.reload()
    p.select(next(plan.id for plan in p.plans if plan.name.startswith(WESTERN)))
    return p, {r.label: r.line_id for r in p.rows if r.kind == "line"}


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1366, 768)
    demo_window.show()
    demo_window.activateWindow()
    tab = demo_window.show_tab("budgets")
    choose_plan(tab, WESTERN)
    return tab


def test_tab_goes_along_the_line_and_enter_down_the_column(qtbot, tab, demo_path):
    names_before = names(demo_path)
    editor = f2_on(qtbot, tab, row_of(tab, DHR), year(tab, 0))
    assert editor.selectedText() == "£7,525.58"
    qtbot.keyClicks(editor, "8000")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert figures(demo_path)[(DHR, "2017/18")] == ("amount", 800000)
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, DHR), year(tab, 1)))  # 2018/19, same line
    assert current(tab) == (DHR, "2018/19") and editor.text() == "TBC"
    qtbot.keyClicks(editor, "4000")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert figures(demo_path)[(DHR, "2018/19")] == ("amount", 400000)
    # Past the worked-out "Change to 2019/20" column: the next figure of the line.
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, DHR), year(tab, 2)))
    assert current(tab) == (DHR, "2019/20") and editor.text() == "N/K"
    qtbot.keyClicks(editor, "3000")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editing_done(qtbot, tab)
    assert figures(demo_path)[(DHR, "2019/20")] == ("amount", 300000)
    assert current(tab) == (HARDENING, "2019/20")  # the cell below
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    assert current(tab) == (ECINS, "2019/20")
    assert names(demo_path) == names_before  # no section or line renamed
    stack = tab.session.undo_stack
    plan = tab.presenter.view.plan.name
    assert [stack.text(i) for i in range(stack.count())] == [f"Set {DHR}, {y} in plan {plan}"
                                                             for y in ("2017/18", "2018/19", "2019/20")]


def test_enter_after_a_figure_moves_to_the_line_below(qtbot, tab, demo_path):
    put_in(qtbot, tab, row_of(tab, DHR), year(tab, 0), "8000", Qt.Key.Key_Return)
    assert figures(demo_path)[(DHR, "2017/18")] == ("amount", 800000)
    assert current(tab) == (HARDENING, "2017/18")
    qtbot.keyClick(tab.view, Qt.Key.Key_Down)
    assert current(tab) == (ECINS, "2017/18")
    editor = f2_on(qtbot, tab, row_of(tab, ECINS), year(tab, 0))  # F2 there edits E-CINS, not a name
    assert editor.text().startswith("£5,000")


def test_shift_tab_goes_back_and_tab_never_opens_a_name(qtbot, tab, demo_path):
    names_before, figures_before = names(demo_path), figures(demo_path)
    editor = f2_on(qtbot, tab, row_of(tab, HARDENING), year(tab, 0))
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)  # the line above's last figure
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, DHR), year(tab, 2)))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editing_done(qtbot, tab)
    # The last line's last figure: Tab puts it in and goes no further (not to the total, nor round to a name).
    put_in(qtbot, tab, row_of(tab, ECINS), year(tab, 2), "700", Qt.Key.Key_Tab)
    assert figures(demo_path)[(ECINS, "2019/20")] == ("amount", 70000)
    assert current(tab) == (ECINS, "2019/20")
    type_straight_in(qtbot, tab, "4000")  # typed with no editor open: into the cell in view, as in a spreadsheet
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    editing_done(qtbot, tab)
    assert names(demo_path) == names_before
    assert figures(demo_path) == figures_before | {(ECINS, "2019/20"): ("amount", 400000)}
    # Tab from a line's name goes to its first figure; Shift+Tab from its first figure does not go back to a name.
    editor = f2_on(qtbot, tab, row_of(tab, HARDENING), 0)
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, HARDENING), year(tab, 0)))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editing_done(qtbot, tab)
    editor = f2_on(qtbot, tab, row_of(tab, DHR), year(tab, 0))
    qtbot.keyClick(editor, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    editing_done(qtbot, tab)
    assert current(tab) == (DHR, "2017/18")
    assert names(demo_path) == names_before


def test_typing_straight_into_a_cell_replaces_its_figure_and_keeps_its_note(qtbot, tab, demo_path):
    """Found with F1: typed without F2, the first key opened the editor and the figure was selected after it, so
    the next key replaced the first: "8000" went in as "000" (£0) and the note was lost."""
    tab.view.setCurrentIndex(tab.model.index(row_of(tab, DHR), year(tab, 0)))
    type_straight_in(qtbot, tab, "8000")
    assert QApplication.focusWidget().text() == f"8000 ({NOTE})"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, DHR), year(tab, 1)))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editing_done(qtbot, tab)
    assert figures(demo_path)[(DHR, "2017/18")] == ("amount", 800000)
    row = next(r for r in tab.presenter.rows if r.label == DHR)
    assert row.cells[0].note == NOTE


def test_tab_after_a_printed_total_that_adds_a_row_keeps_to_the_total(qtbot, tab, demo_path):
    """A printed total typed over the worked-out one adds an "(as printed)" row, which rebuilds the grid: the cell
    in view is found again by what it is (the total, 2018/19), not by its row number."""
    total = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "total")
    label = tab.model.row(total).label
    editor = f2_on(qtbot, tab, total, year(tab, 0))
    qtbot.keyClicks(editor, "£12,000")
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    assert printed_totals(demo_path) == [("2017/18", 1200000)]
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, label), year(tab, 1)))
    assert any(tab.model.row(r).kind == "stated-total" for r in range(tab.model.rowCount()))
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editing_done(qtbot, tab)
    assert current(tab) == (label, "2018/19")
    assert names(demo_path)[0][0] == SECTION


def test_the_grid_changes_cells_in_place_and_finds_a_cell_again_by_what_it_is(demo_store, qtmodeltester):
    p, lines = western_rows(demo_store)
    model = PlanModel(p)
    p.changed.connect(model.show_plan)
    model.show_plan()
    qtmodeltester.check(model)
    rows = {model.row(r).label: r for r in range(model.rowCount())}
    total = next(r for r in range(model.rowCount()) if model.row(r).kind == "total")
    key = model.cell_key(model.index(rows[HARDENING], model.year_columns[1]))
    seen: list = []
    model.modelReset.connect(lambda: seen.append("rebuilt"))
    model.dataChanged.connect(lambda first, last, roles=(): seen.append((first.row(), first.column(), last.column())))
    assert p.set_cell(lines[DHR], "2017/18", "8000.50")  # pence still in the plan: every figure shown as it was
    last = model.columnCount() - 1
    assert seen == [(rows[DHR], 0, last), (total, 0, last)]  # the line and the total, whole rows, in place
    assert model.index(rows[DHR], model.year_columns[0]).data() == "£8,000.50"
    seen.clear()
    assert p.set_cell(lines[DHR], "2017/18", "8000")  # the plan's last pence gone (s75): every row shown anew, in place
    assert seen == [(r, 0, last) for r in range(model.rowCount())]
    assert model.index(rows[DHR], model.year_columns[0]).data() == "£8,000"
    assert model.index(rows[HARDENING], model.year_columns[0]).data() == "£0"
    seen.clear()
    assert p.delete_row(next(r for r in p.rows if r.label == DHR))
    assert seen == ["rebuilt"]
    assert model.index_of(key) == model.index(rows[HARDENING] - 1, model.year_columns[1])  # found by what it is
    assert not model.index_of(model.cell_key(model.index(0, 0))[:1] + (("line", "gone", None), "2018/19")).isValid()
    qtmodeltester.check(model)


# -- F3: the file changed under the tab -------------------------------------------------------------------------
@pytest.fixture
def county_and_export(tmp_path, demo_path):
    """The example office exported twice: the county file holds export 1; export 2 has the DHRs' 2017/18 at £9,999
    and no E-CINS line."""
    from tests.exchange.helpers import county_then_office_changes

    def change(office):
        p, lines = western_rows(office)
        assert p.set_cell(lines[DHR], "2017/18", "£9,999") and p.delete_row(next(r for r in p.rows
                                                                                 if r.label == ECINS))

    return county_then_office_changes(demo_path, tmp_path, change)


def test_a_merge_of_district_files_is_shown_in_the_plan(qtbot, window, prompts, county_and_export):
    from safer_desk.ui.exchange.dialogs import import_district_files

    county, export = county_and_export
    assert window.open_path(county)
    window.resize(1366, 768)
    window.show()
    tab = window.show_tab("budgets")
    choose_plan(tab, WESTERN)
    assert (DHR, ["£7,525.58", "TBC", "N/K"]) in grid(tab) and any(label == ECINS for label, _ in grid(tab))
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(export)])
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None, timeout=20000)
    assert window.merge_result.report.merged
    window.merge_result.close()
    assert tab.model.rows == as_the_file_has_it(tab)
    assert (DHR, ["£9,999", "TBC", "N/K"]) in grid(tab)
    assert not any(label == ECINS for label, _ in grid(tab))
    total = next(r for r in range(tab.model.rowCount()) if tab.model.row(r).kind == "total")
    assert tab.model.index(total, year(tab, 0)).data() == "£9,999"
    assert prompts.errors == []


def test_a_refused_change_shows_the_plan_as_the_file_has_it(demo_store):
    """Found after a merge: typing in a line the merge had removed was refused, and the line stayed on screen."""
    p, lines = western_rows(demo_store)
    other, _ = western_rows(demo_store)
    assert other.delete_row(next(r for r in other.rows if r.label == ECINS))  # elsewhere (a merge, say)
    assert not p.set_cell(lines[ECINS], "2018/19", "6000")
    assert p.error and ECINS not in [r.label for r in p.rows]
    assert p.rows == other.rows


def change_elsewhere(tab, *, remove: str | None = None, dhr: str | None = None) -> None:
    """What a merge does to the open file (its rows written, then the notice every tab hears)."""
    store = tab.session.store
    lines = {r.label: r.line_id for r in tab.presenter.rows if r.kind == "line"}
    if dhr is not None:
        service.set_cell(store, lines[DHR], "2017/18", dhr, note_in_text=True)
    if remove is not None:
        service.remove_line(store, lines[remove])
    tab.session.notify("")


@pytest.mark.parametrize("remove", [None, ECINS])
def test_a_figure_being_typed_is_kept_when_the_file_changes_under_it(qtbot, tab, demo_path, remove):
    editor = f2_on(qtbot, tab, row_of(tab, HARDENING), year(tab, 1))
    qtbot.keyClicks(editor, "4500")  # over "£4,000 (£2,000 per district)", the whole of it selected
    assert editor.text() == "4500"
    change_elsewhere(tab, remove=remove, dhr="£9,999")
    assert (DHR, ["£9,999", "TBC", "N/K"]) in grid(tab)
    assert any(label == ECINS for label, _ in grid(tab)) == (remove is None)
    assert tab.model.rows == as_the_file_has_it(tab)
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, HARDENING), year(tab, 1)), kept=True)
    assert editor.text() == "4500"
    assert not tab.message.isVisibleTo(tab)  # its own cell was not changed: nothing to say
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editing_done(qtbot, tab)
    assert figures(demo_path)[(HARDENING, "2018/19")] == ("amount", 450000)
    assert figures(demo_path)[(DHR, "2017/18")] == ("amount", 999900)


def test_a_figure_being_typed_in_a_cell_the_file_changed_says_what_it_holds_now(qtbot, tab, demo_path):
    editor = f2_on(qtbot, tab, row_of(tab, DHR), year(tab, 0))
    qtbot.keyClicks(editor, "8000")
    change_elsewhere(tab, dhr="£9,999")
    assert next(r for r in tab.model.rows if r.label == DHR).cells[0].text == "£9,999"
    assert "£9,999" in tab.message.text() and "Enter puts it in, Esc keeps" in tab.message.text()
    editor = open_editor(qtbot, tab, tab.model.index(row_of(tab, DHR), year(tab, 0)), kept=True)
    assert editor.text() == f"8000 ({NOTE})"
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    editing_done(qtbot, tab)
    assert figures(demo_path)[(DHR, "2017/18")] == ("amount", 999900)


def test_a_figure_being_typed_in_a_line_the_merge_removed_is_said_to_be_lost(qtbot, tab, demo_path):
    editor = f2_on(qtbot, tab, row_of(tab, ECINS), year(tab, 1))
    qtbot.keyClicks(editor, "6000")
    change_elsewhere(tab, remove=ECINS)
    editing_done(qtbot, tab)
    assert not any(label == ECINS for label, _ in grid(tab))
    assert tab.message.isVisibleTo(tab)
    assert ECINS in tab.message.text() and "2018/19" in tab.message.text() and "6000" in tab.message.text()
    assert (ECINS, "2018/19") not in figures(demo_path)
