"""Round 37 (xp2): File > Export for County… that cannot write its file says so once.

On a read-only disk the window said "for county.sqlite could not be written: the disk is read-only. Nothing was
written." and then, on a line of its own, "No export was written." The export's own words say it already; an error
that does not (an unexpected failure) still ends with it.
"""

from __future__ import annotations

import errno

from PySide6.QtCore import Qt


def _export_from_the_dialog(window, qtbot, prompts, target) -> str:
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    assert prompts.errors, prompts.infos
    title, text = prompts.errors[-1]
    assert title == "Export for County"
    return text


def test_an_export_the_disk_refuses_is_said_not_written_once(demo_window, qtbot, prompts, tmp_path, monkeypatch):
    from safer_desk.exchange import county_export

    def read_only(*_args, **_kwargs):
        raise OSError(errno.EROFS, "the disk is read-only")

    monkeypatch.setattr(county_export, "write_county_export", read_only)
    target = tmp_path / "for county.sqlite"
    text = _export_from_the_dialog(demo_window, qtbot, prompts, target)
    assert text == "for county.sqlite could not be written: the disk is read-only. Nothing was written.", text
    assert not target.exists()


def test_an_unexpected_failure_still_says_no_export_was_written(demo_window, qtbot, prompts, tmp_path, monkeypatch):
    from safer_desk.exchange import county_export

    def broken(*_args, **_kwargs):
        raise RuntimeError("something unexpected")

    monkeypatch.setattr(county_export, "write_county_export", broken)
    text = _export_from_the_dialog(demo_window, qtbot, prompts, tmp_path / "for county.sqlite")
    assert text == "The export failed: something unexpected\nNo export was written.", text
