"""`safer-desk check` and a review cost line's earlier version put into the file outside Safer Desk (s70, step 33).

Found by editing a copy of the example with sqlite3: the audit trigger of dhr_cost_line_versions dropped, a version
of WSCSP-DHR-2017-01's Administration cost of £625.58 inserted (£999.99, replaced on 01/01/2019), the trigger made
again word for word. Costs > Reviews as at 01/06/2018 then read £999.99 for the line, with nothing in History, and
`check` said "All checks passed". Each version is written by a correction (its insert is in the trail) or, in a file
made before step 33, from the corrections the trail records; one that is neither is now said, naming it.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services.integrity import check_file
from safer_desk.storage.store import open_store
from tests.costs.dated_days import file_moved_back

CASE = "WSCSP-DHR-2017-01"
STEP = ("safer_desk.costs", "create_dhr_cost_line_versions")


def correct_the_administration_cost(path) -> str:
    store = open_store(path)
    try:
        case_id = dhr.case_id_by_reference(store, CASE)
        log = ActionLog()
        p = DhrPresenter(store, perform=log, today=lambda: date(2026, 12, 1))
        p.reload(select=case_id)
        p.select(case_id)
        line = next(li for li in dhr.cost_lines(store, case_id) if li["category"] == "Administration")
        form = p.edit_cost_line_form(line)
        form.set_value("amount", "630")
        assert form.save()
        log.undo()
        log.redo()
        assert store.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 1
        return line["id"]
    finally:
        store.close()


def insert_a_version_unrecorded(path, line_id: str) -> None:
    conn = sqlite3.connect(path)
    name = "audit_dhr_cost_line_versions_insert"
    (trigger,) = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (name,)).fetchone()
    conn.execute(f"DROP TRIGGER {name}")
    conn.execute("INSERT INTO dhr_cost_line_versions(id, line_id, case_id, category, description, supplier, "
                 "invoice_ref, invoiced_on, amount_pence, replaced_on) SELECT id || '@2019-01-01', id, case_id, "
                 "category, description, supplier, invoice_ref, invoiced_on, 99999, '2019-01-01' FROM dhr_cost_lines "
                 "WHERE id = ?", (line_id,))
    conn.execute(trigger)
    conn.commit()
    conn.close()


def test_a_version_inserted_without_its_entry_is_said_in_plain_words(demo_path):
    line_id = correct_the_administration_cost(demo_path)
    assert check_file(demo_path).ok  # the correction, its undo and redo: each version in the trail
    insert_a_version_unrecorded(demo_path, line_id)
    report = check_file(demo_path)
    assert not report.ok
    said = [f.text for f in report.findings if not f.ok]
    assert said == ["review cost MSDC-ADM-0318 of WSCSP-DHR-2017-01 as it stood before 01/01/2019 (£999.99) is not "
                    "in the audit trail: no correction of the line made it, so it was put into the file outside Safer "
                    "Desk, and Costs > Reviews as at a day before 01/01/2019 reads it"], said
    assert not any("dhr_cost_line" in line for line in report.lines())


def test_versions_an_upgrade_kept_from_the_trail_are_not_said(demo_path):
    file_moved_back(demo_path)  # the example file made the day before: its line stood when corrected
    line_id = correct_the_administration_cost(demo_path)
    conn = sqlite3.connect(demo_path)  # as the previous program left it: no step 33, the corrections in the trail
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'dhr_cost_line_versions'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE dhr_cost_line_versions")
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", STEP)
    conn.commit()
    conn.close()
    open_store(demo_path).close()  # upgraded: the version kept from the trail, with no insert entry of its own
    conn = sqlite3.connect(demo_path)
    assert conn.execute("SELECT line_id FROM dhr_cost_line_versions").fetchall() == [(line_id,)]
    assert not conn.execute("SELECT 1 FROM audit_log a JOIN dhr_cost_line_versions v ON v.id = a.row_id "
                            "WHERE a.table_name = 'dhr_cost_line_versions'").fetchall()  # dated as the upgrade dates it
    conn.close()
    report = check_file(demo_path)
    assert report.ok, report.lines()
    # and one put in by hand after the upgrade is said all the same
    insert_a_version_unrecorded(demo_path, line_id)
    assert [f.text.split(" is not in")[0] for f in check_file(demo_path).findings if not f.ok] == [
        "review cost MSDC-ADM-0318 of WSCSP-DHR-2017-01 as it stood before 01/01/2019 (£999.99)"]


def test_versions_merged_at_the_county_are_not_said(demo_path, tmp_path):
    from tests.exchange.district_offices import export, merge

    correct_the_administration_cost(demo_path)
    office = open_store(demo_path)
    try:
        first = export(office, tmp_path / "first.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [first]).refused == []
        assert county.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 1
    finally:
        county.close()
    report = check_file(tmp_path / "county.sqlite")  # merged in one batch entry, not one entry per row
    assert report.ok, report.lines()


def test_after_a_repair_that_recorded_the_gap_it_is_said_without_a_problem(demo_path):
    line_id = correct_the_administration_cost(demo_path)
    conn = sqlite3.connect(demo_path)  # the trigger dropped and not put back: check --repair puts it back
    conn.execute("DROP TRIGGER audit_dhr_cost_line_versions_insert")
    conn.execute("INSERT INTO dhr_cost_line_versions(id, line_id, case_id, category, description, supplier, "
                 "invoice_ref, invoiced_on, amount_pence, replaced_on) SELECT id || '@2019-01-01', id, case_id, "
                 "category, description, supplier, invoice_ref, invoiced_on, 99999, '2019-01-01' FROM dhr_cost_lines "
                 "WHERE id = ?", (line_id,))
    conn.commit()
    conn.close()
    repaired = check_file(demo_path, repair=True)
    assert repaired.repaired
    report = check_file(demo_path)  # the gap is recorded in the trail: the office's file is sound again
    assert report.ok, report.lines()
    noted = [f.text for f in report.findings if "£999.99" in f.text]
    assert len(noted) == 1 and noted[0].startswith(
        "review cost MSDC-ADM-0318 of WSCSP-DHR-2017-01 as it stood before 01/01/2019 (£999.99) was put into the file "
        "while the recording of cost lines' earlier versions was switched off: the repair of "), noted
