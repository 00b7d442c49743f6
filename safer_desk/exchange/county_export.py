"""Export for the county: a copy of the office's file, minimised and signed with a manifest (the workbook people
read is built from it in exchange.county_workbook).

The export is itself a Safer Desk file (same tables, same migrations table) plus the table
``_export_manifest``, so the county merge reads it with the same code that reads any file.
What is left out, and why:

- ``audit_log``: the office's own history of edits (who changed what, with old values) stays with the
  office. The export carries only the chain of its hashes (``_export_chain``: id, digest, hash of each
  entry, no field of any entry, victim-level or not), so the county can check that the office's trail
  still passes through the head it saw last time.
- every trigger and every view: an export holds no code at all (the county refuses one that does).
- internal tables (names starting with ``_``) other than the migrations table and the public police.uk
  tables are emptied. The police.uk counts and their vintages are public data shared by every office
  (issue 13): they travel whole, and each force-month's counts are signed by a digest in
  ``_export_public_digests`` (the manifest's ``public_tables`` names the tables signed that way instead of
  by the internal checksum), so the county reads only the force-months it takes.
- victim-level tables (``storage.schema.costs.PRIVATE_TABLES``), unless the user ticks
  "include individual referrals": their rows are deleted from the copy and replaced by the aggregate
  view copied into ``FUND_SUMMARY_TABLE`` (only then: the costs figures add the detailed rows and that
  table together, so filling it beside the detailed rows would count them twice), and the example's marks of the
  referrals go with them; the copy is then VACUUMed so no deleted row lingers in free pages of the file.
- the reviews' case notes and panel-meeting notes (``CASE_NOTES``), unless the user ticks the same choice: free text
  about one death, from which the county works out no figure, that no name detector can make safe (it refuses what
  looks like a name, not "the victim's sister at the surgery"). The reviews themselves go, their notes blank.

The signature (issue 12; ``exchange.signing``): each export takes the office's next sequence number
(``meta.export_sequence``; the head of the audit chain is recorded with it in ``_export_anchors``, once the export
is whole on the disk and before it is moved into place: ``write_county_export``), and
the manifest (office id and name, export id, date, sequence, schema steps and schema hash, table list,
row counts, per-table and overall content checksums, a checksum of the internal tables, the referral
choice, the key's fingerprint and public key, the head of the audit chain) is signed as canonical
bytes with the officer's Ed25519 key. ``signed_statement`` holds those bytes, ``signature`` the
signature; the other rows repeat the fields for people and older readers.

The working copy is made in memory (never in a file anyone else could read, and gone if the run is
killed); only the minimised result is written, to a temporary file beside the target that is moved
into place when whole.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from safer_desk import __version__, faults
from safer_desk.domain.disclosure import SpendLine, summarise_with_disclosure_control
from safer_desk.domain.ids import new_id
from safer_desk.exchange import signing
from safer_desk.exchange.county_schema import (CHECKSUM_METHOD, POLICE_COUNTS, POLICE_SOURCE, PUBLIC_DIGEST_METHOD,
                                               PUBLIC_DIGESTS_TABLE, PUBLIC_TABLES, CancelCheck, ProgressFn,
                                               check_cancelled,
                                               content_checksum, content_checksums, data_tables, dependency_order,
                                               has_table, never_cancelled, no_progress, public_digests, quote,
                                               row_counts, schema_hash)
from safer_desk.storage.safe_write import cause_of, folder_said, is_write_error, write_bytes_atomically
from safer_desk.storage import audit, audit_chain
from safer_desk.storage.schema import costs as costs_schema
from safer_desk.storage.schema.exchange import IMPORTS_TABLE, MANIFEST_TABLE
from safer_desk.storage.store import MIGRATIONS_TABLE, Store

EXPORT_FORMAT = "safer-desk-county-export"
EXPORT_FORMAT_VERSION = "2"  # 2: signed, with the audit chain's hashes; 1 (unsigned) is refused
CHAIN_TABLE = "_export_chain"
SEQUENCE_KEY = "export_sequence"
# Victim-level free text outside the private tables (services.dhr.free_text): left blank unless the user asks for the
# victim-level detail.
CASE_NOTES: tuple[tuple[str, str], ...] = (("dhr_cases", "notes"), ("dhr_panel_meetings", "note"))
# Free text that leaves the office, with the field it is typed in: refused when typed if it looks like it names a
# person or says where a household lives (services.dhr.free_text, services.funds._no_names; the references by
# domain.dhr.check_reference). A file written by an older version, or changed outside Safer Desk, may hold such text
# all the same: the export checks what travels again (``_refuse_private_text``). An owner or a supplier may name an
# officer or a firm, a project its lead officers: a warning when typed, not checked here.
TRAVELLING_TEXT: tuple[tuple[str, str, str], ...] = (
    ("dhr_cases", "reference", "Reference"), ("dhr_cases", "notes", "Notes"), ("dhr_panel_meetings", "note", "Note"),
    ("dhr_recommendations", "text", "Recommendation"), ("dhr_cost_lines", "description", "Description"),
    ("dhr_cost_lines", "invoice_ref", "Invoice reference"), ("dhr_shares", "invoice_ref", "Invoice reference"),
    ("dhr_shares", "reason", "Reason"),
    ("dhr_payments", "reference", "Payment reference"), ("dhr_refunds", "reference", "Refund reference"),
    ("dhr_withdrawn_invoices", "invoice_ref", "Invoice reference"),
    ("dhr_deleted_cost_lines", "description", "Description"),
    ("dhr_deleted_cost_lines", "invoice_ref", "Invoice reference"),
    ("dhr_cost_line_versions", "description", "Description"),
    ("dhr_cost_line_versions", "invoice_ref", "Invoice reference"),
    ("funds", "name", "Name"), ("funds", "purpose", "Purpose"),
    ("fund_contributions", "note", "Note"), ("fund_items", "name", "Item"),
    ("fund_referrals", "reference", "Reference"), ("fund_referrals", "override_reason", "Override reason"),
    ("fund_spend_lines", "invoice_ref", "Invoice"))
REFERENCES = {("dhr_cases", "reference"), ("fund_referrals", "reference")}
# Text of a record of what was, which nothing corrects (a deleted cost line kept as it was deleted: the undo that
# could put it back is gone once the window closes, and never was for a line an earlier Safer Desk deleted; a cost
# line's version a correction replaced, kept as it was): what looks private there is left out of the export (its
# other fields go), not refused (``_leave_out_uncorrectable``).
UNCORRECTABLE: tuple[tuple[str, str], ...] = (("dhr_deleted_cost_lines", "description"),
                                              ("dhr_deleted_cost_lines", "invoice_ref"),
                                              ("dhr_cost_line_versions", "description"),
                                              ("dhr_cost_line_versions", "invoice_ref"))
# Invoices' codes, checked when typed as codes (services.dhr.invoice_code): a name joined up or turned round counts.
INVOICE_CODES = {("dhr_cost_lines", "invoice_ref"), ("dhr_shares", "invoice_ref"),
                 ("dhr_withdrawn_invoices", "invoice_ref"), ("dhr_deleted_cost_lines", "invoice_ref"),
                 ("dhr_cost_line_versions", "invoice_ref"),
                 ("fund_spend_lines", "invoice_ref")}
CODE = "code"  # a field's kind for _looks_private: an invoice's code (True: a reference; False: prose)
# How a field is corrected in the window when no form edits it as it stands (every other field has its own Edit form).
CORRECTED_BY = {
    ("dhr_payments", "reference"): "Delete a payment…, then record it again",
    ("dhr_refunds", "reference"): "More > Delete a refund…, then record it again (Refund excess…)",
    ("dhr_shares", "reason"): "Reopen a refused or written-off share, then refuse or write it off again",
    # kept as it was sent: its code as the invoice's was (Edit share… corrects that), corrected by undoing billing again
    ("dhr_withdrawn_invoices", "invoice_ref"): "undo Bill again with another split, correct the invoice, bill again",
    ("dhr_panel_meetings", "note"): "delete the panel meeting, then add it again (Panel meeting…)",
    ("fund_items", "name"): "add it to the catalogue under another name (Catalogue item…), choose that on its spend "
                            "lines (Edit spend line…), then Delete catalogue item"}


class ExportBlocked(ValueError):
    """An export that cannot be made as things stand; the message says why and what to do."""


@dataclass
class ExportResult:
    """What an export wrote: the manifest's figures, for the summary the user sees."""

    path: Path
    export_id: str
    office_name: str
    exported_at: str
    include_referrals: bool
    row_counts: dict[str, int]
    checksum: str
    left_out: list[str] = field(default_factory=list)  # private tables whose rows were left out
    summary_rows: int = 0  # aggregate rows written in their place
    sequence: int | None = None  # the office's export number (None: an unsigned staging copy)
    key_fingerprint: str = ""
    audit_head: tuple[int, str] | None = None
    case_notes_left_out: int = 0  # reviews' case and panel-meeting notes left blank (CASE_NOTES)
    case_notes_sent: int = 0  # those notes sent, the victim-level detail asked for (CASE_NOTES that hold text)
    deleted_lines_words_left_out: int = 0  # deleted cost lines whose words looked private (UNCORRECTABLE)
    versions_words_left_out: int = 0  # cost lines' earlier versions whose words looked private (UNCORRECTABLE)
    merged_offices: list[str] = field(default_factory=list)  # a county file's: the offices merged into it
    referrals_held: int = 0  # victim-level rows (PRIVATE_TABLES) the office's file held: 0, nothing was left out

    @property
    def total_rows(self) -> int:
        return sum(self.row_counts.values())


