"""Checking the audit trail's hash chain, and repairing the trail (``storage.audit`` writes it).

Apart from ``storage.audit``, which every connection needs from its first moment: these are needed only when the
chain is checked (``safer-desk check``, the History of Changes, an export for the county, a county merge) or the
trail repaired, and their four classes cost the window's first screen about 9 M of its 1,280 M instructions.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any, Iterable, Iterator

from safer_desk.storage.audit import (AUDIT_TABLE, ENTRY_FIELDS, GENESIS, GUARD_TRIGGERS, REPAIR_LABEL, TriggerProblem,
                                      _chain, _quote, entry_digest, install_triggers, link_hash, record_event,
                                      user_action)


# -- verifying the chain --------------------------------------------------------------------------------------
@dataclass(frozen=True)
class ChainHead:
    """The last entry of the audit trail and its hash: what an export or a backup records."""
    id: int
    hash: str


@dataclass(frozen=True)
class ChainProblem:
    """An entry of the audit trail whose hash no longer follows from the entries before it."""
    entry_id: int
    # "edited", "unlinked" (an entry before it removed or replaced), "moved" (entries put in another order: one
    # written with another number, or following on from an entry still there but elsewhere), "anchor" (a recorded
    # head differs)
    kind: str
    text: str


@dataclass
class ChainReport:
    """What checking the audit trail found: how many entries, its head, and any problems."""
    entries: int = 0
    head: ChainHead | None = None
    problems: list[ChainProblem] = field(default_factory=list)
    repairs: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def chain_head(conn: sqlite3.Connection) -> ChainHead | None:
    row = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else ChainHead(int(row[0]), row[1])


def _entries(conn: sqlite3.Connection) -> Iterator[tuple]:
    cols = ", ".join(ENTRY_FIELDS)
    yield from conn.execute(f"SELECT {cols}, prev_hash, hash FROM audit_log ORDER BY id")


MOVED = "the trail's entries were put in another order outside Safer Desk"
MOVED_SPAN = 1000  # how far from its place an entry moved is looked for by the number it was written with


class _Hashes:
    """Each entry's number by its hash, read once, when an entry first does not follow on from the one before it."""

    def __init__(self, conn: sqlite3.Connection):
        self.conn, self.numbers = conn, None

    def entry_with(self, hash_: Any) -> int | None:
        """The entry (its number now) whose hash is ``hash_``, the one another was written after."""
        if hash_ == GENESIS:
            return 0
        if self.numbers is None:
            self.numbers = {h: int(i) for i, h in self.conn.execute("SELECT id, hash FROM audit_log")}
        return self.numbers.get(hash_)


def _written_as(fields: tuple, prev_hash: Any, stored: Any, near: Iterable[int]) -> int | None:
    """The number an entry was written with when it is not its number now (its hash holds it): the entry moved."""
    if not isinstance(stored, str) or not isinstance(prev_hash, str):
        return None
    entry_id = int(fields[0])
    for number in near:
        if number != entry_id and number > 0 and _chain(prev_hash, number, *fields[1:]) == stored:
            return number
    return None


def verify_chain(conn: sqlite3.Connection, *, limit: int = 50) -> ChainReport:
    """Recompute every entry's hash and link; report the first ``limit`` problems (each break once)."""
    report, hashes = ChainReport(), _Hashes(conn)
    expected_prev, last_id = GENESIS, 0
    for row in _entries(conn):
        fields, prev_hash, stored = row[:len(ENTRY_FIELDS)], row[-2], row[-1]
        entry_id = int(fields[0])
        report.entries += 1
        if fields[5] == "event" and fields[6] == "repair":
            report.repairs += 1
        if len(report.problems) < limit:
            unlinked = prev_hash != expected_prev
            after = hashes.entry_with(prev_hash) if unlinked else None
            content_ok = isinstance(stored, str) and _chain(prev_hash, *fields) == stored
            written_as = None
            if not content_ok:
                near = sorted(range(entry_id - MOVED_SPAN, entry_id + MOVED_SPAN + 1), key=lambda n: abs(n - entry_id))
                written_as = _written_as(fields, prev_hash, stored, ([after + 1] if after is not None else []) + near)
            if written_as is not None:  # nothing altered: the entry is elsewhere, and so its link
                report.problems.append(ChainProblem(entry_id, "moved",
                                                    f"entry {entry_id} was written as entry {written_as}: {MOVED}"))
                expected_prev, last_id = stored, entry_id
                continue
            if unlinked and after is not None and after != last_id:
                report.problems.append(ChainProblem(
                    entry_id, "moved", f"entry {entry_id} was written after entry {after}, not entry {last_id}: "
                                       f"{MOVED}"))
            elif unlinked:
                gap = ("the entry before it was removed or replaced" if entry_id == last_id + 1 else
                       f"entry {last_id + 1} is missing" if entry_id == last_id + 2 else
                       f"entries {last_id + 1} to {entry_id - 1} are missing")
                report.problems.append(ChainProblem(entry_id, "unlinked",
                                                    f"entry {entry_id} does not follow on from entry {last_id}: {gap}"))
            if not content_ok:
                report.problems.append(ChainProblem(entry_id, "edited",
                                                    f"entry {entry_id} ({fields[3]}, {fields[1]}) was changed after it "
                                                    "was written"))
        expected_prev, last_id = stored, entry_id
    report.head = ChainHead(last_id, expected_prev) if report.entries else None
    return report


