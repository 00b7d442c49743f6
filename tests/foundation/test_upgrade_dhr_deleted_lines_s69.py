"""Session 69: the step that keeps a deleted DHR cost line (create_dhr_deleted_cost_lines), met by a file the previous
program made.

The previous program (commit e8ccec77, the one before the step; its code from git, so the test is skipped where git
or the commit is not at hand) makes the example file and, on WSCSP-DHR-2017-02, a chair's £1,100 (01/05/2018) and
Minutes £250 (20/05/2018), billed on 15/06/2018; the £250 deleted as keyed in error, the partners billed again on
01/09/2018; a venue's £80 (20/09/2018) deleted, unbilled; a Legal £40 deleted and put back by Undo; a Translation
£70 (15/05/2018) added and undone; and a review
WSCSP-DHR-2018-09 whose £1,000 line was deleted before the review itself. Upgraded, the file only said "… had cost
lines deleted by an earlier Safer Desk, which did not keep them": as at 01/07/2018 its Costs page listed the chair's
£1,100 and "Taken off since" £250, and as at 01/10/2018 the review's cost read £1,140 where the screen had shown
£1,220 (the venue's £80 stood until it was deleted). The audit trail holds each deleted line as it was: the upgrade
keeps them from it, each with the day it was deleted (the billing's day when the delete billed the partners again,
else the day it was in the UK when it was done), so the page, the ledger, its workbook, `dhr-ledger --as-at` and the
board report read as at a past day as a file the new program made by the same steps does, to the penny.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.costs.dated_days import MOVE_BACK_SOURCE
from tests.safety.helpers import old_program

pytestmark = pytest.mark.slow

OLD = "e8ccec77"  # the program before create_dhr_deleted_cost_lines
UNDER_WAY = "WSCSP-DHR-2017-02"
TODAY = date(2026, 12, 1)
DAYS = (date(2018, 5, 25), date(2018, 7, 1), date(2018, 9, 10), date(2018, 9, 22), date(2018, 10, 1))

# The same steps, run by the previous program on its example file and by this one on its own.
# Each line keyed in the day before it is corrected or deleted (dated_days): a line keyed and put right the
# same day stood at the end of no day, and neither program keeps it.
_STEPS = MOVE_BACK_SOURCE + r'''
import sys
from datetime import date
from pathlib import Path

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.storage.store import open_store

store = open_store(Path(sys.argv[1]))
case = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
dhr.add_cost_line(store, case, category="Independent chair/author", amount="1100", invoiced_on="2018-05-01")
minutes = dhr.add_cost_line(store, case, category="Administration", amount="250", invoiced_on="2018-05-20",
                            description="Minutes", supplier="Typing Co", invoice_ref="TC-17")
dhr.bill_partners(store, case, invoiced_on="2018-06-15")
with store.action("Delete the Administration cost"):  # as the window does it: one action
    dhr.delete_cost_line(store, minutes, bill_again_on="2018-09-01")
venue = dhr.add_cost_line(store, case, category="Venue", amount="80", invoiced_on="2018-09-20")
trail_moved_back(store.conn)  # keyed in the day before it is changed: it stood then
with store.action("Delete the Venue cost"):
    dhr.delete_cost_line(store, venue)
legal = dhr.add_cost_line(store, case, category="Legal", amount="40", invoiced_on="2018-09-25")
log = ActionLog()
p = DhrPresenter(store, perform=log, today=lambda: date(2018, 9, 26))
p.reload(select=case)
p.select(case)
p.delete_cost_line(next(line for line in dhr.cost_lines(store, case) if line["id"] == legal))
log.undo()  # put back
form = p.cost_line_form()  # a Translation £70 added in error and undone at once: never a cost of the review
form.set_value("category", "Translation")
form.set_value("amount", "70")
form.set_value("invoiced_on", "15/05/2018")
assert form.save()
log.undo()
later = dhr.add_case(store, reference="WSCSP-DHR-2018-09", kind="review", district="Babergh",
                     partnership="Western Suffolk CSP", lead_organisation="Mid Suffolk District Council",
                     decision="hold", notified_on="2018-05-01")
gone = dhr.add_cost_line(store, later, category="Administration", amount="1000", invoiced_on="2018-05-10")
dhr.delete_cost_line(store, gone)
dhr.delete_case(store, later)
store.close()
'''


def _make(tree: Path | None, home: Path, target: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("SAFER_DESK_FAULT",)}
    env.update(SAFER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    if tree is not None:
        env["PYTHONPATH"] = str(tree)
    cwd = tree if tree is not None else Path(__file__).resolve().parents[2]
    for args in (["-m", "safer_desk", "demo", str(target)], ["-c", _STEPS, str(target)]):
        got = subprocess.run([sys.executable, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300,
                             check=False)
        assert got.returncode == 0, got.stderr[-3000:]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("deletedlines")
    tree = old_program(OLD, root / "old")
    home = root / "home"
    home.mkdir()
    _make(tree, home, root / "old.sqlite")
    _make(None, home, root / "new.sqlite")
    return root


def _figures(store, day: date) -> dict:
    from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter, ledger_sheets
    from safer_desk.services import dhr
    from safer_desk.services.report import build_report

    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    shown = LedgerPresenter(today=lambda: TODAY)
    assert shown.choose(day.strftime("%d/%m/%Y"))
    ledger = shown.read(store)
    section = next(s for s in build_report(store, as_at=day, today=TODAY).sections if s.title.endswith("recovery"))
    page = DhrPresenter(store, today=lambda: TODAY)  # Costs > Reviews as at the day
    page.reload(select=case_id)
    assert page.choose_day(day.strftime("%d/%m/%Y"))
    page.select(case_id)
    return {
        "page": (page.selected_case.cost_pence, page.selected_case.unbilled_pence,
                 [(line["category"], line["amount_pence"]) for line in page.details().costs]),
        "lines": [(line["category"], line["description"], line["amount_pence"], line["invoiced_on"])
                  for line in dhr.cost_lines(store, case_id, as_at=day)],
        "ledger": [(c.reference, c.cost_pence, c.net_billed_pence, c.outstanding_pence, c.unbilled_pence)
                   for c in ledger.cases],
        "note": ledger.note,
        "workbook": [sheet.rows for sheet in ledger_sheets(ledger.partners, ledger.cases, ledger.day)],
        "report": next(t for t in section.tables if t.title == "Cost recovery per case").rows,
    }


def test_an_older_file_keeps_the_lines_its_trail_recorded_deleted_and_reads_as_at_a_day_as_a_new_one(made, tmp_path,
                                                                                                   capsys):
    from safer_desk.cli import main
    from safer_desk.domain.clock import uk_day
    from safer_desk.services import dhr
    from safer_desk.storage.store import backups_of, open_store

    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    shutil.copyfile(made / "old.sqlite", old)
    shutil.copyfile(made / "new.sqlite", new)
    conn = sqlite3.connect(f"file:{old}?mode=ro", uri=True)
    at = {json.loads(v)["category"]: a for v, a in conn.execute(
        "SELECT old_value, at FROM audit_log WHERE table_name = 'dhr_cost_lines' AND action = 'delete'")}
    conn.close()
    store = open_store(old)  # upgraded: a backup first
    try:
        assert backups_of(old)
        kept = [tuple(r) for r in store.rows(
            "SELECT category, description, supplier, invoice_ref, invoiced_on, amount_pence, deleted_on "
            "FROM dhr_deleted_cost_lines ORDER BY invoiced_on")]
        # as each delete recorded it; the billed one on the day the partners were billed again without it, the
        # other on the day it was deleted, in the UK; not the Legal £40 Undo put back, nor the Translation £70 whose
        # adding was undone, nor a line of a review gone
        assert kept == [("Administration", "Minutes", "Typing Co", "TC-17", "2018-05-20", 25000, "2018-09-01"),
                        ("Venue", "", "", "", "2018-09-20", 8000, uk_day(at["Venue"]).isoformat())]
        assert dhr.deleted_lines_unkept(store, TODAY) == []
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        assert [(line["category"], line["amount_pence"]) for line in dhr.cost_lines(store, case_id,
                                                                                    as_at=date(2018, 7, 1))] == [
            ("Independent chair/author", 110000), ("Administration", 25000)]
        cost = {day: next(c for c in dhr.list_cases(store, today=day, as_at=day) if c.id == case_id).cost_pence
                for day in DAYS}
        assert cost == {date(2018, 5, 25): 135000, date(2018, 7, 1): 135000, date(2018, 9, 10): 110000,
                        date(2018, 9, 22): 118000, date(2018, 10, 1): 122000}
        upgraded = {day: _figures(store, day) for day in DAYS}
        assert upgraded[date(2018, 7, 1)]["page"] == (135000, 0, [("Independent chair/author", 110000),
                                                                  ("Administration", 25000)])
        assert upgraded[date(2018, 9, 22)]["page"] == (118000, 8000, [("Independent chair/author", 110000),
                                                                      ("Venue", 8000)])
        assert all("not keep" not in f["note"] for f in upgraded.values())
    finally:
        store.close()
    made_new = open_store(new)
    try:
        assert {day: _figures(made_new, day) for day in DAYS} == upgraded
    finally:
        made_new.close()
    untouched = tmp_path / "untouched.sqlite"  # the command upgrades it itself
    shutil.copyfile(made / "old.sqlite", untouched)
    for path in (untouched, old, new):
        assert main(["dhr-ledger", str(path), "--as-at", "22/09/2018", "--by-case"]) == 0
        said = capsys.readouterr()
        assert "earlier Safer Desk" not in said.err
        row = next(r for r in said.out.splitlines() if r.startswith(UNDER_WAY + ","))
        assert row.split(",")[1] == "1180"


@pytest.mark.parametrize(("stamp", "day"), [
    ("2018-06-10T23:30:00.000Z", date(2018, 6, 11)),  # 00:30 BST: the next day in the UK
    ("2018-06-10T22:59:59.999Z", date(2018, 6, 10)),
    ("2018-12-10T23:30:00.000Z", date(2018, 12, 10)),  # GMT
    ("2018-03-25T00:59:59Z", date(2018, 3, 25)),  # BST begins at 01:00 UTC on the last Sunday of March
    ("2018-10-27T23:30:00+00:00", date(2018, 10, 28)),  # still BST until 01:00 UTC on 28/10/2018
    ("2018-10-28T23:30:00Z", date(2018, 10, 28)),  # GMT again
    ("2026-03-28T23:30:00Z", date(2026, 3, 28)),  # the day before BST begins (29/03/2026)
    ("2026-03-29T23:30:00Z", date(2026, 3, 30)),
    ("not a time", None),
])
def test_the_day_it_was_in_the_uk(stamp, day):
    from safer_desk.domain.clock import uk_day

    assert uk_day(stamp) == day