def utc_now() -> str:
    """A UTC timestamp precise enough to order two exports made in the same second."""
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _private_tables(conn: sqlite3.Connection) -> list[str]:
    return [t for t in costs_schema.PRIVATE_TABLES if has_table(conn, t)]


def _copy_fund_summary(conn: sqlite3.Connection, office_id: str) -> int:
    """Fill FUND_SUMMARY_TABLE with district-by-month totals of the victim-level rows, none describing fewer
    than three victims (small-number disclosure control: domain.disclosure); 0 when the tables are absent.

    The totals (amount, spend lines, victims) are exactly those of the detailed rows.
    """
    table = costs_schema.FUND_SUMMARY_TABLE
    needed = (table, "fund_spend_lines", "fund_referrals", "fund_items")
    if not all(has_table(conn, t) for t in needed):
        return 0
    # The office's part of a fund's spend is the spend it keyed itself (the lines its own audit trail made): kept as
    # its own at the county (office_id), where other offices' parts add to it and its next export replaces it. Lines
    # it holds as a copy of another file's (made before the copy, not in its trail) are no office's (''): the copies
    # send them alike and the county takes them once. So are the example's lines (`safer-desk demo`: written by
    # EXAMPLE_AUTHOR, the same rows in every office's file begun from it), or each such office sent them as its own.
    keyed_here = {str(r[0]) for r in conn.execute(
        "SELECT row_id FROM audit_log WHERE table_name = 'fund_spend_lines' AND action = 'insert' AND who <> ?",
        (audit.EXAMPLE_AUTHOR,))} if has_table(conn, "audit_log") else set()
    parts: dict[str, list[SpendLine]] = {}
    for r in conn.execute(
            "SELECT r.fund_id, r.district_id, substr(s.spent_on, 1, 7), i.name, r.id, s.amount_pence, "
            "       ROW_NUMBER() OVER (PARTITION BY s.referral_id ORDER BY s.spent_on, i.name, s.id), s.id "
            "FROM fund_spend_lines s JOIN fund_referrals r ON r.id = s.referral_id "
            "JOIN fund_items i ON i.id = s.item_id"):
        parts.setdefault(office_id if r[7] in keyed_here else "", []).append(
            SpendLine(r[0], r[1], r[2], r[3], r[4], int(r[5]), r[6] == 1))
    # Each fund's first and last month: spend merged into its quarter is never dated before the fund began (the
    # county's burn rate would count a month the fund did not have, and read £0 a month).
    periods = {r[0]: (r[1][:7], r[2][:7]) for r in conn.execute("SELECT id, starts_on, ends_on FROM funds")} \
        if has_table(conn, "funds") else {}
    rows = [(part, row) for part in sorted(parts) for row in summarise_with_disclosure_control(parts[part],
                                                                                                periods=periods)]
    columns = ("id", "fund_id", "district_id", "month", "item", "victims", "spend_lines", "amount_pence", "office_id")
    # Summaries the file received (a county's, from its offices) stay, each the part of the office it is of: they are
    # its only record of that spend. One of the file's own rows on the same district, month and item joins the row
    # of the same part it holds (never another office's: their parts add up). Rows of "other districts" (no
    # district) of no office, from several offices, may share a month and item: each is kept.
    has = {r[1] for r in conn.execute(f"PRAGMA table_info({quote(table)})")}
    out = [list(r) for r in conn.execute(f"SELECT {', '.join(columns)} FROM {quote(table)}")] \
        if set(columns) <= has else []
    by_key = {(*r[1:5], r[8]): r for r in out if r[2] is not None or r[8] == office_id}
    conn.execute(f"DELETE FROM {quote(table)}")
    sql = f"INSERT INTO {quote(table)} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    for part, row in rows:
        values = [row.fund_id, row.district_id, row.month, row.item, row.victims, row.spend_lines, row.amount_pence]
        # The same office and figures give the same id, so re-exporting merges as "unchanged". A row holding
        # spend of other months than its own is marked by its id (MOVED_MONTHS_ID), so the county's forecast can
        # say it is worked out from coarser dates than the office's.
        seed = json.dumps([office_id] + values + ([part] if part else []))
        digest = hashlib.sha256(seed.encode("utf-8")).hexdigest()[:32]
        row_id = costs_schema.moved_months_id(min(row.spent_in), max(row.spent_in), digest) if row.moved else digest
        if (joined := by_key.get((*values[:4], part))) is not None:
            joined[5:8] = [joined[5] + row.victims, joined[6] + row.spend_lines, joined[7] + row.amount_pence]
            continue
        out.append([row_id, *values, part])
    if out:
        conn.executemany(sql, out)
    return len(out)


