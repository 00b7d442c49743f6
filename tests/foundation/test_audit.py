import sqlite3

import pytest

from safer_desk.services import reference
from safer_desk.storage.audit import current_user


def entries(store):
    return [dict(r) for r in store.rows("SELECT * FROM audit_log ORDER BY id")]


def test_inserts_updates_and_deletes_are_recorded_with_who_and_old_new(store):
    reference.add_organisation(store, "Suffolk Constabulary", "police")
    with store.transaction():
        store.conn.execute("UPDATE organisations SET kind = 'force' WHERE id = 'org:suffolk-constabulary'")
        store.conn.execute("DELETE FROM organisations WHERE id = 'org:suffolk-constabulary'")
    log = entries(store)
    assert [e["action"] for e in log] == ["insert", "update", "delete"]
    assert all(e["who"] == current_user() and e["table_name"] == "organisations" for e in log)
    assert all(e["row_id"] == "org:suffolk-constabulary" for e in log)
    update = log[1]
    assert (update["column_name"], update["old_value"], update["new_value"]) == ("kind", "police", "force")
    assert '"name":"Suffolk Constabulary"' in log[0]["new_value"]
    assert '"kind":"force"' in log[2]["old_value"]


def test_writes_through_sqlite_utils_are_recorded_too(store):
    store.db["organisations"].insert({"id": "org:x", "name": "X", "kind": "other"})
    store.db["organisations"].update("org:x", {"name": "Y"})
    log = entries(store)
    assert [(e["action"], e["column_name"]) for e in log] == [("insert", None), ("update", "name")]


def test_an_unchanged_update_records_nothing(store):
    reference.add_organisation(store, "A")
    with store.transaction():
        store.conn.execute("UPDATE organisations SET name = name")
    assert len(entries(store)) == 1


def test_a_connection_that_skips_the_audit_cannot_write(store):
    raw = sqlite3.connect(store.path)
    with pytest.raises(sqlite3.OperationalError, match="no such function: safer_desk_"):
        raw.execute("INSERT INTO organisations(id, name) VALUES ('org:sneaky', 'Sneaky')")
    raw.rollback()
    raw.close()
    assert store.scalar("SELECT count(*) FROM organisations") == 0


def test_history_service_filters_by_table_and_date(store):
    from safer_desk.services.history import audited_table_names, history

    reference.add_district(store, "Babergh")
    reference.add_organisation(store, "A")
    assert audited_table_names(store) == ["districts", "organisations"]
    assert [e.table_name for e in history(store, table="districts")] == ["districts"]
    assert len(history(store, since="2000-01-01", until="2999-12-31")) == 2
    assert history(store, until="2000-01-01") == []


# -- issue 12: a trail that cannot be switched off unnoticed ---------------------------------------------------
import json  # noqa: E402
from pathlib import Path  # noqa: E402

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from safer_desk.storage import audit, audit_chain  # noqa: E402
from safer_desk.storage.store import AuditTrailDamaged, backups_folder, open_store, repair_audit_trail  # noqa: E402


def raw(path):
    """A connection that goes round Safer Desk (as any SQLite tool would), with the audit functions stubbed."""
    conn = sqlite3.connect(str(path), isolation_level=None)
    audit.register_functions(conn, "tamperer")
    return conn


def some_history(store):
    reference.add_organisation(store, "Suffolk Constabulary", "police")
    reference.add_district(store, "Babergh")
    with store.transaction():
        store.conn.execute("UPDATE organisations SET kind = 'force'")
        store.conn.execute("DELETE FROM organisations")


def test_every_entry_is_chained_to_the_one_before(store):
    some_history(store)
    log = entries(store)
    assert log[0]["prev_hash"] == audit.GENESIS
    assert all(b["prev_hash"] == a["hash"] for a, b in zip(log, log[1:]))
    report = audit_chain.verify_chain(store.conn)
    assert report.ok and report.entries == len(log)
    assert report.head == audit_chain.ChainHead(log[-1]["id"], log[-1]["hash"])


def test_the_log_refuses_updates_and_deletes(store):
    some_history(store)
    for sql in ("UPDATE audit_log SET who = 'someone else'", "DELETE FROM audit_log"):
        with pytest.raises(sqlite3.IntegrityError, match="cannot be changed"):
            with store.transaction():
                store.conn.execute(sql)
    assert audit_chain.verify_chain(store.conn).ok


EDITABLE = ["at", "who", "table_name", "row_id", "action", "column_name", "old_value", "new_value", "action_id",
            "action_label", "prev_hash", "hash"]


