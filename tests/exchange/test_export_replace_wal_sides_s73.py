"""S73 (kitb): `safer-desk export FILE OUT.sqlite --replace` over an earlier export left in WAL mode (opened by a
program that switched it, such as DB Browser, or a look at it) wrote the new export but left OUT.sqlite-shm and
OUT.sqlite-wal beside it: the looks at the old file before it is replaced (is it an office's own file? a journal
beside it?) open it, and a look at a file in WAL mode makes them and cannot remove them. Sent on with the export, or
found beside it, they look like a save not yet in the file. The export now removes them (empty, nothing in them) as it
replaces the file, from the command line and the window alike."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.cli_run import run


def _in_wal_mode(out: Path) -> None:
    """An earlier export switched to WAL mode by another program, closed cleanly."""
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("PRAGMA journal_mode = WAL").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert not Path(f"{out}-wal").exists() and not Path(f"{out}-shm").exists()  # closed cleanly: none beside it


def test_replacing_an_export_in_wal_mode_leaves_nothing_beside_it(capsys, demo_path, tmp_path):
    out = tmp_path / "county.sqlite"
    code, _, err = run(capsys, "export", demo_path, out)
    assert code == 0, err
    _in_wal_mode(out)
    code, said, err = run(capsys, "export", demo_path, out, "--replace")
    assert code == 0 and "export number 2 of this office" in said, err
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("county")) == ["county.sqlite"]
    conn = sqlite3.connect(f"file:{out}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        conn.close()


def test_the_service_replacing_it_removes_them_too(demo_store, tmp_path):
    """The window's export (``export_for_county``, after its own looks at the name) leaves none either."""
    from safer_desk.services.county import export_for_county, refuse_export_target
    from safer_desk.storage.store import holds_data

    out = tmp_path / "county.sqlite"
    export_for_county(demo_store, out)
    _in_wal_mode(out)
    assert not holds_data(out)  # the window's look at the name: an export, to be replaced
    refuse_export_target(demo_store, out)
    export_for_county(demo_store, out)
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("county")) == ["county.sqlite"]