def _drop_reasons_of_referrals_meeting_rules(conn: sqlite3.Connection) -> int:
    """Blank the reason to accept of each referral sent that meets its fund's rules (how many): a reason is kept only
    while a rule is not met, but a file from before that rule (s72) may still hold one, about a victim, standing for
    no override at all. A referral whose answers or fund's rules are not read (a value a merge brought) keeps its."""
    from safer_desk.domain.funds import EligibilityRules, FundError, meets_rules_as_held

    if not (has_table(conn, "fund_referrals") and has_table(conn, "funds")):
        return 0
    stale = []
    for row in conn.execute(
            "SELECT r.id, r.risk_level, r.at_marac, r.idva_assigned, r.perpetrator_resident, f.risk_levels, "
            "f.require_marac, f.require_idva, f.require_perpetrator_not_resident FROM fund_referrals r "
            "JOIN funds f ON f.id = r.fund_id WHERE coalesce(r.override_reason, '') <> ''").fetchall():
        try:
            rules = EligibilityRules(frozenset(x for x in (row[5] or "").split(",") if x), *map(bool, row[6:9]))
        except FundError:
            continue
        if meets_rules_as_held(rules, *row[1:5]):
            stale.append((row[0],))
    conn.executemany("UPDATE fund_referrals SET override_reason = '' WHERE id = ?", stale)
    return len(stale)


