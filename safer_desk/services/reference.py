"""Reference data every tab shares: districts, partnerships (and the districts they cover), organisations."""

from __future__ import annotations

from dataclasses import dataclass

from safer_desk.domain.ids import new_id, reference_id
from safer_desk.storage.store import Store


class ReferenceError(ValueError):
    pass


@dataclass(frozen=True)
class District:
    id: str
    name: str
    ons_code: str | None
    county: str | None
    successor_id: str | None


@dataclass(frozen=True)
class Partnership:
    id: str
    name: str
    kind: str
    valid_from: str | None
    valid_to: str | None


@dataclass(frozen=True)
class Organisation:
    id: str
    name: str
    kind: str


def add_district(store: Store, name: str, *, ons_code: str | None = None, county: str | None = None,
                 successor: str | None = None, valid_from: str | None = None, valid_to: str | None = None) -> str:
    """Add a district (or return the existing one of that name); successor names the district it became."""
    name = (name or "").strip()
    if not name:
        raise ReferenceError("A district needs a name.")
    district_id = reference_id("district", name)
    successor_id = reference_id("district", successor) if successor else None
    with store.transaction():
        store.conn.execute(
            "INSERT INTO districts(id, name, ons_code, county, successor_id, valid_from, valid_to) "
            "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (district_id, name, ons_code, county, successor_id, valid_from, valid_to),
        )
    return district_id


def add_organisation(store: Store, name: str, kind: str = "other") -> str:
    name = (name or "").strip()
    if not name:
        raise ReferenceError("An organisation needs a name.")
    org_id = reference_id("org", name)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO organisations(id, name, kind) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING",
            (org_id, name, kind),
        )
    return org_id


def add_partnership(store: Store, name: str, *, kind: str = "csp", districts: list[str] = (),
                    members: list[tuple[str, bool]] = (), valid_from: str | None = None,
                    valid_to: str | None = None, notes: str = "") -> str:
    """Add a partnership with the districts it covers and its member organisations (name, statutory)."""
    name = (name or "").strip()
    if not name:
        raise ReferenceError("A partnership needs a name.")
    partnership_id = reference_id("partnership", name)
    with store.transaction():
        store.conn.execute(
            "INSERT INTO partnerships(id, name, kind, valid_from, valid_to, notes) VALUES (?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(id) DO NOTHING",
            (partnership_id, name, kind, valid_from, valid_to, notes),
        )
        for district in districts:
            district_id = reference_id("district", district)
            if store.scalar("SELECT 1 FROM districts WHERE id = ?", (district_id,)) is None:
                raise ReferenceError(f"There is no district called {district}.")
            store.conn.execute(
                "INSERT INTO partnership_districts(id, partnership_id, district_id, valid_from, valid_to) "
                "SELECT ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM partnership_districts "
                "WHERE partnership_id = ? AND district_id = ?)",
                (new_id(), partnership_id, district_id, valid_from, valid_to, partnership_id, district_id),
            )
        for org_name, statutory in members:
            org_id = reference_id("org", org_name)
            if store.scalar("SELECT 1 FROM organisations WHERE id = ?", (org_id,)) is None:
                raise ReferenceError(f"There is no organisation called {org_name}.")
            store.conn.execute(
                "INSERT INTO partnership_members(id, partnership_id, organisation_id, statutory, valid_from, valid_to) "
                "SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM partnership_members "
                "WHERE partnership_id = ? AND organisation_id = ?)",
                (new_id(), partnership_id, org_id, int(statutory), valid_from, valid_to, partnership_id, org_id),
            )
    return partnership_id


def list_districts(store: Store) -> list[District]:
    return [District(r["id"], r["name"], r["ons_code"], r["county"], r["successor_id"])
            for r in store.rows("SELECT * FROM districts ORDER BY name")]


def list_partnerships(store: Store) -> list[Partnership]:
    return [Partnership(r["id"], r["name"], r["kind"], r["valid_from"], r["valid_to"])
            for r in store.rows("SELECT * FROM partnerships ORDER BY name")]


def list_organisations(store: Store) -> list[Organisation]:
    return [Organisation(r["id"], r["name"], r["kind"]) for r in store.rows("SELECT * FROM organisations ORDER BY name")]


def partnership_districts(store: Store, partnership_id: str) -> list[District]:
    return [District(r["id"], r["name"], r["ons_code"], r["county"], r["successor_id"]) for r in store.rows(
        "SELECT d.* FROM partnership_districts pd JOIN districts d ON d.id = pd.district_id "
        "WHERE pd.partnership_id = ? ORDER BY d.name", (partnership_id,))]


def statutory_partners(store: Store, partnership_id: str) -> list[Organisation]:
    """The partnership's statutory partners (those who share DHR costs), by name."""
    return [Organisation(r["id"], r["name"], r["kind"]) for r in store.rows(
        "SELECT o.* FROM partnership_members m JOIN organisations o ON o.id = m.organisation_id "
        "WHERE m.partnership_id = ? AND m.statutory = 1 ORDER BY o.name", (partnership_id,))]


def _in_use(store: Store, checks: list[tuple[str, str]], value: str) -> list[str]:
    """Tables (from checks of (table, column)) that still refer to value."""
    used = []
    for table, column in checks:
        if store.scalar(f"SELECT 1 FROM {table} WHERE {column} = ? LIMIT 1", (value,)):
            used.append(table)
    return used


def _referrers(store: Store, target_table: str) -> list[tuple[str, str]]:
    """Every (table, column) whose foreign key points at target_table, found from the schema."""
    found = []
    for (table,) in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"):
        for fk in store.rows(f'PRAGMA foreign_key_list("{table}")'):
            if fk["table"] == target_table:
                found.append((table, fk["from"]))
    return found


def remove_reference(store: Store, kind: str, ref_id: str) -> dict:
    """Remove a district, organisation or partnership nobody refers to; return its rows for undo."""
    table = {"district": "districts", "organisation": "organisations", "partnership": "partnerships"}[kind]
    row = store.one(f"SELECT * FROM {table} WHERE id = ?", (ref_id,))
    if row is None:
        raise ReferenceError(f"There is no such {kind}.")
    children = {"partnership": ["partnership_districts", "partnership_members"]}.get(kind, [])
    checks = [(t, c) for t, c in _referrers(store, table) if t not in children]
    used = _in_use(store, checks, ref_id)
    if used:
        raise ReferenceError(f"{row['name']} cannot be removed: it is still used in {', '.join(sorted(set(used)))}.")
    saved = {"table": table, "row": dict(row),
             "children": {t: [dict(r) for r in store.rows(f"SELECT * FROM {t} WHERE partnership_id = ?", (ref_id,))]
                          for t in children}}
    with store.transaction():
        for t in children:
            store.conn.execute(f"DELETE FROM {t} WHERE partnership_id = ?", (ref_id,))
        store.conn.execute(f"DELETE FROM {table} WHERE id = ?", (ref_id,))
    return saved


def restore_reference(store: Store, saved: dict) -> None:
    """Put back what remove_reference took out (undo)."""
    with store.transaction():
        _insert(store, saved["table"], saved["row"])
        for table, rows in saved["children"].items():
            for row in rows:
                _insert(store, table, row)


def _insert(store: Store, table: str, row: dict) -> None:
    columns = list(row)
    store.conn.execute(f"INSERT INTO {table}({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})",
                       [row[c] for c in columns])
