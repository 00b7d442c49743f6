"""Round 64: one line taken out of a project's list is one change, in the History and at the county.

With Suffolk ELEV8's nine cost lines (seed 000), the first line deleted and the project saved, the History read
"Changed 8 cost lines and deleted cost line Independent evaluation and dissemination … 2010/11" (43 entries): each
line below had taken the id of the one above it, and the line said deleted was the last, not the one deleted. The
same for a funder's share, an officer, and a line added in the middle. A list's rows now keep their ids by what they
are (a line alike stays the same row wherever it moves; a line edited keeps its own), so the History reads the one
line deleted or added, and the county the one row.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt

from safer_desk.domain.projects import read_line_amount
from safer_desk.presenters.history import history_lines
from safer_desk.services import projects as svc
from tests.projects.test_register_leave_round39pjx import click_row

ELEV8_ROW = 4  # Suffolk ELEV8 in the example's register, sorted by ref


def _project(store, title):
    return next(p for p in svc.load_projects(store) if p.title == title)


def _rows(store, table, project_id):
    """(id, position, values) of each row of the project's list, in order."""
    rows = [dict(r) for r in store.rows(f"SELECT * FROM {table} WHERE project_id = ? ORDER BY position",
                                         (project_id,))]
    return [(r.pop("id"), r.pop("position"), tuple(v for k, v in r.items() if k != "project_id")) for r in rows]


def _save(store, loaded, **changes):
    with store.action(f"Save project {loaded.title}"):
        return svc.save_project(store, replace(loaded, **changes), loaded=loaded)


def _ids_by_values(rows):
    return {values: row_id for row_id, _, values in rows}


def test_a_cost_line_deleted_near_the_top_is_one_change_and_the_others_keep_their_ids(demo_store):
    elev8 = _project(demo_store, "Suffolk ELEV8")
    before = _rows(demo_store, "project_cost_lines", elev8.id)
    assert len(before) == 9
    _save(demo_store, elev8, cost_lines=elev8.cost_lines[1:])
    after = _rows(demo_store, "project_cost_lines", elev8.id)
    assert [(row_id, values) for row_id, _, values in after] == [(row_id, values) for row_id, _, values in before[1:]]
    assert [position for _, position, _ in after] == list(range(8))
    line = history_lines(demo_store, limit=1)[0]
    deleted = "Deleted cost line Project Officer (contribution, with on costs) of Suffolk ELEV8, 2009/10"
    assert line.summary == deleted
    assert line.details == (f"{deleted}: category staff; amount as written £18,000",)  # what it held (s65)


def test_a_cost_line_added_in_the_middle_is_one_line_added(demo_store):
    elev8 = _project(demo_store, "Suffolk ELEV8")
    before = _rows(demo_store, "project_cost_lines", elev8.id)
    added = svc.CostLine("2009/10", "training", "Training for volunteers", read_line_amount("£1,200"))
    _save(demo_store, elev8, cost_lines=(*elev8.cost_lines[:3], added, *elev8.cost_lines[3:]))
    after = _rows(demo_store, "project_cost_lines", elev8.id)
    assert [row_id for row_id, _, _ in after[:3] + after[4:]] == [row_id for row_id, _, _ in before]
    assert after[3][0] not in {row_id for row_id, _, _ in before}
    assert history_lines(demo_store, limit=1)[0].summary == \
        "Added cost line Training for volunteers of Suffolk ELEV8, 2009/10"


def test_a_cost_line_edited_in_place_keeps_its_id_and_is_one_change(demo_store):
    elev8 = _project(demo_store, "Suffolk ELEV8")
    before = _rows(demo_store, "project_cost_lines", elev8.id)
    lines = list(elev8.cost_lines)
    lines[2] = replace(lines[2], amount=read_line_amount("£5,500"))
    _save(demo_store, elev8, cost_lines=tuple(lines))
    after = _rows(demo_store, "project_cost_lines", elev8.id)
    assert [row_id for row_id, _, _ in after] == [row_id for row_id, _, _ in before]
    line = history_lines(demo_store, limit=1)[0]
    assert line.summary.startswith("Changed the amount as written, lowest amount and highest amount of cost line "
                                   "Volunteer expenses of Suffolk ELEV8, 2009/10"), line.summary
    assert all("Volunteer expenses" in d and "2009/10" in d for d in line.details), line.details


def test_a_line_deleted_and_another_edited_below_it_are_two_changes(demo_store):
    elev8 = _project(demo_store, "Suffolk ELEV8")
    before = _rows(demo_store, "project_cost_lines", elev8.id)
    lines = list(elev8.cost_lines)
    lines[5] = replace(lines[5], amount=read_line_amount("£4,100"))  # Administrative support, 2010/11
    _save(demo_store, elev8, cost_lines=(*lines[:1], *lines[2:]))  # Administrative support, 2009/10 deleted
    after = _rows(demo_store, "project_cost_lines", elev8.id)
    assert [row_id for row_id, _, _ in after] == [row_id for row_id, _, _ in before[:1] + before[2:]]
    line = history_lines(demo_store, limit=1)[0]
    assert "deleted cost line Administrative support of Suffolk ELEV8, 2009/10" in line.summary
    assert sum(d.startswith("Deleted") for d in line.details) == 1
    assert all(d.startswith("Deleted") or "2010/11" in d for d in line.details), line.details