def _case_notes(conn: sqlite3.Connection, *, leave_out: bool) -> int:
    """How many of the copy's case notes (CASE_NOTES) hold any text; blanked when leave_out."""
    held = 0
    for table, column in CASE_NOTES:
        if has_table(conn, table) and column in {r[1] for r in conn.execute(f"PRAGMA table_info({quote(table)})")}:
            if leave_out:
                held += conn.execute(f"UPDATE {quote(table)} SET {quote(column)} = '' "
                                     f"WHERE {quote(column)} <> ''").rowcount
            else:
                held += conn.execute(f"SELECT count(*) FROM {quote(table)} WHERE {quote(column)} <> ''").fetchone()[0]
    return held


def _looks_private(text: str, reference: bool | str) -> str | None:
    """What the text looks like by the checks made when it is typed ("a person's name", "an address" …); None.
    ``reference``: True for a review's or referral's reference, CODE for an invoice's, False for prose."""
    from safer_desk.domain.dhr import looks_like_a_name
    from safer_desk.domain.funds import household_detail
    from safer_desk.domain.privacy import find_name

    if find_name(text) or (reference is True and looks_like_a_name(text)):
        return "a person's name"
    found = household_detail(text, reference=bool(reference))
    return found[1] if found else None


def _said(conn: sqlite3.Connection, sql: str, key: str, *, reference: bool = True) -> str:
    """The one text ``sql`` finds for ``key`` when it is fit to repeat (not private itself), else ""."""
    try:
        found = conn.execute(sql, (key,)).fetchone()
    except sqlite3.OperationalError:  # a table left out of the copy
        return ""
    return found[0] if found and found[0] and not _looks_private(found[0], reference) else ""


def _row_words(conn: sqlite3.Connection, row: sqlite3.Row) -> str:
    """" 1 of review WSCSP-DHR-2017-01", " on invoice MSDC-DHR1-01 of review …", " of a contribution to Fund",
    " of referral TH-2018-003 to Fund", a review's own " of review …" (after the field's name) for a review's or a
    fund's row, else "": where the row is, never the text found in it."""
    keys = row.keys()
    if "share_id" in keys:  # a payment: on its invoice
        invoice = _said(conn, "SELECT invoice_ref FROM dhr_shares WHERE id = ?", row["share_id"])
        case = _said(conn, "SELECT c.reference FROM dhr_shares s JOIN dhr_cases c ON c.id = s.case_id "
                           "WHERE s.id = ?", row["share_id"])
        return (f" on invoice {invoice}" if invoice else "") + (f" of review {case}" if case else "")
    if "fund_id" in keys:
        fund = _said(conn, "SELECT name FROM funds WHERE id = ?", row["fund_id"], reference=False)
        # A referral by its reference, as the fund page lists it, unless that is what looks private.
        referral = _said(conn, "SELECT reference FROM fund_referrals WHERE id = ?", row["id"]) \
            if "override_reason" in keys else ""
        what = (" of a contribution to" if "organisation_id" in keys else
                f" of referral {referral} to" if referral else " of a referral to")
        return f"{what} {fund}" if fund else ""
    if "case_id" not in keys:
        if "decision" in keys and "reference" in keys:  # a review's own field: by its reference, as Reviews lists it
            ref = _said(conn, "SELECT reference FROM dhr_cases WHERE id = ?", row["id"])
            return f" of review {ref}" if ref else ""
        return ""
    ref = _said(conn, "SELECT reference FROM dhr_cases WHERE id = ?", row["case_id"])
    if not ref:
        return ""
    if "refunded_on" in keys:  # a refund: to its partner (an organisation's name, never private)
        partner = _said(conn, "SELECT name FROM organisations WHERE id = ?", row["organisation_id"], reference=False)
        return (f" of the refund to {partner}" if partner else " of a refund") + f" of review {ref}"
    invoice = row["invoice_ref"] if "organisation_id" in keys else ""  # a share: on its invoice
    invoice = "" if not invoice or _looks_private(invoice, True) else invoice
    return (f" {row['number']}" if "number" in keys else "") + (f" on invoice {invoice}" if invoice else "") + \
        f" of review {ref}"


TEXT_CHECK_BATCH = 200  # texts checked between two looks at Cancel (and two progress reports): a few milliseconds


def _travelling_texts(conn: sqlite3.Connection) -> list[tuple[str, str, str, bool | str, list[str]]]:
    """(table, column, field name, reference, its distinct texts) of each TRAVELLING_TEXT field still in the copy."""
    fields = []
    for table, column, field_name in TRAVELLING_TEXT:
        columns = {r[1] for r in conn.execute(f"PRAGMA table_info({quote(table)})")} if has_table(conn, table) else ()
        if column not in columns:
            continue
        # Compared as stored (BINARY): a column's own collation must not fold "Mark as done" into "mark as done".
        texts = [str(r[0]) for r in conn.execute(f"SELECT DISTINCT {quote(column)} COLLATE BINARY FROM "
                                                 f"{quote(table)} WHERE coalesce({quote(column)}, '') <> ''")]
        kind = True if (table, column) in REFERENCES else CODE if (table, column) in INVOICE_CODES else False
        fields.append((table, column, field_name, kind, texts))
    return fields


