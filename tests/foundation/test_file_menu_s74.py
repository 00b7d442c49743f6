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


def test_a_backup_opened_to_restore_it_is_never_removed_as_an_old_backup(tmp_path, private_home):
    """The guide says to restore a backup by opening it from the backups folder. Open there (the officer working in
    it), five more backups of the file it was made from (Back Up Now, an upgrade's) removed it as the oldest, from
    under the window: on Linux and macOS its changes since then went with it when it closed. A backup open in a window
    is kept, the others still rotated."""
    from safer_desk.storage.store import KEEP_BACKUPS, make_backup, open_store

    office = make_file(tmp_path / "office.sqlite")
    restored = make_backup(office, reason="on-demand")
    opened = open_store(restored)  # as File > Open of it holds it
    try:
        for _ in range(KEEP_BACKUPS + 1):
            made = make_backup(office, reason="on-demand")
        assert restored.exists() and made.exists()
        assert len(backups_of(office)) == KEEP_BACKUPS + 1  # the open one kept beside the last five
    finally:
        opened.close()
    make_backup(office, reason="on-demand")
    assert not restored.exists() and len(backups_of(office)) == KEEP_BACKUPS  # closed: an old backup again


def test_save_a_copy_refuses_a_file_another_window_holds_or_a_folder_before_asking_to_replace_it(demo_window, prompts,
                                                                                               tmp_path):
    """Save a Copy onto a colleague's file open in another window asked "colleague.sqlite already exists. Replace it
    with a copy of example.sqlite?" and, answered Replace, then refused: only one window can change a file at a time.
    A folder of that name was asked about alike, then refused. Each is refused at once now, nothing asked, nothing
    written."""
    from safer_desk.storage.store import open_store

    theirs = tmp_path / "colleague.sqlite"
    held = open_store(theirs, create=True)  # another window's lock (a second lock in one process is refused alike)
    try:
        prompts.file_names.append(str(theirs))
        prompts.answers.append(True)
        demo_window.save_copy()
        assert prompts.questions == []
        title, text = prompts.errors[-1]
        assert title == "Save a copy" and "Only one window can change a file at a time" in text
        assert held.scalar("SELECT count(*) FROM projects") == 0
    finally:
        held.close()
    assert not theirs.with_name(theirs.name + ".lock").exists()  # the look at it took no lock it left
    folder = tmp_path / "reports.sqlite"
    folder.mkdir()
    prompts.file_names.append(str(folder))
    prompts.answers.append(True)
    demo_window.save_copy()
    assert prompts.questions == []
    title, text = prompts.errors[-1]
    assert title == "Save a copy" and "there is a folder of that name" in text and "Nothing was" in text
    assert list(folder.iterdir()) == []


def _drive_with_office(tmp_path, demo_master):
    import shutil

    folder = tmp_path / "H"
    folder.mkdir()
    shutil.copyfile(demo_master, folder / "office.sqlite")
    return folder / "office.sqlite"


def _projects_in(path):
    import sqlite3

    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT count(*) FROM projects").fetchone()[0]
    finally:
        conn.close()


def test_save_a_copy_keeps_what_a_file_deleted_while_open_held(window, prompts, tmp_path, demo_master):
    """A file deleted while open (a colleague tidying the shared folder; a sync tool moving it): every save was
    refused, rightly, and Save a Copy too ("put it back where it was … and try again"), which no one can do for a
    deleted file: the window held all of it, and closing lost it. Save a Copy now writes the file as the window holds
    it, saying so; the deleted file is not made again."""
    office = _drive_with_office(tmp_path, demo_master)
    assert window.open_path(office)
    held = _projects_in(office)
    assert held > 0
    office.unlink()
    kept = tmp_path / "kept.sqlite"
    prompts.file_names.append(str(kept))
    window.save_copy()
    assert prompts.errors == []
    assert _projects_in(kept) == held and not office.exists()
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Copy saved to {kept}") and "no longer where it was opened" in said