_MASTER: dict[str, Path] = {}


def chained_file(folder) -> tuple[Path, list[int]]:
    """A copy of one small file with some history (made once: making a file is the slow part)."""
    import shutil

    if "path" not in _MASTER:
        # Beside the first example's folder, in pytest's own temporary folder (which pytest clears), not in
        # the system's: a folder left in /tmp by every run was litter.
        master = Path(folder).parent / "chain-master" / "master.sqlite"
        master.parent.mkdir(exist_ok=True)
        store = open_store(master, create=True)
        try:
            some_history(store)
        finally:
            store.close()
        _MASTER["path"] = master
    path = Path(folder) / "office.sqlite"
    shutil.copyfile(_MASTER["path"], path)
    conn = sqlite3.connect(str(path))
    ids = [r[0] for r in conn.execute("SELECT id FROM audit_log ORDER BY id")]
    conn.close()
    return path, ids


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(which=st.integers(min_value=0, max_value=10_000), column=st.sampled_from(EDITABLE + ["delete", "id"]),
       value=st.one_of(st.text(max_size=12), st.integers(min_value=-2**63, max_value=2**63 - 1), st.none(),
                       st.floats(allow_nan=False), st.binary(max_size=4)))
def test_any_edit_of_any_entry_is_found(tmp_path_factory, which, column, value):
    path, ids = chained_file(tmp_path_factory.mktemp("chain"))
    target = ids[which % len(ids)]
    conn = raw(path)
    conn.execute("DROP TRIGGER audit_log_no_update")
    conn.execute("DROP TRIGGER audit_log_no_delete")
    before = conn.execute("SELECT * FROM audit_log WHERE id = ?", (target,)).fetchone()
    if column == "delete":
        conn.execute("DELETE FROM audit_log WHERE id = ?", (target,))
    elif column == "id":
        conn.execute("UPDATE audit_log SET id = ? WHERE id = ?", (10_000 + target, target))
    else:
        if column == "action" and value not in audit.ENTRY_ACTIONS:
            value = "insert" if before[5] != "insert" else "delete"
        try:
            conn.execute(f"UPDATE audit_log SET {column} = ? WHERE id = ?", (value, target))
        except sqlite3.IntegrityError:  # NOT NULL / CHECK / STRICT types: not an edit SQLite allows
            conn.close()
            return
    after = conn.execute("SELECT * FROM audit_log WHERE id = ?", (target,)).fetchone()
    unchanged = after is not None and tuple(after) == tuple(before)
    report = audit_chain.verify_chain(conn)
    conn.close()
    if unchanged:
        assert report.ok
        return
    if column == "delete" and target == ids[-1]:
        # The last entry cut off leaves a shorter, whole chain: only a head recorded elsewhere shows it.
        assert report.ok and report.head.id == ids[-2]
        return
    assert not report.ok, (column, value)


def test_dropped_triggers_are_found_on_open_and_repaired_with_the_gap_recorded(tmp_path):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    some_history(store)
    store.close()
    conn = raw(path)
    conn.execute("DROP TRIGGER audit_organisations_insert")
    conn.execute("INSERT INTO organisations(id, name) VALUES ('org:unseen', 'Unseen')")  # not recorded
    conn.close()
    with pytest.raises(AuditTrailDamaged) as refused:
        open_store(path)
    assert "organisations: the audit trigger for inserts is missing" in str(refused.value)
    assert "safer-desk check" in str(refused.value) and "--repair" in str(refused.value)
    assert open_store(path, read_only=True).close() is None  # read-only is still offered
    report = repair_audit_trail(path)
    assert [p.trigger for p in report.triggers] == ["audit_organisations_insert"]
    assert list(backups_folder(path).glob("office.*.before-audit-repair.sqlite"))
    store = open_store(path)
    try:
        gap = store.one("SELECT * FROM audit_log ORDER BY id DESC LIMIT 1")
        assert (gap["action"], gap["column_name"], gap["action_label"]) == ("event", "repair", audit.REPAIR_LABEL)
        assert "audit trigger for inserts is missing" in gap["new_value"]
        assert audit.check_triggers(store.conn) == [] and audit_chain.verify_chain(store.conn).ok
        reference.add_organisation(store, "Seen")
        assert store.scalar("SELECT count(*) FROM audit_log WHERE row_id = 'org:seen'") == 1
    finally:
        store.close()


