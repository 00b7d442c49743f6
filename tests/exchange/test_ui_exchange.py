"""The window's File > Export for County…, Import District Files… and Board Report…, driven with pytest-qt."""

from __future__ import annotations

import os
import sqlite3

import pytest
from PySide6.QtCore import Qt

from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.helpers import fill_district, hold_merge_until_cancelled, new_office, officer_keys


def file_actions(window) -> list[str]:
    return [a.text() for a in window.file_menu.actions()]


def test_file_menu_has_the_exchange_actions(window):
    texts = file_actions(window)
    for text in ("Export for &County…", "&Import District Files…", "Si&gning Keys…", "Board &Report…"):
        assert text in texts
    from safer_desk.ui.main_window import quit_text

    assert texts.index("Board &Report…") < texts.index(quit_text())
    actions = window.exchange_actions
    assert not actions["export"].isEnabled() and not actions["merge"].isEnabled()


def test_actions_follow_the_open_file(window, demo_path, tmp_path):
    assert window.open_path(demo_path)
    assert all(a.isEnabled() for a in window.exchange_actions.values())
    window.session.close()
    assert window.open_path(demo_path, read_only=True)
    assert window.exchange_actions["export"].isEnabled() and not window.exchange_actions["merge"].isEnabled()


def manifest_value(path, key):
    conn = sqlite3.connect(str(path))
    try:
        return conn.execute("SELECT value FROM _export_manifest WHERE key = ?", (key,)).fetchone()[0]
    finally:
        conn.close()


@pytest.mark.parametrize("tick, expected", [(False, "no"), (True, "yes")])
def test_export_dialog_writes_the_export_with_the_referrals_choice(demo_window, qtbot, prompts, tmp_path, tick,
                                                                   expected):
    demo_window.exchange_actions["export"].trigger()
    dialog = demo_window.export_dialog
    assert dialog.isVisible() and not dialog.referrals_check.isChecked()  # minimised by default
    target = tmp_path / "out" / "for county.sqlite"
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(target))
    if tick:
        qtbot.mouseClick(dialog.referrals_check, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)  # the folder is not made for the user
    assert dialog.isVisible() and "does not exist" in prompts.errors[-1][1] and not target.parent.exists()
    prompts.errors.clear()
    target.parent.mkdir()
    with qtbot.waitSignal(dialog.finished_export, timeout=20000) as done:
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert done.args[0].path == target and target.exists()
    assert manifest_value(target, "include_referrals") == expected
    assert prompts.infos and "Exported" in prompts.infos[-1][1] and prompts.errors == []


def test_export_dialog_browse_and_wrong_suffix(demo_window, qtbot, prompts, tmp_path):
    dialog = demo_window.exchange_actions["export"].trigger() or demo_window.export_dialog
    prompts.file_names.append(str(tmp_path / "county.csv"))
    dialog.browse()
    assert dialog.path_edit.text().endswith("county.csv")
    dialog.accept()
    assert dialog.isVisible() and ".sqlite" in prompts.errors[-1][1]
    assert not (tmp_path / "county.csv").exists()
    dialog.reject()


def test_export_dialog_writes_a_workbook(demo_window, qtbot, prompts, tmp_path):
    demo_window.exchange_actions["export"].trigger()
    dialog = demo_window.export_dialog
    dialog.path_edit.setText(str(tmp_path / "for county.xlsx"))
    with qtbot.waitSignal(dialog.finished_export, timeout=20000):
        dialog.accept()
    assert (tmp_path / "for county.xlsx").read_bytes()[:2] == b"PK"


@pytest.fixture
def district_exports(tmp_path, standin_privacy):
    """Two districts' exports with stand-in data (and a county file with the same tables)."""
    from safer_desk.services.demo_data import reference

    paths = []
    for name, district in (("Babergh office", "district:babergh"), ("Ipswich office", "district:ipswich")):
        store = new_office(tmp_path / f"{name}.sqlite", name)
        try:
            reference.add_examples(store)
            fill_district(store, district=district, prefix=name[:3])
            paths.append(export_for_county(store, tmp_path / f"{name} export.sqlite").path)
        finally:
            store.close()
    new_office(tmp_path / "county.sqlite", "Suffolk county").close()
    return paths


