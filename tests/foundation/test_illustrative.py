from safer_desk.services.illustrative import (has_illustrative_rows, illustrative_rows, is_illustrative,
                                              mark_illustrative)


def test_a_blank_file_has_the_marks_table_with_exactly_these_columns(store):
    assert [r[1] for r in store.conn.execute("PRAGMA table_info(illustrative_marks)")] == [
        "table_name", "row_id", "note"]
    assert not has_illustrative_rows(store)


def test_marking_is_idempotent_keeps_the_latest_note_and_is_audited(store):
    assert mark_illustrative(store, "dhr_payments", ["a", "b"], "invented payment") == 2
    mark_illustrative(store, "dhr_payments", ["a"], "invented, as paper gives none")
    assert illustrative_rows(store, "dhr_payments") == {"a": "invented, as paper gives none", "b": "invented payment"}
    assert is_illustrative(store, "dhr_payments", "b")
    assert not is_illustrative(store, "dhr_payments", "c")
    assert not is_illustrative(store, "projects", "a")
    assert has_illustrative_rows(store)
    audited = store.scalar("SELECT count(*) FROM audit_log WHERE table_name = 'illustrative_marks'")
    assert audited >= 3
