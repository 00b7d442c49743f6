"""The export checksum (method sha256-rows-v1) and the row hash are read faster now (a county verifies 25 files at
a time); they must stay exactly what the method says, or genuine exports would be refused as tampered."""

from __future__ import annotations

import hashlib
import json
import sqlite3

from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.exchange.county_schema import (canonical_row_sql, content_checksum, content_checksums, data_tables,
                                               iter_rows, plain_columns, register_canonical_functions, quote,
                                               row_digest_sql, row_hash, row_hasher, table_info)
from safer_desk.storage.row_hashes import canonical as _canonical  # a value as a row's hash writes it


def method_v1(conn, tables):
    """sha256-rows-v1 as first written: one JSON line per row, every value put in canonical form."""
    total, per = hashlib.sha256(), {}
    for table in sorted(tables):
        one, info = hashlib.sha256(), table_info(conn, table)
        names = sorted(info.columns)
        head = json.dumps({"table": table, "columns": names}, separators=(",", ":")).encode("utf-8") + b"\n"
        total.update(head)
        one.update(head)
        for row in iter_rows(conn, info):
            line = json.dumps([_canonical(row[c]) for c in names], separators=(",", ":"), ensure_ascii=False)
            total.update(line.encode("utf-8") + b"\n")
            one.update(line.encode("utf-8") + b"\n")
        per[table] = one.hexdigest()
    return total.hexdigest(), per


def hash_v1(columns, values):
    pairs = sorted(zip(columns, values))
    text = json.dumps([[c, _canonical(v)] for c, v in pairs], separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_example_file_checksums_as_the_method_says(demo_store):
    tables = data_tables(demo_store.conn) + ["_police_vintages"]
    assert content_checksums(demo_store.conn, tables) == method_v1(demo_store.conn, tables)
    assert content_checksum(demo_store.conn, tables) == method_v1(demo_store.conn, tables)[0]


values = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1), st.text(max_size=12),
                   st.floats(allow_nan=False), st.binary(max_size=6))


@settings(max_examples=60, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(-2**63, 2**63 - 1) | st.none(), st.text(max_size=8) | st.none(),
                               st.floats(allow_nan=False) | st.none(), values, values), max_size=8))
def test_strict_and_loose_tables_checksum_and_hash_as_the_method_says(rows):
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE strict_t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, r REAL, x ANY, y ANY) STRICT")
    conn.execute("CREATE TABLE loose_t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, r REAL, x, y)")
    for table in ("strict_t", "loose_t"):
        conn.executemany(f"INSERT INTO {table}(a, b, r, x, y) VALUES (?, ?, ?, ?, ?)", rows)
    assert content_checksums(conn, ["strict_t", "loose_t"]) == method_v1(conn, ["strict_t", "loose_t"])
    columns = ["id", "a", "b", "r", "x", "y"]
    fast = row_hasher(columns, {"id", "a", "b"})
    for stored in conn.execute("SELECT * FROM strict_t"):
        assert fast(list(stored)) == row_hash(columns, list(stored)) == hash_v1(columns, list(stored))


awkward_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=12) | st.sampled_from(
    ["", '"', "\\", "\x00", "\x1f", "\x7f", "\u2028", "é", "\U0001f600", "'", "a'b\"c\\d\n\r\t\b\f"])
any_value = st.one_of(st.none(), st.integers(-2**63, 2**63 - 1), awkward_text, st.floats(allow_nan=False),
                      st.binary(max_size=6))


@settings(max_examples=80, deadline=None)
@given(rows=st.lists(st.tuples(st.integers(-2**63, 2**63 - 1) | st.none(), awkward_text | st.none(),
                               st.floats(allow_nan=False) | st.none(), any_value), max_size=8))
def test_sqlite_writes_the_checksum_line_and_the_row_hash_python_writes(rows):
    """The merge has SQLite write each row's canonical text (the checksum line, the origin's hash): byte for byte
    what Python's JSON writes, or genuine exports would be refused and every merged row look edited."""
    conn = sqlite3.connect(":memory:")
    register_canonical_functions(conn)
    conn.execute("CREATE TABLE strict_t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, r REAL, x ANY) STRICT")
    conn.execute("CREATE TABLE loose_t (id INTEGER PRIMARY KEY, a INTEGER, b TEXT, r REAL, x)")
    columns = ["id", "a", "b", "r", "x"]
    for table in ("strict_t", "loose_t"):
        conn.executemany(f"INSERT INTO {table}(a, b, r, x) VALUES (?, ?, ?, ?)", rows)
        plain = plain_columns(conn, table)
        names = sorted(columns)
        for line, digest, *values in conn.execute(
                f"SELECT {canonical_row_sql(names, plain)}, {row_digest_sql(columns, plain, 't')}, "
                f"{', '.join(columns)} FROM {table} AS t"):
            by_name = dict(zip(columns, values))
            assert line == json.dumps([_canonical(by_name[c]) for c in names], separators=(",", ":"),
                                      ensure_ascii=False)
            assert digest == bytes.fromhex(hash_v1(columns, values)[:32]) == \
                bytes.fromhex(row_hash(columns, values)[:32])


def test_wide_rows_and_odd_column_names_are_written_alike():
    """Rows wider than json_array() takes are joined with ||; column names with quotes and accents alike."""
    conn = sqlite3.connect(":memory:")
    register_canonical_functions(conn)
    names = ["id", "a'b", 'c"d', "é", "x%y"] + [f"c{i:03d}" for i in range(110)]
    for width in (5, len(names)):
        table = f"t{width}"
        cols = names[:width]
        conn.execute(f"CREATE TABLE {table} ({', '.join(quote(c) for c in cols)})")
        values = [1, "it's", 'say "hi"', 0.1, b"\x00\x01"] + list(range(110))
        conn.execute(f"INSERT INTO {table} VALUES ({', '.join('?' * width)})", values[:width])
        plain = {"id"}
        line, digest = conn.execute(f"SELECT {canonical_row_sql(sorted(cols), plain)}, "
                                    f"{row_digest_sql(cols, plain)} FROM {table}").fetchone()
        row = dict(zip(cols, values))
        assert line == json.dumps([_canonical(row[c]) for c in sorted(cols)], separators=(",", ":"),
                                  ensure_ascii=False)
        assert digest == bytes.fromhex(hash_v1(cols, values[:width])[:32])


WHOLE_REALS = [0.0, -0.0, 1.0, -1.0, 1234.0, -98765.0, 1e14, 999999999999999.0, -999999999999999.0, 1e15, -1e15,
               1e16, 2.0 ** 53, 9007199254740993.0, 1e300, -1e-300, 0.5, 1 / 3, float("inf"), float("-inf")]


@given(st.lists(st.integers(-10**16, 10**16).map(float) | st.sampled_from(WHOLE_REALS), min_size=1, max_size=20))
@settings(max_examples=60, deadline=None)
def test_sqlite_writes_whole_reals_as_python_repr_does(reals):
    """Whole numbers held as reals are written by SQLite itself (no call into Python for each): the same text as
    repr, about 10^15 and beyond, for -0.0 and infinities included."""
    conn = sqlite3.connect(":memory:")
    register_canonical_functions(conn)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, r REAL)")
    conn.executemany("INSERT INTO t(r) VALUES (?)", [(r,) for r in reals])
    for line, r in conn.execute(f"SELECT {canonical_row_sql(['r'])}, r FROM t"):
        assert line == json.dumps([_canonical(r)], separators=(",", ":"))
