"""Round 33 (shr): a row several offices hold goes from the county when the last of them has deleted it.

The county keeps which offices hold a row they sent alike (``_county_holders``, schema step
keep_which_offices_hold_shared_rows). An office that no longer sends it no longer holds it; when none does, it goes
as an office's own row would: counted in the merge's summary and its entry in the History of Changes, kept and asked
about when the county edited it since, and (reference data) kept while anything in the county refers to it. A county
file merged before the step kept no holders: its shared rows stay, as they always did.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import replace

from safer_desk.exchange.report_html import render_html
from safer_desk.services import dhr, funds, projects, reference
from safer_desk.services.county import (decision_rows, list_conflicts, plan_decision, put_back_decision_rows,
                                       resolve_conflicts)
from safer_desk.services.history import actions
from safer_desk.services.projects import Project, add_projects
from safer_desk.services.report import build_report
from safer_desk.storage.store import MIGRATIONS_TABLE, open_store
from tests.exchange.district_offices import merge

SHARED = "Western Suffolk youth work"  # the county-wide project (p-shared) both offices hold
PARTNER = "Stowmarket Community Trust"


def _board_paper(store) -> str:
    return render_html(build_report(store, year="2025/26"))


def _both_send(o):
    return merge(o.county, [o.send(o.babergh), o.send(o.mid)])


def test_one_office_deleting_a_shared_project_leaves_it_until_the_other_does_too(offices):
    o = offices
    _both_send(o)
    projects.delete_projects(o.babergh, ["p-shared"])
    _both_send(o)
    _both_send(o)  # Babergh's files go on without it: Mid Suffolk still holds it
    assert SHARED in _board_paper(o.county)
    projects.delete_projects(o.mid, ["p-shared"])
    text = merge(o.county, [o.send(o.mid)]).text()
    assert SHARED not in _board_paper(o.county)
    assert o.county.scalar("SELECT count(*) FROM projects WHERE id = 'p-shared'") == 0
    assert "Removed, as Mid Suffolk office's file no longer has them: 1 project ('Western Suffolk youth work')" in text
    assert list_conflicts(o.county) == []
    assert o.county.scalar("SELECT count(*) FROM _county_holders WHERE row_key = 'p-shared'") == 0


def test_a_review_each_office_recorded_under_its_own_id_goes_when_both_have_deleted_it(offices):
    """Held under another id than the county's (matched by its reference): sending it so is holding it."""
    o = offices
    for office in (o.babergh, o.mid):
        dhr.add_case(office, reference="WSCSP-DHR-2025-07", district="Mid Suffolk", partnership="Western Suffolk CSP",
                     notified_on="2025-07-01")
    assert dhr.case_id_by_reference(o.babergh, "WSCSP-DHR-2025-07") != dhr.case_id_by_reference(o.mid,
                                                                                                "WSCSP-DHR-2025-07")
    _both_send(o)
    assert o.county.scalar("SELECT count(*) FROM dhr_cases WHERE reference = 'WSCSP-DHR-2025-07'") == 1
    dhr.delete_case(o.mid, dhr.case_id_by_reference(o.mid, "WSCSP-DHR-2025-07"))
    _both_send(o)
    assert o.county.scalar("SELECT count(*) FROM dhr_cases WHERE reference = 'WSCSP-DHR-2025-07'") == 1
    dhr.delete_case(o.babergh, dhr.case_id_by_reference(o.babergh, "WSCSP-DHR-2025-07"))
    _both_send(o)
    assert o.county.scalar("SELECT count(*) FROM dhr_cases WHERE reference = 'WSCSP-DHR-2025-07'") == 0
    assert list_conflicts(o.county) == []


def _edited_at_county_then_deleted_by_both(o):
    _both_send(o)
    p = projects.get_project(o.county, "p-shared")
    projects.save_project(o.county, replace(p, title=f"{SHARED} (county-wide from 2026)"))
    for office in (o.babergh, o.mid):
        projects.delete_projects(office, ["p-shared"])
    return _both_send(o)


def test_a_shared_project_edited_at_the_county_is_kept_and_asked_about_when_the_last_office_deletes_it(offices):
    o = offices
    report = _edited_at_county_then_deleted_by_both(o)
    assert [(c.kind, c.office_name) for c in report.conflicts] == [("removed-but-edited", "Mid Suffolk office")]
    assert f"{SHARED} (county-wide from 2026)" in _board_paper(o.county)
    assert [c.kind for c in _both_send(o).conflicts] == ["removed-but-edited"]  # asked until decided
    resolve_conflicts(o.county, "county")  # the county lead keeps it: the county's own from now on
    _both_send(o)
    assert list_conflicts(o.county) == []
    assert f"{SHARED} (county-wide from 2026)" in _board_paper(o.county)


