"""S62 (files): File > Save a Copy… onto the open file itself is refused before anything asks to replace it.

Choosing the open file in the Save a Copy dialog, the file dialog first asked "babergh.sqlite already exists. Do you
want to replace it?", and only after Yes did Safer Desk say "Choose a different file from the one that is open.": the
officer had just agreed to replace the file they work in. The dialog now leaves replacing to Safer Desk, which refuses
the open file first and asks (once) before replacing any other file.
"""

from __future__ import annotations

from safer_desk.storage.store import open_store
from safer_desk.ui.prompts import save_file_name as REAL_SAVE_FILE_NAME  # taken before the suite's stand-in


def test_the_copy_dialog_is_not_the_one_that_asks_to_replace_a_file(window, store, tmp_path, monkeypatch, qapp):
    from PySide6.QtWidgets import QFileDialog

    from safer_desk.ui import prompts as module

    asked = []

    def dialog(parent, caption, start, file_filter, selected="", options=QFileDialog.Option(0)):
        asked.append(QFileDialog.Option(options))
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", dialog)
    monkeypatch.setattr(module, "save_file_name", REAL_SAVE_FILE_NAME)
    window.set_store(store)
    window.save_copy()
    assert len(asked) == 1 and asked[0] & QFileDialog.Option.DontConfirmOverwrite


def test_the_open_file_is_refused_with_no_question_and_another_file_asked_about_once(window, store, tmp_path,
                                                                                      prompts):
    window.set_store(store)
    prompts.file_names.append(str(store.path))
    window.save_copy()
    assert prompts.questions == []
    assert prompts.errors == [("Save a copy", "Choose a different file from the one that is open.")]
    other = tmp_path / "copy.sqlite"
    open_store(other, create=True).close()
    before = other.read_bytes()
    prompts.file_names.append(str(other))
    prompts.answers.append(False)  # Keep It
    window.save_copy()
    assert prompts.questions == [("Save a copy", f"{other} already exists. Replace it with a copy of "
                                                 f"{store.path.name}?")]
    assert other.read_bytes() == before

