"""Files made by the program at the start of round 30 (commit ab4c6e9), as IT meets them after installing this one.

The older files are made by the older program itself, run from its own code (``git archive`` of that commit into a
temporary folder, so the test is skipped where git or the commit is not at hand): the example office with a review
billed and billed again with another split and its pooled fund topped up, that office's export, and a county file that
merged two offices' exports. This round's program then opens them as an officer does (the window, the command line):
a backup is made first, in the backups folder and named for it; nothing is lost (every table's rows, the figures of
``projects``, ``dhr-ledger``, ``dhr-ledger --by-case`` and ``fund`` as the older program printed them); the review's
first billing day is the original one; the county takes the offices' next exports and the old export without any
conflict the older program would not have raised; the older program refuses the upgraded file in words; and an
upgrade killed half-way leaves the file as it was.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from safer_desk.storage.schema import schema_version
from tests.safety.helpers import REPO, old_program, logical_state, run_cli, run_python

pytestmark = pytest.mark.slow  # about 30 s: the previous program makes its files, both programs run them

OLD = "ab4c6e9"  # the commit at the start of round 30
UNDER_WAY = "WSCSP-DHR-2017-02"  # the example's review billed 15/06/2022, billed again 01/09/2022 (capped split)
PILOT = "Suffolk Target Hardening Pilot"
OLD_STEPS, NEW_STEPS = 23, schema_version()  # every step since, this program's own included

# Run by the older program (its code first on the path, its folder the working folder): its files, and the figures
# its command line printed for the office file.
_MAKE_OLD_FILES = r'''
import contextlib, io, json, sys
from pathlib import Path

from safer_desk.cli import main
from safer_desk.services import dhr, funds
from safer_desk.services.demo import build_demo
from safer_desk.storage.store import open_store
from tests.costs.test_partners_on_billing_date import ccgs_became_the_icb
from tests.exchange import district_offices as offices

out = Path(sys.argv[1])
office_path = build_demo(out / "office.sqlite")
store = open_store(office_path)
try:
    case = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
    ccgs_became_the_icb(store)
    dhr.add_cost_line(store, case, category="Independent chair/author", amount="1100")
    dhr.bill_partners(store, case, invoiced_on="2022-06-15")
    offices.export(store, out / "office-billed.sqlite")  # the export before billing again
    dhr.rebill_with_split(store, case, "capped", on="2022-09-01", cap_payer="Suffolk Constabulary", cap_amount="500")
    pilot = store.scalar("SELECT id FROM funds WHERE name = 'Suffolk Target Hardening Pilot'")
    funds.add_contribution(store, pilot, organisation="Suffolk County Council", amount="£1,500",
                           received_on="01/10/2018")  # a top-up
    offices.export(store, out / "office-export.sqlite")
finally:
    store.close()

(out / "offices").mkdir()
exports = offices.district_exports(out / "offices", ["Babergh", "Mid Suffolk"])
county = open_store(out / "county.sqlite", create=True, office_name="Suffolk county team")
try:
    assert offices.merge(county, exports).refused == []
finally:
    county.close()

printed = {}
for name, argv in {"projects": ["projects"], "ledger": ["dhr-ledger"], "by_case": ["dhr-ledger", "--by-case"],
                   "fund": ["fund", str(office_path), "Suffolk Target Hardening Pilot"]}.items():
    argv = argv if name == "fund" else [*argv, str(office_path)]
    buffer = io.StringIO()
    with contextlib.redirect_stdout(buffer):
        assert main(argv) == 0, argv
    printed[name] = buffer.getvalue()
(out / "old-printed.json").write_text(json.dumps(printed), encoding="utf-8")
'''


def _old_tree(folder: Path) -> Path:
    return old_program(OLD, folder)


def _old_env(tree: Path, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("SAFER_DESK_FAULT", "PYTHONPATH")}
    env.update(PYTHONPATH=str(tree), SAFER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return env


def run_old(tree: Path, home: Path, *args: str) -> subprocess.CompletedProcess:
    """`safer-desk ARGS` as the previous program."""
    return subprocess.run([sys.executable, "-m", "safer_desk", *args], cwd=tree, env=_old_env(tree, home),
                          capture_output=True, text=True, timeout=180, check=False)


@pytest.fixture(scope="module")
def old(tmp_path_factory):
    """The previous program's tree, its officer's data folder (the same officer uses this round's program) and its
    files, made once: tests take copies."""
    root = tmp_path_factory.mktemp("upgrade30")
    tree = _old_tree(root / "old")
    home = root / "home"
    home.mkdir()
    made = root / "made"
    made.mkdir()
    got = subprocess.run([sys.executable, "-c", _MAKE_OLD_FILES, str(made)], cwd=tree, env=_old_env(tree, home),
                         capture_output=True, text=True, timeout=300, check=False)
    assert got.returncode == 0, got.stderr[-3000:]
    return {"tree": tree, "home": home, "made": made,
            "printed": json.loads((made / "old-printed.json").read_text(encoding="utf-8"))}


@pytest.fixture
def files(old, tmp_path):
    """A copy of the previous program's files, in a folder of its own (its backups go beside them)."""
    folder = tmp_path / "files"
    shutil.copytree(old["made"], folder)
    return folder


def _steps(path: Path) -> int:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0]
    finally:
        conn.close()