@pytest.mark.parametrize("sabotage", [
    "CREATE TRIGGER quiet BEFORE INSERT ON audit_log BEGIN SELECT RAISE(IGNORE); END",
    "DROP TRIGGER audit_log_no_delete",
    "DROP TRIGGER audit_districts_update; CREATE TRIGGER audit_districts_update AFTER UPDATE ON districts WHEN 0 "
    "BEGIN SELECT 1; END",
])
def test_silencing_the_trail_another_way_is_found_too(tmp_path, sabotage):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    conn = raw(path)
    conn.executescript(sabotage)
    conn.close()
    with pytest.raises(AuditTrailDamaged):
        open_store(path)
    repair_audit_trail(path)
    store = open_store(path)
    try:
        assert audit.check_triggers(store.conn) == []
    finally:
        store.close()


def test_each_migration_step_commits_with_the_triggers_of_its_tables(tmp_path, monkeypatch):
    """No step ends (commits) with a user table lacking its triggers: a crash between cannot leave one."""
    from sqlite_utils.migrations import Migrations

    original = Migrations._record_applied
    seen = []

    def record_applied(self, db, name):
        if audit.chain_ready(db.conn):
            assert audit.check_triggers(db.conn) == [], name
            seen.append(name)
        return original(self, db, name)

    monkeypatch.setattr(Migrations, "_record_applied", record_applied)
    from safer_desk.storage.store import create_file

    create_file(tmp_path / "new.sqlite", "Office", use_blank=False)  # the steps themselves, not the shipped blank
    assert "chain_the_audit_trail" in seen and len(seen) > 5


def test_a_file_left_without_triggers_by_an_older_version_records_the_gap_when_upgraded(tmp_path):
    """The crash this issue found (after the last step, before the triggers): the upgrade says so in the trail."""
    path = tmp_path / "old.sqlite"
    store = open_store(path, create=True)
    reference.add_district(store, "Babergh")
    store.close()
    conn = raw(path)
    conn.execute("DROP TABLE audit_log")  # back to the layout of the older version …
    conn.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, "
                 "table_name TEXT NOT NULL, row_id TEXT, action TEXT NOT NULL, column_name TEXT, old_value ANY, "
                 "new_value ANY) STRICT")
    audit.drop_all_triggers(conn)  # … with no triggers at all
    conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'chain_the_audit_trail'")
    conn.close()
    store = open_store(path)
    try:
        gap = store.one("SELECT * FROM audit_log WHERE action = 'event'")
        assert gap is not None and "districts: the audit trigger for inserts is missing" in gap["new_value"]
        assert audit.check_triggers(store.conn) == [] and audit_chain.verify_chain(store.conn).ok
    finally:
        store.close()


def test_chaining_an_old_trail_keeps_it_and_drops_victim_level_free_text():
    conn = sqlite3.connect(":memory:", isolation_level=None)
    audit.register_functions(conn)
    conn.execute("CREATE TABLE audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, "
                 "table_name TEXT NOT NULL, row_id TEXT, action TEXT NOT NULL, column_name TEXT, old_value ANY, "
                 "new_value ANY) STRICT")
    referral = {"id": "r1", "reference": "TH-0001", "fund_id": "f1", "override_reason": "Jane Smith's sister",
                "risk_level": "high"}
    conn.executemany("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", [
        (1, "2020-01-01T00:00:00Z", "amy", "organisations", "org:a", "insert", None, None, '{"id":"org:a"}'),
        (2, "2020-01-02T00:00:00Z", "amy", "fund_referrals", "r1", "insert", None, None, json.dumps(referral)),
        (3, "2020-01-03T00:00:00Z", "amy", "fund_referrals", "r1", "update", "override_reason", "x", "Jane Smith"),
        (4, "2020-01-04T00:00:00Z", "amy", "fund_referrals", "r1", "delete", None, json.dumps(referral), None),
    ])
    conn.execute("BEGIN")
    audit.chain_existing_trail(conn)
    conn.execute("COMMIT")
    rows = conn.execute("SELECT id, table_name, column_name, old_value, new_value FROM audit_log ORDER BY id").fetchall()
    assert [r[0] for r in rows] == [1, 2, 3, 4]
    text = json.dumps(rows)
    assert "Jane" not in text and "high" not in text and "TH-0001" in text
    assert json.loads(rows[1][4]) == {"id": "r1", "reference": "TH-0001", "fund_id": "f1"}
    assert rows[2][2:] == ("override_reason", None, None)  # changed, and no more than that
    assert audit_chain.verify_chain(conn).ok


