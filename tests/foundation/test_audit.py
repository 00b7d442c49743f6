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
