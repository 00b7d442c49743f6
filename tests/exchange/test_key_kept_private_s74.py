"""A signing key others on the computer can read is made private again, and `safer-desk key` says so (s74, audit).

The key is made owner-only (the file 0600, its folder 0700). One put back from a backup, copied from the old laptop
or unzipped comes back as the copy made it, readable by every account on the computer (0644 in a 0755 folder): it
was used as it lay, to sign every export, and `safer-desk key` printed the fingerprint without a word, though anyone
who can read the file can sign as the officer. Reading the key now makes it the officer's alone again, and `key`
says that it did.
"""

from __future__ import annotations

import os
import stat

import pytest

from safer_desk.exchange import signing
from tests.cli_run import run

pytestmark = pytest.mark.skipif(os.name == "nt", reason="POSIX permissions (Windows keeps the data folder private)")


def test_a_key_readable_by_others_is_made_private_and_said(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / "home"))
    code, fingerprint, _ = run(capsys, "key")
    assert code == 0
    path = signing.key_path()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    os.chmod(path, 0o644)  # as a copy from a backup or another computer comes back
    os.chmod(path.parent, 0o755)
    code, out, err = run(capsys, "key")
    assert code == 0 and out == fingerprint  # the same key, kept
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert ("could be read by other accounts on this computer" in err
            and "now it can be read by your account alone" in err), err
    code, out, err = run(capsys, "key")  # said once: a private key is not talked about
    assert code == 0 and "other accounts" not in err


def test_a_key_read_to_sign_is_made_private_too(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFER_DESK_HOME", str(tmp_path / "home"))
    made = signing.officer_key()
    os.chmod(made.path, 0o640)
    key = signing.officer_key()
    assert key.fingerprint == made.fingerprint and stat.S_IMODE(key.path.stat().st_mode) == 0o600
    assert "could be read by other accounts" in key.privacy_note


def test_file_signing_keys_says_a_key_others_could_read_was_made_private(demo_window, qtbot):
    from safer_desk.ui.exchange.dialogs import SigningKeysDialog

    made = signing.officer_key()
    os.chmod(made.path, 0o644)
    dialog = SigningKeysDialog(demo_window.session, demo_window)
    qtbot.addWidget(dialog)
    text = dialog.own_label.text()
    assert made.fingerprint in text and "now it can be read by your account alone" in text, text
    assert stat.S_IMODE(made.path.stat().st_mode) == 0o600
