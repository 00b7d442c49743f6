"""S62 (files): File > Signing Keys…, New Key… replaces a damaged key file, not only a withdrawn key.

An officer whose key file was damaged (a sync that never finished, a copy cut short) was told by every export and by
Signing Keys… to "move it aside (or delete it)" in a hidden folder; New Key… asked for the fingerprint of a withdrawn
key, which a damaged key cannot give, and refused whatever was typed. New Key… now offers, plainly, to set the damaged
file aside (kept, in the keys folder's ``replaced`` folder) and make a new key the county confirms by phone.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.exchange.signing import REPLACED_FOLDER, key_path, officer_key

DAMAGED = b"-----BEGIN PRIVATE KEY-----\nnot a key\n-----END PRIVATE KEY-----\n"


def _dialog(demo_window, qtbot):
    from safer_desk.ui.exchange.dialogs import SigningKeysDialog

    dialog = SigningKeysDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    return dialog


@pytest.mark.parametrize("damage", [DAMAGED, b"", b"   \n"])
def test_new_key_sets_a_damaged_key_aside_and_makes_a_new_one(demo_window, qtbot, prompts, damage):
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(damage)
    dialog = _dialog(demo_window, qtbot)
    assert "Move it aside" in dialog.own_label.text() and "New Key" in dialog.own_label.text()
    prompts.answers.append(True)
    qtbot.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)
    assert prompts.text_questions == []  # no withdrawn key's fingerprint asked for: there is none to give
    (title, question), = prompts.questions
    assert title == "New Key" and ("damaged" in question or "empty" in question), question
    new = officer_key()
    assert new.fingerprint in dialog.own_label.text()
    assert prompts.infos and new.fingerprint in prompts.infos[-1][1] and "by phone" in prompts.infos[-1][1]
    kept = [p for p in (path.parent / REPLACED_FOLDER).iterdir()]
    assert len(kept) == 1 and kept[0].read_bytes() == damage and str(kept[0]) in prompts.infos[-1][1]
    assert not [p for p in path.parent.iterdir() if p.name.startswith(".")]  # no temporary file left


def test_new_key_on_a_damaged_key_answered_no_changes_nothing(demo_window, qtbot, prompts):
    path = key_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(DAMAGED)
    dialog = _dialog(demo_window, qtbot)
    prompts.answers.append(False)
    qtbot.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)
    assert path.read_bytes() == DAMAGED and not (path.parent / REPLACED_FOLDER).exists()
    assert not prompts.infos and not prompts.errors


def test_a_sound_key_is_still_replaced_only_when_withdrawn(demo_window, qtbot, prompts):
    from safer_desk.services.county import CountyError, replace_damaged_key

    old = officer_key()
    before = key_path().read_bytes()
    with pytest.raises(CountyError) as refused:
        replace_damaged_key()
    assert old.fingerprint in str(refused.value) and "Nothing was changed" in str(refused.value)
    assert key_path().read_bytes() == before
