"""One mixed set of district files merged in the window and by `safer-desk merge` (s68).

The county file holds Babergh office's export number 2. The lead merges Babergh's number 3 (good), a forged copy of
its number 4 (a project's title changed after it was signed), its number 1 (older than the one merged) and a
Cornwall office's export. `safer-desk merge` refused the forged and older files and merged nothing ("b-3.sqlite
passed the checks but was not merged either"); File > Import District Files… merged number 3 and Cornwall's file
and refused the other two, so the same files left two different county files. Both now go through one rule of the
service: while a file given is refused (for a reason no question answers), nothing is merged, said in the same words.
"""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, cornwall_office, export, office_from, template
from tests.exchange.helpers import accept_key_args, cli_output


@pytest.fixture
def mixed(tmp_path):
    """A county file holding Babergh's export 2, and the mixed set: (county path, [good, forged, older, Cornwall])."""
    b = office_from(template(tmp_path), tmp_path / "b.sqlite", "Babergh office", districts=["Babergh"])
    try:
        add_own_rows(b, "Babergh")
        older = export(b, tmp_path / "b-1.sqlite")
        merged = export(b, tmp_path / "b-2.sqlite")
        good = export(b, tmp_path / "b-3.sqlite")
        forged = export(b, tmp_path / "b-4.sqlite")
    finally:
        b.close()
    conn = sqlite3.connect(forged)
    conn.execute("UPDATE projects SET title = 'Forged youth diversion'")
    conn.commit()
    conn.close()
    c = cornwall_office(tmp_path / "cornwall.sqlite")
    try:
        cornwall = export(c, tmp_path / "cornwall-1.sqlite")
    finally:
        c.close()
    county = tmp_path / "county.sqlite"
    code, _, err = cli_output(["merge", str(county), str(merged), *accept_key_args()])
    assert code == 0, err
    return county, [good, forged, older, cornwall]


def _imports(path) -> int:
    store = open_store(path, read_only=True)
    try:
        return store.scalar("SELECT count(*) FROM _county_imports")
    finally:
        store.close()


def test_the_command_line_merges_nothing_and_says_which_files_passed(mixed):
    county, files = mixed
    code, out, err = cli_output(["merge", str(county), *map(str, files)])
    assert code == 1, out
    assert "b-4.sqlite cannot be merged: values in projects were changed after it was signed" in err, err
    assert "b-1.sqlite cannot be merged: it is older than an export from Babergh office already merged" in err, err
    assert ("b-3.sqlite passed the checks but was not merged either: nothing is merged while a file given is "
            "refused. Merge it again without the files refused above.") in err, err
    assert _imports(county) == 1


def test_the_window_merges_nothing_and_says_the_same(mixed, tmp_path, window, qtbot, prompts):
    from safer_desk.ui.exchange.dialogs import import_district_files

    county, files = mixed
    twin = tmp_path / "county twin.sqlite"
    shutil.copyfile(county, twin)
    _, _, cli_err = cli_output(["merge", str(twin), *map(str, files)])
    said_by_cli = cli_err.removeprefix("safer-desk: ").strip()
    assert window.open_path(county)
    import_district_files(window, [str(f) for f in files])
    qtbot.waitUntil(lambda: bool(prompts.errors), timeout=20000)
    assert getattr(window, "merge_result", None) is None  # no summary of files merged: none was
    assert window.key_dialog is None if hasattr(window, "key_dialog") else True  # nothing asked: nothing goes in
    title, said = prompts.errors[-1]
    assert said.split("\n\n") == said_by_cli.split("\n"), (said, said_by_cli)
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 1
    window.session.close()
