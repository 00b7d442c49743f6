"""A file whose index no longer matches its table (damage SQLite's quick_check does not look for, which `safer-desk
check` finds) is refused before anything is written to it, as a damaged page is: `import-figures` added 324 rows to
such a file and exited 0, building on the damage, while `check` and `indicators` called it damaged."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from safer_desk.storage.store import FileDamaged, open_store
from tests.exchange.helpers import cli_output
from tests.safety.helpers import sha256


def damage_an_index(path: Path) -> Path:
    """One byte of an index entry changed (the districts' second unique index): its pages are whole, its entry no
    longer matches its row."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                            ("sqlite_autoindex_districts_2",)).fetchone()[0]
    conn.close()
    with path.open("r+b") as fh:
        fh.seek(root * page_size - 2)
        byte = fh.read(1)
        fh.seek(root * page_size - 2)
        fh.write(bytes([byte[0] ^ 1]))
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA integrity_check").fetchall() != [("ok",)]
    conn.close()
    return path


def test_a_file_with_a_damaged_index_is_refused_for_writing_and_left_as_it_was(demo_path, tmp_path):
    damage_an_index(demo_path)
    before = sha256(demo_path)
    sheet = tmp_path / "figs.csv"
    sheet.write_text("indicator,area,period,value\nAll crime,Babergh,2025-04,10\n", encoding="utf-8")
    code, out, err = cli_output(["import-figures", str(demo_path), str(sheet)])
    assert code == 1 and "is damaged" in err and "missing from index" in err, err
    assert sha256(demo_path) == before
    with pytest.raises(FileDamaged, match="missing from index"):
        store = open_store(demo_path)
        try:
            store.verify()
        finally:
            store.close()
    assert sha256(demo_path) == before
