"""Benchmark: what the audit trail costs per row written, before and after the hash chain (issue 12).

In one run, on the real ``indicator_values`` table of a new Safer Desk file (10 columns, a UNIQUE key,
an index), N rows are inserted, then updated (one column), then deleted, one statement per row inside
one transaction, under four set-ups:

- no audit at all (the floor: the table's own cost);
- the triggers before issue 12 (JSON of the row, one entry per changed column, no chain), copied here;
- the chained triggers of this version (actions, the hash chain computed in SQL by a Python function);
- the chained triggers inside ``store.batch(...)`` (what a bulk import or merge uses: the row triggers
  count instead of writing, one entry at the end).

Run:  /work/venvs/<name>/bin/python benchmarks/audit_cost.py [--rows 20000]
Prints microseconds per row and ratios against the floor and against the old triggers; never asserts.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from safer_desk.storage import audit_chain  # noqa: E402
from safer_desk.storage.store import open_store  # noqa: E402

TABLE = "indicator_values"


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def old_triggers(conn, table: str) -> list[str]:
    """The audit triggers as storage.audit made them before issue 12 (for the "before" figure)."""
    info = conn.execute(f"PRAGMA table_info({_quote(table)})").fetchall()
    columns = [row[1] for row in info]
    pks = [row[1] for row in sorted(info, key=lambda r: r[5]) if row[5]]
    row_id = (lambda a: f"CAST({a}.{_quote(pks[0])} AS TEXT)")
    as_json = (lambda a: "json_object(" + ", ".join(f"'{c}', {a}.{_quote(c)}" for c in columns) + ")")
    head = "INSERT INTO old_audit_log(at, who, table_name, row_id, action, column_name, old_value, new_value) "
    now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"
    updates = " ".join(
        f"{head} SELECT {now}, safer_desk_user(), '{table}', {row_id('new')}, 'update', '{c}', "
        f"old.{_quote(c)}, new.{_quote(c)} WHERE old.{_quote(c)} IS NOT new.{_quote(c)};" for c in columns)
    return [
        f"CREATE TRIGGER old_{table}_insert AFTER INSERT ON {_quote(table)} BEGIN {head} VALUES ({now}, "
        f"safer_desk_user(), '{table}', {row_id('new')}, 'insert', NULL, NULL, {as_json('new')}); END",
        f"CREATE TRIGGER old_{table}_delete AFTER DELETE ON {_quote(table)} BEGIN {head} VALUES ({now}, "
        f"safer_desk_user(), '{table}', {row_id('old')}, 'delete', NULL, {as_json('old')}, NULL); END",
        f"CREATE TRIGGER old_{table}_update AFTER UPDATE ON {_quote(table)} BEGIN {updates} END",
    ]


def prepare(path: Path, mode: str):
    store = open_store(path, create=True)
    conn = store.conn
    with store.transaction():
        conn.execute("INSERT INTO indicators(id, name, unit, polarity, frequency) VALUES "
                     "('indicator:bench', 'Bench', 'count', 'lower', 'monthly')")
        conn.execute("INSERT INTO indicator_areas(id, name, kind) VALUES ('area:bench', 'Bench', 'district')")
        if mode in ("none", "old"):
            for kind in ("insert", "update", "delete"):
                conn.execute(f"DROP TRIGGER audit_{TABLE}_{kind}")
        if mode == "old":
            conn.execute("CREATE TABLE old_audit_log (id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL, "
                         "table_name TEXT NOT NULL, row_id TEXT, action TEXT NOT NULL, column_name TEXT, "
                         "old_value ANY, new_value ANY) STRICT")
            conn.execute("CREATE INDEX old_audit_log_table_at ON old_audit_log(table_name, at)")
            conn.execute("CREATE INDEX old_audit_log_at ON old_audit_log(at)")
            for sql in old_triggers(conn, TABLE):
                conn.execute(sql)
    return store


def run(mode: str, rows: int, folder: Path) -> dict[str, float]:
    store = prepare(folder / f"{mode}.sqlite", "chain" if mode == "batch" else mode)
    conn = store.conn
    ids = [f"pv:bench:{i}" for i in range(rows)]
    out = {}
    for phase, sql, params in (
        ("insert", "INSERT INTO indicator_values(id, indicator_id, area_id, period, value, source) "
                   "VALUES (?, 'indicator:bench', 'area:bench', ?, ?, 'bench')",
         [(i, f"{1990 + n // 12}-{n % 12 + 1:02d}#{n}", float(n)) for n, i in enumerate(ids)]),
        ("update", "UPDATE indicator_values SET value = value + 1 WHERE id = ?", [(i,) for i in ids]),
        ("delete", "DELETE FROM indicator_values WHERE id = ?", [(i,) for i in ids]),
    ):
        t = time.perf_counter()
        if mode == "batch":
            with store.batch("benchmark", source="bench", source_hash="0" * 64):
                for p in params:
                    conn.execute(sql, p)
        else:
            with store.transaction():
                for p in params:
                    conn.execute(sql, p)
        out[phase] = (time.perf_counter() - t) / rows * 1e6
    if mode == "chain":
        assert audit_chain.verify_chain(conn).ok
    store.close()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs of each set-up (the median is printed)")
    args = parser.parse_args()
    modes = ("none", "old", "chain", "batch")
    results: dict[str, list[dict[str, float]]] = {m: [] for m in modes}
    with tempfile.TemporaryDirectory(prefix="safer-desk-audit-bench-") as folder:
        for r in range(args.repeat):
            for mode in modes:  # interleaved, so a busy machine slows each set-up alike
                sub = Path(folder) / f"{mode}-{r}"
                sub.mkdir()
                results[mode].append(run(mode, args.rows, sub))
    median = {m: {p: statistics.median(x[p] for x in results[m]) for p in ("insert", "update", "delete")}
              for m in modes}
    names = {"none": "no audit (floor)", "old": "triggers before issue 12", "chain": "chained triggers (now)",
             "batch": "chained, inside store.batch"}
    print(f"per-row cost on {TABLE}, {args.rows:,} rows, median of {args.repeat} runs (microseconds per row)")
    print(f"{'set-up':32} {'insert':>8} {'update':>8} {'delete':>8}   audit part (minus the floor)")
    for m in modes:
        row = median[m]
        extra = " ".join(f"{p} {row[p] - median['none'][p]:+.1f}" for p in ("insert", "update", "delete"))
        print(f"{names[m]:32} {row['insert']:8.1f} {row['update']:8.1f} {row['delete']:8.1f}   {extra}")
    for p in ("insert", "update", "delete"):
        old_part = median["old"][p] - median["none"][p]
        new_part = median["chain"][p] - median["none"][p]
        print(f"{p}: chained/old total {median['chain'][p] / median['old'][p]:.2f}x; audit part "
              f"{new_part:.1f} us vs {old_part:.1f} us ({new_part / old_part if old_part > 0 else float('nan'):.2f}x); "
              f"in a batch {median['batch'][p] / median['none'][p]:.2f}x the floor")


if __name__ == "__main__":
    main()