def shipped_chain(conn: sqlite3.Connection) -> Iterator[tuple[int, str, str]]:
    """(id, digest, hash) of every entry, the digest recomputed from its fields: what an export carries.

    No field of any entry leaves the office (victim-level or not): the county checks the links only.
    """
    for row in _entries(conn):
        fields, stored = row[:len(ENTRY_FIELDS)], row[-1]
        yield int(fields[0]), entry_digest(*fields), stored


def verify_shipped_chain(rows: Iterable[tuple[int, str, str]]) -> tuple[int, ChainHead | None, str | None]:
    """Check the links of a shipped chain from the first entry: (entries, head, first problem or None)."""
    prev, count, head = GENESIS, 0, None
    for entry_id, digest, stored in rows:
        count += 1
        if link_hash(prev, digest) != stored:
            return count, head, f"entry {entry_id} does not follow on from the entry before it"
        prev, head = stored, ChainHead(int(entry_id), stored)
    return count, head, None


# -- repair ------------------------------------------------------------------------------------------------
@dataclass
class RepairReport:
    """What Repair the audit trail changed: the triggers put back and the entries sealed again."""
    triggers: list[TriggerProblem] = field(default_factory=list)
    chain: list[ChainProblem] = field(default_factory=list)
    resealed_from: int | None = None
    entry_id: int | None = None

    @property
    def changed(self) -> bool:
        return bool(self.triggers or self.chain)


def _reseal(conn: sqlite3.Connection, first_id: int) -> None:
    """Recompute prev_hash and hash from entry first_id on (the guards are dropped for this and put back)."""
    for name in GUARD_TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {_quote(name)}")
    prev_row = conn.execute("SELECT hash FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT 1", (first_id,)).fetchone()
    prev = prev_row[0] if prev_row else GENESIS
    cols = ", ".join(ENTRY_FIELDS)
    updates = []
    for row in conn.execute(f"SELECT {cols} FROM audit_log WHERE id >= ? ORDER BY id", (first_id,)).fetchall():
        new_hash = _chain(prev, *row)
        updates.append((prev, new_hash, row[0]))
        prev = new_hash
    conn.executemany("UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?", updates)
    for sql in GUARD_TRIGGERS.values():
        conn.execute(sql)


def repair(conn: sqlite3.Connection, known: Iterable[TriggerProblem] = ()) -> RepairReport:
    """Put the triggers back, re-seal a broken chain and record the gap (inside the caller's transaction).

    ``known``: problems found before a migration already made the triggers again (recorded all the same).
    """
    report = RepairReport()
    report.triggers = install_triggers(conn, drop_unexpected=True)
    fixed = {p.trigger for p in report.triggers}
    report.triggers += [p for p in known if p.trigger not in fixed]
    chain = verify_chain(conn, limit=1000)
    report.chain = chain.problems
    if chain.problems:
        report.resealed_from = min(p.entry_id for p in chain.problems)
        _reseal(conn, report.resealed_from)
    if report.changed:
        with user_action(REPAIR_LABEL):
            report.entry_id = record_event(conn, AUDIT_TABLE, None, "repair", {
                "triggers": [p.text for p in report.triggers],
                "chain": [p.text for p in report.chain],
                "note": ("Changes made while the audit triggers were missing or changed were not recorded; "
                         "entries found changed were sealed again as they now stand."),
            })
    return report