def test_save_a_copy_of_a_file_replaced_while_open_is_of_the_windows_own_file(window, prompts, tmp_path,
                                                                            demo_master):
    """Another copy put in the open file's place: Save a Copy writes the file the window holds, not the one now at
    that name (an empty file here), and leaves that one as it is."""
    import os

    from safer_desk.storage.store import open_store

    office = _drive_with_office(tmp_path, demo_master)
    assert window.open_path(office)
    held = _projects_in(office)
    open_store(tmp_path / "other.sqlite", create=True).close()
    os.replace(tmp_path / "other.sqlite", office)
    kept = tmp_path / "kept.sqlite"
    prompts.file_names.append(str(kept))
    window.save_copy()
    assert prompts.errors == [] and _projects_in(kept) == held and _projects_in(office) == 0


def test_a_save_refused_for_a_file_deleted_while_open_names_save_a_copy(tmp_path):
    """The refusal said only "put it back where it was … and try again": for a deleted file nothing can be, and
    the officer did not know Save a Copy still keeps all of it."""
    from safer_desk.storage.locking import FileMoved
    from safer_desk.ui.kit.errors import words_for

    title, text = words_for(FileMoved(tmp_path / "office.sqlite"), "office.sqlite")
    assert title == "Change not saved" and "File > Save a Copy" in text
    assert "File > Save a Copy" not in words_for(OSError(28, "No space left on device"), "office.sqlite")[1]


def test_back_up_now_of_a_file_deleted_while_open_names_save_a_copy(window, prompts, tmp_path, demo_master):
    """Back Up Now of a file deleted while open is refused (its backups folder is beside a file no longer there) and
    said only "put it back where it was": it now names Save a Copy, which keeps what the window holds."""
    office = _drive_with_office(tmp_path, demo_master)
    assert window.open_path(office)
    office.unlink()
    window.backup_action.trigger()
    title, text = prompts.errors[-1]
    assert title == "Back up" and "no longer where it was opened" in text and "File > Save a Copy" in text
    assert not (office.parent / "backups").exists() and not office.exists()


def test_taking_a_gone_file_off_open_recent_takes_it_off_by_every_name_listed(monkeypatch):
    """A list from an older version held E:\\CSP\\Office.sqlite and e:\\csp\\office.sqlite, one file on Windows, the
    stick since lost: the menu shows it once, and Take It Off took off only that spelling, so the other came back
    at once. Every name of it goes."""
    import ntpath
    import types

    from safer_desk import paths

    monkeypatch.setattr(settings, "os", types.SimpleNamespace(path=ntpath))
    monkeypatch.setattr(paths, "same_file", lambda a, b: False)
    kept = r"C:\Users\ann\budget.sqlite"
    settings.write("files/recent", [r"E:\CSP\Office.sqlite", kept, r"e:\csp\office.sqlite"])
    assert settings.remove_recent_file(r"E:\CSP\Office.sqlite") == [kept]
    assert settings.read_list("files/recent") == [kept]


def test_the_title_shows_a_file_name_holding_qts_modified_mark_as_it_is(window, qtbot, tmp_path):
    """Qt takes "[*]" in a title for where the unsaved-typing mark goes: a file named "Plan [*] v2.sqlite" (a name
    Linux and macOS allow; Safer Desk makes none, but opens one named so elsewhere) was titled "Plan  v2.sqlite", and
    "Plan * v2.sqlite*" with typing unsaved. Its name shows as it is; the mark goes only after it."""
    path = tmp_path / "Plan [*] v2.sqlite"
    make_file(tmp_path / "plan.sqlite").rename(path)
    window.show()
    assert window.open_path(path)
    assert window.windowHandle().title().startswith("Plan [*] v2.sqlite — ")
    window.setWindowModified(True)
    assert window.windowHandle().title().startswith("Plan [*] v2.sqlite* — ")


def test_save_a_copy_of_a_file_whose_drive_went_says_why_in_words(window, prompts, tmp_path, demo_master,
                                                                   monkeypatch):
    """Its USB stick pulled out, the window cannot read the file either: the copy's refusal said only "disk I/O
    error". It says the file is no longer where it was opened and to connect its drive again; nothing is written."""
    import sqlite3

    office = _drive_with_office(tmp_path, demo_master)
    assert window.open_path(office)
    office.unlink()
    store = window.session.store

    def unreadable(target):
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setattr(store, "backup_to", unreadable)
    kept = tmp_path / "kept.sqlite"
    prompts.file_names.append(str(kept))
    window.save_copy()
    title, text = prompts.errors[-1]
    assert title == "Save a copy" and "no longer where it was opened" in text and "connect its drive again" in text
    assert not kept.exists() and "Copy saved" not in window.statusBar().currentMessage()