def add_referral(store, reason="Neighbour Jane Smith called"):
    with store.transaction():
        c = store.conn
        c.execute("INSERT INTO districts(id, name) VALUES ('district:babergh', 'Babergh')")
        c.execute("INSERT INTO funds(id, name, starts_on, ends_on) VALUES ('f1', 'Target hardening', '2018-04-01', "
                  "'2019-09-30')")
        c.execute("INSERT INTO fund_items(id, name) VALUES ('item:door-chain', 'Door chain')")
        c.execute("INSERT INTO fund_referrals(id, fund_id, reference, district_id, referred_on, risk_level, at_marac, "
                  "idva_assigned, perpetrator_resident, override_reason) VALUES ('r1', 'f1', 'TH-0001', "
                  "'district:babergh', '2018-04-03', 'high', 1, 1, 0, ?)", (reason,))
        c.execute("INSERT INTO fund_spend_lines(id, referral_id, spent_on, item_id, supplier, amount_pence, invoice_ref) "
                  "VALUES ('s1', 'r1', '2018-04-05', 'item:door-chain', 'Locks of Ipswich', 1500, 'INV Smith 12')")


def test_victim_level_entries_hold_the_reference_and_amounts_never_free_text(store):
    from safer_desk.storage.schema.costs import PRIVATE_TABLES

    assert set(PRIVATE_TABLES) == {"fund_referrals", "fund_spend_lines"}  # fails, never skips, if they go
    add_referral(store)
    with store.transaction():
        store.conn.execute("UPDATE fund_referrals SET override_reason = 'Jane Smith again', risk_level = 'medium'")
        store.conn.execute("UPDATE fund_spend_lines SET amount_pence = 1600, supplier = 'J Smith Locks'")
        store.conn.execute("DELETE FROM fund_referrals")  # and its spend line, by cascade
    private = [dict(r) for r in store.rows("SELECT * FROM audit_log WHERE table_name IN "
                                           "('fund_referrals', 'fund_spend_lines') ORDER BY id")]
    text = json.dumps(private)
    for secret in ("Jane", "Smith", "Locks", "INV", "medium", "high", "2018-04-0"):
        assert secret not in text, secret
    assert "TH-0001" in text
    amounts = [(e["column_name"], e["old_value"], e["new_value"]) for e in private if e["column_name"] == "amount_pence"]
    assert amounts == [("amount_pence", 1500, 1600)]
    deleted = [json.loads(e["old_value"]) for e in private if e["action"] == "delete"]
    assert {"id": "r1", "fund_id": "f1", "reference": "TH-0001", "district_id": "district:babergh"} in deleted


def test_a_batch_is_one_entry_with_its_source_and_rows_per_table(store):
    with store.batch("police import", source="2025-01-suffolk-street.csv", source_hash="ab" * 32) as batch:
        for i in range(50):
            reference.add_organisation(store, f"Org {i}")
        with store.transaction():
            store.conn.execute("UPDATE organisations SET kind = 'police' WHERE name LIKE 'Org 1%'")
        batch.add_rows("_police_counts", 1200)
    log = entries(store)
    assert len(log) == 1
    entry = log[0]
    assert (entry["action"], entry["column_name"], entry["row_id"]) == ("batch", "police import", "ab" * 32)
    assert entry["action_label"] == "police import"
    assert json.loads(entry["new_value"]) == {
        "what": "police import", "source": "2025-01-suffolk-street.csv", "source_hash": "ab" * 32,
        "rows": {"_police_counts": {"insert": 1200}, "organisations": {"insert": 50, "update": 11}}}
    assert audit_chain.verify_chain(store.conn).ok
    reference.add_organisation(store, "After")  # rows are audited again once the batch is over
    assert store.scalar("SELECT count(*) FROM audit_log") == 2


def test_a_failed_batch_writes_nothing(store):
    with pytest.raises(RuntimeError):
        with store.batch("merge", source="x.sqlite"):
            reference.add_organisation(store, "Lost")
            raise RuntimeError("power cut")
    assert entries(store) == [] and store.scalar("SELECT count(*) FROM organisations") == 0
    assert store.audit_state.batch is None