def _rows(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name <> '_sqlite_migrations'")]
        return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _first_billed(path: Path, reference: str) -> str | None:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT first_billed_on FROM dhr_cases WHERE reference = ?", (reference,)).fetchone()[0]
    finally:
        conn.close()


def _new(home: Path, *args: str) -> subprocess.CompletedProcess:
    got = run_cli(list(args), home=home)
    assert got.returncode == 0, (args, got.stderr[-2000:])
    return got


def _fingerprint(home: Path) -> str:
    return _new(home, "key").stdout.strip().splitlines()[0]


def test_the_office_file_opened_in_the_window_is_backed_up_upgraded_and_loses_nothing(old, files):
    office, home = files / "office.sqlite", old["home"]
    before_rows, before_state = _rows(office), logical_state(office, files.parent / "scratch")
    assert _steps(office) == OLD_STEPS

    env = {**os.environ, "SAFER_DESK_HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
           "SAFER_DESK_CLOSE_AFTER_START": "1"}
    env.pop("SAFER_DESK_FAULT", None)
    shown = subprocess.run([sys.executable, "-m", "safer_desk", str(office)], cwd=REPO, env=env, capture_output=True,
                           text=True, timeout=180, check=False)
    assert shown.returncode == 0, shown.stderr[-2000:]
    assert "has been upgraded" in shown.stderr and "before-upgrade.sqlite" in shown.stderr

    # The backup: in the backups folder beside the file, named for it, and holding the file as it was.
    backups = sorted((files / "backups").glob("office.*.before-upgrade.sqlite"))
    assert len(backups) == 1 and backups[0].name in shown.stderr
    assert logical_state(backups[0], files.parent / "scratch") == before_state
    assert _steps(office) == NEW_STEPS
    # Nothing lost: every table's rows (the audit trail one more: the upgrade, said in the History), and what the
    # command line prints as the older program printed it.
    after_rows = _rows(office)
    added = {t: 0 for t in set(after_rows) - set(before_rows)}  # tables a step since adds (_county_holders): empty
    assert after_rows == {**before_rows, **added, "audit_log": before_rows["audit_log"] + 1}
    from safer_desk.presenters.history import history_lines
    from safer_desk.storage.store import open_store

    store = open_store(office, read_only=True)
    try:
        said = [line for line in history_lines(store) for text in (line.summary, *line.details)
                if text.startswith("Upgraded the file to the layout of Safer Desk")]
    finally:
        store.close()
    assert said, "the upgrade is not in the History in words"
    printed = old["printed"]
    assert _new(home, "projects", str(office)).stdout == printed["projects"]
    # Step 28 adds a last column, refunded (nothing refunded in a file made before it); every column before it
    # is as the older program printed it.
    # Session 60 ends --by-case with a Total row, as per partner: every row before it is as it was.
    for name, argv in (("ledger", ["dhr-ledger"]), ("by_case", ["dhr-ledger", "--by-case"])):
        lines = _new(home, *argv, str(office)).stdout.splitlines()
        if name == "by_case":
            assert lines.pop().startswith("Total,")
        assert [line.rsplit(",", 1)[1] for line in lines] == ["refunded"] + ["0"] * (len(lines) - 1)
        assert "".join(line.rsplit(",", 1)[0] + "\n" for line in lines) == printed[name]
    # Round 34 says the example's pilot, its period over, "ended" (not "open"), and the months over with no spend:
    # every figure is as the older program printed it.
    # Round 36 adds the *_kind rows after them (forecast, projected, ran_out, recorded): every row before is as it was.
    # Session 76 works left_at_period_end out at the rate shown (whole pence a month): it is checked by hand below.
    words = ("status,", "forecast_warnings,", "left_at_period_end,")
    fund_now = _new(home, "fund", str(office), PILOT).stdout
    # rows added after every row the older program printed (round 49, session 69)
    added = ("contributions_not_received", "spend_dated_after_today")
    assert [r for r in fund_now.splitlines() if not r.startswith(words) and not r.split(",")[0].endswith("_kind")
            and r.split(",")[0] not in added] == [
        r for r in printed["fund"].splitlines() if not r.startswith(words)]
    assert "status,ended" in fund_now.splitlines()
    now = dict(r.split(",", 1) for r in fund_now.splitlines() if "," in r)
    months = sum((int(a) - int(b)) * m for a, b, m in zip(now["period_end_month"].split("-"),
                                                          now["burn_rate_as_at_month"].split("-"), (12, 1)))
    pence = int(Decimal(now["balance"]) * 100) - months * int(Decimal(now["monthly_burn_rate"]) * 100)
    assert now["left_at_period_end"] == f"{pence // 100}" + (f".{pence % 100:02d}" if pence % 100 else "")
    assert "contributions,21500" in printed["fund"]  # £20,000 and the £1,500 top-up
    # The review billed again keeps the day its partners were first billed, not the day it was billed again.
    assert _first_billed(office, UNDER_WAY) == "2022-06-15"
    assert _new(home, "check", str(office)).stdout.rstrip().endswith("All checks passed.")
    _new(home, "report", str(office), str(files / "report.html"))
    _new(home, "export", str(office), str(files / "again.xlsx"))


def test_the_previous_program_refuses_the_upgraded_file_in_words(old, files):
    office, county = files / "office.sqlite", files / "county.sqlite"
    _new(old["home"], "office", str(office), "--county", "Suffolk")  # a change: the file is upgraded first
    _new(old["home"], "merge", str(county), str(files / "office-export.sqlite"), "--accept-key",
         _fingerprint(old["home"]))
    office_state = logical_state(office, files.parent / "scratch")
    for args in (["projects", str(office)], ["check", str(office)], ["export", str(county), str(files / "x.sqlite")]):
        got = run_old(old["tree"], old["home"], *args)
        assert got.returncode == 1, (args, got.stdout, got.stderr)
        said = got.stdout + got.stderr
        assert "written by a newer version of Safer Desk" in said and "has not been changed" in said, said
    assert not (files / "x.sqlite").exists()
    assert logical_state(office, files.parent / "scratch") == office_state


def test_the_county_file_takes_the_old_export_and_the_offices_next_ones_without_false_conflicts(old, files):
    home, county, new_county = old["home"], files / "county.sqlite", files / "new-county.sqlite"
    old_export, key = files / "office-export.sqlite", _fingerprint(old["home"])
    # The offices that sent the county their exports, upgraded by their next change, send the next export.
    for office in ("babergh", "mid-suffolk"):
        code = ("import sys\nfrom safer_desk.services import dhr, funds\n"
                "from safer_desk.services.county import export_for_county\n"
                "from safer_desk.storage.store import open_store\n"
                f"s = open_store({str(files / 'offices' / (office + '.sqlite'))!r})\n"
                "f = s.scalar('SELECT id FROM funds')\n"
                f"funds.update_fund(s, f, name='{office} target hardening (renamed)')\n"
                "funds.add_contribution(s, f, organisation='Suffolk County Council', amount='500', "
                "received_on='01/10/2025')\n"
                "case = s.scalar('SELECT id FROM dhr_cases')\n"
                "dhr.add_cost_line(s, case, category='Administration', amount='90')\n"
                "dhr.bill_partners(s, case, invoiced_on='2025-10-01')\n"
                f"export_for_county(s, {str(files / 'offices' / (office + '-next.sqlite'))!r})\n"
                "s.close()\n")
        got = run_python(code, home=home)
        assert got.returncode == 0, got.stderr[-2000:]
    before = _rows(county)
    merged = _new(home, "merge", str(county), str(files / "offices" / "babergh-next.sqlite"),
                  str(files / "offices" / "mid-suffolk-next.sqlite"))
    in_all = merged.stdout.splitlines()[-1]  # the two funds renamed, nothing else replaced, nothing in conflict
    assert in_all.startswith("In all: ") and ", 2 replaced, " in in_all and in_all.endswith(" 0 conflicts."), in_all
    assert list((files / "backups").glob("county.*.before-upgrade.sqlite"))
    after = _rows(county)
    assert all(after[t] >= n for t, n in before.items() if not t.startswith("_")), (before, after)
    for reference in ("BABERGH-DHR-2025-01", "MID-SUFFOLK-DHR-2025-01"):
        assert _first_billed(county, reference) == "2025-09-01"

    # The previous program's export of the example office: into the upgraded county, and into a new one.
    _new(home, "merge", str(county), str(old_export), "--accept-key", key)
    conn = sqlite3.connect(county)
    try:  # what the older program raised too: the example's own indicator definitions and CCG memberships
        raised = {t for (t,) in conn.execute("SELECT table_name FROM _county_conflicts")}
    finally:
        conn.close()
    assert raised <= {"indicators", "partnership_members"}, raised
    got = _new(home, "merge", str(new_county), str(old_export), "--accept-key", key)
    assert " 0 conflicts." in got.stdout, got.stdout
    # The upgraded office's next export: the review's first billing day as the office has it, no conflict.
    _new(home, "office", str(files / "office.sqlite"), "--county", "Suffolk")
    _new(home, "export", str(files / "office.sqlite"), str(files / "office-next.sqlite"))
    got = _new(home, "merge", str(new_county), str(files / "office-next.sqlite"))
    assert " 0 conflicts." in got.stdout, got.stdout
    assert _first_billed(new_county, UNDER_WAY) == "2022-06-15"
    assert _new(home, "check", str(county)).stdout.rstrip().endswith("All checks passed.")


@pytest.mark.parametrize("boundary", ["migration:after-backup", "migration:after-step#1",
                                      "migration:before-finish"])
def test_an_upgrade_killed_half_way_leaves_the_file_as_it_was(old, files, boundary):
    from safer_desk import faults

    office = files / "office.sqlite"
    state = logical_state(office, files.parent / "scratch")
    got = run_cli(["office", str(office), "--county", "Suffolk"], home=old["home"], fault=boundary)
    assert got.returncode == faults.FAULT_EXIT_CODE, got.stderr[-2000:]
    assert logical_state(office, files.parent / "scratch") == state and _steps(office) == OLD_STEPS
    # The next start upgrades it whole.
    _new(old["home"], "office", str(office), "--county", "Suffolk")
    assert _steps(office) == NEW_STEPS and _first_billed(office, UNDER_WAY) == "2022-06-15"


def test_a_county_keeps_the_first_billing_day_when_an_office_still_on_the_previous_program_bills_again(old, files):
    """The county is on this round's program; the office is not yet. Its export after billing (15/06/2022) gives the
    county the day; its next export, after billing again with another split on 01/09/2022 (the invoices of 15/06/2022
    cancelled), must not change it: nothing in that export says the review was first billed on another day."""
    home, county, key = old["home"], files / "new-county.sqlite", _fingerprint(old["home"])
    _new(home, "merge", str(county), str(files / "office-billed.sqlite"), "--accept-key", key)
    assert _first_billed(county, UNDER_WAY) == "2022-06-15"
    got = _new(home, "merge", str(county), str(files / "office-export.sqlite"))
    assert " 0 conflicts." in got.stdout, got.stdout
    assert _first_billed(county, UNDER_WAY) == "2022-06-15"  # 2022-09-01: the county's History says it changed
