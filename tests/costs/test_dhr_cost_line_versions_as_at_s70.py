"""The DHR ledger as at a day before a cost line was corrected (s70, schema step create_dhr_cost_line_versions).

WSCSP-DHR-2017-02: a chair's £1,350 dated 10/05/2018, not billed, corrected on 01/08/2018 to £1,100. Asked what the
review's costs stood at on 01/06/2018, Costs > Reviews, the Ledger (and its workbook), `dhr-ledger --as-at` and the
board report read the £1,100, where the screen had shown £1,350 that day: a correction rewrote the past. Each version
a correction replaces is now kept as it was, with the day it was replaced.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from safer_desk.cli import main
from safer_desk.domain.money import format_money
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter, ledger_sheets
from safer_desk.services import dhr
from safer_desk.services.report import build_report
from safer_desk.storage.store import backups_folder, open_store
from tests.costs.dated_days import trail_moved_back

UNDER_WAY = "WSCSP-DHR-2017-02"
CHAIR = "Independent chair/author"
ASKED = date(2018, 6, 1)
EDITED = date(2018, 8, 1)
TODAY = date(2026, 12, 1)


def chair_values(**changed) -> dict:
    return {"category": CHAIR, "amount": "1350", "invoiced_on": "2018-05-10", "description": "Chair's fee",
            "supplier": "", "invoice_ref": "", **changed}


def with_a_line_corrected(store) -> tuple[str, str]:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    line = dhr.add_cost_line(store, case_id, **chair_values())
    dhr.update_cost_line(store, line, bill_again_on=EDITED, **chair_values(amount="1100"))  # nothing billed
    return case_id, line


def case_as_at(store, day: date, case_id: str):
    return next(c for c in dhr.list_cases(store, today=day, as_at=day) if c.id == case_id)


def chair_lines(store, case_id: str, day: date | None) -> list[tuple[int, str | None]]:
    return [(line["amount_pence"], line["invoiced_on"]) for line in dhr.cost_lines(store, case_id, as_at=day)
            if line.get("description") == "Chair's fee"]


def test_the_cost_as_at_a_day_before_a_correction_is_what_stood_then(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    before = {day: case_as_at(demo_store, day, case_id).cost_pence for day in (ASKED, EDITED)}
    now = next(c for c in dhr.list_cases(demo_store, today=TODAY) if c.id == case_id).cost_pence
    case_id, _ = with_a_line_corrected(demo_store)
    assert case_as_at(demo_store, ASKED, case_id).cost_pence == before[ASKED] + 135000
    assert chair_lines(demo_store, case_id, ASKED) == [(135000, "2018-05-10")]
    assert sum(line["amount_pence"] for line in dhr.cost_lines(demo_store, case_id, as_at=ASKED)) == case_as_at(
        demo_store, ASKED, case_id).cost_pence
    # From the day it was corrected, and now, the correction
    assert case_as_at(demo_store, EDITED, case_id).cost_pence == before[EDITED] + 110000
    assert chair_lines(demo_store, case_id, EDITED) == [(110000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, None) == [(110000, "2018-05-10")]
    assert next(c for c in dhr.list_cases(demo_store, today=TODAY) if c.id == case_id).cost_pence == now + 110000


def test_a_date_moved_and_corrections_on_two_days_each_read_as_they_stood(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    line = dhr.add_cost_line(demo_store, case_id, **chair_values())
    # 01/08/2018 corrected twice (£1,200, then £1,100): the day before reads the version before the first
    dhr.update_cost_line(demo_store, line, bill_again_on=EDITED, **chair_values(amount="1200"))
    dhr.update_cost_line(demo_store, line, bill_again_on=EDITED, **chair_values(amount="1100"))
    # 01/09/2018 its date moved after the day asked: it stood on 01/06/2018 all the same
    dhr.update_cost_line(demo_store, line, bill_again_on=date(2018, 9, 1),
                         **chair_values(amount="1100", invoiced_on="2018-08-20"))
    dhr.update_cost_line(demo_store, line, bill_again_on=date(2018, 9, 2),  # nothing changed: nothing kept
                         **chair_values(amount="1100", invoiced_on="2018-08-20"))
    assert [tuple(r) for r in demo_store.rows("SELECT amount_pence, invoiced_on, replaced_on FROM "
                                              "dhr_cost_line_versions ORDER BY replaced_on")] == [
        (135000, "2018-05-10", "2018-08-01"), (110000, "2018-05-10", "2018-09-01")]
    assert chair_lines(demo_store, case_id, ASKED) == [(135000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, date(2018, 8, 15)) == [(110000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, date(2018, 8, 31)) == [(110000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, date(2018, 9, 1)) == [(110000, "2018-08-20")]
    # deleted after that: as at each day before, the version then
    dhr.delete_cost_line(demo_store, line, bill_again_on=date(2018, 10, 1))
    assert chair_lines(demo_store, case_id, ASKED) == [(135000, "2018-05-10")]
    assert chair_lines(demo_store, case_id, date(2018, 9, 10)) == [(110000, "2018-08-20")]
    assert chair_lines(demo_store, case_id, date(2018, 10, 1)) == []


def page_ledger_workbook_report(store, case_id: str, day: date):
    page = DhrPresenter(store, today=lambda: TODAY)
    page.reload(select=case_id)
    assert page.choose_day(day.strftime("%d/%m/%Y"))
    page.select(case_id)
    shown = LedgerPresenter(today=lambda: TODAY)
    assert shown.choose(day.strftime("%d/%m/%Y"))
    ledger = shown.read(store)
    case = next(c for c in ledger.cases if c.id == case_id)
    sheet = next(s for s in ledger_sheets(ledger.partners, ledger.cases, ledger.day) if s.name == "Per case")
    section = next(s for s in build_report(store, as_at=day, today=TODAY).sections if s.title.endswith("recovery"))
    report = next(t for t in section.tables if t.title == "Cost recovery per case").rows
    return {"page": (page.selected_case.cost_pence,
                     [line["amount_pence"] for line in page.details().costs if line["category"] == CHAIR]),
            "ledger": case.cost_pence, "workbook": next(r for r in sheet.rows if r and r[0] == UNDER_WAY)[1],
            "report": next(r for r in report if r[0] == UNDER_WAY)[5]}


def test_the_costs_page_ledger_workbook_and_report_as_at_the_day(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    cost = case_as_at(demo_store, ASKED, case_id).cost_pence
    with_a_line_corrected(demo_store)
    shown = page_ledger_workbook_report(demo_store, case_id, ASKED)
    assert shown["page"][0] == shown["ledger"] == cost + 135000
    assert 135000 in shown["page"][1] and 110000 not in shown["page"][1]
    assert format_money(cost + 135000, show_pence=True) == shown["report"]
    assert shown["workbook"] == cost + 135000


def test_on_the_command_line(demo_path, capsys):
    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    cost = case_as_at(store, ASKED, case_id).cost_pence
    with_a_line_corrected(store)
    store.close()
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/06/2018", "--by-case"]) == 0
    row = next(r for r in capsys.readouterr().out.splitlines() if r.startswith(UNDER_WAY + ","))
    assert row.split(",")[1] == f"{(cost + 135000) / 100:.2f}".rstrip("0").rstrip(".")


def test_correcting_it_on_the_window_keeps_the_version_with_todays_date_and_undo_takes_it_away(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    line = dhr.add_cost_line(demo_store, case_id, **chair_values())
    log = ActionLog()
    p = DhrPresenter(demo_store, perform=log, today=lambda: TODAY)
    p.reload(select=case_id)
    p.select(case_id)
    form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(demo_store, case_id) if li["id"] == line))
    form.set_value("amount", "1100")
    assert form.save()
    assert [tuple(r) for r in demo_store.rows("SELECT line_id, amount_pence, replaced_on FROM "
                                              "dhr_cost_line_versions")] == [(line, 135000, TODAY.isoformat())]
    assert chair_lines(demo_store, case_id, ASKED) == [(135000, "2018-05-10")]
    log.undo()
    assert demo_store.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 0
    assert chair_lines(demo_store, case_id, None) == [(135000, "2018-05-10")]
    log.redo()
    assert demo_store.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 1


def test_a_line_listed_as_at_a_day_before_its_correction_says_so_when_edited_or_deleted(demo_store):
    from safer_desk.domain.dhr import DhrError
    from safer_desk.presenters.costs import NothingTo

    case_id, _ = with_a_line_corrected(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload(select=case_id)
    assert p.choose_day("01/06/2018")
    p.select(case_id)
    chair = next(line for line in p.details().costs if line.get("description") == "Chair's fee")
    said = ("The Independent chair/author cost of £1,350 was corrected on 01/08/2018: it is listed as it stood on the "
            "day shown")
    with pytest.raises(NothingTo, match=said):
        p.edit_cost_line_form(chair)
    with pytest.raises(DhrError, match=said):
        p.delete_cost_line_said(chair)


# -- a file made before the step --------------------------------------------------------------------------------------

STEP = ("safer_desk.costs", "create_dhr_cost_line_versions")


def as_older_file(path) -> None:
    conn = sqlite3.connect(path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                "AND tbl_name = 'dhr_cost_line_versions'").fetchall():
        conn.execute(f'DROP TRIGGER "{name}"')
    conn.execute("DROP TABLE dhr_cost_line_versions")
    conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = ? AND name = ?", STEP)
    conn.commit()
    conn.close()


def test_an_older_file_is_upgraded_with_a_backup_keeping_the_versions_its_trail_gives(demo_path):
    from safer_desk.domain.clock import uk_day

    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    line = dhr.add_cost_line(store, case_id, **chair_values())
    trail_moved_back(store.conn)  # keyed in the day before its corrections (one keyed that day keeps none)
    log = ActionLog()
    p = DhrPresenter(store, perform=log, today=lambda: TODAY)
    p.reload(select=case_id)
    p.select(case_id)

    def correct(**changed) -> None:
        form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(store, case_id) if li["id"] == line))
        for k, v in changed.items():
            form.set_value(k, v)
        assert form.save()

    correct(amount="1200", description="Chair's fee and travel")
    correct(amount="1100")
    correct(amount="999")
    log.undo()  # the £999 never stood: no version of it
    legal = dhr.add_cost_line(store, case_id, category="Legal", amount="40", invoiced_on="2018-05-25")
    translation = dhr.add_cost_line(store, case_id, category="Translation", amount="70", invoiced_on="2018-05-26")
    trail_moved_back(store.conn)
    for other, amount in ((legal, "60"), (translation, "75")):
        p.reload(select=case_id)
        form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(store, case_id) if li["id"] == other))
        form.set_value("amount", amount)
        assert form.save()
        log.undo()  # the Legal £60 undone: it never stood
    log.redo()  # the Translation £75 redone: its £70 is a version again
    venue = dhr.add_cost_line(store, case_id, category="Venue", amount="250", invoiced_on="2018-05-20")
    trail_moved_back(store.conn)
    dhr.update_cost_line(store, venue, category="Venue", amount="300", invoiced_on="2018-05-20")
    dhr.delete_cost_line(store, venue)  # corrected, then deleted: its version before the correction stays
    made = sorted(tuple(r) for r in store.rows(
        "SELECT line_id, category, description, amount_pence, invoiced_on FROM dhr_cost_line_versions"))
    assert sorted(m[3] for m in made) == [7000, 25000, 135000]
    figures = {day: case_as_at(store, day, case_id).cost_pence for day in (ASKED, date.today())}
    store.close()
    as_older_file(demo_path)
    conn = sqlite3.connect(demo_path)
    ats = [r[0] for r in conn.execute("SELECT at FROM audit_log WHERE table_name = 'dhr_cost_lines' "
                                      "AND action = 'update' ORDER BY id")]
    conn.close()
    store = open_store(demo_path)  # backed up, then the step applied
    try:
        columns = [r[1] for r in store.rows("PRAGMA table_info(dhr_cost_line_versions)")]
        assert columns == ["id", "line_id", "case_id", "category", "description", "supplier", "invoice_ref",
                           "invoiced_on", "amount_pence", "replaced_on"]
        kept = sorted(tuple(r) for r in store.rows(
            "SELECT line_id, category, description, amount_pence, invoiced_on, replaced_on "
            "FROM dhr_cost_line_versions"))
        # each corrected line's first version of the day it was corrected (the UK day of the trail's entry); the
        # £1,100 replaced by the undone £999 is no version, nor the £999
        assert [k[:5] for k in kept] == made  # not the Legal £40, whose correction was undone
        assert {k[5] for k in kept} == {uk_day(at).isoformat() for at in ats}
        assert {day: case_as_at(store, day, case_id).cost_pence for day in figures} == figures
    finally:
        store.close()
    assert list(backups_folder(demo_path).glob("*.before-upgrade.sqlite"))


def test_the_county_merges_the_versions_and_reads_the_review_as_at_a_day_as_the_office_does(demo_path, tmp_path):
    from safer_desk.services.county import list_conflicts
    from tests.exchange.district_offices import export, merge

    office = open_store(demo_path)
    try:
        case_id, _ = with_a_line_corrected(office)
        cost = {day: case_as_at(office, day, case_id).cost_pence for day in (ASKED, EDITED)}
        first = export(office, tmp_path / "first.sqlite")
    finally:
        office.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert merge(county, [first]).refused == []
        assert list_conflicts(county) == []
        assert merge(county, [first]).refused == []  # the same file again changes nothing
        assert county.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 1
        at_county = dhr.case_id_by_reference(county, UNDER_WAY)
        assert {day: case_as_at(county, day, at_county).cost_pence for day in cost} == cost
    finally:
        county.close()


def test_an_older_file_whose_trail_missed_corrections_says_so_as_at_a_day_before_its_repair(demo_path, capsys):
    # A tool dropped the audit trigger for corrected cost lines; the earlier Safer Desk then corrected the chair's
    # £1,350 (10/05/2018) to £1,100 unrecorded, and the trail was repaired. The upgrade cannot keep a version the trail
    # never had: as at 01/06/2018 the review reads £250 short of what stood then, and nothing said so.
    from safer_desk.domain.clock import uk_day
    from safer_desk.storage.store import repair_audit_trail

    store = open_store(demo_path)
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    line = dhr.add_cost_line(store, case_id, **chair_values())
    store.close()
    as_older_file(demo_path)
    conn = sqlite3.connect(demo_path)
    conn.execute("DROP TRIGGER audit_dhr_cost_lines_update")
    conn.execute("UPDATE dhr_cost_lines SET amount_pence = 110000 WHERE id = ?", (line,))
    conn.commit()
    conn.close()
    repair_audit_trail(demo_path)
    store = open_store(demo_path)
    try:
        assert store.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 0  # nothing invented
        repaired = uk_day(store.scalar("SELECT max(at) FROM audit_log WHERE action = 'event' "
                                       "AND column_name = 'repair'"))
        said = (f"The audit trail did not record every cost line corrected before {repaired:%d/%m/%Y}, when it was "
                "repaired: as at 01/06/2018 a review's cost reads a line an earlier Safer Desk corrected then as "
                "corrected, not as it stood on that day.")
        shown = LedgerPresenter(today=lambda: TODAY)
        assert shown.choose("01/06/2018")
        assert said in shown.read(store).note
        section = next(s for s in build_report(store, as_at=ASKED, today=TODAY).sections
                       if s.title.endswith("recovery"))
        assert said in " ".join(section.paragraphs)
        assert dhr.corrections_unrecorded(store, repaired) is None
        assert dhr.deleted_lines_unrecorded(store, ASKED) is None  # the deletes were recorded all along
    finally:
        store.close()
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/06/2018"]) == 0
    assert f"safer-desk: note: {said}" in capsys.readouterr().err


def test_the_window_reads_the_review_and_the_ledger_as_at_the_day_as_they_stood(demo_window, qtbot):
    from PySide6.QtCore import Qt

    store = demo_window.session.store
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    cost = case_as_at(store, ASKED, case_id).cost_pence
    with_a_line_corrected(store)
    demo_window.resize(1366, 768)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)

    def as_at(page, text: str) -> None:
        page.as_at.edit.setFocus()
        page.as_at.edit.selectAll()
        qtbot.keyClicks(page.as_at.edit, text)
        qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Return)

    page = tab.reviews
    page.today = TODAY
    as_at(page, "01/06/2018")
    qtbot.waitUntil(lambda: page.presenter.as_at.past and not page.is_busy(), timeout=10000)
    assert page.cases.select_where(lambda c: c.reference == UNDER_WAY)
    qtbot.waitUntil(lambda: any(line.get("description") == "Chair's fee" for line in page.costs.source_rows()),
                    timeout=10000)
    assert next(c for c in page.cases.source_rows() if c.reference == UNDER_WAY).cost_pence == cost + 135000
    assert [line["amount_pence"] for line in page.costs.source_rows()
            if line.get("description") == "Chair's fee"] == [135000]
    ledger = tab.ledger
    ledger.today = TODAY
    tab.pages.setCurrentIndex(1)
    as_at(ledger, "01/06/2018")
    qtbot.waitUntil(lambda: ledger.shown_day is not None and ledger.shown_day.past and not ledger.is_busy(),
                    timeout=10000)
    assert next(c for c in ledger.per_case.source_rows() if c.reference == UNDER_WAY).cost_pence == cost + 135000