def test_lines_moved_keep_their_ids_and_change_nothing_else(demo_store):
    elev8 = _project(demo_store, "Suffolk ELEV8")
    before = _rows(demo_store, "project_cost_lines", elev8.id)
    lines = list(elev8.cost_lines)
    _save(demo_store, elev8, cost_lines=(lines[4], *lines[:4], *lines[5:][::-1]))  # one moved up, four turned round
    after = _rows(demo_store, "project_cost_lines", elev8.id)
    assert sorted((row_id, values) for row_id, _, values in after) == sorted(
        (row_id, values) for row_id, _, values in before)
    assert [values for _, _, values in after] == [values for _, _, values in
                                                  (before[4], *before[:4], *before[5:][::-1])]
    assert history_lines(demo_store, limit=1)[0].summary.startswith("Nothing a person would see changed")


def test_an_officer_or_a_funders_share_deleted_from_the_top_is_one_change(demo_store):
    homeshield = _project(demo_store, "Homeshield Plus")
    officers = _rows(demo_store, "project_officers", homeshield.id)
    assert len(officers) == 3
    _save(demo_store, homeshield, officers=homeshield.officers[1:])
    assert [r[0] for r in _rows(demo_store, "project_officers", homeshield.id)] == [r[0] for r in officers[1:]]
    line = history_lines(demo_store, limit=1)[0]
    assert line.summary.startswith("Deleted project officer Mark Sanderson"), line.summary
    assert len(line.details) == 1

    homeshield = _project(demo_store, "Homeshield Plus")
    shares = (svc.FundingSource("Home Office", 1_000_000, financial_year="2009/10"),
              svc.FundingSource("Suffolk County Council", 500_000, financial_year="2009/10"),
              svc.FundingSource("Suffolk PCT", 250_000, financial_year="2009/10"))
    _save(demo_store, homeshield, funding_sources=shares)
    written = _rows(demo_store, "project_funding_sources", homeshield.id)
    homeshield = _project(demo_store, "Homeshield Plus")
    _save(demo_store, homeshield, funding_sources=shares[1:])
    assert [r[0] for r in _rows(demo_store, "project_funding_sources", homeshield.id)] == [r[0] for r in written[1:]]
    line = history_lines(demo_store, limit=1)[0]
    assert line.summary.startswith("Deleted funding source Home Office"), line.summary
    assert len(line.details) == 1


def test_undo_and_redo_of_a_line_deleted_put_back_the_rows_and_ids_exactly(demo_store):
    elev8 = _project(demo_store, "Suffolk ELEV8")
    before = _rows(demo_store, "project_cost_lines", elev8.id)
    snap = svc.snapshot(demo_store, elev8.id)
    _save(demo_store, elev8, cost_lines=(*elev8.cost_lines[:2], *elev8.cost_lines[3:]))
    saved = _rows(demo_store, "project_cost_lines", elev8.id)
    redo = svc.snapshot(demo_store, elev8.id)
    svc.restore_projects(demo_store, [snap])  # Edit > Undo
    assert _rows(demo_store, "project_cost_lines", elev8.id) == before
    svc.restore_projects(demo_store, [redo])  # Edit > Redo
    assert _rows(demo_store, "project_cost_lines", elev8.id) == saved
    svc.restore_projects(demo_store, [snap])
    assert _rows(demo_store, "project_cost_lines", elev8.id) == before


def test_a_cost_line_removed_on_the_projects_tab_is_one_change_in_the_history(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").register
    click_row(qtbot, page, ELEV8_ROW)
    assert page.presenter.selected_project.title == "Suffolk ELEV8"
    table = page.editor.cost_lines.table
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                     pos=table.visualRect(table.model().index(0, 2)).center())
    qtbot.mouseClick(page.editor.cost_lines.remove_button, Qt.MouseButton.LeftButton)
    assert table.rowCount() == 8
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert not demo_window.has_unsaved_changes()

    demo_window.history_action.trigger()
    dialog = demo_window._history_dialog
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    deleted = "Deleted cost line Project Officer (contribution, with on costs) of Suffolk ELEV8, 2009/10"
    newest = {dialog.proxy.headerData(c, Qt.Orientation.Horizontal): dialog.proxy.index(0, c).data()
              for c in range(dialog.proxy.columnCount())}
    assert newest["Action"] == "Change cost lines of Suffolk ELEV8"
    assert newest["What changed"] == deleted
    assert dialog.detail.toPlainText().splitlines()[1:] == [f"• {deleted}: category staff; amount as written £18,000"]
    dialog.close()
