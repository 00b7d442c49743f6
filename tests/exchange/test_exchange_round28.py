"""The county exchange and the board report (round 28)."""

from __future__ import annotations

from pathlib import Path

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template


def county_of_offices_typing(folder: Path, years: dict[str, tuple[int, ...]]) -> Path:
    """A county file merged from one office per district, each typing 10 hate incidents a month for Its district in
    the financial years given (starting years: 2025 is 2025/26)."""
    from safer_desk.services import indicators
    from safer_desk.services.indicators import PeriodValue

    base = template(folder, police=False)
    sent = []
    for district, typed in years.items():
        slug = district.lower().replace(" ", "-")
        office = office_from(base, folder / f"{slug}.sqlite", f"{district} office", districts=[district])
        try:
            indicator = indicators.save_indicator(office, "Hate incidents")
            for year in typed:
                indicators.save_values(office, indicator, f"district:{slug}",
                                       [PeriodValue(m.iso, 10.0) for m in FinancialYear(year).months],
                                       require_red_comments=False)
            sent.append(export(office, folder / f"{slug}-export.sqlite"))
        finally:
            office.close()
    path = folder / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        assert merge(county, sent).refused == []
    finally:
        county.close()
    return path


def test_the_county_overview_says_a_district_that_sent_no_figures_for_the_year_has_none(tmp_path):
    """Mid Suffolk office sent its hate incidents for 2024/25 only. The 2025/26 report's table per district showed
    its cell as "○ No target", beside Babergh's "○ 120", under a note saying a blank cell is an area with no figures:
    read as a figure held without a target, not as nothing sent for the year."""
    path = county_of_offices_typing(tmp_path, {"Babergh": (2024, 2025), "Mid Suffolk": (2024,)})
    county = open_store(path)
    try:
        overview = build_report(county, year="2025/26").sections[-1]
        table = next(t for t in overview.tables if t.title.endswith("figure and RAG per district"))
        cells = dict(zip(table.header, next(r for r in table.rows if r[0] == "Hate incidents")))
        assert cells["Babergh"] == "\u25cb\u00a0120"
        assert cells["Mid Suffolk"] == ""  # no figure: blank, as the note says
        assert "No figures for 2025/26: Mid Suffolk." in table.note
        # the year it sent is shown as before
        overview = build_report(county, year="2024/25").sections[-1]
        table = next(t for t in overview.tables if t.title.endswith("figure and RAG per district"))
        assert next(r for r in table.rows if r[0] == "Hate incidents")[1:] == ["\u25cb\u00a0120", "\u25cb\u00a0120"]
        assert "No figures for" not in table.note
    finally:
        county.close()


def test_a_project_both_offices_saved_in_the_same_second_is_compared_with_its_lists(tmp_path):
    """Babergh and Mid Suffolk offices each gave the shared project a cost line of their own, saved in the same
    second (so its own row is alike to the byte, updated_at included). The other office's project was taken as the
    same thing without comparing its lists, and its cost line raised "Cost line 0 of project …" on its own: the
    round-27 part conflict, whose Keep District Version changes a line and not the project it belongs to."""
    from datetime import datetime, timezone

    from safer_desk.domain import clock
    from safer_desk.services import projects as ps
    from safer_desk.services.county import list_conflicts

    base = template(tmp_path, police=False)
    store = open_store(base)
    try:
        ps.add_projects(store, [ps.Project(id="p-shared", title="Western Suffolk youth work", areas=("Countywide",))])
    finally:
        store.close()
    sent = []
    with clock.held_at(datetime(2025, 6, 2, 9, 30, tzinfo=timezone.utc)):
        for district, amount in (("Babergh", "£20,000"), ("Mid Suffolk", "£25,000")):
            slug = district.lower().replace(" ", "-")
            office = office_from(base, tmp_path / f"{slug}.sqlite", f"{district} office", districts=[district])
            try:
                p = ps.get_project(office, "p-shared")
                ps.save_project(office, ps.project_from_fields(
                    ps.project_fields(p), base=p, cost_lines=[("2025/26", "Staff", "Youth worker", amount)]))
                sent.append(export(office, tmp_path / f"{slug}-export.sqlite"))
            finally:
                office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, sent).refused == []
        (found,) = list_conflicts(county)
        assert found.table == "projects", found.detail
        assert "cost line 2025/26 Staff Youth worker £25,000" in found.detail
        # the county's project keeps the first office's line, once
        assert county.scalar("SELECT group_concat(amount_text) FROM project_cost_lines "
                             "WHERE project_id = 'p-shared'") == "£20,000"
    finally:
        county.close()



