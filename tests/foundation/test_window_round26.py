"""The main window's File menu as an officer uses it (round 26): names typed in File > Save a Copy."""

from pathlib import Path

from safer_desk.storage.store import open_store


def make_file(path: Path) -> Path:
    open_store(path, create=True).close()
    return path


def test_save_a_copy_asks_before_replacing_the_file_its_added_suffix_names(window, store, tmp_path, prompts):
    # Typed "Babergh 2019.20": the file dialog looked for that name (none, so it asked nothing), the window added
    # .sqlite, and the copy silently replaced the officer's other file Babergh 2019.20.sqlite.
    other = make_file(tmp_path / "Babergh 2019.20.sqlite")
    before = other.read_bytes()
    window.set_store(store)
    prompts.file_names.append(str(tmp_path / "Babergh 2019.20"))
    prompts.answers.append(False)  # Keep It
    window.save_copy()
    asked = f"{other} already exists. Replace it with a copy of {store.path.name}?"
    assert prompts.questions == [("Save a copy", asked)]
    assert other.read_bytes() == before and prompts.errors == []
    assert "saved" not in window.statusBar().currentMessage()
    prompts.file_names.append(str(tmp_path / "Babergh 2019.20"))
    prompts.answers.append(True)  # Replace
    window.save_copy()
    assert window.statusBar().currentMessage() == f"Copy saved to {other}"
    assert len(prompts.questions) == 2


def test_save_a_copy_as_typed_with_its_suffix_is_asked_about_once(window, store, tmp_path, prompts):
    # The file dialog does not ask before replacing a name typed whole (s62: it asked of the open file itself, before
    # Safer Desk refused it): Safer Desk asks, once.
    make_file(tmp_path / "copy.sqlite")
    window.set_store(store)
    prompts.file_names.append(str(tmp_path / "copy.sqlite"))
    prompts.answers.append(True)  # Replace
    window.save_copy()
    assert prompts.questions == [("Save a copy", f"{tmp_path / 'copy.sqlite'} already exists. Replace it with a copy "
                                                 f"of {store.path.name}?")]
    assert window.statusBar().currentMessage() == f"Copy saved to {tmp_path / 'copy.sqlite'}"


def test_save_a_copy_is_not_written_under_another_kind_of_files_name(window, store, tmp_path, prompts):
    # "figures.xlsx" was written as a Safer Desk file named like a workbook (File > New refuses that name).
    window.set_store(store)
    prompts.file_names.append(str(tmp_path / "figures.xlsx"))
    window.save_copy()
    assert not (tmp_path / "figures.xlsx").exists()
    said = ("A copy is not written under the name figures.xlsx: that is the name of another kind of file. Name the "
            "copy ending .sqlite (nothing was written).")
    assert prompts.errors == [("Save a copy", said)]


def test_a_copy_cancelled_too_late_to_stop_never_deletes_the_file_it_replaced(window, store, tmp_path, prompts,
                                                                             qtbot, monkeypatch):
    # A large file's copy over an existing copy.sqlite (the dialog asked; Replace): Cancel pressed as the copy
    # finished deleted the new copy, and with it the file it had replaced, and said "nothing was written".
    from safer_desk.storage.store import Store
    from safer_desk.ui import main_window as main_window_module
    from safer_desk.ui.workers import running_tasks

    monkeypatch.setattr(main_window_module, "BACKGROUND_COPY_FROM", 0)
    real_backup_to = Store.backup_to

    def copied_then_cancelled(self, target):
        written = real_backup_to(self, target)
        for task in running_tasks():
            task.cancel()  # pressed as the last page was written: too late to stop it
        return written

    monkeypatch.setattr(Store, "backup_to", copied_then_cancelled)
    target = make_file(tmp_path / "copy.sqlite")
    window.set_store(store)
    prompts.file_names.append(str(target))
    prompts.answers.append(True)  # Replace: Safer Desk asks (its file dialog no longer does)
    window.save_copy()
    task = window.file_task
    qtbot.waitUntil(lambda: not task.running, timeout=10000)  # not its signal: it may come before the wait is connected
    assert target.exists(), "the copy that replaced copy.sqlite was deleted"
    assert window.statusBar().currentMessage() == f"Copy saved to {target}"


def test_a_file_named_through_dot_dot_is_listed_and_shown_once_by_its_plain_path(window, tmp_path):
    # `safer-desk ..\\office.sqlite` from a command prompt: the status bar showed "…\\a\\..\\a\\office.sqlite" and
    # Open Recent listed the one file twice (pushing another file off the list).
    from safer_desk.ui import settings

    (tmp_path / "a").mkdir()
    path = make_file(tmp_path / "a" / "office.sqlite")
    other = make_file(tmp_path / "other.sqlite")
    assert window.open_path(path) and window.open_path(other)
    assert window.open_path(tmp_path / "a" / ".." / "a" / "office.sqlite")
    assert window.file_label.toolTip() == str(path)  # the whole path (the bar shows a long one shortened)
    assert settings.read_list("files/recent") == [str(path), str(other)]