def _leave_out_uncorrectable(conn: sqlite3.Connection) -> dict[str, int]:
    """Blank each UNCORRECTABLE field still in the copy whose text looks like what its field refuses when typed; the
    number of rows that lost words, by table. The office's file keeps them."""
    rows: dict[str, set[str]] = {}
    for table, column in UNCORRECTABLE:
        if not has_table(conn, table):
            continue
        reference = CODE if (table, column) in INVOICE_CODES else False
        for text, in conn.execute(f"SELECT DISTINCT {quote(column)} COLLATE BINARY FROM {quote(table)} "
                                  f"WHERE coalesce({quote(column)}, '') <> ''").fetchall():
            if _looks_private(text, reference):
                found = conn.execute(f"SELECT id FROM {quote(table)} WHERE {quote(column)} = ? COLLATE BINARY",
                                     (text,)).fetchall()
                rows.setdefault(table, set()).update(r[0] for r in found)
                conn.execute(f"UPDATE {quote(table)} SET {quote(column)} = '' WHERE {quote(column)} = ? COLLATE BINARY",
                             (text,))
    return {table: len(ids) for table, ids in rows.items()}


def _refuse_private_text(conn: sqlite3.Connection, progress: Callable[[int, int], None] = lambda done, total: None,
                         cancelled: CancelCheck = never_cancelled) -> None:
    """ExportBlocked when a field of TRAVELLING_TEXT still in the copy holds what its field refuses when typed: said by
    table, row and field, never with the text itself (the message may be kept in a log).

    Each text is checked once however many rows hold it (a description repeated on every review's cost lines), by
    the same checks as when it is typed; progress(done, total) counts the texts, and Cancel is looked at every
    TEXT_CHECK_BATCH texts (ExchangeCancelled)."""
    fields = _travelling_texts(conn)
    to_check = list(dict.fromkeys((text, reference) for *_, reference, texts in fields for text in texts))
    verdicts: dict[tuple[str, bool | str], str | None] = {}
    for n, (text, reference) in enumerate(to_check):
        if n % TEXT_CHECK_BATCH == 0:
            check_cancelled(cancelled)
            progress(n, len(to_check))
        verdicts[(text, reference)] = _looks_private(text, reference)
    check_cancelled(cancelled)
    progress(len(to_check), len(to_check))
    found, said = 0, []
    for table, column, field_name, reference, texts in fields:
        if not any(verdicts[(text, reference)] for text in texts):
            continue
        conn.row_factory = sqlite3.Row
        try:
            rows = conn.execute(f"SELECT * FROM {quote(table)} WHERE coalesce({quote(column)}, '') <> '' "
                                "ORDER BY id").fetchall()
        finally:
            conn.row_factory = None
        for row in rows:
            if what := verdicts[(str(row[column]), reference)]:
                found += 1
                if len(said) < 20:  # only the first twenty are said, so only theirs are looked up
                    how = CORRECTED_BY.get((table, column))
                    said.append(f"  {field_name}{_row_words(conn, row)} (table {table}, row {row['id']}, column "
                                f"{column}): looks like {what}" + (f"; {how}" if how else ""))
    if found:
        one = found == 1
        shown = said + ([f"  … and {found - 20:,} more"] if found > 20 else [])
        raise ExportBlocked(
            f"The export was not written: {found:,} {'field' if one else 'fields'} that would leave the office "
            f"{'holds' if one else 'hold'} what Safer Desk refuses when it is typed (the file was written by an older "
            "version, or changed outside Safer Desk):\n" + "\n".join(shown) + f"\nCorrect {'it' if one else 'them'} "
            "in Safer Desk (on the Costs tab) and export again. The text itself is not repeated here, so that no name "
            "is copied into a message or a log.")


def write_county_export(store: Store, target: Path | str, *, include_referrals: bool = False,
                        progress: ProgressFn = no_progress, cancelled: CancelCheck = never_cancelled,
                        sign: bool = True, signing_key: signing.OfficerKey | None = None) -> ExportResult:
    """Write the office's data to target (.sqlite) as an export for the county, atomically.

    The unminimised working copy lives only in memory: a killed export leaves no copy of the office
    file anywhere, and only the minimised result is written beside the target (to a temporary file that
    is moved into place when whole and flushed to the disk). sign=False makes an unsigned copy that takes
    no sequence number.

    The export's number is recorded in the office's file (``_record_export``) only once the export is whole on
    the disk beside the target, and before it is moved into place: an export that fails (a full disk, Cancel)
    leaves the office's file as it was, and a crash between the two leaves a number no export has (the next
    takes the one after: a gap the county does not mind), never an export whose number a later one takes again.
    """
    target = Path(target)
    out, result = export_in_memory(store, target, include_referrals=include_referrals, progress=progress,
                                   cancelled=cancelled, sign=sign, signing_key=signing_key)
    try:
        data = out.serialize()
    finally:
        out.close()
    check_cancelled(cancelled)
    recorded: list[bool] = []

    def record() -> None:
        _record_export_or_say(store, result)
        recorded.append(True)

    # The number is recorded once the export is whole on the disk, just before it is moved into place; a move that
    # fails then (the earlier export of that name open in another program) gives it back.
    try:
        write_bytes_atomically(target, data, label="export", what=f"The export {target.name}",
                               before_replace=record if result.sequence is not None else None)
    except BaseException as exc:
        if recorded and not _in_place(target, result.export_id):
            _give_number_back(store, result, exc)
        raise
    progress(4, 4, "Export written.")
    return result


