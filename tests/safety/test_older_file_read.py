"""Commands that only read an older file read it without writing to it: the architecture says opening and looking
write nothing. They upgraded it in place, with a backup and without a word, so colleagues on the older version could
no longer open it; on read-only storage they could not read it at all."""

from __future__ import annotations

import hashlib

import pytest

from safer_desk.cli import main
from tests.safety.helpers import make_older_file


@pytest.mark.parametrize("command", [["projects"], ["indicators"], ["dhr-ledger"], ["office"], ["budget"],
                                     ["report", "REPORT"], ["export", "BOOK"]])
def test_a_command_that_only_reads_an_older_file_leaves_it_as_it_was(tmp_path, capsys, command):
    older = make_older_file(tmp_path / "older.sqlite")
    before = hashlib.sha256(older.read_bytes()).hexdigest()
    args = [str(tmp_path / "r.html") if a == "REPORT" else str(tmp_path / "b.xlsx") if a == "BOOK" else a
            for a in command[1:]]
    assert main([command[0], str(older), *args]) == 0
    assert hashlib.sha256(older.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()
    assert "not changed" in capsys.readouterr().err  # said once: read as this version reads it



def test_a_command_that_changes_an_older_file_says_it_was_upgraded_and_where_the_copy_is(tmp_path, capsys):
    """The window says so after an upgrade ("File upgraded"); the command line upgraded the file without a word, so
    whoever ran `safer-desk office … --county …` did not know colleagues on the older version can no longer open it,
    nor where the copy of it as it was is kept."""
    older = make_older_file(tmp_path / "older.sqlite")
    assert main(["office", str(older), "--county", "Suffolk"]) == 0
    [backup] = (tmp_path / "backups").glob("older.*.before-upgrade.sqlite")
    err = capsys.readouterr().err
    assert "older.sqlite was made by an older version of Safer Desk and has been upgraded" in err
    assert str(backup) in err


def test_a_command_that_adds_to_an_older_file_says_so_too(tmp_path, capsys):
    from tests.indicators.police_helpers import fixture

    older = make_older_file(tmp_path / "older.sqlite")
    assert main(["import-police", str(older), str(fixture("suffolk-2021-01"))]) == 0
    err = capsys.readouterr().err
    assert "has been upgraded" in err and "before-upgrade.sqlite" in err


def test_the_window_shows_an_older_file_opened_read_only_without_changing_it(window, prompts, tmp_path):
    """An older file on read-only storage (a CD, a share IT made read-only), or one chosen read-only: the window
    asked for an upgrade it cannot make and showed nothing, where the command line reads it through an upgraded
    copy in memory. The window now reads it as the command line does, says so, and writes nothing."""
    older = make_older_file(tmp_path / "older.sqlite")
    before = hashlib.sha256(older.read_bytes()).hexdigest()
    assert window.open_path(older, read_only=True) is True
    store = window.session.store
    assert store is not None and store.read_only
    # read as this version reads it: the older file's fund, and the tables this version added (empty)
    assert store.scalar("SELECT name FROM funds") == "TH fund"
    assert store.scalar("SELECT count(*) FROM indicators") == 0
    assert window.show_tab("indicators") is not None
    assert "older version" in window.statusBar().currentMessage() and "not changed" in \
        window.statusBar().currentMessage()
    assert prompts.errors == []
    window.set_store(None)
    assert hashlib.sha256(older.read_bytes()).hexdigest() == before
    assert not (tmp_path / "backups").exists()
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith("older")) == ["older.sqlite"]  # no lock


@pytest.fixture
def export_path(demo_path, tmp_path, capsys):
    target = tmp_path / "export.sqlite"
    assert main(["export", str(demo_path), str(target)]) == 0
    capsys.readouterr()
    return target


def test_an_export_whose_figures_cannot_be_worked_out_is_not_left_open(export_path, monkeypatch):
    """Opened to look at, an export's police.uk figures are worked out on its connection; when that failed the
    connection was left open (the file held until the program ended, and on Windows it could not be moved)."""
    from safer_desk.services import files, police_import
    from safer_desk.storage.store import Store

    closed = []
    real_close = Store.close
    monkeypatch.setattr(Store, "close", lambda self: closed.append(self.path) or real_close(self))

    def fails(store):
        raise RuntimeError("the figures could not be worked out")

    monkeypatch.setattr(police_import, "figures_for_reading", fails)
    with pytest.raises(RuntimeError):
        files.open_office_file(export_path, read_only=True)
    assert closed == [export_path]
