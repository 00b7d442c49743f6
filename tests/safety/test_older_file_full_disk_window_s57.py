"""An older file whose upgrade the disk refuses (full): the command line reads it (an upgraded copy in memory),
while the window said only "Cannot open file" and offered nothing. It offers to open it read-only, as it does for a
file it cannot write for any other reason, and then shows it, changing nothing; a new file the disk refuses to
make is not offered (there is nothing to read)."""

from __future__ import annotations

import pytest

from safer_desk.services import files
from safer_desk.ui import main_window
from tests.safety.helpers import logical_state, make_older_file


@pytest.fixture
def disk_refuses_upgrades(monkeypatch):
    """Opening to change fails as a full disk makes it fail (OpenNotWritten); opening to look is as it is."""
    real = files.open_office_file

    def opening(path, **kwargs):
        if not kwargs.get("read_only"):
            raise files.OpenNotWritten(f"{path.name} was made by an older version of Safer Desk: opened to change, it "
                                       "is upgraded after a backup of it is made, and these could not be written (the "
                                       "disk is full). Nothing was changed.")
        return real(path, **kwargs)

    monkeypatch.setattr(main_window, "open_office_file", opening)


def test_the_window_offers_to_read_an_older_file_it_cannot_upgrade(window, prompts, tmp_path, disk_refuses_upgrades):
    older = make_older_file(tmp_path / "older.sqlite")
    before = logical_state(older, tmp_path / "scratch")
    prompts.answers = [True]
    assert window.open_path(older)
    [(title, text)] = prompts.questions
    assert title == "Open read-only?" and "the disk is full" in text
    assert window.session.store.read_only
    # Read-only, nothing changes it in this window: the reading note says when it is upgraded, not "the first time
    # something changes it".
    note = window.statusBar().currentMessage()
    assert "not changed" in note and "the next time it is opened to change it" in note, note
    window.set_store(None)
    assert logical_state(older, tmp_path / "scratch") == before


def test_declined_nothing_is_open(window, prompts, tmp_path, disk_refuses_upgrades):
    older = make_older_file(tmp_path / "older.sqlite")
    prompts.answers = [False]
    assert not window.open_path(older)
    assert [t for t, _ in prompts.questions] == ["Open read-only?"]


def test_a_new_file_the_disk_refuses_is_not_offered_read_only(window, prompts, tmp_path, disk_refuses_upgrades):
    assert not window.open_path(tmp_path / "new.sqlite", create=True)
    assert prompts.questions == [] and prompts.errors and prompts.errors[-1][0] == "Cannot make file"
