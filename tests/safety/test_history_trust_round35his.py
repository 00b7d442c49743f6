"""View > History of Changes as an auditor uses it (round 35, his): a long trail searched and filtered, and a trail
changed outside Safer Desk.

Found: the window reads the 500 most recent actions only, and its search, dates and Export… work on those; an
auditor looking for a change older than that (a year's history of a busy office) found nothing and had no way to
reach it ("older ones are in the file", and no way in). And a trail edited with the sqlite3 tool (an entry's who
changed, an entry deleted, the guard triggers put back) was shown as true: only `safer-desk check` said so.
"""

import sqlite3


from PySide6.QtCore import Qt

from safer_desk.presenters.history import HistoryPresenter
from safer_desk.services import reference
from safer_desk.storage import audit, audit_chain
from tests.foundation.test_window_history import column

DISTRICTS = ("Babergh", "Ipswich", "Mid Suffolk", "Waveney", "Forest Heath", "St Edmundsbury", "Suffolk Coastal",
             "Adur")


def opened_history(window, qtbot):
    window.show_history()
    dialog = window._history_dialog
    qtbot.addWidget(dialog)
    return dialog


def test_an_action_older_than_those_read_is_found_after_showing_older_actions(window, store, qtbot):
    window.set_store(store)
    for name in DISTRICTS:
        reference.add_district(store, name)
    dialog = opened_history(window, qtbot)
    dialog.presenter.limit = 3  # the window's 500, small enough for a test
    dialog.refresh()
    qtbot.keyClicks(dialog.search, "Babergh")
    assert column(dialog, "Action") == []
    assert "older ones are in the file" in dialog.count_label.text()
    assert dialog.older_button.isVisible() and dialog.older_button.isEnabled()

    qtbot.mouseClick(dialog.older_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: column(dialog, "Action") == ["Add district Babergh"], timeout=5000)
    assert dialog.search.text() == "Babergh"  # the search kept
    assert dialog.count_label.text() == f"1 of {len(dialog.presenter.lines):,} actions"
    assert not dialog.older_button.isVisible()  # every action is read: nothing older to show
    reference.add_district(store, "Worthing")  # a change made while it is open: still every action read
    window.session.notify("reference")
    qtbot.waitUntil(lambda: dialog.presenter.lines[0].action == "Add district Worthing", timeout=5000)
    assert column(dialog, "Action") == ["Add district Babergh"]
    dialog.close()


def test_the_presenter_reads_every_action_when_asked(store):
    for name in DISTRICTS[:5]:
        reference.add_district(store, name)
    presenter = HistoryPresenter(store, limit=2)
    presenter.load()
    assert presenter.maybe_more and len(presenter.lines) == 2
    presenter.show_all()
    presenter.load()
    assert not presenter.maybe_more
    assert [line.action for line in presenter.lines[-5:]] == [f"Add district {name}" for name in DISTRICTS[4::-1]]


GUARD = audit.GUARD_TRIGGERS


def tampered(path, sql: str, guard: str) -> None:
    """What someone with the sqlite3 tool does: drop the guard, change the trail, put the guard back."""
    conn = sqlite3.connect(path)
    with conn:
        conn.execute(f"DROP TRIGGER {guard}")
        conn.execute(sql)
        conn.execute(GUARD[guard])
    conn.close()


def first_district_entry(path) -> int:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT min(id) FROM audit_log WHERE table_name = 'districts'").fetchone()[0]
    finally:
        conn.close()


def test_a_history_whose_entry_was_edited_outside_safer_desk_says_so(window, tmp_path, qtbot, prompts):
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    for name in DISTRICTS[:3]:
        reference.add_district(store, name)
    store.close()
    entry = first_district_entry(path)
    tampered(path, f"UPDATE audit_log SET who = 'someone else' WHERE id = {entry}", "audit_log_no_update")
    assert window.open_path(path)
    dialog = opened_history(window, qtbot)
    warning = dialog.trail_warning
    assert warning.isVisible()
    text = warning.text()
    assert "changed outside Safer Desk" in text and "altered after it was recorded" in text
    assert "districts" in text and "safer-desk check" in text
    for word in ("audit_log", "entry ", "_"):  # no table names or internal numbers
        assert word not in text, word
    assert dialog.presenter.warning == text

    target = tmp_path / "history.xlsx"  # the workbook taken away says it too, in its title
    prompts.file_names.append(str(target))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors
    from openpyxl import load_workbook

    title = load_workbook(target, read_only=True).active["A1"].value
    assert "changed outside Safer Desk" in title and "altered after it was recorded" in title
    dialog.close()


def test_a_history_with_an_entry_deleted_says_changes_were_removed_and_a_whole_one_says_nothing(tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    for name in DISTRICTS[:3]:
        reference.add_district(store, name)
    presenter = HistoryPresenter(store)
    assert presenter.trail_warning(store) == ""
    store.close()
    entry = first_district_entry(path)
    tampered(path, f"DELETE FROM audit_log WHERE id = {entry + 1}", "audit_log_no_delete")
    store = open_store(path, read_only=True)
    try:
        text = HistoryPresenter(store).trail_warning(store)
    finally:
        store.close()
    assert "1 change recorded" in text and "was removed" in text


def test_a_repair_reads_in_words(tmp_path):
    from safer_desk.services.integrity import repair_audit_trail
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    for name in DISTRICTS[:3]:
        reference.add_district(store, name)
    store.close()
    entry = first_district_entry(path)
    tampered(path, f"DELETE FROM audit_log WHERE id = {entry + 1}", "audit_log_no_delete")
    repair_audit_trail(path)
    store = open_store(path, read_only=True)
    try:
        line = HistoryPresenter(store).load()[0]
    finally:
        store.close()
    assert line.action == "Repair the audit trail"
    said = " ".join([line.summary, *line.details])
    assert "[" not in said and "triggers" not in said and "entry " not in said, said
    assert line.summary.startswith("Repaired the history of changes")
    assert any("was removed" in d for d in line.details), line.details


def test_a_repair_of_one_entry_missing_reads_in_words_as_check_would_say_it():
    from safer_desk.presenters.history import _repair_words

    said = _repair_words({"chain": ["entry 3 does not follow on from entry 1: entry 2 is missing"], "triggers": []},
                         None)
    assert said[1] == "1 recorded change was removed"


def test_check_says_one_missing_entry_as_one(tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    for name in DISTRICTS[:3]:
        reference.add_district(store, name)
    store.close()
    entry = first_district_entry(path)
    tampered(path, f"DELETE FROM audit_log WHERE id = {entry + 1}", "audit_log_no_delete")
    conn = sqlite3.connect(path)
    try:
        texts = [p.text for p in audit_chain.verify_chain(conn).problems]
    finally:
        conn.close()
    assert texts == [f"entry {entry + 2} does not follow on from entry {entry}: entry {entry + 1} is missing"]
