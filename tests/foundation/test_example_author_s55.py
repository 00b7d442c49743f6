"""The example's audit trail named the user who built it (session 55). The shipped example said "root" had made
every one of its 3,421 changes, in every officer's History of Changes; and `test_the_shipped_example_equals_what_
safer_desk_demo_writes` failed for any other user (a CI runner's, an officer's): a fresh build named them. The
example is written by "example", whoever builds it; what an officer then changes in a copy is theirs."""

from __future__ import annotations

import sqlite3

from safer_desk.storage import audit


def authors(path) -> set[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT DISTINCT who FROM audit_log")}
    finally:
        conn.close()


def test_the_example_is_written_by_example_whoever_builds_it(tmp_path, monkeypatch):
    from safer_desk.services.demo import EXAMPLE_AUTHOR, build_demo

    monkeypatch.setattr(audit, "current_user", lambda: "a-ci-runner")
    path = build_demo(tmp_path / "example.sqlite")
    assert authors(path) == {EXAMPLE_AUTHOR} == {"example"}


def test_a_change_in_a_copy_of_the_example_is_the_officers(tmp_path, monkeypatch):
    from safer_desk.services.demo import build_demo
    from safer_desk.storage.store import open_store

    path = build_demo(tmp_path / "example.sqlite")
    monkeypatch.setattr(audit, "current_user", lambda: "jsmith")
    store = open_store(path)
    try:
        with store.transaction():
            store.conn.execute("UPDATE projects SET title = title || ' (pilot)' WHERE ref = '1'")
    finally:
        store.close()
    assert authors(path) == {"example", "jsmith"}


def test_the_shipped_example_is_written_by_example():
    import gzip

    from safer_desk.services.example_copy import example_resource

    data = gzip.decompress(example_resource().read_bytes())
    conn = sqlite3.connect(":memory:")
    try:
        conn.deserialize(data)
        assert {r[0] for r in conn.execute("SELECT DISTINCT who FROM audit_log")} == {"example"}
    finally:
        conn.close()