def test_undoing_the_county_lead_s_decision_asks_about_the_shared_row_again(offices):
    o = offices
    _edited_at_county_then_deleted_by_both(o)
    plan = plan_decision(o.county, "county")
    before = decision_rows(o.county, plan)  # what Edit > Undo of the decision puts back
    resolve_conflicts(o.county, "county")
    put_back_decision_rows(o.county, before)
    assert [c.kind for c in list_conflicts(o.county)] == ["removed-but-edited"]
    assert [c.kind for c in _both_send(o).conflicts] == ["removed-but-edited"]


def test_the_county_lead_letting_the_offices_deletion_stand_removes_it(offices):
    o = offices
    _edited_at_county_then_deleted_by_both(o)
    resolve_conflicts(o.county, "district")
    assert o.county.scalar("SELECT count(*) FROM projects WHERE id = 'p-shared'") == 0
    _both_send(o)
    assert list_conflicts(o.county) == []
    assert SHARED not in _board_paper(o.county)


def test_the_merge_that_removed_it_says_so_in_the_history_of_changes(offices):
    o = offices
    _both_send(o)
    for office in (o.babergh, o.mid):
        projects.delete_projects(office, ["p-shared"])
    _both_send(o)
    merged = [a for a in actions(o.county) if a.label.startswith("Merge Mid Suffolk office")][0]
    [entry] = merged.entries  # a merge is one entry: what it did, table by table
    details = json.loads(entry.new_value)
    assert details["tables"]["projects"] == {"removed": 1}
    assert details["rows"]["projects"] == {"delete": 1}


def test_a_partner_the_county_still_refers_to_stays_until_nothing_does(offices):
    o = offices
    b = o.babergh
    reference.add_organisation(b, PARTNER)
    merge(o.county, [o.send(b)])
    pot = funds.add_fund(o.county, name="County pot", starts_on="01/04/2025", ends_on="31/03/2026",
                         risk_levels="high")
    paid = funds.add_contribution(o.county, pot, organisation=PARTNER, amount="£500", received_on="01/05/2025")
    reference.remove_reference(b, "organisation", b.scalar("SELECT id FROM organisations WHERE name = ?", (PARTNER,)))
    merge(o.county, [o.send(b)])
    assert PARTNER in [org.name for org in reference.list_organisations(o.county)]
    assert list_conflicts(o.county) == []
    funds.delete_contribution(o.county, paid)
    merge(o.county, [o.send(b)])
    assert PARTNER not in [org.name for org in reference.list_organisations(o.county)]


def _as_before_the_step(o) -> None:
    """The county file as a version before round 33 left it: no holders kept (opened again, it is upgraded)."""
    path = o.county.path
    o.county.close()
    conn = sqlite3.connect(str(path), isolation_level=None)
    conn.execute("DROP TABLE _county_holders")
    conn.execute(f"DELETE FROM {MIGRATIONS_TABLE} WHERE name = 'keep_which_offices_hold_shared_rows'")
    conn.close()
    o.county = open_store(path)
    assert o.county.scalar("SELECT count(*) FROM _county_holders") == 0


def test_a_county_file_merged_before_the_step_keeps_its_shared_rows_as_it_always_did(offices):
    o = offices
    _both_send(o)
    _as_before_the_step(o)
    for office in (o.babergh, o.mid):
        projects.delete_projects(office, ["p-shared"])
        add_projects(office, [Project(id="p-new", title="Countywide hate crime reporting", areas=("Countywide",))])
    _both_send(o)
    assert SHARED in _board_paper(o.county)  # shared before: who held it is not known, so it stays
    for office in (o.babergh, o.mid):
        projects.delete_projects(office, ["p-new"])
    _both_send(o)
    assert o.county.scalar("SELECT count(*) FROM projects WHERE id = 'p-new'") == 0  # shared since: it goes
    assert SHARED in _board_paper(o.county)
    assert list_conflicts(o.county) == []


def test_a_blank_file_keeps_the_holders_of_shared_rows_with_exactly_these_columns(store):
    """Step keep_which_offices_hold_shared_rows: one row per office holding a shared row, internal (not audited, not
    exported), and empty in an office's own file."""
    from safer_desk.exchange.county_schema import data_tables

    assert [(r["name"], r["type"], r["notnull"], r["pk"]) for r in store.rows("PRAGMA table_info(_county_holders)")] \
        == [("table_name", "TEXT", 1, 1), ("row_key", "TEXT", 1, 2), ("office_id", "TEXT", 1, 3)]
    assert "WITHOUT ROWID" in store.scalar("SELECT sql FROM sqlite_master WHERE name = '_county_holders'")
    assert "_county_holders" not in data_tables(store.conn)
    assert not store.scalar("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND "
                            "tbl_name = '_county_holders'")
    assert store.scalar("SELECT count(*) FROM _county_holders") == 0
