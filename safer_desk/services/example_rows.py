"""Which offices merged into a county file sent nothing but their copy of the example data (`safer-desk demo`, Look
Around the Example), told without a change to the export's format.

Every copy of the example holds the example's rows with the same ids (only the office id is each copy's own), and
the county keeps each merged row's hash as it came (``_county_origins``: the hash the merge gives a row one office
sends, or, for a row several send alike, the one without their own bookkeeping, ``row_hashes.shared_row_hash``).
``resources/example/example-rows.json`` holds those hashes of the example's rows, as the county's merge keeps them
when several offices send them alike (the tables whose rows it records holders of: not districts or partnerships,
which every file holds). An office whose rows at the county are exactly those, every one unchanged, sent only the
example: the county's words do not name it as where a row came from, and a row only such offices hold is "Example
data" ("Merged from 4 offices" counted three offices that had only looked around the example). An office that added,
changed or deleted a row (one holding fewer of the example's rows than the example has), changed a setting, or sent an
older version's example that hashes otherwise, is counted as before.
Written again with the example file
(``python -m safer_desk.services.demo --write-resource``); a test checks it against a fresh merge of two copies.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from safer_desk.storage.store import Store

RESOURCE_PARTS = ("example", "example-rows.json")
# The tables of an office's own work (services.provenance names where their rows came from): an office holding none
# of the example's rows of these sent its reference data only, which tells nothing.
OWN_WORK_TABLES = ("projects", "dhr_cases", "funds", "indicator_values", "budget_plans", "commissioning_scenarios",
                   "funding_awards", "allocation_scenarios", "allocation_top_slices")
# Each office's own: the areas it names (Office Details…), which every copy of the example sets its own way.
OFFICE_TABLES = ("office_areas",)


@lru_cache(maxsize=1)
def example_hashes() -> dict[str, dict[str, frozenset[str]]]:
    """The shipped hashes by table and row key ({} when the resource is missing or unreadable: no office is then
    taken for one that sent only the example)."""
    return _resource()[0]


@lru_cache(maxsize=1)
def _resource() -> tuple[dict[str, dict[str, frozenset[str]]], dict[str, int]]:
    """(hashes by table and key, counts of the tables matched by what their rows are about): a row of a fund's spend
    summary gets a new id in each export, and the county keeps the first office's."""
    from safer_desk.paths import resource

    try:
        data = json.loads(resource(*RESOURCE_PARTS).read_text(encoding="utf-8"))
        return ({t: {k: frozenset(v) for k, v in rows.items()} for t, rows in data["rows"].items()},
                {t: int(n) for t, n in data["counted"].items()})
    except (OSError, ValueError, AttributeError, TypeError, KeyError):
        return {}, {}


def example_only_offices(store: "Store") -> dict[str, str]:
    """The merged offices (id → latest name) that sent nothing but the example's rows, unchanged: every row the county
    holds from each is the example's, each of its open conflicts offers the example's row, no part of a fund's spend
    is its own, and it holds some of the example's work (a project, a review, a fund …), not its reference data
    alone. {} in an office's own file, and in a county file of such offices alone, which names them as before (a
    lead trying the county's side with copies of the example). Rows every file holds alike (districts, partnerships:
    kept with no holders) tell nothing and are not read. An office that deleted some of the example's rows (the
    projects it does not run, say) did work of its own, and is counted as before."""
    from safer_desk.services.provenance import merged_into

    hashes, counted_only = _resource()
    if not hashes or not merged_into(store):
        return {}
    # Read again only when the file has changed (a register's reload, each section of a board report, ask in turn).
    seen = (store.conn.total_changes, store.scalar("PRAGMA data_version"))
    known = _KNOWN.get(id(store.conn))
    if known is not None and known[0] is store.conn and known[1] == seen:
        return dict(known[2])
    found = _example_only_offices(store, hashes, counted_only)
    _KNOWN.clear()  # one file's answer kept: the window has one file open
    _KNOWN[id(store.conn)] = (store.conn, seen, found)
    return dict(found)


_KNOWN: dict[int, tuple[object, tuple[int, int], dict[str, str]]] = {}