def _in_place(target: Path, export_id: str) -> bool:
    """Whether target is this very export (moved into place before a later step failed): its number then stays, or
    two exports of one number could exist."""
    from safer_desk.storage.hostile import open_hostile

    try:
        conn, _ = open_hostile(target)
    except (OSError, sqlite3.Error):
        return False
    try:
        found = conn.execute(f"SELECT value FROM {MANIFEST_TABLE} WHERE key = 'export_id'").fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return found is not None and found[0] == export_id


def _give_number_back(store: Store, result: ExportResult, exc: BaseException) -> None:
    """The export's number, recorded in the office's file, given back when the export was then not moved into place:
    the next export takes it, as the guide says of an export that fails. Left recorded when that cannot be written
    either (the next export takes the one after: a gap the county does not mind, as after a crash there)."""
    why = (getattr(exc, "happened", "") or cause_of(exc)[1]) if is_write_error(exc) else "it was stopped"
    label = (f"Export for the county to {result.path.name} not written ({why}): its number {result.sequence} is "
             "free again")
    try:
        with store.action(label), store.transaction():
            if _next_sequence(store) != (result.sequence or 0) + 1:
                return  # another export took the next number meanwhile: this one stays used
            store.conn.execute("DELETE FROM _export_anchors WHERE sequence = ? AND export_id = ?",
                               (result.sequence, result.export_id))
            store.conn.execute("UPDATE meta SET value = ? WHERE key = ?", (str((result.sequence or 1) - 1),
                                                                            SEQUENCE_KEY))
    except Exception:  # the office's file cannot be written now either: the number stays used
        pass


def _next_sequence(store: Store) -> int:
    """The office's next export number (recorded only when the export is written: ``_record_export``)."""
    if store.read_only:
        raise ExportBlocked(f"{store.path.name} is open read-only: an export for the county takes the office's next "
                            "export number, so the file must be open for writing.")
    current = max(int(store.meta(SEQUENCE_KEY) or 0),
                  int(store.scalar("SELECT coalesce(max(sequence), 0) FROM _export_anchors") or 0))
    return current + 1


def _record_export(store: Store, result: ExportResult) -> None:
    """Record the export's number in the office's file, with the head of its audit chain (one transaction)."""
    # The History of Changes says where the export went, whether the victim-level detail went with it, and which
    # key signed it (several officers may sign for one office: the county asks which key signed export number n)
    sent = "included" if result.include_referrals else "left out"
    signed = f", signed with key {result.key_fingerprint}" if result.key_fingerprint else ""
    label = (f"Export for the county to {result.path.name} (individual referrals and the reviews' notes {sent})"
             f"{signed}")
    with store.action(label), store.transaction():
        if _next_sequence(store) != result.sequence:
            raise ExportBlocked(f"Another export was made from {store.path.name} while this one was being made, and "
                                f"took export number {result.sequence}. Nothing was written: export again.")
        head_id, head_hash = result.audit_head or (0, audit.GENESIS)
        store.conn.execute("INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = "
                           "excluded.value", (SEQUENCE_KEY, str(result.sequence)))
        store.conn.execute("INSERT INTO _export_anchors(sequence, export_id, exported_at, exported_by, "
                           "key_fingerprint, audit_head_id, audit_head_hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           (result.sequence, result.export_id, result.exported_at, audit.current_user(),
                            result.key_fingerprint, head_id, head_hash))


def _record_export_or_say(store: Store, result: ExportResult) -> None:
    """``_record_export``, a failure of the office's file said as its own: said as the export's, "the disk is full"
    sent the officer to free space where the export goes, when the office's file is on another (full) drive."""
    try:
        _record_export(store, result)
    except Exception as exc:
        if not is_write_error(exc):
            raise
        raise ExportBlocked(f"The export was not written: {store.path.name} (the office's file, in "
                            f"{folder_said(store.path)}) could not record the export's number: {cause_of(exc)[1]}. "
                            "Nothing was changed; export again once that is put right.") from exc


def _chain_of_copy(out: sqlite3.Connection, store: Store) -> tuple[audit_chain.ChainReport, list[tuple[int, str, str]]]:
    chain = audit_chain.verify_chain(out)
    if chain.problems:
        raise ExportBlocked(
            f"The audit trail of {store.path.name} was changed outside Safer Desk ({chain.problems[0].text}); the "
            f'county would refuse this export. Run: safer-desk check "{store.path}" --repair (a backup is made '
            "first and the repair is recorded in the trail), then export again.")
    return chain, list(audit_chain.shipped_chain(out))


