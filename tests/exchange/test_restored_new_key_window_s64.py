"""S64 (files): an office restored a backup on a new computer; the county lead merges its export through the menu.

Earlier rounds tested the window's two questions apart, and the restored file's only by calling the merge with the
office's key already accepted: File > Import District Files… asking about a key, and asking whether an office
restored a backup. An office whose computer failed restores its backup on a new one, with a new signing key: its
export both carries a key the county has not registered and does not follow on from its last export merged. Through
the menu the county lead is asked about the key first (confirmed by phone), then whether the office restored a
backup; on both Yes the file is merged as the restored file's, and the summary says so.
"""

from __future__ import annotations

import shutil

from PySide6.QtCore import Qt

from tests.cli_run import run
from tests.exchange.helpers import accept_key_args, other_officer_key


def test_a_restored_file_s_export_with_a_new_key_is_asked_about_twice_and_merged(window, demo_path, tmp_path, capsys,
                                                                                  qtbot, prompts, monkeypatch):
    from safer_desk.exchange import signing

    e1, e2, e3 = (tmp_path / f"e{n}.sqlite" for n in (1, 2, 3))
    county = tmp_path / "county.sqlite"
    assert run(capsys, "export", demo_path, e1)[0] == 0
    backup = shutil.copyfile(demo_path, tmp_path / "backup.sqlite")
    assert run(capsys, "export", demo_path, e2)[0] == 0
    assert run(capsys, "merge", county, e1, e2, *accept_key_args())[0] == 0
    shutil.copyfile(backup, demo_path)  # the backup restored, on a new computer with a new key
    new_key = other_officer_key()
    monkeypatch.setattr(signing, "officer_key", lambda folder=None: new_key)
    assert run(capsys, "export", demo_path, e3)[0] == 0
    assert window.open_path(county)
    prompts.file_names.append(str(e3))
    prompts.answers.append(True)  # "Has the office told you it restored a backup?"
    window.exchange_actions["merge"].trigger()
    qtbot.waitUntil(lambda: getattr(window, "key_dialog", None) is not None and window.key_dialog.isVisible(),
                    timeout=20000)
    dialog = window.key_dialog
    assert dialog.fingerprint_label.text() == new_key.fingerprint
    assert prompts.questions == []  # the key first: the restored question only once the key is accepted
    qtbot.mouseClick(dialog.confirmed_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None and window.merge_result.isVisible(),
                    timeout=30000)
    (title, question), = prompts.questions
    assert title == "Import District Files" and "restored a backup" in question and e3.name in question, question
    assert prompts.errors == []
    text = window.merge_result.summary_label.text()
    assert f"{e3.name} (" in text and "(accepted for this office now)" in text, text
    assert "restored a backup of its file" in text, text
    store = window.session.store
    assert [r["file_name"] for r in store.rows("SELECT file_name FROM _county_imports ORDER BY rowid")] == \
        ["e1.sqlite", "e2.sqlite", "e3.sqlite"]
    assert store.scalar("SELECT count(*) FROM _county_keys WHERE fingerprint = ?", (new_key.fingerprint,)) == 1