def test_a_project_conflict_raised_before_the_upgrade_is_not_kept_apart_from_its_lists(tmp_path, monkeypatch):
    """A county file merged by the version before round 27 holds two conflicts about one project: the project, and
    "Status change 0 of project …" (its history compared apart). Keep District Version of either alone left the
    register saying "completed" with a history saying "live on 01/05/2025" (no date for its status), or the other
    way round. Refused, saying to merge the office's file again, which raises the project and its lists as one
    conflict; Keep County Version of them changes nothing and is not refused."""
    from safer_desk.exchange import county_conflicts
    from safer_desk.services import projects as ps
    from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
    from tests.exchange.test_project_conflicts_round27 import office_exports

    sent = office_exports(tmp_path)
    path = tmp_path / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        with monkeypatch.context() as before_the_upgrade:  # a project compared without its lists
            before_the_upgrade.delitem(county_conflicts.WHOLES, "projects")
            assert merge(county, sent).refused == []
        assert sorted(c.table for c in list_conflicts(county)) == ["project_status_history", "projects"]
        trail = county.scalar("SELECT count(*) FROM audit_log")
        for c in list_conflicts(county):
            with pytest.raises(CountyError, match="earlier version of Safer Desk.*Import District Files"):
                resolve_conflicts(county, "district", which=c.id)
        with pytest.raises(CountyError, match="earlier version of Safer Desk"):
            resolve_conflicts(county, "district", which="project")
        assert county.scalar("SELECT count(*) FROM audit_log") == trail  # nothing written
        p = ps.get_project(county, "p-shared")
        assert (p.status, p.status_date) == ("live", "2025-05-01")
        # Merged again (the same files), the project and its history are one conflict, decided as one.
        merge(county, sent)
        (found,) = list_conflicts(county)
        assert found.table == "projects"
        resolve_conflicts(county, "district", which=found.id)
        p = ps.get_project(county, "p-shared")
        assert (p.status, p.status_date, [h.status for h in p.status_history]) == ("completed", "2025-06-01",
                                                                                   ["completed"])
    finally:
        county.close()


def test_keeping_the_county_version_of_a_conflict_raised_before_the_upgrade_is_not_refused(tmp_path, monkeypatch):
    from safer_desk.exchange import county_conflicts
    from safer_desk.services import projects as ps
    from safer_desk.services.county import list_conflicts, resolve_conflicts
    from tests.exchange.test_project_conflicts_round27 import office_exports

    sent = office_exports(tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        with monkeypatch.context() as before_the_upgrade:
            before_the_upgrade.delitem(county_conflicts.WHOLES, "projects")
            assert merge(county, sent).refused == []
        resolve_conflicts(county, "county", which="project")
        assert list_conflicts(county) == []
        p = ps.get_project(county, "p-shared")
        assert (p.status, p.status_date, [h.status for h in p.status_history]) == ("live", "2025-05-01", ["live"])
    finally:
        county.close()


def test_the_conflicts_window_says_why_a_conflict_from_before_the_upgrade_is_not_kept(window, qtbot, prompts, tmp_path,
                                                                                      monkeypatch):
    from PySide6.QtCore import Qt

    from safer_desk.exchange import county_conflicts
    from safer_desk.ui.exchange import menu
    from tests.exchange.test_project_conflicts_round27 import office_exports

    sent = office_exports(tmp_path)
    path = tmp_path / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        with monkeypatch.context() as before_the_upgrade:
            before_the_upgrade.delitem(county_conflicts.WHOLES, "projects")
            assert merge(county, sent).refused == []
    finally:
        county.close()
    assert window.open_path(path)
    dialog = menu.open_conflicts_dialog(window)
    rows = [dialog.model.row(i) for i in range(dialog.model.rowCount())]
    status = next(n for n, c in enumerate(rows) if c.table == "project_status_history")
    dialog.view.setCurrentIndex(dialog.proxy.mapFromSource(dialog.model.index(status, 1)))
    assert dialog.selected().detail.startswith("Status change 0 of project")
    qtbot.mouseClick(dialog.keep_district_button, Qt.MouseButton.LeftButton)
    (error,) = prompts.errors
    assert error[0] == "Conflicts" and "earlier version of Safer Desk" in error[1]
    assert dialog.model.rowCount() == 2 and not window.session.undo_stack.canUndo()
    store = window.session.store
    assert store.scalar("SELECT status FROM projects WHERE id = 'p-shared'") == "live"
    assert store.scalar("SELECT status FROM project_status_history WHERE project_id = 'p-shared'") == "live"
    dialog.close()
