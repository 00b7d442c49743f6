"""Session 70: schema step 35 (add_dhr_safeguarding_board) met by a file the previous program made.

The step gives each review the Regional Safeguarding Board that commissioned it (a Single Unified Safeguarding
Review, Wales). A file the program before the step made (commit fda3d4d5, its code from git, so the test is skipped
where git or the commit is not at hand): the example file. Upgraded (a backup first), every review is kept as it was
with no board, the audit triggers are whole, and a board then set is kept and recorded in the history.
"""

from __future__ import annotations

import shutil

import pytest

from tests.safety.helpers import old_program

pytestmark = pytest.mark.slow

OLD = "fda3d4d5"  # the program before add_dhr_safeguarding_board


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    import os
    import subprocess
    import sys

    root = tmp_path_factory.mktemp("board")
    tree = old_program(OLD, root / "old")
    home = root / "home"
    home.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("SAFER_DESK_FAULT",)}
    env.update(SAFER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree))
    got = subprocess.run([sys.executable, "-m", "safer_desk", "demo", str(root / "old.sqlite")], cwd=tree, env=env,
                         capture_output=True, text=True, timeout=300, check=False)
    assert got.returncode == 0, got.stderr[-3000:]
    return root


def test_an_older_files_reviews_are_kept_and_can_then_name_their_board(made, tmp_path):
    import sqlite3

    from safer_desk.services import dhr
    from safer_desk.storage import audit
    from safer_desk.storage.store import backups_of, open_store

    old = tmp_path / "old.sqlite"
    shutil.copyfile(made / "old.sqlite", old)
    with sqlite3.connect(old) as before:
        cases = sorted(before.execute("SELECT id, reference, notified_on, published_on, notes FROM dhr_cases"))
        assert len(cases) == 4
        assert "safeguarding_board" not in [r[1] for r in before.execute("PRAGMA table_info(dhr_cases)")]
    before.close()
    store = open_store(old)  # upgraded: a backup first
    try:
        assert backups_of(old)
        assert store.scalar("SELECT 1 FROM _sqlite_migrations WHERE name = 'add_dhr_safeguarding_board'")
        assert sorted(tuple(r) for r in store.rows(
            "SELECT id, reference, notified_on, published_on, notes FROM dhr_cases")) == cases
        assert store.scalar("SELECT count(*) FROM dhr_cases WHERE safeguarding_board <> ''") == 0
        assert audit.check_triggers(store.conn) == []
        case = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-01")
        dhr.update_case(store, case, safeguarding_board="Gwent Safeguarding Board")
        assert dhr.case_record(store, case)["safeguarding_board"] == "Gwent Safeguarding Board"
        assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'dhr_cases' AND row_id = ? "
                            "AND new_value LIKE '%Gwent Safeguarding Board%'", (case,)) == 1
    finally:
        store.close()