def export_in_memory(store: Store, target: Path, *, include_referrals: bool = False,
                     progress: ProgressFn = no_progress,
                     cancelled: CancelCheck = never_cancelled, sign: bool = True,
                     signing_key: signing.OfficerKey | None = None) -> tuple[sqlite3.Connection, ExportResult]:
    """The minimised export (signed unless sign=False) as an in-memory SQLite database (the caller closes it).

    The workbook reads its rows from here, so nothing victim-level is ever written to a temporary file.
    """
    progress(0, 4, "Copying the file…")
    out = sqlite3.connect(":memory:", isolation_level=None)
    try:
        out.execute("PRAGMA temp_store = MEMORY")  # VACUUM's copy and big sorts too: never a file in the temp folder
        store.conn.backup(out)
        faults.boundary("export:after-copy")
        check_cancelled(cancelled)
        out.execute("PRAGMA foreign_keys = ON")
        audit.register_functions(out)
        progress(1, 4, "Leaving out what stays with the office…")
        result = _minimise_and_sign(out, store, target, include_referrals, progress, cancelled,
                                    sign=sign, signing_key=signing_key)
        out.execute("VACUUM")  # deleted rows must not survive in free pages
        faults.boundary("export:after-minimise")
    except BaseException:
        out.close()
        raise
    return out, result


