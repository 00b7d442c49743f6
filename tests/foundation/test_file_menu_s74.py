"""File menu, session 74: what Open Recent lists when its settings hold more than it keeps, and Back Up Now on the
example's temporary copy."""

from safer_desk.storage.store import backups_of
from safer_desk.ui import settings
from tests.foundation.test_window_files import make_file, recent_entries


def test_open_recent_lists_at_most_its_limit_once_each_and_never_an_example_copy(window, tmp_path):
    """A settings file written by an older version (or by hand) listed twelve files, one twice and the example's
    temporary copy: the menu showed all fourteen, the copy that is gone when its run ends among them. It shows the
    first eight of the office's own files, each once."""
    from safer_desk.services.example_copy import example_copy

    own = [str(make_file(tmp_path / f"office {i}.sqlite")) for i in range(12)]
    with example_copy() as copy:
        settings.write("files/recent", [own[0], str(copy), own[0], *own[1:]])
        shown = [text for text, _enabled in recent_entries(window)]
    assert len(shown) == settings.RECENT_LIMIT
    assert not any("example" in text for text in shown)
    assert [text.split(" ", 1)[1] for text in shown] == own[:settings.RECENT_LIMIT]


def test_back_up_now_on_the_example_copy_says_the_backup_would_go_with_it(window, prompts):
    """Back Up Now on the example's copy said "Backup written to /tmp/safer-desk-demo-…/backups/…": a backup in the
    temporary folder removed, with the copy, when Safer Desk closes. An officer who typed into the example and backed
    it up to keep it lost it. It is refused, saying why and that Save a Copy keeps it; nothing is written."""
    assert window.open_example()
    path = window.session.store.path
    window.backup_action.trigger()
    assert backups_of(path) == []
    title, text = prompts.errors[-1]
    assert title == "Back up" and "removed when Safer Desk closes" in text and "File > Save a Copy" in text
    assert "Backup written" not in window.statusBar().currentMessage()
