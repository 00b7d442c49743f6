"""The DHR ledger as at a day before an unbilled cost line was deleted (s69, schema step
create_dhr_deleted_cost_lines).

WSCSP-DHR-2017-02: a chair's £1,100 dated 01/05/2018 and a venue's £250 dated 20/05/2018, neither billed; the £250
deleted on 10/06/2018. Asked what the review's costs stood at on 01/06/2018, Costs > Reviews, the Ledger,
`dhr-ledger --as-at 01/06/2018 --by-case` and the board report read £1,100, where the screen had shown £1,350 that
day: the deleted line was gone from the past too (a billed one was kept as "Taken off since", an unbilled one not at
all). Each deleted cost line is now kept as it was, with the day it was deleted.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from safer_desk.cli import main
from safer_desk.domain.money import format_money
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter
from safer_desk.services import dhr
from safer_desk.services.report import build_report
from safer_desk.storage.store import backups_folder, open_store
from tests.costs.dated_days import trail_moved_back

UNDER_WAY = "WSCSP-DHR-2017-02"
ASKED = date(2018, 6, 1)
DELETED = date(2018, 6, 10)
TODAY = date(2026, 12, 1)


def with_a_line_deleted(store) -> str:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="1100", invoiced_on="2018-05-01")
    venue = dhr.add_cost_line(store, case_id, category="Venue", amount="250", invoiced_on="2018-05-20")
    trail_moved_back(store.conn)  # keyed in the day before it is deleted: it stood (a line keyed that day did not)
    dhr.delete_cost_line(store, venue, bill_again_on=DELETED)  # nothing billed: deleted, the day kept
    return case_id


def case_as_at(store, day: date, case_id: str):
    return next(c for c in dhr.list_cases(store, today=day, as_at=day) if c.id == case_id)


def test_the_cost_as_at_a_day_before_an_unbilled_line_was_deleted_is_what_stood_then(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    before = {c.id: c for c in dhr.list_cases(demo_store, today=ASKED, as_at=ASKED)}[case_id]
    case_id = with_a_line_deleted(demo_store)
    then = case_as_at(demo_store, ASKED, case_id)
    assert (then.cost_pence, then.unbilled_pence) == (before.cost_pence + 135000, before.unbilled_pence + 135000)
    lines = dhr.cost_lines(demo_store, case_id, as_at=ASKED)
    assert [(line["category"], line["amount_pence"], line["invoiced_on"]) for line in lines
            if line["amount_pence"] in (110000, 25000)] == [
        ("Independent chair/author", 110000, "2018-05-01"), ("Venue", 25000, "2018-05-20")]
    assert sum(line["amount_pence"] for line in lines) == then.cost_pence
    # From the day it was deleted, and today, it is gone
    assert case_as_at(demo_store, DELETED, case_id).cost_pence == before.cost_pence + 110000
    assert [line["category"] for line in dhr.cost_lines(demo_store, case_id)].count("Venue") == 0
    assert [line["category"] for line in dhr.cost_lines(demo_store, case_id, as_at=DELETED)].count("Venue") == 0


def test_the_costs_page_and_ledger_as_at_the_day(demo_store):
    case_id = with_a_line_deleted(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload(select=case_id)
    assert p.choose_day("01/06/2018")
    p.select(case_id)
    assert ("Venue", 25000) in [(line["category"], line["amount_pence"]) for line in p.details().costs]
    shown = LedgerPresenter(today=lambda: TODAY)
    assert shown.choose("01/06/2018")
    ledger = shown.read(demo_store)
    assert next(c for c in ledger.cases if c.id == case_id).cost_pence == case_as_at(demo_store, ASKED,
                                                                                     case_id).cost_pence
    assert "not kept" not in ledger.note


def test_deleting_it_on_the_window_keeps_it_with_todays_date_and_undo_takes_that_away(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    venue = dhr.add_cost_line(demo_store, case_id, category="Venue", amount="250", invoiced_on="2018-05-20")
    log = ActionLog()
    p = DhrPresenter(demo_store, perform=log, today=lambda: TODAY)
    p.reload(select=case_id)
    p.select(case_id)
    line = next(line for line in dhr.cost_lines(demo_store, case_id) if line["id"] == venue)
    p.delete_cost_line(line)
    kept = [dict(r) for r in demo_store.rows("SELECT * FROM dhr_deleted_cost_lines")]
    assert [(r["id"], r["amount_pence"], r["deleted_on"]) for r in kept] == [(venue, 25000, TODAY.isoformat())]
    log.undo()
    assert demo_store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 0
    assert venue in [line["id"] for line in dhr.cost_lines(demo_store, case_id)]


def test_on_the_command_line_and_in_the_board_report(demo_path, capsys):
    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    cost = case_as_at(store, ASKED, case_id).cost_pence
    with_a_line_deleted(store)
    store.close()
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/06/2018", "--by-case"]) == 0
    row = next(r for r in capsys.readouterr().out.splitlines() if r.startswith(UNDER_WAY + ","))
    assert row.split(",")[1] == f"{(cost + 135000) / 100:.2f}".rstrip("0").rstrip(".")
    store = open_store(demo_path)
    try:
        section = next(s for s in build_report(store, as_at=ASKED, today=TODAY).sections
                       if s.title.endswith("recovery"))
        rows = next(t for t in section.tables if t.title == "Cost recovery per case").rows
        # its cost then
        assert next(r for r in rows if r[0] == UNDER_WAY)[5] == format_money(cost + 135000, show_pence=True)
    finally:
        store.close()


# -- a file made before the step --------------------------------------------------------------------------------------

STEP = ("safer_desk.costs", "create_dhr_deleted_cost_lines")


def as_older_file(path) -> None:
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'dhr_deleted_cost_lines'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE dhr_deleted_cost_lines")
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", STEP)
    conn.commit()
    conn.close()


def test_an_older_file_is_upgraded_with_a_backup_keeping_the_lines_its_trail_gives(demo_path, capsys):
    from safer_desk.domain.clock import uk_day

    store = open_store(demo_path)
    case_id = with_a_line_deleted(store)
    store.close()
    as_older_file(demo_path)
    conn = sqlite3.connect(demo_path)
    (at,) = conn.execute("SELECT max(at) FROM audit_log WHERE table_name = 'dhr_cost_lines' "
                         "AND action = 'delete'").fetchone()
    conn.close()
    store = open_store(demo_path)  # backed up, then the step applied
    try:
        columns = [r[1] for r in store.rows("PRAGMA table_info(dhr_deleted_cost_lines)")]
        assert columns == ["id", "case_id", "category", "description", "supplier", "invoice_ref", "invoiced_on",
                           "amount_pence", "deleted_on"]
        # kept from the audit trail, as its delete recorded it, on the day it was in the UK (no billing with it)
        assert [tuple(r) for r in store.rows("SELECT category, amount_pence, invoiced_on, deleted_on "
                                             "FROM dhr_deleted_cost_lines")] == [
            ("Venue", 25000, "2018-05-20", uk_day(at).isoformat())]
        assert dhr.deleted_lines_unkept(store, ASKED) == []
        assert ("Venue", 25000) in [(line["category"], line["amount_pence"])
                                    for line in dhr.cost_lines(store, case_id, as_at=ASKED)]
        # one the trail could not give (a repaired trail) is said, not invented
        store.conn.execute("DELETE FROM dhr_deleted_cost_lines")
        assert dhr.deleted_lines_unkept(store, ASKED) == [UNDER_WAY]
        shown = LedgerPresenter(today=lambda: TODAY)
        assert shown.choose("01/06/2018")
        note = shown.read(store).note
        assert (f"{UNDER_WAY} had cost lines deleted by an earlier Safer Desk, which did not keep them: as at "
                "01/06/2018 its cost leaves out any of them that stood then") in note
        # A line deleted after the upgrade is kept, and the note still names the review for the ones before
        line = dhr.add_cost_line(store, case_id, category="Legal", amount="40", invoiced_on="2018-05-25")
        dhr.delete_cost_line(store, line, bill_again_on=DELETED)
        assert case_as_at(store, ASKED, case_id).cost_pence - case_as_at(store, DELETED, case_id).cost_pence == 4000
    finally:
        store.close()
    assert list(backups_folder(demo_path).glob("*.before-upgrade.sqlite"))
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/06/2018"]) == 0
    assert f"safer-desk: note: {UNDER_WAY} had cost lines deleted by an earlier Safer Desk" in capsys.readouterr().err


def test_a_file_with_the_step_misses_nothing(demo_store):
    with_a_line_deleted(demo_store)
    assert dhr.deleted_lines_unkept(demo_store, ASKED) == []


def test_the_county_merges_the_deleted_lines_and_reads_the_review_as_at_a_day_as_the_office_does(demo_path, tmp_path):
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        case_id = with_a_line_deleted(office)
        cost = {day: case_as_at(office, day, case_id).cost_pence for day in (ASKED, DELETED)}
        first = export(office, tmp_path / "first.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [first]).refused == []
        assert list_conflicts(county) == []
        assert merge(county, [first]).refused == []  # the same file again changes nothing
        assert county.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 1
        at_county = dhr.case_id_by_reference(county, UNDER_WAY)
        assert {day: case_as_at(county, day, at_county).cost_pence for day in cost} == cost
        assert dhr.deleted_lines_unkept(county, ASKED) == []
    finally:
        county.close()


def test_a_deleted_line_listed_as_at_a_day_before_says_so_when_edited_or_deleted(demo_store):
    import pytest

    from safer_desk.domain.dhr import DhrError
    from safer_desk.presenters.costs import NothingTo

    case_id = with_a_line_deleted(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload(select=case_id)
    assert p.choose_day("01/06/2018")
    p.select(case_id)
    venue = next(line for line in p.details().costs if line["category"] == "Venue")
    said = "The Venue cost of £250 was deleted on 10/06/2018: it is listed as it stood on the day shown"
    with pytest.raises(NothingTo, match=said):
        p.edit_cost_line_form(venue)
    with pytest.raises(DhrError, match=said):
        p.delete_cost_line_said(venue)


def test_an_older_file_does_not_keep_a_line_whose_adding_was_undone(demo_path):
    # Added in error (Venue £250, 20/05/2018) and undone at once, by an earlier Safer Desk: the undo deleted it, but
    # it was never a cost of the review, as this program's undo leaves it (the review as it was before the add). The
    # upgrade kept it as a line deleted today, so as at 01/06/2018 the review read £250 more than it ever stood at.
    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    before = case_as_at(store, ASKED, case_id).cost_pence
    log = ActionLog()
    p = DhrPresenter(store, perform=log, today=lambda: TODAY)
    p.reload(select=case_id)
    p.select(case_id)
    form = p.cost_line_form()
    form.set_value("category", "Venue and travel")
    form.set_value("amount", "250")
    form.set_value("invoiced_on", "20/05/2018")
    assert form.save()
    assert case_as_at(store, ASKED, case_id).cost_pence == before + 25000
    log.undo()
    assert store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 0  # as this program leaves it
    assert dhr.deleted_lines_unkept(store, ASKED) == []  # and no line "deleted by an earlier Safer Desk" either
    store.close()
    as_older_file(demo_path)
    store = open_store(demo_path)
    try:
        assert store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 0
        assert case_as_at(store, ASKED, case_id).cost_pence == before
        assert dhr.deleted_lines_unkept(store, ASKED) == []
    finally:
        store.close()


def test_an_older_file_whose_trail_missed_deletes_says_so_as_at_a_day_before_its_repair(demo_path, capsys):
    # A tool dropped the audit trigger for deleted cost lines; the earlier Safer Desk then deleted the Venue £250
    # (20/05/2018) unrecorded, and the trail was repaired. The upgrade cannot keep a line the trail never had: as at
    # 01/06/2018 the review reads £250 short of what stood then, and the ledger said nothing of it.
    from safer_desk.domain.clock import uk_day
    from safer_desk.storage.store import repair_audit_trail

    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    venue = dhr.add_cost_line(store, case_id, category="Venue", amount="250", invoiced_on="2018-05-20")
    store.close()
    as_older_file(demo_path)
    conn = sqlite3.connect(demo_path)
    conn.execute("DROP TRIGGER audit_dhr_cost_lines_delete")
    conn.execute("DELETE FROM dhr_cost_lines WHERE id = ?", (venue,))
    conn.commit()
    conn.close()
    repair_audit_trail(demo_path)  # upgraded first, then the gap recorded
    store = open_store(demo_path)
    try:
        assert store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines") == 0  # nothing invented
        repaired = uk_day(store.scalar("SELECT max(at) FROM audit_log WHERE action = 'event' "
                                       "AND column_name = 'repair'"))
        said = (f"The audit trail did not record every cost line deleted before {repaired:%d/%m/%Y}, when it was "
                "repaired: as at 01/06/2018 a review's cost leaves out any line an earlier Safer Desk deleted then "
                "that stood on that day and had not been billed by then.")
        shown = LedgerPresenter(today=lambda: TODAY)
        assert shown.choose("01/06/2018")
        assert said in shown.read(store).note
        section = next(s for s in build_report(store, as_at=ASKED, today=TODAY).sections
                       if s.title.endswith("recovery"))
        assert said in " ".join(section.paragraphs)
        # from the day it was repaired, every delete is in the trail
        assert dhr.deleted_lines_unrecorded(store, repaired) is None
        assert dhr.deleted_lines_unrecorded(store, ASKED) == repaired
    finally:
        store.close()
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/06/2018"]) == 0
    assert f"safer-desk: note: {said}" in capsys.readouterr().err