def accept_in_key_dialog(window, qtbot, office: str) -> None:
    """The county lead reads the fingerprint, ticks "confirmed by phone" and accepts."""
    qtbot.waitUntil(lambda: getattr(window, "key_dialog", None) is not None and window.key_dialog.isVisible())
    dialog = window.key_dialog
    assert office in dialog.windowTitle()
    assert dialog.fingerprint_label.text() == officer_keys()[0]
    assert not dialog.accept_button.isEnabled()  # not before the phone call
    qtbot.mouseClick(dialog.confirmed_check, Qt.MouseButton.LeftButton)
    assert dialog.accept_button.isEnabled()
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.key_dialog is not dialog)


def test_import_district_files_merges_and_shows_the_summary(window, qtbot, prompts, tmp_path, district_exports):
    assert window.open_path(tmp_path / "county.sqlite")
    prompts.file_names.append(os.pathsep.join(map(str, district_exports)))
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        window.exchange_actions["merge"].trigger()
    # Neither office's key is registered yet: each is shown for the county lead to confirm by phone.
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 0
    accept_in_key_dialog(window, qtbot, "Babergh office")
    accept_in_key_dialog(window, qtbot, "Ipswich office")
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None and window.merge_result.isVisible(),
                    timeout=20000)
    result = window.merge_result
    text = result.summary_label.text()
    assert "Babergh office" in text and "Ipswich office" in text and "In all:" in text
    assert result.model.rowCount() == 0 and not result.view.isVisible(), result.report.conflicts
    assert window.session.store.scalar("SELECT count(*) FROM x_projects") == 6
    assert window.session.store.scalar("SELECT count(*) FROM _county_keys") == 2
    assert prompts.errors == []
    result.close()


def test_a_key_not_accepted_merges_nothing(window, qtbot, prompts, tmp_path, district_exports):
    assert window.open_path(tmp_path / "county.sqlite")
    from safer_desk.ui.exchange.dialogs import import_district_files

    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(district_exports[0])])
    qtbot.waitUntil(lambda: getattr(window, "key_dialog", None) is not None and window.key_dialog.isVisible())
    dialog = window.key_dialog
    assert "Babergh office" in dialog.windowTitle() and "forged file" in dialog.intro_label.text()
    qtbot.mouseClick(dialog.refuse_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.key_dialog is None)
    store = window.session.store
    assert store.scalar("SELECT count(*) FROM _county_imports") == 0
    assert store.scalar("SELECT count(*) FROM _county_keys") == 0
    assert store.scalar("SELECT count(*) FROM x_projects") == 0


def test_signing_keys_dialog_shows_the_register_and_withdraws_a_key(window, qtbot, prompts, tmp_path,
                                                                    district_exports):
    from safer_desk.services.county import merge_district_files
    from safer_desk.ui.exchange.menu import open_keys_dialog

    assert window.open_path(tmp_path / "county.sqlite")
    merge_district_files(window.session.store, [district_exports[0]], accept_keys=officer_keys())
    dialog = open_keys_dialog(window)
    assert officer_keys()[0] in dialog.own_label.text()
    assert dialog.model.rowCount() == 1 and dialog.model.row(0).office_name == "Babergh office"
    dialog.view.setCurrentIndex(dialog.proxy.index(0, 0))
    dialog.reason_edit.setText("laptop lost")
    prompts.answers.append(True)
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert "Withdraw the key" in prompts.questions[-1][1]
    key = dialog.model.row(0)
    assert not key.active and key.withdrawn_reason == "laptop lost"
    entry = window.session.store.one("SELECT * FROM audit_log WHERE action = 'event' AND column_name = 'key withdrawn'")
    assert entry is not None and "laptop lost" in entry["new_value"]
    # Babergh's next export, signed with the withdrawn key, is refused.
    from safer_desk.services.county import merge_district_files as merge

    report = merge(window.session.store, [district_exports[0]], accept_keys=officer_keys())
    assert report.merged == [] and "withdrawn" in report.refused[0][1]
    dialog.close()


