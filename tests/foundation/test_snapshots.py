"""storage.snapshots: a record's rows taken and put back exactly, whatever was done to them in between, without
deleting the record's own row (rows elsewhere that point at it with ON DELETE CASCADE stay)."""

from __future__ import annotations

import sqlite3
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.storage import snapshots

SCHEMA = """
CREATE TABLE parent (id TEXT PRIMARY KEY, name TEXT NOT NULL UNIQUE, note TEXT);
CREATE TABLE child (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id) ON DELETE CASCADE,
                    position INTEGER NOT NULL, text TEXT, UNIQUE (parent_id, position));
CREATE TABLE grandchild (id TEXT PRIMARY KEY, child_id TEXT NOT NULL REFERENCES child(id) ON DELETE CASCADE,
                         amount INTEGER);
CREATE TABLE link (id TEXT PRIMARY KEY, parent_id TEXT NOT NULL REFERENCES parent(id) ON DELETE CASCADE);
"""
ROWS = {"parent": "id = ?", "child": "parent_id = ?",
        "grandchild": "child_id IN (SELECT id FROM child WHERE parent_id = ?)"}


def database() -> sqlite3.Connection:
    conn = sqlite3.connect(":memory:")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.executescript(SCHEMA)
    conn.execute("INSERT INTO parent VALUES ('p', 'Parent', 'first')")
    conn.execute("INSERT INTO parent VALUES ('q', 'Other', NULL)")
    conn.executemany("INSERT INTO child VALUES (?, ?, ?, ?)",
                     [("a", "p", 0, "A"), ("b", "p", 1, "B"), ("z", "q", 0, "Z")])
    conn.executemany("INSERT INTO grandchild VALUES (?, ?, ?)", [("g1", "a", 5), ("g2", "b", 7), ("g9", "z", 1)])
    conn.execute("INSERT INTO link VALUES ('l', 'p')")  # another screen's row pointing at the record
    return conn


def everything(conn) -> dict[str, list[tuple]]:
    return {t: conn.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in ("parent", "child", "grandchild",
                                                                                  "link")}


def test_put_back_undoes_edits_deletes_and_additions_and_keeps_what_points_at_the_record():
    conn = database()
    before = everything(conn)
    parts = snapshots.take_record(conn, "parent", "p", ROWS)
    conn.execute("UPDATE parent SET note = 'changed' WHERE id = 'p'")
    for child, position in (("a", 99), ("b", 0), ("a", 1)):  # swapped: a UNIQUE clash for the put back to avoid
        conn.execute("UPDATE child SET position = ? WHERE id = ?", (position, child))
    conn.execute("DELETE FROM grandchild WHERE id = 'g1'")
    conn.execute("INSERT INTO child VALUES ('c', 'p', 2, 'C')")
    entries = []
    conn.set_trace_callback(entries.append)
    snapshots.put_back_record(conn, "parent", "p", parts)
    conn.set_trace_callback(None)
    assert everything(conn) == before
    assert not any(e.startswith('DELETE FROM "parent"') for e in entries)  # the link survived because of this
    snapshots.put_back_record(conn, "parent", "p", parts)  # again: nothing differs, nothing is written
    assert everything(conn) == before


def test_a_record_that_did_not_exist_is_removed():
    conn = database()
    assert snapshots.take_record(conn, "parent", "new", ROWS) is None
    conn.execute("INSERT INTO parent VALUES ('new', 'New', NULL)")
    conn.execute("INSERT INTO child VALUES ('n1', 'new', 0, 'N')")
    snapshots.put_back_record(conn, "parent", "new", None)
    assert conn.execute("SELECT count(*) FROM child WHERE parent_id = 'new'").fetchone()[0] == 0


def test_a_deleted_record_comes_back_with_its_ids_and_only_if_rows_wait_for_their_parent():
    conn = database()
    before = everything(conn)
    parts = snapshots.take_record(conn, "parent", "p", {**ROWS, "link": "parent_id = ?"},
                                  only_if={"link": ("parent", "parent_id")})
    conn.execute("DELETE FROM parent WHERE id = 'p'")
    assert conn.execute("SELECT count(*) FROM link").fetchone()[0] == 0  # cascaded
    snapshots.put_back_record(conn, "parent", "p", parts)
    assert everything(conn) == before


def test_write_list_keeps_the_id_of_each_position():
    conn = database()
    snapshots.write_list(conn, "child", "parent_id", "p", ("text",), [("A2",), ("B",), ("C",)],
                         lambda: "new-" + uuid.uuid4().hex)
    rows = conn.execute("SELECT id, position, text FROM child WHERE parent_id = 'p' ORDER BY position").fetchall()
    assert rows[:2] == [("a", 0, "A2"), ("b", 1, "B")] and rows[2][0].startswith("new-") and rows[2][1:] == (2, "C")
    assert conn.execute("SELECT count(*) FROM grandchild WHERE child_id IN ('a', 'b')").fetchone()[0] == 2  # kept
    snapshots.write_list(conn, "child", "parent_id", "p", ("text",), [("only",)], lambda: "unused")
    assert conn.execute("SELECT id, text FROM child WHERE parent_id = 'p'").fetchall() == [("a", "only")]



