"""Merge district exports into a county file: check each file first, then one transaction per file.

Rules (DESIGN §3, issue 7):
- every merged row keeps where it came from (``_county_provenance``: table, row key, office, export,
  content hash as merged);
- importing the same export again changes nothing; a newer export from the same office replaces that
  office's rows, and rows it no longer has are removed; an older one is refused;
- reference data (districts, partnerships, organisations and the links between them) is matched,
  not duplicated and never changed by an office;
- a row with a deterministic id elsewhere (an indicator "indicator:all-crime", a target, an area) belongs
  to the office that sent it first; when another office sends it alike it becomes shared (never changed; the
  offices that hold it are kept in ``_county_holders``, and it is removed once none of them sends it any more
  and nothing left in the county refers to it; districts, partnerships and areas never); sent differently by
  another office, it is a conflict;
- a row that cannot be merged without overwriting something is reported in ``_county_conflicts`` and
  left as it is: the same row from two offices, a row edited at the county since it was imported,
  two offices' rows colliding on a UNIQUE constraint (one indicator value for one district and month),
  reference data that differs, and rows whose parent row was not merged;
- the county lead's decision on a conflict stands: the same two versions never raise it again, and a version of a
  review's money (cost line, invoice, payment, refund, billing) set aside stays set aside whatever the county holds
  since, until the office sends another (county_conflicts.SET_ASIDE_FOR_GOOD);
- a file that is not an export, is damaged or truncated, fails its checksum or has a newer schema is
  refused before the county file is touched.

Verification (issue 12): an export is opened as hostile (``storage.hostile``: read-only, immutable, no
trusted schema, defensive, triggers and views off) and refused if its schema holds any code. Its signed
statement must verify with the public key it names, every manifest row must say what was signed, and the
schema, row counts, per-table checksums, internal tables and audit chain must match what was signed.
Against the county file (``verify_for_county``): the key must be registered for that office (a new key is
registered only when the county lead accepts its fingerprint, confirmed with the office by phone, for that office
alone; a key withdrawn for any office is refused for every office), the sequence number must be newer than the
last merged from that office, and the office's audit chain must still pass through the head the county saw last
time and, for a later number, go further (each export is recorded in the office's trail: a later number on a trail no
longer is an earlier export numbered again and signed with the office's key, which would shut out its real exports).
Every check reads; nothing is written to the county file before all of them pass.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import itertools
import json
import re
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterable, Iterator, Mapping

from safer_desk import __version__
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import format_money
from safer_desk.domain.periods import Month, format_uk_date
from safer_desk.domain.text import counted, in_words, ranges_text, tidy_spaces
from safer_desk.exchange import signing
from safer_desk.exchange.county_conflicts import (CHILD_KEYS, DEALT_WORDS, DECISIONS_TABLE, HANDLING_OF_FOLLOWER,
                                                  KIND_WORDS, LOCAL_COLUMNS, MAKE_UP, NAMED_WHEN_COUNTED, NATURAL_KEYS,
                                                  NOUNS,
                                                  PARTS, PAYMENTS_HELD, REFERENCE_GROUP_TABLES, RESPLIT_HELD,
                                                  ROW_WORDS, WHOLES, Conflict, Describer, column_words, dealings_words,
                                                  figure_phrase, group_of, held_dealings, held_payments,
                                                  load_decisions, load_set_aside, month_words, parts_where,
                                                  payments_words, plan_figures_differing, plan_lines_left_out,
                                                  refs_words, rows_counted, set_aside_for_good,
                                                  share_payments_note, share_status_words, subject_key_of, version_of,
                                                  with_make_up)
from safer_desk.exchange.county_export import CASE_NOTES, CHAIN_TABLE, EXPORT_FORMAT, EXPORT_FORMAT_VERSION, utc_now
from safer_desk.exchange.county_schema import (CHECKSUM_METHOD, POLICE_COUNTS, POLICE_SOURCE, POLICE_VINTAGES,
                                               PUBLIC_DIGEST_METHOD, PUBLIC_DIGESTS_TABLE, EMPTY_PUBLIC_DIGEST,
                                               CancelCheck, ProgressFn, TableInfo, UNDECLARED_LINKS,
                                               check_cancelled, content_checksum, content_checksums, data_tables,
                                               dependency_order, has_table, iter_rows, never_cancelled, no_progress,
                                               public_digests, quote, register_canonical_functions,
                                               row_counts, row_digest_sql, row_hash, plain_columns, schema_hash,
                                               sql_text, table_info)
from safer_desk.storage.kinds import journal_or_packed, what_file_is
from safer_desk.storage import audit, audit_chain
from safer_desk.storage.hostile import open_hostile, schema_code
from safer_desk.storage.row_hashes import shared_row_hash
from safer_desk.storage.schema import known_steps
from safer_desk.storage.schema.costs import FUND_SUMMARY_TABLE, moved_months
from safer_desk.storage.schema.exchange import (CONFLICTS_TABLE, HOLDERS_TABLE, IMPORTS_TABLE, MANIFEST_TABLE,
                                              ORIGINS_TABLE, PROVENANCE_TABLE)
from safer_desk.storage.leftovers import private_workspace

KEYS_TABLE = "_county_keys"
FUTURE_ALLOWANCE = timedelta(days=1)  # an export dated later than the county's clock plus this is refused
# Manifest fields in words, for "its … was changed after it was signed".
FIELD_WORDS = {
    "office_name": "office name", "office_id": "office id", "exported_at": "export date",
    "sequence": "sequence number", "include_referrals": "referral choice (individual referrals included or not)",
    "checksum": "checksum", "table_checksums": "table checksums", "row_counts": "row counts", "tables": "table list",
    "migration_steps": "list of schema steps", "schema_hash": "schema checksum",
    "internal_checksum": "checksum of its internal tables", "audit_head_id": "audit trail head",
    "audit_head_hash": "audit trail head", "audit_entries": "audit trail length", "key_fingerprint": "key id",
    "public_key": "public key", "export_id": "export id", "exported_by": "officer name",
    "private_tables_left_out": "list of tables left out", "public_tables": "list of public tables",
    "public_digest_method": "method of the police.uk digests",
    "police_figures_left_out": "number of police.uk figures left out",
}
from safer_desk.storage.store import (APP_ID, MIGRATIONS_TABLE, SQLITE_HEADER, Store, StoreError, create_file,
                                      inspect_file, open_store)

# Shared reference data: matched across offices, never owned by one. The links have random ids, so
# they are matched by the pair they link.
REFERENCE_TABLES: dict[str, tuple[str, ...] | None] = {
    "districts": None,
    "partnerships": None,
    "organisations": None,
    "partnership_districts": ("partnership_id", "district_id"),
    "partnership_members": ("partnership_id", "organisation_id"),
}
# Rows named by their id where no link says so (figures, targets, plans, an office's areas): never removed by a merge,
# so the county keeps no holders of them.
NAMED_BY_ID = frozenset({"districts", "partnerships", "indicator_areas"})
# Rows matched by what they are about (CHILD_KEYS) across offices even where their parent has one id in every file:
# a payment towards a share both offices hold that each recorded (the same day and reference) is one payment.
ONE_ACROSS_OFFICES = frozenset({"dhr_payments"})
# Kept with a conflict about a review's cost line: the office's invoices and payments of the review, held back with
# it (Merger.hold_billing) and put in when the lead keeps the office's cost line (_put_billing).
BILLING_HELD = "billing held"
# A review's billing as held: its invoices, the payments towards them and the invoices a billing again withdrew (or
# closed at what was paid), which count as billed until the day they were withdrawn (the ledger as at a day before).
BILLING_TABLES = ("dhr_shares", "dhr_payments", "dhr_withdrawn_invoices")
# Kept with a conflict about a review's cost line: the office's earlier versions of the line (what it stood at before
# the office corrected it), held back with it (Merger.version_waits) and put in when the lead keeps the office's line:
# beside the county's line they would date another office's correction (the cost as at a day before it).
VERSIONS_HELD = "versions held"


def no_billing() -> dict[str, list[dict]]:
    return {t: [] for t in BILLING_TABLES}

REFERENCE_ID = re.compile(r"^[a-z][a-z0-9_-]*:[a-z0-9][a-z0-9-]*$")  # domain.ids.reference_id
_RANDOM_ID = re.compile(r"^[0-9a-f]{32}$")  # domain.ids.new_id


def _names_tidied(row: dict) -> dict:
    """A reference row with its name's spaces tidied (services.reference holds names so)."""
    name = row.get("name")
    return {**row, "name": tidy_spaces(name)} if isinstance(name, str) else row


def _deterministic_key(key: str) -> bool:
    """A row identified by a deterministic id, or by a composite key naming one and no random id (an
    illustrative mark on a shared catalogue item: ["fund_items", "item:door-chain"]): two offices that
    send it alike hold the same thing."""
    if REFERENCE_ID.match(key):
        return True
    if not key.startswith("["):
        return False
    try:
        parts = [str(p) for p in json.loads(key)]
    except ValueError:
        return False
    return any(REFERENCE_ID.match(p) for p in parts) and not any(_RANDOM_ID.match(p) for p in parts)

CONFLICT_KINDS = KIND_WORDS  # the situations a conflict can be in (county_conflicts.KIND_WORDS)


class ExportRefused(ValueError):
    """A district file that cannot be merged; the message says why, and that nothing was changed."""


class UnregisteredKey(ExportRefused):
    """Signed with a key the county has not registered for the office: the county lead may accept it.

    ``other_offices`` names the offices the key IS registered for (an export signed with another
    office's key)."""

    def __init__(self, message: str, *, path: Path, fingerprint: str, office_id: str, office_name: str,
                 signed_by: str, other_offices: list[str], office_keys: Iterable[str] = ()):
        super().__init__(message)
        self.path, self.fingerprint, self.office_id, self.office_name = path, fingerprint, office_id, office_name
        self.signed_by, self.other_offices = signed_by, other_offices
        self.office_keys = list(office_keys)  # the keys the county has registered for the office (a key changed)


class RestoredFileOffer(ExportRefused):
    """Does not follow on from the office's last export merged, but was made after it, as the export of a backup the
    office restored is: the county lead, having asked the office, may accept it (``accept_restored``)."""

    def __init__(self, message: str, *, path: Path, office_name: str):
        super().__init__(message)
        self.path, self.office_name = path, office_name


@dataclass
class ExportManifest:
    path: Path
    export_id: str
    office_id: str
    office_name: str
    exported_at: str
    exported_by: str
    app_version: str
    migration_steps: list[str]
    tables: list[str]
    row_counts: dict[str, int]
    checksum: str
    include_referrals: bool
    pending_steps: list[tuple[str, str]] = field(default_factory=list)  # an older export: migrated on a copy
    sequence: int = 0
    key_fingerprint: str = ""
    public_key: str = ""
    audit_head_id: int = 0
    audit_head_hash: str = audit.GENESIS
    audit_entries: int = 0
    audit_repairs: int = 0
    protections: list[str] = field(default_factory=list)  # how the file was opened (storage.hostile)
    public_tables: list[str] = field(default_factory=list)  # signed per police.uk force-month (county_schema)
    signature: str = ""  # as verified: the merge checks that it merges this very export
    file_sha256: str = ""  # of the file's bytes when it was checked: the merge takes only these very bytes
    schema_hash: str = ""
    previous_exports: dict[int, str] = field(default_factory=dict)  # the office's earlier exports: number -> id
    # The reviews' notes (county_export.CASE_NOTES) left with the office: blank in the export, not blanked there.
    case_notes_left_out: bool = False
    # The offices whose exports were merged into the file this export was made from: a county file's export.
    merged_offices: tuple[str, ...] = ()
    # An older export's bytes upgraded to this version's layout when it was checked (in memory, as it may hold
    # victim-level rows): what its merge attaches, so that it is upgraded once.
    upgraded: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


@dataclass
class MergeSummary:
    """What one district file did to the county file."""

    file_name: str
    office_name: str
    exported_at: str
    added: int = 0
    replaced: int = 0
    unchanged: int = 0
    removed: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    sequence: int = 0  # the export's number at its office, as signed
    key_fingerprint: str = ""  # the key that signed it (verified against the county's register)
    key_accepted: bool = False  # the key was registered for the office with this merge
    tables: dict[str, dict[str, int]] = field(default_factory=dict)  # table -> added/replaced/removed
    decided: int = 0  # disagreements settled by an earlier decision of the county lead (not raised again)
    public: dict[str, int] = field(default_factory=dict)  # police.uk force-months: added/replaced/same/older
    public_notes: list[str] = field(default_factory=list)  # "Suffolk Constabulary Jan 2025: replaced by …"
    # Other offices' conflicts this file settled: about a row it removed, or now holding their version; and the
    # blanks of the county's own reference data it filled in (a district's first day); and what went from the county
    # because the office's file no longer has it, per kind ("Removed, as …'s file no longer has them: 1 project …").
    conflict_notes: list[str] = field(default_factory=list)
    figures_rebuilt: int = 0  # police.uk figures worked out again from the counts
    merged_before: str = ""  # the same export merged before: when (its first merge's imported_at, UTC)
    merged_before_from: str = ""  # and the file it was merged from then
    still_open: int = 0  # of its conflicts, those open before it between the same two versions (nothing new)
    restored: str = ""  # merged with --accept-restored: what the office's restored backup means for its figures
    not_merged: str = ""  # the office's export numbers between its last one merged and this one, said in words
    dated_before: str = ""  # dated before the office's last export merged, which its audit trail follows: in words

    @property
    def changed(self) -> bool:
        return bool(self.added or self.replaced or self.removed or self.public.get("added")
                    or self.public.get("replaced"))

    @property
    def merged_before_day(self) -> str:
        """The day the same export was merged before, 01/12/2026 (UTC, as the refusals say it); "" if it was not."""
        when = _parse_time(self.merged_before) if self.merged_before else None
        return f"{when:%d/%m/%Y}" if when is not None else ""

    def count(self, table: str, what: str, n: int = 1) -> None:
        per = self.tables.setdefault(table, {})
        per[what] = per.get(what, 0) + n


UNCHANGED = "The county file has not been changed."  # a refusal's last words, true while nothing else went in


# SQLite's own words for a damaged page ("database disk image is malformed", "btreeInitPage() returns error code 11")
# mean nothing to a county lead: what happened and what to do instead.
DAMAGED = ("the file is damaged: parts of it cannot be read (it was spoilt on the way, by a bad copy, disk or "
           "e-mail attachment); ask for it to be sent again")


def _refuse(path: Path, why: str) -> ExportRefused:
    return ExportRefused(f"{path.name} cannot be merged: {why}. {UNCHANGED}")


def refused_beside(why: str, merged: list[str]) -> str:
    """A refusal's words when other files of the same merge went in (merged: their names): the county file has been
    changed, by them; nothing of the refused file was merged."""
    if not merged or not why.endswith(UNCHANGED):
        return why
    went = f"{in_words(merged)} {'was merged and stays' if len(merged) == 1 else 'were merged and stay'}"
    return f"{why[:-len(UNCHANGED)]}Nothing of it was merged; {went} merged."


def _choose_sqlite(path: Path) -> str:
    """What to choose instead of a file that is not an export (the office's .xlsx workbook, most often): the .sqlite
    of the same name beside it when there is one (Export for County… writes either, under the name given)."""
    beside = path.with_suffix(".sqlite")
    if beside != path and beside.is_file() and _is_export(beside):  # not the office's own file of that name
        return (f"choose {beside.name}, beside it, instead: the .sqlite export is the one to merge (the .xlsx workbook "
                "is for reading in Excel)")
    return ("choose the .sqlite export the office makes with File > Export for County… (the .xlsx workbook is for "
            "reading in Excel); ask the office for it if you do not have it")


def _is_export(path: Path) -> bool:
    try:
        return bool(inspect_file(path).export)
    except (OSError, StoreError):
        return False


def _now() -> datetime:
    return datetime.now(timezone.utc)


def read_export(path: Path | str) -> ExportManifest:
    """Check a district file from end to end and return its manifest, or raise ExportRefused.

    Every police.uk force-month is read against its signed digest, those the county already holds from the same
    download too: an edit to them could change nothing at the county, but the file was still changed after it was
    signed, and `check` and `merge` give one verdict on one file.
    """
    path = Path(path)
    if path.is_dir():  # the folder the offices' exports were saved in, say: there to see, so not "no such file"
        raise _refuse(path, "it is a folder, not an export for the county: choose the .sqlite export the office "
                            "made with File > Export for County… in it")
    if not path.is_file():
        raise _refuse(path, "there is no such file")
    size = path.stat().st_size
    with path.open("rb") as fh:
        header = fh.read(100)
    if not header.startswith(SQLITE_HEADER):
        raise _refuse(path, journal_or_packed(path, header, to="merge")
                      or f"it is {what_file_is(path, header)}, not an export for the county: {_choose_sqlite(path)}")
    if len(header) < 100:
        raise _refuse(path, "the file is truncated (it ends inside its header); ask for it to be sent again")
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    pages = int.from_bytes(header[28:32], "big")
    if page_size < 512 or size % page_size or (pages and size < pages * page_size):
        if page_size >= 512 and pages and size > pages * page_size:  # longer than its pages: not cut short
            raise _refuse(path, f"the file has bytes added after its last page ({size:,} bytes of "
                                f"{pages * page_size:,}): it was changed after it was made; "
                                "ask for it to be sent again")
        raise _refuse(path, f"the file is truncated ({size:,} bytes of {pages * page_size:,}); "
                            "ask for it to be sent again")
    with path.open("rb") as fh:
        file_sha256 = hashlib.file_digest(fh, "sha256").hexdigest()
    try:
        conn, protections = open_hostile(path)
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, DAMAGED) from exc
    try:
        manifest = _check_export(path, conn)
        manifest.protections = protections
        manifest.file_sha256 = file_sha256
        _check_laid_out_as_this_version(manifest, conn)
        return manifest
    except sqlite3.DatabaseError as exc:
        raise _refuse(path, DAMAGED) from exc
    finally:
        conn.close()


def _newer_than_this(app_version: str) -> bool:
    """Whether a manifest's program version ("0.3.0") is later than this one's; False when it is not a version."""
    def parts(text: str) -> tuple[int, ...] | None:
        numbers = str(text).strip().split(".")
        return tuple(int(n) for n in numbers) if all(n.isascii() and n.isdigit() for n in numbers) else None

    theirs, ours = parts(app_version), parts(__version__)
    return theirs is not None and ours is not None and theirs > ours


def _format_refusal(version: str, app_version: str) -> str:
    """Why a signed export in another format than this version's is refused, as it is: made by a newer version (the
    same file would come again: install it), or signed as made by this or an older version in a format none of those
    writes, an older format than signed exports use, or a format version that is not one (not made as it says, or
    changed). "A newer version of Safer Desk (0.2.8)" was said of each, naming this very version as newer."""
    changed = "it was not made by Safer Desk as it says, or was changed after it was made"
    if not version.strip():
        return f"its export format version is blank (this version reads format {EXPORT_FORMAT_VERSION}): {changed}"
    if not (version.isascii() and version.isdecimal()) or str(int(version)) != version:
        return (f"its export format “{version}” is not a format version Safer Desk writes (this version reads format "
                f"{EXPORT_FORMAT_VERSION}): {changed}")
    if int(version) < int(EXPORT_FORMAT_VERSION):
        return (f"it says it is in export format {version}, an older format than signed exports use (format "
                f"{EXPORT_FORMAT_VERSION}): {changed}")
    if _newer_than_this(app_version):  # not a damaged manifest: asking the office again would bring the same file
        return (f"it was made by a newer version of Safer Desk ({app_version}), which writes exports in a format this "
                f"version does not read (format {version}); install the newer version at the county first")
    made = f"Safer Desk {app_version}" if app_version.strip() else "a version of Safer Desk it does not name"
    return (f"it is signed as made by {made}, but says it is in export format {version}, which no version of Safer "
            f"Desk up to this one ({__version__}) writes: {changed}")


def _signed_manifest(path: Path, rows: dict[str, str]) -> dict[str, str]:
    """The manifest as signed, after checking the signature and that every row says what was signed."""
    if "signed_statement" not in rows or "signature" not in rows:
        raise _refuse(path, "it is not signed: it was made by a version of Safer Desk from before signed exports, or "
                            f"its signature was removed. Ask the office to export again with Safer Desk {__version__} "
                            "or later")
    statement_text = rows["signed_statement"]
    try:
        signed = json.loads(statement_text)
    except ValueError:
        signed = None
    if not isinstance(signed, dict) or not all(isinstance(k, str) and isinstance(v, str) for k, v in signed.items()):
        raise _refuse(path, "its signed statement is damaged")
    if signed.get("signature_method") != signing.SIGNATURE_METHOD or "public_key" not in signed:
        method = signed.get("signature_method")
        if method and _newer_than_this(signed.get("app_version", "")):
            # Not verified yet (no key this version knows checks it), so "it says": the same file would come again.
            raise _refuse(path, f"it says it was made by a newer version of Safer Desk ({signed['app_version']}), "
                                f"which signs exports in a way this version does not know ({method!r}); install the "
                                "newer version at the county first")
        raise _refuse(path, f"it is signed in a way this version does not know ({method!r})")
    try:
        signing.verify(statement_text.encode("utf-8"), rows["signature"], signed["public_key"])
    except signing.SignatureInvalid:
        raise _refuse(path, "its signature does not match its signed statement: the statement (office, date, "
                            "checksums …) was changed after it was signed") from None
    if signing.public_key_fingerprint(signed["public_key"]) != signed.get("key_fingerprint"):
        raise _refuse(path, "its key id does not belong to the key that signed it")
    if rows.get("export_id") != signed.get("export_id") and rows.get("checksum") != signed.get("checksum"):
        # Another export's statement and signature, moved in whole: said so, not as the first field that differs
        # (its audit trail's length, an edit nobody made).
        raise _refuse(path, f"its signature was made for another export ({signed.get('office_name', '?')}'s export "
                            f"number {signed.get('sequence', '?')}), not for this file: a signature moved from one "
                            "file to another says nothing of it")
    for key, value in sorted(signed.items()):
        if rows.get(key) != value:
            words = FIELD_WORDS.get(key, key.replace("_", " "))
            if key in ("checksum", "table_checksums"):
                raise _refuse(path, f"its {words} was recomputed after it was signed (re-hashed): the rows were "
                                    "changed after export")
            raise _refuse(path, f"its {words} was changed after it was signed (it says {rows.get(key)!r}; "
                                f"it was signed as {value!r})")
    unsigned = sorted(set(rows) - set(signed) - {"signed_statement", "signature"})
    if unsigned:
        raise _refuse(path, f"its manifest has entries that were not signed ({', '.join(unsigned)})")
    return signed


def _parse_time(text: str) -> datetime | None:
    try:
        value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return value if value.tzinfo else value.replace(tzinfo=timezone.utc)


def _verify_public_digests(path: Path, conn: sqlite3.Connection) -> None:
    """Every police.uk force-month's counts against its signed digest (the whole of the public data)."""
    signed = {(r[0], r[1]): (r[2], r[3]) for r in conn.execute(
        f"SELECT force, month, rows, digest FROM {PUBLIC_DIGESTS_TABLE}")}
    found = public_digests(conn)
    empty = EMPTY_PUBLIC_DIGEST
    for key in sorted(set(signed) | set(found)):
        if signed.get(key, empty) != found.get(key, empty):
            raise _refuse(path, _public_edit(key, signed.get(key, empty), found.get(key, empty)))


def _public_edit(key: tuple[str, str], signed: tuple[int, str], found: tuple[int, str]) -> str:
    """Why a force-month's police.uk counts are refused: added, removed or changed after signing."""
    how = "added" if not signed[0] else "removed" if not found[0] else "changed"
    return f"its police.uk counts for {_force_month(*key)} were {how} after it was signed"


# A district holding fewer than 1 in this many of a force's crimes of a month lies outside the force's area (its
# own districts hold far more: Babergh, the smallest of Suffolk's, about 1 in 11 of Suffolk Constabulary's).
OWN_AREA_SHARE = 100


def _force_month(force: str, month: str) -> str:
    """"Suffolk Constabulary Jan 2025"."""
    return f"{force} {month_words(month)}"


def _check_export(path: Path, conn: sqlite3.Connection) -> ExportManifest:
    check = conn.execute("PRAGMA integrity_check").fetchall()  # an index that no longer matches its table too
    if [tuple(r) for r in check] != [("ok",)]:
        raise _refuse(path, DAMAGED)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables or MIGRATIONS_TABLE not in tables:
        raise _refuse(path, "it is an SQLite database but not an export from Safer Desk")
    app = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    if not app or app[0] != APP_ID:
        raise _refuse(path, "it is an SQLite database but not an export from Safer Desk")
    if MANIFEST_TABLE not in tables:
        if IMPORTS_TABLE in tables and conn.execute(f"SELECT 1 FROM {IMPORTS_TABLE} LIMIT 1").fetchone():
            # Not an office's own file: "in the district, use Export for County" would send the lead nowhere.
            raise _refuse(path, "it is a county file (offices' exports have been merged into it), not an export: a "
                                "county file is never merged into another. Merge the exports the offices sent")
        raise _refuse(path, "it is a Safer Desk file but not an export for the county (in the district, use "
                            "File > Export for County… to make one)")
    code = schema_code(conn)
    if code:
        raise _refuse(path, f"it holds {', '.join(code[:3])}{' …' if len(code) > 3 else ''}, which a Safer Desk "
                            "export never does: it was not made by Safer Desk, or was changed after it was made")
    rows = {r[0]: r[1] for r in conn.execute(f"SELECT key, value FROM {MANIFEST_TABLE}").fetchall()}
    if rows.get("format") != EXPORT_FORMAT:
        raise _refuse(path, "its manifest is missing or incomplete")
    m = _signed_manifest(path, rows)
    required = ("format", "format_version", "export_id", "office_id", "office_name", "exported_at", "sequence",
                "migration_steps", "tables", "row_counts", "checksum", "checksum_method", "table_checksums",
                "internal_tables", "internal_checksum", "schema_hash", "include_referrals", "audit_entries",
                "audit_head_id", "audit_head_hash", "key_fingerprint", "public_key")
    missing = [k for k in required if k not in m]
    if missing:
        raise _refuse(path, f"its manifest is missing or incomplete ({', '.join(missing)})")
    if m["format_version"] != EXPORT_FORMAT_VERSION:
        raise _refuse(path, _format_refusal(m["format_version"], m.get("app_version", "")))
    _check_manifest_shape(path, m)
    exported = _parse_time(m["exported_at"])
    if exported is None:
        raise _refuse(path, f"its export date {m['exported_at']!r} is not a date")
    now = _now()
    if exported > now + FUTURE_ALLOWANCE:
        raise _refuse(path, f"it is dated {exported:%d/%m/%Y %H:%M} UTC, more than a day after this computer's clock "
                            f"({now:%d/%m/%Y %H:%M} UTC): an export from the future would shut out that office's real "
                            "exports. Check the date on both computers")
    applied = [(r[0], r[1]) for r in conn.execute(f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY id")]
    # The signed list first: a step added by hand after signing is a changed file, not a newer version's.
    if json.loads(m["migration_steps"]) != [f"{s}/{n}" for s, n in applied]:
        raise _refuse(path, "its list of schema steps does not match its contents (the file was changed after it "
                            "was signed)")
    unknown = set(applied) - known_steps()
    if unknown and not _newer_than_this(m.get("app_version", "")):
        # Signed as this version or an older one: no version up to this one made that step.
        raise _refuse(path, f"it is signed as made by Safer Desk {m.get('app_version', '?')}, but its file layout "
                            f"has {counted(len(unknown), 'change')} no version of Safer Desk up to this one "
                            f"({__version__}) makes: it was not made by Safer Desk as it says, or was changed")
    if unknown:
        raise _refuse(path, f"it was made by a newer version of Safer Desk ({m.get('app_version', '?')}) whose "
                            f"file layout this version does not know ({counted(len(unknown), 'change')}); install "
                            "the newer version at the county first")
    if schema_hash(conn, [MANIFEST_TABLE]) != m["schema_hash"]:
        raise _refuse(path, "its tables were changed after it was signed (its schema does not match)")
    if m["checksum_method"] != CHECKSUM_METHOD:
        if _newer_than_this(m.get("app_version", "")):  # the same file would come again: the county needs that version
            raise _refuse(path, f"it was made by a newer version of Safer Desk ({m['app_version']}), whose checksum "
                                f"method ({m['checksum_method']!r}) this version does not know; install the newer "
                                "version at the county first")
        raise _refuse(path, f"its checksum method {m['checksum_method']!r} is unknown")
    listed = json.loads(m["tables"])
    if sorted(listed) != data_tables(conn):
        raise _refuse(path, "its tables do not match its manifest (the file was changed after it was signed)")
    counts = json.loads(m["row_counts"])
    actual_counts = row_counts(conn, listed)
    for table in sorted(set(counts) | set(actual_counts)):
        if counts.get(table) != actual_counts.get(table):
            raise _refuse(path, f"rows were added to or removed from {table} after it was signed "
                                f"({counts.get(table, 0):,} signed, {actual_counts.get(table, 0):,} now)")
    total, per_table = content_checksums(conn, listed, actual_counts)
    signed_tables = json.loads(m["table_checksums"])
    for table in sorted(per_table):
        if signed_tables.get(table) != per_table[table]:
            raise _refuse(path, f"values in {table} were changed after it was signed")
    if total != m["checksum"]:
        raise _refuse(path, "its checksum does not match its contents (the file was changed after export "
                            "or damaged on the way)")
    internal = json.loads(m["internal_tables"])
    present_internal = sorted(t for t in tables if not t.startswith("sqlite_") and t not in set(listed)
                              and t != MANIFEST_TABLE)
    by_digest = json.loads(m.get("public_tables", "[]"))
    if not set(by_digest) <= {POLICE_COUNTS} or (by_digest and PUBLIC_DIGESTS_TABLE not in internal):
        raise _refuse(path, f"its public tables {by_digest} are not signed in a way this version knows")
    if sorted(internal) != present_internal or \
            content_checksum(conn, [t for t in internal if t not in by_digest]) != m["internal_checksum"]:
        raise _refuse(path, "its internal tables (office details, schema steps, audit chain, police.uk vintages) "
                            "were changed after it was signed")
    if by_digest:
        # Read before the digests: a newer version's digests made another way are not counts "changed after signing".
        digest_method = m.get("public_digest_method", PUBLIC_DIGEST_METHOD)
        if digest_method != PUBLIC_DIGEST_METHOD:
            if _newer_than_this(m.get("app_version", "")):
                raise _refuse(path, f"it was made by a newer version of Safer Desk ({m['app_version']}), whose method "
                                    f"of signing the police.uk counts ({digest_method!r}) this version does not know; "
                                    "install the newer version at the county first")
            raise _refuse(path, f"its method of signing the police.uk counts ({digest_method!r}) is unknown")
        _verify_public_digests(path, conn)
    include = m["include_referrals"] == "yes"
    if not include:
        from safer_desk.storage.schema import costs as costs_schema

        held = [t for t in costs_schema.PRIVATE_TABLES if actual_counts.get(t)]
        if held:
            raise _refuse(path, f"it holds individual referrals ({', '.join(held)}) although it says they were left out")
    head_id, head_hash = int(m["audit_head_id"]), m["audit_head_hash"]
    chain_rows = conn.execute(f"SELECT id, digest, hash FROM {CHAIN_TABLE} ORDER BY id") \
        if CHAIN_TABLE in tables else iter(())
    entries, head, problem = audit_chain.verify_shipped_chain(tuple(r) for r in chain_rows)
    got = (head.id, head.hash) if head else (0, audit.GENESIS)
    if problem or entries != int(m["audit_entries"]) or got != (head_id, head_hash):
        raise _refuse(path, "its audit chain does not lead to the head that was signed"
                            + (f" ({problem})" if problem else ""))
    pending = sorted(known_steps() - set(applied))
    return ExportManifest(path, m["export_id"], m["office_id"], m["office_name"], m["exported_at"],
                          m.get("exported_by", ""), m.get("app_version", ""), json.loads(m["migration_steps"]),
                          listed, counts, m["checksum"], include, pending, int(m["sequence"]), m["key_fingerprint"],
                          m["public_key"], head_id, head_hash, entries, int(m.get("audit_repairs", "0") or 0),
                          public_tables=by_digest, signature=rows["signature"], schema_hash=m["schema_hash"],
                          previous_exports=_previous_exports(path, m.get("previous_exports")),
                          case_notes_left_out=not include and "case_notes_left_out" in m,
                          merged_offices=_merged_offices(path, m.get("merged_offices")))


def _merged_offices(path: Path, text: str | None) -> tuple[str, ...]:
    """The offices a county file's export names as merged into it (none for an office's own export)."""
    if text is None:
        return ()
    try:
        names = json.loads(text)
    except ValueError:
        names = None
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise _refuse(path, "its manifest is damaged (it gives the offices merged into it as something other than a "
                            "list of names)")
    return tuple(names)


# Signed manifest fields and what each must hold: a whole number, a JSON list of names, or a JSON object of them.
_NUMBER_FIELDS = ("sequence", "audit_head_id", "audit_entries", "audit_repairs")
_LIST_FIELDS = ("migration_steps", "tables", "internal_tables", "public_tables")
_MAPPING_FIELDS = {"row_counts": int, "table_checksums": str}
_WHOLE_NUMBER = re.compile(r"[0-9]{1,18}")


def _check_manifest_shape(path: Path, m: dict[str, str]) -> None:
    """Refuse a signed manifest whose numbers are not whole numbers or whose lists are not lists of names: anyone
    can sign a file with a key of their own, and the manifest is read before the key is looked up."""
    def wrong(key: str) -> ExportRefused:
        return _refuse(path, f"its manifest is damaged (it gives its {FIELD_WORDS.get(key, key.replace('_', ' '))} "
                             f"as {m[key][:40]!r})")

    for key in _NUMBER_FIELDS:
        if key in m and not _WHOLE_NUMBER.fullmatch(m[key]) and not (key == "audit_repairs" and m[key] == ""):
            raise wrong(key)
    for key in (*_LIST_FIELDS, *_MAPPING_FIELDS):
        if key not in m:
            continue
        try:
            value = json.loads(m[key])
        except ValueError:
            raise wrong(key) from None
        if key in _MAPPING_FIELDS:
            kind = _MAPPING_FIELDS[key]
            good = isinstance(value, dict) and all(type(v) is kind for v in value.values())
        else:
            good = isinstance(value, list) and all(isinstance(v, str) for v in value)
        if not good:
            raise wrong(key)


def _previous_exports(path: Path, text: str | None) -> dict[int, str]:
    """The office's earlier exports as the export states them (signed); none from an export made before they
    were stated."""
    if not text:
        return {}
    try:
        return {int(n): str(export_id) for n, export_id in json.loads(text)}
    except (ValueError, TypeError):
        raise _refuse(path, "its list of the office's earlier exports is not readable") from None


# -- the county's register of keys, and the checks against it ------------------------------------------------
@dataclass(frozen=True)
class RegisteredKey:
    fingerprint: str
    office_id: str
    office_name: str
    public_key: str
    first_signed_by: str
    accepted_at: str
    accepted_by: str
    withdrawn_at: str | None
    withdrawn_by: str | None
    withdrawn_reason: str

    @property
    def active(self) -> bool:
        return self.withdrawn_at is None


def registered_keys(conn: sqlite3.Connection, fingerprint: str | None = None) -> list[RegisteredKey]:
    sql = f"SELECT * FROM {KEYS_TABLE}" + (" WHERE fingerprint = ?" if fingerprint else "") + \
        " ORDER BY office_name, accepted_at"
    return [RegisteredKey(*tuple(r)) for r in conn.execute(sql, (fingerprint,) if fingerprint else ())]


def _key_events(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str, str, dict[str, Any], int]]:
    """Each (fingerprint, office id)'s last key event in the audit trail: (what, at, who, details, entry id). The
    register is the county's own bookkeeping, which no row trigger records: its acceptances and withdrawals are
    recorded as these events, in the hash-chained trail."""
    try:
        rows = conn.execute("SELECT id, at, who, column_name, new_value FROM audit_log WHERE table_name = ? AND "
                            "action = 'event' AND column_name IN ('key accepted', 'key withdrawn') ORDER BY id",
                            (KEYS_TABLE,)).fetchall()
    except sqlite3.Error:  # no trail (an export's copy): nothing to hold the register against
        return {}
    last: dict[tuple[str, str], tuple[str, str, str, dict[str, Any], int]] = {}
    for entry_id, at, who, what, value in rows:
        try:
            details = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            details = {}
        if not isinstance(details, dict):
            details = {}
        fp = signing.normal_fingerprint(str(details.get("fingerprint") or ""))
        if fp:
            last[(fp, str(details.get("office_id") or ""))] = (str(what), str(at), str(who), details, int(entry_id))
    return last


def key_register_disagreements(conn: sqlite3.Connection) -> list[tuple[RegisteredKey | None, str]]:
    """Where the register of keys and the audit trail's key events disagree (a key accepted, withdrawn, put back or
    removed with another tool), each said in words: what `check` reports. [] when they agree."""
    events = _key_events(conn)
    found: list[tuple[RegisteredKey | None, str]] = []
    held = set()
    for k in registered_keys(conn):
        held.add((k.fingerprint, k.office_id))
        event = events.get((k.fingerprint, k.office_id))
        said = f"signing key {k.fingerprint} of {k.office_name}"
        if event is None:
            found.append((k, f"{said} is in the register of keys, but the audit trail has no record of its being "
                             "accepted: it was put into the file outside Safer Desk, and exports signed with it are "
                             "refused as signed with an unregistered key"))
        elif event[0] == "key withdrawn" and k.active:
            found.append((k, f"{said} is active in the register of keys, but the audit trail records it withdrawn "
                             f"(entry {event[4]}, {clock_words(event[1])}): the register was changed outside Safer "
                             "Desk, and exports signed with it are refused as the trail says (safer-desk keys "
                             f'COUNTY_FILE --withdraw "{k.fingerprint}" records its withdrawal again)'))
        elif event[0] == "key accepted" and not k.active:
            found.append((k, f"{said} is withdrawn in the register of keys, but the audit trail does not record its "
                             "withdrawal: the register was changed outside Safer Desk (exports signed with it are "
                             "refused)"))
    for (fp, office_id), (what, at, _, details, entry_id) in events.items():
        if (fp, office_id) not in held:
            state = "withdrawn" if what == "key withdrawn" else "accepted"
            found.append((None, f"signing key {fp} of {details.get('office') or 'an office'} is in the audit trail "
                                f"({state}, entry {entry_id}) but no longer in the register of keys: it was removed "
                                "outside Safer Desk"))
    return found


def trusted_keys(conn: sqlite3.Connection, fingerprint: str) -> list[RegisteredKey]:
    """The register's keys of this fingerprint as the audit trail records them: one accepted with no record in the
    trail is not trusted, and one the trail records withdrawn stays withdrawn (or, removed from the register, comes
    back as withdrawn), whatever another tool has since written into the register."""
    events = _key_events(conn)  # (every key was recorded accepted in the trail since the register was made)
    keys = []
    held = set()
    for k in registered_keys(conn, fingerprint):
        held.add(k.office_id)
        event = events.get((k.fingerprint, k.office_id))
        if event is None:
            continue
        what, at, who, details, _ = event
        if what == "key withdrawn" and k.active:
            k = replace(k, withdrawn_at=at, withdrawn_by=who, withdrawn_reason=str(details.get("reason") or ""))
        keys.append(k)
    for (fp, office_id), (what, at, who, details, _) in events.items():
        if fp == fingerprint and office_id not in held and what == "key withdrawn":
            keys.append(RegisteredKey(fp, office_id, str(details.get("office") or ""), "", "", at, who, at, who,
                                      str(details.get("reason") or "")))
    return keys


KEY_REGISTER_REPAIR_LABEL = "Repair the register of signing keys"


def _keys_accepted(conn: sqlite3.Connection) -> dict[tuple[str, str], tuple[str, str, dict[str, Any]]]:
    """Each (fingerprint, office id)'s last 'key accepted' event in the trail: (at, who, details)."""
    accepted: dict[tuple[str, str], tuple[str, str, dict[str, Any]]] = {}
    for at, who, value in conn.execute("SELECT at, who, new_value FROM audit_log WHERE table_name = ? AND action = "
                                       "'event' AND column_name = 'key accepted' ORDER BY id", (KEYS_TABLE,)):
        try:
            details = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            continue
        if isinstance(details, dict) and (fp := signing.normal_fingerprint(str(details.get("fingerprint") or ""))):
            accepted[(fp, str(details.get("office_id") or ""))] = (str(at), str(who), details)
    return accepted


def mend_key_register(conn: sqlite3.Connection) -> list[str]:
    """Put the register of keys back as the audit trail's key events record it (inside the caller's transaction, the
    trail whole), each change said in words; [] when they agree (``key_register_disagreements``). A key withdrawn in
    the register with another tool stays withdrawn, its withdrawal recorded now: a repair never puts a key back in
    service. The public key of a key taken out is not in the trail: it is put back without it (only its
    fingerprint is ever compared)."""
    events, accepted = _key_events(conn), _keys_accepted(conn)
    done: list[str] = []
    held = set()
    with audit.user_action(KEY_REGISTER_REPAIR_LABEL):
        for k in registered_keys(conn):
            held.add((k.fingerprint, k.office_id))
            event = events.get((k.fingerprint, k.office_id))
            said = f"signing key {k.fingerprint} of {k.office_name}"
            if event is None:
                conn.execute(f"DELETE FROM {KEYS_TABLE} WHERE fingerprint = ? AND office_id = ?",
                             (k.fingerprint, k.office_id))
                done.append(f"{said}, put into the register outside Safer Desk (the audit trail has no record of its "
                            "being accepted), is taken out of it")
            elif event[0] == "key withdrawn" and k.active:
                _, at, who, details, entry_id = event
                reason = str(details.get("reason") or "")
                conn.execute(f"UPDATE {KEYS_TABLE} SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? "
                             "WHERE fingerprint = ? AND office_id = ?", (at, who, reason, k.fingerprint, k.office_id))
                done.append(f"{said} is withdrawn again, as the audit trail records it (entry {entry_id}, "
                            f"{clock_words(at)}, by {who}{f': {reason}' if reason else ''}): it had been put back in "
                            "service outside Safer Desk")
            elif event[0] == "key accepted" and not k.active:
                audit.record_event(conn, KEYS_TABLE, k.fingerprint, "key withdrawn", {
                    "office": k.office_name, "office_id": k.office_id, "fingerprint": k.fingerprint,
                    "reason": k.withdrawn_reason, "found": "withdrawn in the register outside Safer Desk",
                    "withdrawn_at": k.withdrawn_at, "withdrawn_by": k.withdrawn_by})
                done.append(f"{said}, withdrawn in the register outside Safer Desk, stays withdrawn: its withdrawal is "
                            "now recorded in the audit trail (a repair never puts a key back in service)")
        for (fp, office_id), (what, at, who, details, entry_id) in events.items():
            if (fp, office_id) in held:
                continue
            office = latest_office_name(conn, office_id) or str(details.get("office") or "")
            accepted_at, accepted_by, first = accepted.get((fp, office_id), (at, who, details))
            withdrawn = what == "key withdrawn"
            conn.execute(
                f"INSERT INTO {KEYS_TABLE}(fingerprint, office_id, office_name, public_key, first_signed_by, "
                "accepted_at, accepted_by, withdrawn_at, withdrawn_by, withdrawn_reason) VALUES (?, ?, ?, '', ?, ?, ?, "
                "?, ?, ?)", (fp, office_id, office, str(first.get("first_signed_by") or ""), accepted_at, accepted_by,
                             at if withdrawn else None, who if withdrawn else None,
                             str(details.get("reason") or "") if withdrawn else ""))
            state = (f"withdrawn {clock_words(at)}" + (f": {details.get('reason')}" if details.get("reason") else "")
                     if withdrawn else f"accepted {clock_words(accepted_at)}")
            done.append(f"signing key {fp} of {office or 'an office'}, taken out of the register outside Safer Desk, "
                        f"is put back as the audit trail records it ({state}, entry {entry_id})")
        if done:
            audit.record_event(conn, KEYS_TABLE, None, "register repaired", {"changes": done})
    return done


def merges_gone_from_record(conn: sqlite3.Connection, office_id: str | None = None) -> list[str]:
    """The merges the audit trail records (one batch entry each, with the export's id and number) that the county's
    record of merges (``_county_imports``, which no row trigger records) no longer holds, or holds as another number,
    each in words: removed with another tool, an older export of that office would no longer be refused as older.
    office_id: that office's alone."""
    return [fault.words for fault in merge_record_faults(conn, office_id)]


@dataclass(frozen=True)
class MergeRecordFault:
    """A merge the audit trail records that the county's record of merges no longer holds (held_as None) or holds as
    another export number (held_as)."""

    export_id: str
    number: int | None  # the export's number, as the trail records it
    held_as: int | None
    said: str  # "Babergh office's export number 3, merged 07/12/2026 23:15 (audit trail entry 812)"
    file_name: str = ""  # the file it was merged from, as the trail records it

    @property
    def words(self) -> str:
        if self.held_as is None:
            return (f"the county's record of its merges no longer holds {self.said}: it was removed outside Safer "
                    "Desk")
        return (f"the county's record of its merges holds {self.said} as export number {self.held_as}: it was "
                "changed outside Safer Desk")


def merge_record_faults(conn: sqlite3.Connection, office_id: str | None = None) -> list[MergeRecordFault]:
    """``merges_gone_from_record``, each as what is wrong (for `check --repair`: a number changed is put back as the
    trail records it; a merge removed cannot be, ``MERGE_NOT_PUT_BACK``)."""
    try:
        rows = conn.execute("SELECT id, at, new_value FROM audit_log WHERE table_name = 'batch' AND action = 'batch' "
                            "AND column_name LIKE 'Merge %' ORDER BY id").fetchall()
        held = {r[0]: r[1] for r in conn.execute(f"SELECT export_id, sequence FROM {IMPORTS_TABLE}")}
    except sqlite3.Error:  # no trail, or no record of merges: nothing to hold one against the other
        return []
    found = []
    for entry_id, at, value in rows:
        try:
            details = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            continue
        if not isinstance(details, dict) or not details.get("export_id"):
            continue
        if office_id is not None and details.get("office_id") != office_id:
            continue
        export_id, number = str(details["export_id"]), details.get("export_number")
        office = details.get("office") or "an office"
        said = f"{office}'s export number {number}, merged {clock_words(at)} (audit trail entry {entry_id})"
        if export_id not in held:
            found.append(MergeRecordFault(export_id, number, None, said, str(details.get("source") or "")))
        elif number is not None and held[export_id] is not None and held[export_id] != number:
            found.append(MergeRecordFault(export_id, number, held[export_id], said))
    return found


# Why `check --repair` does not put back a merge removed from the county's record of merges (said with it).
MERGE_NOT_PUT_BACK = ("--repair alone cannot put it back: the audit trail records which export was merged and its "
                      "number, but not what that office's next export is checked against (the head of the office's "
                      "audit trail the export carried, when it was made, its checksum), and a record made up without "
                      "them would let an export that does not follow on go in")
MERGE_BACKUP_WAY = ("Go back to a backup of the county file made before it was removed, then merge again the exports "
                    "merged since")

MERGE_RECORD_REPAIR_LABEL = "Repair the county's record of its merges"


def mend_merge_numbers(conn: sqlite3.Connection) -> list[str]:
    """Put back, as the audit trail records it, the export number of each merge the county's record of merges holds
    as another number (inside the caller's transaction, the trail whole), each change said in words and recorded in
    the trail; [] when there is none. Only the number changes: the rest of the record is what the merge wrote, and
    a merge removed from the record is left to a backup (``MERGE_NOT_PUT_BACK``)."""
    done = []
    with audit.user_action(MERGE_RECORD_REPAIR_LABEL):
        for fault in merge_record_faults(conn):
            if fault.held_as is None or fault.number is None:
                continue
            conn.execute(f"UPDATE {IMPORTS_TABLE} SET sequence = ? WHERE export_id = ?",
                         (fault.number, fault.export_id))
            done.append(f"{fault.said}, held in the county's record of its merges as export number {fault.held_as}, "
                        f"is put back as number {fault.number}, as the audit trail records it")
        if done:
            audit.record_event(conn, IMPORTS_TABLE, None, "record of merges repaired", {"changes": done})
    return done


MERGE_RECORD_REBUILD_LABEL = "Rebuild the county's record of a merge from its export"


@dataclass(frozen=True)
class MergeRecordRebuild:
    """A merge removed from the county's record of merges, rebuilt from the very export merged: the export's own
    fields from its signed manifest, the merge's (when, by whom, from which file, what it did) from its trail entry."""

    row: dict[str, Any]
    said: str  # as MergeRecordFault.said


def merge_record_rebuild(conn: sqlite3.Connection, manifest: ExportManifest) -> MergeRecordRebuild | str:
    """The record of merge to put back from this export (read by ``read_export``: its signature checked), or why not,
    in words: the file must be the export the audit trail records merged (its id, number, office, signing key and
    very bytes, as the merge's entry holds them) whose record was removed, and the county's number for that merge
    must be told from the file (the order of the merges in the trail, or the rows that came from it)."""
    m = manifest
    removed = [f for f in merge_record_faults(conn) if f.held_as is None]
    if not removed:
        return ("the county's record of its merges misses no merge the audit trail records, so there is nothing for "
                "--export to rebuild")
    fault = next((f for f in removed if f.export_id == m.export_id), None)
    if fault is None:
        missing = in_words([f.said for f in removed])
        return (f"it is not an export missing from the county's record of its merges ({m.office_name}'s export "
                f"number {m.sequence}); what is missing is {missing}: give that export's file")
    entries = []
    for entry_id, at, who, source_hash, value in conn.execute(
            "SELECT id, at, who, row_id, new_value FROM audit_log WHERE table_name = 'batch' AND action = 'batch' "
            "AND column_name LIKE 'Merge %' ORDER BY id"):
        try:
            details = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            continue
        if isinstance(details, dict) and details.get("export_id"):
            entries.append((entry_id, at, who, source_hash, details))
    entry_id, at, who, source_hash, details = next(e for e in entries if e[4]["export_id"] == m.export_id)
    differs = [what for what, same in (
        ("its number", details.get("export_number") == m.sequence),
        ("its office", details.get("office_id") == m.office_id),
        ("its signing key", details.get("key_fingerprint") in (None, m.key_fingerprint)),
        ("its contents (the file's SHA-256)", source_hash == m.file_sha256)) if not same]
    if differs:
        return (f"it gives the id of {fault.said}, but not {in_words(differs)} as the audit trail records them: it is "
                f"not the file that was merged (from {details.get('source') or 'a file not named'}), so the record "
                "is not rebuilt from it. Find the file the office sent then (the county's copy of it, or ask the "
                "office for it: it is kept in their exports folder)")
    number = _merge_number(conn, [e[4]["export_id"] for e in entries], m.export_id)
    if number is None:
        return (f"the county's own number for that merge (which the rows it brought point at) cannot be told from "
                f"the file, so the record is not rebuilt. {MERGE_BACKUP_WAY}")
    tables = details.get("tables") if isinstance(details.get("tables"), dict) else {}
    figures = details.get("figures") if isinstance(details.get("figures"), dict) else None

    def total(what: str) -> int:  # as the merge counted it (a merge before s76: its table counts, unchanged not kept)
        if figures is not None:
            return int(figures.get(what) or 0)
        return sum(int(n.get(what) or 0) for n in tables.values() if isinstance(n, dict))

    try:  # the trail's time of the merge (it commits a moment after the record was made), as the record writes it
        merged_at = datetime.fromisoformat(str(at).replace("Z", "+00:00")).isoformat(timespec="microseconds")
    except ValueError:
        merged_at = str(at)

    row = {"export_id": m.export_id, "office_id": m.office_id, "office_name": m.office_name,
           "exported_at": m.exported_at, "exported_by": m.exported_by, "checksum": m.checksum,
           "include_referrals": int(m.include_referrals), "file_name": str(details.get("source") or m.path.name),
           "imported_at": merged_at, "imported_by": who, "sequence": m.sequence, "key_fingerprint": m.key_fingerprint,
           "audit_head_id": m.audit_head_id, "audit_head_hash": m.audit_head_hash, "number": number,
           "added": total("added"), "replaced": total("replaced"), "unchanged": total("unchanged"),
           "removed": total("removed"), "conflicts": int(details.get("conflicts") or 0)}
    return MergeRecordRebuild(row, fault.said)


def _merge_number(conn: sqlite3.Connection, merged: list[str], export_id: str) -> int | None:
    """The county's number for a merge removed from its record: each export's first merge took the next number, in
    the trail's order, so its place in that order, when every merge still recorded agrees with it and no other merge
    holds it (and the rows that came from a merge, if they point at a number no record holds, point at that)."""
    order: list[str] = []
    for e in merged:
        if e not in order:
            order.append(e)
    held = {r[0]: r[1] for r in conn.execute(f"SELECT export_id, number FROM {IMPORTS_TABLE}")}
    place = order.index(export_id) + 1
    agrees = all(held.get(e) in (None, i + 1) for i, e in enumerate(order) if e in held)
    if len(held) + 1 > len(order) or place in held.values():
        agrees = False  # merges recorded that the trail does not: the order is not the whole story
    orphans = {r[0] for r in conn.execute(f"SELECT DISTINCT import_number FROM {ORIGINS_TABLE}")} - set(held.values())
    if agrees and (not orphans or orphans == {place}):
        return place
    return None


def rebuild_merge_record(conn: sqlite3.Connection, manifest: ExportManifest) -> list[str]:
    """Put back the county's record of a merge removed with another tool, from the very export merged (inside the
    caller's transaction, the trail whole; ``merge_record_rebuild`` says why not), recorded in the trail. Raises
    ValueError with the words when it cannot be."""
    found = merge_record_rebuild(conn, manifest)
    if isinstance(found, str):
        raise ValueError(found)
    row = found.row
    with audit.user_action(MERGE_RECORD_REBUILD_LABEL):
        conn.execute(f"INSERT INTO {IMPORTS_TABLE}({', '.join(row)}) VALUES ({', '.join('?' * len(row))})",
                     list(row.values()))
        done = [f"{found.said}, removed from the county's record of its merges, is put back from its export "
                f"{manifest.path.name} (its signature, number, office and contents as the audit trail records them)"]
        audit.record_event(conn, IMPORTS_TABLE, manifest.export_id, "record of a merge rebuilt",
                           {"changes": done, "export_number": manifest.sequence, "office_id": manifest.office_id,
                            "number": row["number"]})
    return done


def last_import(conn: sqlite3.Connection, office_id: str) -> sqlite3.Row | None:
    cursor = conn.execute(
        f"SELECT export_id, sequence, exported_at, imported_at, audit_head_id, audit_head_hash, office_name "
        f"FROM {IMPORTS_TABLE} "
        # The latest merged: numbers follow the exports' own, except after an export of a restored file accepted
        # (--accept-restored), whose line the office's later exports follow (imports before numbering: by sequence).
        "WHERE office_id = ? AND sequence IS NOT NULL ORDER BY number IS NULL, number DESC, sequence DESC LIMIT 1",
        (office_id,))
    cursor.row_factory = sqlite3.Row
    return cursor.fetchone()


AcceptedKey = str | tuple[str, str]  # a fingerprint, or (fingerprint, office id): accepted for that office alone


def accepted_for(accept_keys: Iterable[AcceptedKey], fingerprint: str, office_id: str) -> bool:
    """Whether the county lead accepted this key for this office: (fingerprint, office id) names the office; a bare
    fingerprint is accepted for the office of the one file checked (``services.county`` gives each bare fingerprint
    of a merge of several files one office before the files are checked)."""
    for k in accept_keys:
        fp, office = (k, office_id) if isinstance(k, str) else k
        if office == office_id and signing.normal_fingerprint(fp) == fingerprint:
            return True
    return False


def withdrawal_words(k: RegisteredKey) -> str:
    """"withdrawn for Babergh office on 30/11/2026 by J Smith (laptop stolen)"."""
    reason = f" ({k.withdrawn_reason})" if k.withdrawn_reason else ""
    when = _parse_time(k.withdrawn_at or "")
    day = f"{when.astimezone():%d/%m/%Y}" if when else k.withdrawn_at  # on the computer's clock
    return f"withdrawn for {k.office_name} on {day} by {k.withdrawn_by}{reason}"


def verify_for_county(county: Store | None, manifest: ExportManifest, accept_keys: Iterable[AcceptedKey] = (), *,
                      signing_in_merge: Iterable[tuple[str, str, str]] = (), accept_restored: bool = False) -> bool:
    """Check a verified export against the county's register and history; True when its key is to be registered.

    county None: a county file not made yet (an empty register). accept_keys: the keys the county lead accepted
    (``accepted_for``). signing_in_merge: the other offices whose files in the same merge are signed with this key
    and take it, as (office id, office name, file name) (said in the refusal as the key of another office). Raises
    ExportRefused (UnregisteredKey for a key the county lead may accept). Reads only.

    A key withdrawn for any office is refused for every office, accepted or not: a withdrawal is of the key (a
    stolen laptop signs for whichever office its thief names).
    """
    path, m = manifest.path, manifest
    if county is not None and m.office_id == county.office_id:
        raise _refuse(path, "it was exported from this very file")
    keys = trusted_keys(county.conn, m.key_fingerprint) if county is not None else []
    withdrawn = [k for k in keys if not k.active]
    if withdrawn:
        k = next((k for k in withdrawn if k.office_id == m.office_id), withdrawn[0])
        claim = "it is" if k.office_id == m.office_id else f"it says it is from {m.office_name} and is"
        # Asked to accept it for its own office (just confirmed by phone): said, or the lead cannot tell the option
        # was read. (A file of another office signed with it is a forgery's: nothing to add.)
        asked = k.office_id == m.office_id and any((a if isinstance(a, str) else a[0]) == m.key_fingerprint
                                                   for a in accept_keys)
        again = ("; accepting it again does not bring a withdrawn key back: the office's exports need a new key, "
                 "confirmed by phone as any new one") if asked else ""
        raise _refuse(path, f"{claim} signed with a key that was {withdrawal_words(k)} (fingerprint "
                            f"{m.key_fingerprint}); every export signed with it is refused, whichever office it says "
                            f"it is from{again}")
    if m.merged_offices:
        # Merged into another county file, every row of it would come from the county team, not from the office that
        # sent it (its provenance, conflicts and decisions not carried): a county file takes the offices' exports.
        shown = in_words(list(m.merged_offices[:4]) + ([f"{len(m.merged_offices) - 4} more"]
                                                       if len(m.merged_offices) > 4 else []))
        raise _refuse(path, f"it is an export of a county file ({m.office_name}, merged from {shown}): a county file "
                            "takes the offices' own exports, so that each row keeps the office it came from. Merge "
                            "the exports those offices sent")
    mine = [k for k in keys if k.office_id == m.office_id]
    register = False
    if not mine:
        # Offices are told apart by id: the three demo offices share one name, and "signed with the key of
        # Example office … not registered for Example office" reads as nonsense.
        registered = {k.office_id: k.office_name for k in keys if k.office_id != m.office_id}
        in_merge = {o[0]: o for o in signing_in_merge if o[0] not in registered and o[0] != m.office_id}
        # Names alike but for capitals or spaces ("BABERGH OFFICE", a file made again) read as the same office too.
        def alike(name: str) -> bool:
            return " ".join(name.split()).casefold() == " ".join(m.office_name.split()).casefold()

        same_name = any(alike(name) for name in registered.values()) or any(alike(o[1]) for o in in_merge.values())
        this = f"the office of {path.name}" if same_name else m.office_name

        def who(name: str, file_name: str = "") -> str:
            if not alike(name):
                return name
            return "another office of that name" + (f", whose file {file_name} is in this same merge" if file_name
                                                    else " (registered at the county)")

        others = sorted({who(name) for name in registered.values()}) + sorted(
            {who(o[1], o[2]) for o in in_merge.values()})
        if not accepted_for(accept_keys, m.key_fingerprint, m.office_id):
            office_keys: list[str] = []  # the keys registered for the office itself: said when it has any
            if others:
                senders = sorted({o[1] for o in in_merge.values() if not alike(o[1])})
                also = "".join([
                    f"; {', '.join(senders)} {'send files' if len(senders) > 1 else 'sends a file'} signed with it "
                    "in this same merge" if senders else "",
                    f"{', and' if senders else ';'} one accepted key is registered for one office at a time"
                    if in_merge else ""])
                # Its own file on its own: the one office of that command a bare --accept-key is for.
                alone = f"{path.name} on its own" if same_name else f"{m.office_name}'s files on their own"
                why = (f"it says it is from {m.office_name} but is signed with the key of {', '.join(others)} "
                       f"(fingerprint {m.key_fingerprint}{also}), which is not registered for {this}: an "
                       "export signed with another office's key is refused. Only if "
                       f"{this} confirms this fingerprint by phone as its own officer's may it be accepted "
                       f'(in the window, or by merging {alone} with --accept-key "{m.key_fingerprint}")')
            else:
                # The office's own registered keys, said: a file from an office the county knows, signed with another
                # key, is a new officer or laptop, or a forged file, and the lead should know which question to ask.
                office_keys = [k.fingerprint for k in registered_keys(county.conn)
                               if k.office_id == m.office_id and k.active] if county is not None else []
                before = (f"; {m.office_name}'s files have been signed until now with "
                          f"{'key' if len(office_keys) == 1 else 'keys'} {', '.join(office_keys)}"
                          if office_keys else "")
                why = (f"it is signed with a key the county has not registered for {m.office_name} (fingerprint "
                       f"{m.key_fingerprint}, signed by {m.exported_by or 'an unnamed officer'}{before}). Confirm the "
                       f"fingerprint with {m.office_name} by phone, then accept it (in the window, or merge again "
                       f'with --accept-key "{m.key_fingerprint}")')
                if county is not None and not office_keys:
                    why += _namesake_words(county.conn, m, alike)
            raise UnregisteredKey(_refuse(path, why).args[0], path=path, fingerprint=m.key_fingerprint,
                                  office_id=m.office_id, office_name=m.office_name, signed_by=m.exported_by,
                                  other_offices=others, office_keys=office_keys)
        register = True
    if county is not None:
        _same_export_as_merged(county.conn, manifest)
    if county is not None:
        faults = merge_record_faults(county.conn, m.office_id)
        if faults:  # the record an older export is refused by was changed: the trail says what was merged
            this = next((f for f in faults if f.export_id == m.export_id and f.held_as is None), None)
            if this is not None:  # merged again, it would be merged as new: its record is rebuilt from it instead
                raise _refuse(path, f"{this.words}; this file is that export. Merging it again would not put the "
                                    "record back as it was: rebuild it from this file with safer-desk check "
                                    f'"{county.path}" --repair --export "{path}"')
            raise _refuse(path, f"{faults[0].words}, so whether this export follows on from the ones merged cannot be "
                                f"told. Run safer-desk check on the county file and talk to whoever looks after "
                                "Safer Desk for you")
    last = last_import(county.conn, m.office_id) if county is not None else None
    why = _not_following_on(path, m, last) if last is not None and last["export_id"] != m.export_id else ""
    stale = _trail_not_past(m, last) if last is not None and not why and last["export_id"] != m.export_id else ""
    if stale:  # never offered as a restored file's: a restored file's exports take numbers merged already
        raise _refuse(path, stale)
    if accept_restored:
        _restored_acceptable(county, m, last, why)
    elif why:
        made, this = _parse_time(last["exported_at"]), _parse_time(m.exported_at)
        if made is not None and this is not None and this > made:  # as a restored file's export is: may be accepted
            raise RestoredFileOffer(_refuse(path, why).args[0], path=path, office_name=m.office_name)
        raise _refuse(path, why)
    return register


def _namesake_words(conn: sqlite3.Connection, m: ExportManifest, alike: Callable[[str], bool]) -> str:
    """Said of an export from an office file the county has never merged whose name is that of an office it has
    (another file, another key): a Babergh CSP that started a new file on a new laptop is a second office to the county,
    and both files' figures would be counted. "" when the county holds no other office of that name."""
    namesakes = sorted({k.office_id: k for k in registered_keys(conn)
                        if k.office_id != m.office_id and alike(k.office_name)}.values(), key=lambda k: k.accepted_at)
    if not namesakes:
        return ""
    known = []
    for k in namesakes:
        last = last_import(conn, k.office_id)
        merged = (f"its export number {last['sequence']}, made {clock_words(last['exported_at'])}, merged"
                  if last is not None else "none of its exports merged yet")
        known.append(f"key {k.fingerprint}, {merged}")
    one = len(namesakes) == 1
    return (f". The county already holds {'another office' if one else f'{len(namesakes)} other offices'} called "
            f"{m.office_name}, merged from {'a different file' if one else 'different files'} "
            f"({'; '.join(known)}): if this is that office's file made again (a new laptop, a file started afresh), "
            "accepting it makes it a second office, and the board report counts both files' figures. Ask the office "
            "to export the file it sent before; accept this key only if it is a different office of the same name, "
            "and ask one of them to name itself apart (File > Office Details…)")


def _not_following_on(path: Path, m: ExportManifest, last: sqlite3.Row) -> str:
    """Why an export does not follow on from the office's last one merged (another export of its number, an earlier
    history, an older number, an audit trail that does not extend), or ""."""
    made = f"made {clock_words(last['exported_at'])}"
    if m.sequence == last["sequence"]:
        return (f"a different export number {m.sequence} of {m.office_name} has already been merged ({made}): "
                f"{FORKED_FILE}")
    if m.previous_exports.get(int(last["sequence"]), last["export_id"]) != last["export_id"]:
        return (f"it is {m.office_name}'s export number {m.sequence}, but its export number {last['sequence']} is "
                f"not the one merged ({made}): {FORKED_FILE}")
    if m.sequence <= last["sequence"]:
        # An office renamed since is named as the county names it now (its latest export merged), with the name
        # this file gives it: the lead looks for the office the county file lists.
        office = m.office_name if last["office_name"] in (None, m.office_name) else \
            f"{last['office_name']} (called {m.office_name} in this file)"
        older = (f"it is older than an export from {office} already merged (it is export number {m.sequence}; "
                 f"its number {last['sequence']}, {made}): an older one would roll its figures back")
        merged_at, this = _parse_time(last["exported_at"]), _parse_time(m.exported_at)
        head = int(last["audit_head_id"] or 0)
        if head and m.audit_head_id > head and _chain_hash_at(path, head) == last["audit_head_hash"]:
            # What this file proves: its trail passes through that export's and goes further, as a later export's
            # does (merged by a version that took numbers alone: _trail_not_past refuses such an export now).
            way = ("merge this file on its own as the one that follows on (the window asks whether to merge it as "
                   "the office's restored file; on the command line: safer-desk merge COUNTY_FILE FILE "
                   "--accept-restored), then " if merged_at is not None and this is not None and this > merged_at
                   else "")
            return (f"{older}. Yet its audit trail passes through that export's and goes further (to entry "
                    f"{m.audit_head_id}, that export's to entry {head}): this one was made after it, and the export "
                    f"merged as number {last['sequence']} was not made by {office}'s Safer Desk as it says (an "
                    "earlier export numbered again and signed with the office's key). Phone the office (on a number "
                    f"you already have) before anything else. If this file is theirs and that export was not, {way}"
                    "withdraw the key that signed that export (File > Signing Keys…) and register the office's new "
                    "one")
        if merged_at is not None and this is not None and this > merged_at:  # a file sent again was made before
            older += (f". It was made after that export ({clock_words(m.exported_at)}), as the export of a backup "
                      f"the office restored is: {RESTORED_WAY}")
        return older
    if last["audit_head_id"] and _chain_hash_at(path, int(last["audit_head_id"])) != last["audit_head_hash"]:
        return (f"{m.office_name}'s audit trail does not extend the one merged with its export number "
                f"{last['sequence']}: entry {last['audit_head_id']} or an entry before it was changed or removed since "
                "(the office's log was edited or cut short)")
    return ""


def _trail_not_past(m: ExportManifest, last: sqlite3.Row) -> str:
    """Why an export numbered after the office's last one merged, whose history agrees with it, was not made after
    it, as its audit trail proves: each export Safer Desk makes is recorded in the office's trail, so the office's next
    export carries at least one entry more than the one before (its number and date are what it says; its trail is
    what the office's file did). "" when the trail goes further, or the last merged export named no trail's head."""
    head = int(last["audit_head_id"] or 0)
    if m.sequence <= last["sequence"] or not head or m.audit_head_id > head:
        return ""
    signer = f", signed by {m.exported_by}" if m.exported_by else ""
    return (f"it says it is {m.office_name}'s export number {m.sequence}, but its audit trail goes no further than "
            f"that of its export number {last['sequence']} already merged (made {clock_words(last['exported_at'])}; "
            f"entry {head}): every export is recorded in the office's audit trail, so a later one's always goes "
            f"further. It was not made by {m.office_name}'s Safer Desk after that export: it is an earlier export "
            f"numbered {m.sequence}, dated {clock_words(m.exported_at)} and signed again with the office's key "
            f"(fingerprint {m.key_fingerprint}{signer}); merged, it would have the office's real exports refused as "
            "older. "
            f"Nothing of it is merged: phone {m.office_name} (on a number you already have) to ask what they sent; "
            "their own next export merges as usual. If it was not theirs, someone else holds that key: withdraw it "
            "(File > Signing Keys…) and ask the office for a new one")


def _restored_acceptable(county: Store | None, m: ExportManifest, last: sqlite3.Row | None, why: str) -> None:
    """--accept-restored: the export of an office's file restored from a backup, which does not follow on from its last
    export merged (why), taken as its newest all the same; but never one made before that export (a replay of a
    genuine older file), nor one whose history up to the latest export of the office's it names was rewritten."""
    path = m.path
    if not why:
        raise _refuse(path, f"it needs no --accept-restored: it follows on from the last export merged from "
                            f"{m.office_name} (or is the first). Merge it without the option")
    assert county is not None and last is not None
    made, this = _parse_time(last["exported_at"]), _parse_time(m.exported_at)
    if made is None or this is None or this <= made:
        raise _refuse(path, f"{why}. With --accept-restored too: an office's restored file makes its exports after "
                            f"its last export merged (number {last['sequence']}, made "
                            f"{clock_words(last['exported_at'])}), and this one was made before it "
                            f"({clock_words(m.exported_at)}), as a file sent again or replayed is")
    named = sorted((int(r[1]), r[0], r[2], r[3]) for r in county.conn.execute(
        f"SELECT export_id, sequence, audit_head_id, audit_head_hash FROM {IMPORTS_TABLE} WHERE office_id = ? AND "
        "sequence IS NOT NULL", (m.office_id,)) if m.previous_exports.get(int(r[1])) == r[0])
    if named and named[-1][2] and _chain_hash_at(path, int(named[-1][2])) != named[-1][3]:
        raise _refuse(path, f"{why}. With --accept-restored too: its audit trail does not extend the one merged with "
                            f"its export number {named[-1][0]}, which it names as its own (the office's log was edited "
                            "or cut short), and a restored backup keeps the history it had")


def numbers_not_merged_words(m: ExportManifest, last: sqlite3.Row) -> str:
    """The office's export numbers between its last one merged and this one, which the county never merged (not
    sent, or used up by an export killed as it was being finished), said so that the county lead does not wonder
    whether one was lost; "" when this export follows on from the last one merged."""
    first, end = int(last["sequence"]) + 1, m.sequence - 1
    if end < first:
        return ""
    numbers = (f"Export number {first} of {m.office_name} has" if first == end else
               f"Export numbers {first} {'and' if end == first + 1 else 'to'} {end} of {m.office_name} have")
    return (f"{numbers} not been merged into this county file (the last merged was its number {last['sequence']}). "
            "Nothing is missing: each export holds all of the office's figures, and this one brings them up to date. "
            "(An export stopped as it was being finished uses up its number too.)")


def dated_before_words(m: ExportManifest, last: sqlite3.Row) -> str:
    """An export that follows on from the office's last one merged (its number and its audit trail say so) but is
    dated before it, said for the county lead to look at: the clock of the computer that made it was behind, or it
    was dated back by someone holding the office's key. Merged all the same, as what the file proves (its audit trail
    passes through that export's and goes further) outweighs what a clock said; "" when dated after."""
    made, this = _parse_time(last["exported_at"]), _parse_time(m.exported_at)
    if made is None or this is None or this >= made or m.export_id == last["export_id"]:
        return ""
    return (f"It is dated {clock_words(m.exported_at)}, before {m.office_name}'s export number {last['sequence']} "
            f"merged earlier (made {clock_words(last['exported_at'])}); its number and audit trail show it was made "
            "after that one, so it was merged as the later. The clock of the computer that made one of the two was "
            f"wrong (this one's behind, or the other's ahead), or it was dated back: ask {m.office_name} to check "
            "that computer's date and time.")


def restored_words(m: ExportManifest, last: sqlite3.Row) -> str:
    """What accepting the export of a restored file means, for the merge summary and the audit trail."""
    return (f"{m.office_name} restored a backup of its file: this export (its number {m.sequence}) was made from it "
            f"after the county had merged its export number {last['sequence']} (made "
            f"{clock_words(last['exported_at'])}), "
            f"and was accepted as the export of its restored file. {m.office_name}'s figures are now those of its "
            "restored file: "
            "what its earlier exports sent and the restored file no longer holds is taken out (removed above); ask "
            "the office to enter again any change it made after the backup was taken. Its next exports follow on "
            "from this one.")


def _same_export_as_merged(conn: sqlite3.Connection, m: ExportManifest) -> None:
    """Refuse a file that gives the id of an export already merged but other contents: merging the same export
    again changes nothing, but two different files cannot be one export (one of them is not what the office
    sent: re-signed after an edit, or made by someone else with its key)."""
    before = conn.execute(f"SELECT office_name, checksum, imported_at, file_name FROM {IMPORTS_TABLE} "
                          "WHERE export_id = ?", (m.export_id,)).fetchone()
    if before is None or before[1] == m.checksum:
        return
    merged = _parse_time(before[2])
    when = f" on {merged:%d/%m/%Y}" if merged is not None else ""
    raise _refuse(m.path, f"it says it is {m.office_name}'s export number {m.sequence}, which was merged{when} "
                          f"(from {before[3]}) with other contents: two different files cannot be one export. "
                          f"Ask {m.office_name} which one they sent; the one merged stays as it is")


# Why two exports of one office can disagree about its history: its file was copied and both copies used.
RESTORED_WAY = ("confirm it with the office, then merge this file on its own, accepting it as the export of its "
                "restored file (the window's merge asks; on the command line: "
                "safer-desk merge COUNTY_FILE FILE --accept-restored)")
FORKED_FILE = ("two files have each been making this office's exports (a copy of its Safer Desk file, or a backup "
               "restored, used apart from the file the county merges). Merge exports from the one file the office "
               "works in; a second office needs its own Safer Desk file, as a copy of another office's file keeps "
               "that office's identity: make it with File > New… (or safer-desk demo NEW_FILE, to start from the "
               "example) and name its areas in File > Office Details…. If the office restored a backup of its file "
               f"(as Safer Desk advises for a damaged file), {RESTORED_WAY}")


def _chain_hash_at(path: Path, entry_id: int) -> str | None:
    conn, _ = open_hostile(path)
    try:
        row = conn.execute(f"SELECT hash FROM {CHAIN_TABLE} WHERE id = ?", (entry_id,)).fetchone()
        return None if row is None else row[0]
    finally:
        conn.close()


def register_key(county: Store, manifest: ExportManifest) -> None:
    """Register the export's key for its office, and record that in the audit trail (inside a transaction)."""
    m = manifest
    now, who = utc_now(), audit.current_user()
    # (A row of this key and office that the trail has no record of, put there with another tool, is not trusted
    # (``trusted_keys``): the key accepted now takes its place.)
    county.conn.execute(
        f"INSERT INTO {KEYS_TABLE}(fingerprint, office_id, office_name, public_key, first_signed_by, accepted_at, "
        "accepted_by) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(fingerprint, office_id) DO UPDATE SET "
        "office_name = excluded.office_name, public_key = excluded.public_key, first_signed_by = "
        "excluded.first_signed_by, accepted_at = excluded.accepted_at, accepted_by = excluded.accepted_by, "
        "withdrawn_at = NULL, withdrawn_by = NULL, withdrawn_reason = ''",
        (m.key_fingerprint, m.office_id, m.office_name, m.public_key, m.exported_by, now, who))
    with audit.user_action(f"Accept the signing key of {m.office_name}"):
        audit.record_event(county.conn, KEYS_TABLE, m.key_fingerprint, "key accepted", {
            "office": m.office_name, "office_id": m.office_id, "fingerprint": m.key_fingerprint,
            "first_signed_by": m.exported_by, "confirmed": "fingerprint confirmed with the office by the county lead",
        })


def withdraw_key(county: Store, fingerprint: str, reason: str = "") -> list[RegisteredKey]:
    """Withdraw a registered key for every office it is registered for; audited.

    Exports signed with it are refused from now on, whichever office they say they are from. Returns the
    registrations withdrawn.
    """
    fp = signing.normal_fingerprint(fingerprint)
    active = [k for k in registered_keys(county.conn, fp) if k.active]
    if not active:
        return []
    with county.action(f"Withdraw signing key {fp}"), county.transaction():
        now, who = utc_now(), audit.current_user()
        for k in active:
            county.conn.execute(
                f"UPDATE {KEYS_TABLE} SET withdrawn_at = ?, withdrawn_by = ?, withdrawn_reason = ? "
                "WHERE fingerprint = ? AND office_id = ?", (now, who, reason, fp, k.office_id))
            audit.record_event(county.conn, KEYS_TABLE, fp, "key withdrawn", {
                "office": k.office_name, "office_id": k.office_id, "fingerprint": fp, "reason": reason})
    return active


SRC = "merge_src"  # the export being merged, attached to the county's connection


def _src(table: str) -> str:
    return f"{SRC}.{quote(table)}"


@contextmanager
def _attached_export(county: Store, manifest: ExportManifest) -> Iterator[str]:
    """The verified export attached to the county's connection as schema ``merge_src``; yields the SHA-256 of
    its file.

    The file is read once: its bytes are hashed (the audit entry's source hash) and the very same bytes are
    what is merged, from memory (``Connection.deserialize``): nothing of it is written anywhere, no URI is
    needed (Windows' SQLite has none for ATTACH), and the rows go from export to county in SQL, not through
    Python. The copy must still be the export that was verified: the same signature, the same schema (so no
    trigger, view or generated column, which the signed schema has none of). An older export is upgraded on a
    private copy first (``private_workspace``), as before.
    """
    path = manifest.path
    data = path.read_bytes()
    source_hash = hashlib.sha256(data).hexdigest()
    if manifest.file_sha256 and source_hash != manifest.file_sha256:
        raise _refuse(path, "it was changed after it was checked (it is no longer the file that was checked); "
                            "merge it again")
    if manifest.pending_steps:  # upgraded when it was checked (read_export), these very bytes
        data = manifest.upgraded or _upgraded_copy(manifest, data)
        manifest.upgraded = None  # (memory: the attached copy holds it from here)
    elif data[18:20] == b"\x02\x02":  # a file left in WAL mode: memory holds it in rollback mode
        data = data[:18] + b"\x01\x01" + data[20:]
    conn = county.conn
    _detach_export(conn)
    conn.execute(f"ATTACH DATABASE ':memory:' AS {SRC}")
    try:
        conn.deserialize(data, name=SRC)
        del data
        if FIRST_BILLED_STEP in manifest.pending_steps:
            _keep_first_billing_days(conn)
        if not manifest.pending_steps:
            found = conn.execute(f"SELECT value FROM {_src(MANIFEST_TABLE)} WHERE key = 'signature'").fetchone() \
                if has_table(conn, MANIFEST_TABLE, schema=SRC) else None
            if found is None or found[0] != manifest.signature or \
                    schema_hash(conn, [MANIFEST_TABLE], schema=SRC) != manifest.schema_hash:
                raise _refuse(path, "it was changed while it was being merged (it is no longer the file that was "
                                    "checked)")
        _names_as_held(conn)
        _plan_names_as_held(conn)
        yield source_hash
    finally:
        _detach_export(conn)


def _names_as_held(conn: sqlite3.Connection) -> None:
    """The attached export's districts, partnerships and organisations named as services.reference holds names, their
    spaces tidied: a file written before names were tidied may hold "Mid Suffolk  DC", and the county holds Mid Suffolk
    DC whichever office's file it merges first (the rows' origins are hashed as merged, tidied, so the office's next
    export, tidied in turn, is the row merged). A name whose tidied spelling another row of the export holds stays as
    it was sent (the merge says it differs, as before)."""
    for table in REFERENCE_TABLES:
        if not has_table(conn, table, schema=SRC) or "name" not in \
                {r[1] for r in conn.execute(f"PRAGMA {SRC}.table_info({quote(table)})")}:
            continue
        rows = conn.execute(f"SELECT id, name FROM {_src(table)}").fetchall()
        held = {name for _, name in rows}
        for row_id, name in rows:
            if isinstance(name, str) and (tidied := tidy_spaces(name)) != name and tidied not in held:
                conn.execute(f"UPDATE {_src(table)} SET name = ? WHERE id = ?", (tidied, row_id))
                held.add(tidied)


def _plan_names_as_held(conn: sqlite3.Connection) -> None:
    """A plan the export names in other capitals than the county's plan ("wscsp FINANCIAL implications …" for "WSCSP
    financial implications …") is that plan, as an office's own file refuses the two names as one: the export's is
    named as the county holds it, so the two are matched (a cell they disagree on a conflict), where they were merged
    as two plans, printed twice with different totals. Only where each side holds one plan of the name."""
    plans = _src("budget_plans")
    if not has_table(conn, "budget_plans", schema=SRC) or not has_table(conn, "budget_plans"):
        return
    for src_id, held in conn.execute(f"SELECT s.id, m.name FROM {plans} s JOIN main.budget_plans m "
                                     "ON m.name = s.name COLLATE NOCASE AND m.name <> s.name").fetchall():
        alone = [conn.execute(f"SELECT count(*) FROM {table} WHERE name = ? COLLATE NOCASE", (held,)).fetchone()[0]
                 for table in (plans, "main.budget_plans")]
        if alone == [1, 1]:
            conn.execute(f"UPDATE {plans} SET name = ? WHERE id = ?", (held, src_id))


# The step that keeps a review's first billing day (round 30). An export made before it carries no audit trail, so
# its upgraded copy fills the day from the invoices it holds: after a re-bill, the re-bill's day.
FIRST_BILLED_STEP = ("safer_desk.costs", "add_dhr_first_billed_on")


# Steps keeping what an office's as-at figures need from its history of changes, which stays with the office (an export
# carries none): an export made before one brings none of it, and its county reads that office's reviews' costs as
# at a past day as the version that made it did. (step, what it keeps, the first version with it)
OLDER_COST_STEPS = (
    (("safer_desk.costs", "create_dhr_deleted_cost_lines"), "the review cost lines it deleted", "0.2.7"),
    (("safer_desk.costs", "create_dhr_cost_line_versions"), "review cost lines as they stood before a correction",
     "0.2.8"),
)
# The table each of those steps made: what the office sent of it from a later version stays at the county while it
# sends files made before the step (older_costs_words), as the older version could not send it, not that it is gone.
OLDER_COST_TABLES = {("safer_desk.costs", "create_dhr_deleted_cost_lines"): "dhr_deleted_cost_lines",
                     ("safer_desk.costs", "create_dhr_cost_line_versions"): "dhr_cost_line_versions"}


def _keep_first_billing_days(conn: sqlite3.Connection) -> None:
    """An export upgraded through the first-billing-day step: a review's day the county holds is kept (the export's
    was only worked out from the invoices left in it, and a re-bill had cancelled the first ones). The office's next
    export, from its upgraded file, carries the day its audit trail gives."""
    conn.execute(f"UPDATE {SRC}.dhr_cases SET first_billed_on = (SELECT c.first_billed_on FROM main.dhr_cases c "
                 f"WHERE c.id = {SRC}.dhr_cases.id) "
                 "WHERE id IN (SELECT id FROM main.dhr_cases WHERE first_billed_on IS NOT NULL)")


Layout = dict[str, frozenset[str]]  # a file's data tables, each with its columns' names


def _layout(conn: sqlite3.Connection, tables: Iterable[str], schema: str = "main") -> Layout:
    return {t: frozenset(r[1] for r in conn.execute(f"PRAGMA {schema}.table_info({quote(t)})")) for t in tables}


def _check_laid_out(path: Path, expected: Layout, found: Layout) -> None:
    """Refuse an export that lacks a table of ``expected`` (the county's tables when merging, this version's when
    checking) or holds one with other columns (by name). The export is upgraded to this version's layout before it
    is compared, so a genuine one has every table as Safer Desk makes it; a table reshaped after it was made (and
    signed again with the office's key) would have its values merged into the wrong columns, or left out unsaid.
    One check for the merge and `check`, which must refuse what the merge refuses."""
    reshaped = [t for t in sorted(expected) if found.get(t) != expected[t]]
    if reshaped:
        raise _refuse(path, f"its tables are not laid out as Safer Desk lays them out ({', '.join(reshaped)}): "
                            "a table or a column was added, removed or renamed after the office's Safer Desk "
                            "made it. Ask the office to export again")


@functools.lru_cache(maxsize=2)
def _this_version_layout(steps: frozenset[tuple[str, str]]) -> Layout:
    """The data tables a new file of this version has (``steps``: this version's schema steps, storage.schema
    known_steps, so that a test adding one is not answered from before it): what an export is checked against
    without a county file. Read once from the shipped blank file, in memory (no file is made: `merge` into a new
    county file made none before the county's own); by running the steps where it is stale (storage.blank)."""
    from safer_desk.storage.blank import read_resource
    from safer_desk.storage.store import blank_problem

    data = read_resource()
    if data is not None:
        conn = sqlite3.connect(":memory:")
        try:
            conn.deserialize(data)
            if blank_problem(conn) is None:
                return _layout(conn, data_tables(conn))
        except sqlite3.DatabaseError:
            pass
        finally:
            conn.close()
    with private_workspace("layout") as folder:
        path = create_file(Path(folder) / "layout.sqlite", "")
        conn = sqlite3.connect(str(path))
        try:
            return _layout(conn, data_tables(conn))
        finally:
            conn.close()


def _check_laid_out_as_this_version(manifest: ExportManifest, conn: sqlite3.Connection) -> None:
    """An export's tables laid out as this version lays them out, compared as the merge compares them with the
    county's (``_check_laid_out``), so that `check` refuses what the merge would. An older export is compared as it
    is merged: upgraded on a private copy, kept on the manifest so that its merge does not upgrade it again."""
    if not manifest.pending_steps:
        found = _layout(conn, data_tables(conn))
    else:
        data = manifest.path.read_bytes()
        if hashlib.sha256(data).hexdigest() != manifest.file_sha256:
            raise _refuse(manifest.path, "it was changed while it was being checked (another program wrote to it); "
                                         "check it again once nothing is writing to it")
        manifest.upgraded = _upgraded_copy(manifest, data)
        del data
        copy = sqlite3.connect(":memory:")
        try:
            copy.deserialize(manifest.upgraded)
            found = _layout(copy, data_tables(copy))
        finally:
            copy.close()
    _check_laid_out(manifest.path, _this_version_layout(frozenset(known_steps())), found)


def _detach_export(conn: sqlite3.Connection) -> None:
    """Let go of the attached export. A cursor still reading it (held by the traceback of an error on its way
    out) keeps it attached until the next merge, which lets go of it first (after collecting such cursors)."""
    for attempt in range(2):
        if conn.execute("SELECT 1 FROM pragma_database_list WHERE name = ?", (SRC,)).fetchone() is None:
            return
        try:
            conn.execute(f"DETACH DATABASE {SRC}")
            return
        except sqlite3.OperationalError:
            if attempt:
                return
            gc.collect()


def _upgraded_copy(manifest: ExportManifest, data: bytes) -> bytes:
    """An older export's bytes upgraded to this version's layout, on a private copy."""
    # The export may hold victim-level rows (a district may opt in): its copy is made in the user's own private
    # folder, never the shared system temporary folder, and a killed run's copy goes at the next start.
    with private_workspace("merge") as folder:
        copy = Path(folder) / "export.sqlite"
        copy.write_bytes(data)
        try:
            _give_copy_its_triggers(copy)
            open_store(copy).close()  # applies the missing steps (never to the district's own file)
        except StoreError as exc:
            raise _refuse(manifest.path, f"it could not be upgraded to this version's layout ({exc})") from exc
        return copy.read_bytes()


def _give_copy_its_triggers(copy: Path) -> None:
    """A verified export's private copy, made a normal file again (exports carry no triggers) so it can be
    upgraded like any file."""
    conn = sqlite3.connect(str(copy), isolation_level=None)
    try:
        audit.register_functions(conn)
        conn.execute("BEGIN")
        conn.execute(f"DROP TABLE IF EXISTS {MANIFEST_TABLE}")
        conn.execute(f"DROP TABLE IF EXISTS {CHAIN_TABLE}")
        if audit.chain_ready(conn):
            for sql in audit.GUARD_TRIGGERS.values():
                conn.execute(sql)
        audit.install_triggers(conn)
        conn.execute("COMMIT")
    finally:
        conn.close()


# services.police_import.refresh_police_figures(county, forces[, changed=...]) and counts_change(county,
# force_months): what the counts of the force-months about to be taken hold, so the refresh after taking them
# works out only the figures they can change.
RefreshFigures = Callable[..., list]
# services.dhr.refund_credit(county, review, partner): the most the county's ledger may refund to the partner now.
RefundCredit = Callable[[Store, str, str], int]
# services.dhr's ledger of every review of the county file: review id -> (its cost, what its partners are billed for
# its costs), as the Costs tab works them out (billed less re-split, carried and refunded: the cost less what is not
# yet billed).
ReviewsBilled = Callable[[Store], dict[str, tuple[int, int]]]
CountsBefore = Callable[[Store, list[tuple[str, str]]], Any]
# services.indicators.forces_named_for_areas(county, area_id): (area, force) where the force is named for the area or
# its police area, and so is its own however few of its crimes the area holds (the Isles of Scilly's).
ForcesNamed = Callable[[Store, str], set[tuple[str, str]]]
# services.example_rows.example_hashes(): the example's rows as shipped, table -> row key -> their shared hashes (hex of
# short_hash(shared_row_hash)), which every copy of the example (`safer-desk demo`) holds under the same ids.
ExampleRows = Mapping[str, Mapping[str, frozenset[str]]]
# Who set aside an office's untouched example row against another office's change of it (_county_decisions.decided_by):
# the merge, not the county lead (services.county.any_decided does not count it).
EXAMPLE_UNTOUCHED = "Safer Desk (the office's copy of the example, unchanged)"
# The tables of a review's and a pooled fund's money, and the reviews and funds themselves (their billing and spend
# go with them): left out of that three-way merge, to the ledger's own checks.
EXAMPLE_LEDGER_TABLES = ("dhr_", "fund_", "funds")


def _later_import(later: _Vintage, earlier: _Vintage) -> tuple[str, str]:
    """Two downloads to the same month, ``later`` imported no earlier (the merge keeps it): ("later", " (20/01/2026,
    against 05/01/2026)") when their import days are known and differ, else ("no earlier", "")."""
    days = [_day_words(x.imported_at) for x in (later, earlier)]
    if all(days) and days[0] != days[1]:
        return "later", f" ({days[0]}, against {days[1]})"
    return "no earlier", ""


def clock_words(stamp: str) -> str:
    """An export's time as the county lead reads times, on this computer's clock as the rest of the program gives
    them: 01/12/2026 05:23 for 04:23 UTC in summer (as stored, when it is not a time)."""
    try:
        when = datetime.fromisoformat(str(stamp))
        return f"{when.astimezone() if when.tzinfo else when:%d/%m/%Y %H:%M}"
    except ValueError:
        return str(stamp)[:16].replace("T", " ")


def _day_words(stamp: str) -> str:
    """An import's time as its day, 20/01/2026 ("" when not known)."""
    try:
        return datetime.fromisoformat(str(stamp)[:10]).strftime("%d/%m/%Y") if stamp else ""
    except ValueError:
        return ""


@dataclass(frozen=True)
class _Vintage:
    force: str
    month: str
    file_name: str
    file_sha256: str
    download_newest_month: str
    rows: int
    imported_at: str


def _vintages(conn: sqlite3.Connection, schema: str = "main") -> dict[tuple[str, str], _Vintage]:
    if not has_table(conn, POLICE_VINTAGES, schema=schema):
        return {}
    return {(r[0], r[1]): _Vintage(*tuple(r)) for r in conn.execute(
        "SELECT force, month, file_name, file_sha256, download_newest_month, rows, imported_at "
        f"FROM {quote(schema)}.{POLICE_VINTAGES}")}


def wholes_before_parts(tables: list[str], infos: dict[str, TableInfo]) -> list[str]:
    """The tables in merge order, each thing of WHOLES as late as it may be: just before the first table that links
    to it (its parts, usually), so after what its parts choose (a scenario's projects), which it is compared by."""
    order = [t for t in tables if t not in WHOLES]
    for table in WHOLES:
        if table in tables:
            order.insert(next((i for i, t in enumerate(order)
                               if any(fk.table == table for fk in infos[t].foreign_keys)), len(order)), table)
    return order


def _month_ranges(months: list[str]) -> str:
    """"Jan 2025 to Mar 2025, May 2025" for a sorted list of "YYYY-MM"."""
    return ranges_text(months, lambda a, b: _next_month(a) == b, month_words)


def _next_month(month: str) -> str:
    try:
        year, mon = int(month[:4]), int(month[5:7])
    except ValueError:
        return ""
    return f"{year + mon // 12:04d}-{mon % 12 + 1:02d}"


@dataclass(frozen=True)
class Origin:
    """Where a county row came from (``_county_origins``): the export that brought it, its content as merged."""

    office_id: str
    office_name: str
    import_number: int
    row_hash: bytes  # the first 16 bytes of its content hash (county_schema.row_hash) as merged
    shared: bool  # held by several offices (or common to every file): none changes or removes it alone


def short_hash(digest: str) -> bytes:
    """What an origin keeps of a row's content hash: 16 bytes tell a row edited since as surely as 32. (A text
    that is not a hex digest, such as a vintage's file hash as an export states it, is hashed first.)"""
    try:
        if len(digest) >= 32:
            return bytes.fromhex(digest[:32])
    except ValueError:
        pass
    return hashlib.sha256(str(digest).encode("utf-8")).digest()[:16]


def _offices_by_import(conn: sqlite3.Connection) -> dict[int, tuple[str, str]]:
    """Each import's office (id, name): the name the office's latest export gives (an office renamed since its
    earlier exports is one office, called what it is called now)."""
    return {r[0]: (r[1], r[2]) for r in conn.execute(
        "SELECT number, office_id, first_value(office_name) OVER (PARTITION BY office_id "
        f"ORDER BY sequence DESC, number DESC) FROM {IMPORTS_TABLE} WHERE number IS NOT NULL")}


def latest_office_name(conn: sqlite3.Connection, office_id: str) -> str | None:
    """The name the office's latest export merged gave it (None: nothing merged from it yet): the last merged, as
    ``last_import`` reads it, not the highest export number (an export of a restored file, accepted with
    --accept-restored, has a lower number than the renamed file's the office no longer has)."""
    found = conn.execute(f"SELECT office_name FROM {IMPORTS_TABLE} WHERE office_id = ? AND number IS NOT NULL "
                         "ORDER BY number DESC LIMIT 1", (office_id,)).fetchone()
    return found[0] if found else None


def _rename_office(conn: sqlite3.Connection, office_id: str, name: str) -> None:
    """The office's open conflicts and its keys in the register say its name now (its id is what it is)."""
    conn.execute(f"UPDATE {CONFLICTS_TABLE} SET office_name = ? WHERE office_id = ? AND office_name <> ?",
                 (name, office_id, name))
    conn.execute(f"UPDATE {KEYS_TABLE} SET office_name = ? WHERE office_id = ? AND office_name <> ?",
                 (name, office_id, name))


def origin_of(conn: sqlite3.Connection, table: str, key: str,
              offices: dict[int, tuple[str, str]] | None = None) -> Origin | None:
    found = conn.execute(f"SELECT import_number, row_hash, shared FROM {ORIGINS_TABLE} WHERE table_name = ? AND "
                         "row_key = ?", (table, key)).fetchone()
    if found is None:
        return None
    office_id, office_name = (offices if offices is not None else _offices_by_import(conn)).get(found[0], ("", ""))
    return Origin(office_id, office_name, found[0], bytes(found[1]), bool(found[2]))


# Whether an open conflict raised again differs from the one held (county_merge._Merger.conflict's upsert): any column,
# its office's row compared without the parts kept with it.
_CONFLICT_RAISED_ANEW = " OR ".join(
    [f"_county_conflicts.{c} IS NOT excluded.{c}" for c in (
        "export_id", "other_office", "detail", "county_key", "conflict_group", "subject", "county_side",
        "district_side", "subject_key", "county_version", "incoming_version")]
    + ["(CASE WHEN json_valid(_county_conflicts.incoming_row) AND json_valid(excluded.incoming_row) "
       f"THEN json_remove(_county_conflicts.incoming_row, '$.{PARTS}') IS NOT json(excluded.incoming_row) "
       "ELSE _county_conflicts.incoming_row IS NOT excluded.incoming_row END)"])


_SET_ORIGIN_SQL = (f"INSERT INTO {ORIGINS_TABLE}(table_name, row_key, import_number, row_hash, shared) "
                   "VALUES (?, ?, ?, ?, ?) ON CONFLICT(table_name, row_key) DO UPDATE SET "
                   "import_number = excluded.import_number, row_hash = excluded.row_hash, shared = excluded.shared")


def shared_digest(info: TableInfo, row: dict) -> str:
    """The hash a row held alike by several offices is kept by: its content with the offices' local details (when each
    typed it in, LOCAL_COLUMNS) left out, which every holder's row gives, so none of them that sends it as it was is
    taken for sending a new version of it (against an edit at the county since, a conflict nobody's choice made)."""
    return shared_row_hash(info.name, info.columns, [row.get(c) for c in info.columns])


def matches_origin(info: TableInfo, row: dict, p: Origin, digest: str | None = None) -> bool:
    """Whether row is the one the county merged (p's hash): to the byte, or, held by several, by what it is.
    ``digest``: the row's own hash when the caller has it already."""
    exact = digest if digest is not None else row_hash(info.columns, [row.get(c) for c in info.columns])
    return short_hash(exact) == p.row_hash or (
        p.shared and info.name in LOCAL_COLUMNS and short_hash(shared_digest(info, row)) == p.row_hash)


def reference_came_from(conn: sqlite3.Connection, info: TableInfo, key: str, row: dict, p: Origin | None,
                        office_id: str, as_merged: bool | None = None, besides: int | None = None) -> str:
    """Where the county's version of a partner, district or partnership came from, as a conflict with ``office_id``'s
    version says it: "from Babergh office" (the office whose file brought it, or whose version a decision kept),
    "from Babergh office's earlier export" when that office now sends it otherwise (this conflict's office, or one
    with a conflict of its own about it), edited at the county since, or "in the county file" when no office's file
    brought it. Every such row is held by several offices, but which of them sent it alike the county does not keep
    (a decision sets one's version aside): the office it came from is named alone. ``besides``: a conflict being
    decided (its office's version is the county's now)."""
    if p is None:
        return "in the county file"
    if not (matches_origin(info, row, p) if as_merged is None else as_merged):
        return f"at the county (edited there since it came from {p.office_name or 'an office'})"
    if not p.office_name:
        return "from an office's file"
    differs_now = p.office_id == office_id or conn.execute(
        f"SELECT 1 FROM {CONFLICTS_TABLE} WHERE table_name = ? AND coalesce(nullif(county_key, ''), row_key) = ? "
        "AND office_id = ? AND id IS NOT ? LIMIT 1", (info.name, key, p.office_id, besides)).fetchone() is not None
    return f"from {p.office_name}'s earlier export" if differs_now else f"from {p.office_name}"


def shared_came_from(conn: sqlite3.Connection, info: TableInfo, key: str, row: dict, p: Origin | None,
                     as_merged: bool | None = None, office_id: str = "") -> str:
    """Where the county's version of a row several offices hold (a project or a review each sent) came from, as a
    conflict with ``office_id``'s version says it: "in the county file, sent alike by Babergh office and Mid Suffolk
    office" where the county keeps which offices hold it (since schema step 27) and holds it as they sent it. Just
    "in the county file" where it does not know which (shared before step 27, or common to every file), or holds
    another version since (edited at the county, or an office's version kept by a decision: that office's alone).
    An office that sends another version of it now (this conflict's office, one with a conflict of its own about it,
    or one whose version a decision set aside) is not one that sends it alike, so the county lead rings the offices
    that do: "from Babergh office" when one does. When none does, the county's version is what they all sent alike
    before, and each is named."""
    here = "in the county file"
    if p is None or not p.shared or not (matches_origin(info, row, p) if as_merged is None else as_merged):
        return here
    offices = [r[0] for r in conn.execute(f"SELECT office_id FROM {HOLDERS_TABLE} WHERE table_name = ? AND "
                                          "row_key = ?", (info.name, key))]
    if len(offices) < 2:
        return here
    version = version_of(info, with_make_up(conn, info.name, row))
    try:
        kept = conn.execute(f"SELECT 1 FROM {DECISIONS_TABLE} WHERE kept_version = ? AND choice = 'district' LIMIT 1",
                            (version,)).fetchone()
    except sqlite3.OperationalError:  # a file from before decisions were kept
        kept = None
    if kept is not None:
        return here
    otherwise = {office_id} | sending_otherwise(conn, info.name, key, version)
    offices = [office for office in offices if office not in otherwise] or offices
    names = sorted({latest_office_name(conn, office) or office for office in offices}, key=str.casefold)
    if len(names) == 1:
        return f"from {names[0]}"
    return f"{here}, sent alike by {in_words(names)}"


def sending_otherwise(conn: sqlite3.Connection, table: str, key: str, version: str) -> set[str]:
    """The offices that send another version of the county's row (``version``, as version_of says it) than the
    county holds: each with an open conflict about it, or whose version the county lead set aside against it (its
    next file raises nothing, and it still holds the row)."""
    kinds = ", ".join(f"'{k}'" for k in ROW_CONFLICT_KINDS)
    found = {r[0] for r in conn.execute(
        f"SELECT office_id FROM {CONFLICTS_TABLE} WHERE table_name = ? AND coalesce(nullif(county_key, ''), row_key) "
        f"= ? AND kind IN ({kinds})", (table, key))}
    try:
        found |= {r[0] for r in conn.execute(f"SELECT office_id FROM {DECISIONS_TABLE} WHERE kept_version = ? AND "
                                             "choice = 'county'", (version,))}
    except sqlite3.OperationalError:  # a file from before decisions were kept
        pass
    return found


def set_origin(conn: sqlite3.Connection, table: str, key: str, import_number: int, digest: str, shared: bool) -> None:
    conn.execute(_SET_ORIGIN_SQL, (table, key, import_number, short_hash(digest), int(shared)))


def set_origins(conn: sqlite3.Connection, origins: Iterable[tuple[str, str, int, str, bool]]) -> None:
    """set_origin for many rows (table, key, import number, digest, shared), in one statement."""
    conn.executemany(_SET_ORIGIN_SQL, [(table, key, number, short_hash(digest), int(shared))
                                       for table, key, number, digest, shared in origins])


def drop_origin(conn: sqlite3.Connection, table: str, key: str) -> None:
    conn.execute(f"DELETE FROM {ORIGINS_TABLE} WHERE table_name = ? AND row_key = ?", (table, key))
    conn.execute(f"DELETE FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ?", (table, key))


_HOLD_SQL = f"INSERT OR IGNORE INTO {HOLDERS_TABLE}(table_name, row_key, office_id) VALUES (?, ?, ?)"


def _register_import(county: Store, manifest: ExportManifest) -> int:
    """The export's row in _county_imports (made now, its figures filled in at the end; an export merged before
    keeps the row of its first merge): its number is what each row it brings points at."""
    m = manifest
    county.conn.execute(
        f"INSERT INTO {IMPORTS_TABLE}(export_id, office_id, office_name, exported_at, exported_by, checksum, "
        "include_referrals, file_name, imported_at, imported_by, sequence, key_fingerprint, audit_head_id, "
        "audit_head_hash, number) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
        f"(SELECT coalesce(max(number), 0) + 1 FROM {IMPORTS_TABLE})) ON CONFLICT(export_id) DO UPDATE SET "
        # Merged before: the record of that merge (when, by whom, what it did) stays as it is; only a record from
        # before imports were numbered is given its number.
        "number = excluded.number WHERE _county_imports.number IS NULL",
        (m.export_id, m.office_id, m.office_name, m.exported_at, m.exported_by, m.checksum, int(m.include_referrals),
         m.path.name, utc_now(), audit.current_user(), m.sequence, m.key_fingerprint, m.audit_head_id,
         m.audit_head_hash))
    return int(county.conn.execute(f"SELECT number FROM {IMPORTS_TABLE} WHERE export_id = ?",
                                   (m.export_id,)).fetchone()[0])


_STRICT_TYPES = ("INTEGER", "INT", "REAL", "TEXT", "BLOB")  # a STRICT column's types other than ANY


class MergeLayouts:
    """The county's table layouts as the merges of several files into it read them: read once, and kept from one
    file's merge to the next while the county file's schema is as it was (its schema version unchanged)."""

    def __init__(self) -> None:
        self.version: int | None = None
        self.infos: dict[str, TableInfo] = {}
        self.plain: dict[str, set[str]] = {}
        self.types: dict[str, tuple | None] = {}

    def check(self, conn: sqlite3.Connection) -> "MergeLayouts":
        """Forget what was read if the county's schema changed since."""
        version = conn.execute("PRAGMA main.schema_version").fetchone()[0]
        if version != self.version:
            self.version = version
            self.infos, self.plain, self.types = {}, {}, {}
        return self

    def info(self, conn: sqlite3.Connection, table: str) -> TableInfo:
        found = self.infos.get(table)
        if found is None:
            found = self.infos[table] = table_info(conn, table)
        return found

    def plain_columns(self, conn: sqlite3.Connection, table: str) -> set[str]:
        found = self.plain.get(table)
        if found is None:
            found = self.plain[table] = plain_columns(conn, table)
        return found

    def column_types(self, conn: sqlite3.Connection, table: str) -> tuple | None:
        """(column, declared type, place in the primary key) of each column of a STRICT table, or None."""
        if table not in self.types:
            self.types[table] = _column_types(conn, table, "main")
        return self.types[table]


def _column_types(conn: sqlite3.Connection, table: str, schema: str, strict: bool | None = None) -> tuple | None:
    """(column, declared type, place in the primary key) of each column of a STRICT table, or None (strict: whether
    the table is STRICT, when the caller knows)."""
    if strict is None:
        found = conn.execute("SELECT strict FROM pragma_table_list WHERE schema = ? AND name = ?",
                             (schema, table)).fetchone()
        strict = bool(found and found[0])
    if not strict:
        return None
    return tuple(sorted((r[0], str(r[1]).upper(), r[2]) for r in conn.execute(
        "SELECT name, type, pk FROM pragma_table_info(?, ?)", (table, schema))))


BULK_ROWS = 20  # a table with fewer incoming rows is merged row by row (the bulk check costs a few statements)


class _IncomingKeys:
    """The keys of a table's rows in the export (as origins write them), read only when asked: how many there are
    is a count; which they are (a set) only when a key is looked up (an office's earlier rows, a row that links to
    its own table), which most tables of a first merge never need."""

    def __init__(self, conn: sqlite3.Connection, info: TableInfo, where: str):
        self.conn, self.info, self.where = conn, info, where
        self._keys: set[str] | None = None
        self._count: int | None = None

    def _from(self) -> str:
        return f"FROM {_src(self.info.name)}" + (f" WHERE {self.where}" if self.where else "")

    def keys(self) -> set[str]:
        if self._keys is None:
            cols = self.info.primary_key
            cursor = self.conn.execute(f"SELECT {', '.join(quote(c) for c in cols)} {self._from()}")
            if len(cols) == 1:
                self._keys = {str(r[0]) for r in cursor}
            else:
                self._keys = {json.dumps(list(r), separators=(",", ":")) for r in cursor}
        return self._keys

    def __contains__(self, key: object) -> bool:
        return key in self.keys()

    def __len__(self) -> int:
        if self._keys is not None:
            return len(self._keys)
        if self._count is None:
            self._count = int(self.conn.execute(f"SELECT count(*) {self._from()}").fetchone()[0])
        return self._count

    def __bool__(self) -> bool:
        return len(self) > 0


NOTES_WHAT = {"dhr_cases": "review", "dhr_panel_meetings": "panel meeting"}  # whose notes (CASE_NOTES), in words


class _Merger:
    def __init__(self, county: Store, manifest: ExportManifest, progress: ProgressFn, cancelled: CancelCheck,
                 refresh_figures: RefreshFigures | None = None, counts_before: CountsBefore | None = None,
                 infos: dict[str, TableInfo] | None = None, layouts: MergeLayouts | None = None,
                 replace_typed: ReplaceTyped | None = None, refund_credit: RefundCredit | None = None,
                 reviews_billed: ReviewsBilled | None = None, forces_named: ForcesNamed | None = None,
                 example_rows: ExampleRows | None = None):
        """The export is read from the county's own connection, attached as ``merge_src`` (infos: the county
        tables' table_info, when the caller has read it already; layouts: what earlier merges into this county
        file read of its tables; replace_typed: puts the police.uk figure where an office's figure was removed)."""
        self.county, self.dst, self.m = county, county.conn, manifest
        self.layouts = (layouts or MergeLayouts()).check(county.conn)
        self.layouts.infos.update(infos or {})
        register_canonical_functions(self.dst)
        self.progress, self.cancelled = progress, cancelled
        self.refresh_figures, self.counts_before = refresh_figures, counts_before
        self.replace_typed, self.refund_credit = replace_typed, refund_credit
        self.reviews_billed, self.forces_named = reviews_billed, forces_named
        self.example_rows = example_rows or {}
        self._highest_decided: int | None = None
        self.removed_figures: list[tuple[str, str, str]] = []  # (indicator, area, period) of figures removed
        self.gone: dict[str, list[tuple[str, dict]]] = {}  # table -> (key, row) of the rows the office no longer has
        # table -> (key, row) of the rows merged before, deleted in the county file since, and sent again: put back
        self.added_again: dict[str, list[tuple[str, dict]]] = {}
        self.summary = MergeSummary(manifest.path.name, manifest.office_name, manifest.exported_at)
        self.remap: dict[tuple[str, str], Any] = {}  # (table, incoming key) -> the county row it matched
        self.skipped: set[tuple[str, str]] = set()  # rows not merged
        # Things of WHOLES a conflict is raised about (table -> the office's ids): their parts are not merged (the
        # county's thing stays as it is made until the county lead decides; keeping the office's brings its parts).
        self.held: dict[str, set[str]] = {}
        self.held_at_county: dict[str, set[str]] = {}  # the county's things they were compared with (table -> ids)
        # Parts of the county's things of WHOLES this office no longer sends (table -> id -> the hash merged): taken
        # out once their thing is merged, unless a conflict then holds it (remove_missing, take_out_parts).
        self.parts_missing: dict[str, dict[str, bytes]] = {}
        # A line this office deleted, sent as the county's line another office still holds (deleted_line_held): the
        # office sends it under its own id, so it goes only if this merge does not find it again (take_out_deleted)
        self.deleted_held_missing: dict[str, bytes] = {}
        self.older_kept: dict[str, int] = {}  # table -> the office's rows kept, its export made before the table
        # Lines of this office's lists (a project's cost lines, at positions UNIQUE in the list) moved out of the way
        # of another of its lines until their own turn (step_aside): table -> key -> (its place before, its place
        # aside, its origin's hash before when it was as merged).
        self.stepped_aside: dict[str, dict[str, tuple[int, int, bytes | None]]] = {}
        self._dropped: dict[str, dict[str, str]] = {}  # table of WHOLES -> part -> the ids of those take_out removes
        # Rows this office no longer has that a part of another thing names (a project a scenario ticks): they go once
        # those things are merged, unless a conflict holds one of them (table -> id -> the hash merged; kept_named:
        # the things among them kept, said in the summary).
        self.waiting: dict[str, dict[str, bytes]] = {}
        self.kept_named: dict[str, list[str]] = {}
        # Rows several offices hold that this office no longer sends, kept as others still send them (table -> keys;
        # and those offices' ids): said in the summary, so the office's deletion is seen (let_go_of_shared)
        self.kept_for_others: dict[str, list[str]] = {}
        self.kept_for_offices: set[str] = set()
        self.now = utc_now()
        self._parent_sql: dict = {}
        self._referrers: dict[str, list[tuple[str, str]]] = {}  # table -> (table, column) linking to it
        self._sql: dict = {}  # SQL text per table, built once
        self.done = 0
        self.total = max(1, manifest.total_rows)
        self.describer = Describer(self.dst, infos=self.layouts.infos)
        self.decisions = load_decisions(self.dst)
        self.set_aside = load_set_aside(self.dst)  # (subject key, version): see county_conflicts.SET_ASIDE_FOR_GOOD
        self.told_decided: set[tuple[str, str, str]] = set()  # the decisions that settled something in this merge
        before = self.dst.execute(f"SELECT imported_at, file_name FROM {IMPORTS_TABLE} WHERE export_id = ?",
                                  (manifest.export_id,)).fetchone()
        self.known = known = before is not None  # merged before
        if before is not None:
            self.summary.merged_before, self.summary.merged_before_from = before
        was = latest_office_name(self.dst, manifest.office_id)
        self.import_number = _register_import(county, manifest)
        if was is not None and was != manifest.office_name \
                and latest_office_name(self.dst, manifest.office_id) == manifest.office_name:
            _rename_office(self.dst, manifest.office_id, manifest.office_name)
            self.summary.conflict_notes.append(f"The office is now called {manifest.office_name} (was {was}).")
        self.offices = _offices_by_import(self.dst)
        if was is not None and was != manifest.office_name:
            retell_after_rename(self.dst, self.describer, manifest.office_id, was, self.offices)
        self.my_imports = [n for n, (office_id, _) in self.offices.items() if office_id == manifest.office_id]
        # The office's first export, numbered by this merge: an origin names the import that brought its row (an
        # import is never taken out of the register), so no row of the county can be the office's yet.
        self.nothing_owned = not known and self.my_imports == [self.import_number]
        self.seen: set[int] = set()  # conflicts raised (again) by this merge
        self.open_before: set[tuple[str, str]] = set()  # (table, row key) of the office's conflicts open before it
        self.held_shares: set[str] = set()  # county shares of reviews whose office's version a conflict holds
        # A refusal's re-split (or carrying) the county's share cannot take as it holds it (never billed twice):
        self.office_shares: dict[str, dict] = {}  # county key of a share -> the office's version of it (this file's)
        self.resplit_why: dict[str, str | None] = {}  # county key of a share -> why its dealing is held back, or None
        self.held_resplits: dict[str, dict[str, list[dict]]] = {}  # county key of a share -> rows held back, by table
        self.held_versions: dict[str, list[dict]] = {}  # county key of a cost line -> the office's versions held back
        self.held_followers: dict[str, str] = {}  # the office's key of an invoice held back -> the county's share
        self.replaced: dict[str, list[str]] = {}  # rows this merge changed to the office's newer version or removed
        # Rows of totals gone from the county because the office sent them again (their key is their content):
        # table -> key -> the row gone. A conflict about one is closed as sent again, not as removed.
        self.sent_again: dict[str, dict[str, dict]] = {}
        # Public data (issue 13): police.uk force-months, one fact each, whoever sent it.
        self.public = has_table(self.dst, POLICE_VINTAGES, schema=SRC) and has_table(self.dst, POLICE_VINTAGES)
        self.incoming_vintages = _vintages(self.dst, SRC) if self.public else {}
        self.county_vintages = _vintages(self.dst) if self.public else {}
        self.county_by_month: dict[str, dict[str, str]] = {}
        for (force, month), v in self.county_vintages.items():
            self.county_by_month.setdefault(month, {})[force] = v.file_sha256
        self.taken_months: set[str] = set()
        self.refreshed_areas: set[str] | None = None  # None: every area (a refresh not scoped by counts_before)
        self.own_area_ids: set[str] | None = None  # the areas the export's office names as its own, read when asked
        self.src_strict: set[str] | None = None  # the export's STRICT tables, read when first asked
        # The notes an export leaves with the office are not sent, not deleted: the county's copy stands (table ->
        # columns), and the rows whose notes it kept are counted for the summary.
        self.notes_not_sent: dict[str, list[str]] = {}
        for table, column in CASE_NOTES if manifest.case_notes_left_out else ():
            self.notes_not_sent.setdefault(table, []).append(column)
        self.notes_kept: dict[str, int] = {}
        # conflict number -> the summary's words of the office's parts held with it
        self.held_notes: dict[int, str] = {}
        self.notes_filled: dict[str, int] = {}  # rows whose notes, left out by the exports before, this file fills

    # -- bookkeeping ------------------------------------------------------------
    def raise_conflict(self, info: TableInfo, kind: str, row: dict | None, county_row: dict | None, *,
                       row_key: str, county_key: str = "", county_from: str = "", other: str = "",
                       natural: tuple[str, ...] | None = None, sentence: tuple[str, str, str] | None = None) -> None:
        """Report a disagreement in words and leave the county's row as it is, unless the county lead already
        decided between these very two versions, or set this version of a review's money aside (then nothing is
        raised: an office sending again what was decided is not asked about, one that changed it is)."""
        t = info.name
        self.skipped.add((t, row_key))
        if t == "dhr_shares":  # the county does not hold the office's version of the share: nor its payments
            self.held_shares.add(county_key or row_key)
        if t in WHOLES and row is not None:
            self.held.setdefault(t, set()).add(row_key)
            self.held_at_county.setdefault(t, set()).update(str(k) for k in (row_key, county_key) if k)
            if county_row is not None and MAKE_UP in county_row:  # as the county keeps it: the office's parts held
                county_row = with_make_up(self.dst, t, {c: v for c, v in county_row.items() if c != MAKE_UP})
        basis = county_row if county_row is not None else row or {}
        subject_key = subject_key_of(info, basis, natural)
        county_version = version_of(info, county_row) if county_row is not None else ""
        incoming_version = version_of(info, row) if row is not None else ""
        versions = (subject_key, county_version, incoming_version)
        if versions in self.decisions or (incoming_version and set_aside_for_good(t, kind)
                                          and (subject_key, incoming_version) in self.set_aside):
            if versions not in self.told_decided:  # (a refusal and its re-split: one decision)
                self.told_decided.add(versions)
                self.summary.decided += 1
            return
        subject = self.describer.subject(t, basis)
        office = self.m.office_name
        if sentence is not None:
            county_side, district_side, text = sentence
        else:
            county_side, district_side, text = conflict_words(self.describer, t, subject, county_row, row, county_from,
                                                              office)
        group = group_of(t, kind)
        if kind in ROW_CONFLICT_KINDS:
            # The office's open conflict about this row, said under another of these kinds (the row came to be held
            # by two offices since, say), is this one: it keeps its number, which the lead may have given the office.
            open_kinds = dict(self.dst.execute(
                f"SELECT kind, id FROM {CONFLICTS_TABLE} WHERE office_id = ? AND table_name = ? AND row_key = ? "
                f"AND kind IN ({', '.join('?' * len(ROW_CONFLICT_KINDS))}) ORDER BY id DESC",
                (self.m.office_id, t, row_key, *ROW_CONFLICT_KINDS)).fetchall())
            if open_kinds and kind not in open_kinds:
                self.dst.execute(f"UPDATE {CONFLICTS_TABLE} SET kind = ? WHERE id = ?",
                                 (kind, min(open_kinds.values())))
        self.dst.execute(
            f"INSERT INTO {CONFLICTS_TABLE}(id, export_id, office_id, office_name, table_name, row_key, kind, "
            "other_office, detail, incoming_row, found_at, county_key, conflict_group, subject, county_side, "
            "district_side, subject_key, county_version, incoming_version) "
            f"VALUES ((SELECT max(coalesce(max(id), 0), ?) + 1 FROM {CONFLICTS_TABLE}), "
            "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
            "ON CONFLICT(office_id, table_name, row_key, kind) DO UPDATE SET export_id = excluded.export_id, "
            "other_office = excluded.other_office, detail = excluded.detail, incoming_row = excluded.incoming_row, "
            "county_key = excluded.county_key, conflict_group = excluded.conflict_group, subject = excluded.subject, "
            "county_side = excluded.county_side, district_side = excluded.district_side, "
            "subject_key = excluded.subject_key, county_version = excluded.county_version, "
            "incoming_version = excluded.incoming_version, "
            "found_at = CASE WHEN _county_conflicts.detail = excluded.detail THEN _county_conflicts.found_at "
            "ELSE excluded.found_at END "
            # The same conflict raised again as it stands (an export merged a second time) is not written: its row
            # held with its parts (keep_held_parts) reads as the row raised, and the file is left as it was.
            f"WHERE {_CONFLICT_RAISED_ANEW}",
            (self.highest_decided(), self.m.export_id, self.m.office_id, office, t, row_key, kind, other, text,
             json.dumps(row, default=str, ensure_ascii=False) if row is not None else "", self.now, county_key,
             group, subject, county_side, district_side, subject_key, county_version, incoming_version))
        conflict_id = self.dst.execute(
            f"SELECT id FROM {CONFLICTS_TABLE} WHERE office_id = ? AND table_name = ? AND row_key = ? AND kind = ?",
            (self.m.office_id, t, row_key, kind)).fetchone()[0]
        self.seen.add(conflict_id)
        self.summary.conflicts.append(Conflict(
            t, row_key, kind, office, other, text, conflict_id, subject, county_side, district_side, group,
            self.m.office_id, county_key, subject_key, county_version, incoming_version, row, self.m.export_id))

    def highest_decided(self) -> int:
        """The highest number of a conflict decided in this county file (its "conflict decided" entry in the audit
        trail), read once a merge: a new conflict is numbered after it, so a number the lead decided, wrote down or
        scripted (`safer-desk conflicts --keep county --conflict 1`) never comes back as another conflict (the
        conflicts' table gave the next free number once the highest was decided and gone)."""
        if self._highest_decided is None:
            self._highest_decided = int(self.dst.execute(
                f"SELECT coalesce(max(CAST(row_id AS INTEGER)), 0) FROM {audit.AUDIT_TABLE} WHERE table_name = ? AND "
                "action = 'event' AND column_name = 'conflict decided'", (DECISIONS_TABLE,)).fetchone()[0] or 0)
        return self._highest_decided

    def set_provenance(self, table: str, key: str, digest: str, shared: bool) -> None:
        set_origin(self.dst, table, key, self.import_number, digest, shared)

    def share(self, info: TableInfo, key: str, row: dict) -> None:
        """A row another office sent alike (row: the county's, as merged): held by both from now on (neither changes
        it, and it goes only when both have deleted it), and known by what it is, whichever of them sends it."""
        p = self.owner(info.name, key)
        if info.name not in NAMED_BY_ID:
            offices = {self.m.office_id, *([p.office_id] if p is not None and p.office_id else [])}
            self.dst.executemany(_HOLD_SQL, [(info.name, key, office) for office in offices])
        if info.name in LOCAL_COLUMNS:
            self.dst.execute(f"UPDATE {ORIGINS_TABLE} SET shared = 1, row_hash = ? WHERE table_name = ? AND "
                             "row_key = ?", (short_hash(shared_digest(info, row)), info.name, key))
            return
        self.dst.execute(f"UPDATE {ORIGINS_TABLE} SET shared = 1 WHERE table_name = ? AND row_key = ?",
                         (info.name, key))

    def hold(self, table: str, key: str) -> bool:
        """This office holds a row several offices hold, when the county keeps who does (a row shared before it did,
        common to every file or made at the county keeps none: it is never removed, so no holder is added). True
        when it did not hold it before (unhold, when its version turns out not to be the county's)."""
        return self.dst.execute(
            f"INSERT OR IGNORE INTO {HOLDERS_TABLE}(table_name, row_key, office_id) SELECT ?, ?, ? "
            f"WHERE EXISTS (SELECT 1 FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ?)",
            (table, key, self.m.office_id, table, key)).rowcount > 0

    def unhold(self, table: str, key: str) -> None:
        """An office that never sent the row alike does not hold it by sending another version of it (a conflict):
        the county's side names the offices that sent it alike, not this one."""
        self.dst.execute(f"DELETE FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ? AND office_id = ?",
                         (table, key, self.m.office_id))

    def tick(self, message: str) -> None:
        self.done += 1
        if self.done % 500 == 0:
            check_cancelled(self.cancelled)
            self.progress(min(self.done, self.total), self.total, message)

    # -- rows in the county file ----------------------------------------------
    def where_key(self, info: TableInfo) -> str:
        return " AND ".join(f"{quote(c)} = ?" for c in info.primary_key)

    def key_values(self, info: TableInfo, key: str) -> list:
        return [key] if len(info.primary_key) == 1 else json.loads(key)

    def select_by_key_sql(self, info: TableInfo) -> str:
        sql = self._sql.get(("select", info.name))
        if sql is None:
            cols = ", ".join(quote(c) for c in info.columns)
            sql = self._sql[("select", info.name)] = \
                f"SELECT {cols} FROM {quote(info.name)} WHERE {self.where_key(info)}"
        return sql

    def county_row(self, info: TableInfo, row: dict) -> dict | None:
        found = self.dst.execute(self.select_by_key_sql(info), [row[c] for c in info.primary_key]).fetchone()
        return None if found is None else dict(zip(info.columns, tuple(found)))

    def county_row_by_key(self, info: TableInfo, key: str) -> dict | None:
        found = self.dst.execute(self.select_by_key_sql(info), self.key_values(info, key)).fetchone()
        return None if found is None else dict(zip(info.columns, tuple(found)))

    def digest(self, info: TableInfo, row: dict) -> str:
        return row_hash(info.columns, [row[c] for c in info.columns])

    def clash(self, info: TableInfo, row: dict, natural: tuple[str, ...] | None) -> tuple[tuple[str, ...], dict] | None:
        """The first county row (another row than this one) with the same values on a UNIQUE key, or on its
        natural key (matched with IS: a blank there is a value like any other)."""
        keys = [(u, "=") for u in info.uniques] + ([(natural, "IS")] if natural else [])
        for unique, op in keys:
            values = [row[c] for c in unique]
            if op == "=" and any(v is None for v in values):  # NULLs never clash on a UNIQUE constraint
                continue
            sql = self._sql.get(("clash", info.name, unique, op))
            if sql is None:
                cols = ", ".join(quote(c) for c in info.columns)
                where = " AND ".join(f"{quote(c)} {op} ?" for c in unique)
                sql = self._sql[("clash", info.name, unique, op)] = \
                    f"SELECT {cols} FROM {quote(info.name)} WHERE {where} AND NOT ({self.where_key(info)}) LIMIT 1"
            found = self.dst.execute(sql, values + [row[c] for c in info.primary_key]).fetchone()
            if found is not None:
                return unique, dict(zip(info.columns, tuple(found)))
        return None

    def owner(self, table: str, key: str) -> Origin | None:
        return origin_of(self.dst, table, key, self.offices)

    def step_aside(self, info: TableInfo, row: dict, key: str, incoming_keys: "_IncomingKeys") -> None:
        """The office's line at the place in its list (UNIQUE with its position) that row takes now, sent again
        elsewhere in the list (a line deleted or added above it at the office), steps out of the way to a place
        below 0 until its own turn: else each line moved up or down clashed with the next, and the county lead was
        asked about the office's lines against themselves. Its origin follows it, as merged or not."""
        t = info.name
        for unique in info.uniques:
            if "position" not in unique or len(unique) < 2 or len(info.primary_key) != 1 \
                    or any(row.get(c) is None for c in unique):
                continue
            where = " AND ".join(f"{quote(c)} = ?" for c in unique)
            found = self.dst.execute(f"SELECT * FROM {quote(t)} WHERE {where} AND NOT ({self.where_key(info)})",
                                     [*(row[c] for c in unique), key]).fetchone()
            if found is None:
                continue
            other = dict(zip(info.columns, tuple(found)))
            other_key = info.key_of(other)
            if other_key not in incoming_keys or not self.own_row(t, other_key):
                continue
            sent = self.dst.execute(f"SELECT position FROM {_src(t)} WHERE {self.where_key(info)}",
                                    (other_key,)).fetchone()
            if sent is None or sent[0] == other["position"]:
                continue  # it stays where it is: a clash of its own
            parent = " AND ".join(f"{quote(c)} = ?" for c in unique if c != "position")
            lowest = self.dst.execute(f"SELECT min(position) FROM {quote(t)} WHERE {parent}",
                                      [row[c] for c in unique if c != "position"]).fetchone()[0]
            moved = {**other, "position": min(0, lowest) - 1}
            self.dst.execute(f"UPDATE {quote(t)} SET position = ? WHERE {self.where_key(info)}",
                             (moved["position"], other_key))
            self.only_moving(t)
            p = self.owner(t, other_key)
            as_merged = p is not None and matches_origin(info, other, p)
            if as_merged:
                self.dst.execute(f"UPDATE {ORIGINS_TABLE} SET row_hash = ? WHERE table_name = ? AND row_key = ?",
                                 (short_hash(self.digest(info, moved)), t, other_key))
            first = self.stepped_aside.setdefault(t, {}).get(other_key)
            self.stepped_aside[t][other_key] = (
                first[0] if first else other["position"], moved["position"],
                first[2] if first else (p.row_hash if as_merged and p is not None else None))

    def only_moving(self, table: str) -> None:
        """A write that only moves a line in its list (step_aside, back_in_place, a line only moved at the office):
        no change the merge's entry in the History of Changes counts ("Changed 7 cost lines" for one removed)."""
        batch = self.county.audit_state.batch
        per = batch.rows.get(table, {}) if batch is not None else {}
        if per.get("update", 0) > 1:
            per["update"] -= 1
        elif per.pop("update", None) is not None and not per:
            del batch.rows[table]

    def in_own_list(self, info: TableInfo, p: Origin) -> bool:
        """Whether the row is a line of this office's own list kept at positions UNIQUE in it (a project's cost
        lines), whose place in the list is the office's to say."""
        return any("position" in u for u in info.uniques) and not p.shared and p.office_id == self.m.office_id

    def back_in_place(self, info: TableInfo) -> None:
        """A line that stepped aside (step_aside) and was not merged after all (a conflict about it) goes back to
        its place as merged before, or, another line there now, to the place the office sends it at, or else after
        the list's last line."""
        t = info.name
        for key, (position, parked, was_merged) in self.stepped_aside.get(t, {}).items():
            now = self.county_row_by_key(info, key)
            if now is None or now["position"] != parked:
                continue
            sent = self.dst.execute(f"SELECT position FROM {_src(t)} WHERE {self.where_key(info)}", (key,)).fetchone()
            parent = {c: now[c] for u in info.uniques if "position" in u for c in u if c != "position"}
            last = self.dst.execute(f"SELECT max(position) FROM {quote(t)} WHERE "
                                    + " AND ".join(f"{quote(c)} = ?" for c in parent), list(parent.values())).fetchone()
            for place in (position, *(sent or ()), (last[0] or 0) + 1):
                try:
                    self.dst.execute(f"UPDATE {quote(t)} SET position = ? WHERE {self.where_key(info)}", (place, key))
                    self.only_moving(t)
                    break
                except sqlite3.IntegrityError:
                    continue
            if was_merged is not None:  # as merged before: as merged still, where it is now
                self.dst.execute(f"UPDATE {ORIGINS_TABLE} SET row_hash = ? WHERE table_name = ? AND row_key = ?",
                                 (short_hash(self.digest(info, {**now, "position": place})), t, key))

    def own_row(self, table: str, key: str) -> bool:
        """Whether the county row is this office's alone (merged from it, held by no other office)."""
        p = self.owner(table, key)
        return p is not None and p.office_id == self.m.office_id and not p.shared

    def owner_name(self, table: str, key: str) -> str:
        p = self.owner(table, key)
        return "the county file itself" if p is None else p.office_name

    def source_filter(self, table: str, alias: str = "") -> str:
        """Police.uk figures are worked out again from the counts at the county, never merged as an office's
        rows (they are sums over every force's counts); nor are the parts of a thing held by a conflict.
        alias: the export's table's name in the statement."""
        if table == "indicator_values" and self.public:
            return f"{alias + '.' if alias else ''}source NOT LIKE '{POLICE_SOURCE}%'"
        if table == FUND_SUMMARY_TABLE and self.incoming_summaries_held:
            ids = ", ".join(sql_text(i) for i, _name in sorted(self.incoming_summaries_held))
            return f"{alias + '.' if alias else ''}id NOT IN ({ids})"
        for whole_table, held in self.held.items():
            if table in WHOLES[whole_table].parts:
                keys = ", ".join(sql_text(key) for key in sorted(held))
                return f"NOT ({parts_where(whole_table, table, schema=SRC, alias=alias, keys=f'IN ({keys})')})"
        return ""

    def with_make_up(self, info: TableInfo, row: dict, *, incoming: bool) -> dict:
        """A row of a thing of WHOLES with its make-up beside it (an office's naming what its parts choose as the
        county holds it), for comparing it as a whole; any other row as it is."""
        if info.name not in WHOLES:
            return row
        if not incoming:
            return self.make_up_once_dropped(info.name, row)
        chosen = WHOLES[info.name].chosen
        remap = {key: county_id for (table, key), county_id in self.remap.items() if table == chosen}
        return with_make_up(self.dst, info.name, row, schema=SRC, remap=remap) or row

    def make_up_once_dropped(self, table: str, row: dict) -> dict:
        """The county's thing of WHOLES with what it is made of once the parts this office no longer sends are taken
        out (those as merged: take_out keeps a part edited at the county since), for comparing it with the office's.
        They go after it is merged (take_out_parts), unless a conflict then holds it as the county holds it now. Read
        through temporary views of its parts without them, as a thing's make-up reads its parts by schema."""
        if table not in self._dropped:
            self._dropped[table] = {}
            for part in WHOLES[table].parts:
                info = self.layouts.info(self.dst, part)
                keys = [key for key, stored_hash in self.parts_missing.get(part, {}).items()
                        if (current := self.county_row_by_key(info, key)) is not None
                        and matches_origin(info, current, Origin("", "", 0, stored_hash, False))]
                if keys:
                    self._dropped[table][part] = ", ".join(sql_text(key) for key in keys)
        dropped = {part: keys for part, keys in self._dropped[table].items() if self.dst.execute(
            f"SELECT 1 FROM main.{quote(part)} WHERE {parts_where(table, part)} AND id IN ({keys}) LIMIT 1",
            (row["id"],)).fetchone() is not None}
        if not dropped:
            return with_make_up(self.dst, table, row) or row
        views = []
        try:
            for part in WHOLES[table].parts:
                self.dst.execute(f"CREATE TEMP VIEW {quote(part)} AS SELECT * FROM main.{quote(part)}"
                                 + (f" WHERE id NOT IN ({dropped[part]})" if part in dropped else ""))
                views.append(part)
            return with_make_up(self.dst, table, row, schema="temp") or row
        finally:
            for part in views:
                self.dst.execute(f"DROP VIEW temp.{quote(part)}")

    def keep_held_parts(self) -> None:
        """With each conflict about a thing of WHOLES, the office's parts of it (links pointed at the county's rows
        as they were matched), so that keeping the office's version can bring them."""
        for c in self.summary.conflicts:
            if c.table not in WHOLES or c.incoming_row is None:
                continue
            parts = {}
            for part in WHOLES[c.table].parts:
                info = self.layouts.info(self.dst, part)
                parts[part] = [self.apply_remap(info, row)[0] for row in iter_rows(
                    self.dst, info, parts_where(c.table, part, schema=SRC, keys=f"= {sql_text(c.row_key)}"), SRC)]
            # Written only when it differs: an export merged again, its conflict still open, leaves the file as it was.
            self.dst.execute(f"UPDATE {CONFLICTS_TABLE} SET incoming_row = :row "
                             "WHERE id = :id AND incoming_row IS NOT :row",
                             {"row": json.dumps({**c.incoming_row, PARTS: parts}, default=str, ensure_ascii=False),
                              "id": c.id})
            self.say_plan_figures(c, parts)
            held = [(part, len(rows)) for part, rows in parts.items() if rows]
            if held:  # not merged, so in no count: said, so the counts and the file's rows add up
                n = sum(k for _, k in held)
                self.held_notes[c.id] = (
                    f"{counted(n, 'row')} held with conflict #{c.id} ({c.subject}), not counted above: "
                    f"{in_words([rows_counted(part, k) for part, k in held])} of {self.m.office_name}'s version, "
                    f"which come in with it if it is kept{self.parts_alike_words(c, parts, n)}.")
                self.summary.conflict_notes.append(self.held_notes[c.id])

    def parts_alike_words(self, c: Conflict, parts: dict[str, list[dict]], n: int) -> str:
        """" (all 3 as the county file holds them: only the project itself differs)", or " (2 of them …)", when parts
        held with a conflict are the county's own, row for row: a project only retitled or given a new status held its
        unchanged officers and cost lines, which read as changes of the office's; "" when none is alike."""
        key = c.county_key or c.row_key
        alike = 0
        for part, rows in parts.items():
            if not rows:
                continue
            info = self.layouts.info(self.dst, part)
            county = {json.dumps(r, sort_keys=True, default=str) for r in iter_rows(
                self.dst, info, parts_where(c.table, part, keys=f"= {sql_text(key)}"))}
            alike += sum(1 for r in rows if json.dumps(r, sort_keys=True, default=str) in county)
        if not alike:
            return ""
        if alike == n:
            thing = (c.subject.split(" '")[0] if " '" in c.subject else NOUNS.get(c.table, "thing")).lower()
            return f" (all {n} as the county file holds them: only the {thing} itself differs)" if n > 1 else \
                f" (as the county file holds it: only the {thing} itself differs)"
        return f" ({alike} of them as the county file holds them)"

    def say_plan_figures(self, c: Conflict, parts: dict[str, list[dict]]) -> None:
        """A conflict about a whole plan says the figures keeping the office's version would change, besides its
        lines: a cell decided before (Target Hardening's £5,000 kept) went back without a word."""
        if c.table != "budget_plans" or not isinstance(c.incoming_row, dict):
            return
        county_plan = self.dst.execute("SELECT id FROM main.budget_plans WHERE name = ?",
                                       (c.incoming_row.get("name"),)).fetchone()
        changes = plan_figures_differing(self.dst, county_plan[0], parts) if county_plan else []
        # Two offices' own plans of one name are one plan here: what each choice leaves out, and how to keep both.
        left_out = plan_lines_left_out(self.dst, county_plan[0], parts, c.office_name) if county_plan else ""
        if not changes and not left_out:
            return
        more = f". {left_out.removesuffix('.')}" if left_out else ""
        more += (f". Keeping {c.office_name}'s version also puts its figures in place of the county's: "
                 f"{'; '.join(changes)}") if changes else ""
        c.detail, c.district_side = c.detail + more, c.district_side + more
        self.dst.execute(f"UPDATE {CONFLICTS_TABLE} SET detail = ?, district_side = ? WHERE id = ?",
                         (c.detail, c.district_side, c.id))

    @functools.cached_property
    def referral_cells(self) -> dict[tuple[str, str, str], int]:
        """(fund, district, month) of the individual referrals' spend the county holds once this file is merged, with
        its amount in pence: the file's own, and the county's that this file does not take away (an office's
        referrals it no longer sends). Read before anything is merged, as what the office's file takes away is still
        in the county. A spend line both hold (the same file merged again) counts once."""
        lines: dict[str, tuple[tuple[str, str, str], int]] = {}
        spend = ("SELECT l.id, r.fund_id, r.district_id, substr(l.spent_on, 1, 7), l.amount_pence FROM {r} r "
                 "JOIN {l} l ON l.referral_id = r.id")
        found = []
        if all(has_table(self.dst, t, schema=SRC) for t in ("fund_referrals", "fund_spend_lines")):
            found += self.dst.execute(spend.format(r=_src("fund_referrals"), l=_src("fund_spend_lines"))).fetchall()
        if all(has_table(self.dst, t) for t in ("fund_referrals", "fund_spend_lines")):
            mine = ",".join(str(n) for n in self.my_imports) or "NULL"
            sent = (f"r.id IN (SELECT id FROM {_src('fund_referrals')}) OR "
                    if has_table(self.dst, "fund_referrals", schema=SRC) else "")
            found += self.dst.execute(
                spend.format(r="main.fund_referrals", l="main.fund_spend_lines")
                + f" WHERE {sent}NOT EXISTS (SELECT 1 FROM {ORIGINS_TABLE} o WHERE o.table_name = 'fund_referrals' "
                  f"AND o.row_key = r.id AND o.shared = 0 AND o.import_number IN ({mine}))").fetchall()
        for line_id, fund, district, month, pence in found:
            lines.setdefault(line_id, ((fund, district, month), int(pence or 0)))
        cells: dict[tuple[str, str, str], int] = {}
        for cell, pence in lines.values():
            cells[cell] = cells.get(cell, 0) + pence
        return cells

    def summaries_held_as_referrals(self, schema: str) -> list[tuple[str, str]]:
        """(id, fund's name) of the summary rows (the export's with schema SRC, else the county's) whose spend the
        county holds as individual referrals: a summary row of a district and month where it holds a fund's
        referrals' spend (of any month a row merged across months holds); a row of "Other districts" in a month
        when every district's row of that fund and month is so held and the referrals' spend in districts no row
        names covers the row's amount (else it holds spend of other districts, held only as this summary); with no
        district's row in its months (a fund of few victims, summarised whole), when that spend is the row's amount
        to the penny (another office's few victims of those months are not the referrals'). The costs figures add a
        fund's referrals and its summaries together: an office sending a fund's referrals and another its summaries of
        the same spend (the same fund in both files) counted it twice. A district's spend held only as a summary still
        counts."""
        cells = self.referral_cells
        if not cells or not has_table(self.dst, FUND_SUMMARY_TABLE, schema=schema):
            return []
        table = _src(FUND_SUMMARY_TABLE) if schema == SRC else f"main.{FUND_SUMMARY_TABLE}"
        funds_table = _src("funds") if schema == SRC else "main.funds"
        rows = [tuple(r) for r in self.dst.execute(
            f"SELECT s.id, s.fund_id, s.district_id, s.month, coalesce(f.name, s.fund_id), s.amount_pence "
            f"FROM {table} s "
            f"LEFT JOIN {funds_table} f ON f.id = s.fund_id")]
        others = [tuple(r) for schema_ in (SRC, "main") if has_table(self.dst, FUND_SUMMARY_TABLE, schema=schema_)
                  for r in self.dst.execute(
                      f"SELECT id, fund_id, district_id, month FROM "
                      f"{_src(FUND_SUMMARY_TABLE) if schema_ == SRC else 'main.' + FUND_SUMMARY_TABLE} "
                      "WHERE district_id IS NOT NULL")]

        def months(row_id: str, month: str) -> list[str]:
            span = moved_months(row_id)
            if span is None:
                return [month]
            first = Month.parse(span[0])
            return [first.plus(i).iso for i in range(Month.parse(span[1]).minus(first) + 1)]

        def held(fund: str, district: str, row_id: str, month: str) -> bool:
            return any((fund, district, m) in cells for m in months(row_id, month))

        named_held = {(f, m): True for _i, f, _d, m in others}
        named = {(f, d, m) for _i, f, d, m in others}
        for row_id, fund, district, month in others:
            if not held(fund, district, row_id, month):
                named_held[(fund, month)] = False
        out = []
        # "Other districts" of a fund and month(s): one row an item (door chains, door locks), weighed together
        # against the referrals' spend (one item's row against the month's whole spend was never set aside).
        unplaced: dict[tuple[str, tuple[str, ...]], list[tuple[str, str, int]]] = {}
        for row_id, fund, district, month, name, pence in rows:
            if district is not None:
                if held(fund, district, row_id, month):
                    out.append((row_id, name))
                continue
            unplaced.setdefault((fund, tuple(months(row_id, month))), []).append((row_id, name, pence or 0))
        for (fund, spans), group in unplaced.items():
            pence = sum(p for _i, _n, p in group)
            unnamed = sum(p for (f, d, m), p in cells.items() if f == fund and m in spans and (f, d, m) not in named)
            if not any((fund, m) in named_held for m in spans):
                if unnamed and unnamed == pence:
                    out.extend((row_id, name) for row_id, name, _p in group)
            elif unnamed and unnamed >= pence and all(named_held.get((fund, m), False) for m in spans):
                out.extend((row_id, name) for row_id, name, _p in group)
        return out

    @functools.cached_property
    def incoming_summaries_held(self) -> list[tuple[str, str]]:
        return self.summaries_held_as_referrals(SRC)

    def set_aside_summaries(self) -> None:
        """The summaries of spend the county holds as individual referrals now (another office's summaries of the
        fund one office sent the referrals of) are removed, and the summary says so, as are the file's own not
        merged: they are the same spend, and the costs figures add a fund's referrals and its summaries together."""
        for name, same in itertools.groupby(sorted(name for _id, name in self.incoming_summaries_held)):
            n = len(list(same))
            self.summary.conflict_notes.append(
                f"Fund '{name}': the county holds its individual referrals, so this file's "
                f"{counted(n, 'summary row')} of the same spend (by district and month) {'was' if n == 1 else 'were'} "
                "not merged: never counted twice.")
        if not has_table(self.dst, FUND_SUMMARY_TABLE):
            return
        rows = self.summaries_held_as_referrals("main")
        if not rows:
            return
        info = self.layouts.info(self.dst, FUND_SUMMARY_TABLE)
        kept = self.kept_for_others.get(FUND_SUMMARY_TABLE, [])
        for key, _name in rows:
            if key in kept:  # set aside, not kept for the offices that still send it: said once, as set aside
                kept.remove(key)
            self.dst.execute(f"DELETE FROM {FUND_SUMMARY_TABLE} WHERE {self.where_key(info)}",
                             self.key_values(info, key))
            drop_origin(self.dst, FUND_SUMMARY_TABLE, key)
            self.dst.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE table_name = ? AND (row_key = ? OR county_key = ?)",
                             (FUND_SUMMARY_TABLE, key, key))
            self.summary.removed += 1
            self.summary.count(FUND_SUMMARY_TABLE, "removed")
        for name, same in itertools.groupby(sorted(name for _key, name in rows)):
            n = len(list(same))
            self.summary.conflict_notes.append(
                f"Fund '{name}': the county holds its individual referrals now, so {counted(n, 'summary row')} of the "
                f"same spend (by district and month) {'was' if n == 1 else 'were'} set aside: never counted twice.")

    def incoming_keys(self, info: TableInfo) -> "_IncomingKeys":
        return _IncomingKeys(self.dst, info, self.source_filter(info.name))

    # -- the merge ---------------------------------------------------------------
    def run(self, tables: list[str]) -> MergeSummary:
        infos = {t: self.layouts.info(self.dst, t) for t in tables}
        incoming = {t: self.incoming_keys(infos[t]) for t in tables}
        before = {r["id"]: dict(r) for r in self._rows(f"SELECT * FROM {CONFLICTS_TABLE} WHERE office_id = ?",
                                                         (self.m.office_id,))}
        self.open_before = {(r["table_name"], r["row_key"]) for r in before.values()}
        if self.public:
            # Figures merged as an office's rows by an older version are the county's own derived figures now (a
            # figure an office typed over its counts stays the office's: its next file changes or removes it).
            self.dst.execute(f"DELETE FROM {ORIGINS_TABLE} WHERE table_name = 'indicator_values' "
                             "AND row_key >= 'pv:' AND row_key < 'pv;' AND row_key IN (SELECT id FROM indicator_values "
                             f"WHERE source LIKE '{POLICE_SOURCE}%')")
        refunds_before = self.refund_keys(tables)
        billing_before = self.billing_before(tables)
        billed_before = self.reviews_billed(self.county) if billing_before is not None and self.reviews_billed else None
        self.remove_missing(tables, infos, incoming)
        said_at = len(self.summary.conflict_notes)
        for t in wholes_before_parts(tables, infos):
            check_cancelled(self.cancelled)
            self.merge_table(infos[t], incoming[t])
            if t in WHOLES:
                self.take_out_parts(t, infos)
        self.hold_billing(billing_before)
        self.say_versions_held()
        self.take_out_waiting(tables, infos)
        self.take_out_deleted_held(infos)
        self.summary.conflict_notes.extend(self.older_costs_words())
        self.refunds_not_taken(refunds_before, tables)
        check_cancelled(self.cancelled)
        self.let_go_of_shared(tables, infos)  # (after the merge: rows matched under other ids are known by then)
        self.billing_beyond_cost(billing_before, billed_before)  # (after: the invoices no office holds are gone)
        self.set_aside_summaries()  # (before the words: a summary row set aside is not one kept for other offices)
        self.summary.conflict_notes[said_at:said_at] = self.removed_words(tables) + self.kept_for_others_words() \
            + self.kept_named_words() \
            + self.added_again_words(tables)
        self.raise_held_resplits()
        self.keep_held_parts()
        self.merge_police()
        self.refill_removed_figures()
        self.finish_conflicts(before)
        self.close_settled_police_conflicts()
        self.summary.still_open = sum(  # the same two versions (its words may be said anew: whose each side is)
            1 for c in self.summary.conflicts if c.id in before and (before[c.id]["county_version"],
                                                                    before[c.id]["incoming_version"])
            == (c.county_version, c.incoming_version))
        for t, keys in self.replaced.items():  # other offices' conflicts about these rows say the new version
            self.summary.conflict_notes += refresh_conflicts_about(
                self.dst, t, keys, describer=self.describer, offices=self.offices, besides_office=self.m.office_id,
                changed_by=self.m.office_name, sent_again=self.sent_again.get(t))
        # Whether this office sends alike a row several hold may have changed with its file (its conflict about the
        # row raised or over, the row held or let go of): other offices' conflicts about it say who does now.
        for t, keys in shared_rows_in_conflict(self.dst, self.m.office_id).items():
            self.summary.conflict_notes += refresh_conflicts_about(
                self.dst, t, keys, describer=self.describer, offices=self.offices, besides_office=self.m.office_id)
        self.summary.conflict_notes += self.take_what_every_holder_sends()
        if "dhr_payments" in tables:  # shares' conflicts say the payments held now (this file's, merged after them)
            refresh_share_payments_words(self.dst)
            for c in self.summary.conflicts:
                if c.table == "dhr_shares":
                    c.county_side, c.detail = self.dst.execute(
                        f"SELECT county_side, detail FROM {CONFLICTS_TABLE} WHERE id = ?", (c.id,)).fetchone()
        if self.notes_kept:
            what = in_words([counted(n, NOTES_WHAT.get(t, "row")) for t, n in sorted(self.notes_kept.items())])
            self.summary.conflict_notes.append(
                f"The reviews' case and panel-meeting notes are not in this export ({self.m.office_name} sends them "
                f"only with the victim-level detail): the county's copies of the notes of {what} are kept.")
        if self.notes_filled:
            what = in_words([counted(n, NOTES_WHAT.get(t, "row")) for t, n in sorted(self.notes_filled.items())])
            self.summary.conflict_notes.append(
                f"The notes of {what}, blank at the county because the exports before left them with their offices, "
                f"are filled in from {self.m.office_name}'s export, which sends them.")
        self.progress(self.total, self.total, "Merged.")
        return self.summary

    def _rows(self, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
        cursor = self.dst.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def remove_missing(self, tables: list[str], infos: dict[str, TableInfo],
                       incoming: dict[str, "_IncomingKeys"]) -> None:
        """Rows this office sent before but no longer has, children first; county edits are kept. The parts of a
        thing of WHOLES that stays wait for their thing to be merged (take_out_parts): a conflict about it keeps the
        county's thing as it is made until the lead decides, and says so."""
        if self.nothing_owned:
            return
        numbers = ",".join(str(n) for n in self.my_imports)
        missing: dict[str, list[tuple[str, bytes]]] = {}
        unsent = {OLDER_COST_TABLES[step] for step, _, _ in OLDER_COST_STEPS if step in self.m.pending_steps}
        for t in tables:
            missing[t] = [(key, bytes(stored_hash)) for key, stored_hash in self.dst.execute(
                f"SELECT row_key, row_hash FROM {ORIGINS_TABLE} WHERE table_name = ? AND shared = 0 "
                f"AND import_number IN ({numbers})", (t,)) if key not in incoming[t]]
            if t in unsent and missing[t]:  # its file was made by a version that could not send them: kept
                self.older_kept[t] = len(missing[t])
                missing[t] = []
        self.waiting = self.named_by_parts(tables, infos, missing)
        going: dict[str, set[str]] = {}  # part table -> ids of the parts of the things that go with this merge
        for whole_table, whole in WHOLES.items():
            if whole_table not in tables:
                continue
            info = infos[whole_table]
            # A thing edited at the county since stays (take_out asks the lead), made as it is: its parts with it.
            keys = ", ".join(sql_text(key) for key, stored_hash in missing[whole_table]
                             if (current := self.county_row_by_key(info, key)) is None
                             or matches_origin(info, current, Origin("", "", 0, stored_hash, False)))
            for part in whole.parts:
                if part in tables and missing[part]:
                    going[part] = {str(r[0]) for r in self.dst.execute(
                        f"SELECT id FROM main.{quote(part)} WHERE {parts_where(whole_table, part, keys=f'IN ({keys})')}"
                    )} if keys else set()
        for t in reversed(tables):
            info = infos[t]
            for key, stored_hash in missing[t]:
                if key in self.waiting.get(t, {}):
                    continue
                if t in going and key not in going[t]:
                    self.parts_missing.setdefault(t, {})[key] = stored_hash
                elif t == "dhr_deleted_cost_lines" and self.dst.execute(
                        "SELECT 1 FROM dhr_cost_lines WHERE id = ?", (key,)).fetchone() is not None:
                    self.deleted_held_missing[key] = stored_hash
                else:
                    self.take_out(info, key, stored_hash, False)

    def named_by_parts(self, tables: list[str], infos: dict[str, TableInfo],
                       missing: dict[str, list[tuple[str, bytes]]]) -> dict[str, dict[str, bytes]]:
        """The things of WHOLES this office no longer has that another thing of WHOLES in the county names (a project
        a commissioning scenario ticks or a plan line links to, the award a scenario is against), with their parts
        (table -> id -> the hash merged): taking one out would change the county's thing naming it (its choice or
        link goes, its award is blanked), so they wait until those things are merged (take_out_waiting), and stay
        while a conflict holds one of them as the county has it. So does a review or a pooled fund a plan line links
        to, with what is its (its cost lines and invoices, its contributions and spend: ``belonging``)."""
        waiting: dict[str, dict[str, bytes]] = {}
        for t in tables:
            namers = self.namers(t)  # (kept, a thing stays made as it is: its parts with it)
            if not missing[t] or not namers:
                continue
            for key, stored_hash in missing[t]:
                if any(self.dst.execute(f"SELECT 1 FROM main.{quote(part)} WHERE {quote(column)} = ? LIMIT 1",
                                        (key,)).fetchone() for _, part, column in namers):
                    waiting.setdefault(t, {})[key] = stored_hash
            if t not in waiting:
                continue
            if t not in WHOLES:
                hashes = {part: dict(rows) for part, rows in missing.items() if rows}
                for part, keys in self.belonging(tables, infos, {t: set(waiting[t])}).items():
                    for key in keys:
                        if key in hashes.get(part, {}):
                            waiting.setdefault(part, {})[key] = hashes[part][key]
                continue
            keys = ", ".join(sql_text(key) for key in waiting[t])
            for part in WHOLES[t].parts:
                if part not in tables or not missing[part]:
                    continue
                ids = {str(r[0]) for r in self.dst.execute(
                    f"SELECT id FROM main.{quote(part)} WHERE {parts_where(t, part, keys=f'IN ({keys})')}")}
                for key, stored_hash in missing[part]:
                    if key in ids:
                        waiting.setdefault(part, {})[key] = stored_hash
        return waiting

    def belonging(self, tables: list[str], infos: dict[str, TableInfo], found: dict[str, set[str]]
                  ) -> dict[str, set[str]]:
        """The rows that are the county's rows ``found`` (table -> ids) or theirs, through their links (a review's cost
        lines, invoices and payments, a fund's contributions and spend), parents first; things of WHOLES and their
        parts (a plan line's link to a review) are not, as they stay or go with their own thing."""
        found = {t: set(keys) for t, keys in found.items()}
        parts = {part for whole in WHOLES.values() for part in whole.parts}
        for t in tables:
            info = infos[t]
            if t in WHOLES or t in parts or info.primary_key != ("id",):
                continue
            for fk in info.foreign_keys:
                keys = found.get(fk.table) if fk.table != t and len(fk.columns) == 1 else None
                if keys:
                    found.setdefault(t, set()).update(str(r[0]) for r in self.dst.execute(
                        f"SELECT id FROM main.{quote(t)} WHERE {quote(fk.columns[0])} IN "
                        f"({', '.join(sql_text(k) for k in sorted(keys))})"))
        return found

    def namers(self, table: str) -> list[tuple[str, str, str]]:
        """(thing of WHOLES, its own table or one of its parts', the column) of the other things that name a row of
        this table: scenario_items.project_id, budget_line_links.project_id, commissioning_scenarios.award_id …"""
        return [(whole_table, namer, fk.columns[0]) for whole_table, whole in WHOLES.items() if whole_table != table
                for namer in (whole_table, *whole.parts) for fk in self.layouts.info(self.dst, namer).foreign_keys
                if len(fk.columns) == 1 and fk.table == table and table not in whole.parts]

    def take_out_waiting(self, tables: list[str], infos: dict[str, TableInfo]) -> None:
        """The rows named by parts of other things that waited for those things to be merged (named_by_parts) go now,
        their parts first, but for those a part of a thing a conflict of this merge holds names: the county's thing
        stays as the conflict says it is (it names them) until the county lead decides; they are looked at again with
        the office's next file."""
        kept: dict[str, set[str]] = {}
        for t in self.waiting:
            for whole_table, namer, column in self.namers(t):
                held = self.held_at_county.get(whole_table, set()) if namer == whole_table else \
                    self.county_parts_held(namer)
                if held:
                    kept.setdefault(t, set()).update(str(r[0]) for r in self.dst.execute(
                        f"SELECT {quote(column)} FROM main.{quote(namer)} WHERE id IN "
                        f"({', '.join(sql_text(k) for k in sorted(held))})") if r[0] is not None)
        edited: dict[str, set[str]] = {}  # (one edited at the county since stays, made as it is: take_out asks)
        for t in self.waiting:
            if t in WHOLES:
                info = infos[t]
                edited[t] = {key for key, stored_hash in self.waiting[t].items()
                             if (current := self.county_row_by_key(info, key)) is not None
                             and not matches_origin(info, current, Origin("", "", 0, stored_hash, False))}
        for t in list(self.waiting):
            if t in WHOLES and (kept.get(t) or edited.get(t)):
                keys = ", ".join(sql_text(k) for k in sorted(kept.get(t, set()) | edited.get(t, set())))
                for part in WHOLES[t].parts:
                    kept.setdefault(part, set()).update(str(r[0]) for r in self.dst.execute(
                        f"SELECT id FROM main.{quote(part)} WHERE {parts_where(t, part, keys=f'IN ({keys})')}"))
        # A review or fund kept stays with what is its (its cost lines, invoices, contributions …).
        for part, keys in self.belonging(tables, infos, {t: keys for t, keys in kept.items() if t not in WHOLES
                                                           and t in self.waiting}).items():
            kept.setdefault(part, set()).update(keys)
        for t in reversed(tables):
            for key, stored_hash in self.waiting.get(t, {}).items():
                if key in kept.get(t, ()):
                    if t in NAMED_WHEN_COUNTED:
                        self.kept_named.setdefault(t, []).append(key)
                else:
                    self.take_out(infos[t], key, stored_hash, False)
        self.waiting = {}

    def take_out_parts(self, whole_table: str, infos: dict[str, TableInfo]) -> None:
        """The parts of the county's things of whole_table (just merged) that this office no longer sends go, children
        first, but for the county's parts of a thing a conflict of this merge holds (county_parts_held)."""
        self._dropped.pop(whole_table, None)
        for part in reversed(WHOLES[whole_table].parts):
            missing = self.parts_missing.pop(part, {})
            kept = self.county_parts_held(part) if missing else set()
            for key, stored_hash in missing.items():
                if key not in kept:
                    self.take_out(infos[part], key, stored_hash, False)

    def take_out(self, info: TableInfo, key: str, stored_hash: bytes, shared: bool) -> None:
        """The county's row this office (the last that held it) no longer has goes, with its origin, unless it was
        edited at the county since it was merged: then it stays, and the county lead is asked."""
        t = info.name
        current = self.county_row_by_key(info, key)
        if current is not None and not matches_origin(info, current, Origin("", "", 0, stored_hash, shared)):
            subject = self.describer.subject(t, current)
            office = self.m.office_name
            # (a thing of WHOLES stays made as it is, parts and all, as its version says: county_parts_held)
            if t in WHOLES:
                self.held_at_county.setdefault(t, set()).add(key)
            self.raise_conflict(info, "removed-but-edited", None, with_make_up(self.dst, t, current), row_key=key,
                                county_key=key,
                                other="the county", sentence=(
                                    "kept at the county", f"removed by {office}",
                                    f"{subject}: edited at the county since it was merged, but no longer "
                                    f"in {office}'s file (kept at the county for now)"))
            return
        if current is not None:
            self.dst.execute(f"DELETE FROM {quote(t)} WHERE {self.where_key(info)}", self.key_values(info, key))
            if t == "indicator_values":
                self.removed_figures.append((current["indicator_id"], current["area_id"], current["period"]))
            self.replaced.setdefault(t, []).append(key)
            self.gone.setdefault(t, []).append((key, current))
            self.summary.removed += 1
            self.summary.count(t, "removed")
        drop_origin(self.dst, t, key)

    def let_go_of_shared(self, tables: list[str], infos: dict[str, TableInfo]) -> None:
        """Rows several offices hold that this office no longer sends (under the county's id or its own, matched):
        it holds them no more, and one no office holds any more goes as an office's own would (take_out), when
        nothing left in the county refers to it. Rows the export leaves out on purpose (individual
        referrals) are not let go of, nor the county's parts of a thing a conflict holds (county_parts_held); nor is a
        row shared with no holder kept (shared before the county kept them, common to every file, made at the county):
        it is never removed."""
        from safer_desk.storage.schema import costs as costs_schema

        if self.nothing_owned:
            return
        me = self.m.office_id
        left_out = set() if self.m.include_referrals else set(costs_schema.PRIVATE_TABLES)
        for t in reversed(tables):
            held = [r[0] for r in self.dst.execute(
                f"SELECT row_key FROM {HOLDERS_TABLE} WHERE table_name = ? AND office_id = ?", (t, me))]
            if not held or t in left_out:
                continue
            info = infos[t]
            sent = _IncomingKeys(self.dst, info, "").keys() | {
                str(county_key) for (table, _), county_key in self.remap.items() if table == t}
            kept = self.county_parts_held(t)
            for key in held:
                if key in sent or key in kept:
                    continue
                p = self.owner(t, key)
                others = self.dst.execute(f"SELECT 1 FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ? "
                                          "AND office_id <> ? LIMIT 1", (t, key, me)).fetchone()
                if p is None or not p.shared or others is not None:
                    self.dst.execute(f"DELETE FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ? AND "
                                     "office_id = ?", (t, key, me))
                    if others is not None:
                        self.kept_for_others.setdefault(t, []).append(key)
                        self.kept_for_offices |= {r[0] for r in self.dst.execute(
                            f"SELECT office_id FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ?", (t, key))}
                elif not self.referred_to(t, key):
                    self.take_out(info, key, p.row_hash, True)
                # (referred to: kept, and looked at again with the office's next file)

    def county_parts_held(self, table: str) -> set[str]:
        """The ids of the county's parts (rows of this table) of the things of WHOLES a conflict holds in this merge:
        the office's parts of them were not merged, so it sends none of them, yet it still holds them all; the
        county's thing stays as it is made (what the conflict says it is) until the county lead decides."""
        found: set[str] = set()
        for whole_table, keys in self.held_at_county.items():
            if table in WHOLES[whole_table].parts:
                where = parts_where(whole_table, table, keys=f"IN ({', '.join(sql_text(k) for k in sorted(keys))})")
                found |= {str(r[0]) for r in self.dst.execute(f"SELECT id FROM main.{quote(table)} WHERE {where}")}
        return found

    def referred_to(self, table: str, key: str) -> bool:
        """Whether anything left in the county refers to this row (a link to it, an office's areas): then it stays
        (a budget line the county linked to a project, a contribution it recorded from a partner). Rows NAMED_BY_ID
        are named where no link says so: they always stay."""
        if table in NAMED_BY_ID:
            return True
        if table not in self._referrers:
            self._referrers[table] = [
                (name, fk[3]) for (name,) in self.dst.execute(
                    "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
                for fk in self.dst.execute(f"PRAGMA main.foreign_key_list({quote(name)})") if fk[2] == table]
        return any(self.dst.execute(f"SELECT 1 FROM main.{quote(t)} WHERE {quote(c)} = ? LIMIT 1", (key,)).fetchone()
                   for t, c in self._referrers[table] + [("office_areas", "area_id")])

    def removed_words(self, tables: list[str]) -> list[str]:
        """What went from the county because the office's file no longer has it, per kind in words (the board paper
        no longer shows it); the victim-level rows an export leaves out are said apart: not deleted, summed up."""
        from safer_desk.storage.schema import costs as costs_schema

        left_out = set() if self.m.include_referrals else set(costs_schema.PRIVATE_TABLES)
        # An export with the referrals sends a fund's spend as them, not as totals: its totals are not deleted spend.
        referred = {str(r[0]) for r in self.dst.execute(f"SELECT DISTINCT fund_id FROM {_src('fund_referrals')}")} \
            if self.m.include_referrals and has_table(self.dst, "fund_referrals", schema=SRC) else set()
        deleted, summed, resent, in_referrals = [], [], [], []
        order = {t: n for n, t in enumerate(ROW_WORDS)}  # a project, then its parts; reviews; funds; figures
        for t in sorted(tables, key=lambda t: order.get(t, len(order))):
            gone = self.gone.get(t)
            if not gone:
                continue
            natural = NATURAL_KEYS.get(t)
            if natural:  # a row of totals sent again with new totals (its id is its content): changed, not deleted

                def sent_again(row: dict) -> bool:
                    # a fund's spend kept as no office's (sent before offices' parts were kept), now sent as the
                    # office's own part, is that spend sent again too
                    by = [c for c in natural if not (c == "office_id" and row.get(c) == "")]
                    sql = f"SELECT 1 FROM {_src(t)} WHERE {' AND '.join(f'{quote(c)} IS ?' for c in by)}"
                    return self.dst.execute(sql, [row.get(c) for c in by]).fetchone() is not None

                kept = [g for g in gone if not sent_again(g[1])]
                self.sent_again[t] = {key: row for key, row in gone if sent_again(row)}
                if len(kept) < len(gone):
                    resent.append(rows_counted(t, len(gone) - len(kept)))
                gone = kept
                if not gone:
                    continue
            if t == FUND_SUMMARY_TABLE and referred:
                taken = [g for g in gone if str(g[1].get("fund_id")) in referred]
                if taken:
                    in_referrals.append((rows_counted(t, len(taken)), len(taken),
                                         len({str(g[1].get("fund_id")) for g in taken})))
                gone = [g for g in gone if str(g[1].get("fund_id")) not in referred]
                if not gone:
                    continue
            if t == "illustrative_marks" and left_out:  # the marks of the referrals left out go with them
                with_them = [g for g in gone if g[1].get("table_name") in left_out]
                if with_them:
                    summed.append(rows_counted(t, len(with_them)))
                gone = [g for g in gone if g[1].get("table_name") not in left_out]
                if not gone:
                    continue
            words = rows_counted(t, len(gone))
            if t in NAMED_WHEN_COUNTED:
                names = [f"'{self.describer.label(t, key, row)}'" for key, row in gone[:3]]
                words += f" ({in_words(names + ([f'{len(gone) - 3} more'] if len(gone) > 3 else []))})"
            (summed if t in left_out else deleted).append(words)
        office = self.m.office_name
        notes = []
        if deleted:
            notes.append(f"Removed, as {office}'s file no longer has them: {in_words(deleted)}.")
        if resent:
            notes.append(f"Sent again with new totals: {in_words(resent)}.")
        if summed:
            notes.append(f"{office}'s individual referrals are not in this export (it sends its spend by district and "
                         f"month instead): the county's copies of {in_words(summed)} were taken out, and those "
                         "totals are the fund's spend at the county now.")
        for words, n, funds in in_referrals:
            whose = "the fund's" if funds == 1 else "the funds'"
            notes.append(f"{office} sends its individual referrals in this export (it sent its spend by district and "
                         f"month before): the county's {words} {'was' if n == 1 else 'were'} taken out, and the "
                         f"referrals are {whose} spend at the county now.")
        return notes

    def added_again_words(self, tables: list[str]) -> list[str]:
        """What the county lead deleted from the county file since it was merged, put back as the office still sends
        it, per kind in words: a deletion at the county does not go unsaid (an edit there is a conflict)."""
        order = {t: n for n, t in enumerate(ROW_WORDS)}
        words = []
        for t in sorted(self.added_again, key=lambda t: order.get(t, len(order))):
            back = self.added_again[t]
            said = rows_counted(t, len(back))
            if t in NAMED_WHEN_COUNTED:
                names = [f"'{self.describer.label(t, key, row)}'" for key, row in back[:3]]
                said += f" ({in_words(names + ([f'{len(back) - 3} more'] if len(back) > 3 else []))})"
            words.append(said)
        if not words:
            return []
        office = self.m.office_name
        return [f"Added again, though deleted in the county file since it was merged: {in_words(words)}, as "
                f"{office}'s file still has them. If they are not wanted, ask {office} to delete them in its own "
                "file: until then its every export puts them back."]

    def kept_for_others_words(self) -> list[str]:
        """The rows this office no longer has that stay, as other offices still send them (let_go_of_shared)."""
        if not any(self.kept_for_others.values()):
            return []
        order = {t: n for n, t in enumerate(ROW_WORDS)}  # a project, then its parts, as removed_words says them
        words = []
        held = [t for t, keys in self.kept_for_others.items() if keys]  # (a table's rows all set aside: none)
        for t in sorted(held, key=lambda t: order.get(t, len(order))):
            keys = self.kept_for_others[t]
            said = rows_counted(t, len(keys))
            if t in NAMED_WHEN_COUNTED:
                names = [f"'{self.describer.label(t, key)}'" for key in keys[:3]]
                said += f" ({in_words(names + ([f'{len(keys) - 3} more'] if len(keys) > 3 else []))})"
            words.append(said)
        offices = sorted({latest_office_name(self.dst, o) or "another office" for o in self.kept_for_offices})
        sends = "sends" if len(offices) == 1 else "send"
        return [f"Kept, as {in_words(offices)} still {sends} them: {in_words(words)}, no longer in "
                f"{self.m.office_name}'s file; they go once no office that sent them has them any more."]

    def kept_named_words(self) -> list[str]:
        """The things this office no longer has that stay, as a thing a conflict holds names them (take_out_waiting)."""
        if not self.kept_named:
            return []
        words = []
        for t, keys in self.kept_named.items():
            names = in_words([f"'{self.describer.label(t, key)}'" for key in keys])
            words.append(f"{rows_counted(t, len(keys))} ({names})")
        return [f"Kept at the county for now: {in_words(words)}, no longer in {self.m.office_name}'s file, as a "
                "conflict holds the county's version of what names them; they go with the office's next file once "
                "the county's version no longer names them."]

    def apply_remap(self, info: TableInfo, row: dict) -> tuple[dict, bool]:
        """The row with its links pointing at the county's rows; True when one of them was matched to a row
        another office (or the county) holds, so the row is looked for there by its natural key too."""
        remapped = False
        moved = set()
        for column, table in self.single_links(info):
            value = row.get(column)
            if column not in moved and value is not None and (table, str(value)) in self.remap:
                row[column] = self.remap[(table, str(value))]
                moved.add(column)
                remapped = True
        return row, remapped

    @staticmethod
    def single_links(info: TableInfo) -> list[tuple[str, str]]:
        """(column, table linked to) of the table's one-column links: its foreign keys, and UNDECLARED_LINKS (a cost
        line's earlier version names its line, which the county may hold under another office's id)."""
        return [(fk.columns[0], fk.table) for fk in info.foreign_keys if len(fk.columns) == 1] + \
            [(column, t) for column, linked in UNDECLARED_LINKS.get(info.name, {}).items() for t in linked]

    def older_costs_words(self) -> list[str]:
        """What an export made before OLDER_COST_STEPS could not bring, said when it holds reviews: the county reads
        that office's reviews' costs as at a past day as the version that made it did, until a newer file comes."""
        office, made = self.m.office_name, self.m.app_version or "an earlier version"
        # What the office sent from a later version is kept (remove_missing), and said so: it went back to an older
        # Safer Desk, whose file cannot carry them, which is not that it deleted them
        kept = [f"{office}'s file was made by Safer Desk {made}, which does not carry {what}: the county keeps the "
                f"{rows_counted(OLDER_COST_TABLES[step], n)} {office} sent from a later version, until {office} sends "
                f"a file from Safer Desk {first} or later."
                for step, what, first in OLDER_COST_STEPS if (n := self.older_kept.get(OLDER_COST_TABLES[step]))]
        missing = [(what, first) for step, what, first in OLDER_COST_STEPS
                   if step in self.m.pending_steps and not self.older_kept.get(OLDER_COST_TABLES[step])]
        if not missing or not has_table(self.dst, "dhr_cases", schema=SRC) or \
                self.dst.execute(f"SELECT 1 FROM {_src('dhr_cases')} LIMIT 1").fetchone() is None:
            return kept
        return [*kept, f"{office}'s file was made by Safer Desk {made}, which did not "
                f"keep {' or '.join(what for what, _ in missing)}: as at a past day the county reads its reviews' "
                f"costs as that version did, until {office} sends a file from Safer Desk {missing[-1][1]} or later."]

    def take_out_deleted_held(self, infos: dict[str, TableInfo]) -> None:
        """The lines deleted_held_missing set aside that this merge did not find again (the office took its delete
        back, say) go as any row the office no longer has."""
        found = {str(v) for (t, _), v in self.remap.items() if t == "dhr_deleted_cost_lines"}
        for key, stored_hash in self.deleted_held_missing.items():
            if key not in found:
                self.take_out(infos["dhr_deleted_cost_lines"], key, stored_hash, False)
        self.deleted_held_missing = {}

    def deleted_line_held(self, row: dict, key: str) -> str:
        """The id of a line this office deleted, of a review the county holds under another id: the county's line
        it is, when the office held that line alike with another office, which still holds it (the county's line
        stands, so the review reads its cost once as at a day before the office's delete, not the line twice), and
        its earlier versions follow it (UNDECLARED_LINKS). Else its own (looked for by what it is, as a deleted one)."""
        if self.dst.execute("SELECT 1 FROM dhr_deleted_cost_lines WHERE id = ?", (key,)).fetchone() is not None:
            return key
        me = self.m.office_id
        found = self.dst.execute(
            f"SELECT l.id FROM dhr_cost_lines l JOIN {HOLDERS_TABLE} h ON h.table_name = 'dhr_cost_lines' "
            "AND h.row_key = l.id AND h.office_id = ? WHERE l.case_id = ? AND l.category = ? AND l.description = ? "
            "AND l.id <> ?", (me, row["case_id"], row["category"], row["description"], key)).fetchall()
        if not found:  # sent again: the county's line, deleted as this office sent it, that still stands
            found = [r for r in self.dst.execute(
                "SELECT d.id FROM dhr_deleted_cost_lines d JOIN dhr_cost_lines l ON l.id = d.id WHERE d.case_id = ? "
                "AND d.category = ? AND d.description = ? AND d.deleted_on = ?",
                (row["case_id"], row["category"], row["description"], row["deleted_on"])).fetchall()
                if (p := self.owner("dhr_deleted_cost_lines", str(r[0]))) is not None and p.office_id == me]
        if len(found) != 1:
            return key
        row["id"] = county_id = found[0][0]
        self.remap[("dhr_deleted_cost_lines", key)] = county_id
        return str(county_id)

    def parent_sql(self, info: TableInfo, fk) -> str:
        """SELECT 1 for the parent row of a foreign key (built once per key: PRAGMAs are not free)."""
        sql = self._parent_sql.get((info.name, fk))
        if sql is None:
            parent = self.layouts.info(self.dst, fk.table) if fk.table != info.name else info
            to_cols = fk.to_columns or parent.primary_key
            where = " AND ".join(f"{quote(c)} = ?" for c in to_cols)
            sql = self._parent_sql[(info.name, fk)] = f"SELECT 1 FROM {quote(fk.table)} WHERE {where}"
        return sql

    def missing_parent(self, info: TableInfo, row: dict, incoming_keys: "_IncomingKeys | set[str]"
                       ) -> tuple[str, dict | None] | None:
        """(words, parent's row in the office's file) for a link to a row that is not in the county file."""
        for fk in info.foreign_keys:
            values = [row[c] for c in fk.columns]
            if any(v is None for v in values):
                continue
            if fk.table == info.name and len(values) == 1 and str(values[0]) in incoming_keys:
                continue  # a parent later in the same table (checked again when the transaction commits)
            if self.dst.execute(self.parent_sql(info, fk), values).fetchone() is None:
                parent = None
                if len(values) == 1:
                    column = quote((fk.to_columns or ("id",))[0])
                    cursor = self.dst.execute(f"SELECT * FROM {_src(fk.table)} WHERE {column} = ?", values)
                    found = cursor.fetchone()
                    if found is not None:
                        parent = dict(zip([d[0] for d in cursor.description], tuple(found)))
                words = self.describer.subject(fk.table, parent) if parent else \
                    f"{fk.table} row {', '.join(map(str, values))}"
                return words, parent
        return None

    def sent_as_last_merged(self, info: TableInfo, key: str, p: Origin, row: dict, existing: dict,
                            digest: str | None = None) -> bool:
        """Whether the office sends a row edited at the county since it was merged as it was last merged from it:
        then the office has not changed its version, the county's edit stands, and nothing is raised (a conflict
        is a new version from the office). Known when the office's row is the very one the county merged (its
        origin's hash, the office's own or shared, and for a thing of WHOLES what it is made of as the county holds
        it, or each of its parts as last merged from the office: the county's edit of a project dates its new status
        in its history), or when this very export was merged before and no conflict of the office's about the row was
        open (an open one is raised again, as it stands: the office's version was not the county's then either)."""
        if (p.shared or p.office_id == self.m.office_id) and matches_origin(info, row, p, digest) \
                and (row.get(MAKE_UP) == existing.get(MAKE_UP) or self.parts_as_last_merged(info.name, key)):
            return True
        return self.known and (info.name, key) not in self.open_before

    def parts_as_last_merged(self, table: str, key: str) -> bool:
        """Whether the office sends every part of its thing of WHOLES as the county last merged it from the office
        (the office's, or held alike by several)."""
        for part in WHOLES[table].parts:
            info = self.layouts.info(self.dst, part)
            for row in iter_rows(self.dst, info, parts_where(table, part, schema=SRC, keys=f"= {sql_text(key)}"), SRC):
                row = self.apply_remap(info, row)[0]
                p = self.owner(part, info.key_of(row))
                if p is None or not (p.shared or p.office_id == self.m.office_id) or not matches_origin(info, row, p):
                    return False
        return True

    def same_thing(self, info: TableInfo, a: dict, b: dict) -> bool:
        """Two versions that agree on everything compared (ids and the office's local details aside); reference data
        by its names with their spaces tidied, as they are held since ("Suffolk  Constabulary" from an older file is
        the Suffolk Constabulary the county holds, not a conflict showing two names that look alike)."""
        if info.name in REFERENCE_TABLES:
            a, b = _names_tidied(a), _names_tidied(b)
        return version_of(info, a) == version_of(info, b)

    def held_from(self, info: TableInfo, key: str, row: dict, p: Origin | None) -> str:
        """Where the county's row another row clashes with came from: "in the county file, sent alike by Babergh
        office and Mid Suffolk office" when several offices hold it (each that sends it alike named once, not this
        one: shared_came_from), else the office whose file brought it."""
        if p is not None and p.shared:
            return shared_came_from(self.dst, info, key, row, p, office_id=self.m.office_id)
        return self.from_owner(p)

    def from_owner(self, p: Origin | None, edited: bool = False) -> str:
        if p is None:
            return "in the county file"
        if edited:
            return f"at the county (edited there since it came from {p.office_name})"
        return f"from {p.office_name}"

    def merge_table(self, info: TableInfo, incoming_keys: "_IncomingKeys") -> None:
        t = info.name
        natural = REFERENCE_TABLES.get(t) or NATURAL_KEYS.get(t)
        reference = t in REFERENCE_TABLES
        insert_sql = (f"INSERT INTO {quote(t)} ({', '.join(quote(c) for c in info.columns)}) "
                      f"VALUES ({', '.join('?' * len(info.columns))})")
        set_cols = [c for c in info.columns if c not in info.primary_key]
        update_sql = (f"UPDATE {quote(t)} SET {', '.join(f'{quote(c)} = ?' for c in set_cols)} "
                      f"WHERE {self.where_key(info)}") if set_cols else None
        if not incoming_keys:
            return
        if len(incoming_keys) < BULK_ROWS or len(info.primary_key) != 1 or t == "dhr_cost_line_versions":
            # (a cost line's earlier versions each ask whether the office's line was taken: version_waits)
            rows = [self.apply_remap(info, row) for row in iter_rows(self.dst, info, self.source_filter(t), SRC)]
        else:
            # Most rows of a merge are new to the county and touch nothing of it: they go in together, in SQL.
            # The others (there already, sharing a UNIQUE value, linking to what is not there, or to a row
            # matched to another office's) are looked at one by one; so is every thing of WHOLES the county holds
            # (a project alike to the byte may still differ in its lists).
            rows = self.merge_new_rows(info, natural, reference)
        if t == "dhr_shares":  # a refused share before the invoices dealing with its refusal (as the county holds it)
            rows = _sources_first(rows)
        for row, remapped in rows:
            self.tick(f"Merging {t}…")
            key = info.key_of(row)
            if t == "dhr_shares":
                source = row.get("source_share_id")
                if source is not None and ("dhr_shares", str(source)) in self.remap:  # matched earlier in this table
                    row["source_share_id"], remapped = self.remap[("dhr_shares", str(source))], True
            if t == "dhr_deleted_cost_lines" and remapped:
                key = self.deleted_line_held(row, key)
            self.merge_row(info, row, key, remapped, reference, natural, incoming_keys, insert_sql,
                           update_sql, set_cols)
            if t == "dhr_shares":
                self.office_shares[str(self.remap.get((t, key), key))] = row
        self.back_in_place(info)
        check_cancelled(self.cancelled)
        self.progress(min(self.done, self.total), self.total, f"Merging {t}…")

    def merge_new_rows(self, info: TableInfo, natural: tuple[str, ...] | None,
                       reference: bool) -> list[tuple[dict, bool]]:
        """Add the table's new rows in one statement and return the rest (with links matched to the county's
        rows, and whether one was), for a look one by one. Rows already in the county exactly as sent, with an
        origin, need nothing.

        The rows are read where they are in the attached export when they need no change first (no link of
        theirs points at a row matched to another id) and the export's table holds its values exactly as the
        county's table would (both STRICT, the same column types: a copy would change nothing); otherwise they
        are copied into a temporary table and the links changed there."""
        t = info.name
        conn = self.dst
        pk = info.primary_key[0]
        cols = ", ".join(quote(c) for c in info.columns)
        where = self.source_filter(t, "i")
        moves_by_fk = []
        for column, linked in self.single_links(info):
            moves = [(new, old) for (table, old), new in self.remap.items() if table == linked]
            if moves:
                moves_by_fk.append((quote(column), moves))
        conn.execute("DROP TABLE IF EXISTS temp.merge_new")
        remapped: set[str] = set()
        if not moves_by_fk and self.same_layout(t):
            source = _src(t)

            def of_source(alias: str) -> str:  # the rows merged: the export's, less those left out
                return self.source_filter(t, alias)
        else:
            source = "temp.merge_in"

            def of_source(alias: str) -> str:
                return ""

            conn.execute("DROP TABLE IF EXISTS temp.merge_in")
            conn.execute(f"CREATE TEMP TABLE merge_in AS SELECT {cols} FROM main.{quote(t)} WHERE 0")
            conn.execute(f"INSERT INTO temp.merge_in SELECT {cols} FROM {_src(t)} i"
                         + (f" WHERE {where}" if where else ""))
            conn.execute(f"CREATE INDEX temp.merge_in_key ON merge_in({quote(pk)})")
            # Links to rows this office holds under another id than the county's: pointed at the county's rows.
            for col, moves in moves_by_fk:
                for new, old in moves:
                    remapped |= {str(r[0]) for r in conn.execute(
                        f"SELECT {quote(pk)} FROM temp.merge_in WHERE CAST({col} AS TEXT) = ?", (old,))}
                    conn.execute(f"UPDATE temp.merge_in SET {col} = ? WHERE CAST({col} AS TEXT) = ?", (new, old))

        def and_of_source(alias: str) -> str:
            cond = of_source(alias)
            return f" AND {cond}" if cond else ""

        same_key = f"m.{quote(pk)} = i.{quote(pk)}"
        checks = [f"EXISTS (SELECT 1 FROM main.{quote(t)} m WHERE {same_key})"]
        for unique, op in [(u, "=") for u in info.uniques] + ([(natural, "IS")] if natural else []):
            cond = " AND ".join(f"m.{quote(c)} {op} i.{quote(c)}" for c in unique)
            checks.append(f"EXISTS (SELECT 1 FROM main.{quote(t)} m WHERE {cond} AND NOT ({same_key}))")
        for fk in info.foreign_keys:
            parent = self.describer.info(fk.table) if fk.table != t else info
            to_cols = fk.to_columns or parent.primary_key
            linked = " AND ".join(f"p.{quote(a)} = i.{quote(b)}" for a, b in zip(to_cols, fk.columns))
            given = " AND ".join(f"i.{quote(c)} IS NOT NULL" for c in fk.columns)
            check = f"({given} AND NOT EXISTS (SELECT 1 FROM main.{quote(fk.table)} p WHERE {linked})"
            if fk.table == t:  # a parent later in the same table: looked at one by one
                check += f" AND NOT EXISTS (SELECT 1 FROM {source} p WHERE {linked}{and_of_source('p')})"
            checks.append(check + ")")
        if not reference:  # merged before and not here now (deleted at the county): looked at one by one (add_row)
            checks.append(f"EXISTS (SELECT 1 FROM main.{ORIGINS_TABLE} o WHERE o.table_name = {sql_text(t)} AND "
                          f"o.row_key = CAST(i.{quote(pk)} AS TEXT))")
        if t == "dhr_shares":  # an invoice dealing with a refusal: only if the county holds that refusal (one by one)
            checks.append("i.source_share_id IS NOT NULL")
        if t in ONE_ACROSS_OFFICES:  # the same payment another office sent (under its id): looked at one by one
            cond = " AND ".join(f"m.{quote(c)} IS i.{quote(c)}" for c in CHILD_KEYS[t])
            checks.append(f"EXISTS (SELECT 1 FROM main.{quote(t)} m WHERE {cond} AND NOT ({same_key}))")
        if t == "dhr_payments":  # one the county's share may not take as it holds it: looked at one by one
            checks.append(
                "EXISTS (SELECT 1 FROM main.dhr_shares s WHERE s.id = i.share_id AND (s.status != 'invoiced' OR "
                "s.amount_pence < (SELECT coalesce(sum(q.amount_pence), 0) FROM main.dhr_payments q WHERE "
                f"q.share_id = s.id) + (SELECT sum(j.amount_pence) FROM {source} j WHERE j.share_id = i.share_id"
                f"{and_of_source('j')})))")
        # Every row new (none there already, none held back): nothing is the same, nothing is left to look at,
        # and no list of the new rows is made.
        all_new = not remapped and bool(conn.execute(
            f"SELECT NOT EXISTS (SELECT 1 FROM {source} i WHERE ({' OR '.join(checks)}){and_of_source('i')})"
        ).fetchone()[0])
        same = 0
        if not all_new:
            conn.execute(f"CREATE TEMP TABLE merge_new AS SELECT i.{quote(pk)} AS k FROM {source} i "
                         f"WHERE NOT ({' OR '.join(checks)}){and_of_source('i')}")
            if remapped:
                conn.executemany("DELETE FROM temp.merge_new WHERE CAST(k AS TEXT) = ?", [(k,) for k in remapped])
            alike = " AND ".join(f"m.{quote(c)} IS i.{quote(c)} AND typeof(m.{quote(c)}) = typeof(i.{quote(c)})"
                                 for c in info.columns if c != pk)
            conn.execute("DROP TABLE IF EXISTS temp.merge_same")
            if t in WHOLES:  # its own row alike is not enough: what it is made of is compared too (merge_row)
                alike = "false"
            # Alike and this office's (or held by several already): nothing to do. A row another office sent alike
            # is looked at one by one, which makes it held by both (merge_row: ``share``), so neither office's later
            # export changes or removes it; left here, it stayed the first office's alone.
            mine = ", ".join(str(n) for n in {*self.my_imports, self.import_number})
            conn.execute(
                f"CREATE TEMP TABLE merge_same AS SELECT i.{quote(pk)} AS k FROM {source} i JOIN main.{quote(t)} m "
                f"ON {same_key} WHERE {alike or '1'} AND EXISTS (SELECT 1 FROM main.{ORIGINS_TABLE} o "
                f"WHERE o.table_name = ? AND o.row_key = CAST(i.{quote(pk)} AS TEXT) AND (o.shared OR "
                f"o.import_number IN ({mine}))){and_of_source('i')}", (t,))
            if remapped:
                conn.executemany("DELETE FROM temp.merge_same WHERE CAST(k AS TEXT) = ?", [(k,) for k in remapped])
            same = conn.execute("SELECT count(*) FROM temp.merge_same").fetchone()[0]
            if same:  # rows several offices hold, sent alike again: this office holds them (when the county keeps who)
                conn.execute(f"INSERT OR IGNORE INTO {HOLDERS_TABLE}(table_name, row_key, office_id) SELECT DISTINCT "
                             f"h.table_name, h.row_key, ? FROM {HOLDERS_TABLE} h JOIN temp.merge_same s "
                             "ON h.row_key = CAST(s.k AS TEXT) WHERE h.table_name = ?", (self.m.office_id, t))
        # The new rows: every row the export has for the table (then no list of them is looked through for
        # each), or those listed in merge_new. (A WHERE always: an upsert's SELECT needs one before ON CONFLICT.)
        if all_new:
            new_rows = f"FROM {source} i WHERE {of_source('i') or 'true'}"
        else:
            new_rows = f"FROM {source} i WHERE i.{quote(pk)} IN (SELECT k FROM temp.merge_new)"
        # In key order, as the rows always went in.
        added = conn.execute(f"INSERT INTO main.{quote(t)} ({cols}) SELECT {cols} {new_rows} "
                             f"ORDER BY {quote(pk)}").rowcount
        if added:
            # Each origin's hash worked out by SQLite (the same bytes as row_hash, without a Python row each).
            digest = row_digest_sql(info.columns, self.layouts.plain_columns(conn, t))
            conn.execute(
                f"INSERT INTO {ORIGINS_TABLE}(table_name, row_key, import_number, row_hash, shared) "
                f"SELECT ?, CAST({quote(pk)} AS TEXT), ?, {digest}, ? {new_rows} ORDER BY {quote(pk)} "
                "ON CONFLICT(table_name, row_key) DO UPDATE SET import_number = excluded.import_number, "
                "row_hash = excluded.row_hash, shared = excluded.shared", (t, self.import_number, int(reference)))
            if reference and t not in NAMED_BY_ID:  # matched across offices: held by this one, until another sends it
                conn.execute(f"INSERT OR IGNORE INTO {HOLDERS_TABLE}(table_name, row_key, office_id) "
                             f"SELECT ?, CAST({quote(pk)} AS TEXT), ? {new_rows}", (t, self.m.office_id))
            self.summary.added += added
            self.summary.count(t, "added", added)
        self.summary.unchanged += same
        self.done += added + same
        rest = []
        if not all_new:
            cursor = conn.execute(f"SELECT {cols} FROM {source} i WHERE {quote(pk)} NOT IN (SELECT k FROM "
                                  f"temp.merge_new) AND {quote(pk)} NOT IN (SELECT k FROM temp.merge_same)"
                                  f"{and_of_source('i')} ORDER BY {quote(pk)}")
            for values in cursor:
                row = dict(zip(info.columns, tuple(values)))
                rest.append((row, str(row[pk]) in remapped))
            conn.execute("DROP TABLE temp.merge_same")
            conn.execute("DROP TABLE temp.merge_new")
        if source == "temp.merge_in":
            conn.execute("DROP TABLE temp.merge_in")
        return rest

    def same_layout(self, table: str) -> bool:
        """The export's table holds its values exactly as the county's would: both STRICT, with the same columns
        of the same plain types (in a STRICT table a value is always of its column's type, or NULL)."""
        county = self.layouts.column_types(self.dst, table)
        if county is None or not all(kind in _STRICT_TYPES for _, kind, _ in county):
            return False
        if self.src_strict is None:  # which of the export's tables are STRICT, read once
            self.src_strict = {r[0] for r in self.dst.execute(
                "SELECT name FROM pragma_table_list WHERE schema = ? AND strict", (SRC,))}
        return _column_types(self.dst, table, SRC, table in self.src_strict) == county

    def merge_row(self, info: TableInfo, row: dict, key: str, remapped: bool, reference: bool,
                  natural: tuple[str, ...] | None, incoming_keys: "_IncomingKeys", insert_sql: str, update_sql: str | None,
                  set_cols: list[str]) -> None:
        t = info.name
        me = self.m.office_id
        existing = self.county_row(info, row)
        if existing is None:
            self.add_row(info, row, key, reference, natural, remapped, incoming_keys, insert_sql)
            return
        row, existing = self.with_make_up(info, row, incoming=True), self.with_make_up(info, existing, incoming=False)
        not_sent = [c for c in self.notes_not_sent.get(t, ()) if c in existing and row.get(c) != existing[c]]
        if not_sent:  # left with the office, not deleted there: the county's copy is what the office would say
            row = {**row, **{c: existing[c] for c in not_sent}}
            self.notes_kept[t] = self.notes_kept.get(t, 0) + 1
        elif t in NOTES_WHAT:
            existing = self.fill_notes_left_out(info, existing, row, key)
        digest = self.digest(info, row)
        p = self.owner(t, key)
        current = self.digest(info, existing)
        as_merged = p is not None and matches_origin(info, existing, p, current)
        newly_held = p is not None and p.shared and self.hold(t, key)  # sent again, alike or not: still held
        if p is not None and not as_merged and self.sent_as_last_merged(info, key, p, row, existing, digest):
            self.summary.unchanged += 1  # the county's edit stands
            return
        if p is not None and not as_merged and self.in_own_list(info, p) and existing["position"] != row["position"]:
            # A line of the office's list edited at the county: its place in the list is the office's (a line
            # deleted or added above it there), whatever becomes of the county's edit; moved only, the edit stands.
            was = self.stepped_aside.get(t, {}).get(key, (existing["position"],))[0]
            self.step_aside(info, row, key, incoming_keys)
            if self.clash(info, row, None) is None:
                self.dst.execute(f"UPDATE {quote(t)} SET position = ? WHERE {self.where_key(info)}",
                                 (row["position"], key))
                self.only_moving(t)
                existing = {**existing, "position": row["position"]}
                current = self.digest(info, existing)
                if matches_origin(info, {**row, "position": was}, p):
                    self.set_provenance(t, key, digest, False)  # the office's version as merged; the county's edit
                    self.summary.unchanged += 1
                    return
        if p is not None and (not p.shared or newly_held) and p.office_id != me and current != digest \
                and self.untouched_example(info, key, row, existing):
            if newly_held:
                self.unhold(t, key)  # it does not hold the county's version
            self.set_aside_untouched_example(info, row, existing, natural)
            self.summary.unchanged += 1  # the county's version, another office's change of the example's, stands
            return
        untouched_by = self.untouched_example_holders(info, key, row, existing, p) \
            if p is not None and p.office_id != me and as_merged and current != digest else []
        if untouched_by:
            # The example's row as every office that sent it shipped it, changed at this office alone: its change,
            # taken below (as its own row's would be); those offices' untouched copies are set aside against it.
            self.dst.execute(f"DELETE FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ?", (t, key))
            for office_id, office_name in untouched_by:
                self.set_aside_untouched_example(info, existing, row, natural, office=(office_id, office_name))
        if p is not None and not p.shared and p.office_id != me and not untouched_by:
            alike = current == digest and row.get(MAKE_UP) == existing.get(MAKE_UP)  # a thing of WHOLES: its parts too
            if as_merged and (alike or self.same_thing(info, existing, row)):
                # The same row another office sent, alike: held by both from now on, so neither office's later
                # export changes or removes it.
                self.share(info, key, existing)
                self.summary.unchanged += 1
                return
            self.raise_conflict(info, "other-office", row, existing, row_key=key, county_key=key,
                                other=p.office_name, county_from=self.from_owner(p, not as_merged), natural=natural)
            return
        # (a thing of WHOLES: its own row alike to the byte, and what it is made of too)
        if current == digest and row.get(MAKE_UP) == existing.get(MAKE_UP):
            self.summary.unchanged += 1
            if p is None:
                # Already in the county file, with no origin (the rows every new file starts with, or the
                # county's own): common to all, so no office owns it and none removes it.
                self.set_provenance(t, key, digest, True)
            elif not as_merged and not p.shared and not not_sent:
                # Edited at the county to what the office now sends, to the byte: its version from now on, so the
                # office's next change of it replaces it (as when they differ in its timestamps only, below). Not
                # when alike only by the notes the office did not send: its next export with them is its version.
                self.set_provenance(t, key, current, False)
            return
        if reference or (p is not None and p.shared and not untouched_by):
            if self.same_thing(info, existing, row):
                if reference and (p is None or as_merged):
                    self.tidy_name(info, key, existing, row, p)
                self.summary.unchanged += 1
                return
            if reference and self.blank_where_county_knows(info, existing, row):
                self.summary.unchanged += 1  # not known to the office (a district's first day), known here: stands
                return
            if reference and (p is None or as_merged) and self.fill_blanks(info, existing, row, key, natural):
                return
            # Something several offices hold: shared reference data or a definition (a deterministic id such as
            # "indicator:all-crime"), or a thing of their own such as a review or a project both record (said and
            # grouped as what it is).
            definition = reference or t in REFERENCE_GROUP_TABLES or _deterministic_key(key)
            kind = "reference-differs" if definition else "differs"
            if newly_held:
                self.unhold(t, key)
            county_from = reference_came_from(self.dst, info, key, existing, p, me, as_merged) if reference else \
                shared_came_from(self.dst, info, key, existing, p, as_merged, me)
            if kind == "differs" and not as_merged:  # sent alike by several, edited in the county file since: the
                # county's own edit is at stake, said and grouped as an edit of one office's row is
                kind, county_from = "edited-at-county", "at the county (edited there since it was merged)"
            self.raise_conflict(info, kind, row, existing, row_key=key, county_key=key,
                                other=self.owner_name(t, key), county_from=county_from, natural=natural)
            return
        if p is None:
            if self.same_thing(info, existing, row):
                self.summary.unchanged += 1
                return
            if t == "indicator_values" and str(existing.get("source") or "").startswith(POLICE_SOURCE):
                # A figure the county worked out from police.uk counts (no office's row), which the office typed over
                # since: said and decided as when the county's figure held another id (add_row).
                self.police_figure_clash(info, row, key, existing, key, insert_sql)
                return
            self.raise_conflict(info, "made-at-county", row, existing, row_key=key, county_key=key,
                                other="the county file itself", county_from="in the county file", natural=natural)
            return
        if not as_merged:
            if self.same_thing(info, existing, row):  # edited at the county to what the office now says
                if not not_sent:
                    self.set_provenance(t, key, current, False)
                self.summary.unchanged += 1
                return
            self.raise_conflict(info, "edited-at-county", row, existing, row_key=key, county_key=key,
                                other="the county", natural=natural,
                                county_from="at the county (edited there since it was merged)")
            return
        self.step_aside(info, row, key, incoming_keys)
        clash = self.clash(info, row, None)
        if clash is not None:
            unique, other = clash
            other_key = info.key_of(other)
            self.raise_conflict(info, "differs", row, other, row_key=key, county_key=other_key,
                                other=self.owner_name(t, other_key),
                                county_from=self.held_from(info, other_key, other, self.owner(t, other_key)),
                                natural=unique)
            return
        if update_sql:
            self.dst.execute(update_sql, [row[c] for c in set_cols] + [row[c] for c in info.primary_key])
        self.set_provenance(t, key, digest, False)
        self.replaced.setdefault(t, []).append(key)
        if any("position" in u for u in info.uniques) and all(row[c] == existing[c] for c in set_cols
                                                               if c != "position"):
            self.summary.unchanged += 1  # only moved in its list (a line deleted or added above it): no change to it
            self.only_moving(t)
            return
        self.summary.replaced += 1
        self.summary.count(t, "replaced")

    def untouched_example(self, info: TableInfo, key: str, row: dict, existing: dict) -> bool:
        """Whether the office's row is the example's as shipped (its copy of the example, never changed there) while
        the county holds another version of it, another office's change (or the county's own): no disagreement,
        since nobody at this office chose the example's version, so nothing is raised and the county's stands
        (three districts begun from the example: one shortlisted Homeshield Plus, and the merge of another's
        untouched copy raised "status shortlisted from Babergh office, proposed from Mid Suffolk office"). A thing
        of WHOLES only when its parts are as the county holds them (the example's parts are not told from the
        office's own here); an office that held the county's version before and now sends the example's (set back
        by hand) is not asked here (the caller asks only for a row it did not hold). Not reference data (merged by
        rules of its own), nor a review's or a fund's money (EXAMPLE_LEDGER_TABLES): an office's correction of the
        example's review cost, billed again, against the others' untouched invoices is a question of the ledger,
        said once as before (a re-billing the county's ledger cannot take)."""
        if info.name in REFERENCE_TABLES or info.name.startswith(EXAMPLE_LEDGER_TABLES):
            return False
        shipped = self.example_rows.get(info.name, {}).get(key)
        if not shipped or (info.name in WHOLES and row.get(MAKE_UP) != existing.get(MAKE_UP)):
            return False
        if short_hash(shared_digest(info, row)).hex() not in shipped:
            return False
        return short_hash(shared_digest(info, existing)).hex() not in shipped

    def untouched_example_holders(self, info: TableInfo, key: str, row: dict, existing: dict,
                                  p: Origin) -> list[tuple[str, str]]:
        """The offices (id, name) the county's row came from when it is the example's as shipped and this office sends
        a change of it (``untouched_example`` the other way round); [] otherwise, or when the county does not know
        which offices hold it (shared before it kept them)."""
        if not self.untouched_example(info, key, existing, row):
            return []
        if not p.shared:
            return [(p.office_id, p.office_name)]
        holders = [r[0] for r in self.dst.execute(f"SELECT office_id FROM {HOLDERS_TABLE} WHERE table_name = ? AND "
                                                  "row_key = ? AND office_id != ?", (info.name, key, self.m.office_id))]
        return [(h, latest_office_name(self.dst, h) or h) for h in sorted(holders)]

    def set_aside_untouched_example(self, info: TableInfo, row: dict, existing: dict,
                                    natural: tuple[str, ...] | None, office: tuple[str, str] | None = None) -> None:
        """Keep that the office's untouched example row is set aside against the county's version, as a decision
        keeping the county's would (decided by EXAMPLE_UNTOUCHED, not the county lead): the office still holds the
        row (the example's it sent is not taken for deleted, services.example_rows), it does not send the county's
        version alike (shared_came_from), and a change of it at the office is a new version, asked about."""
        office_id, office_name = office or (self.m.office_id, self.m.office_name)
        subject = self.describer.subject(info.name, existing)
        _, _, text = conflict_words(self.describer, info.name, subject, existing, row,
                                    f"from {self.m.office_name}" if office else
                                    self.from_owner(self.owner(info.name, info.key_of(existing))), office_name)
        self.dst.execute(
            f"INSERT OR IGNORE INTO {DECISIONS_TABLE}(subject_key, kept_version, set_aside_version, choice, office_id, "
            "office_name, conflict, decided_at, decided_by) VALUES (?, ?, ?, 'county', ?, ?, ?, ?, ?)",
            (self.untouched_subject_key(info, existing, natural, office_id), version_of(info, existing),
             version_of(info, row), office_id, office_name, text, self.now, EXAMPLE_UNTOUCHED))

    @staticmethod
    def untouched_subject_key(info: TableInfo, row: dict, natural: tuple[str, ...] | None, office_id: str) -> str:
        """The subject key of such a set-aside: the row's own, the office's id after it, as a decision is kept once
        per subject and versions while two offices' untouched copies are each set aside (only its table is read
        back, services.example_rows; the merge asks untouched_example again each time, not the decision)."""
        return json.dumps([*json.loads(subject_key_of(info, row, natural)), office_id], separators=(",", ":"),
                          default=str, ensure_ascii=False)

    def tidy_name(self, info: TableInfo, key: str, existing: dict, row: dict, p: Origin | None) -> None:
        """The county's name of a district, partnership or organisation tidied as the office sends it (the same thing
        otherwise): a county merged by an earlier version holds "Mid Suffolk  DC" as an older file sent it. Its
        origin, if any, keeps its office and becomes the row as it now stands, so it is still the row as merged."""
        name = existing.get("name")
        if not isinstance(name, str) or name == row.get("name") or tidy_spaces(name) != row.get("name"):
            return
        self.dst.execute(f"UPDATE {quote(info.name)} SET name = ? WHERE {self.where_key(info)}",
                         [row["name"], *self.key_values(info, key)])
        if p is not None:
            self.dst.execute(f"UPDATE {ORIGINS_TABLE} SET row_hash = ? WHERE table_name = ? AND row_key = ?",
                             (short_hash(self.digest(info, {**existing, "name": row["name"]})), info.name, key))
        self.replaced.setdefault(info.name, []).append(key)  # an earlier conflict about it says the tidied name now

    def fill_notes_left_out(self, info: TableInfo, existing: dict, row: dict, key: str) -> dict:
        """A review's notes the county holds blank because the exports that brought it left them with their offices
        (the default), sent now by an office that sends them: they fill the county's copy, as if merged so (the
        county's row and its origin), and no conflict is raised. The blank was read as notes "blank, sent alike by
        Ipswich office and Mid Suffolk office" against this office's. The county's row as it now stands."""
        columns = [c for table, c in CASE_NOTES if table == info.name and c in existing]
        filled = {c: row[c] for c in columns if not existing[c] and row.get(c)}
        p = self.owner(info.name, key)
        if not filled or p is None or not matches_origin(info, existing, p):
            return existing  # nothing to fill, or made or edited at the county: its own, as it stands
        sent = self.dst.execute(f"SELECT include_referrals FROM {IMPORTS_TABLE} WHERE number = ?",
                                (p.import_number,)).fetchone()
        if sent is None or sent[0]:
            return existing  # the blank was sent as the office's notes: a difference like any other
        self.dst.execute(f"UPDATE {quote(info.name)} SET {', '.join(f'{quote(c)} = ?' for c in filled)} "
                         f"WHERE {self.where_key(info)}", [*filled.values(), *self.key_values(info, key)])
        now = {**existing, **filled}
        digest = shared_digest(info, now) if p.shared and info.name in LOCAL_COLUMNS else self.digest(info, now)
        self.dst.execute(f"UPDATE {ORIGINS_TABLE} SET row_hash = ? WHERE table_name = ? AND row_key = ?",
                         (short_hash(digest), info.name, key))
        self.notes_filled[info.name] = self.notes_filled.get(info.name, 0) + 1
        return now

    def blank_where_county_knows(self, info: TableInfo, existing: dict, row: dict) -> bool:
        """Reference data the office sends blank only where the county holds a value (a district's first day, which a
        file started from File > New does not know): a blank is not another value, so it is no conflict."""
        diffs = self.describer.differences(info.name, existing, row)
        return bool(diffs) and all(row.get(c) in (None, "") and existing.get(c) not in (None, "") for c, _, _ in diffs)

    def fill_blanks(self, info: TableInfo, existing: dict, row: dict, key: str,
                    natural: tuple[str, ...] | None) -> bool:
        """Reference data the county holds from no office (the districts naming its county added from the shipped
        lookup, with no first or last day), or as an office sent it blank and unedited since (a file started from
        File > New), that differs from the office's only where the county left a value blank:
        the county never said otherwise, so the office's values fill the blanks (said in the summary; the merge's
        entry in the History of Changes counts the rows changed). True when it did; False leaves a conflict."""
        t = info.name
        versions = (subject_key_of(info, existing, natural), version_of(info, existing), version_of(info, row))
        if versions in self.decisions:
            return False  # the county lead kept the county's blank when this was a conflict: the decision stands
        diffs = self.describer.differences(t, existing, row)
        if not diffs or any(existing.get(c) not in (None, "") or row.get(c) in (None, "") for c, _, _ in diffs):
            return False
        filled = {c: row[c] for c, _, _ in diffs}
        self.dst.execute(f"UPDATE {quote(t)} SET {', '.join(f'{quote(c)} = ?' for c in filled)} "
                         f"WHERE {self.where_key(info)}", [*filled.values(), *self.key_values(info, key)])
        # Common to all from now on, as the rows a new file starts with: no office's export changes or removes it.
        self.set_provenance(t, key, self.digest(info, {**existing, **filled}), True)
        words = ", ".join(f"{column_words(c, t)} {b}" for c, _, b in diffs)
        self.summary.conflict_notes.append(f"{self.describer.subject(t, existing)}: {words} from {self.m.office_name}, "
                                           "filled in where the county file had none")
        self.replaced.setdefault(t, []).append(key)  # an earlier conflict about it says the county's version now
        self.summary.replaced += 1
        self.summary.count(t, "replaced")
        return True

    def add_row(self, info: TableInfo, row: dict, key: str, reference: bool, natural: tuple[str, ...] | None,
                remapped: bool, incoming_keys: "_IncomingKeys", insert_sql: str) -> None:
        t = info.name
        me = self.m.office_id
        if t in ("dhr_shares", "dhr_payments") and self.held_with_resplit(t, row, key):
            return
        if t == "dhr_cost_line_versions" and self.version_waits(row):
            return
        # A child of something both offices hold (a review both record) is looked for by what it is about; so is a
        # payment towards a share another office sent the same payment towards (the same day and reference): one
        # payment, however many offices recorded it, never paid twice at the county.
        natural = natural or (CHILD_KEYS.get(t) if remapped or t in ONE_ACROSS_OFFICES else None)
        self.step_aside(info, row, key, incoming_keys)
        clash = self.clash(info, row, natural)
        if clash is not None and (t in NATURAL_KEYS or t in ONE_ACROSS_OFFICES) \
                and self.own_row(t, info.key_of(clash[1])):
            clash = None  # the office's own other row (a county file's export keeps each office's "Other districts")
        if clash is not None:
            unique, other = clash
            other_key = info.key_of(other)
            county_id = other[info.primary_key[0]] if len(info.primary_key) == 1 else other_key
            p = self.owner(t, other_key)
            row, other = self.with_make_up(info, row, incoming=True), self.with_make_up(info, other, incoming=False)
            if self.same_thing(info, other, row):
                # The same thing under another id (a review both offices recorded, a link between reference rows):
                # matched, and this file's children point at the county's row.
                self.remap[(t, key)] = county_id
                if p is not None and not p.shared and p.office_id != me:
                    self.share(info, other_key, other)
                elif p is not None and p.shared:
                    self.hold(t, other_key)
                self.summary.unchanged += 1
                return
            if p is not None and p.shared and len(info.primary_key) == 1 and not matches_origin(info, other, p) \
                    and self.sent_as_last_merged(info, key, p, {**row, info.primary_key[0]: county_id}, other):
                # Held alike by several offices, this one under its own id (a review each recorded), edited at the
                # county since, and sent as it was: the county's edit stands, as under the county's id (merge_row).
                self.remap[(t, key)] = county_id
                self.hold(t, other_key)
                self.summary.unchanged += 1
                return
            if t == "indicator_values" and str(other.get("source") or "").startswith(POLICE_SOURCE):
                self.police_figure_clash(info, row, key, other, other_key, insert_sql)
                return
            # The same thing, held differently: reported, and this file's children still attach to the county's
            # row (they are compared with its children in turn).
            self.remap[(t, key)] = county_id  # (held by the offices that sent it alike: this one's differs)
            if reference:
                kind, words = "reference-differs", reference_came_from(self.dst, info, other_key, other, p, me)
            elif p is None:
                kind, words = "made-at-county", "in the county file"
            elif p.office_id == me and not p.shared:  # (one several offices sent alike: it differs from theirs)
                kind, words = "edited-at-county", "at the county (edited there since it was merged)"
            else:
                kind, words = "differs", self.held_from(info, other_key, other, p)
            self.raise_conflict(info, kind, row, other, row_key=key, county_key=other_key,
                                other=self.owner_name(t, other_key), county_from=words, natural=unique)
            return
        if t == "dhr_shares" and row.get("source_share_id") is not None and self.resplit_not_taken(info, row, key):
            return
        missing = self.missing_parent(info, row, incoming_keys)
        if missing:
            words, _ = missing
            office = self.m.office_name
            subject = self.describer.subject(t, row)
            self.raise_conflict(info, "missing-parent", row, None, row_key=key, other="", sentence=(
                "not in the county file", f"from {office}",
                f"{subject} from {office}: not merged, because {words[0].lower()}{words[1:]} is not in the county "
                "file"))
            return
        if t == "dhr_payments" and self.payment_not_taken(info, row, key):
            return
        if not reference and self.owner(t, key) is not None:  # merged before, not here now: deleted at the county
            self.added_again.setdefault(t, []).append((key, row))
        self.dst.execute(insert_sql, [row[c] for c in info.columns])
        self.set_provenance(t, key, self.digest(info, row), reference)
        if reference and t not in NAMED_BY_ID:  # matched across offices: held by this one, until another sends it
            self.dst.execute(_HOLD_SQL, (t, key, self.m.office_id))
        self.summary.added += 1
        self.summary.count(t, "added")

    def payment_not_taken(self, info: TableInfo, row: dict, key: str) -> bool:
        """A payment the county's share of a review cannot take as the county holds it (the rules of
        services.dhr hold at the county too): one towards a share refused or written off whose office's version
        the county does not hold (another office refused what this one was paid), or one that would leave the share
        paid more than it bills (a payment both offices recorded, each on its own date). Reported and left out
        until the county lead decides; True when it was."""
        share = self.county_row_by_key(self.describer.info("dhr_shares"), str(row["share_id"]))
        if share is None:
            return False
        paid = int(self.dst.execute("SELECT coalesce(sum(amount_pence), 0) FROM dhr_payments WHERE share_id = ?",
                                    (share["id"],)).fetchone()[0])
        if share["status"] != "invoiced" and str(share["id"]) in self.held_shares:
            why = (f"the county holds that share {share_status_words(share)}, and a {share['status']} share takes no "
                   "payment")
        elif paid + int(row["amount_pence"]) > share["amount_pence"]:
            why = (f"the county holds {format_money(paid, show_pence=True)} paid towards that share already, which "
                   f"bills {format_money(share['amount_pence'], show_pence=True)}: a share cannot be paid more than "
                   "it bills")
        else:
            return False
        office, amount = self.m.office_name, format_money(int(row["amount_pence"]), show_pence=True)
        self.raise_conflict(info, "share-cannot-take", row, None, row_key=key, other="", sentence=(
            f"share {share_status_words(share)} in the county file", f"{amount} from {office}",
            f"{self.describer.subject(info.name, row)}: {amount} from {office}, not merged: {why}"))
        return True

    def refund_keys(self, tables: list[str]) -> dict[str, tuple[dict, tuple | None]] | None:
        """The refunds the county holds before this file is merged, each with its origin (None: none are checked)."""
        if self.refund_credit is None or "dhr_refunds" not in tables:
            return None
        origins = {str(r[1]): tuple(r) for r in self.dst.execute(
            f"SELECT * FROM {ORIGINS_TABLE} WHERE table_name = 'dhr_refunds'")}
        return {str(r["id"]): (dict(r), origins.get(str(r["id"])))
                for r in self._rows("SELECT * FROM main.dhr_refunds")}

    def refunds_not_taken(self, before: dict[str, tuple[dict, tuple | None]] | None, tables: list[str]) -> None:
        """The refunds this file added, or changed (a larger amount), that the county's ledger holds no overpaid
        credit for (the rules of services.dhr hold at the county too: a partner is refunded at most what it paid
        beyond its share of the review, less what was refunded to it, as the county holds its payments, shares and
        costs). Each is taken out again (the earliest that fit stay; one the county held goes back to its version),
        raised in words and kept with its conflict; it comes in with the office's next file once the county's ledger
        holds the overpayment, or when the lead keeps it and the ledger can."""
        if before is None:
            return
        info = self.layouts.info(self.dst, "dhr_refunds")
        cols, marks = ", ".join(quote(c) for c in info.columns), ", ".join("?" * len(info.columns))
        added = [dict(zip(info.columns, tuple(r))) for r in self.dst.execute(
            f"SELECT {cols} FROM main.dhr_refunds ORDER BY refunded_on, id")]
        added = [r for r in added if str(r["id"]) not in before
                 or _row_text(r) != _row_text({c: before[str(r["id"])][0].get(c) for c in info.columns})]
        by_partner: dict[tuple[str, str], list[dict]] = {}
        for row in added:
            by_partner.setdefault((row["case_id"], row["organisation_id"]), []).append(row)
        for (case_id, organisation_id), rows in by_partner.items():
            self.dst.executemany("DELETE FROM main.dhr_refunds WHERE id = ?", [(r["id"],) for r in rows])
            credit = self.refund_credit(self.county, case_id, organisation_id)
            for row in rows:
                why = refund_beyond_credit(self.describer, row, credit)
                if why is None:
                    self.dst.execute(f"INSERT INTO main.dhr_refunds ({cols}) VALUES ({marks})",
                                     [row[c] for c in info.columns])
                    credit -= int(row["amount_pence"])
                    continue
                key = str(row["id"])
                drop_origin(self.dst, "dhr_refunds", key)
                held, held_origin = before.get(key, (None, None))
                if held is None:
                    self.uncount("dhr_refunds", "added", 1)
                else:  # the county's version stays, as merged
                    self.dst.execute(f"INSERT INTO main.dhr_refunds ({cols}) VALUES ({marks})",
                                     [held.get(c) for c in info.columns])
                    if held_origin is not None:
                        self.dst.execute(f"INSERT INTO {ORIGINS_TABLE} VALUES ({', '.join('?' * len(held_origin))})",
                                         held_origin)
                    self.uncount("dhr_refunds", "replaced", 1)
                    self.replaced["dhr_refunds"] = [k for k in self.replaced.get("dhr_refunds", []) if k != key]
                office, amount = self.m.office_name, format_money(int(row["amount_pence"]), show_pence=True)
                self.raise_conflict(info, "refund-cannot-take", row, held, row_key=key, county_key=key if held else "",
                                    other="", sentence=(
                    f"{format_money(max(credit, 0), show_pence=True)} overpaid in the county file",
                    f"{amount} from {office}",
                    f"{self.describer.subject('dhr_refunds', row)}: {amount} from {office}, not merged: {why}"))

    # -- a review's billing held with a conflict about its cost lines ------------------------------------------------
    def billing_before(self, tables: list[str]) -> dict | None:
        """The reviews' invoices and payments as the county holds them before this file is merged, by review, with
        their origins and holders (None: no review's billing is held)."""
        if not {"dhr_cost_lines", "dhr_shares", "dhr_payments"} <= set(tables):
            return None
        kept = f"table_name IN ({', '.join(sql_text(t) for t in BILLING_TABLES)})"
        return {"cases": self.billing_by_case(),
                "origins": [tuple(r) for r in self.dst.execute(f"SELECT * FROM {ORIGINS_TABLE} WHERE {kept}")],
                "holders": [tuple(r) for r in self.dst.execute(f"SELECT * FROM {HOLDERS_TABLE} WHERE {kept}")]}

    def billing_by_case(self) -> dict[str, dict[str, list[dict]]]:
        """Every review's invoices, payments and withdrawn invoices as the county holds them now, by review."""
        cases: dict[str, dict[str, list[dict]]] = {}
        for t, sql in (("dhr_shares", "SELECT s.*, s.case_id AS case_key FROM main.dhr_shares s ORDER BY s.id"),
                       ("dhr_payments", "SELECT p.*, s.case_id AS case_key FROM main.dhr_payments p "
                                        "JOIN main.dhr_shares s ON s.id = p.share_id ORDER BY p.id"),
                       ("dhr_withdrawn_invoices", "SELECT w.*, w.case_id AS case_key "
                                                  "FROM main.dhr_withdrawn_invoices w ORDER BY w.id")):
            for row in self._rows(sql):
                row = dict(row)
                cases.setdefault(str(row.pop("case_key")), no_billing())[t].append(row)
        return cases

    def hold_billing(self, before: dict | None) -> None:
        """A review whose cost line this merge holds in conflict (the county edited it, the office changed it too)
        keeps its invoices and payments as the county held them: the office's billing again (its invoices cancelled,
        closed at what was paid, billed anew, and what was paid on them) is not merged, so the county never bills
        other than the cost it holds (services.dhr: billed for its costs = the cost, less what is not yet billed).
        The conflict says so and keeps the office's billing: Keep District Version brings it with the cost line
        (_put_billing); Keep County Version leaves the county's, and the office's next file brings the office's."""
        if before is None:
            return
        by_case: dict[str, list[Conflict]] = {}
        for c in self.summary.conflicts:
            if c.table != "dhr_cost_lines":
                continue
            found = self.dst.execute("SELECT case_id FROM main.dhr_cost_lines WHERE id = ?",
                                     (c.county_key or c.row_key,)).fetchone()
            if found is not None:
                by_case.setdefault(str(found[0]), []).append(c)
        for case, conflicts in by_case.items():
            then = before["cases"].get(case, no_billing())
            now = billing_of(self.dst, case)
            if all(sorted(map(_row_text, now[t])) == sorted(map(_row_text, then[t])) for t in now):
                continue  # the office did not bill it again (or sent its billing as the county holds it)
            self.put_back_billing(now, then, before)
            held = {"case": case, **self.office_billing(case)}
            self.say_billing_held(case, conflicts, held, then)

    def put_back_billing(self, now: dict[str, list[dict]], then: dict[str, list[dict]], before: dict) -> None:
        """The review's invoices, payments and withdrawn invoices as they were before this merge, with their origins and
        holders; what the merge counted of them uncounted. (A withdrawn invoice closed at what was paid goes with its
        invoice's row when that is put back: it is put back too.)"""
        keys = {t: {str(r["id"]) for r in now[t]} | {str(r["id"]) for r in then[t]} for t in now}
        for t in ("dhr_payments", "dhr_withdrawn_invoices", "dhr_shares"):  # children first
            self.dst.executemany(f"DELETE FROM main.{t} WHERE id = ?", [(r["id"],) for r in now[t]])
            for key in keys[t]:
                drop_origin(self.dst, t, key)
        for t in BILLING_TABLES:
            info = self.layouts.info(self.dst, t)
            self.dst.executemany(f"INSERT INTO main.{t} ({', '.join(quote(c) for c in info.columns)}) VALUES "
                                 f"({', '.join('?' * len(info.columns))})",
                                 [[r.get(c) for c in info.columns] for r in then[t]])
            was = {str(r["id"]): r for r in then[t]}
            new = {str(r["id"]): r for r in now[t]}
            self.uncount(t, "added", sum(1 for k in new if k not in was))
            self.uncount(t, "removed", sum(1 for k in was if k not in new))
            self.uncount(t, "replaced", sum(1 for k in new if k in was and new[k] != was[k]))
            self.gone[t] = [(k, r) for k, r in self.gone.get(t, []) if k not in was]
            self.replaced[t] = [k for k in self.replaced.get(t, []) if k not in keys[t]]
            if t in self.added_again:  # not added after all: the summary does not say them added again
                self.added_again[t] = [(k, r) for k, r in self.added_again[t] if str(k) not in new or str(k) in was]
                if not self.added_again[t]:
                    del self.added_again[t]
        for table, verb in ((ORIGINS_TABLE, "INSERT OR REPLACE"), (HOLDERS_TABLE, "INSERT OR IGNORE")):
            rows = [r for r in before["origins" if table == ORIGINS_TABLE else "holders"]
                    if str(r[1]) in keys.get(r[0], ())]
            if rows:
                self.dst.executemany(f"{verb} INTO {table} VALUES ({', '.join('?' * len(rows[0]))})", rows)

    def uncount(self, table: str, what: str, n: int) -> None:
        """Rows of the table this merge counted as added, removed or replaced that it did not add, remove or replace
        after all (at most those it counted)."""
        n = min(n, self.summary.tables.get(table, {}).get(what, 0))
        if n <= 0:
            return
        setattr(self.summary, what, getattr(self.summary, what) - n)
        self.summary.count(table, what, -n)
        if not self.summary.tables[table][what]:
            del self.summary.tables[table][what]

    def office_billing(self, case: str) -> dict[str, list[dict]]:
        """The office's invoices and payments of the review (the county's review, under whatever id the office holds
        it), their links pointing at the county's rows."""
        ids = {case} | {str(k) for (t, k), v in self.remap.items() if t == "dhr_cases" and str(v) == case}
        found: dict[str, list[dict]] = no_billing()
        shares = self.layouts.info(self.dst, "dhr_shares")
        office_shares = []
        for row in iter_rows(self.dst, shares, f"case_id IN ({', '.join(sql_text(k) for k in sorted(ids))})", SRC):
            office_shares.append(str(row["id"]))
            row = self.apply_remap(shares, row)[0]
            row["case_id"] = case
            found["dhr_shares"].append({**row, "id": self.remap.get(("dhr_shares", str(row["id"])), row["id"])})
        if office_shares:
            payments = self.layouts.info(self.dst, "dhr_payments")
            for row in iter_rows(self.dst, payments,
                                 f"share_id IN ({', '.join(sql_text(k) for k in office_shares)})", SRC):
                row = self.apply_remap(payments, row)[0]
                found["dhr_payments"].append({**row, "id": self.remap.get(("dhr_payments", str(row["id"])),
                                                                           row["id"])})
        withdrawn = self.layouts.info(self.dst, "dhr_withdrawn_invoices")
        for row in iter_rows(self.dst, withdrawn, f"case_id IN ({', '.join(sql_text(k) for k in sorted(ids))})", SRC):
            row = self.apply_remap(withdrawn, row)[0]
            row["case_id"] = case
            found["dhr_withdrawn_invoices"].append(
                {**row, "id": self.remap.get(("dhr_withdrawn_invoices", str(row["id"])), row["id"])})
        return found

    def version_waits(self, row: dict) -> bool:
        """Whether an earlier version of a cost line waits for its line: the office holds the line otherwise than the
        county does (a conflict about it is open, or the county lead kept the county's). Kept for the conflict."""
        line = str(row["line_id"])
        info = self.layouts.info(self.dst, "dhr_cost_lines")
        county = self.county_row_by_key(info, line)
        if county is None:
            return False  # a deleted line's, or one the county does not hold: nothing to date
        ids = {line} | {k for (t, k), v in self.remap.items() if t == "dhr_cost_lines" and str(v) == line}
        for office_row in iter_rows(self.dst, info, f"id IN ({', '.join(sql_text(k) for k in sorted(ids))})", SRC):
            if not self.same_thing(info, county, self.apply_remap(info, office_row)[0]):
                self.held_versions.setdefault(line, []).append(dict(row))
                return True
        return False

    def say_versions_held(self) -> None:
        """Each conflict about a cost line keeps the office's earlier versions of it held back (VERSIONS_HELD)."""
        for c in self.summary.conflicts:
            held = self.held_versions.get(str(c.county_key or c.row_key)) if c.table == "dhr_cost_lines" else None
            if held:
                c.incoming_row = {**(c.incoming_row or {}), VERSIONS_HELD: held}
                self.dst.execute(f"UPDATE {CONFLICTS_TABLE} SET incoming_row = ? WHERE id = ?",
                                 (json.dumps(c.incoming_row, default=str, ensure_ascii=False), c.id))

    def say_billing_held(self, case: str, conflicts: list[Conflict], held: dict, then: dict) -> None:
        """Each conflict about the review's cost lines says the billing held with it, and keeps it."""
        words = billing_held_words(self.describer, self.m.office_name, held, then["dhr_shares"])
        for c in conflicts:
            incoming = {**(c.incoming_row or {}), BILLING_HELD: held}
            if BILLING_HELD in (c.incoming_row or {}):  # said already (two cost lines of the review)
                continue
            c.incoming_row, c.detail = incoming, c.detail + words
            self.dst.execute(f"UPDATE {CONFLICTS_TABLE} SET incoming_row = ?, detail = ? WHERE id = ?",
                             (json.dumps(incoming, default=str, ensure_ascii=False), c.detail, c.id))

    def billing_beyond_cost(self, before: dict | None, billed_before: dict[str, tuple[int, int]] | None) -> None:
        """A review whose invoices this file changed so that the county's ledger bills its partners more for its costs
        than its cost as the county holds it, and more than it billed them before: two offices holding the review alike
        that billed it differently (one billed the partners again, the other's invoices still held), so each partner
        would be billed twice. The review's invoices and payments stay as the county held them (as with a conflict
        about its cost line, ``hold_billing``), and a conflict (``billing-cannot-take``) says why and what to do; the
        office's billing comes in with its next file once the county's ledger can take it. Keep District Version of
        it is refused (apply_decision)."""
        if before is None or billed_before is None or self.reviews_billed is None:
            return
        billing = self.billing_by_case()
        if billing == before["cases"]:
            return  # no invoice or payment changed: the ledger is worked out again only when one did (a merge's time)
        after = self.reviews_billed(self.county)
        for case, (cost, billed) in sorted(after.items()):
            was = billed_before.get(case, (cost, 0))[1]
            if billed <= max(cost, was):
                continue
            then = before["cases"].get(case, no_billing())
            now = billing.get(case, no_billing())  # (putting one back touches no other)
            if all(sorted(map(_row_text, now[t])) == sorted(map(_row_text, then[t])) for t in now):
                continue  # not this file's billing
            self.put_back_billing(now, then, before)
            held = {"case": case, **self.office_billing(case)}
            self.raise_billing_beyond_cost(case, held, then, cost, billed)

    def raise_billing_beyond_cost(self, case: str, held: dict, then: dict, cost: int, billed: int) -> None:
        info = self.layouts.info(self.dst, "dhr_cases")
        county_row = self.county_row_by_key(info, case)
        if county_row is None:
            return
        office, reference = self.m.office_name, self.describer.label("dhr_cases", case)
        # The offices the county's invoices of the review came from (those holding them alike, or the one that sent
        # them), other than this one.
        sources = {latest_office_name(self.dst, r[0]) or "another office" for r in self.dst.execute(
            f"SELECT DISTINCT h.office_id FROM {HOLDERS_TABLE} h JOIN main.dhr_shares s ON h.table_name = 'dhr_shares' "
            "AND h.row_key = s.id WHERE s.case_id = ? AND h.office_id <> ?", (case, self.m.office_id))}
        typed_here = False  # an invoice no office sent: the county billed it (billing again there, say)
        for row in then["dhr_shares"]:
            p = self.owner("dhr_shares", str(row["id"]))
            if p is not None and not p.shared and p.office_id != self.m.office_id:
                sources.add(p.office_name)
            typed_here = typed_here or p is None
        sources = sorted(sources, key=str.casefold)
        whence = [f"from {in_words(sources)}"] if sources else []
        if typed_here:  # not said to come from an office: the county's own invoices are said as its own
            whence.append("those billed in the county file" if sources else "billed in the county file")
        came_from = f" (its invoices {in_words(whence)})" if whence else ""
        cost_words = format_money(cost, show_pence=True)
        county_side = f"billed {_billed_words(then['dhr_shares'])} for its cost of {cost_words}"
        district_side = f"{_billed_words(held['dhr_shares'])} billed again from {office}"
        text = (f"Invoices of {reference}: {_office_billing_words(office, held, then)}, not merged: the county holds "
                f"{reference} {county_side}{came_from}, so its partners would be billed "
                f"{format_money(billed, show_pence=True)} for it, {format_money(billed - cost, show_pence=True)} of it "
                f"twice. Keep the county's version (its invoices stay, and {office}'s stay out while it sends these), "
                f"or agree the review's cost and billing with {in_words([office, *sources])}: {office}'s billing "
                "comes in with its next file once the county's ledger can take it")
        # The two versions compared are the two billings (a decision stands for these, not for any other billing).
        incoming = {**county_row, MAKE_UP: _billing_digest(held), BILLING_HELD: held}
        county = {**county_row, MAKE_UP: _billing_digest(then)}
        self.raise_conflict(info, "billing-cannot-take", incoming, county, row_key=case, county_key=case,
                            sentence=(county_side, district_side, text))

    # -- a refusal's re-split (or carrying) the county's share cannot take -------------------------------------------
    def held_with_resplit(self, t: str, row: dict, key: str) -> bool:
        """An invoice dealing with the refusal of an invoice held back (a re-split invoice refused and re-split again),
        or a payment towards one: held back with it, and said with it. True when it was."""
        parent = row.get("source_share_id") if t == "dhr_shares" else row.get("share_id")
        root = self.held_followers.get(str(parent)) if parent is not None else None
        if root is None:
            return False
        self.hold_with_resplit(root, t, row, key)
        return True

    def hold_with_resplit(self, root: str, t: str, row: dict, key: str) -> None:
        self.held_resplits.setdefault(root, {"dhr_shares": [], "dhr_payments": []})[t].append(dict(row))
        if t == "dhr_shares":
            self.held_followers[key] = root
        self.skipped.add((t, key))

    def resplit_not_taken(self, info: TableInfo, row: dict, key: str) -> bool:
        """An invoice of the office's re-split (or the lead authority's carrying) of a refused share that the county's
        share cannot take as the county holds it: unless the county holds that share refused and dealt with as the
        office did, and no other re-split or carrying of it, the partners would be billed its refused amount twice
        (services.dhr: only a refused share is re-split or carried, once). Held back, with what goes with it, and said
        once for the whole re-split (``raise_held_resplits``) until the county holds the share so; True when it was."""
        root = str(row["source_share_id"])
        if root not in self.resplit_why:
            share = self.county_row_by_key(info, root)
            office_share = self.office_share(info, root)
            if share is None or office_share is None:  # not in the county file: a row whose parent was not merged
                self.resplit_why[root] = None
            else:
                handling = office_share.get("refusal_handling") or HANDLING_OF_FOLLOWER.get(row["kind"], "re-split")
                refused = int(self.dst.execute(
                    f"SELECT coalesce(sum(amount_pence), 0) FROM {_src('dhr_shares')} WHERE source_share_id = ?",
                    (office_share["id"],)).fetchone()[0])
                self.resplit_why[root] = resplit_blocked(self.dst, share, handling, refused, self.m.office_id)
        if self.resplit_why[root] is None:
            return False
        self.hold_with_resplit(root, info.name, row, key)
        return True

    def office_share(self, info: TableInfo, county_key: str) -> dict | None:
        """The office's version of a share the county holds under this key (as this file sends it)."""
        found = self.office_shares.get(county_key)
        if found is None:  # alike in the county already (never looked at one by one): under the county's id
            cursor = self.dst.execute(f"SELECT * FROM {_src('dhr_shares')} WHERE id = ?", (county_key,))
            values = cursor.fetchone()
            if values is not None:
                found = self.apply_remap(info, dict(zip([d[0] for d in cursor.description], tuple(values))))[0]
        return found

    def raise_held_resplits(self) -> None:
        """Each re-split (or carrying) held back, said once with the shares' conflicts: which office's, its invoices,
        what was paid towards them, and why it was not merged. Its versions are the share's as the county and the
        office hold it, so a decision on the office's refusal of the share decides its re-split too."""
        if not self.held_resplits:
            return
        info = self.describer.info("dhr_shares")
        office = self.m.office_name
        for root, held in self.held_resplits.items():
            share, office_share = self.county_row_by_key(info, root), self.office_share(info, root)
            direct = sorted((r for r in held["dhr_shares"] if str(r["source_share_id"]) == root),
                            key=lambda r: (r["invoice_ref"], str(r["id"])))
            if share is None or office_share is None or not direct:
                continue
            what = DEALT_WORDS[HANDLING_OF_FOLLOWER.get(direct[0]["kind"], "re-split")]
            money = format_money(sum(r["amount_pence"] for r in direct), show_pence=True)
            if direct[0]["kind"] == "carried":
                made = f"{self.describer.label('organisations', direct[0]['organisation_id'])}, {money}: " \
                       f"{refs_words([r['invoice_ref'] for r in direct])}"
            else:
                made = f"{counted(len(direct), 'invoice')}, {money}: {refs_words([r['invoice_ref'] for r in direct])}"
            further = [r for r in held["dhr_shares"] if str(r["source_share_id"]) != root]
            if further:
                kinds = {r["kind"] for r in further}
                verb = "re-split" if kinds == {"re-split"} else "carried" if kinds == {"carried"} else \
                    "re-split or carried"
                made += f", {len(further)} more {verb} from them in turn"
            carried = {str(r["id"]) for r in held["dhr_shares"] if r["kind"] == "carried"}
            paid = sum(p["amount_pence"] for p in held["dhr_payments"] if str(p["share_id"]) not in carried)
            if paid:
                made += f"; {format_money(paid, show_pence=True)} paid towards them"
            subject = self.describer.subject("dhr_shares", share)
            district_side = f"{what}, from {office} ({made})"
            incoming = {**office_share, RESPLIT_HELD: {"share": root, **held}}
            self.raise_conflict(info, "share-cannot-take", incoming, share, row_key=str(direct[0]["id"]), other="",
                                sentence=(f"share {share_status_words(share)} in the county file", district_side,
                                          f"{subject}: {district_side}, not merged: {self.resplit_why[root]}"))

    # -- public data -------------------------------------------------------------
    def same_counts(self, month: str) -> bool:
        """The office sent exactly the county's police.uk counts for this month (every force of it)."""
        county = self.county_by_month.get(month)
        if not county:
            return False
        return all(getattr(self.incoming_vintages.get((force, month)), "file_sha256", None) == sha
                   for force, sha in county.items())

    def police_senders(self, month: str) -> str:
        keys = [json.dumps([force, month], separators=(",", ":")) for force in self.county_by_month.get(month, {})]
        names = sorted({r[0] for r in self.dst.execute(
            f"SELECT office_name FROM {PROVENANCE_TABLE} WHERE table_name = ? AND row_key IN "
            f"({','.join('?' * len(keys))})", [POLICE_VINTAGES, *keys])}) if keys else []
        return " and ".join(names)

    def counts_of_own_force(self, area_id: str, month: str) -> bool:
        """The county's police.uk counts of the month hold the district's own force's: a force whose file holds
        the district as one of its areas (at least 1 in OWN_AREA_SHARE of the force's crimes that month). A
        district outside a force's area gets a few of its crimes (one crime in Cornwall in Suffolk Constabulary's
        file): its figure from them alone is partial (its own force holds the rest), never set against a typed
        figure. A force named for the district or its police area is its own however few of its crimes are there
        (forces_named: Devon & Cornwall Police's for the Isles of Scilly, as the Indicators tab and the import say)."""
        if self.forces_named is not None:
            named = {force for area, force in self.forces_named(self.county, area_id) if area == area_id}
            if named and self.dst.execute(
                    f"SELECT 1 FROM main.{POLICE_COUNTS} WHERE area_id = ? AND month = ? AND force IN "
                    f"({', '.join('?' * len(named))}) LIMIT 1", (area_id, month, *sorted(named))).fetchone():
                return True
        return self.dst.execute(
            f"SELECT 1 FROM (SELECT force, sum(count) AS n FROM main.{POLICE_COUNTS} WHERE area_id = ? AND month = ? "
            f"GROUP BY force) d WHERE d.n * ? >= (SELECT sum(count) FROM main.{POLICE_COUNTS} t WHERE "
            "t.force = d.force AND t.month = ?) LIMIT 1", (area_id, month, OWN_AREA_SHARE, month)).fetchone() \
            is not None

    def own_areas(self) -> set[str]:
        """The areas the file's office holds as its own by the scope its file names (every office's of a county file's
        export): its districts, those of its partnerships (any year), the districts they were made from and became,
        and a county's districts when it names only its county. A file naming no scope holds none as its own."""
        if self.own_area_ids is not None:
            return self.own_area_ids
        own: set[str] = set()
        if has_table(self.dst, "office_areas", schema=SRC):
            rows = self.dst.execute(f"SELECT kind, area_id, name FROM {_src('office_areas')}").fetchall()
            named = [(kind, area_id) for kind, area_id, _ in rows if kind != "county"]
            for kind, area_id in named:
                own.add(area_id)
                if kind == "partnership" and has_table(self.dst, "partnership_districts", schema=SRC):
                    own |= {r[0] for r in self.dst.execute(
                        f"SELECT district_id FROM {_src('partnership_districts')} WHERE partnership_id = ?",
                        (area_id,))}
            if not named:  # an office of its whole county
                for _, area_id, name in (r for r in rows if r[0] == "county"):
                    own.add(area_id)
                    own |= {r[0] for r in self.dst.execute(
                        f"SELECT id FROM {_src('districts')} WHERE lower(county) = lower(?)", (name,))}
            links = [(r[0], r[1]) for r in self.dst.execute(
                f"SELECT id, successor_id FROM {_src('districts')} WHERE successor_id IS NOT NULL")]
            grown = True
            while grown:  # Waveney's figures are East Suffolk office's own; East Suffolk is a Waveney office's
                before = len(own)
                own |= {b for a, b in links if a in own} | {a for a, b in links if b in own}
                grown = len(own) > before
        self.own_area_ids = own
        return own

    def police_figure_clash(self, info: TableInfo, row: dict, key: str, other: dict, other_key: str,
                            insert_sql: str) -> None:
        """A figure the office typed (or imported from a sheet) where the county has one from police.uk counts."""
        area, period = str(row.get("area_id")), str(row.get("period"))
        own_force = self.counts_of_own_force(area, period)
        if area in self.own_areas() and (not own_force or self.same_counts(period)):
            # One of the office's own areas, where it kept its own figure over these very counts in its own file or
            # the counts are only other forces' crimes in the district: the county follows it. A figure it typed
            # for a district not its own is that district's office's to give (partial counts or not): the lead's.
            self.dst.execute("DELETE FROM indicator_values WHERE id = ?", (other["id"],))
            self.dst.execute(insert_sql, [row[c] for c in info.columns])
            self.set_provenance(info.name, key, self.digest(info, row), False)
            self.summary.replaced += 1
            self.summary.count(info.name, "replaced")
            return
        senders = self.police_senders(str(row.get("period")))
        county_from = figure_phrase(other.get("source"), senders or None) + \
            ("" if own_force else self.partial_counts_note(area, period))
        self.raise_conflict(info, "figure", row, other, row_key=key, county_key=other_key, other=senders,
                            county_from=county_from, natural=("indicator_id", "area_id", "period"),
                            sentence=None if area in self.own_areas() else
                            self.not_own_sentence(info, other, row, county_from))

    def partial_counts_note(self, area_id: str, month: str) -> str:
        """Words for a figure worked out from other forces' counts only (a district outside the forces whose counts
        the county holds): " (only Suffolk Constabulary's crimes there, not Great Yarmouth's own force's)"."""
        forces = [r[0] for r in self.dst.execute(f"SELECT DISTINCT force FROM main.{POLICE_COUNTS} WHERE area_id = ? "
                                                 "AND month = ? ORDER BY force", (area_id, month))]
        found = self.dst.execute("SELECT name FROM districts WHERE id = ? UNION ALL SELECT name FROM indicator_areas "
                                 "WHERE id = ? LIMIT 1", (area_id, area_id)).fetchone()
        name = found[0] if found else area_id.partition(":")[2] or area_id
        return f" (only {in_words(forces) if forces else 'other forces'}'s crimes there, not {name}'s own force's)"

    def refill_removed_figures(self) -> None:
        """A figure the office typed over police.uk counts and has since put back to the counts' (so its file no
        longer holds it) was removed: the county's figure from the counts it holds takes its place, as in the
        office's file, rather than a month left without a figure."""
        if not self.removed_figures or self.replace_typed is None:
            return
        months = sorted({period for _, _, period in self.removed_figures})
        held = {r[0] for r in self.dst.execute(f"SELECT DISTINCT month FROM {POLICE_VINTAGES} WHERE month IN "
                                               f"({','.join('?' * len(months))})", months)}
        keys = [k for k in self.removed_figures if k[2] in held]
        if keys:
            self.replace_typed(self.county, keys)

    def merge_police(self) -> None:
        """Each police.uk force-month is one fact: the same download from two offices is nothing to do, a later
        download replaces an earlier one whole; never a conflict. The figures are then worked out again."""
        if not self.incoming_vintages:
            return
        if POLICE_COUNTS in self.m.public_tables and not has_table(self.dst, PUBLIC_DIGESTS_TABLE, schema=SRC):
            raise _refuse(self.m.path, "its police.uk counts are not signed")
        taken: dict[tuple[str, str], _Vintage] = {}
        replaced: dict[tuple[str, str, str], list[str]] = {}  # (force, download, office) -> months
        older: list[tuple[_Vintage, _Vintage]] = []
        public = self.summary.public
        for key, v in sorted(self.incoming_vintages.items()):
            c = self.county_vintages.get(key)
            if c is not None and c.file_sha256 == v.file_sha256:
                public["same"] = public.get("same", 0) + 1
                if v.download_newest_month > c.download_newest_month:  # still the same in a later download
                    self.dst.execute("UPDATE _police_vintages SET download_newest_month = ? WHERE force = ? AND "
                                     "month = ?", (v.download_newest_month, v.force, v.month))
                continue
            # The later download wins, then the later import; the file hash settles a tie, so the county ends up
            # with the same counts whatever order the files come in.
            if c is not None and (v.download_newest_month, v.imported_at, v.file_sha256) <= \
                    (c.download_newest_month, c.imported_at, c.file_sha256):
                older.append((v, c))
                public["older"] = public.get("older", 0) + 1
                continue
            taken[key] = v
            if c is None:
                public["added"] = public.get("added", 0) + 1
            else:
                public["replaced"] = public.get("replaced", 0) + 1
                # a download to the same month as the county's is later only by its import: said so (with when)
                tie = _later_import(v, c) if v.download_newest_month == c.download_newest_month else None
                replaced.setdefault((v.force, v.download_newest_month, self.m.office_name, tie), []).append(v.month)
        for (force, download, office, tie), months in sorted(replaced.items(), key=lambda kv: kv[0][:3]):
            what = f"the download of {month_words(download)}" if tie is None else \
                f"another download of the same months (to {month_words(download)}), imported {tie[0]},"
            self.summary.public_notes.append(
                f"{force} {_month_ranges(sorted(months))}: replaced by {what} from {office}{tie[1] if tie else ''}.")
        kept: dict[tuple[str, str, str, Any], list[str]] = {}
        for v, c in older:
            tie = _later_import(c, v) if v.download_newest_month == c.download_newest_month else None
            kept.setdefault((v.force, v.download_newest_month, c.download_newest_month, tie), []).append(v.month)
        for (force, theirs, ours, tie), months in sorted(kept.items(), key=lambda kv: kv[0][:3]):
            office = self.m.office_name
            if tie is None:
                held = f"a later download ({month_words(ours)}) than {office}'s ({month_words(theirs) or 'undated'})"
            else:
                held = f"another download of the same months (to {month_words(ours)}), imported {tie[0]} than " \
                       f"{office}'s{tie[1]}"
            self.summary.public_notes.append(f"{force} {_month_ranges(sorted(months))}: the county already holds "
                                             f"{held}; kept.")
        if not taken:
            return
        before = None
        if self.refresh_figures is not None and self.counts_before is not None:
            before = self.counts_before(self.county, sorted(taken))
        self.take_force_months(list(taken.values()))
        self.taken_months = {month for _, month in taken}
        if self.refresh_figures is None:
            return
        # Figures made from the counts are worked out again, never merged (only those the force-months taken can
        # change, when counts_before said what they held); a typed figure of another office that the counts now
        # contradict is a conflict (the office's own, kept over its own counts, is not).
        forces = sorted({force for force, _ in taken})
        if before is None:
            self.refreshed_areas = None
            refreshed = self.refresh_figures(self.county, forces)
        else:
            refreshed = self.refresh_figures(self.county, forces, changed=before)
        for typed in refreshed:
            if typed.period in self.taken_months:
                self.police_figure_conflict(typed)

    def take_force_months(self, taken: list[_Vintage]) -> None:
        """Replace the county's counts of these force-months with the office's, in SQL. (Every force-month of the
        export was read against its signed digest when the file was checked, ``read_export``, and the bytes merged
        are the bytes checked, ``_attached_export``.)"""
        conn = self.dst
        conn.execute("CREATE TEMP TABLE IF NOT EXISTS merge_taken (force TEXT NOT NULL, month TEXT NOT NULL, "
                     "PRIMARY KEY (force, month)) WITHOUT ROWID")
        conn.execute("DELETE FROM temp.merge_taken")
        conn.executemany("INSERT INTO temp.merge_taken VALUES (?, ?)", [(v.force, v.month) for v in taken])

        def of_taken(counts: str) -> str:
            """The counts of the force-months taken: the export's read in their order (it holds little else), the
            county's looked up by their key (its counts of other force-months are never read)."""
            if counts.startswith("main."):
                return f"temp.merge_taken t CROSS JOIN {counts} c ON c.force = t.force AND c.month = t.month"
            return f"{counts} c JOIN temp.merge_taken t ON t.force = c.force AND t.month = c.month"

        try:
            # The areas whose figures the refresh after this works out again (their counts before and after).
            area_sql = "SELECT DISTINCT c.area_id FROM {}"
            brought_areas = {r[0] for r in conn.execute(area_sql.format(of_taken(_src(POLICE_COUNTS))))}
            self.refreshed_areas = \
                {r[0] for r in conn.execute(area_sql.format(of_taken(f"main.{POLICE_COUNTS}")))} | brought_areas
            count_sql = "SELECT c.force, c.month, count(*) FROM {} GROUP BY c.force, c.month"
            gone = {(f, m): n for f, m, n in conn.execute(count_sql.format(of_taken(f"main.{POLICE_COUNTS}")))}
            brought = {(f, m): n for f, m, n in conn.execute(count_sql.format(of_taken(_src(POLICE_COUNTS))))}
            conn.execute(f"DELETE FROM main.{POLICE_COUNTS} WHERE (force, month) IN "
                         "(SELECT force, month FROM temp.merge_taken)")
            conn.execute(f"INSERT INTO main.{POLICE_COUNTS}(force, month, source_district, crime_type, area_id, count) "
                         f"SELECT c.force, c.month, c.source_district, c.crime_type, c.area_id, c.count "
                         f"FROM {of_taken(_src(POLICE_COUNTS))} ORDER BY 1, 2, 3, 4")
        finally:
            conn.execute("DELETE FROM temp.merge_taken")
        conn.executemany(
            "INSERT INTO _police_vintages(force, month, file_name, file_sha256, download_newest_month, rows, "
            "imported_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(force, month) DO UPDATE SET "
            "file_name = excluded.file_name, file_sha256 = excluded.file_sha256, "
            "download_newest_month = excluded.download_newest_month, rows = excluded.rows, "
            "imported_at = excluded.imported_at",
            [(v.force, v.month, v.file_name, v.file_sha256, v.download_newest_month, v.rows, v.imported_at)
             for v in taken])
        set_origins(conn, [(POLICE_VINTAGES, json.dumps([v.force, v.month], separators=(",", ":")), self.import_number,
                            v.file_sha256, True) for v in taken])
        for v in taken:
            n, went = brought.get((v.force, v.month), 0), gone.get((v.force, v.month), 0)
            self.summary.count(POLICE_COUNTS, "replaced" if went else "added", n)
            if went:
                self.summary.count(POLICE_COUNTS, "removed", went)
        batch = self.county.audit_state.batch
        if batch is not None:  # internal tables: no trigger counts them
            for v in taken:
                went = gone.get((v.force, v.month), 0)
                if went:
                    batch.add_rows(POLICE_COUNTS, went, "delete")
                batch.add_rows(POLICE_COUNTS, brought.get((v.force, v.month), 0), "insert")
                batch.add_rows(POLICE_VINTAGES, 1, "insert")

    def police_figure_conflict(self, typed: Any) -> None:
        """A figure typed by another office (or at the county) that this office's police.uk counts contradict."""
        info = self.describer.info("indicator_values")
        found = self.dst.execute(self.select_by_natural_sql(info), (typed.indicator_id, typed.area_id,
                                                                    typed.period)).fetchone()
        if found is None:
            return
        county_row = dict(zip(info.columns, tuple(found)))
        p = self.owner("indicator_values", str(county_row["id"]))
        own_force = self.counts_of_own_force(typed.area_id, typed.period)
        if p is not None and p.office_id == self.m.office_id:
            if typed.area_id in self.own_areas():
                return  # the office's own figure, kept over its own counts in its own file
            if not self.dst.execute(f"SELECT 1 FROM {DECISIONS_TABLE} WHERE kept_version = ? AND choice = 'district' "
                                    "LIMIT 1", (version_of(info, county_row),)).fetchone():
                # another office's district, even where the counts hold only other forces' crimes: the lead's
                self.typed_for_another_office(info, county_row, partial=not own_force)
                return
            # kept by the lead over other counts: it stands, and the lead is asked about these counts
        if not own_force:
            return  # other forces' few crimes in the district: part of its figure, not a contradiction
        police = dict(county_row, value=float(typed.imported_value), numerator=None, denominator=None,
                      source=POLICE_SOURCE, comment="")
        owner = None if p is None else p.office_name
        self.raise_conflict(info, "police-figure", police, county_row, row_key=str(county_row["id"]),
                            county_key=str(county_row["id"]), other=owner or "the county",
                            county_from=figure_phrase(county_row.get("source"), owner),
                            natural=("indicator_id", "area_id", "period"))

    def not_own_sentence(self, info: TableInfo, county_row: dict, row: dict, county_from: str) -> tuple[str, str, str]:
        """A figure this office typed for a district outside its own areas, in words naming whose the district is
        (the office of the county file whose scope holds it, when one does) and both figures."""
        area = str(row.get("area_id"))
        found = self.dst.execute("SELECT name FROM districts WHERE id = ? UNION ALL SELECT name FROM indicator_areas "
                                 "WHERE id = ? LIMIT 1", (area, area)).fetchone()
        name = found[0] if found else area.partition(":")[2] or area
        owners = sorted({r[0] for r in self.dst.execute(
            f"SELECT DISTINCT i.office_name FROM office_areas a JOIN {IMPORTS_TABLE} i ON i.office_id = a.office_id "
            "WHERE a.area_id = ? AND a.office_id != ?", (area, self.m.office_id))}, key=str.casefold)
        office = self.m.office_name
        if owners:
            whose = f"{name} is {in_words(owners)}'s area, not {office}'s"
        elif self.own_areas():
            whose = f"{name} is not one of {office}'s areas"
        else:  # its scope was never set: no district is its own to give the figure of
            whose = f"{office}'s file names no areas of its own; the office sets them in File > Office Details…"
        subject = self.describer.subject(info.name, county_row)
        county_side, district_side, _ = conflict_words(self.describer, info.name, subject, county_row, row,
                                                       county_from, self.m.office_name)
        district_side += f" ({whose})"
        return county_side, district_side, f"{subject}: {county_side}, {district_side}"

    def typed_for_another_office(self, info: TableInfo, typed_row: dict, *, partial: bool = False) -> None:
        """A figure this file typed over the police.uk counts for a district outside its office's own areas (another
        office's, whose figure it is to give), merged with the counts: the county holds the counts' figure, and the
        typed one is the lead's to decide, as when the counts were merged first (police_figure_clash)."""
        if self.replace_typed is None:
            return
        key = str(typed_row["id"])
        came = origin_of(self.dst, info.name, key)
        if came is not None and came.import_number == self.import_number:  # held with the conflict, not added
            self.uncount(info.name, "added", 1)
        drop_origin(self.dst, info.name, key)
        self.replace_typed(self.county, [(typed_row["indicator_id"], typed_row["area_id"], typed_row["period"])])
        found = self.dst.execute(self.select_by_natural_sql(info), (typed_row["indicator_id"], typed_row["area_id"],
                                                                    typed_row["period"])).fetchone()
        if found is None:
            return
        police = dict(zip(info.columns, tuple(found)))
        senders = self.m.office_name  # the counts of the month came with this file (merge_police took them)
        county_from = figure_phrase(police.get("source"), senders) + \
            (self.partial_counts_note(str(typed_row["area_id"]), str(typed_row["period"])) if partial else "")
        self.raise_conflict(info, "figure", typed_row, police, row_key=key, county_key=info.key_of(police),
                            other=senders, county_from=county_from, natural=("indicator_id", "area_id", "period"),
                            sentence=self.not_own_sentence(info, police, typed_row, county_from))

    def close_settled_police_conflicts(self) -> None:
        """Other offices' police.uk figure conflicts over a typed figure the county no longer holds (this office took
        it back: its file no longer has it, and the counts' figure took its place) are closed, and said: one stayed
        open saying the county held "500 … by Mid Suffolk office", and keeping the county's version recorded 500."""
        if not self.removed_figures:
            return
        info = self.describer.info("indicator_values")
        rows = self.dst.execute(f"SELECT id, county_key, office_name, subject, incoming_row FROM {CONFLICTS_TABLE} "
                                "WHERE kind = 'police-figure' AND office_id != ?", (self.m.office_id,)).fetchall()
        for conflict_id, county_key, office_name, subject, incoming_text in rows:
            try:
                about = json.loads(incoming_text or "{}")
            except ValueError:
                continue
            if (about.get("indicator_id"), about.get("area_id"), about.get("period")) not in self.removed_figures:
                continue  # not a figure this file took back
            current = self.county_row_by_key(info, county_key) if county_key else None
            if current is not None and not str(current.get("source") or "").startswith(POLICE_SOURCE):
                continue  # still the typed figure the counts disagree with
            self.dst.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id = ?", (conflict_id,))
            self.summary.conflict_notes.append(
                f"{subject}: {self.m.office_name} no longer sends the figure it typed, and the county file holds the "
                f"police.uk counts' figure {office_name} sent, so conflict #{conflict_id} is closed.")

    def select_by_natural_sql(self, info: TableInfo) -> str:
        cols = ", ".join(quote(c) for c in info.columns)
        return f"SELECT {cols} FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?"

    def take_what_every_holder_sends(self) -> list[str]:
        """Rows several offices hold that every one of them now sends alike, in another version than the county's
        (each office's conflict about it open with that same version): the county takes that version and their
        conflicts close, as the same data from several offices is never a conflict (DESIGN §3). A row edited at
        the county since, or a reference row, stays the county lead's to decide. Returns what was taken, in words."""
        open_rows: dict[tuple[str, str, str], dict[str, dict]] = {}
        for r in self._rows(f"SELECT * FROM {CONFLICTS_TABLE} WHERE kind = 'differs' AND incoming_version != '' "
                            "ORDER BY id"):
            key = r["county_key"] or r["row_key"]
            open_rows.setdefault((r["table_name"], key, r["incoming_version"]), {}).setdefault(r["office_id"],
                                                                                                dict(r))
        said: list[str] = []
        for (t, key, _version), by_office in open_rows.items():
            if t in REFERENCE_TABLES:
                continue
            holders = {r[0] for r in self.dst.execute(f"SELECT office_id FROM {HOLDERS_TABLE} WHERE table_name = ? "
                                                      "AND row_key = ?", (t, key))}
            if len(holders) < 2 or set(by_office) != holders:
                continue
            info = self.describer.info(t)
            current, p = county_row_of(self.dst, info, key), origin_of(self.dst, t, key)
            if current is None or p is None or not p.shared or not matches_origin(info, current, p):
                continue
            first = Conflict.from_row(min(by_office.values(), key=lambda r: r["id"]))
            try:
                kept_key = _apply_district_version(self.county, info, first, self.replace_typed) or key
            except DecisionRefused:
                continue
            _hold_as_kept(self.dst, t, kept_key, first, "district")
            self.dst.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id = ?", (first.id,))
            refresh_conflicts_about(self.dst, t, [kept_key], describer=self.describer, besides=first.id)
            numbers = sorted(r["id"] for r in by_office.values())
            # The office's parts said held with its conflict came in with the version taken: not said as held.
            stale = {self.held_notes.pop(n) for n in numbers if n in self.held_notes}
            self.summary.conflict_notes[:] = [note for note in self.summary.conflict_notes if note not in stale]
            names = sorted({r["office_name"] for r in by_office.values()}, key=str.casefold)
            closed = ", ".join(f"#{n}" for n in numbers)
            said.append(f"{first.subject}: every office that holds it now sends the same version "
                        f"({in_words(names)}), so the county file takes it and "
                        f"{'conflict' if len(numbers) == 1 else 'conflicts'} {closed} "
                        f"{'is' if len(numbers) == 1 else 'are'} closed.")
            audit.record_event(self.dst, CONFLICTS_TABLE, key, "taken as every holder sends it", {
                "what": said[-1], "table": t, "row": key, "offices": names})
        if said:
            still = {r[0] for r in self.dst.execute(f"SELECT id FROM {CONFLICTS_TABLE}")}
            self.summary.conflicts = [c for c in self.summary.conflicts if c.id in still]
        return said

    def finish_conflicts(self, before: dict[int, dict]) -> None:
        """The office's conflicts not raised again are gone (the disagreement is over), except a police.uk figure
        conflict whose counts were not looked at again this time and whose typed figure is still as it was."""
        for conflict_id, r in before.items():
            if conflict_id in self.seen:
                continue
            if r["kind"] == "police-figure" and self.still_open(r):
                self.summary.conflicts.append(Conflict.from_row(r))
                continue
            self.dst.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id = ?", (conflict_id,))

    def still_open(self, r: dict) -> bool:
        info = self.describer.info(r["table_name"])
        current = self.county_row_by_key(info, r["county_key"]) if r["county_key"] else None
        if current is None:
            return False
        if str(current.get("period")) in self.taken_months and \
                (self.refreshed_areas is None or current.get("area_id") in self.refreshed_areas):
            return False  # looked at again by this merge's refresh, and not raised again
        return version_of(info, current) == r["county_version"]


def merge_export(county: Store, manifest: ExportManifest, *, progress: ProgressFn = no_progress,
                 cancelled: CancelCheck = never_cancelled, accept_keys: Iterable[AcceptedKey] = (),
                 refresh_figures: RefreshFigures | None = None,
                 counts_before: CountsBefore | None = None, layouts: MergeLayouts | None = None,
                 replace_typed: ReplaceTyped | None = None, refund_credit: RefundCredit | None = None,
                 reviews_billed: ReviewsBilled | None = None, accept_restored: bool = False,
                 forces_named: ForcesNamed | None = None, example_rows: ExampleRows | None = None) -> MergeSummary:
    """Merge one checked district export into the county file in one transaction (all or nothing), audited as
    ONE entry (which office, export id and number, key, rows added/replaced/removed per table).

    The export is checked against the county's key register and history first (``verify_for_county``);
    a key in accept_keys (``accepted_for``: the county lead confirmed it with the office) is registered for the
    export's office in the same transaction.
    refresh_figures(county, forces) works the police.uk figures out again from the counts after a force-month
    was taken (services.police_import.refresh_police_figures; the exchange layer cannot call services) and
    returns the typed figures that differ from them; with counts_before (services.police_import.counts_change)
    only the figures the force-months taken can change are worked out again. layouts: what the merges of other
    files into this county file read of its tables' layouts (kept while its schema stays as it was).
    replace_typed (services.police_import.replace_typed_figures) puts the figure from the county's counts in place
    of one the office typed over them and no longer sends. refund_credit (services.dhr.refund_credit): a refund the
    county's ledger has no overpaid credit for is not merged but raised (Merger.refunds_not_taken). reviews_billed
    (services.dhr's ledger): an office's billing of a review that would bill its partners beyond its cost at the
    county is not merged but raised (Merger.billing_beyond_cost). forces_named
    (services.indicators.forces_named_for_areas): the forces a district's own however few of their crimes it holds.
    example_rows (services.example_rows.example_hashes): an office's row that is the example's as shipped, against
    another office's change of it, is no disagreement (Merger.untouched_example).
    """
    path = manifest.path
    layouts = (layouts or MergeLayouts()).check(county.conn)
    register = verify_for_county(county, manifest, accept_keys, accept_restored=accept_restored)
    before = last_import(county.conn, manifest.office_id)
    last = before if accept_restored else None
    missing = sorted(set(manifest.tables) - set(data_tables(county.conn)))
    if missing:
        raise _refuse(path, f"it has tables this county file does not know ({', '.join(missing)}); open the "
                            "county file with the newer version of Safer Desk first")
    with _attached_export(county, manifest) as source_hash:
        src_tables = data_tables(county.conn, SRC)
        county_tables = set(data_tables(county.conn))  # read once (it was read again for every table)
        _check_laid_out(path, _layout(county.conn, county_tables), _layout(county.conn, src_tables, SRC))
        infos = {t: layouts.info(county.conn, t) for t in src_tables if t in county_tables}
        tables = dependency_order(county.conn, list(infos), infos)
        try:
            label = f"Merge {manifest.office_name} export {manifest.sequence}"
            with county.batch(label, source=path.name, source_hash=source_hash) as batch:
                county.conn.execute("PRAGMA defer_foreign_keys = ON")
                if register:
                    register_key(county, manifest)
                merger = _Merger(county, manifest, progress, cancelled, refresh_figures, counts_before, infos, layouts,
                                 replace_typed, refund_credit, reviews_billed, forces_named, example_rows)
                if not merger.known:
                    # Its record in _county_imports (no row trigger's) is a change, which refuses the office's older
                    # exports: the trail records the merge (export id and number) even when no row changed, or a
                    # record of it removed or renumbered with another tool went unseen by `check`.
                    batch.add_rows(IMPORTS_TABLE, 1)
                summary = merger.run(tables)
                summary.sequence, summary.key_fingerprint = manifest.sequence, manifest.key_fingerprint
                summary.key_accepted = register
                if last is None and before is not None:
                    summary.not_merged = numbers_not_merged_words(manifest, before)
                    summary.dated_before = dated_before_words(manifest, before)
                if last is not None:  # said where the office's rows removed are counted, and kept in the trail
                    summary.restored = restored_words(manifest, last)
                    with audit.user_action(f"Accept the export of {manifest.office_name}'s restored file"):
                        audit.record_event(county.conn, IMPORTS_TABLE, manifest.export_id,
                                           "export of a restored file accepted", {
                                               "office": manifest.office_name, "office_id": manifest.office_id,
                                               "export_number": manifest.sequence,
                                               "after_export_number": last["sequence"],
                                               "after_export_id": last["export_id"], "what": summary.restored})
                batch.details.update({
                    "office": manifest.office_name, "office_id": manifest.office_id, "export_id": manifest.export_id,
                    "export_number": manifest.sequence, "key_fingerprint": manifest.key_fingerprint,
                    "tables": {t: dict(sorted(n.items())) for t, n in sorted(summary.tables.items())},
                    "police_force_months": dict(sorted(summary.public.items())),
                    "conflicts": len(summary.conflicts),
                    # as its record in _county_imports holds them: that record removed is rebuilt with them
                    "figures": {"added": summary.added, "replaced": summary.replaced,
                                "unchanged": summary.unchanged, "removed": summary.removed}})
                if not merger.known:  # the same export merged again: the record of its first merge stands
                    county.conn.execute(
                        f"UPDATE {IMPORTS_TABLE} SET added = ?, replaced = ?, unchanged = ?, removed = ?, "
                        "conflicts = ? WHERE export_id = ?", (summary.added, summary.replaced, summary.unchanged,
                                                              summary.removed, len(summary.conflicts),
                                                              manifest.export_id))
        except sqlite3.IntegrityError as exc:
            raise _refuse(path, f"its rows do not fit the county file: {does_not_fit_words(exc)}") from exc
    return summary


def does_not_fit_words(exc: sqlite3.IntegrityError) -> str:
    """What a row that does not fit the county file did, in words (SQLite says "UNIQUE constraint failed:
    organisations.name"), and what to do: a county lead is not a programmer."""
    said = str(exc)
    named = said.split(":", 1)[1].strip() if ":" in said else ""  # "organisations.name" (UNIQUE, NOT NULL)
    first = named.split(",", 1)[0]
    table = first.split(".", 1)[0] if "." in first and " " not in first else ""
    thing = ROW_WORDS.get(table, (table.replace("_", " ").rstrip("s") or "row",))[0]
    article = "an" if thing[:1].lower() in "aeiou" else "a"
    if said.startswith("UNIQUE"):
        what = f"it gives {article} {thing} the county file holds already under the same name or reference"
    elif said.startswith("FOREIGN KEY"):
        what = "one of its rows refers to something the county file does not hold"
    else:
        what = f"one of its rows{f' ({article} {thing})' if table else ''} has a value the county file cannot take"
    return f"{what}. Ask the office for a new export; if that is refused too, keep both files and tell whoever " \
           "looks after Safer Desk for you"


# -- the county lead's decisions ------------------------------------------------------------------------------
class DecisionRefused(ValueError):
    """A decision that cannot be applied as things stand; the message says why and what to do first."""


ReplaceTyped = Callable[[Store, list[tuple[str, str, str]]], list]  # services.police_import.replace_typed_figures


def conflict_words(describer: Describer, table: str, subject: str, county_row: dict | None, row: dict | None,
                   county_from: str, office: str) -> tuple[str, str, str]:
    """(county side, district side, the whole sentence) of a conflict between the county's row and an office's."""
    if table == "indicator_values" and row is not None and county_row is not None:
        owner = county_from[len("from "):] if county_from.startswith("from ") else ""
        if owner and not county_from.startswith("from police.uk"):  # said as the office's side is: "typed by …"
            county_from = figure_phrase(county_row.get("source"), owner)
        county_side = f"{describer.value(table, 'value', county_row.get('value'))} {county_from}"
        district_side = (f"{describer.value(table, 'value', row.get('value'))} "
                         f"{figure_phrase(row.get('source'), office)}")
        return county_side, district_side, f"{subject}: {county_side}, {district_side}"
    if table == "dhr_shares" and county_row is not None:  # a share's state is its status and what was paid
        note = share_payments_note(describer.conn, county_row.get("id"))
        county_from += f" ({note})" if note else ""
    if table == "dhr_deleted_cost_lines" and county_row is not None and row is not None and all(
            isinstance(r.get("amount_pence"), int) for r in (county_row, row)):  # each line as it stood there
        county_side = describer.deleted_line_side(county_row, row, county_from)
        district_side = describer.deleted_line_side(row, county_row, f"from {office}")
        return county_side, district_side, f"{subject}: {county_side}; {district_side}"
    diffs = describer.differences(table, county_row or {}, row or {})
    return describer.sentence(table, subject, diffs, county_from, f"from {office}")


def _sources_first(rows: list[tuple[dict, bool]]) -> list[tuple[dict, bool]]:
    """Shares of reviews with each refused share before the invoices dealing with its refusal (and theirs in turn),
    otherwise in the order given: an invoice is merged knowing how the county then holds its share."""
    by_key = {str(row["id"]): row for row, _ in rows}

    def depth(row: dict) -> int:
        n, source = 0, row.get("source_share_id")
        while source is not None and str(source) in by_key and n <= len(by_key):
            n, source = n + 1, by_key[str(source)].get("source_share_id")
        return n

    return sorted(rows, key=lambda item: depth(item[0]))


def resplit_blocked(conn: sqlite3.Connection, share: dict, handling: str, amount_pence: int,
                    office_id: str) -> str | None:
    """Why the county's share (as it holds it now) cannot take an office's dealing with its refusal (handling:
    "re-split" or "lead authority", of amount_pence in all), or None when it can: the county holds the share refused
    and dealt with that way, and holds no re-split or carrying of it but the office's own. Otherwise the partners
    would be billed the refused amount twice (services.dhr: only a refused share is re-split or carried, once)."""
    money = format_money(amount_pence, show_pence=True)
    words, status = share_status_words(share), share.get("status")
    if status == "invoiced":
        return f"the county holds that share invoiced, not refused, so its {money} would be billed twice"
    if status != "refused":
        return f"the county holds that share {words}, and only a refused share is re-split or carried"
    if share.get("refusal_handling") is None:
        return f"the county holds that share {words} and not {DEALT_WORDS[handling]}, so its {money} could be " \
               "dealt with twice"
    if share.get("refusal_handling") != handling:
        return f"the county holds that share {words}, so its {money} would be dealt with twice"
    others = [d for d in held_dealings(conn, share["id"])
              if not (d.shared or (d.office_id and d.office_id == office_id))]  # (the office's own, merged before)
    if others:
        return f"the county holds that refusal {DEALT_WORDS[handling]} already ({dealings_words(others)}), so its " \
               f"{money} would be billed twice"
    return None


def refresh_share_payments_words(conn: sqlite3.Connection) -> None:
    """Open conflicts about a share told again with the payments the county holds towards it now (merged with a
    later file, kept with a decision, recorded or deleted in the county file), so the county lead decides knowing
    what the partner has paid. Only the end of the county's side changes (``PAYMENTS_HELD``, in brackets)."""
    kinds = ", ".join(f"'{k}'" for k in ROW_CONFLICT_KINDS)
    found = conn.execute(f"SELECT id, county_key, subject, county_side, detail FROM {CONFLICTS_TABLE} WHERE "
                         f"table_name = 'dhr_shares' AND county_key != '' AND kind IN ({kinds})").fetchall()
    for conflict_id, key, subject, county_side, detail in found:
        start = f"{subject}: {county_side}"
        if not county_side or not detail.startswith(start):
            continue
        mark = county_side.find(f" ({PAYMENTS_HELD}")
        base = county_side if mark < 0 else county_side[:mark]
        note = share_payments_note(conn, key)
        now = base + (f" ({note})" if note else "")
        if now != county_side:
            conn.execute(f"UPDATE {CONFLICTS_TABLE} SET county_side = ?, detail = ? WHERE id = ?",
                         (now, f"{subject}: {now}{detail[len(start):]}", conflict_id))


def county_row_of(conn: sqlite3.Connection, info: TableInfo, key: str) -> dict | None:
    """The county's row of this key (a composite key as its JSON text), or None; a thing of WHOLES with its
    make-up, as it is compared."""
    found = conn.execute(f"SELECT {', '.join(quote(c) for c in info.columns)} FROM {quote(info.name)} WHERE "
                         + " AND ".join(f"{quote(c)} = ?" for c in info.primary_key),
                         [key] if len(info.primary_key) == 1 else json.loads(key)).fetchone()
    return None if found is None else with_make_up(conn, info.name, dict(zip(info.columns, tuple(found))))


def _share_row(conn: sqlite3.Connection, share_id: Any) -> dict | None:
    """The county's share of a review with this id, or None."""
    return county_row_of(conn, table_info(conn, "dhr_shares"), str(share_id))


# Conflicts comparing a county row with an office's version of it: they read wrong once that row changes.
ROW_CONFLICT_KINDS = ("other-office", "differs", "reference-differs", "edited-at-county", "made-at-county")


def refresh_conflicts_about(conn: sqlite3.Connection, table: str, keys: Iterable[str], *,
                            describer: Describer | None = None, offices: dict[int, tuple[str, str]] | None = None,
                            besides: int | None = None, besides_office: str = "", changed_by: str = "",
                            sent_again: Mapping[str, dict] | None = None) -> list[str]:
    """Open conflicts about these county rows, told again against the rows as the county holds them now (after a
    merge replaced or removed them, or a decision kept an office's version): one whose office's version the county
    now holds is closed, as nothing is left to decide, and so is one about a row no longer in the county file (the
    office's version comes in when its file is merged again); the others say the county's side as it now is, so
    that a decision is taken on what is there and stands at the next merge (which compares the same two versions).
    One about a row several offices hold, as it was, names the offices that send it alike now (_say_who_sends_it_alike).
    Conflicts of ``besides_office``, and the conflict numbered ``besides``, are left alone. Returns what was closed,
    in words (``changed_by``: the office whose file changed the rows; ``sent_again``: the rows of totals it sent again
    under another key, by key, said as sent again, not as removed)."""
    wanted = set(keys)
    if not wanted:
        return []
    kinds = ", ".join(f"'{k}'" for k in ROW_CONFLICT_KINDS)
    found = [r for r in conn.execute(
        f"SELECT id, coalesce(nullif(county_key, ''), row_key), office_name, incoming_row, county_version, "
        f"incoming_version, subject, office_id, county_side, detail FROM {CONFLICTS_TABLE} WHERE table_name = ? "
        f"AND office_id != ? AND kind IN ({kinds})", (table, besides_office)).fetchall()
        if r[1] in wanted and r[0] != besides]
    if not found:
        return []
    describer = describer or Describer(conn)
    info = describer.info(table)
    closed: list[str] = []
    by = changed_by or "the county"
    for (conflict_id, key, office_name, incoming_text, county_version, incoming_version, subject, office_id,
         said_side, detail) in found:
        current = county_row_of(conn, info, key)
        if current is None:
            conn.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id = ?", (conflict_id,))
            resent = (sent_again or {}).get(key)
            if resent is not None and resent.get("office_id") == "":  # one row for every office, as merged before
                closed.append(f"{subject}: {by} now sends its own part of it, kept apart from other offices' parts, "
                              f"so conflict #{conflict_id} with {office_name} is closed; {office_name}'s part comes "
                              "in when its file is merged again.")
            elif resent is not None:
                closed.append(f"{subject}: {by} sent it again with new totals, so conflict #{conflict_id} with "
                              f"{office_name} is closed; {office_name}'s version comes in when its file is merged "
                              "again.")
            else:
                closed.append(f"{subject}: no longer in the county file ({by} removed it), so conflict "
                              f"#{conflict_id} with {office_name} is closed; {office_name}'s version comes in when "
                              "its file is merged again.")
            continue
        now = version_of(info, current)
        try:
            incoming = json.loads(incoming_text) if incoming_text else None
        except ValueError:
            incoming = None
        held = incoming.get(BILLING_HELD) if table == "dhr_cost_lines" and isinstance(incoming, dict) else None
        if now == incoming_version:
            conn.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id = ?", (conflict_id,))
            now_holds = f"{changed_by} now sends" if changed_by else "the county file now holds"
            # (the office's billing that waited with it is not the county's: it comes as any billing does)
            billing = "" if held is None else (
                f"; {office_name}'s billing of {(describer or Describer(conn)).label('dhr_cases', held['case'])}, "
                "which waited with it, comes with its next file")
            closed.append(f"{subject}: {now_holds} what {office_name} sent, so conflict #{conflict_id} is "
                          f"closed{billing}.")
            continue
        p = origin_of(conn, table, key, offices)
        if now == county_version:
            if table not in REFERENCE_TABLES and p is not None and p.shared and isinstance(incoming, dict):
                _say_who_sends_it_alike(conn, describer, info, key, current, p, incoming,
                                        (conflict_id, office_id, office_name, subject, said_side, detail))
            continue
        if table in REFERENCE_TABLES:
            county_from = reference_came_from(conn, info, key, current, p, office_id, besides=besides)
        elif besides is not None and p is not None and p.shared:  # the version a decision is keeping (recorded next)
            county_from = "in the county file"
        elif p is None or p.shared:
            county_from = shared_came_from(conn, info, key, current, p, office_id=office_id)
        elif short_hash(row_hash(info.columns, [current[c] for c in info.columns])) == p.row_hash:
            county_from = f"from {p.office_name}"
        else:
            county_from = f"at the county (edited there since it came from {p.office_name})"
        subject = describer.subject(table, current)
        county_side, district_side, text = conflict_words(describer, table, subject, current, incoming, county_from,
                                                          office_name)
        if held is not None:  # the office's billing waits with it still: said against the county's invoices now
            text += billing_held_words(describer, office_name, held, billing_of(conn, str(held["case"]))["dhr_shares"])
        conn.execute(f"UPDATE {CONFLICTS_TABLE} SET detail = ?, subject = ?, county_side = ?, district_side = ?, "
                     "county_version = ? WHERE id = ?", (text, subject, county_side, district_side, now, conflict_id))
    if table == "dhr_shares":  # the payments held towards a share may have changed without the share
        refresh_share_payments_words(conn)
    return closed


def _say_who_sends_it_alike(conn: sqlite3.Connection, describer: Describer, info: TableInfo, key: str, current: dict,
                            p: Origin, incoming: dict, said: tuple[int, str, str, str, str, str]) -> None:
    """An open conflict about a row several offices hold, still as the county holds it, told again where the offices
    that send it alike are others now (an office's conflict about it raised or over, a version set aside): its county
    side names them as a conflict found now would (shared_came_from). The office's side is left as it was said (its
    row's links were read with its file attached)."""
    conflict_id, office_id, office_name, subject, said_side, detail = said
    county_from = shared_came_from(conn, info, key, current, p, office_id=office_id)
    side = conflict_words(describer, info.name, subject, current, incoming, county_from, office_name)[0]
    start = f"{subject}: {said_side}"
    if side == said_side or not detail.startswith(start):
        return
    conn.execute(f"UPDATE {CONFLICTS_TABLE} SET county_side = ?, detail = ? WHERE id = ?",
                 (side, f"{subject}: {side}{detail[len(start):]}", conflict_id))


def retell_after_rename(conn: sqlite3.Connection, describer: Describer, office_id: str, was: str,
                        offices: dict[int, tuple[str, str]]) -> None:
    """Other offices' open conflicts about rows the renamed office sent say their county side again, naming it by
    its new name (guide: what the county says of the rows it sent names it so). Only the county side is told again:
    the other office's side was read with its own file attached."""
    kinds = ", ".join(f"'{k}'" for k in ROW_CONFLICT_KINDS)
    name = next((n for o, n in offices.values() if o == office_id), was)
    found = conn.execute(
        f"SELECT id, table_name, coalesce(nullif(county_key, ''), row_key), office_id, office_name, incoming_row, "
        f"subject, county_side, detail, other_office FROM {CONFLICTS_TABLE} WHERE office_id != ? "
        f"AND kind IN ({kinds}) AND (other_office = ? OR instr(county_side, ?) > 0)",
        (office_id, was, was)).fetchall()
    for conflict_id, table, key, their_id, their_name, incoming_text, subject, said_side, detail, other in found:
        if other == was:
            conn.execute(f"UPDATE {CONFLICTS_TABLE} SET other_office = ? WHERE id = ?", (name, conflict_id))
        info = describer.info(table)
        current = county_row_of(conn, info, key)
        try:
            incoming = json.loads(incoming_text) if incoming_text else None
        except ValueError:
            continue
        p = origin_of(conn, table, key, offices)
        if current is None or not isinstance(incoming, dict) or p is None or p.office_id != office_id \
                and not p.shared:
            continue
        if table in REFERENCE_TABLES:
            county_from = reference_came_from(conn, info, key, current, p, their_id)
        elif p.shared:
            county_from = shared_came_from(conn, info, key, current, p, office_id=their_id)
        elif short_hash(row_hash(info.columns, [current[c] for c in info.columns])) == p.row_hash:
            county_from = f"from {p.office_name}"
        else:
            county_from = f"at the county (edited there since it came from {p.office_name})"
        side = conflict_words(describer, table, subject, current, incoming, county_from, their_name)[0]
        start = f"{subject}: {said_side}"
        if side != said_side and detail.startswith(start):
            conn.execute(f"UPDATE {CONFLICTS_TABLE} SET county_side = ?, detail = ? WHERE id = ?",
                         (side, f"{subject}: {side}{detail[len(start):]}", conflict_id))


def shared_rows_in_conflict(conn: sqlite3.Connection, besides_office: str) -> dict[str, list[str]]:
    """The county rows several offices hold that open conflicts of offices other than ``besides_office`` are about,
    by table."""
    kinds = ", ".join(f"'{k}'" for k in ROW_CONFLICT_KINDS)
    about: dict[str, list[str]] = {}
    for table, key in conn.execute(
            f"SELECT c.table_name, o.row_key FROM {CONFLICTS_TABLE} c JOIN {ORIGINS_TABLE} o "
            "ON o.table_name = c.table_name AND o.row_key = coalesce(nullif(c.county_key, ''), c.row_key) "
            f"WHERE o.shared AND c.office_id != ? AND c.kind IN ({kinds})", (besides_office,)):
        about.setdefault(table, []).append(key)
    return about


def apply_decision(county: Store, conflict: Conflict, choice: str, *, replace_typed: ReplaceTyped | None = None,
                   decided_at: str | None = None) -> None:
    """Keep the county's version ("county") or the district's ("district") of one conflict, inside the caller's
    transaction: the rows are changed as chosen, the decision is kept (so the same two versions never raise it
    again) and the conflict is closed. Raises DecisionRefused when the district's version cannot go in yet."""
    from safer_desk.exchange.county_conflicts import record_decision

    if choice not in ("county", "district"):
        raise ValueError(f"choice is county or district, not {choice!r}")
    conn = county.conn
    info = table_info(conn, conflict.table)
    t, kind = conflict.table, conflict.kind
    if choice == "district":
        if t == "dhr_shares" and kind == "share-cannot-take":  # a re-split held back: it comes in with a file
            raise DecisionRefused(_held_resplit_not_kept(conn, conflict))
        if kind == "billing-cannot-take":  # an office's billing the county's ledger cannot take: never billed twice
            raise DecisionRefused(f"#{conflict.id} {conflict.detail}. Keeping {conflict.office_name}'s billing now "
                                  "would bill the partners twice, so it is refused.")
        kept_key = _apply_district_version(county, info, conflict, replace_typed) or conflict.county_key
        share = _share_kept(conn, info, conflict) if t in ("dhr_shares", "dhr_payments") else None
        if share is not None:
            _refuse_share_the_rules_forbid(conn, info, conflict, share)
            if t == "dhr_shares":
                _refuse_a_refusal_dealt_with_twice(conn, conflict, share)
        kept, set_aside = conflict.incoming_version, conflict.county_version
        if kept_key and kind in ROW_CONFLICT_KINDS:
            _hold_as_kept(conn, t, kept_key, conflict, "district")
        if kept_key:  # other offices' conflicts about the row now compare with the version kept
            refresh_conflicts_about(conn, t, [kept_key], besides=conflict.id)
        if t == "dhr_payments":
            refresh_share_payments_words(conn)
    else:
        if kind == "removed-but-edited":  # the county keeps it as its own: no office removes it any more
            drop_origin(conn, t, conflict.county_key)
            _drop_parts_origins(conn, t, conflict.county_key)  # (a thing of WHOLES: nor its parts)
        kept, set_aside = conflict.county_version, conflict.incoming_version
        if conflict.county_key and kind in ROW_CONFLICT_KINDS:
            _hold_as_kept(conn, t, conflict.county_key, conflict, "county")
    now, who = decided_at or utc_now(), audit.current_user()
    record_decision(conn, conflict, choice, kept, set_aside, decided_at=now, decided_by=who)
    held = (conflict.incoming_row or {}).get(BILLING_HELD) if t == "dhr_cost_lines" else None
    if choice == "county" and isinstance(held, dict):
        _set_aside_billing_held(conn, conflict, held, decided_at=now, decided_by=who)
    conn.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE id = ?", (conflict.id,))
    if t == "dhr_shares":
        # An office's refusal of a share and its re-split held back are one disagreement (the same two versions of
        # the share): deciding one decides the other. Kept, the refusal's re-split comes in with the office's next
        # file; set aside, the re-split stays out as long as the county holds the share as it does.
        conn.execute(f"DELETE FROM {CONFLICTS_TABLE} WHERE office_id = ? AND table_name = 'dhr_shares' AND "
                     "subject_key = ? AND county_version = ? AND incoming_version = ?",
                     (conflict.office_id, conflict.subject_key, conflict.county_version, conflict.incoming_version))
    audit.record_event(conn, "_county_decisions", str(conflict.id), "conflict decided", {
        "conflict": conflict.detail, "kept": "the county's version" if choice == "county" else
        f"{conflict.office_name}'s version", "office": conflict.office_name, "group": conflict.group_words,
        "table": t, "row": conflict.county_key or conflict.row_key})


def _set_aside_billing_held(conn: sqlite3.Connection, c: Conflict, held: dict, *, decided_at: str,
                            decided_by: str) -> None:
    """Keep County Version of a cost line sets aside the office's billing that waited with it, as the version of the
    review's billing the lead decided against (Merger.raise_billing_beyond_cost compares the same): the office
    sending that same billing again, where the county's ledger cannot take it, is not asked about again; a billing it
    changes since is."""
    from safer_desk.exchange.county_conflicts import record_decision

    info = table_info(conn, "dhr_cases")
    found = conn.execute("SELECT * FROM main.dhr_cases WHERE id = ?", (str(held["case"]),)).fetchone()
    if found is None:
        return
    case_row = dict(zip(info.columns, tuple(found)))
    county_billing = billing_of(conn, str(held["case"]))
    billing = replace(c, subject_key=subject_key_of(info, case_row),
                      county_version=version_of(info, {**case_row, MAKE_UP: _billing_digest(county_billing)}))
    record_decision(conn, billing, "county", billing.county_version,
                    version_of(info, {**case_row, MAKE_UP: _billing_digest(held)}),
                    decided_at=decided_at, decided_by=decided_by)


def _hold_as_kept(conn: sqlite3.Connection, table: str, key: str, c: Conflict, choice: str) -> None:
    """The offices holding a row several offices hold (those "Merged from" names), after a decision: those that send
    the version kept. Keeping an office's version: that office, and any other whose open conflict sends the same
    version (closed by it); the offices that sent the county's version set aside no longer send it alike. Keeping
    the county's: the conflict's office no longer does, unless it is the only holder (a row no office holds is
    never removed, and this office may yet delete its own)."""
    holders = {r[0] for r in conn.execute(f"SELECT office_id FROM {HOLDERS_TABLE} WHERE table_name = ? AND "
                                          "row_key = ?", (table, key))}
    if not holders:  # shared before the county kept who holds it, common to every file, or one office's own
        if choice == "district" and c.kind in ("other-office", "differs", "reference-differs") and \
                table not in NAMED_BY_ID:  # one office's own, another's version kept: shared now, held by that one
            conn.execute(_HOLD_SQL, (table, key, c.office_id))  # (else "Merged from" named "Several offices")
        return
    if choice == "county":
        if holders - {c.office_id}:
            conn.execute(f"DELETE FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ? AND office_id = ?",
                         (table, key, c.office_id))
        return
    kinds = ", ".join(f"'{k}'" for k in ROW_CONFLICT_KINDS)
    alike = {c.office_id} | {r[0] for r in conn.execute(
        f"SELECT office_id FROM {CONFLICTS_TABLE} WHERE table_name = ? AND coalesce(nullif(county_key, ''), row_key) "
        f"= ? AND kind IN ({kinds}) AND incoming_version = ? AND incoming_version != ''",
        (table, key, c.incoming_version))}
    conn.executemany(f"DELETE FROM {HOLDERS_TABLE} WHERE table_name = ? AND row_key = ? AND office_id = ?",
                     [(table, key, office) for office in sorted(holders - alike)])
    conn.executemany(_HOLD_SQL, [(table, key, office) for office in sorted(alike)])


def _apply_district_version(county: Store, info: TableInfo, c: Conflict, replace_typed: ReplaceTyped | None
                            ) -> str | None:
    """The office's version put in place of the county's; the key of the row kept where it is the county's row
    updated (None otherwise)."""
    conn = county.conn
    t, kind = info.name, c.kind
    where = " AND ".join(f"{quote(col)} = ?" for col in info.primary_key)

    def key_values(key: str) -> list:
        return [key] if len(info.primary_key) == 1 else json.loads(key)

    def provenance(key: str, row: dict, shared: bool) -> None:
        digest = shared_digest(info, row) if shared and t in LOCAL_COLUMNS else \
            row_hash(info.columns, [row.get(col) for col in info.columns])
        set_origin(conn, t, key, _import_of(conn, c), digest, shared)

    def insert(row: dict) -> None:
        conn.execute(f"INSERT INTO {quote(t)} ({', '.join(quote(col) for col in info.columns)}) "
                     f"VALUES ({', '.join('?' * len(info.columns))})", [row.get(col) for col in info.columns])

    incoming = c.incoming_row or {}
    if t == "dhr_cost_lines" and BILLING_HELD in incoming:  # the office's billing again comes with its cost line
        _put_billing(conn, c, incoming[BILLING_HELD])
    if t == "dhr_cost_lines" and VERSIONS_HELD in incoming:  # and its earlier versions, in place of the county's
        _put_versions(conn, c, incoming[VERSIONS_HELD])
    if kind == "removed-but-edited":
        _drop_parts_origins(conn, t, c.county_key)  # (its parts go with it)
        conn.execute(f"DELETE FROM {quote(t)} WHERE {where}", key_values(c.county_key))
        drop_origin(conn, t, c.county_key)
        return
    if kind == "police-figure":
        if replace_typed is None:
            raise DecisionRefused("The police.uk figure cannot be worked out here.")
        drop_origin(conn, t, c.county_key)
        replace_typed(county, [(incoming["indicator_id"], incoming["area_id"], incoming["period"])])
        return
    if not incoming or set(incoming) == {BILLING_HELD}:
        raise DecisionRefused(f"{c.detail}: the office's version was not kept; merge its file again.")
    if kind == "refund-cannot-take" and c.county_key:  # one the county held, sent larger: it goes for the office's
        conn.execute(f"DELETE FROM {quote(t)} WHERE {where}", key_values(c.county_key))
    if kind in ("missing-parent", "share-cannot-take", "refund-cannot-take"):
        for fk in info.foreign_keys:
            values = [incoming.get(col) for col in fk.columns]
            if any(v is None for v in values):
                continue
            to_cols = fk.to_columns or table_info(conn, fk.table).primary_key
            cond = " AND ".join(f"{quote(col)} = ?" for col in to_cols)
            if conn.execute(f"SELECT 1 FROM {quote(fk.table)} WHERE {cond}", values).fetchone() is None:
                raise DecisionRefused(f"{c.detail}. Keep {c.office_name}'s version of what it belongs to first.")
        insert(incoming)
        provenance(info.key_of(incoming), incoming, False)
        if t in WHOLES and PARTS in incoming:  # its parts were held back with it
            _put_parts(conn, replace(c, county_key=info.key_of(incoming)), t, incoming[PARTS], False)
        return
    if kind == "figure":  # the county's police.uk figure gives way to the office's own
        conn.execute(f"DELETE FROM {quote(t)} WHERE {where}", key_values(c.county_key))
        insert(incoming)
        provenance(info.key_of(incoming), incoming, False)
        return
    current = conn.execute(f"SELECT * FROM {quote(t)} WHERE {where}", key_values(c.county_key)).fetchone()
    if current is None:
        raise DecisionRefused(f"{c.detail}: the county's row is no longer there; merge the office's file again.")
    key = c.county_key
    if t == FUND_SUMMARY_TABLE and (sent := info.key_of(incoming)) != key:
        # A summary row's id says the months its spend is of (merged across months for small numbers: "q:" and
        # the first and last month): the office's version kept, its id is kept too, or the county would hold the
        # office's spend as of the months of the row it replaces (all of it in April, where the office says April
        # and June). The row's bookkeeping moves with it.
        conn.execute(f"UPDATE {quote(t)} SET id = ? WHERE id = ?", (sent, key))
        for bookkeeping in (ORIGINS_TABLE, HOLDERS_TABLE):
            conn.execute(f"UPDATE {bookkeeping} SET row_key = ? WHERE table_name = ? AND row_key = ?", (sent, t, key))
        conn.execute(f"UPDATE {CONFLICTS_TABLE} SET county_key = ? WHERE table_name = ? AND county_key = ?",
                     (sent, t, key))
        key = sent
    columns = [col for col in info.columns if col not in info.primary_key]
    conn.execute(f"UPDATE {quote(t)} SET {', '.join(f'{quote(col)} = ?' for col in columns)} WHERE {where}",
                 [incoming.get(col) for col in columns] + key_values(key))
    updated = conn.execute(f"SELECT * FROM {quote(t)} WHERE {where}", key_values(key)).fetchone()
    after = dict(zip(info.columns, tuple(updated)))
    shared = kind in ("other-office", "differs", "reference-differs")
    provenance(key, after, shared)
    if t in WHOLES and PARTS in incoming:
        _put_parts(conn, replace(c, county_key=key), t, incoming[PARTS], shared)
    return key


def refund_beyond_credit(describer: Describer, row: dict, credit_pence: int) -> str | None:
    """Why the county's ledger cannot take this refund (its partner's overpaid credit there, ``credit_pence``), in
    words, or None when it can."""
    amount = int(row["amount_pence"])
    if amount <= credit_pence:
        return None
    partner = describer.label("organisations", row["organisation_id"])
    if credit_pence <= 0:
        return (f"in the county file {partner} has paid no more than its share of the review's cost, so there is "
                "nothing to refund to it")
    return (f"in the county file {partner} overpaid {format_money(credit_pence, show_pence=True)} on the review, "
            f"less than the {format_money(amount, show_pence=True)} refunded")


def _row_text(row: dict) -> str:
    """A row, to compare (its values whatever their order)."""
    return json.dumps(row, sort_keys=True, default=str)


def format_uk_iso(day: str) -> str:
    """An ISO day (2025-10-01) as the papers say it (01/10/2025)."""
    try:
        return format_uk_date(datetime.strptime(day[:10], "%Y-%m-%d").date())
    except ValueError:
        return day


def billing_held_words(describer: Describer, office: str, held: dict, county_shares: list[dict]) -> str:
    """What a conflict about a review's cost line says of the office's billing that waits with it (BILLING_HELD),
    against the review's invoices as the county holds them (``county_shares``): said when the merge holds it, and again
    whenever the conflict is told again, so the note stays with its conflict while it is the same conflict."""
    reference = describer.label("dhr_cases", held["case"])
    then = {"dhr_shares": county_shares}
    return (f"; {_office_billing_words(office, held, then)}, not merged while this is open: the county holds "
            f"{reference} billed "
            f"{_billed_words(county_shares)} for its costs (Keep District Version brings the office's invoices with "
            "its cost line)")


def billing_of(conn: sqlite3.Connection, case: str) -> dict[str, list[dict]]:
    """The review's invoices and payments as the county holds them now (during a merge too: its own rows, never the
    office's file's)."""
    def rows(sql: str) -> list[dict]:
        cursor = conn.execute(sql, (case,))
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, tuple(r))) for r in cursor.fetchall()]

    return {"dhr_shares": rows("SELECT * FROM main.dhr_shares WHERE case_id = ?"),
            "dhr_payments": rows("SELECT p.* FROM main.dhr_payments p JOIN main.dhr_shares s ON s.id = p.share_id "
                                 "WHERE s.case_id = ?"),
            "dhr_withdrawn_invoices": rows("SELECT * FROM main.dhr_withdrawn_invoices WHERE case_id = ?")}


def _billed_words(rows: list[dict]) -> str:
    """What invoices bill the partners for a review's costs (its first shares: neither re-split nor carried)."""
    return format_money(sum(int(r["amount_pence"]) for r in rows if r["kind"] == "share"), show_pence=True)


def _office_billing_words(office: str, held: dict, then: dict) -> str:
    """"Babergh office billed the partners again on 01/10/2025 (£5,025.58 for the review's costs)"; or, when the
    office's invoices the county does not hold are older than the county's (the county's billing again withdrew them,
    the office never billed again), "Ipswich office holds the review as billed on 15/06/2018 (£7,525.58 for its
    costs), not billed again as the county's was on 01/09/2026"."""
    was = {str(r["id"]) for r in then["dhr_shares"]}
    theirs = sorted(r["invoiced_on"] for r in held["dhr_shares"] if str(r["id"]) not in was and r["invoiced_on"])
    county = sorted(r["invoiced_on"] for r in then["dhr_shares"] if r["invoiced_on"])
    billed = _billed_words(held["dhr_shares"])
    if theirs and county and theirs[-1] < county[-1]:
        return (f"{office} holds the review as billed on {format_uk_iso(theirs[-1])} ({billed} for its costs), not "
                f"billed again as the county's was on {format_uk_iso(county[-1])}")
    return f"{office} billed the partners{_billed_again_words(held, then)} ({billed} for the review's costs)"


def _billed_again_words(held: dict, then: dict) -> str:
    """" again on 01/10/2025": the day of the newest of the office's invoices the county does not hold."""
    was = {str(r["id"]) for r in then["dhr_shares"]}
    days = sorted(r["invoiced_on"] for r in held["dhr_shares"] if str(r["id"]) not in was and r["invoiced_on"])
    return f" again on {format_uk_iso(days[-1])}" if days else " again"


def _billing_digest(billing: dict) -> str:
    """A review's invoices and payments as one value, to compare two billings of it."""
    text = json.dumps({t: sorted(map(_row_text, billing.get(t, []))) for t in ("dhr_shares", "dhr_payments")})
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def _put_billing(conn: sqlite3.Connection, c: Conflict, held: dict) -> None:
    """The review's invoices and payments made the office's, as held with its cost line's conflict
    (Merger.hold_billing), with their origins. Refused when the county holds a payment towards the review's invoices
    that the office's billing does not (it would be lost), or when another conflict about the review's cost lines
    from the same office is still open (its billing goes with both: decide them together)."""
    case = str(held["case"])
    others = conn.execute(
        f"SELECT c.id FROM {CONFLICTS_TABLE} c JOIN dhr_cost_lines l ON l.id = coalesce(nullif(c.county_key, ''), "
        "c.row_key) WHERE c.table_name = 'dhr_cost_lines' AND c.office_id = ? AND c.id <> ? AND l.case_id = ?",
        (c.office_id, c.id, case)).fetchall()
    if others:
        raise DecisionRefused(f"{c.detail}. Its billing goes with {in_words([f'#{r[0]}' for r in others])} too: keep "
                              f"{c.office_name}'s version of them together (Keep District for Group…).")
    alike = conn.execute(
        f"SELECT DISTINCT h.office_id FROM {HOLDERS_TABLE} h JOIN dhr_shares s ON h.table_name = 'dhr_shares' AND "
        "h.row_key = s.id WHERE s.case_id = ? AND h.office_id <> ?", (case, c.office_id)).fetchall()
    if alike:  # the other office would send its invoices again, to be billed beside these
        others = in_words(sorted({latest_office_name(conn, r[0]) or "another office" for r in alike}, key=str.casefold))
        raise DecisionRefused(f"{c.detail}. The review's invoices are held alike by {others} too, whose next file "
                              f"would bring them back beside {c.office_name}'s: keep the county's version, and agree "
                              "the review's cost and billing with both offices.")
    sent = {str(r["id"]) for r in held["dhr_payments"]}
    lost = conn.execute("SELECT coalesce(sum(p.amount_pence), 0), count(*) FROM dhr_payments p JOIN dhr_shares s "
                        "ON s.id = p.share_id WHERE s.case_id = ? AND p.id NOT IN "
                        f"({', '.join(sql_text(k) for k in sorted(sent)) or 'NULL'})", (case,)).fetchone()
    if lost[1]:
        paid = format_money(int(lost[0]), show_pence=True)
        raise DecisionRefused(f"{c.detail}. The county holds {paid} paid towards the review's invoices that "
                              f"{c.office_name}'s billing does not hold: keep the county's version, or ask "
                              f"{c.office_name} to record the payment and send its file again.")
    number = _import_of(conn, c)
    for t, rows in (("dhr_payments", "p.id FROM dhr_payments p JOIN dhr_shares s ON s.id = p.share_id"),
                    ("dhr_withdrawn_invoices", "s.id FROM dhr_withdrawn_invoices s"),
                    ("dhr_shares", "s.id FROM dhr_shares s")):
        old = conn.execute(f"SELECT {rows} WHERE s.case_id = ?", (case,)).fetchall()
        for (key,) in old:
            drop_origin(conn, t, str(key))
        conn.executemany(f"DELETE FROM {t} WHERE id = ?", old)
    for t in BILLING_TABLES:
        info = table_info(conn, t)
        for row in held.get(t, ()):  # (a billing held by an earlier Safer Desk holds no withdrawn invoices)
            values = [row.get(col) for col in info.columns]
            conn.execute(f"INSERT INTO {t} ({', '.join(quote(col) for col in info.columns)}) "
                         f"VALUES ({', '.join('?' * len(info.columns))})", values)
            set_origin(conn, t, str(row["id"]), number, row_hash(info.columns, values), False)


def _put_versions(conn: sqlite3.Connection, c: Conflict, held: list[dict]) -> None:
    """The cost line's earlier versions made the office's, as held with the conflict about it, with their origins."""
    line = str(c.county_key or c.row_key)
    old = conn.execute("SELECT id FROM dhr_cost_line_versions WHERE line_id = ?", (line,)).fetchall()
    for (key,) in old:
        drop_origin(conn, "dhr_cost_line_versions", str(key))
    conn.executemany("DELETE FROM dhr_cost_line_versions WHERE id = ?", old)
    info, number = table_info(conn, "dhr_cost_line_versions"), _import_of(conn, c)
    for row in held:
        values = [line if col == "line_id" else row.get(col) for col in info.columns]
        conn.execute(f"INSERT INTO dhr_cost_line_versions ({', '.join(quote(col) for col in info.columns)}) "
                     f"VALUES ({', '.join('?' * len(info.columns))})", values)
        set_origin(conn, "dhr_cost_line_versions", str(row["id"]), number, row_hash(info.columns, values), False)


def _drop_parts_origins(conn: sqlite3.Connection, table: str, key: str) -> None:
    """The origins of a thing of WHOLES's parts (nothing for any other row)."""
    for part in WHOLES[table].parts if table in WHOLES else ():
        for (part_key,) in conn.execute(f"SELECT id FROM main.{quote(part)} WHERE {parts_where(table, part)}",
                                        (key,)).fetchall():
            drop_origin(conn, part, str(part_key))


def _share_kept(conn: sqlite3.Connection, info: TableInfo, c: Conflict) -> dict | None:
    """The county's share as keeping the office's version of this share (or of a payment towards it) left it."""
    if c.kind in ("missing-parent", "share-cannot-take"):
        key = info.key_of(c.incoming_row) if c.incoming_row else ""
    else:
        key = c.county_key
    if not key or c.kind == "removed-but-edited":
        return None
    if info.name == "dhr_payments":
        found = conn.execute("SELECT share_id FROM dhr_payments WHERE id = ?", (key,)).fetchone()
        if found is None:
            return None
        key = found[0]
    return _share_row(conn, key)


def _refuse_share_the_rules_forbid(conn: sqlite3.Connection, info: TableInfo, c: Conflict, share: dict) -> None:
    """Keeping an office's version of a share of a review's costs (or of a payment towards one) must leave a share
    the DHR rules allow, as an office's own file holds them (services.dhr): never paid more than it bills, never
    refused or written off once paid in full, and never refused or written off while the county holds a payment
    towards it that the office's file does not (what is refused is what had not been paid: the office refused
    without knowing the partner had paid). Raises DecisionRefused saying why and what to do; the caller's
    transaction then changes nothing. ``share``: the county's share as keeping it left it (_share_kept)."""
    payments = held_payments(conn, share["id"])
    if not payments:
        return
    paid, billed, status = sum(p.amount_pence for p in payments), share["amount_pence"], share["status"]
    office = c.office_name
    closed = status != "invoiced"
    if info.name == "dhr_shares":
        others = [p for p in payments if p.office_id != c.office_id and not p.shared]
        fix = (f"Keep the county's version, or ask {office} to correct its record (reopen the share and record the "
               "payment) and send its file again.")
        if closed and others:
            why = (f"It says the share was {share_status_words(share)}, but the county holds "
                   f"{payments_words(others)}, which {office}'s file does not hold: what is {status} is what had "
                   "not been paid.")
        elif closed and paid >= billed:
            why = (f"It says the share was {share_status_words(share)}, but the county holds "
                   f"{payments_words(payments)}, the whole share: a share paid in full cannot be {status}.")
        elif paid > billed:
            why = (f"It bills {format_money(billed, show_pence=True)}, but the county holds "
                   f"{payments_words(payments)}: a share cannot be paid more than it bills.")
            fix = f"Keep the county's version, or ask {office} to correct its record and send its file again."
        else:
            return
    else:
        of = Describer(conn).subject("dhr_shares", share)
        fix = f"Keep the county's version, or ask {office} to correct its record and send its file again."
        owner = origin_of(conn, "dhr_shares", str(share["id"]))
        office_s = owner is not None and (owner.shared or owner.office_id == c.office_id)
        if paid > billed:
            why = (f"With it the county would hold {format_money(paid, show_pence=True)} paid towards {of}, which "
                   f"bills {format_money(billed, show_pence=True)}: a share cannot be paid more than it bills.")
        elif closed and paid >= billed:
            why = (f"With it the county would hold {format_money(paid, show_pence=True)} paid towards {of}, the "
                   f"whole share, which was {share_status_words(share)}: a share paid in full cannot be {status}.")
        elif closed and not office_s:
            why = (f"The county holds {of} {share_status_words(share)}, not as {office} holds it, and a {status} "
                   "share takes no payment (what is refused is what had not been paid).")
            fix = (f"Keep the county's version, or keep {office}'s version of the share first (or ask the office "
                   "that refused it to correct its record).")
        else:
            return
    raise DecisionRefused(f"{c.subject or c.detail}: {office}'s version cannot be kept. {why} {fix}")


def _held_resplit_not_kept(conn: sqlite3.Connection, c: Conflict) -> str:
    """Why an office's re-split (or carrying) held back is not kept by a decision, and the way on: it comes in with
    the office's next file once the county holds the share refused as the office does (the invoices are not put in
    by a decision, which changes the rows of the conflict alone)."""
    held = (c.incoming_row or {}).get(RESPLIT_HELD) or {}
    root = str(held.get("share") or "")
    rows = [r for r in held.get("dhr_shares", []) if str(r.get("source_share_id")) == root]
    kind = rows[0].get("kind") if rows else "re-split"
    handling = HANDLING_OF_FOLLOWER.get(kind, "re-split")
    noun = "carrying by the lead authority" if kind == "carried" else "re-split"
    office = c.office_name
    share = _share_row(conn, root)
    if share is None:
        why = "the county file no longer holds that share"
    else:
        why = resplit_blocked(conn, share, handling, sum(int(r["amount_pence"]) for r in rows), c.office_id)
    head = f"{c.subject or c.detail}: {office}'s {noun} cannot be kept"
    if why is None:
        return (f"{head} by a decision. The county holds the share as {office} does now: merge {office}'s file again "
                f"and its {noun} comes in with it (or Keep the county's version to set it aside).")
    kinds = ", ".join(f"'{k}'" for k in ROW_CONFLICT_KINDS)
    refusal = conn.execute(f"SELECT id FROM {CONFLICTS_TABLE} WHERE office_id = ? AND table_name = 'dhr_shares' AND "
                           f"county_key = ? AND kind IN ({kinds}) ORDER BY id", (c.office_id, root)).fetchone()
    if refusal is not None:
        way = (f"Keep {office}'s version of the share first (conflict #{refusal[0]}): its {noun} then comes in with "
               f"{office}'s next file.")
    else:
        way = (f"Keep the county's version, or ask {office} to correct its record (reopen the share, which takes its "
               f"{noun} away) and send its file again.")
    return f"{head}: {why}. {way}"


def _refuse_a_refusal_dealt_with_twice(conn: sqlite3.Connection, c: Conflict, share: dict) -> None:
    """Keeping an office's version of a share must not leave its refusal dealt with twice, or a share not refused
    with a re-split (services.dhr: only a refused share is re-split or carried, once; reopening one takes its re-split
    away): the county's re-split or carrying of the share stays only if the version kept says the share was refused
    and dealt with that way, and an invoice of a re-split comes in only under a share so refused. Raises
    DecisionRefused saying why and what to do; the caller's transaction then changes nothing. ``share``: the
    county's share as keeping it left it (_share_kept)."""
    office = c.office_name
    dealings = held_dealings(conn, share["id"])
    if dealings:
        followers = {r[0] for r in conn.execute("SELECT kind FROM dhr_shares WHERE source_share_id = ?",
                                                (share["id"],))}
        handling = HANDLING_OF_FOLLOWER.get(next(iter(followers)), "re-split") if len(followers) == 1 else None
        if share["status"] == "refused" and share["refusal_handling"] == handling:
            return
        owners = list(dict.fromkeys(d.office_name for d in dealings if d.office_name and d.office_id != c.office_id))
        what = DEALT_WORDS.get(handling or "", "re-split or carried")
        twice = "the share would be billed twice" if share["status"] == "invoiced" else \
            "its refusal would be dealt with twice"
        if owners:
            fix = (f"Keep the county's version, or ask {' and '.join(owners)} to correct its record (reopen the share, "
                   "which takes its invoices away) and send its file again.")
        else:
            fix = "Keep the county's version, or reopen the share in the county file first."
        raise DecisionRefused(f"{c.subject or c.detail}: {office}'s version cannot be kept. It says the share was "
                              f"{share_status_words(share)}, but the county holds its refusal {what} "
                              f"({dealings_words(dealings)}): {twice}. {fix}")
    source_id = share.get("source_share_id")
    if source_id is None or share.get("kind") == "share":
        return
    source = _share_row(conn, source_id)
    if source is None:  # (a row whose parent is not in the county file is not put in at all)
        return
    handling = HANDLING_OF_FOLLOWER.get(share["kind"], "re-split")
    if source["status"] == "refused" and source["refusal_handling"] == handling:
        return
    raise DecisionRefused(f"{c.subject or c.detail}: {office}'s version cannot be kept. It deals with the refusal of "
                          f"{Describer(conn).subject('dhr_shares', source)}, which the county holds "
                          f"{share_status_words(source)}: only a refused share is "
                          f"{DEALT_WORDS[handling]}, once. Keep the county's version, or keep {office}'s version of "
                          "that share first.")


def _import_of(conn: sqlite3.Connection, c: Conflict) -> int:
    """The number of the import that brought the office's version of a conflict (its office's last one, if that
    export is no longer registered)."""
    found = conn.execute(f"SELECT number FROM {IMPORTS_TABLE} WHERE export_id = ?", (c.export_id,)).fetchone() \
        or conn.execute(f"SELECT max(number) FROM {IMPORTS_TABLE} WHERE office_id = ?", (c.office_id,)).fetchone()
    return int(found[0] or 0)


def _put_parts(conn: sqlite3.Connection, c: Conflict, table: str, parts: dict[str, list[dict]], shared: bool) -> None:
    """The county's thing of WHOLES made of the office's parts (kept with the conflict): its own parts removed, the
    office's put in with their origins. A part whose id the county already uses elsewhere gets a new one (and the
    parts naming it follow). Refused when a part names a row the county file does not hold."""
    whole = WHOLES[table]
    number = _import_of(conn, c)
    for part in reversed(whole.parts):  # children first
        where = parts_where(table, part)
        for (key,) in conn.execute(f"SELECT id FROM {quote(part)} WHERE {where}", (c.county_key,)).fetchall():
            drop_origin(conn, part, str(key))
        conn.execute(f"DELETE FROM {quote(part)} WHERE {where}", (c.county_key,))
    new_ids: dict[tuple[str, str], str] = {}
    for part in whole.parts:  # parents first
        info = table_info(conn, part)
        for row in parts.get(part, []):
            row = {col: row.get(col) for col in info.columns}
            for fk in info.foreign_keys:
                column = fk.columns[0]
                if len(fk.columns) != 1 or row[column] is None:
                    continue
                row[column] = new_ids.get((fk.table, str(row[column])), row[column])
                if fk.table != table and fk.table not in whole.parts and conn.execute(
                        f"SELECT 1 FROM {quote(fk.table)} WHERE id = ?", (row[column],)).fetchone() is None:
                    raise DecisionRefused(f"{c.detail}: {c.office_name}'s version names a row the county file does "
                                          f"not hold ({fk.table}). Merge {c.office_name}'s file again, or keep its "
                                          "version of what it names first.")
            if conn.execute(f"SELECT 1 FROM {quote(part)} WHERE id = ?", (row["id"],)).fetchone() is not None:
                new_ids[(part, str(row["id"]))] = row["id"] = new_id()
            conn.execute(f"INSERT INTO {quote(part)} ({', '.join(quote(col) for col in row)}) "
                         f"VALUES ({', '.join('?' * len(row))})", list(row.values()))
            set_origin(conn, part, str(row["id"]), number, row_hash(info.columns, list(row.values())), shared)