def _minimise_and_sign(out: sqlite3.Connection, store: Store, target: Path, include_referrals: bool,
                       progress: ProgressFn, cancelled: CancelCheck, *, sign: bool = True,
                       signing_key: signing.OfficerKey | None = None) -> ExportResult:
    office_id = out.execute("SELECT value FROM meta WHERE key = 'office_id'").fetchone()[0]
    office_row = out.execute("SELECT value FROM meta WHERE key = 'office_name'").fetchone()
    office_name = office_row[0] if office_row else store.office_name
    chain, shipped = _chain_of_copy(out, store)
    # The office's earlier exports, stated in the signed manifest: a county that merged its export number n
    # refuses a later export whose file made a different number n (a copy of the office's file used apart).
    previous = [list(r) for r in out.execute("SELECT sequence, export_id FROM _export_anchors ORDER BY sequence")]
    export_id, exported_at = new_id(), utc_now()
    key = sequence = None
    if sign:
        key = signing_key or signing.officer_key()
        sequence = _next_sequence(store)
    left_out: list[str] = []
    out.execute("BEGIN IMMEDIATE")
    try:
        # An export holds no code: the audit triggers and the log's guards go first (nothing written to this
        # copy is a change to record), the views once the fund summary has been read from them.
        audit.drop_all_triggers(out)
        summary_rows = 0
        private = _private_tables(out)
        referrals_held = sum(out.execute(f"SELECT count(*) FROM {quote(t)}").fetchone()[0] for t in private)
        if not include_referrals and private:
            # The totals by district and month first, from the victim-level rows, then those rows go. (Only
            # then: the costs figures read the detailed rows and the summary table together.)
            summary_rows = _copy_fund_summary(out, office_id)
            for table in reversed(dependency_order(out, private)):  # children before parents
                out.execute(f"DELETE FROM {quote(table)}")
            left_out = sorted(private)
            if has_table(out, "illustrative_marks"):
                # The example marks each referral by its id: a row per victim, marking no row the export holds. The
                # spend lines' marks stay: the county's board report says from them that the fund's totals are the
                # example's (the summary counts the lines anyway).
                out.execute("DELETE FROM illustrative_marks WHERE table_name = 'fund_referrals'")
        if include_referrals and private:
            _drop_reasons_of_referrals_meeting_rules(out)
        notes_left_out = 0 if include_referrals else _case_notes(out, leave_out=True)
        notes_sent = _case_notes(out, leave_out=False) if include_referrals else 0
        check_cancelled(cancelled)

        def text_progress(done: int, total: int) -> None:  # step 1 of 4, in thousandths (a window shows per cent)
            progress(1000 + 1000 * done // max(total, 1), 4000, "Checking the text that leaves the office…")

        words_left_out = _leave_out_uncorrectable(out)
        _refuse_private_text(out, text_progress, cancelled)  # what travels, checked again as it was when typed
        internal = [r[0] for r in out.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '\\_%' ESCAPE '\\'")]
        for table in internal:
            if table != MIGRATIONS_TABLE and table not in PUBLIC_TABLES:
                out.execute(f"DELETE FROM {quote(table)}")
        out.execute("DELETE FROM audit_log")
        # The office's count of its exports (the number before this one's): the export's own number is the signed
        # manifest's, and the export makes no exports of its own.
        out.execute("DELETE FROM meta WHERE key = ?", (SEQUENCE_KEY,))
        if sign:  # an unsigned copy is the workbook's, read here through the views and never sent anywhere
            for (view,) in out.execute("SELECT name FROM sqlite_master WHERE type = 'view'").fetchall():
                out.execute(f"DROP VIEW {quote(view)}")
        out.execute("DROP TABLE IF EXISTS sqlite_stat1")
        out.execute(f"CREATE TABLE {CHAIN_TABLE} (id INTEGER PRIMARY KEY, digest TEXT NOT NULL, hash TEXT NOT NULL) "
                    "STRICT")
        out.executemany(f"INSERT INTO {CHAIN_TABLE}(id, digest, hash) VALUES (?, ?, ?)", shipped)
        check_cancelled(cancelled)
        progress(2, 4, "Computing the checksums…")
        # Public data travels whole (issue 13), each police.uk force-month under its own signed digest. The
        # figures made from the counts do not: the county works them out again from the counts (they are sums
        # over every force's counts, never one office's rows). The workbook (unsigned) keeps them to show.
        public = [t for t in PUBLIC_TABLES if has_table(out, t)]
        derived_left_out = 0
        if sign and POLICE_COUNTS in public and has_table(out, "indicator_values"):
            derived_left_out = out.execute(
                f"DELETE FROM indicator_values WHERE source LIKE '{POLICE_SOURCE}%'").rowcount
        if POLICE_COUNTS in public:
            out.execute(f"CREATE TABLE {PUBLIC_DIGESTS_TABLE} (force TEXT NOT NULL, month TEXT NOT NULL, "
                        "rows INTEGER NOT NULL, digest TEXT NOT NULL, PRIMARY KEY (force, month)) "
                        "STRICT, WITHOUT ROWID")
            out.executemany(f"INSERT INTO {PUBLIC_DIGESTS_TABLE}(force, month, rows, digest) VALUES (?, ?, ?, ?)",
                            [(f, m, n, d) for (f, m), (n, d) in sorted(public_digests(out).items())])
        tables = data_tables(out)
        counts = row_counts(out, tables)
        checksum, per_table = content_checksums(out, tables)
        internal_tables = sorted(r[0] for r in out.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
            if r[0] not in tables)
        by_digest = [POLICE_COUNTS] if POLICE_COUNTS in public else []  # signed per force-month instead
        internal_checksum = content_checksum(out, [t for t in internal_tables if t not in by_digest])
        check_cancelled(cancelled)
        steps = [f"{r[0]}/{r[1]}" for r in out.execute(
            f"SELECT migration_set, name FROM {MIGRATIONS_TABLE} ORDER BY id")]
        manifest = {
            "format": EXPORT_FORMAT,
            "format_version": EXPORT_FORMAT_VERSION,
            "export_id": export_id,
            "office_id": office_id,
            "office_name": office_name,
            "exported_at": exported_at,
            "exported_by": audit.current_user(),
            "app_version": __version__,
            "schema_version": str(len(steps)),
            "migration_steps": json.dumps(steps),
            "schema_hash": schema_hash(out, [MANIFEST_TABLE]),
            "tables": json.dumps(tables),
            "row_counts": json.dumps(counts, sort_keys=True),
            "checksum": checksum,
            "checksum_method": CHECKSUM_METHOD,
            "table_checksums": json.dumps(per_table, sort_keys=True),
            "internal_tables": json.dumps(internal_tables),
            "internal_checksum": internal_checksum,
            "public_tables": json.dumps(by_digest),
            "public_digest_method": PUBLIC_DIGEST_METHOD,
            "police_figures_left_out": str(derived_left_out),
            "include_referrals": "yes" if include_referrals else "no",
            "private_tables_left_out": json.dumps(left_out),
            "fund_summary_rows": str(summary_rows),
            "case_notes_left_out": str(notes_left_out),
            "audit_entries": str(chain.entries),
            "audit_head_id": str(chain.head.id if chain.head else 0),
            "audit_head_hash": chain.head.hash if chain.head else audit.GENESIS,
            "audit_repairs": str(chain.repairs),
            "previous_exports": json.dumps(previous),
        }
        # A county file's export says which offices' exports were merged into it (its provenance is not carried):
        # another county file refuses it (county_merge.verify_for_county), where each row would read as the county's.
        merged: list[str] = []
        if has_table(store.conn, IMPORTS_TABLE):
            merged = [r[0] for r in store.conn.execute(
                f"SELECT DISTINCT office_name FROM {IMPORTS_TABLE} WHERE office_name <> '' ORDER BY office_name")]
            if merged:
                manifest["merged_offices"] = json.dumps(merged)
        if key is not None:
            manifest.update({"sequence": str(sequence), "key_fingerprint": key.fingerprint,
                             "public_key": key.public_text, "signature_method": signing.SIGNATURE_METHOD})
            statement = signing.canonical_bytes(manifest)
            rows = list(manifest.items()) + [("signed_statement", statement.decode("utf-8")),
                                             ("signature", key.sign(statement))]
        else:
            rows = list(manifest.items())
        out.execute(f"CREATE TABLE {MANIFEST_TABLE} (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT")
        out.executemany(f"INSERT INTO {MANIFEST_TABLE}(key, value) VALUES (?, ?)", rows)
        out.execute("COMMIT")
    except BaseException:
        if out.in_transaction:
            out.execute("ROLLBACK")
        raise
    progress(3, 4, "Compacting…")
    return ExportResult(target, export_id, office_name, exported_at, include_referrals, counts, checksum,
                        left_out, summary_rows, sequence, key.fingerprint if key else "",
                        (chain.head.id, chain.head.hash) if chain.head else None, notes_left_out, notes_sent,
                        deleted_lines_words_left_out=words_left_out.get("dhr_deleted_cost_lines", 0),
                        versions_words_left_out=words_left_out.get("dhr_cost_line_versions", 0), merged_offices=merged,
                        referrals_held=referrals_held)


def sheet_title(table: str) -> str:
    """A table name as a sheet name people recognise: "dhr_cost_lines" -> "Dhr cost lines"."""
    return table.replace("_", " ").strip().capitalize() or table


def column_title(column: str) -> str:
    if column.endswith("_pence"):
        return column[: -len("_pence")].replace("_", " ") + " (£)"
    return column.replace("_", " ")