def test_a_statement_counted_once_in_a_batch_gives_the_entry_row_by_row_counting_gives(store):
    """Store.execute_counted (a big import's figures): the rows counted from the statement, not by the trigger
    row by row; the same one entry either way, and every row is audited again once the batch is over."""
    insert = "INSERT INTO organisations(id, name, kind) SELECT 'org:' || value, 'Org ' || value, 'other' FROM " \
             "json_each(?)"
    with store.batch("counted by the trigger"):
        store.conn.execute(insert, (json.dumps([f"a{i}" for i in range(30)]),))
    with store.batch("counted by the statement"):
        assert store.execute_counted("organisations", "insert", insert,
                                     (json.dumps([f"b{i}" for i in range(30)]),)) == 30
    with store.batch("nothing to write"):  # the very same import again: no entry at all
        assert store.execute_counted("organisations", "insert", insert, ("[]",)) == 0
    log = entries(store)
    assert [json.loads(e["new_value"])["rows"] for e in log] == [{"organisations": {"insert": 30}}] * 2
    assert store.scalar("SELECT count(*) FROM organisations") == 60
    with pytest.raises(sqlite3.IntegrityError), store.batch("a failed statement"):
        store.execute_counted("organisations", "insert", insert, (json.dumps(["b1"]),))
    reference.add_organisation(store, "After")  # the trigger's own function is back: a row is audited again
    with store.transaction():
        assert store.execute_counted("organisations", "delete", "DELETE FROM organisations WHERE id = 'org:a1'") == 1
    assert [e["action"] for e in entries(store)[2:]] == ["insert", "delete"]
    assert audit_chain.verify_chain(store.conn).ok


def test_a_counted_statement_that_changes_other_rows_is_refused(store):
    """A trigger's own rows (here a stand-in that copies each organisation) would not be in the count: the
    statement is refused and the batch rolled back, rather than an entry saying fewer rows than were written."""
    store.conn.execute("CREATE TEMP TABLE copies (id TEXT)")
    store.conn.execute("CREATE TEMP TRIGGER copy AFTER INSERT ON organisations BEGIN "
                       "INSERT INTO copies VALUES (new.id); END")
    with pytest.raises(RuntimeError, match="changed 2 rows"), store.batch("import"):
        store.execute_counted("organisations", "insert",
                              "INSERT INTO organisations(id, name, kind) VALUES ('org:x', 'X', 'other')")
    assert entries(store) == [] and store.scalar("SELECT count(*) FROM organisations") == 0


def test_entries_carry_their_user_action_and_the_history_reads_one_action_per_line(store):
    from safer_desk.services.history import actions

    with store.action("Save project Suffolk Strive"):
        reference.add_organisation(store, "Strive partner")
        reference.add_district(store, "Ipswich")
    reference.add_organisation(store, "Loose")
    some = store.rows("SELECT action_id, action_label FROM audit_log ORDER BY id")
    assert some[0]["action_id"] == some[1]["action_id"] != some[2]["action_id"]
    assert some[0]["action_label"] == "Save project Suffolk Strive" and some[2]["action_label"] is None
    lines = actions(store)
    assert [a.label for a in lines] == ["Changes to organisations", "Save project Suffolk Strive"]
    assert lines[1].tables == ["districts", "organisations"] and len(lines[1].entries) == 2


def test_an_undo_command_names_the_action_of_what_it_writes(store, qtbot):
    from PySide6.QtGui import QUndoStack

    from safer_desk.ui.kit.undo import push_service_action  # the one undo shape (ui/undo.py went with the kit)

    stack = QUndoStack()
    push_service_action(stack, "Add organisation Suffolk Police",
                        lambda: reference.add_organisation(store, "Suffolk Police"),
                        lambda: reference.remove_reference(store, "organisation", "org:suffolk-police"))
    assert store.one("SELECT action_label FROM audit_log")["action_label"] == "Add organisation Suffolk Police"
    stack.undo()
    last = store.one("SELECT action, action_label FROM audit_log ORDER BY id DESC LIMIT 1")
    assert (last["action"], last["action_label"]) == ("delete", "Undo add organisation Suffolk Police")


@pytest.mark.parametrize("answers, read_only", [([True], False), ([False, True], True)])
def test_the_window_offers_repair_or_read_only_for_a_damaged_trail(window, prompts, tmp_path, answers, read_only):
    path = tmp_path / "office.sqlite"
    open_store(path, create=True).close()
    conn = raw(path)
    conn.execute("DROP TRIGGER audit_districts_delete")
    conn.close()
    prompts.answers.extend(answers)
    assert window.open_path(path)
    assert "audit trigger for deletes is missing" in prompts.questions[0][1]
    store = window.session.store
    assert store.read_only is read_only
    if read_only:
        assert prompts.questions[1][0] == "Open read-only?"
        assert audit.check_triggers(store.conn)  # left as it was
    else:
        assert "repaired" in prompts.infos[-1][1]
        assert audit.check_triggers(store.conn) == []
        assert store.scalar("SELECT count(*) FROM audit_log WHERE column_name = 'repair'") == 1