def _example_only_offices(store: "Store", hashes: dict[str, dict[str, frozenset[str]]],
                          counted_only: dict[str, int]) -> dict[str, str]:
    from safer_desk.exchange.county_merge import latest_office_name
    from safer_desk.storage.schema.exchange import HOLDERS_TABLE, PROVENANCE_TABLE

    tables = sorted(hashes)
    marks = ", ".join("?" * len(tables))
    holders = bool(store.scalar("SELECT 1 FROM sqlite_master WHERE name = ?", (HOLDERS_TABLE,)))
    own = (f"SELECT table_name, row_key, office_id, row_hash, 0 AS shared FROM {PROVENANCE_TABLE} "
           f"WHERE shared = 0 AND table_name NOT IN ({', '.join('?' * len(OFFICE_TABLES))})")
    alike = (f"SELECT h.table_name, h.row_key, h.office_id, p.row_hash, 1 AS shared FROM {HOLDERS_TABLE} h "
             f"JOIN {PROVENANCE_TABLE} p ON p.table_name = h.table_name AND p.row_key = h.row_key WHERE p.shared = 1")
    held = f"{own} UNION ALL {alike}" if holders else own
    # Counted first (a county's figures run to many thousands): an office holding more rows of a table than the
    # example has is not one, and its rows are never read. A table of rows every file holds alike (districts,
    # partnerships, a setting: kept with no holders when several offices send them) is not in the resource.
    counts: dict[str, dict[str, int]] = {}
    for table, office_id, n in store.rows(f"SELECT table_name, office_id, count(*) FROM ({held}) "
                                          "GROUP BY table_name, office_id", OFFICE_TABLES):
        counts.setdefault(office_id, {})[table] = n
    wanted = {**{t: len(rows) for t, rows in hashes.items()}, **counted_only}
    candidates = [office for office, by_table in counts.items()
                  if all(n <= wanted[t] for t, n in by_table.items() if t in wanted)
                  and any(by_table.get(t) for t in OWN_WORK_TABLES)]
    if not candidates:
        return {}
    rows: dict[str, list[tuple[str, str, str, bool]]] = {}  # office -> (table, key, hash, shared) of its rows
    for table, key, office_id, row_hash, shared in store.rows(
            f"SELECT * FROM ({held}) WHERE table_name IN ({marks}) AND office_id IN "
            f"({', '.join('?' * len(candidates))})", (*OFFICE_TABLES, *tables, *candidates)):
        rows.setdefault(office_id, []).append((table, key, row_hash, bool(shared)))
    alike_to = _AlikeToTheExample(store, hashes)
    only = [office for office in candidates if all(alike_to(*row) for row in rows.get(office, ()))
            and alike_to.conflicts_offer_the_example(office) and not alike_to.keyed_spend(office)
            and not alike_to.deleted_some(office, rows.get(office, ()))]
    # A county file of copies of the example alone (a lead trying the county's side) names them as it always has:
    # there is no office's own work for them to be counted beside.
    merged = {r[0] for r in store.rows("SELECT DISTINCT office_id FROM _county_imports")}
    if merged <= set(only):
        return {}
    return {office: latest_office_name(store.conn, office) or office for office in only}


