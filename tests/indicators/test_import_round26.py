"""Import Figures (round 26): the preview says which comments the file holds a row replaces (the explanation an
officer typed for a red month), and marks a figure that comes out red with no comment saying why (which the grid
asks for before it saves one typed by hand), naming it again after the command imports it; and the keyboard's
context menu on the Indicators grid opens on the current cell."""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import apply_values, preview_values

ALL_CRIME_NOV = "Between April and the end of November the numbers of overall crime recorded has increased"
SAC_NOV = "Serious Acquisitive crime continues to reduce and remains low."
LEVEL_TWO = "Level Two \u201cist\u201d incidents reported"


def _csv(tmp_path, text: str, name: str = "figures.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _comment_sheet(tmp_path):
    return _csv(tmp_path, "indicator,area,period,value,comment\n"
                          "All crime,Plymouth,2016-11,1600,Higher after a recount\n"  # figure and comment replaced
                          "Serious acquisitive crime,Plymouth,2016-11,148,New words\n"  # the comment alone
                          "Anti-social behaviour,Plymouth,2016-11,700,\n")  # no comment: the file's stays


def test_the_preview_names_each_comment_a_row_replaces(demo_store, tmp_path):
    preview = preview_values(demo_store, _comment_sheet(tmp_path))
    assert preview.refused == [] and preview.changes == 3
    assert set(preview.comments_replaced) == {2, 3}
    assert preview.comments_replaced[2].startswith(ALL_CRIME_NOV)
    assert preview.comments_replaced[3].startswith(SAC_NOV)
    assert preview.replaced_text(2).startswith("1,575 (board paper, seed 003) and its comment \u201cBetween April")
    assert preview.replaced_text(3).startswith(f"the comment \u201c{SAC_NOV[:20]}")
    assert preview.replaced_text(4) == "748 (board paper, seed 003)"
    assert preview.report().splitlines()[0] == (
        "3 rows can be imported (3 change the file, 2 of them replacing figures it holds and 2 replacing comments it "
        "holds), 0 refused.")
    lines = preview.report().splitlines()
    assert any(line.startswith("Line 3: the sheet's comment replaces the one the file held for Serious acquisitive "
                               f"crime, Plymouth, Nov-16: \u201c{SAC_NOV}") for line in lines)
    apply_values(demo_store, preview)
    asb = svc.get_indicator(demo_store, "Anti-social behaviour").id
    assert svc.value_rows(demo_store, asb, "district:plymouth", ["2016-11"])["2016-11"]["comment"].startswith(
        "Levels of anti-social behaviour")  # a row with no comment leaves the file's as it was


def test_the_window_shows_the_comment_a_row_replaces_before_importing(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(_comment_sheet(tmp_path))
    rows = {r["line"]: r for r in dialog.model.rows}
    assert rows[2]["replaces"].startswith("1,575 (board paper, seed 003) and its comment \u201cBetween April")
    assert rows[3]["replaces"].startswith("the comment \u201cSerious Acquisitive")
    assert rows[4]["replaces"] == "748 (board paper, seed 003)"
    column = [c.key for c in dialog.model.columns].index("replaces")
    tip = dialog.model.data(dialog.model.index(1, column), 3)  # ToolTipRole: the comment in full
    assert SAC_NOV in tip and "importing replaces it" in tip
    assert "2 replacing comments it holds, listed under Replaces" in dialog.summary.text()
    dialog.close()


def test_the_command_lists_the_comments_it_replaced(demo_path, tmp_path, capsys):
    assert main(["import-figures", str(demo_path), str(_comment_sheet(tmp_path))]) == 0
    out = capsys.readouterr().out
    assert (f"Line 2: the sheet's comment replaces the one the file held for All crime, Plymouth, Nov-16: "
            f"\u201c{ALL_CRIME_NOV}") in out
    assert "Line 3: the sheet's comment replaces the one the file held for Serious acquisitive crime" in out


def test_a_figure_that_comes_out_red_with_no_comment_is_marked_before_importing(demo_store, tmp_path):
    """The grid refuses to save Nov-16's 10 (red against 428) without a comment; the sheet's row was imported with
    none and not a word said."""
    path = _csv(tmp_path, "indicator,area,period,value,comment\n"
                          f"\"{LEVEL_TWO}\",Plymouth,2016-11,10,\n"  # red, no comment
                          f"\"{LEVEL_TWO}\",Plymouth,2016-12,10,Reporting centres closed\n"  # red, with its comment
                          f"\"{LEVEL_TWO}\",Plymouth,2016-10,10,\n"  # red, keeps the comment the file holds
                          "All crime,Plymouth,2016-12,1200,\n")  # not red
    changes = demo_store.conn.total_changes
    preview = preview_values(demo_store, path)
    assert demo_store.conn.total_changes == changes  # judged without writing, not even a write rolled back
    assert preview.refused == [] and not preview.queried
    assert set(preview.uncommented) == {2}
    assert "red against its target" in preview.uncommented[2] and "comment" in preview.uncommented[2]
    assert f"Line 2 (needs a comment): {LEVEL_TWO}, Plymouth, Nov-16 is red against its target" in preview.report()
    # The preview wrote nothing: the figure is not in the file until imported.
    ind = svc.get_indicator(demo_store, LEVEL_TWO)
    assert "2016-11" not in svc.value_rows(demo_store, ind.id, "district:plymouth", ["2016-11"])
    apply_values(demo_store, preview)  # imported as they are: the sheet's comment kept with its figure
    view = svc.year_view(demo_store, ind, "district:plymouth", FinancialYear(2016))
    assert [view.period_rags[i].key for i in (6, 7, 8)] == ["red", "red", "red"]
    assert view.comments[8] == "Reporting centres closed" and view.comments[6].startswith("Post Brexit")
    assert view.comments[7] == ""
    # As the grid judges them once saved: the line marked is the one red with no comment.
    crime = svc.year_view(demo_store, "All crime", "district:plymouth", FinancialYear(2016))
    marked = {line for line, v, i in ((2, view, 7), (3, view, 8), (4, view, 6), (5, crime, 8))
              if v.period_rags[i].key == "red" and not v.comments[i].strip()}
    assert marked == set(preview.uncommented)


def test_the_window_marks_a_red_figure_with_no_comment(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _csv(tmp_path, f"indicator,area,period,value\n\"{LEVEL_TWO}\",Plymouth,2016-11,10\n")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    assert not demo_window.isWindowModified()
    (row,) = dialog.model.rows
    assert row["status"] == "Needs comment" and "red against its target" in row["why"]
    assert "1 red with no comment saying why" in dialog.summary.text()
    assert dialog.apply()
    tab = demo_window.show_tab("indicators")  # the grid marks the Comment cell, as for a figure typed
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.select_indicator(LEVEL_TWO)
    assert tab.grid.item(tab.grid.keys.index("comment"), 7).toolTip() == (
        "Red against target: a comment saying why is needed.")


def test_the_command_names_the_red_figures_it_imported_with_no_comment(demo_path, tmp_path, capsys):
    path = _csv(tmp_path, f"indicator,area,period,value\n\"{LEVEL_TWO}\",Plymouth,2016-11,10\n")
    assert main(["import-figures", str(demo_path), str(path)]) == 0
    out = capsys.readouterr().out
    assert f"Line 2 (needs a comment): {LEVEL_TWO}, Plymouth, Nov-16 is red against its target" in out


def test_the_menu_key_opens_the_grids_menu_on_the_current_cell(demo_window, qtbot, monkeypatch):
    """It opened the width of the row labels to the right of the cell (and the headings' height below it)."""
    from PySide6.QtWidgets import QMenu

    opened = []
    monkeypatch.setattr(QMenu, "popup", lambda menu, at, *a: opened.append(at))  # where, before the screen's edge
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    grid = tab.grid
    demo_window.show()
    demo_window.activateWindow()
    assert QTest.qWaitForWindowActive(demo_window)
    assert grid.verticalHeader().isVisible() and grid.verticalHeader().width() > 0
    grid.setFocus()
    grid.setCurrentCell(1, 3)
    QApplication.sendEvent(demo_window.windowHandle(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0)))
    cell = grid.visualRect(grid.model().index(1, 3))
    assert opened == [grid.viewport().mapToGlobal(cell.center())]
