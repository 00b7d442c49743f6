"""File > Signing Keys… makes a new key in place of one the county withdrew (session 60, keys), as
`safer-desk key --replace-withdrawn` does: the officer types the withdrawn key's fingerprint (never a slip of one
click), the dialog then shows the new fingerprint to read to the county lead; another fingerprint is refused, in words,
with the key kept.
"""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.exchange.signing import key_path, officer_key


def _dialog(demo_window, qtbot):
    from safer_desk.ui.exchange.dialogs import SigningKeysDialog

    dialog = SigningKeysDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    return dialog


def test_new_key_replaces_the_withdrawn_key_named(demo_window, qtbot, prompts):
    old = officer_key()
    dialog = _dialog(demo_window, qtbot)
    assert old.fingerprint in dialog.own_label.text()
    prompts.texts.append(old.fingerprint)
    qtbot.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)
    new = officer_key()
    assert new.fingerprint != old.fingerprint
    assert new.fingerprint in dialog.own_label.text() and old.fingerprint not in dialog.own_label.text()
    assert prompts.text_questions and "withdrawn your key" in prompts.text_questions[-1][1], prompts.text_questions
    assert prompts.infos and new.fingerprint in prompts.infos[-1][1] and "by phone" in prompts.infos[-1][1]
    assert (key_path().parent / "replaced" / f"{old.fingerprint.replace(' ', '')}.txt").is_file()


def test_new_key_with_another_fingerprint_is_refused_and_the_key_kept(demo_window, qtbot, prompts):
    old = officer_key()
    before = key_path().read_bytes()
    dialog = _dialog(demo_window, qtbot)
    prompts.texts.append("3F2A 9C1B 77D0 12AB 4C9E 0F31")
    qtbot.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and f"your signing key is {old.fingerprint}" in prompts.errors[-1][1], prompts.errors
    assert key_path().read_bytes() == before and old.fingerprint in dialog.own_label.text()


def test_new_key_cancelled_changes_nothing(demo_window, qtbot, prompts):
    officer_key()
    before = key_path().read_bytes()
    dialog = _dialog(demo_window, qtbot)
    qtbot.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)  # the question cancelled
    assert key_path().read_bytes() == before and not prompts.errors and not prompts.infos


def test_new_key_with_text_that_is_no_fingerprint_says_so(demo_window, qtbot, prompts):
    officer_key()
    before = key_path().read_bytes()
    dialog = _dialog(demo_window, qtbot)
    prompts.texts.append("laptop stolen")
    qtbot.mouseClick(dialog.new_key_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and "“laptop stolen” is not a key fingerprint" in prompts.errors[-1][1], prompts.errors
    assert key_path().read_bytes() == before