class _AlikeToTheExample:
    """Whether a merged row is the example's unchanged. A row several offices hold is kept by the hash the resource
    holds; one a single office sent is kept by its whole hash, which counts when that copy of the example was made
    (`safer-desk demo` builds it afresh): its hash without the offices' own bookkeeping is worked out from the row."""

    def __init__(self, store: "Store", hashes: dict[str, dict[str, frozenset[str]]]):
        self.store, self.hashes = store, hashes
        self._shared: dict[str, dict[str, str]] = {}  # table -> key -> the county row's shared hash

    def __call__(self, table: str, key: str, row_hash: str, shared: bool) -> bool:
        from safer_desk.storage.row_hashes import LOCAL_COLUMNS

        example = self.hashes.get(table, {}).get(key)
        if not example:
            return False
        if row_hash in example:
            return True
        return not shared and table in LOCAL_COLUMNS and self.shared_hashes(table).get(key) in example

    def conflicts_offer_the_example(self, office_id: str) -> bool:
        """Whether each of the office's open conflicts offers the example's row as its version (a copy of the example
        merged after an office that changed the row: its version is the example's, not a change of its own)."""
        from safer_desk.storage.schema.exchange import CONFLICTS_TABLE
        from safer_desk.exchange.county_merge import short_hash
        from safer_desk.exchange.county_schema import table_info
        from safer_desk.storage.row_hashes import shared_row_hash

        for table, key, incoming in self.store.rows(
                f"SELECT table_name, row_key, incoming_row FROM {CONFLICTS_TABLE} WHERE office_id = ?", (office_id,)):
            example = self.hashes.get(table, {}).get(key)
            try:
                row = json.loads(incoming)
            except ValueError:
                return False
            if not example or not isinstance(row, dict):
                return False
            columns = table_info(self.store.conn, table).columns
            if short_hash(shared_row_hash(table, columns, [row.get(c) for c in columns])).hex() not in example:
                return False
        return True

    def deleted_some(self, office_id: str, held) -> bool:
        """Whether the office's copy lacks some of the example's rows, deleted there (work of its own): each of them
        neither held at the county for it (held: its (table, key, hash, shared) rows), nor its version in an open
        conflict, nor part of a thing in conflict (a project's lines come with the project), nor one of its versions
        the county lead set aside."""
        from safer_desk.exchange.county_conflicts import DECISIONS_TABLE
        from safer_desk.storage.schema.exchange import CONFLICTS_TABLE

        covered = {(table, key) for table, key, _, _ in held}
        conflicted = {(r[0], r[1]) for r in self.store.rows(
            f"SELECT table_name, row_key FROM {CONFLICTS_TABLE} WHERE office_id = ?", (office_id,))}
        decided: dict[str, int] = {}  # a decision names its row by what it is about: counted per table
        for (subject,) in self.store.rows(f"SELECT subject_key FROM {DECISIONS_TABLE} WHERE office_id = ?",
                                          (office_id,)):
            try:
                table = json.loads(subject)[0]
            except (ValueError, TypeError, IndexError, KeyError):
                continue
            decided[table] = decided.get(table, 0) + 1
        for table, keys in self.hashes.items():
            missing = [key for key in keys if (table, key) not in covered and (table, key) not in conflicted]
            if conflicted:
                missing = [key for key in missing if not self._under(table, key, conflicted)]
            if len(missing) > decided.get(table, 0):
                return True
        return False

    def _under(self, table: str, key: str, conflicted: set[tuple[str, str]], depth: int = 4) -> bool:
        """Whether the county's row (table, key) belongs to a row in conflict (its parent, or its parent's …)."""
        from safer_desk.exchange.county_schema import quote, table_info

        info = table_info(self.store.conn, table)
        if depth <= 0 or len(info.primary_key) != 1 or info.primary_key == ("rowid",):
            return False
        row = self.store.conn.execute(f"SELECT * FROM {quote(table)} WHERE {quote(info.primary_key[0])} = ?",
                                      (key,)).fetchone()
        if row is None:
            return False
        values = dict(zip(info.columns, row))
        for fk in info.foreign_keys:
            if len(fk.columns) != 1 or values.get(fk.columns[0]) is None:
                continue
            parent = (fk.table, str(values[fk.columns[0]]))
            if parent in conflicted or self._under(*parent, conflicted, depth - 1):
                return True
        return False

    def keyed_spend(self, office_id: str) -> bool:
        """Whether part of a fund's spend at the county is the office's own (lines it keyed: the example's are no
        office's part)."""
        return bool(self.store.scalar("SELECT 1 FROM sqlite_master WHERE name = 'fund_spend_summary'")
                    and self.store.scalar("SELECT 1 FROM fund_spend_summary WHERE office_id = ? LIMIT 1", (office_id,)))

    def shared_hashes(self, table: str) -> dict[str, str]:
        if table not in self._shared:
            from safer_desk.exchange.county_merge import shared_digest, short_hash
            from safer_desk.exchange.county_schema import iter_rows, table_info

            keys = self.hashes.get(table, {})
            info = table_info(self.store.conn, table)
            self._shared[table] = {key: short_hash(shared_digest(info, row)).hex()
                                   for row in iter_rows(self.store.conn, info)
                                   if (key := info.key_of(row)) in keys}
        return self._shared[table]


