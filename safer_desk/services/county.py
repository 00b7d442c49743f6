"""County exchange, one function per user action: export for the county, merge district files, look back,
and the signing keys (this officer's, and the county's register of each office's keys).

The window (File > Export for County…, File > Import District Files…, File > Signing Keys…) and the
command line (`safer-desk export`, `merge`, `key`, `keys`) call these.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

from safer_desk.exchange import county_export, county_merge, county_workbook, signing
from safer_desk.exchange.county_export import ExportBlocked, ExportResult
from safer_desk.exchange.county_merge import (Conflict, ExportManifest, ExportRefused, MergeSummary, RegisteredKey,
                                              UnregisteredKey)
from safer_desk.exchange.county_schema import ExchangeCancelled, content_checksum, row_counts
from safer_desk.services.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from safer_desk.storage.schema.exchange import CONFLICTS_TABLE, IMPORTS_TABLE, PROVENANCE_TABLE
from safer_desk.storage.store import Store

EXPORT_SUFFIXES = {".sqlite": "sqlite", ".db": "sqlite", ".xlsx": "xlsx"}

__all__ = ["CountyError", "ExportRefused", "ExportResult", "MergeReport", "MergeSummary", "Conflict", "KeyOffer",
           "export_for_county", "check_district_files", "merge_district_files", "list_conflicts", "list_imports",
           "county_checksum", "county_row_counts", "provenance_counts", "officer_fingerprint", "registered_keys",
           "withdraw_key"]


class CountyError(ValueError):
    """Bad input to an exchange action; the message is for the person who chose it."""


def export_for_county(store: Store, target: Path | str, *, include_referrals: bool = False, raw_tables: bool = False,
                      progress: Progress = no_progress, cancelled: CancelCheck = never_cancelled) -> ExportResult:
    """Write the office's data for the county: .sqlite (for merging) or .xlsx (for reading), atomically.

    Victim-level rows are left out (totals by district and month instead) unless include_referrals. The workbook
    holds the views people read (services.county_workbook); raw_tables adds the database's tables after them.
    """
    target = Path(target)
    kind = EXPORT_SUFFIXES.get(target.suffix.lower())
    if kind is None:
        raise CountyError(f"{target.name}: the export must end in .sqlite (for the county to merge) or .xlsx "
                          "(an Excel workbook to read).")
    if target.exists() and target.resolve() == Path(store.path).resolve():
        raise CountyError("Choose a different file from the one that is open.")
    try:
        if kind == "xlsx":
            from safer_desk.services.county_workbook import workbook_views

            return county_workbook.write_county_workbook(store, target, include_referrals=include_referrals,
                                                         raw_tables=raw_tables, views=workbook_views,
                                                         progress=progress, cancelled=cancelled)
        return county_export.write_county_export(store, target, include_referrals=include_referrals,
                                                 progress=progress, cancelled=cancelled)
    except (ExportBlocked, signing.KeyFileError) as exc:
        raise CountyError(str(exc)) from exc
    except ExchangeCancelled as exc:
        raise Cancelled(str(exc)) from exc
    except OSError as exc:
        raise CountyError(f"{target.name} could not be written: {exc.strerror or exc}. Nothing was written.") from exc


@dataclass(frozen=True)
class KeyOffer:
    """A file refused only because its key is not registered for its office: the county lead may accept it."""

    path: Path
    fingerprint: str
    office_id: str
    office_name: str
    signed_by: str
    other_offices: tuple[str, ...]  # offices the key IS registered for (an export signed with another's key)
    why: str

    @classmethod
    def from_refusal(cls, exc: UnregisteredKey) -> "KeyOffer":
        return cls(Path(exc.path), exc.fingerprint, exc.office_id, exc.office_name, exc.signed_by,
                   tuple(exc.other_offices), str(exc))


@dataclass
class MergeReport:
    """What merging several district files did: a summary per merged file, and the files refused."""

    merged: list[MergeSummary] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    key_offers: list[KeyOffer] = field(default_factory=list)  # refused for an unregistered key (also in refused)

    @property
    def added(self) -> int:
        return sum(s.added for s in self.merged)

    @property
    def replaced(self) -> int:
        return sum(s.replaced for s in self.merged)

    @property
    def unchanged(self) -> int:
        return sum(s.unchanged for s in self.merged)

    @property
    def removed(self) -> int:
        return sum(s.removed for s in self.merged)

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for s in self.merged for c in s.conflicts]

    def text(self) -> str:
        """The end-of-merge summary in words."""
        lines = []
        for s in self.merged:
            signed = (f" Export number {s.sequence}, signed with key {s.key_fingerprint}"
                      f"{' (accepted for this office now)' if s.key_accepted else ''}." if s.key_fingerprint else "")
            lines.append(f"{s.file_name} ({s.office_name}): {s.added:,} added, {s.replaced:,} replaced, "
                         f"{s.unchanged:,} unchanged, {s.removed:,} removed, {len(s.conflicts):,} conflict(s).{signed}")
        for name, why in self.refused:
            lines.append(f"Refused: {why}")
        if len(self.merged) > 1:
            lines.append(f"In all: {self.added:,} added, {self.replaced:,} replaced, {self.unchanged:,} unchanged, "
                         f"{self.removed:,} removed, {len(self.conflicts):,} conflict(s).")
        return "\n".join(lines)


NO_COUNTY_FILE_YET = "no county file yet"


def check_district_files(paths: list[Path | str], county: Store | str | None = None, accept_keys: Iterable[str] = (),
                         key_offers: list[KeyOffer] | None = None) -> tuple[list[ExportManifest], list[tuple[str, str]]]:
    """Check every file before anything is merged: the good ones' manifests, and (name, why) for the rest.

    With a county file (or NO_COUNTY_FILE_YET: an empty register), each is also checked against its key
    register and history (reading only); refusals for an unregistered key are added to key_offers.
    """
    good, refused = [], []
    for path in paths:
        try:
            manifest = county_merge.read_export(Path(path))
            if county is not None:
                county_merge.verify_for_county(None if county == NO_COUNTY_FILE_YET else county, manifest,
                                               accept_keys)
            good.append(manifest)
        except UnregisteredKey as exc:
            refused.append((Path(path).name, str(exc)))
            if key_offers is not None:
                key_offers.append(KeyOffer.from_refusal(exc))
        except ExportRefused as exc:
            refused.append((Path(path).name, str(exc)))
    return good, refused


def merge_district_files(store: Store, paths: list[Path | str], *, progress: Progress = no_progress,
                         cancelled: CancelCheck = never_cancelled, accept_keys: Iterable[str] = ()) -> MergeReport:
    """Merge district exports into the open (county) file, each in its own transaction, oldest export first.

    Files that fail their checks (signature, key register, sequence, audit chain …) are refused without
    touching the county file; accept_keys are fingerprints the county lead has confirmed with the offices
    (registered, and audited, as their files are merged). A cancel rolls back the file being merged
    (files already merged stay merged, and the summary says which).
    """
    report = MergeReport()
    manifests, report.refused = check_district_files(paths, store, accept_keys, report.key_offers)
    manifests.sort(key=lambda m: (m.exported_at, m.sequence))
    total = sum(m.total_rows for m in manifests) or 1
    done = 0
    for manifest in manifests:
        def file_progress(d: int, t: int, message: str = "", base: int = done, size: int = manifest.total_rows) -> None:
            progress(base + min(d, size), total, f"{manifest.path.name}: {message}")

        try:
            report.merged.append(county_merge.merge_export(store, manifest, progress=file_progress,
                                                           cancelled=cancelled, accept_keys=accept_keys))
        except UnregisteredKey as exc:
            report.refused.append((manifest.path.name, str(exc)))
            report.key_offers.append(KeyOffer.from_refusal(exc))
        except ExportRefused as exc:
            report.refused.append((manifest.path.name, str(exc)))
        except ExchangeCancelled as exc:
            raise Cancelled(f"Cancelled while merging {manifest.path.name}; that file was not merged"
                            + (f" ({len(report.merged)} file(s) before it were)." if report.merged else ".")) from exc
        done += manifest.total_rows
    return report


def officer_fingerprint() -> str:
    """This officer's signing-key fingerprint (the key is made now if this computer has none yet)."""
    try:
        return signing.officer_key().fingerprint
    except signing.KeyFileError as exc:
        raise CountyError(str(exc)) from exc


