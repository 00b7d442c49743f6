"""Session 68: the step that keeps each office's part of a pooled fund's spend, met by files the previous program made.

The previous program (commit aea10b47, the one before the step; its code from git, so the test is skipped where git
or the commit is not at hand) makes Babergh's and Mid Suffolk's files, each with its own "Sanctuary fund" spend
(£550 and £480), their exports, and a county file that merged both (the one row and the conflict of then). This
program opens the offices' and the county's files: a backup first, every row kept, the county's summary row kept as
no office's (as merged then); it still merges the old exports; and the offices' next exports, from their upgraded
files, add up at the upgraded county: £1,030 from 8 victims, with no conflict left.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from tests.safety.helpers import old_program

pytestmark = pytest.mark.slow

OLD = "aea10b47"  # the program before keep_each_offices_part_of_a_funds_spend

_MAKE_OLD_FILES = r'''
import sys
from pathlib import Path

from safer_desk.services import funds
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

out = Path(sys.argv[1])
base = template(out, police=False)
spends = {"Babergh": [("Babergh", "100", "05/05/2025"), ("Babergh", "120", "06/05/2025"),
                      ("Babergh", "130", "07/05/2025"), ("Ipswich", "200", "09/05/2025")],
          "Mid Suffolk": [("Mid Suffolk", "50", "05/05/2025"), ("Mid Suffolk", "60", "06/05/2025"),
                          ("Mid Suffolk", "70", "07/05/2025"), ("Ipswich", "300", "09/05/2025")]}
paths = []
for district, lines in spends.items():
    store = office_from(base, out / f"{district}.sqlite", f"{district} office", districts=[district])
    funds.add_default_catalogue(store)
    fund = funds.add_fund(store, name="Sanctuary fund", starts_on="01/04/2025", ends_on="31/03/2026",
                          risk_levels="high")
    for n, (where, amount, day) in enumerate(lines):
        r = funds.add_referral(store, fund, reference=f"{district[:3]}-{n}", district=where, referred_on=day,
                               risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(store, r, spent_on=day, item="Door chain", amount=amount)
    paths.append(export(store, out / f"{district}-old.sqlite"))
    store.close()
county = open_store(out / "county.sqlite", create=True, office_name="Suffolk county team")
assert len(merge(county, paths).conflicts) == 1
county.close()
'''


def _old_tree(folder: Path) -> Path:
    return old_program(OLD, folder)


def _rows(path: Path) -> dict[str, int]:
    """Each table's rows; the audit trail's, less the version that last wrote the file (a newer version opening it
    records that it did), so a file keeps every row whatever the version is now. A table a later step makes and an
    upgrade leaves empty (dhr_deleted_cost_lines, step 32) is no row lost, so an empty table is not counted."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                             "AND name NOT LIKE 'sqlite_%' AND name <> '_sqlite_migrations'")]
        counts = {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}
        counts = {t: n for t, n in counts.items() if n or t == "audit_log"}
        counts["audit_log"] -= conn.execute("SELECT count(*) FROM audit_log WHERE table_name = 'meta' "
                                            "AND row_id = 'written_by'").fetchone()[0]
        return counts
    finally:
        conn.close()


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("fundparts")
    tree = _old_tree(root / "old")
    home = root / "home"
    home.mkdir()
    out = root / "made"
    out.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SAFER_DESK_FAULT", "PYTHONPATH")}
    env.update(PYTHONPATH=str(tree), SAFER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    got = subprocess.run([sys.executable, "-c", _MAKE_OLD_FILES, str(out)], cwd=tree, env=env, capture_output=True,
                         text=True, timeout=300, check=False)
    assert got.returncode == 0, got.stderr[-3000:]
    return {"home": home, "made": out}


def test_old_files_upgrade_keep_every_row_and_the_offices_next_exports_add_up(made, tmp_path, monkeypatch):
    from safer_desk.services import funds
    from safer_desk.services.county import export_for_county, list_conflicts
    from safer_desk.storage.store import backups_of, open_store
    from tests.exchange.district_offices import merge

    monkeypatch.setenv("SAFER_DESK_HOME", str(made["home"]))  # the same officer, signing with the same key
    files = tmp_path / "files"
    shutil.copytree(made["made"], files)
    today = date(2026, 1, 15)

    def spend(store):
        (fund,) = funds.list_funds(store)
        f = funds.fund_figures(store, fund.id, today=today)
        return f.spent_pence, f.victims

    county_path = files / "county.sqlite"
    before = {p.name: _rows(p) for p in (county_path, files / "Babergh.sqlite", files / "Mid Suffolk.sqlite")}
    county = open_store(county_path)  # upgraded: a backup first, every row kept
    try:
        assert backups_of(county_path)
        assert _rows(county_path) == before["county.sqlite"]
        assert [tuple(r) for r in county.rows("SELECT office_id, amount_pence FROM fund_spend_summary")] == [
            ("", 55_000)]  # as merged then: the first office's version, kept until the county lead decides
        assert spend(county) == (55_000, 4)
        # a file made before the step still merges (as then: the two old rows meet as one)
        fresh = open_store(tmp_path / "fresh-county.sqlite", create=True, office_name="Suffolk county team")
        try:
            merge(fresh, [files / "Babergh-old.sqlite", files / "Mid Suffolk-old.sqlite"])
            assert spend(fresh) == (55_000, 4)
        finally:
            fresh.close()
        later = []
        for district in ("Babergh", "Mid Suffolk"):
            office = open_store(files / f"{district}.sqlite")
            try:
                assert backups_of(files / f"{district}.sqlite")
                assert _rows(files / f"{district}.sqlite") == before[f"{district}.sqlite"]
                later.append(export_for_county(office, files / f"{district}-new.sqlite").path)
            finally:
                office.close()
        said = merge(county, later).text()
        # the row both offices' old exports met on is their spend sent again, each as its office's part now
        assert "Sent again with new totals" in said and "no longer has" not in said, said
        # the old conflict about that row is closed as Babergh's spend sent again as its own part, not as a row
        # Babergh removed (it read "no longer in the county file (Babergh office removed it)")
        assert "removed it" not in said, said
        assert ("Spend of fund 'Sanctuary fund', Other districts, May 2025, Other items: Babergh office now sends its "
                "own part of it, kept apart from other offices' parts, so conflict #1 with Mid Suffolk office is "
                "closed; Mid Suffolk office's part comes in when its file is merged again.") in said, said
        assert spend(county) == (103_000, 8)
        assert not list_conflicts(county)
        assert county.scalar("SELECT count(*) FROM fund_spend_summary WHERE office_id = ''") == 0
    finally:
        county.close()
