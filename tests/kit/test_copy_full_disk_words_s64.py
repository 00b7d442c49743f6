"""File > Save a Copy and Back Up Now on a full disk say it once, whole.

Found in round 64 on a real small disk: Save a Copy said "The copy could not be written: copy.sqlite could not be
written to …: the disk is full. Nothing was changed." — the storage layer's message already names the copy, the
folder and the cause, and the window put its own "could not be written" before it. The message is shown whole, as a
copy refused where it was to go already is."""

from __future__ import annotations

import errno
from pathlib import Path

from safer_desk.storage.safe_write import WriteFailed
from safer_desk.storage.store import Store


def _disk_full(monkeypatch) -> None:
    def full(self, target: Path) -> Path:
        raise WriteFailed(errno.ENOSPC, "the disk is full", target)

    monkeypatch.setattr(Store, "backup_to", full)


def test_save_a_copy_on_a_full_disk_says_it_once(demo_window, prompts, tmp_path, monkeypatch):
    _disk_full(monkeypatch)
    target = tmp_path / "copy.sqlite"
    prompts.file_names.append(str(target))
    demo_window.save_copy()
    [(title, text)] = prompts.errors
    assert title == "Save a copy"
    assert text == f"copy.sqlite could not be written to {tmp_path}: the disk is full. Nothing was changed."
    assert "Copy saved" not in demo_window.statusBar().currentMessage()
    assert not target.exists()