def officer_key_path() -> Path:
    return signing.key_path()


def registered_keys(store: Store) -> list[RegisteredKey]:
    """The county's register: every key accepted for an office, withdrawn ones included."""
    return county_merge.registered_keys(store.conn)


def withdraw_key(store: Store, fingerprint: str, reason: str = "", office_id: str | None = None) -> list[RegisteredKey]:
    """Withdraw a registered key (audited); exports signed with it are refused from now on."""
    fp = signing.normal_fingerprint(fingerprint)
    if not fp:
        raise CountyError(f"{fingerprint!r} is not a key fingerprint (24 hexadecimal digits, e.g. "
                          "3F2A 9C1B 77D0 12AB 4C9E 0F31).")
    if store.read_only:
        raise CountyError(f"{store.path.name} is open read-only; keys cannot be withdrawn.")
    withdrawn = county_merge.withdraw_key(store, fp, reason, office_id)
    if not withdrawn:
        raise CountyError(f"No key with fingerprint {fp} is registered (and not already withdrawn) in "
                          f"{store.path.name}.")
    return withdrawn


def list_conflicts(store: Store) -> list[dict]:
    """Every conflict the last merge of each office reported (they stay until that office merges cleanly)."""
    return [dict(r) for r in store.rows(
        f"SELECT office_name, table_name, row_key, kind, other_office, detail, found_at FROM {CONFLICTS_TABLE} "
        "ORDER BY office_name, table_name, row_key")]


def list_imports(store: Store) -> list[dict]:
    """The district exports merged into this file, newest first."""
    return [dict(r) for r in store.rows(f"SELECT * FROM {IMPORTS_TABLE} ORDER BY imported_at DESC")]


def provenance_counts(store: Store) -> dict[tuple[str, str], int]:
    """Rows per (office, table) as the county file's provenance records them."""
    return {(r["office_name"], r["table_name"]): r["n"] for r in store.rows(
        f"SELECT office_name, table_name, count(*) AS n FROM {PROVENANCE_TABLE} GROUP BY office_name, table_name")}


def county_checksum(store: Store) -> str:
    """The content checksum of the file's data (the same method as an export's manifest)."""
    return content_checksum(store.conn)


def county_row_counts(store: Store) -> dict[str, int]:
    return row_counts(store.conn)
