"""Session 70: the step that keeps a cost line's versions a correction replaced (create_dhr_cost_line_versions), met
by a file the previous program made.

The previous program (commit 49bf31c2, the one before the step; its code from git, so the test is skipped where git
or the commit is not at hand) makes the example file and, on WSCSP-DHR-2017-02, a chair's £1,350 (10/05/2018) and
Minutes £250 (20/05/2018), billed on 15/06/2018; the Minutes corrected to £200 with the partners billed again on
01/09/2018; the chair's corrected on the window to £1,500 and again to £1,450, a third correction (£1,600) undone;
and a venue's £80 (20/09/2018) corrected to £90, then deleted. Upgraded, nothing of what stood before the corrections
was known: as at 01/07/2018 the review's cost read £1,650 (the chair's £1,450 and the Minutes £200) where the screen
had shown £1,600. The audit trail records each correction's old values: the upgrade keeps each version from it, with
the day it was replaced (the billing's day when the correction billed the partners again, else the day it was in the
UK when it was made), so the page, the ledger, its workbook, `dhr-ledger --as-at` and the board report read as at a
past day as a file the new program made by the same steps does, to the penny.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest

from tests.costs.dated_days import MOVE_BACK_SOURCE
from tests.foundation.test_upgrade_dhr_deleted_lines_s69 import UNDER_WAY, _figures
from tests.safety.helpers import old_program

pytestmark = pytest.mark.slow

OLD = "49bf31c2"  # the program before create_dhr_cost_line_versions
DAYS = (date(2018, 5, 25), date(2018, 7, 1), date(2018, 9, 10), date(2018, 9, 22), date(2018, 10, 1))

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
chair = dhr.add_cost_line(store, case, category="Independent chair/author", amount="1350", invoiced_on="2018-05-10",
                          description="Chair's fee")
minutes = dhr.add_cost_line(store, case, category="Administration", amount="250", invoiced_on="2018-05-20",
                            description="Minutes", supplier="Typing Co", invoice_ref="TC-17")
trail_moved_back(store.conn)  # keyed in the day before it is changed: it stood then
dhr.bill_partners(store, case, invoiced_on="2018-06-15")
with store.action("Change the Administration cost"):  # as the window does it: one action
    dhr.update_cost_line(store, minutes, category="Administration", amount="200", invoiced_on="2018-05-20",
                         description="Minutes", supplier="Typing Co", invoice_ref="TC-17", bill_again_on="2018-09-01")
log = ActionLog()
p = DhrPresenter(store, perform=log, today=date.today)
p.reload(select=case)
p.select(case)
for amount in ("1500", "1450", "1600"):
    form = p.edit_cost_line_form(next(line for line in dhr.cost_lines(store, case) if line["id"] == chair))
    form.set_value("amount", amount)
    assert form.save(), form.errors if hasattr(form, "errors") else amount
log.undo()  # the £1,600 never stood
venue = dhr.add_cost_line(store, case, category="Venue", amount="80", invoiced_on="2018-09-20")
trail_moved_back(store.conn)  # keyed in the day before it is changed: it stood then
with store.action("Change the Venue cost"):
    dhr.update_cost_line(store, venue, category="Venue", amount="90", invoiced_on="2018-09-20")
with store.action("Delete the Venue cost"):
    dhr.delete_cost_line(store, venue)
store.close()
'''


def _make(tree, home, target) -> None:
    import os
    import subprocess
    import sys
    from pathlib import Path

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
    root = tmp_path_factory.mktemp("lineversions")
    tree = old_program(OLD, root / "old")
    home = root / "home"
    home.mkdir()
    _make(tree, home, root / "old.sqlite")
    _make(None, home, root / "new.sqlite")
    return root


def test_an_older_file_keeps_the_versions_its_trail_recorded_and_reads_as_at_a_day_as_a_new_one(made, tmp_path,
                                                                                                capsys):
    from safer_desk.cli import main
    from safer_desk.services import dhr
    from safer_desk.storage.store import backups_of, open_store

    old, new = tmp_path / "old.sqlite", tmp_path / "new.sqlite"
    shutil.copyfile(made / "old.sqlite", old)
    shutil.copyfile(made / "new.sqlite", new)
    store = open_store(old)  # upgraded: a backup first
    try:
        assert backups_of(old)
        kept = sorted(tuple(r) for r in store.rows(
            "SELECT category, description, amount_pence, invoiced_on, replaced_on <= '2018-12-31' "
            "FROM dhr_cost_line_versions"))
        # the Minutes as billed, replaced on the day the partners were billed again; the chair's £1,350 (not the
        # £1,500 it was corrected to the same day, nor the undone £1,600's); the venue's £80 (deleted since)
        assert kept == [("Administration", "Minutes", 25000, "2018-05-20", 1),
                        ("Independent chair/author", "Chair's fee", 135000, "2018-05-10", 0),
                        ("Venue", "", 8000, "2018-09-20", 0)]
        assert store.scalar("SELECT replaced_on FROM dhr_cost_line_versions WHERE category = 'Administration'") == (
            "2018-09-01")
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        cost = {day: next(c for c in dhr.list_cases(store, today=day, as_at=day) if c.id == case_id).cost_pence
                for day in DAYS}
        assert cost == {date(2018, 5, 25): 160000, date(2018, 7, 1): 160000, date(2018, 9, 10): 155000,
                        date(2018, 9, 22): 163000, date(2018, 10, 1): 163000}
        upgraded = {day: _figures(store, day) for day in DAYS}
        assert all("earlier Safer Desk" not in f["note"] for f in upgraded.values())
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
        assert main(["dhr-ledger", str(path), "--as-at", "01/07/2018", "--by-case"]) == 0
        said = capsys.readouterr()
        assert "earlier Safer Desk" not in said.err
        row = next(r for r in said.out.splitlines() if r.startswith(UNDER_WAY + ","))
        assert row.split(",")[1] == "1600"


def test_check_finds_every_version_of_the_upgraded_file_and_the_new_one_recorded(made, tmp_path):
    """`check` after the upgrade: the versions the upgrade kept from the trail have no insert entry of their own, and
    are not said to have been put in outside Safer Desk (safer_desk.services.integrity._check_versions)."""
    from safer_desk.services.integrity import check_file
    from safer_desk.storage.store import open_store

    for name in ("old.sqlite", "new.sqlite"):
        path = tmp_path / name
        shutil.copyfile(made / name, path)
        open_store(path).close()  # the older one upgraded
        report = check_file(path)
        assert report.ok, report.lines()
