"""S64 (files): File > Export for County… did not say which export it had made, nor with which key.

`safer-desk export` ends "signed: export number 2 of this office, key 2745 8AEC …"; the window said only "Exported 917
rows from 53 tables to …". The county lead's merge speaks of exports by number ("Export number 2 of Babergh office was
already merged …: nothing new", "it is export number 4; number 5 … has already been merged"), and phones the officer to
read out the key's fingerprint: an officer who exports in the window could tell neither without opening the History
of Changes or File > Signing Keys…. The window now says both; a workbook, which takes no number, is said as before.
"""

from __future__ import annotations

from PySide6.QtCore import Qt


def _export_in_window(window, qtbot, prompts, target) -> str:
    window.exchange_actions["export"].trigger()
    qtbot.waitUntil(lambda: getattr(window, "export_dialog", None) is not None and window.export_dialog.isVisible())
    dialog = window.export_dialog
    dialog.path_edit.setText(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=30000)
    assert prompts.errors == []
    (title, text), = prompts.infos
    prompts.infos.clear()
    assert title == "Export for County"
    return text


def test_the_window_says_the_export_s_number_and_key(window, demo_path, qtbot, prompts, tmp_path):
    from safer_desk.exchange.signing import officer_key

    assert window.open_path(demo_path)
    office = window.session.store.office_name
    key = officer_key().fingerprint
    first = _export_in_window(window, qtbot, prompts, tmp_path / "first.sqlite")
    assert f"Export number 1 of {office}, signed with your key {key}." in first, first
    second = _export_in_window(window, qtbot, prompts, tmp_path / "second.sqlite")
    assert f"Export number 2 of {office}, signed with your key {key}." in second, second


def test_a_workbook_takes_no_number_and_says_none(window, demo_path, qtbot, prompts, tmp_path):
    assert window.open_path(demo_path)
    text = _export_in_window(window, qtbot, prompts, tmp_path / "book.xlsx")
    assert text.startswith("Exported ") and "Export number" not in text and "signed" not in text, text
