"""Session 70: schema step 34 (link_a_line_to_one_funders_share) met by a file the previous program made.

The step rebuilds budget_line_links for its CHECK constraints (a link may count one funder's share of a project). A
file the program before the step made (commit a46a469f, its code from git, so the test is skipped where git or the
commit is not at hand): the example file, whose plans link a line to a review's cost and to two councils'
contributions into a pooled fund, and a line linked by that program to a project's whole cost. Upgraded (a backup
first), every link is kept as it was, the table has its index and its audit triggers (a change to it is recorded),
and a line can then be linked to one funder's share.
"""

from __future__ import annotations

import shutil

import pytest

from tests.safety.helpers import old_program

pytestmark = pytest.mark.slow

OLD = "a46a469f"  # the program before link_a_line_to_one_funders_share

_STEPS = r'''
import sys
from pathlib import Path

from safer_desk.services import budgets
from safer_desk.storage.store import open_store

store = open_store(Path(sys.argv[1]))
project = store.scalar("SELECT id FROM projects ORDER BY ref, title LIMIT 1")
line = store.scalar("SELECT l.id FROM budget_lines l LEFT JOIN budget_line_links k ON k.line_id = l.id "
                    "WHERE k.id IS NULL ORDER BY l.label LIMIT 1")
budgets.link_line(store, line, project=project)
store.close()
'''


def _make(tree, home, target) -> None:
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k not in ("SAFER_DESK_FAULT",)}
    env.update(SAFER_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(tree))
    for args in (["-m", "safer_desk", "demo", str(target)], ["-c", _STEPS, str(target)]):
        got = subprocess.run([sys.executable, *args], cwd=tree, env=env, capture_output=True, text=True, timeout=300,
                             check=False)
        assert got.returncode == 0, got.stderr[-3000:]


@pytest.fixture(scope="module")
def made(tmp_path_factory):
    root = tmp_path_factory.mktemp("sharelinks")
    tree = old_program(OLD, root / "old")
    home = root / "home"
    home.mkdir()
    _make(tree, home, root / "old.sqlite")
    return root


def test_an_older_files_links_are_kept_through_the_rebuild_and_a_share_can_then_be_linked(made, tmp_path):
    import sqlite3

    from safer_desk.services import budgets
    from safer_desk.services.projects import FundingSource, get_project, save_project
    from safer_desk.storage import audit
    from safer_desk.storage.store import backups_of, open_store

    old = tmp_path / "old.sqlite"
    shutil.copyfile(made / "old.sqlite", old)
    with sqlite3.connect(old) as before:
        links = sorted(before.execute("SELECT id, line_id, project_id, fund_id, case_id, measure, organisation_id "
                                      "FROM budget_line_links").fetchall())
        assert len(links) == 4 and {r[5] for r in links} == {"cost", "contributions"}
        assert not before.execute("SELECT 1 FROM _sqlite_migrations WHERE name = 'link_a_line_to_one_funders_share'"
                                  ).fetchone()
    before.close()
    store = open_store(old)  # upgraded: a backup first
    try:
        assert backups_of(old)
        assert sorted(tuple(r) for r in store.rows(
            "SELECT id, line_id, project_id, fund_id, case_id, measure, organisation_id FROM budget_line_links")) == (
            links)
        assert store.scalar("SELECT count(*) FROM budget_line_links WHERE funder <> ''") == 0
        assert store.scalar("SELECT 1 FROM sqlite_master WHERE name = 'budget_line_links_line'")
        assert not store.scalar("SELECT 1 FROM sqlite_master WHERE name LIKE '%before_shares%'")
        assert audit.check_triggers(store.conn) == []
        assert {r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                         "AND tbl_name = 'budget_line_links'")}
        project_line = next(r for r in links if r[2])
        project = get_project(store, project_line[2])
        save_project(store, project.__class__(**{**project.__dict__, "funding_sources": (
            FundingSource("OPCC", 500_00, "", ""),)}))
        budgets.unlink_line(store, project_line[0])
        shared = budgets.link_line(store, project_line[1], project=project.id, measure="share", funder="OPCC")
        assert store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'budget_line_links' AND row_id = ?",
                            (shared,)) >= 1
        plan = store.scalar("SELECT s.plan_id FROM budget_lines l JOIN budget_sections s ON s.id = l.section_id "
                            "WHERE l.id = ?", (project_line[1],))
        (link,) = budgets.line_links(store, plan)[project_line[1]]
        assert (link.measure, link.funder) == ("share", "OPCC")
    finally:
        store.close()
