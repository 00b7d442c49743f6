"""A cost line keyed in and put right the same day never stood: a past day does not read it (s70).

An officer keys WSCSP-DHR-2017-02's chair's fee dated 10/05/2018 twice, and an administration cost of £135 as
£13,500; the same day she deletes the second chair's fee and corrects the £13,500 to £135. Today's list reads £1,485.
As at 01/06/2018 (the Ledger, Reviews, `dhr-ledger --as-at`) the review read £16,335: the duplicate "Deleted <today>:
shown as it stood" and the typo "Corrected <today>: shown as it stood", as if they had stood on 01/06/2018, when the
file never held either at the end of any day. The day a line is keyed in, a delete or a correction keeps nothing.
A line keyed on an earlier day still keeps its version and its deleted line; a file upgraded from the previous
program, whose trail holds the same steps, keeps none either, and its Ledger says nothing is missing.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.cli import main
from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter
from safer_desk.services import dhr
from safer_desk.storage.store import open_store
from tests.costs.test_dhr_cost_line_versions_as_at_s70 import ASKED, UNDER_WAY, case_as_at, chair_values


def keyed_and_put_right_today(store) -> str:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, **chair_values())
    twice = dhr.add_cost_line(store, case_id, **chair_values())
    typo = dhr.add_cost_line(store, case_id, **chair_values(category="Administration", amount="13500"))
    dhr.delete_cost_line(store, twice)  # today
    dhr.update_cost_line(store, typo, **chair_values(category="Administration", amount="135"))
    return case_id


def test_a_past_day_reads_the_lines_as_put_right(demo_path, capsys):
    store = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        before = case_as_at(store, ASKED, case_id).cost_pence
        keyed_and_put_right_today(store)
        assert store.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 0
        assert store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines WHERE case_id = ?", (case_id,)) == 0
        assert case_as_at(store, ASKED, case_id).cost_pence == before + 148500
        page = DhrPresenter(store, today=date.today)
        page.reload(select=case_id)
        assert page.choose_day(ASKED.strftime("%d/%m/%Y"))
        page.reload(select=case_id)
        page.select(case_id)
        assert sorted((line["amount_pence"], line["since"]) for line in page.details().costs) == [
            (13500, ""), (135000, "")]
        ledger = LedgerPresenter(today=date.today)
        assert ledger.choose(ASKED.strftime("%d/%m/%Y"))
        read = ledger.read(store)
        assert next(c for c in read.cases if c.id == case_id).cost_pence == before + 148500
        assert "deleted by an earlier Safer Desk" not in read.note  # nothing missed: there was nothing to keep
    finally:
        store.close()
    capsys.readouterr()
    assert main(["dhr-ledger", str(demo_path), "--as-at", "01/06/2018", "--by-case"]) == 0
    row = next(r for r in csv.reader(io.StringIO(capsys.readouterr().out)) if r and r[0] == UNDER_WAY)
    assert row[1] == f"{(before + 148500) / 100:g}"


def test_keyed_the_day_before_the_delete_and_the_correction_keep_what_stood(demo_path):
    from tests.costs.dated_days import trail_moved_back

    store = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        dhr.add_cost_line(store, case_id, **chair_values())
        twice = dhr.add_cost_line(store, case_id, **chair_values())
        typo = dhr.add_cost_line(store, case_id, **chair_values(category="Administration", amount="13500"))
        trail_moved_back(store.conn)  # keyed yesterday: at the end of that day the file held both
        dhr.delete_cost_line(store, twice)
        dhr.update_cost_line(store, typo, **chair_values(category="Administration", amount="135"))
        assert [r[0] for r in store.rows("SELECT amount_pence FROM dhr_cost_line_versions")] == [1350000]
        assert store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines WHERE id = ?", (twice,)) == 1
    finally:
        store.close()


def test_an_older_file_whose_trail_has_them_put_right_the_same_day_keeps_none(demo_path):
    # the previous program kept nothing; its trail has the lines keyed, deleted and corrected on one day
    from tests.costs.test_dhr_cost_line_versions_as_at_s70 import as_older_file as without_versions
    from tests.costs.test_dhr_deleted_cost_lines_as_at_s69 import as_older_file as without_deleted_lines

    store = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        before = case_as_at(store, ASKED, case_id).cost_pence
        keyed_and_put_right_today(store)
    finally:
        store.close()
    without_versions(demo_path)
    without_deleted_lines(demo_path)
    store = open_store(demo_path)  # upgraded: both steps walk the trail
    try:
        assert store.scalar("SELECT count(*) FROM dhr_cost_line_versions") == 0
        assert store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines WHERE case_id = ?", (case_id,)) == 0
        assert case_as_at(store, ASKED, case_id).cost_pence == before + 148500
        assert dhr.deleted_lines_unkept(store, ASKED) == []
    finally:
        store.close()


def test_a_delete_undone_then_a_correction_keeps_what_stood_the_evening_before(demo_path):
    # Edit > Undo of a delete puts the line back (a new insert in the trail); corrected after it, the line kept is the
    # one that stood the evening before, when it was keyed then, and none when it was keyed that day
    from safer_desk.presenters.actions import ActionLog
    from tests.costs.dated_days import trail_moved_back
    from tests.costs.test_dhr_cost_line_versions_as_at_s70 import as_older_file as without_versions

    store = open_store(demo_path)
    try:
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        earlier = dhr.add_cost_line(store, case_id, **chair_values())
        trail_moved_back(store.conn)
        today = dhr.add_cost_line(store, case_id, **chair_values(category="Administration", amount="13500"))
        log = ActionLog()
        p = DhrPresenter(store, perform=log, today=date.today)
        p.reload(select=case_id)
        p.select(case_id)
        for line_id, amount in ((earlier, "1100"), (today, "135")):
            p.delete_cost_line(next(li for li in dhr.cost_lines(store, case_id) if li["id"] == line_id))
            log.undo()  # put back
            form = p.edit_cost_line_form(next(li for li in dhr.cost_lines(store, case_id) if li["id"] == line_id))
            form.set_value("amount", amount)
            assert form.save()
        assert [tuple(r) for r in store.rows("SELECT line_id, amount_pence FROM dhr_cost_line_versions")] == [
            (earlier, 135000)]
        assert store.scalar("SELECT count(*) FROM dhr_deleted_cost_lines WHERE case_id = ?", (case_id,)) == 0
    finally:
        store.close()
    without_versions(demo_path)  # an older file with the same trail: the upgrade keeps the same
    store = open_store(demo_path)
    try:
        assert [tuple(r) for r in store.rows("SELECT line_id, amount_pence FROM dhr_cost_line_versions")] == [
            (earlier, 135000)]
    finally:
        store.close()