def test_write_list_by_key_keeps_each_rows_id_whatever_moves_above_it():
    """A list whose rows are unique by a column (a scenario's partnerships): one removed above the last, or two
    swapped, saves; by place, each row below would have taken a name another row still held."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE named (id TEXT PRIMARY KEY, owner TEXT NOT NULL, position INTEGER NOT NULL, "
                 "name TEXT NOT NULL, amount INTEGER, UNIQUE (owner, name))")
    ids = iter(f"id{i}" for i in range(100))

    def write(*rows):
        snapshots.write_list(conn, "named", "owner", "o", ("name", "amount"), rows, lambda: next(ids), key="name")
        return conn.execute("SELECT id, position, name, amount FROM named WHERE owner = 'o' "
                            "ORDER BY position").fetchall()

    assert write(("A", 1), ("B", 2), ("C", 3), ("D", 4)) == [("id0", 0, "A", 1), ("id1", 1, "B", 2),
                                                            ("id2", 2, "C", 3), ("id3", 3, "D", 4)]
    assert write(("A", 1), ("C", 3), ("D", 5)) == [("id0", 0, "A", 1), ("id2", 1, "C", 3), ("id3", 2, "D", 5)]
    assert write(("D", 5), ("C", 3), ("E", 0), ("A", 1)) == [("id3", 0, "D", 5), ("id2", 1, "C", 3),
                                                            ("id4", 2, "E", 0), ("id0", 3, "A", 1)]



def _children(conn, parent="p"):
    return conn.execute("SELECT id, position, text FROM child WHERE parent_id = ? ORDER BY position",
                        (parent,)).fetchall()


def test_write_list_keeps_each_rows_id_by_what_it_is_when_lines_go_come_or_move():
    """A line deleted, added or moved above others leaves each other line its own id (by place, each line below
    took the id of the one above: the History read every one changed); lines swapped save under UNIQUE (parent,
    position)."""
    conn = database()
    ids = iter(f"n{i}" for i in range(100))

    def write(*texts):
        snapshots.write_list(conn, "child", "parent_id", "p", ("text",), [(t,) for t in texts], lambda: next(ids))
        return _children(conn)

    assert write("A", "B", "C", "D") == [("a", 0, "A"), ("b", 1, "B"), ("n0", 2, "C"), ("n1", 3, "D")]
    assert write("B", "C", "D") == [("b", 0, "B"), ("n0", 1, "C"), ("n1", 2, "D")]  # the first deleted
    assert write("B", "X", "C", "D") == [("b", 0, "B"), ("n2", 1, "X"), ("n0", 2, "C"), ("n1", 3, "D")]
    assert write("D", "C", "X", "B") == [("n1", 0, "D"), ("n0", 1, "C"), ("n2", 2, "X"), ("b", 3, "B")]  # turned
    assert write("D", "C2", "B") == [("n1", 0, "D"), ("n0", 1, "C2"), ("b", 2, "B")]  # one edited, one deleted
    assert conn.execute("SELECT count(*) FROM grandchild WHERE child_id = 'b'").fetchone()[0] == 1  # kept


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from("ABCDE"), max_size=7), st.lists(st.sampled_from("ABCDEF"), max_size=7),
       st.integers(0, 6))
def test_write_list_writes_any_list_over_any_other_and_one_line_deleted_changes_no_other(first, second, gone):
    conn = database()
    ids = iter(f"n{i}" for i in range(100))

    def write(texts):
        snapshots.write_list(conn, "child", "parent_id", "p", ("text",), [(t,) for t in texts], lambda: next(ids))
        rows = _children(conn)
        assert [(position, text) for _, position, text in rows] == list(enumerate(texts))
        assert _children(conn, "q") == [("z", 0, "Z")]  # another record's list untouched
        return rows

    write(first)
    rows = write(second)
    if gone < len(rows):  # each line left is a row it was, as it was (two lines alike: either may be the one gone)
        left = write(second[:gone] + second[gone + 1:])
        assert {(row_id, text) for row_id, _, text in left} <= {(row_id, text) for row_id, _, text in rows}

CHANGES = st.lists(st.one_of(
    st.tuples(st.just("note"), st.text(max_size=3)),
    st.tuples(st.just("text"), st.sampled_from(["a", "b"]), st.text(max_size=3)),
    st.tuples(st.just("swap")),
    st.tuples(st.just("add child"), st.integers(2, 5)),
    st.tuples(st.just("drop child"), st.sampled_from(["a", "b"])),
    st.tuples(st.just("amount"), st.sampled_from(["g1", "g2"]), st.integers(-5, 5)),
    st.tuples(st.just("add grandchild"), st.sampled_from(["a", "b"]), st.integers(0, 9)),
), max_size=8)


@settings(max_examples=150, deadline=None)
@given(CHANGES)
def test_any_changes_to_a_record_are_put_back_exactly(changes):
    conn = database()
    before = everything(conn)
    parts = snapshots.take_record(conn, "parent", "p", ROWS)
    for change in changes:
        kind = change[0]
        if kind == "note":
            conn.execute("UPDATE parent SET note = ? WHERE id = 'p'", (change[1],))
        elif kind == "text":
            conn.execute("UPDATE child SET text = ? WHERE id = ?", (change[2], change[1]))
        elif kind == "swap":
            conn.execute("UPDATE child SET position = -1 - position WHERE parent_id = 'p'")
        elif kind == "add child":
            conn.execute("INSERT OR IGNORE INTO child VALUES (?, 'p', ?, 'x')", (f"c{change[1]}", 10 + change[1]))
        elif kind == "drop child":
            conn.execute("DELETE FROM child WHERE id = ?", (change[1],))
        elif kind == "amount":
            conn.execute("UPDATE grandchild SET amount = amount + ? WHERE id = ?", (change[2], change[1]))
        else:
            conn.execute("INSERT OR IGNORE INTO grandchild SELECT ?, id, ? FROM child WHERE id = ?",
                         (f"g-{change[1]}-{change[2]}", change[2], change[1]))
    snapshots.put_back_record(conn, "parent", "p", parts)
    assert everything(conn) == before