def test_import_shows_conflicts_in_a_table(window, qtbot, prompts, tmp_path, district_exports, qtmodeltester):
    assert window.open_path(tmp_path / "county.sqlite")
    first = district_exports[0]
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        from safer_desk.ui.exchange.dialogs import import_district_files

        import_district_files(window, [str(first)], accept_keys=officer_keys())
    # At the county, someone edits a Babergh project; Babergh then sends a change to the same project.
    store = window.session.store
    pid = store.scalar("SELECT id FROM x_projects ORDER BY id LIMIT 1")
    with store.transaction():
        store.conn.execute("UPDATE x_projects SET status = 'county edit' WHERE id = ?", (pid,))
    district = open_store(tmp_path / "Babergh office.sqlite")
    try:
        with district.transaction():
            district.conn.execute("UPDATE x_projects SET status = 'district edit' WHERE id = ?", (pid,))
        second = export_for_county(district, tmp_path / "Babergh office export 2.sqlite").path
    finally:
        district.close()
    window.merge_result.close()
    window.merge_result = None
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(second)], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: window.merge_result is not None)
    result = window.merge_result
    assert result.model.rowCount() == 1
    qtmodeltester.check(result.model)
    row = result.model.row(0)
    assert row.kind == "edited-at-county" and row.row_key == pid
    assert store.scalar("SELECT status FROM x_projects WHERE id = ?", (pid,)) == "county edit"
    title = store.scalar("SELECT title FROM x_projects WHERE id = ?", (pid,))
    sentence = (f"X projects '{title}': status “county edit” at the county (edited there since it was merged), "
                "“district edit” from Babergh office")
    assert result.detail_label.text() == f"#{row.id} (Rows edited at the county since they were merged): {sentence}."
    assert pid not in result.detail_label.text()  # names, not ids
    result.view.selectAll()
    assert "edited at the county" in result.view.selected_rows_text()
    # Decide Conflicts… opens the conflicts window; the county lead keeps Babergh's version.
    qtbot.mouseClick(result.decide_button, Qt.MouseButton.LeftButton)
    dialog = result.conflicts_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert [dialog.groups.item(i).text() for i in range(dialog.groups.count())] == [
        "All (1)", "Rows edited at the county since they were merged (1)"]
    assert dialog.model.row(0).detail == sentence
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_district_button, Qt.MouseButton.LeftButton)
    assert store.scalar("SELECT status FROM x_projects WHERE id = ?", (pid,)) == "district edit"
    assert dialog.model.rowCount() == 0 and "No open conflicts" in dialog.heading.text()
    entry = store.one("SELECT action_label FROM audit_log WHERE column_name = 'conflict decided'")
    assert entry["action_label"] == f"Keep Babergh office's version: {sentence}"
    dialog.close()


def test_import_refuses_a_bad_file_with_a_message(window, qtbot, prompts, tmp_path, district_exports):
    assert window.open_path(tmp_path / "county.sqlite")
    bad = tmp_path / "not-an-export.sqlite"
    bad.write_text("hello", encoding="utf-8")
    prompts.file_names.append(str(bad))
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        window.exchange_actions["merge"].trigger()
    assert prompts.errors and "not-an-export.sqlite cannot be merged" in prompts.errors[-1][1]
    assert window.session.store.scalar("SELECT count(*) FROM _county_imports") == 0


def test_import_into_a_read_only_file_is_refused(window, prompts, demo_path):
    assert window.open_path(demo_path, read_only=True)
    from safer_desk.ui.exchange.dialogs import import_district_files

    assert import_district_files(window, ["x.sqlite"]) is None
    assert "read-only" in prompts.errors[-1][1]


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_report_dialog_writes_the_report(demo_window, qtbot, prompts, tmp_path, suffix):
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    assert dialog.year_combo.itemText(0) == "All years" and dialog.year_combo.findText("2016/17") >= 0
    dialog.year_combo.setCurrentIndex(dialog.year_combo.findText("2016/17"))
    dialog.set_area("Western Suffolk CSP")
    qtbot.keyClicks(dialog.title_edit, "Report to the Western Suffolk CSP")
    qtbot.keyClicks(dialog.meeting_edit, "20/09/2018")
    target = tmp_path / f"board{suffix}"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.written, timeout=20000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    data = target.read_bytes()
    if suffix == ".pdf":
        assert data.startswith(b"%PDF")
    else:
        assert b"Report to the Western Suffolk CSP" in data and b"Date of meeting: 20/09/2018" in data
    assert "Wrote the board report" in prompts.infos[-1][1]


def test_report_dialog_needs_a_pdf_or_html_name_and_a_real_date(demo_window, prompts, tmp_path):
    demo_window.exchange_actions["report"].trigger()
    dialog = demo_window.report_dialog
    dialog.path_edit.setText(str(tmp_path / "board.docx"))
    dialog.accept()
    assert dialog.isVisible() and ".pdf or .html" in prompts.errors[-1][1]
    dialog.path_edit.setText(str(tmp_path / "board.html"))
    dialog.meeting_edit.setText("31/02/2018")
    dialog.accept()
    assert dialog.isVisible() and "not a date" in prompts.errors[-1][1]
    assert not (tmp_path / "board.html").exists()
    dialog.reject()


