"""File > New in a folder the disk refuses (a read-only share, a full disk) was reported under the title "Cannot open
file", about a file the person had asked to make, not open; it is now "Cannot make file". Opening a file there is
still "Cannot open file"."""

from __future__ import annotations

from tests.foundation.test_cli_round22 import refuse_writes_in


def test_a_new_file_the_folder_refuses_is_said_as_not_made(window, prompts, tmp_path, monkeypatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    refuse_writes_in(folder, monkeypatch)
    folder.chmod(0o555)
    try:
        prompts.file_names.append(str(folder / "office.sqlite"))
        window.new_file()
    finally:
        folder.chmod(0o755)
    [(title, text)] = prompts.errors
    assert title == "Cannot make file", title
    assert "office.sqlite cannot be made there" in text, text
    assert window.session.store is None and list(folder.iterdir()) == []


def test_a_file_there_that_cannot_be_read_is_still_not_opened(window, prompts, tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    assert not window.open_path(bad, create=True)
    assert prompts.errors[-1][0] == "Cannot open file"
