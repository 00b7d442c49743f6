"""Issue 16 (start-up) with issue 11/12's guarantees kept: the window draws its first screen before the
damage checks run, yet nothing is ever written to a file they would refuse, and a file only looked at is
left byte for byte as it was (the switch to WAL waits for the first write: storage.store.WriteGate)."""

from __future__ import annotations

import sqlite3

import pytest

from safer_desk.storage.store import AuditTrailDamaged, FileDamaged, open_store
from tests.safety.helpers import sha256
from tests.safety.test_bad_files import damage_a_data_page


def drop_a_trigger(path):
    conn = sqlite3.connect(str(path))
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("DROP TRIGGER audit_organisations_insert")
    finally:
        conn.close()
    return path


def test_a_file_opened_and_closed_without_a_write_is_unchanged(demo_path):
    before = sha256(demo_path)
    store = open_store(demo_path)
    assert store.scalar("SELECT count(*) FROM projects") > 0
    assert store.scalar("PRAGMA journal_mode") == "delete"  # not switched yet: that rewrites the header
    store.close()
    assert sha256(demo_path) == before
    assert sorted(p.name for p in demo_path.parent.iterdir() if p.name.startswith(demo_path.name)) == [demo_path.name]


def test_a_transaction_that_changes_nothing_leaves_the_file_as_it_was(demo_path):
    before = sha256(demo_path)
    store = open_store(demo_path)
    try:
        with store.transaction():
            store.conn.execute("UPDATE organisations SET name = name WHERE 0")
        assert store.scalar("PRAGMA journal_mode") == "delete"
    finally:
        store.close()
    assert sha256(demo_path) == before


def test_the_first_change_switches_to_wal_after_it_and_close_switches_back(demo_path):
    store = open_store(demo_path)
    try:
        with store.transaction():  # written with the rollback journal, then the switch
            store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:gate', 'Gate')")
        assert store.scalar("PRAGMA journal_mode") == "wal"
        with store.transaction():
            store.conn.execute("UPDATE organisations SET name = 'Gate 2' WHERE id = 'org:gate'")
    finally:
        store.close()
    assert not demo_path.with_name(demo_path.name + "-wal").exists()
    check = open_store(demo_path, read_only=True)
    try:
        assert check.scalar("SELECT name FROM organisations WHERE id = 'org:gate'") == "Gate 2"
    finally:
        check.close()


def test_a_change_of_layout_alone_also_switches_to_wal(demo_path):
    store = open_store(demo_path)
    try:
        with store.transaction():
            store.conn.execute("CREATE INDEX gate_test ON organisations(name)")
        assert store.scalar("PRAGMA journal_mode") == "wal"
    finally:
        store.close()


@pytest.mark.parametrize("damage, refusal", [(damage_a_data_page, FileDamaged), (drop_a_trigger, AuditTrailDamaged)])
def test_deferred_checks_refuse_at_verify_and_at_the_first_write_whichever_comes_first(demo_path, damage, refusal):
    damaged = damage(demo_path)
    before = sha256(damaged)
    with pytest.raises(refusal):
        open_store(damaged).close()  # not deferred: refused at once, as before
    store = open_store(damaged, defer_checks=True)  # deferred: it opens, and reads
    try:
        assert store.scalar("SELECT count(*) FROM projects") > 0
        with pytest.raises(refusal):
            with store.transaction():  # the first write runs the checks first
                store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:x', 'X')")
        with pytest.raises(refusal):
            store.verify()  # and the refusal stands
        with pytest.raises(refusal):
            store.set_meta("note", "never written")
    finally:
        store.close()
    assert sha256(damaged) == before


def test_a_write_that_bypasses_the_transaction_is_refused_until_the_checks_pass(demo_path):
    before = sha256(demo_path)
    store = open_store(demo_path, defer_checks=True)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
            store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:raw', 'Raw')")
        store.conn.execute("CREATE TEMP TABLE scratch(x)")  # the connection's own temporary tables stay usable
        assert sha256(demo_path) == before
        worker = store.connect_for_thread()  # a worker's connection shares the gate
        try:
            with pytest.raises(sqlite3.DatabaseError, match="not authorized"):
                worker.conn.execute("DELETE FROM organisations")
            with worker.transaction():  # through a transaction: the checks, then the write
                worker.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:w', 'W')")
        finally:
            worker.conn.close()
        store.conn.execute("INSERT INTO organisations(id, name) VALUES ('org:raw', 'Raw')")  # checked now
        assert store.scalar("SELECT count(*) FROM organisations WHERE id IN ('org:w', 'org:raw')") == 2
    finally:
        store.close()


def test_the_window_verifies_a_file_opened_at_start_up_and_refuses_a_damaged_one(window, demo_path, prompts):
    damaged = damage_a_data_page(demo_path)
    before = sha256(damaged)
    assert window.open_path(damaged, verify_later=True)  # the first screen comes first
    assert window.session.store is not None
    assert window.verify_open_file() is False  # then the checks: refused, closed, said
    assert window.session.store is None
    assert prompts.errors and "damaged" in prompts.errors[-1][1]
    assert sha256(damaged) == before


def test_the_window_offers_the_audit_repair_for_a_file_opened_at_start_up(window, demo_path, prompts):
    drop_a_trigger(demo_path)
    assert window.open_path(demo_path, verify_later=True)
    prompts.answers = [False, False]  # Not Now; not read-only either
    assert window.verify_open_file() is False
    assert window.session.store is None
    assert any("Audit trail" in title for title, _ in prompts.questions)


def test_a_sound_file_opened_at_start_up_stays_open_and_goes_into_open_recent(window, demo_path):
    from safer_desk.ui import settings

    assert window.open_path(demo_path, verify_later=True)
    assert str(demo_path) not in settings.read_list("files/recent")  # not before the checks have passed
    assert window.verify_open_file() is True
    assert window.session.store is not None and window.session.store.gate.checked
    assert str(demo_path) in settings.read_list("files/recent")