def test_cancelling_an_import_rolls_it_back(window, qtbot, prompts, tmp_path, district_exports, monkeypatch):
    from safer_desk.ui.exchange.dialogs import import_district_files

    started = hold_merge_until_cancelled(monkeypatch)
    assert window.open_path(tmp_path / "county.sqlite")
    task = import_district_files(window, [str(district_exports[0])], accept_keys=officer_keys())
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    with qtbot.waitSignal(task.signals.cancelled, timeout=10000):
        task.cancel()
    assert prompts.infos[-1][1] == ("Cancelled: the file being merged was rolled back. No file was merged: the county "
                                    "file is as it was.") and prompts.errors == []
    store = window.session.store
    assert store.scalar("SELECT count(*) FROM x_projects") == 0
    assert store.scalar("SELECT count(*) FROM _county_imports") == 0


def test_cancelling_an_export_writes_nothing(demo_window, qtbot, prompts, tmp_path, monkeypatch):
    from safer_desk.exchange import county_export
    from safer_desk.ui.exchange.dialogs import start_export

    original = county_export._minimise_and_sign
    started = []

    def sign_when_cancelled(out, store, target, include, progress, cancelled, **kwargs):
        started.append(True)
        for _ in range(500):
            if cancelled():
                break
            import time

            time.sleep(0.01)
        return original(out, store, target, include, progress, cancelled, **kwargs)

    monkeypatch.setattr(county_export, "_minimise_and_sign", sign_when_cancelled)
    target = tmp_path / "exports" / "for county.sqlite"
    task = start_export(demo_window.session, target, False, demo_window)
    qtbot.waitUntil(lambda: bool(started), timeout=10000)
    with qtbot.waitSignal(task.signals.cancelled, timeout=10000):
        task.cancel()
    assert "no export was written" in prompts.infos[-1][1]
    assert not target.exists() and (not target.parent.exists() or list(target.parent.iterdir()) == [])


def test_two_files_from_one_office_ask_about_its_new_key_once(window, qtbot, prompts, tmp_path, district_exports):
    """Babergh's first and second exports, both signed with its officer's key the county has not registered:
    one question, naming both files, and accepting merges both."""
    from safer_desk.ui.exchange.dialogs import import_district_files

    store = open_store(tmp_path / "Babergh office.sqlite")
    try:
        second = export_for_county(store, tmp_path / "Babergh office export 2.sqlite").path
    finally:
        store.close()
    assert window.open_path(tmp_path / "county.sqlite")
    with qtbot.waitSignal(window.session.data_changed, timeout=20000):
        import_district_files(window, [str(district_exports[0]), str(second)])
    qtbot.waitUntil(lambda: getattr(window, "key_dialog", None) is not None and window.key_dialog.isVisible())
    dialog = window.key_dialog
    assert "and 1 more file from Babergh office" in dialog.intro_label.text()
    accept_in_key_dialog(window, qtbot, "Babergh office")
    assert window.key_dialog is None  # not asked a second time about the same key
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None and window.merge_result.isVisible(),
                    timeout=20000)
    store = window.session.store
    assert store.scalar("SELECT count(*) FROM _county_imports") == 2
    assert store.scalar("SELECT count(*) FROM _county_keys") == 1
    assert prompts.errors == []
    window.merge_result.close()


def test_the_key_dialog_names_an_office_with_an_ampersand_as_it_is(qtbot, tmp_path):
    # "Babergh & Mid Suffolk office" showed as "Babergh _Mid Suffolk office" beside the box to tick, with a second
    # Alt letter: a single & in a button's text marks its Alt letter.
    from safer_desk.services.county import KeyOffer
    from safer_desk.ui.exchange.dialogs import KeyConfirmDialog

    offer = KeyOffer(tmp_path / "export.sqlite", "09AF 8D6F 15B7 AEE7 5CB3 5715", "office:bms",
                     "Babergh & Mid Suffolk office", "J Smith", (), "not registered")
    dialog = KeyConfirmDialog(offer)
    qtbot.addWidget(dialog)
    assert dialog.confirmed_check.text() == ("I have &confirmed this fingerprint with Babergh && Mid Suffolk office "
                                             "by phone")
    assert "Babergh & Mid Suffolk office" in dialog.windowTitle()