def build_example_hashes(folder: Path) -> dict:
    """The hashes the county's merge keeps the example's rows by, held alike by several offices (each table's rows that
    have holders): two copies of the example exported (a signing key of its own, in ``folder``) and merged into a new
    county file there."""
    import os

    from safer_desk.exchange import signing
    from safer_desk.exchange.county_conflicts import NATURAL_KEYS
    from safer_desk.services.county import export_for_county, merge_district_files
    from safer_desk.services.demo import build_demo
    from safer_desk.storage.schema.exchange import HOLDERS_TABLE, PROVENANCE_TABLE
    from safer_desk.storage.store import open_store

    held_home = os.environ.get("SAFER_DESK_HOME")
    os.environ["SAFER_DESK_HOME"] = str(folder)  # the export signs with the officer's key of the data folder
    try:
        key = signing.officer_key()
        exports = []
        for name in ("one", "two"):
            store = open_store(build_demo(folder / f"{name}.sqlite"))
            try:
                exports.append((export_for_county(store, folder / f"{name}-export.sqlite").path, store.office_id))
            finally:
                store.close()
        county = open_store(folder / "county.sqlite", create=True, office_name="county")
        out: dict[str, dict[str, set[str]]] = {}
        try:
            for path, office_id in exports:
                merge_district_files(county, [path], accept_keys=[(key.fingerprint, office_id)])
            # What the second copy holds, each row by its hash without the offices' own bookkeeping (held alike by
            # the two copies), the same whenever a copy was made (a row one office sends is kept by its whole hash:
            # _AlikeToTheExample works that one out from the row).
            for table, row_key, row_hash in county.rows(
                    f"SELECT p.table_name, p.row_key, p.row_hash FROM {HOLDERS_TABLE} h JOIN {PROVENANCE_TABLE} p "
                    "ON p.table_name = h.table_name AND p.row_key = h.row_key WHERE p.shared = 1 AND h.office_id = ?",
                    (exports[1][1],)):
                out.setdefault(table, {}).setdefault(row_key, set()).add(row_hash)
            mine = county.scalar(f"SELECT count(*) FROM {PROVENANCE_TABLE} WHERE shared = 0 AND table_name NOT IN "
                                 f"({', '.join('?' * len(OFFICE_TABLES))})", OFFICE_TABLES)
            if mine:  # every row of the example is held alike by two copies of it, but for their areas
                raise ValueError(f"{mine} rows of two copies of the example were not held alike")
        finally:
            county.close()
    finally:
        if held_home is None:
            os.environ.pop("SAFER_DESK_HOME", None)
        else:
            os.environ["SAFER_DESK_HOME"] = held_home
    return {"counted": {t: len(out.pop(t)) for t in sorted(NATURAL_KEYS) if t in out},
            "rows": {t: {k: sorted(v) for k, v in sorted(rows.items())} for t, rows in sorted(out.items())}}


def example_hashes_text(hashes: dict) -> str:
    """The resource's text: one table per line, so that a change to the example reads as the lines it changes."""
    lines = [f"{json.dumps(t)}: {json.dumps(rows, sort_keys=True)}" for t, rows in sorted(hashes["rows"].items())]
    return (f'{{\n"counted": {json.dumps(hashes["counted"], sort_keys=True)},\n"rows": {{\n' + ",\n".join(lines)
            + "\n}\n}\n")


def write_example_hashes(out: Path | None = None) -> Path:
    """Work the hashes out from the example as this version builds it and store them as the shipped resource."""
    import tempfile

    from safer_desk.paths import resources_folder

    target = Path(out) if out is not None else resources_folder().joinpath(*RESOURCE_PARTS)
    with tempfile.TemporaryDirectory(prefix="safer-desk-example-rows-") as folder:
        text = example_hashes_text(build_example_hashes(Path(folder)))
    from safer_desk.storage.safe_write import write_bytes_atomically

    write_bytes_atomically(target, text.encode("utf-8"))
    example_hashes.cache_clear()
    _resource.cache_clear()
    return target
