"""S62 (files): a merge of several exports that the disk stops part-way says which files stayed merged.

`safer-desk merge county.sqlite e1.sqlite e2.sqlite e3.sqlite` on a nearly full disk merged the first file, then could
not write the second, and said "county.sqlite could not be written or read: the disk is full. Nothing was changed." —
but the first file had gone in (each file is merged in its own transaction; the window says "1 file merged before it
stays merged"). The county lead, told nothing had changed, would merge them all again. The message now says which
files stayed merged and that the one being merged was rolled back.
"""

from __future__ import annotations

import errno
import sqlite3

from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.exchange.helpers import accept_key_args


def _imports(county) -> list[str]:
    conn = sqlite3.connect(county)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = '_county_imports'").fetchone():
            return []
        return [r[0] for r in conn.execute("SELECT file_name FROM _county_imports")]
    finally:
        conn.close()


def test_a_merge_stopped_by_a_full_disk_says_which_files_stayed_merged(demo_path, tmp_path, capsys, monkeypatch):
    from safer_desk.exchange import county_merge

    e1, e2 = tmp_path / "e1.sqlite", tmp_path / "e2.sqlite"
    assert run(capsys, "export", demo_path, e1)[0] == 0
    store = open_store(demo_path)
    try:
        add_projects(store, [Project(id="p-s62", title="Night-time economy wardens", areas=("Babergh",))])
    finally:
        store.close()
    assert run(capsys, "export", demo_path, e2)[0] == 0
    county = tmp_path / "county.sqlite"  # the county's file, there before (a new one is removed, merged files and all)
    open_store(county, create=True, office_name="Suffolk county team").close()
    real, calls = county_merge.merge_export, []

    def second_fails(store, manifest, **kwargs):
        calls.append(manifest.path.name)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(store, manifest, **kwargs)

    monkeypatch.setattr(county_merge, "merge_export", second_fails)
    code, out, err = run(capsys, "merge", county, e1, e2, *accept_key_args())
    assert code == 1 and calls == ["e1.sqlite", "e2.sqlite"]
    assert _imports(county) == ["e1.sqlite"]
    assert "Nothing was changed" not in err, err
    assert "the disk is full" in err and "e2.sqlite" in err, err
    assert "e1.sqlite" in err and "stays merged" in err, err


def test_a_merge_stopped_at_its_first_file_still_says_nothing_was_changed(demo_path, tmp_path, capsys, monkeypatch):
    from safer_desk.exchange import county_merge

    e1 = tmp_path / "e1.sqlite"
    assert run(capsys, "export", demo_path, e1)[0] == 0
    county = tmp_path / "county.sqlite"
    open_store(county, create=True, office_name="Suffolk county team").close()

    def fails(store, manifest, **kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(county_merge, "merge_export", fails)
    code, _, err = run(capsys, "merge", county, e1, *accept_key_args())
    assert code == 1 and "the disk is full" in err and "Nothing was changed" in err, err
    assert _imports(county) == []
