"""County exchange, one function per user action: export for the county, merge district files, look back,
and the signing keys (this officer's, and the county's register of each office's keys).

The window (File > Export for County…, File > Import District Files…, File > Signing Keys…) and the
command line (`safer-desk export`, `merge`, `key`, `keys`) call these.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sqlite3
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path
from typing import Iterable, Sequence

from safer_desk.domain.text import counted, in_words, ranges_text, shell_word
from safer_desk.exchange import county_export, county_merge, county_workbook, signing
from safer_desk.exchange.county_export import ExportBlocked, ExportResult
from safer_desk.exchange.county_conflicts import (DECISIONS_TABLE, GROUPS, KIND_WORDS, PARTS, PROJECT_LISTS, WHOLES,
                                                   Conflict)
from safer_desk.exchange.county_merge import (AcceptedKey, DecisionRefused, ExportManifest, ExportRefused,
                                              MergeSummary, RegisteredKey, UnregisteredKey)
from safer_desk.exchange.county_schema import ExchangeCancelled, content_checksum, has_table, row_counts
from safer_desk.paths import same_file
from safer_desk.services.progress import CancelCheck, Cancelled, Progress, never_cancelled, no_progress
from safer_desk.storage.schema.exchange import CONFLICTS_TABLE, IMPORTS_TABLE, PROVENANCE_TABLE
from safer_desk.storage.store import Store

EXPORT_SUFFIXES = {".sqlite": "sqlite", ".xlsx": "xlsx"}  # DESIGN §4: OUT.sqlite|OUT.xlsx, as every message says

__all__ = ["CountyError", "ExportRefused", "ExportResult", "MergeReport", "MergeSummary", "Conflict", "KeyOffer",
           "export_for_county", "check_district_files", "merge_district_files", "key_questions", "list_conflicts",
           "list_imports", "county_checksum", "county_row_counts", "provenance_counts", "officer_fingerprint",
           "officer_key_words", "registered_keys", "withdraw_key", "conflict_groups", "resolve_conflicts",
           "conflicts_text", "ConflictsPresenter"]


class CountyError(ValueError):
    """Bad input to an exchange action; the message is for the person who chose it."""


def export_kind(target: Path | str) -> str:
    """"sqlite" (for the county to merge) or "xlsx" (to read), by the name's ending; CountyError for another."""
    target = Path(target)
    kind = EXPORT_SUFFIXES.get(target.suffix.lower())
    if kind is None:
        raise CountyError(f"{target.name or target}: the export must end in .sqlite (for the county to merge) or "
                          ".xlsx (an Excel workbook to read).")
    return kind


def export_of_an_export_words(name: str, made_from: str) -> str:
    """Why an export (``storage.store.export_words``: made_from) is not exported again."""
    return (f"{name} is {made_from}: an export is made from the office's own file, not from another export. Nothing "
            "was written.")


def folder_as_export_words(folder: Path, office_file: Path | str) -> str:
    """Why a folder named as the export is refused, with a file named in it to give instead (the window's and
    `safer-desk export`'s words)."""
    return (f"{folder.name or folder} is a folder: name the export file in it, such as "
            f"{folder / (Path(office_file).stem + '-for-county.sqlite')} (or .xlsx, a workbook to read). "
            "Nothing was written.")


def refuse_export_target(store: Store, target: Path) -> str:
    """The export's kind (``export_kind``), or CountyError for a name an export is never written under: the file being
    exported, an office's or a county's own file, a name with a journal beside it. Asked before anything else (the
    window asks it before "Replace it?", which it asked first of the office's own file)."""
    if os.path.isdir(target):  # a folder has no ending to be wrong, and one ending in .sqlite is no file to write
        raise CountyError(folder_as_export_words(target, store.path))
    kind = export_kind(target)
    from safer_desk.storage.safe_write import write_failed

    try:
        if target.exists() and target.resolve() == Path(store.path).resolve():
            raise CountyError(f"{target.name} is the file being exported: an export never replaces it. Choose "
                              "another name for the export; nothing was written.")
    except OSError as exc:  # the name cannot even be looked at (too long for the disk): said as a write says it
        raise CountyError(str(write_failed(exc, target, what=f"The export {target.name}"))) from exc
    from safer_desk.storage.store import holds_data

    if kind == "sqlite":
        _refuse_journal_beside_export(target)
    if kind == "sqlite" and holds_data(target):  # an earlier export is replaced; an office's own file never
        raise CountyError(f"{target.name} is a Safer Desk file (an office's or a county's own data), not an export: "
                          "an export never replaces one. Choose another name; nothing was written.")
    return kind


def export_for_county(store: Store, target: Path | str, *, include_referrals: bool = False, raw_tables: bool = False,
                      progress: Progress = no_progress, cancelled: CancelCheck = never_cancelled) -> ExportResult:
    """Write the office's data for the county: .sqlite (for merging) or .xlsx (for reading), atomically.

    Victim-level rows are left out (totals by district and month instead) unless include_referrals. The workbook
    holds the views people read (services.county_workbook); raw_tables adds the database's tables after them.
    """
    target = Path(target)
    kind = refuse_export_target(store, target)
    from safer_desk.storage.store import export_words

    made_from = export_words(store.conn)
    if made_from:  # an export looked at read-only: it holds the office's summaries, not the office's file
        raise CountyError(export_of_an_export_words(Path(store.path).name, made_from))
    try:
        if kind == "xlsx":
            from functools import partial

            from safer_desk.services.county_workbook import county_scope, merged_origins, workbook_views

            # The staged export the views read keeps no county bookkeeping: where each row came from is read here,
            # and so are the county's areas (a project's by the office it came from), as the board report reads them.
            scope = county_scope(store)
            views = partial(workbook_views, origins=merged_origins(store), scope=scope)
            return county_workbook.write_county_workbook(store, target, include_referrals=include_referrals,
                                                         raw_tables=raw_tables, views=views,
                                                         progress=progress, cancelled=cancelled,
                                                         left_out=scope.facts)
        # An earlier export in WAL mode (switched by another program) gets an empty -wal and -shm from the looks at
        # it above (and the window's or the command's before): a look cannot remove them, and replacing the file
        # left them beside the new export. They go first, while that file is still there to close them with.
        from safer_desk.storage.store import remove_side_files_left

        remove_side_files_left(target)
        return county_export.write_county_export(store, target, include_referrals=include_referrals,
                                                 progress=progress, cancelled=cancelled)
    except ExportBlocked as exc:
        raise CountyError(str(exc)) from exc
    except signing.KeyFileError as exc:  # the key is read before anything is written, or the office's number taken
        raise CountyError(f"{exc} The export was not written.") from exc
    except ExchangeCancelled as exc:
        raise Cancelled(str(exc)) from exc
    except OSError as exc:
        raise CountyError(f"{target.name} could not be written: {exc.strerror or exc}. Nothing was written.") from exc


def read_only_export_words(store: Store) -> str | None:
    """Why a file open read-only makes only a workbook, and how to make an export to merge; None for a file open for
    writing, or for an export opened to look at (refused whatever the kind, in ``export_for_county``'s words)."""
    from safer_desk.storage.store import export_words

    if not store.read_only or export_words(store.conn):
        return None
    return (f"{Path(store.path).name} is open read-only, so only an .xlsx workbook (for reading in Excel) can be made "
            "from it: a .sqlite export for the county lead to merge takes the office's next export number, which is "
            "written into the file. To make one, open the file for writing (close it in any other window, or clear "
            "its read-only mark) and export again.")


def _refuse_journal_beside_export(target: Path) -> None:
    """No export where a journal lies beside its name (FILE-wal, FILE-journal of a file of that name that was stopped
    mid-write or lost power, then removed or replaced, or copied there): any program but Safer Desk reads the journal
    with the export (malformed, or played into it), and it may hold that file's last saves. As Save a Copy refuses
    such a name (``store.refuse_journal_left_beside``), before anything is written."""
    from safer_desk.storage.store import holds_data, journal_beside, read_as_it_lies

    if (journal := journal_beside(target)) is not None:
        if target.exists() and not read_as_it_lies(target) and holds_data(target):
            return  # an office's own file and its journal (open in a window, or its window stopped): refused as one
        raise CountyError(
            f"{target.name} is not written: {journal.name} lies beside that name, the journal of a file of that name "
            "(left by a program that was stopped or lost power, or copied there), which any program but Safer Desk "
            "would read as part of the export. It may hold that file's last saves: choose another name (or move "
            f"{journal.name} away once you know whose it is). Nothing was written.")


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
    office_keys: tuple[str, ...] = ()  # the keys registered for the office until now (its officer's key changed?)

    @classmethod
    def from_refusal(cls, exc: UnregisteredKey) -> "KeyOffer":
        return cls(Path(exc.path), exc.fingerprint, exc.office_id, exc.office_name, exc.signed_by,
                   tuple(exc.other_offices), str(exc), tuple(exc.office_keys))


def key_questions(offers: Iterable[KeyOffer]) -> list[list[KeyOffer]]:
    """The offers to ask the county lead about, one question per key and office (in the order the files came):
    several files from one office signed with one new key (its first and second exports) are one phone call,
    and accepting the key merges them all."""
    groups: dict[tuple[str, str], list[KeyOffer]] = {}
    for offer in offers:
        groups.setdefault((offer.fingerprint, offer.office_id), []).append(offer)
    return list(groups.values())


def example_only_words(store: Store, offices: set[str]) -> list[str]:
    """The merged offices (of ``offices``, by name) that sent only their copy of Safer Desk's example, said once they
    are in: the county's words do not name them where rows came from (services.example_rows); [] for none."""
    from safer_desk.services.example_rows import example_only_offices

    copies = sorted((n for n in example_only_offices(store).values() if n in offices), key=str.casefold)
    if not copies:
        return []
    one = len(copies) == 1
    return [f"{in_words(copies)} sent only {'its copy' if one else 'their copies'} of Safer Desk's example data, "
            f"nothing of {'its' if one else 'their'} own: {'it is' if one else 'they are'} not named as where the "
            "county's rows came from, and the board report does not count "
            f"{'it' if one else 'them'} among the offices its figures came from."]


def keys_not_accepted_words(kept_out: list[KeyOffer]) -> str:
    """The status bar's sentence after Do Not Accept: which files were not merged, whose keys, and what merges them
    later ("" when every key was accepted)."""
    if not kept_out:
        return ""
    names = in_words([o.path.name for o in kept_out])
    keys = in_words(sorted({f"{o.office_name}'s" for o in kept_out}))
    one = len(kept_out) == 1
    return (f"Not merged: {names} ({keys} {'key was' if len({o.fingerprint for o in kept_out}) == 1 else 'keys were'} "
            f"not accepted). Import {'it' if one else 'them'} again once {'its' if one else 'each'} fingerprint is "
            "confirmed by phone.")


@dataclass
class MergeReport:
    """What merging several district files did: a summary per merged file, and the files refused."""

    merged: list[MergeSummary] = field(default_factory=list)
    refused: list[tuple[str, str]] = field(default_factory=list)  # (file name, why)
    key_offers: list[KeyOffer] = field(default_factory=list)  # refused for an unregistered key (also in refused)
    # Refused as not following on from the office's last export, but made after it, as a restored file's export is
    # (also in refused): the window asks whether to accept it (accept_restored).
    restored_offers: list[county_merge.RestoredFileOffer] = field(default_factory=list)
    # A file that is the same export as one before it in the list (a second copy, or the same file named
    # twice): (that file, the manifest of the one merged). Merged once, said so, counted once.
    same_export: list[tuple[Path, ExportManifest]] = field(default_factory=list)
    # A merged office outside the county file's county (a Cornwall office in Suffolk's file): said in words.
    county_notes: list[str] = field(default_factory=list)
    # The conflicts the merged files raised that are open once they are all in, as the county file holds them (set by
    # merge_district_files): two files of one office raising one conflict, or a later file closing it, leave one
    # conflict, or none, not each file's telling of it.
    open_after: list[Conflict] | None = None
    # Open conflicts the files merged did not raise (other offices' from files merged before): said after the list, so
    # the count above is not taken for all the county lead has to decide.
    open_besides: int = 0
    # Files that passed their checks but were not merged, because another file given with them was refused (for
    # a reason no question answers): nothing is merged then, in the window as by `safer-desk merge`.
    held_back: list[str] = field(default_factory=list)

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
        if self.open_after is not None:
            return list(self.open_after)
        return [c for s in self.merged for c in s.conflicts]

    def text(self, *, asking_keys: bool = False) -> str:
        """The end-of-merge summary in words: per file, its public data, then the conflicts grouped by kind.

        asking_keys: the window asks next whether to accept each offered key (key_offers), so a file refused only for
        its key is said to be not merged yet, not refused with the command line's --accept-key."""
        asked = {Path(o.path).name: o for o in self.key_offers} if asking_keys else {}
        lines = []
        for path, first in self.same_export:
            if same_file(path, first.path):
                lines.append(f"{path.name} was given more than once: merged once.")
            else:
                lines.append(f"{path.name} is the same export as {first.path.name} ({first.office_name}'s export "
                             f"number {first.sequence}): merged once.")
        for s in self.merged:
            signed = (f" Export number {s.sequence}, signed with key {s.key_fingerprint}"
                      f"{' (accepted for this office now)' if s.key_accepted else ''}." if s.key_fingerprint else "")
            lines.append(f"{s.file_name} ({s.office_name}): {s.added:,} added, {s.replaced:,} replaced, "
                         f"{s.unchanged:,} unchanged, {s.removed:,} removed, {counted(len(s.conflicts), 'conflict')}."
                         f"{signed}")
            if s.merged_before:
                lines.append(f"  {merged_again_words(s)}")
            if s.restored:
                lines.append(f"  {s.restored}")
            if s.not_merged:
                lines.append(f"  {s.not_merged}")
            if s.dated_before:
                lines.append(f"  {s.dated_before}")
            if s.public:
                p = s.public
                older = f", {p['older']:,} older than the county's (kept the county's)" if p.get("older") else ""
                lines.append(f"  police.uk counts (shared by every office): "
                             f"{counted(p.get('added', 0), 'force-month')} added, {p.get('replaced', 0):,} replaced "
                             f"by a later download, {p.get('same', 0):,} already held from the same download{older}.")
            lines += [f"  {note}" for note in s.public_notes + s.conflict_notes]
            if s.decided:
                lines.append(f"  {counted(s.decided, 'disagreement')} already decided by the county lead: "
                             "not raised again.")
        lines += self.county_notes
        for name, why in self.refused:
            offer = asked.get(name)
            lines.append(f"Not merged yet: {name} is signed with a key the county has not registered for "
                         f"{offer.office_name} (fingerprint {offer.fingerprint}): you are asked next whether to accept "
                         "it." if offer is not None else f"Refused: {why}")
        if self.held_back:
            lines.append(held_back_words(self.held_back))
        if len(self.merged) > 1:
            lines.append(f"In all: {self.added:,} added, {self.replaced:,} replaced, {self.unchanged:,} unchanged, "
                         f"{self.removed:,} removed, {counted(len(self.conflicts), 'conflict')}.")
        if self.conflicts:
            lines.append("")
            lines += conflicts_text(self.conflicts)
        if self.merged and self.open_besides:
            lines += [] if self.conflicts else [""]
            lines.append(self.open_besides_words())
        return "\n".join(lines)

    def open_besides_words(self) -> str:
        """The open conflicts these files did not raise, in words ("" when none)."""
        if not self.open_besides:
            return ""
        n = self.open_besides
        besides = "" if not self.conflicts else "Besides this, " if len(self.conflicts) == 1 else "Besides these, "
        return (f"{besides}{counted(n, 'conflict')} from files merged before "
                f"{'is' if n == 1 else 'are'} still open: File > Conflicts… (or safer-desk conflicts COUNTY_FILE) "
                "lists every open conflict.")


def held_back_words(passed: list[str]) -> str:
    """Files that passed their checks, not merged because another file given with them was refused."""
    return (f"{in_words(passed)} passed the checks but {'was' if len(passed) == 1 else 'were'} not merged either: "
            f"nothing is merged while a file given is refused. Merge {'it' if len(passed) == 1 else 'them'} again "
            "without the files refused above.")


def refusals_words(whys: Sequence[str], sep: str = "\n") -> str:
    """Several refusals in one message: each says why its file was refused, and that the county file is as it was
    (``county_merge.UNCHANGED``, each refusal's last words) is said once, last; three files refused together
    said it three times. One refusal (beside the words of the files held back) is said as it is."""
    unchanged = county_merge.UNCHANGED
    if sum(1 for w in whys if w.endswith(unchanged)) < 2:
        return sep.join(whys)
    return sep.join([*(w[:-len(unchanged)].rstrip() if w.endswith(unchanged) else w for w in whys), unchanged])


def refusal_holds_back(manifests: list[ExportManifest], refused: list[tuple[str, str]],
                       asked: Iterable[str] = ()) -> list[str]:
    """The names of the files that passed their checks, when a file given with them is refused (for a reason other
    than a question the window asks, asked: a key to accept, a restored file's export), else []: one file refused
    stops the whole merge (DESIGN §4: a refusal leaves the file as it was), in the window as on the command line."""
    questions = set(asked)
    if not manifests or all(name in questions for name, _ in refused):
        return []
    return sorted({Path(m.path).name for m in manifests}, key=str.casefold)


def merged_again_words(s: MergeSummary) -> str:
    """An export merged before, said with when: the counts of merging it again are true, but the county lead wants to
    know it was the same export ("Export number 2 of Babergh office was already merged on 01/12/2026: nothing new.")."""
    number = f" number {s.sequence}" if s.sequence else ""
    day = f" on {s.merged_before_day}" if s.merged_before_day else ""
    named = f" (from {s.merged_before_from})" if s.merged_before_from and s.merged_before_from != s.file_name else ""
    said = f"Export{number} of {s.office_name} was already merged{day}{named}"
    if not (s.changed or len(s.conflicts) > s.still_open):
        # its conflicts, if any, are those open since it was first merged, told again as they were
        still = f" ({counted(s.still_open, 'conflict')} from it {'is' if s.still_open == 1 else 'are'} still open)" \
            if s.still_open else ""
        return f"{said}: nothing new{still}."
    return f"{said}; merging it again made the changes counted above."


NO_COUNTY_FILE_YET = "no county file yet"


def check_district_files(paths: list[Path | str], county: Store | str | None = None,
                         accept_keys: Iterable[AcceptedKey] = (),
                         key_offers: list[KeyOffer] | None = None, *, accept_restored: bool = False,
                         restored_offers: list | None = None) -> tuple[list[ExportManifest], list[tuple[str, str]]]:
    """Check every file before anything is merged: the good ones' manifests, and (name, why) for the rest.

    With a county file (or NO_COUNTY_FILE_YET: an empty register), each is also checked against its key
    register and history (reading only); refusals for an unregistered key are added to key_offers.
    """
    good, refused, unreadable = [], [], set()
    for path in paths:
        if Path(path).resolve() in unreadable:  # named twice: refused once
            continue
        if isinstance(county, Store) and same_file(Path(path), Path(county.path)):
            unreadable.add(Path(path).resolve())
            refused.append((Path(path).name, f"{Path(path).name} cannot be merged: it is the county file being merged "
                                             f"into. Give the exports the offices sent. {county_merge.UNCHANGED}"))
            continue
        try:
            good.append(county_merge.read_export(Path(path)))
        except ExportRefused as exc:
            unreadable.add(Path(path).resolve())
            refused.append((Path(path).name, str(exc)))
    good = _one_history_per_office(_one_content_per_export(good, refused), refused)
    if county is None:
        return good, refused
    return _for_county(good, None if county == NO_COUNTY_FILE_YET else county, accept_keys, refused, key_offers,
                       accept_restored, restored_offers)


def _one_content_per_export(manifests: list[ExportManifest], refused: list[tuple[str, str]]) -> list[ExportManifest]:
    """The manifests less those whose export id another file gives with other contents (another signature):
    neither can be told to be the one the office sent, so each is refused (added to refused) and none merged."""
    signatures: dict[str, set[str]] = {}
    for m in manifests:
        signatures.setdefault(m.export_id, set()).add(m.signature)
    kept = []
    for m in manifests:
        if len(signatures[m.export_id]) == 1:
            kept.append(m)
            continue
        others = sorted({o.path.name for o in manifests if o.export_id == m.export_id and o.signature != m.signature})
        refused.append((m.path.name, f"{m.path.name} cannot be merged: it says it is {m.office_name}'s export number "
                                     f"{m.sequence}, and so does {', '.join(others)}, with other contents: two "
                                     f"different files cannot be one export. Ask {m.office_name} which one they "
                                     f"sent. {county_merge.UNCHANGED}"))
    return kept


def _one_history_per_office(manifests: list[ExportManifest], refused: list[tuple[str, str]]) -> list[ExportManifest]:
    """The manifests less those of an office whose files disagree about its exports: two exports with one number, or
    a later one listing another export under the number of one named with it. Two copies of the office's file made
    them; neither can be told to be the one the county merges, so each is refused (added to refused), none merged,
    as the county would refuse the second after merging the first."""
    exports: dict[str, dict[str, ExportManifest]] = {}
    for m in manifests:
        exports.setdefault(m.office_id, {}).setdefault(m.export_id, m)
    clash: dict[str, set[str]] = {}
    for mine in exports.values():
        for a in mine.values():
            for b in mine.values():
                if (a.sequence == b.sequence and a.export_id != b.export_id) or (
                        a.sequence < b.sequence and b.previous_exports.get(a.sequence, a.export_id) != a.export_id):
                    clash.setdefault(a.export_id, set()).add(b.path.name)
                    clash.setdefault(b.export_id, set()).add(a.path.name)
    for m in manifests:
        if m.export_id in clash:
            refused.append((m.path.name, f"{m.path.name} cannot be merged: it is {m.office_name}'s export number "
                                         f"{m.sequence}, and {in_words(sorted(clash[m.export_id]))} "
                                         f"{'disagrees' if len(clash[m.export_id]) == 1 else 'disagree'} with it "
                                         f"about that office's exports: {county_merge.FORKED_FILE}. "
                                         f"{county_merge.UNCHANGED}"))
    return [m for m in manifests if m.export_id not in clash]


def _for_county(manifests: list[ExportManifest], county: Store | None, accept_keys: Iterable[AcceptedKey],
                refused: list[tuple[str, str]], key_offers: list[KeyOffer] | None, accept_restored: bool = False,
                restored_offers: list | None = None) -> tuple[list[ExportManifest], list[tuple[str, str]]]:
    """The manifests that pass the county's checks (key register, history), the others added to refused (an
    export named twice, or a copy of it, once: its refusal is the same)."""
    good, refused_exports = [], set()
    accepted = accepted_keys(manifests, county, accept_keys)
    takers = _key_takers(manifests, county)
    for manifest in manifests:
        if manifest.export_id in refused_exports:
            continue
        taker = takers.get(manifest.key_fingerprint)
        try:
            county_merge.verify_for_county(county, manifest, accepted, signing_in_merge=[
                taker] if taker is not None and taker[0] != manifest.office_id else [], accept_restored=accept_restored)
            good.append(manifest)
        except ExportRefused as exc:
            refused_exports.add(manifest.export_id)
            refused.append((manifest.path.name, str(exc)))
            if isinstance(exc, UnregisteredKey) and key_offers is not None:
                key_offers.append(KeyOffer.from_refusal(exc))
            if isinstance(exc, county_merge.RestoredFileOffer) and restored_offers is not None:
                restored_offers.append(exc)
    return good, refused


def _key_takers(manifests: list[ExportManifest], county: Store | None) -> dict[str, tuple[str, str, str]]:
    """For each key signing files of this merge, the office (id, name, its first file's name) a bare accepted
    fingerprint is for: the first office of the merge it is registered for already, else the office of the first
    file signed with it. A key confirmed by phone with one office is never registered for a second one by the same
    command (the other offices' refusals say to merge each one's file on its own, or answer the window's question
    for that office)."""
    takers: dict[str, tuple[str, str, str]] = {}
    registered: dict[str, set[str]] = {}
    for m in manifests:
        fp = m.key_fingerprint
        if fp not in registered:
            registered[fp] = ({k.office_id for k in county_merge.registered_keys(county.conn, fp)}
                              if county is not None else set())
        if m.office_id in registered[fp] and (fp not in takers or takers[fp][0] not in registered[fp]):
            takers[fp] = (m.office_id, m.office_name, m.path.name)
        takers.setdefault(fp, (m.office_id, m.office_name, m.path.name))
    return takers


def accepted_keys(manifests: list[ExportManifest], county: Store | None,
                  accept_keys: Iterable[AcceptedKey]) -> list[tuple[str, str]]:
    """The keys the county lead accepted, each for one office: (fingerprint, office id) as given (the window asks
    about each key and office), and a bare fingerprint (``--accept-key``) for the office ``_key_takers`` names."""
    takers = _key_takers(manifests, county)
    accepted = []
    for k in accept_keys:
        if isinstance(k, str):
            fp = signing.normal_fingerprint(k)
            if fp in takers:
                accepted.append((fp, takers[fp][0]))
        else:
            accepted.append((signing.normal_fingerprint(k[0]), k[1]))
    return accepted


def merge_district_files(store: Store, paths: list[Path | str], *, progress: Progress = no_progress,
                         cancelled: CancelCheck = never_cancelled, accept_keys: Iterable[AcceptedKey] = (),
                         checked: list[ExportManifest] | None = None, accept_restored: bool = False) -> MergeReport:
    """Merge district exports into the open (county) file, each in its own transaction, oldest export first.

    Files that fail their checks (signature, key register, sequence, audit chain …) are refused without
    touching the county file; accept_keys are the keys the county lead has confirmed with the offices by phone
    (registered, and audited, as their files are merged): (fingerprint, office id) for that office, or a bare
    fingerprint (``--accept-key``) for one office only, the one whose file it signs (``_key_takers``). A cancel
    rolls back the file being merged (files already merged stay merged, and the summary says which).

    checked: the manifests ``check_district_files`` gave for these paths a moment ago (the command line checks
    every file before it opens the county file for writing): the files are not read and checked a second
    time, only against the county file again. Either way each file's bytes must still be the ones checked
    (their SHA-256), or it is refused.
    """
    refuse_office_file(store)
    report = MergeReport()
    first_merge = store.scalar(f"SELECT count(*) FROM {IMPORTS_TABLE}") == 0  # the county file being made
    if checked is None:
        manifests, report.refused = check_district_files(paths, store, accept_keys, report.key_offers,
                                                         accept_restored=accept_restored,
                                                         restored_offers=report.restored_offers)
    else:
        manifests, report.refused = _for_county(list(checked), store, accept_keys, [], report.key_offers,
                                                accept_restored, report.restored_offers)
    report.held_back = refusal_holds_back(manifests, report.refused, [
        Path(o.path).name for o in [*report.key_offers, *report.restored_offers]])
    if report.held_back:  # nothing merged: the questions wait until the files refused are left out
        manifests, report.key_offers, report.restored_offers = [], [], []
    # Each accepted key for one office, as checked: the merge registers it for that office alone.
    accept_keys = accepted_keys(manifests, store, accept_keys)
    manifests, report.same_export = _once_each(manifests)
    manifests = _in_merge_order(manifests)
    with _bigger_cache(store):
        _merge_checked(store, manifests, report, progress, cancelled, accept_keys, accept_restored)
    if report.merged:
        raised = {c.id for s in report.merged for c in s.conflicts}
        open_now = list_conflicts(store)
        report.open_after = [c for c in open_now if c.id in raised]
        report.open_besides = len(open_now) - len(report.open_after)
    # Beside files that went in, a refused file's "The county file has not been changed" is no longer true.
    merged = [s.file_name for s in report.merged]
    report.refused = [(name, county_merge.refused_beside(why, merged)) for name, why in report.refused]
    if report.merged:
        from safer_desk.services.reference import districts_claimed_twice_words, outside_county_words

        offices = {s.office_name for s in report.merged}
        report.county_notes = outside_county_words(store, offices=offices) \
            + districts_claimed_twice_words(store, offices=offices) + example_only_words(store, offices)
        # Said as the first files go in (`safer-desk report` says it again): not in every merge summary after.
        report.county_notes += [words] if first_merge and (words := unnamed_file_words(store)) else []
    return report


def refuse_office_file(store: Store) -> None:
    """An office's own file named as the county file of a merge: one that has made exports for the county and has
    nothing merged into it. Merged into, it would become a county file, its rows mixed with another office's and
    every export it made from then on refused at the county ("an export of a county file"): refused (CountyError),
    the way to the county file said. (A county file that made an export after its first merge, or registered an
    office's key, merges as ever.)"""
    own = own_file_words(store)
    if own:
        raise CountyError(
            f"{own}, so it is not a county file. Merged into, it would hold another office's "
            "rows beside its own, and the county would refuse every export it made from then on. Open the county's "
            "file (or make one: File > New, or name a new file to `safer-desk merge COUNTY.sqlite …`) and merge the "
            f"exports into that. {store.path.name} has not been changed.")


def own_file_words(store: Store) -> str:
    """"babergh.sqlite is Babergh office's own file: it has made 2 exports for the county (number 2, on
    01/12/2026)" for an office's own file (it has made exports and has nothing merged into it, so it is not a
    county file); "" for any other file."""
    from safer_desk.domain.periods import format_uk_date
    from safer_desk.services.start import has_merged

    if not has_table(store.conn, "_export_anchors") or has_merged(store):
        return ""
    last = store.one("SELECT sequence, exported_at FROM _export_anchors ORDER BY sequence DESC LIMIT 1")
    if last is None:
        return ""
    made = store.scalar("SELECT count(*) FROM _export_anchors")
    try:
        day = f", on {format_uk_date(date.fromisoformat(str(last['exported_at'])[:10]))}"
    except ValueError:
        day = ""
    return (f"{store.path.name} is {store.office_name}'s own file: it has made {counted(made, 'export')} for the "
            f"county (number {last['sequence']}{day})")


def not_a_county_file_words(store: Store, *, window: bool = False) -> str:
    """An office's own file asked for a county file's conflicts or keys: that it is not a county file and where
    they are (the window's menu, or the command); "" for a file that may be a county file."""
    own = own_file_words(store)
    if not own:
        return ""
    there = "open the county's file and use File > Conflicts… (or File > Signing Keys…)" if window else \
        "name the county's file: safer-desk conflicts COUNTY_FILE (or safer-desk keys COUNTY_FILE)"
    return (f"{own}, and nothing has been merged into it, so it is not a county file. Conflicts and the register "
            f"of the offices' keys are kept in the county's file, which the offices' exports are merged into: "
            f"to see them, {there}.")


def nothing_merged_words(store: Store) -> str:
    """"nothing has been merged into county.sqlite yet (…)" for a file no district export has been merged into
    (and that has no office's key registered); "" once one has."""
    from safer_desk.services.start import has_merged

    if has_merged(store):
        return ""
    return (f"nothing has been merged into {store.path.name} yet (conflicts are raised when the district offices' "
            "exports are merged into the county's file: File > Import District Files…, or safer-desk merge "
            "COUNTY_FILE DISTRICT_FILE…)")


def unnamed_file_words(store: Store) -> str:
    """"This county file is still called “COUNTY”, after its file …": a file `merge` made (or any file) is called
    after its file name until its office is named, and the board report would say "Prepared by COUNTY". "" once
    named."""
    if store.office_name != store.path.stem:
        return ""
    kind, how = _naming(store)
    return (f"This {kind} is still called “{store.office_name}”, after its file: the board report cannot say who "
            f"prepared it. Name it {how}.")


def _naming(store: Store) -> tuple[str, str]:
    """("county file" or "file", "in File > Office Details… (or with `safer-desk office FILE --name …`)"), the
    name suggested its partnership's or districts' office's (as Office Details suggests it), else the county team's
    where the file names its county: a Monmouthshire office naming Gwent was offered "Gwent county team"."""
    from safer_desk.services.reference import office_county, office_scope

    scope, county = office_scope(store), office_county(store)
    if not scope.is_county_file and scope.partnerships:
        example = f"{scope.partnerships[0].name} office"
    elif not scope.is_county_file and scope.districts:
        example = f"{in_words(sorted((d.name for d in scope.districts), key=str.casefold))} CSP office"
    else:
        example = f"{county.name} county team" if county is not None else "the office's name"
    kind = "county file" if scope.is_county_file else "file"
    command = f'safer-desk office {shell_word(str(store.path))} --name "{example}"'
    return kind, f"in File > Office Details… (or with `{command}`)"


def export_name_words(store: Store) -> str:
    """After an export from an office still called after its file ("safer-desk", the default file's): what the county
    will call it, and how to name it; "" once named. The start page's reminder goes once the file holds work, and
    every district on the default file would otherwise reach the county as "safer-desk". A county file's workbook
    is the county's own: it names the county file so."""
    if store.office_name != store.path.stem:
        return ""
    kind, how = _naming(store)
    if kind == "county file":
        return (f"This county file is still called “{store.office_name}”, after its file: its workbook names it "
                f"so. Name it {how}, then export again.")
    return (f"This office is still called “{store.office_name}”, after its file: the county will know it by that name. "
            "Name it in File > Office Details… (or with "
            f"`safer-desk office {shell_word(str(store.path))} --name NAME`), then export again.")


def export_of_a_county_words(result: ExportResult) -> str:
    """After a county file's export for merging (.sqlite): that another county file (a region's) refuses it, said when
    it is written rather than first at the region's merge; "" for an office's export and for a workbook (.xlsx)."""
    if not result.merged_offices or result.path.suffix.lower() == ".xlsx":
        return ""
    shown = in_words(result.merged_offices[:4] + ([f"{len(result.merged_offices) - 4} more"]
                                                  if len(result.merged_offices) > 4 else []))
    return (f"{result.path.name} is an export of a county file: another county file, a region's, does not merge it, so "
            f"that each row keeps the office it came from. A region merges the exports the offices sent ({shown}); "
            "the county's workbook (an .xlsx export) is for reading.")


def export_surname_words(store: Store, *, include_referrals: bool = False) -> str:
    """After an export: the references it carries (the reviews', and the referrals' when they were included) with a
    word that may be a surname on its own ("Okonkwo-2026": domain.privacy.surname_alone), each asked about when it was
    typed but kept; "" when none. Said, never refused: nothing tells a surname from a town's name in a code."""
    from safer_desk.domain.privacy import surname_alone

    sources = [("review", "SELECT reference FROM dhr_cases ORDER BY reference")]
    if include_referrals:
        sources.append(("referral", "SELECT reference FROM fund_referrals ORDER BY reference"))
    asked = [f"{what} {ref}" for what, sql in sources for (ref,) in store.rows(sql) if surname_alone(ref)]
    if not asked:
        return ""
    listed = ", ".join(asked[:3]) + (f" and {len(asked) - 3:,} more" if len(asked) > 3 else "")
    return (f"The export carries {counted(len(asked), 'reference')} with a word that may be a surname ({listed}). A "
            "reference is a code, never a victim's name: if one is a name, change it and export again.")


def _in_merge_order(manifests: list[ExportManifest]) -> list[ExportManifest]:
    """Oldest export first, and each office's exports in the order of their numbers whatever the clocks of the
    computers that made them said (one shared office file, a laptop's clock behind): a later number merged first
    would have its earlier one refused as older."""
    ordered = sorted(manifests, key=lambda m: (m.exported_at, m.sequence))
    places: dict[str, list[int]] = {}
    for i, m in enumerate(ordered):
        places.setdefault(m.office_id, []).append(i)
    for office_places in places.values():
        for i, m in zip(office_places, sorted((ordered[i] for i in office_places), key=lambda m: m.sequence)):
            ordered[i] = m
    return ordered


def _once_each(manifests: list[ExportManifest]) -> tuple[list[ExportManifest], list[tuple[Path, ExportManifest]]]:
    """The manifests with each export once (the first file named for it), and the other files for each.

    One export is one export id with one signature (over its manifest, which holds the checksum of its
    content): a copy carries all three. Files that give one export id different signatures are not copies
    (``check_district_files`` has refused them already).
    """
    first: dict[tuple[str, str], ExportManifest] = {}
    again: list[tuple[Path, ExportManifest]] = []
    for m in manifests:
        key = (m.export_id, m.signature)
        if key in first:
            again.append((Path(m.path), first[key]))
        else:
            first[key] = m
    return list(first.values()), again


@contextlib.contextmanager
def _bigger_cache(store: Store):
    """Settings for merging, put back afterwards: a page cache of 64 MB, as the police.uk import has for its one
    transaction (SQLite's default 2 MB spills and re-reads the pages of the indexes that merged rows and figures
    land all over), the working tables in memory (as the import has them), and the write-ahead log copied into
    the file every 64 MB and once at the end rather than every 4 MB (each copy rewrote the same index pages,
    touched again by the next export). Durability is as the file has it: each export's transaction is committed
    (and synced) as before."""
    conn = store.conn
    cache, checkpoint = store.scalar("PRAGMA cache_size"), store.scalar("PRAGMA wal_autocheckpoint")
    temp = store.scalar("PRAGMA temp_store")
    # Changing temp_store drops the connection's temporary tables (only the merge and the police.uk figures make
    # any, afresh each time) and is refused inside a transaction: then the working tables stay where they are.
    switch = temp != 2 and not conn.in_transaction
    conn.execute("PRAGMA cache_size = -65536")
    conn.execute(f"PRAGMA wal_autocheckpoint = {MERGE_CHECKPOINT_PAGES}")
    if switch:
        conn.execute("PRAGMA temp_store = MEMORY")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(cache)}")
        conn.execute(f"PRAGMA wal_autocheckpoint = {int(checkpoint)}")
        if switch and not conn.in_transaction:
            conn.execute(f"PRAGMA temp_store = {int(temp)}")
        if not conn.in_transaction:
            # Housekeeping only: what was merged is committed in the journal, part of the file, and is copied in as
            # the file closes (a disk with no room for that is said then). Refused here by a nearly full disk, it
            # said a merge that had gone in had failed, and hid the error of one that had.
            with contextlib.suppress(sqlite3.Error):
                conn.execute("PRAGMA wal_checkpoint(PASSIVE)")


MERGE_CHECKPOINT_PAGES = 16384  # the log may grow to about 64 MB (4 KB pages) before it is copied in mid-merge


def _merge_checked(store: Store, manifests: list[ExportManifest], report: MergeReport, progress: Progress,
                   cancelled: CancelCheck, accept_keys: Iterable[AcceptedKey], accept_restored: bool = False) -> None:
    total = sum(m.total_rows for m in manifests) or 1
    done = 0
    layouts = county_merge.MergeLayouts()  # the county's table layouts, read once for all the files
    for manifest in manifests:
        def file_progress(d: int, t: int, message: str = "", base: int = done, size: int = manifest.total_rows) -> None:
            progress(base + min(d, size), total, f"{manifest.path.name}: {message}")

        try:
            report.merged.append(county_merge.merge_export(store, manifest, progress=file_progress,
                                                           cancelled=cancelled, accept_keys=accept_keys,
                                                           refresh_figures=_refresh_police_figures,
                                                           counts_before=_police_counts_before,
                                                           layouts=layouts, replace_typed=_replace_typed_figures,
                                                           refund_credit=_refund_credit,
                                                           reviews_billed=_reviews_billed,
                                                           accept_restored=accept_restored,
                                                           forces_named=_forces_named,
                                                           example_rows=_example_rows()))
        except UnregisteredKey as exc:
            report.refused.append((manifest.path.name, str(exc)))
            report.key_offers.append(KeyOffer.from_refusal(exc))
        except ExportRefused as exc:
            report.refused.append((manifest.path.name, str(exc)))
        except ExchangeCancelled as exc:
            raise Cancelled(f"Cancelled while merging {manifest.path.name}; that file was not merged"
                            + (f" ({counted(len(report.merged), 'file')} before it "
                               f"{'was' if len(report.merged) == 1 else 'were'})." if report.merged else ".")) from exc
        done += manifest.total_rows


def officer_fingerprint() -> str:
    """This officer's signing-key fingerprint (the key is made now if this computer has none yet)."""
    try:
        return signing.officer_key().fingerprint
    except signing.KeyFileError as exc:
        raise CountyError(str(exc)) from exc


def officer_key_words() -> tuple[str, str]:
    """This officer's signing-key fingerprint, and what was found and done if other accounts could read the key ("" when
    it was private): the key is made now if this computer has none yet."""
    try:
        key = signing.officer_key()
    except signing.KeyFileError as exc:
        raise CountyError(str(exc)) from exc
    return key.fingerprint, key.privacy_note


def replace_withdrawn_key(withdrawn: str) -> tuple[str, str, Path]:
    """A new signing key for this officer in place of the one the county withdrew (named by its fingerprint): the
    old and new fingerprints, and the record that keeps the old key's public half."""
    try:
        key, record = signing.replace_withdrawn_key(withdrawn)
    except (signing.KeyFileError, signing.KeyNotReplaced) as exc:
        raise CountyError(str(exc)) from exc
    return signing.normal_fingerprint(withdrawn), key.fingerprint, record


def officer_key_damaged() -> str:
    """What is wrong with this officer's key file, when it holds no key New Key… can set aside; "" otherwise."""
    return signing.damaged_key()


def replace_damaged_key() -> tuple[str, Path]:
    """A new signing key for this officer in place of a damaged key file (set aside, kept): the new fingerprint, and
    where the damaged file went."""
    try:
        key, aside = signing.replace_damaged_key()
    except (signing.KeyFileError, signing.KeyNotReplaced) as exc:
        raise CountyError(str(exc)) from exc
    return key.fingerprint, aside


def officer_key_path() -> Path:
    return signing.key_path()


def registered_keys(store: Store) -> list[RegisteredKey]:
    """The county's register: every key accepted for an office, withdrawn ones included."""
    return county_merge.registered_keys(store.conn)


def withdraw_key(store: Store, fingerprint: str, reason: str = "") -> list[RegisteredKey]:
    """Withdraw a registered key for every office it is registered for (audited); exports signed with it are
    refused from now on, whichever office they say they are from."""
    fp = signing.normal_fingerprint(fingerprint)
    if not fp:
        raise CountyError(f"“{fingerprint}” is not a key fingerprint (24 hexadecimal digits, e.g. "
                          "3F2A 9C1B 77D0 12AB 4C9E 0F31).")
    if store.read_only:
        raise CountyError(f"{store.path.name} is open read-only; keys cannot be withdrawn.")
    # A reason of spaces only is none (it was kept, and refusals then said "withdrawn … by root (   )").
    withdrawn = county_merge.withdraw_key(store, fp, " ".join((reason or "").split()))
    if not withdrawn:
        name = store.path.name
        before = [k for k in registered_keys(store) if k.fingerprint == fp]
        if before:  # withdrawn already: said as the window says it, with when, by whom and why
            raise CountyError(f"The key {fp} was already {'; '.join(county_merge.withdrawal_words(k) for k in before)}"
                              ". Nothing was changed.")
        raise CountyError(f"No key with fingerprint {fp} is registered in {name} (`safer-desk keys "
                          f"{shell_word(name)}` lists those that are). Nothing was changed.")
    return withdrawn


def _refresh_police_figures(store: Store, forces: list[str], changed=None) -> list:
    from safer_desk.services.police_import import refresh_police_figures

    return refresh_police_figures(store, forces, changed=changed)


def _replace_typed_figures(store: Store, keys: list[tuple[str, str, str]]) -> list:
    from safer_desk.services.police_import import replace_typed_figures

    return replace_typed_figures(store, keys)


def _refund_credit(store: Store, case_id: str, organisation_id: str) -> int:
    from safer_desk.services import dhr

    return dhr.refund_credit(store, case_id, organisation_id)


def _example_rows() -> county_merge.ExampleRows:
    """The example's rows as shipped (county_merge.ExampleRows): an office's untouched copy of one is no conflict."""
    from safer_desk.services.example_rows import example_hashes

    return example_hashes()


def _forces_named(store: Store, area_id: str) -> set[tuple[str, str]]:
    """The forces a district's own however few of their crimes it holds (county_merge.ForcesNamed)."""
    from safer_desk.services.indicators import forces_named_for_areas

    return forces_named_for_areas(store, area_id)


def _reviews_billed(store: Store) -> dict[str, tuple[int, int]]:
    """Every review's cost and what its partners are billed for it (the cost less what is not yet billed), as the
    Costs tab works them out (county_merge.ReviewsBilled)."""
    from datetime import date

    from safer_desk.services import dhr

    return {c.id: (c.billing.cost_pence, c.billing.cost_pence - c.billing.unbilled_pence)
            for c in dhr.list_cases(store, today=date.today())}


def _refuse_a_refund_beyond_credit(store: Store, c: Conflict) -> None:
    """Keeping an office's refund the county's ledger holds no overpaid credit for (raised as the merge found it):
    refused, saying why, as the Costs tab refuses to record it; the ledger may hold the credit since."""
    incoming = c.incoming_row or {}
    if c.table != "dhr_refunds" or c.kind != "refund-cannot-take" or not incoming:
        return
    from safer_desk.exchange.county_conflicts import Describer

    # A refund the county holds already (the office sent it larger) gives back its own amount to the credit it uses.
    held = store.scalar("SELECT amount_pence FROM dhr_refunds WHERE id = ? AND case_id = ? AND organisation_id = ?",
                        (incoming["id"], incoming["case_id"], incoming["organisation_id"])) or 0
    why = county_merge.refund_beyond_credit(Describer(store.conn), incoming, _refund_credit(
        store, incoming["case_id"], incoming["organisation_id"]) + int(held))
    if why is not None:
        raise DecisionRefused(f"#{c.id} {c.subject}: {c.office_name}'s refund cannot be kept: {why}. Keep the "
                              f"county's version, or ask {c.office_name} to correct its record and send its file "
                              "again.")


def _police_counts_before(store: Store, force_months: list[tuple[str, str]]):
    """What these force-months' counts hold before the merge replaces them (scopes the refresh after)."""
    from safer_desk.services.police_import import counts_change

    return counts_change(store, force_months)


def list_conflicts(store: Store, *, offices: Iterable[str] | None = None) -> list[Conflict]:
    """The open conflicts (they stay until decided, or until the office's file no longer disagrees), grouped
    order: by group, then office, then what they are about."""
    if not store.scalar(f"SELECT 1 FROM sqlite_master WHERE name = '{CONFLICTS_TABLE}'"):
        return []
    wanted = None if offices is None else set(offices)
    found = [Conflict.from_row(r) for r in store.rows(f"SELECT * FROM {CONFLICTS_TABLE} ORDER BY id")]
    found = [c for c in found if wanted is None or c.office_id in wanted or c.office_name in wanted]
    return sorted(found, key=conflict_order)


def populations_disagreeing_words(store: Store, held: Sequence, names: dict[str, str], *, file: str = "") -> list[str]:
    """In a county file, for each population listed (``held``: services.indicators.Population, ``names``: their areas'
    names) that another office sends otherwise (an open conflict): which one is listed and whose, the other, and how
    to decide (two offices' 131,000 and 133,000 for Exeter's 2019/20 were listed as one, without a word). ``file``:
    the command line's file, to name the command that decides it."""
    by_key = {(p.area_id, p.year): p for p in held}
    said = []
    for c in list_conflicts(store):
        row = c.incoming_row or {}
        listed = by_key.get((row.get("area_id"), row.get("year"))) if c.table == "indicator_populations" else None
        if listed is None or not isinstance(row.get("population"), int):
            continue
        whose = ", ".join(x for x in (listed.source, f"from {c.other}" if c.other else "") if x)
        theirs = f" ({row['source']})" if row.get("source") else ""
        how = f", or with `safer-desk conflicts {file} --keep county|district --conflict {c.id}`" if file else ""
        said.append(f"{names.get(listed.area_id, listed.area_id)}, {listed.year}: {listed.population:,}"
                    f"{f' ({whose})' if whose else ''} is listed, the county's until conflict #{c.id} is decided; "
                    f"{c.office_name} sends {row['population']:,}{theirs}. Decide it in File > Conflicts…{how}.")
    return said


def conflict_order(c: Conflict) -> tuple:
    """The one order conflicts are listed in, wherever they are (the merge's summary, `safer-desk conflicts`, the
    Conflicts window): by group, then office, then what they are about, then number."""
    groups = list(GROUPS)
    return (groups.index(c.group) if c.group in GROUPS else len(groups), c.office_name.casefold(),
            c.subject.casefold(), c.id)


def conflict_groups(conflicts: Iterable[Conflict]) -> list[tuple[str, str, list[Conflict]]]:
    """(group id, heading in words, its conflicts) in the order of county_conflicts.GROUPS, each group's in the one
    order conflicts are listed in (``conflict_order``)."""
    by_group: dict[str, list[Conflict]] = {}
    for c in sorted(conflicts, key=conflict_order):
        by_group.setdefault(c.group if c.group in GROUPS else "other", []).append(c)
    return [(g, GROUPS[g], by_group[g]) for g in GROUPS if g in by_group]


# An office's invoices, payments and withdrawn invoices of a review, whose billing waits with a conflict about one of
# the review's cost lines (county_merge.BILLING_HELD): the same question as that conflict
BILLING_TABLES = {"dhr_shares": "SELECT case_id FROM dhr_shares WHERE id = ?",
                  "dhr_withdrawn_invoices": "SELECT case_id FROM dhr_withdrawn_invoices WHERE id = ?",
                  "dhr_payments": "SELECT s.case_id FROM dhr_payments p JOIN dhr_shares s ON s.id = p.share_id "
                                  "WHERE p.id = ?"}


def _billing_held_case(c: Conflict) -> str:
    """The review whose billing by the conflict's office waits with it ("" when none does)."""
    held = (c.incoming_row or {}).get(county_merge.BILLING_HELD) if c.table == "dhr_cost_lines" else None
    return str(held.get("case") or "") if isinstance(held, dict) else ""


def _review_of(c: Conflict, conn: sqlite3.Connection | None) -> str:
    """The review a conflict about an invoice, payment or withdrawn invoice is about, as the county holds it."""
    if c.table not in BILLING_TABLES or c.kind not in county_merge.ROW_CONFLICT_KINDS:
        return ""
    if conn is not None and c.county_key:
        found = conn.execute(BILLING_TABLES[c.table], (c.county_key,)).fetchone()
        if found is not None:
            return str(found[0])
    return str((c.incoming_row or {}).get("case_id") or "")


def said_once(conflicts: Iterable[Conflict], conn: sqlite3.Connection | None = None) -> list[Conflict]:
    """The conflicts said once per cause: several offices begun from the example, one of which corrected a review's
    cost line and billed its partners again, each raised the cost line and every partner's share (five offices: 28
    conflicts, 24 of them the billing question again). A conflict several offices raised alike (the same row, the
    county's version and the office's the same) is said once, naming each office and number; an office's invoices of
    a review whose billing waits with its conflict about the review's cost line are said with that conflict. Each
    said once is the first in the one order (conflict_order) and carries the others' numbers (``said_with``): its
    decision decides them with it (conflicts_to_decide); none is dropped, and each stays decidable by its number."""
    ordered = sorted(conflicts, key=conflict_order)
    waits_with = {(c.office_id, case): c for c in ordered if (case := _billing_held_case(c))}
    heads: dict[tuple, Conflict] = {}
    said: dict[int, tuple[list[Conflict], list[Conflict]]] = {}  # head's id -> (alike, billing)
    billing: list[tuple[Conflict, Conflict]] = []
    out: list[Conflict] = []
    for c in ordered:
        cost_line = waits_with.get((c.office_id, _review_of(c, conn)))
        if cost_line is not None:
            billing.append((c, cost_line))
            continue
        cause = (c.table, c.kind, c.subject_key, c.county_version, c.incoming_version)
        if c.subject_key and c.county_version and c.incoming_version and cause in heads:
            said[heads[cause].id][0].append(c)
            continue
        heads.setdefault(cause, c)
        said[c.id] = ([], [])
        out.append(c)
    head_of = {c.id: c.id for c in out} | {o.id: h for h, (alike, _) in said.items() for o in alike}
    for c, cost_line in billing:
        said[head_of[cost_line.id]][1].append(c)
    return [_said_with(c, *said[c.id]) for c in out]


def _said_with(head: Conflict, alike: list[Conflict], billing: list[Conflict]) -> Conflict:
    if not alike and not billing:
        return head
    words = head.detail
    if alike:
        words += f". The same from {in_words([f'{o.office_name} (#{o.id})' for o in alike])}"
    if billing:
        ids = sorted(o.id for o in billing)
        offices = sorted({o.office_name for o in billing}, key=str.casefold)
        whose = offices[0] if len(offices) == 1 else "these offices"
        words += (f". Decided with it: {counted(len(billing), 'conflict')} about the review's invoices as {whose} "
                  f"{'holds' if len(offices) == 1 else 'hold'} them, waiting with its cost line "
                  f"({ranges_text(ids, lambda a, b: b == a + 1, lambda n: f'#{n}').replace(' to ', '–')})")
    return replace(head, detail=words, said_with=tuple(o.id for o in (*alike, *billing)))


def conflicts_text(conflicts: Iterable[Conflict], conn: sqlite3.Connection | None = None) -> list[str]:
    """The conflicts in plain words, grouped by kind, each cause once (said_once) with the number that decides it."""
    conflicts = list(conflicts)
    causes = said_once(conflicts, conn)
    alike = "" if len(causes) == len(conflicts) else \
        (f", said as {len(causes):,} (those several offices raised alike, or that wait with another, are said once "
         "with their numbers)")
    lines = [f"{counted(len(conflicts), 'conflict')}{alike}: the county's version is kept until you decide. Keep one "
             "side or the other per conflict or per group (File > Conflicts…, or safer-desk conflicts COUNTY_FILE "
             "--keep county|district --conflict NUMBER|GROUP)."]
    by_id = {c.id: c for c in conflicts}
    for group, words, members in conflict_groups(causes):
        lines.append(f"{words} ({len(members)}) [group {group}]:")
        for c in members:
            lines.append(f"  #{c.id} {c.detail}")
            # Each said with it is decided with it, or alone by its number: which number is which (a partner's share
            # from one office, say) is listed under it, so that a number typed at --conflict is the one meant.
            lines += [f"      #{o.id} {o.office_name}: {o.subject or o.detail}"
                      for o in sorted((by_id[i] for i in c.said_with if i in by_id), key=lambda o: o.id)]
    return lines


def _matches(c: Conflict, which: str | int | None) -> bool:
    if which is None:
        return True
    text = _selector_text(which)
    if _is_number(text):
        return c.id == int(text)
    return text in (c.group, c.kind)


def _selector_text(which: str | int) -> str:
    """A --conflict as typed, "#3" as "3"."""
    return str(which).strip().lstrip("#")


def _is_number(text: str) -> bool:
    """A conflict's number as listed: ASCII digits ("²" is a digit to str.isdigit, not to int)."""
    return text.isascii() and text.isdigit()


def check_conflict_selector(which: str | int | None) -> None:
    """Refuse a --conflict that is neither a number nor a group or kind of conflict (a typing mistake), or a number
    no conflict can have (they are numbered from 1, as listed)."""
    if which is None:
        return
    text = _selector_text(which)
    if text.lstrip("+-").isdigit() and not (_is_number(text) and int(text) > 0):  # 0, -1, +1, "²"
        raise CountyError(f"“{which}” is not a conflict: conflicts are numbered from 1, as listed (#1, #2 …).")
    if _is_number(text) or text in GROUPS or text in KIND_WORDS:
        return
    from safer_desk.domain.text import meant_words

    meant = meant_words(text, [*GROUPS, *KIND_WORDS])
    raise CountyError(f"“{which}” is not a conflict{meant}: give its number (as listed), a group ({', '.join(GROUPS)}) "
                      f"or a kind of conflict ({', '.join(KIND_WORDS)}).")


def resolve_conflicts(store: Store, choice: str, *, which: str | int | None = None,
                      offices: Iterable[str] | None = None) -> list[Conflict]:
    """Keep the county's or the district's version of the open conflicts that match (a number, a group or kind,
    or all of them; of these offices only when given), as ONE action in the audit trail; returns those decided.

    Raises CountyError for a bad choice, a read-only file, nothing matching, or a district version that cannot
    go in yet (nothing is changed then).
    """
    if not store.read_only:
        # A decision that would be refused (a bad choice, nothing matching) is refused before anything is written:
        # telling stale conflicts again is part of deciding, not of a refusal.
        conflicts_to_decide(store, choice, which=which, offices=offices)
        refresh_stale_conflicts(store)  # decided on the county's version as it is now
    chosen = conflicts_to_decide(store, choice, which=which, offices=offices)
    from safer_desk.exchange.county_schema import dependency_order
    from safer_desk.services.police_import import replace_typed_figures

    order = {t: i for i, t in enumerate(dependency_order(store.conn, {c.table for c in chosen}))}
    said_with = {i for c in said_once(list_conflicts(store), store.conn) for i in c.said_with}
    # Each said once first: keeping an office's cost line brings its billing, which the ones said with it are about
    chosen.sort(key=lambda c: (c.id in said_with, order.get(c.table, 0), c.id))
    label = decision_label(chosen, choice)
    try:
        with store.action(label), store.transaction():
            store.conn.execute("PRAGMA defer_foreign_keys = ON")
            for c in chosen:
                if c.id in said_with and c.county_key:  # told again against what the decisions before it kept
                    county_merge.refresh_conflicts_about(store.conn, c.table, [c.county_key])
                    found = store.one(f"SELECT * FROM {CONFLICTS_TABLE} WHERE id = ?", (c.id,))
                    c = Conflict.from_row(found) if found is not None else c
                if store.scalar(f"SELECT 1 FROM {CONFLICTS_TABLE} WHERE id = ?", (c.id,)) is None:
                    continue  # closed by a decision before it in this action: the county holds its version now
                if choice == "district":
                    _refuse_a_refund_beyond_credit(store, c)
                county_merge.apply_decision(store, c, choice, replace_typed=replace_typed_figures)
    except DecisionRefused as exc:
        raise CountyError(f"{exc} Nothing was changed.") from exc
    except sqlite3.IntegrityError as exc:
        raise CountyError(f"The office's version does not fit the county file: {county_merge.does_not_fit_words(exc)}. "
                          "Nothing was changed.") from exc
    return chosen


def refresh_stale_conflicts(store: Store) -> list[str]:
    """Open conflicts about a row changed since they were found (edited in the county file itself) told again
    against the row as it is now, so that a decision is taken on what the county holds; one whose office's
    version the county now holds closes. One transaction; nothing happens on a read-only file. Returns what closed,
    in words."""
    if store.read_only or not store.scalar(f"SELECT 1 FROM sqlite_master WHERE name = '{CONFLICTS_TABLE}'"):
        return []
    about: dict[str, list[str]] = {}
    for c in list_conflicts(store):
        if c.kind in county_merge.ROW_CONFLICT_KINDS and c.county_key:
            about.setdefault(c.table, []).append(c.county_key)
    if not about:
        return []
    closed: list[str] = []
    with store.transaction():  # each conflict is told again only where its row is no longer as it says
        for table, keys in about.items():
            closed += county_merge.refresh_conflicts_about(store.conn, table, keys)
    return closed


def _none_matches(store: Store, which: str | int | None, offices: Iterable[str] | None) -> str:
    """The refusal of a --conflict no open conflict matches: with the numbers still open, or that none is once every
    one found was decided (a number decided is no longer listed: it read as if mistyped)."""
    said = "No open conflict matches " + (f"{which!r}." if which is not None else "(there are none).")
    if which is None:
        return said
    still = sorted(c.id for c in list_conflicts(store, offices=offices))
    where = "View > History of Changes names each decision"
    if still:
        return (f"{said} Open: {ranges_text(still, lambda a, b: b == a + 1, str)}; a conflict decided is no longer "
                f"listed ({where}).")
    return f"{said} There is none open: every conflict found so far was decided ({where})." if any_decided(store) \
        else said


def any_decided(store: Store) -> bool:
    """Whether the county lead has decided a conflict in this file (a version set aside; not an office's untouched
    example row the merge set aside against another office's change of it, county_merge.EXAMPLE_UNTOUCHED)."""
    return bool(store.scalar(f"SELECT 1 FROM sqlite_master WHERE name = '{DECISIONS_TABLE}'")
                and store.scalar(f"SELECT 1 FROM {DECISIONS_TABLE} WHERE decided_by IS NOT ? LIMIT 1",
                                 (county_merge.EXAMPLE_UNTOUCHED,)))


def conflicts_to_decide(store: Store, choice: str, *, which: str | int | None = None,
                        offices: Iterable[str] | None = None) -> list[Conflict]:
    """The open conflicts a decision would decide, changing nothing: raises CountyError as resolve_conflicts would
    for a bad choice, a read-only file, nothing matching, or two offices' versions of one thing kept at once (so
    the window can say so before asking to confirm a whole group)."""
    if choice not in ("county", "district"):
        raise CountyError(f"Keep “county” or “district”, not “{choice}”.")
    check_conflict_selector(which)
    if store.read_only:
        raise CountyError(f"{store.path.name} is open read-only; conflicts cannot be decided.")
    every = list_conflicts(store, offices=offices)
    chosen = [c for c in every if _matches(c, which)]
    if not chosen:
        raise CountyError(_none_matches(store, which, offices))
    # A conflict said once for several (said_once) decides them with it; each of those stays decidable by its number
    ids = {c.id for c in chosen}
    with_it = {i for c in said_once(every, store.conn) if c.id in ids for i in c.said_with} - ids
    chosen += [c for c in every if c.id in with_it]
    if choice == "district":
        _refuse_a_project_apart_from_its_lists(chosen)
        _refuse_two_versions_of_one_thing(chosen)
    return chosen


def _refuse_a_project_apart_from_its_lists(chosen: list[Conflict]) -> None:
    """A conflict the version before a project was compared with its lists raised (round 27): about one of its lists
    ("Status change 0 of project …"), or about the project with none of the office's lists kept with it. Keeping
    the office's version of it alone would leave the project's status and its history (or its cost and its cost
    lines) disagreeing: refused, with the way to have it raised again as one conflict."""
    for c in chosen:
        if (c.table in PROJECT_LISTS and c.kind != "missing-parent") or (
                c.table == "projects" and c.incoming_row is not None and PARTS not in c.incoming_row):
            raise CountyError(
                f"#{c.id} {c.detail}: this conflict was raised by an earlier version of Safer Desk, which compared a "
                "project apart from its status history, officers, match funding and cost lines, so keeping "
                f"{c.office_name}'s version of it alone would leave them disagreeing. Merge {c.office_name}'s file "
                "again (File > Import District Files…, or safer-desk merge; the same file will do): the project and "
                "its lists are then one conflict to decide. Nothing was changed.")


def decision_label(chosen: list[Conflict], choice: str) -> str:
    """The decision in words, as the audit trail and Edit > Undo name it."""
    if len(chosen) == 1:
        side = "the county's version" if choice == "county" else f"{chosen[0].office_name}'s version"
        return f"Keep {side}: {chosen[0].detail}"
    groups = {c.group_words.lower() for c in chosen}
    return (f"Keep the {'county' if choice == 'county' else 'district'} version of {counted(len(chosen), 'conflict')} "
            f"({'; '.join(sorted(groups))})")


@dataclass(frozen=True)
class DecisionPlan:
    """What a decision will decide, its words, and which rows it may change (for its undo)."""

    choice: str
    which: str | int | None
    conflicts: tuple[Conflict, ...]
    label: str
    rows: tuple[tuple[str, str, tuple], ...]  # (table, WHERE, parameters)


def plan_decision(store: Store, choice: str, *, which: str | int | None = None) -> DecisionPlan:
    """The decision resolve_conflicts would take (stale conflicts told again first), refused as it would refuse
    it, with the rows it may change: the open conflicts, the decisions, and each conflict's county rows and
    their origins (for an indicator figure, its indicator's figures of that month in every area, as replacing a
    typed figure with police.uk counts works the partnerships' and the county's out again)."""
    from safer_desk.exchange.county_schema import quote, table_info
    from safer_desk.storage.schema.exchange import HOLDERS_TABLE, ORIGINS_TABLE

    if not store.read_only:
        refresh_stale_conflicts(store)
    chosen = conflicts_to_decide(store, choice, which=which)
    rows: list[tuple[str, str, tuple]] = [(CONFLICTS_TABLE, "1", ()), (DECISIONS_TABLE, "1", ())]
    for c in chosen:
        info = table_info(store.conn, c.table)
        incoming = c.incoming_row or {}
        if c.table == "indicator_values" and incoming.get("indicator_id") and incoming.get("period"):
            rows.append((c.table, "indicator_id = ? AND period = ?", (incoming["indicator_id"], incoming["period"])))
            rows.append((ORIGINS_TABLE, "table_name = ? AND row_key LIKE ?",
                         (c.table, f"pv:{incoming['indicator_id']}:%:{incoming['period']}")))
        held = incoming.get(county_merge.BILLING_HELD) or {}
        if c.table == "dhr_cost_lines" and (held or county_merge.VERSIONS_HELD in incoming):
            # Keeping the office's cost line puts in its billing and earlier versions held with it (children after
            # their invoices: putting the invoices back takes the office's payments with them)
            case = held.get("case") or incoming.get("case_id")
            for table, where in (("dhr_shares", "case_id = ?"),
                                 ("dhr_payments", "share_id IN (SELECT id FROM dhr_shares WHERE case_id = ?)"),
                                 ("dhr_withdrawn_invoices", "case_id = ?"), ("dhr_cost_line_versions", "case_id = ?")):
                rows += [(table, where, (case,)), (ORIGINS_TABLE, "table_name = ?", (table,))]
        if c.table in WHOLES:  # keeping the office's version puts in the thing's parts (replacing the county's)
            for part in WHOLES[c.table].parts:  # (every row of them: the parts come and go under new ids)
                rows += [(part, "1", ()), (ORIGINS_TABLE, "table_name = ?", (part,)),
                         (HOLDERS_TABLE, "table_name = ?", (part,))]
        keys = {k for k in (c.county_key, c.row_key) if k}
        for key in sorted(keys):
            values = [key] if len(info.primary_key) == 1 else json.loads(key)
            rows.append((c.table, " AND ".join(f"{quote(col)} = ?" for col in info.primary_key), tuple(values)))
            rows.append((ORIGINS_TABLE, "table_name = ? AND row_key = ?", (c.table, key)))
            rows.append((HOLDERS_TABLE, "table_name = ? AND row_key = ?", (c.table, key)))
    return DecisionPlan(choice, which, tuple(chosen), decision_label(chosen, choice), tuple(dict.fromkeys(rows)))


def decision_rows(store: Store, plan: DecisionPlan) -> list:
    """The rows a decision may change, as they are now (storage.snapshots parts)."""
    from safer_desk.storage.snapshots import take

    return [take(store.conn, table, where, params) for table, where, params in plan.rows]


def put_back_decision_rows(store: Store, parts: list) -> None:
    """Make the rows a decision may change exactly as they were taken (undo and redo of a decision): one
    transaction."""
    from safer_desk.storage.snapshots import put_back

    with store.transaction():
        store.conn.execute("PRAGMA defer_foreign_keys = ON")
        put_back(store.conn, parts)


def _refuse_two_versions_of_one_thing(chosen: list[Conflict]) -> None:
    """Keeping "the district's version" of two offices' different versions of one thing at once would keep the
    last one and record both as kept: refused, naming the conflicts to decide one by one."""
    by_row: dict[tuple[str, str], list[Conflict]] = {}
    for c in chosen:
        if c.county_key:
            by_row.setdefault((c.table, c.county_key), []).append(c)
    for same in by_row.values():
        if len({c.incoming_version for c in same}) > 1:
            offices = sorted({c.office_name for c in same}, key=str.casefold)
            names = ", ".join(offices[:-1]) + f" and {offices[-1]}" if len(offices) > 1 else offices[0]
            numbers = " or ".join(f"#{c.id}" for c in sorted(same, key=lambda c: c.id))
            raise CountyError(f"{same[0].subject or same[0].detail}: {names} sent different versions, and only one "
                              f"can be kept. Keep one of them by its number ({numbers}); the other is then "
                              "listed against it. Nothing was changed.")


def names_office(words: str, office: str) -> bool:
    """Whether a conflict's words name this office ("£670 from Mid Suffolk office", "typed by …", "no longer in
    Babergh office's file"), and not only a longer name ending in it ("Suffolk office" in "Mid Suffolk office")."""
    return bool(office) and re.search(rf"(?:^|\b(?:from|by|in|and) |, ){re.escape(office)}(?!\w)", words) is not None


def conflicts_copy_question(conflicts: Iterable[Conflict]) -> str:
    """What a copy of ``conflicts`` asks first when any is about a referral or a spend line (a county file merged from
    exports that included the referrals): their words name the referral's reference and say its district, left out
    unless the answer is Include it, as the fund's Referrals table asks; "" when none is."""
    from safer_desk.storage.schema.costs import PRIVATE_TABLES

    private = sum(1 for c in conflicts if c.table in PRIVATE_TABLES)
    if not private:
        return ""
    said = ("A conflict copied is about a referral or a spend line" if private == 1 else
            f"{private:,} conflicts copied are about referrals or spend lines")
    return (f"{said}: its words give the referral's reference and district, which are victim-level. The copy leaves "
            "out the conflicts' words and gives their numbers, offices and kinds.\n\nInclude them only when it is "
            "pasted where the referrals themselves may be kept.")


class ConflictsPresenter:
    """What the Conflicts window shows and does, without Qt: groups, the selected conflict, the two choices."""

    def __init__(self, store: Store):
        self.store = store
        self.conflicts: list[Conflict] = []
        self.refresh()

    def refresh(self) -> None:
        refresh_stale_conflicts(self.store)
        self.found = list_conflicts(self.store)
        self.conflicts = said_once(self.found, self.store.conn)  # each cause once, its decision deciding the rest

    @property
    def read_only(self) -> bool:
        return self.store.read_only

    def groups(self) -> list[tuple[str, str, list[Conflict]]]:
        return conflict_groups(self.conflicts)

    def heading(self) -> str:
        if not self.conflicts:
            if not_county := not_a_county_file_words(self.store, window=True):
                return f"No conflicts: {not_county}"
            if nothing := nothing_merged_words(self.store):
                return f"No open conflicts: {nothing}."
            if any_decided(self.store):  # a version set aside: that office's file does not agree, as was chosen
                return ("No open conflicts: every conflict found so far was decided (View > History of Changes names "
                        "each decision).")
            return "No open conflicts: every district file merged agrees with the county file."
        alike = "" if len(self.found) == len(self.conflicts) else \
            (f" ({len(self.found):,} found: those several offices raised alike, or that wait with another, are said "
             "once with their numbers)")
        return (f"{counted(len(self.conflicts), 'open conflict')}{alike}. The county's version is kept until you "
                "decide; a decision is recorded in the audit trail and stands when the same file is merged again.")

    def selected_words(self, c: Conflict) -> str:
        """The selected conflict in full, under the list: "#5 (Projects): Project 'ELEV8': cost £30,000 from Babergh
        office, £40,000 from Mid Suffolk office. Until you decide, …" (its office said again only where its words
        do not say it)."""
        about = c.group_words if names_office(c.detail, c.office_name) or not c.office_name else \
            f"{c.group_words}, from {c.office_name}"
        return f"#{c.id} ({about}): {c.detail}. Until you decide, the county's version is kept."

    def group_label(self, group: str) -> str:
        members = [c for c in self.conflicts if c.group == group]
        return f"{GROUPS.get(group, GROUPS['other'])} ({len(members)})"

    def check(self, choice: str, *, group: str) -> None:
        """Raise CountyError, changing nothing, when keeping this side of the whole group would be refused."""
        conflicts_to_decide(self.store, choice, which=group)

    def keep(self, choice: str, *, conflict: Conflict | None = None, group: str | None = None) -> list[Conflict]:
        """Decide one conflict or a whole group; the list is read again afterwards."""
        which: str | int | None = conflict.id if conflict is not None else group
        try:
            return resolve_conflicts(self.store, choice, which=which)
        finally:
            self.refresh()

    def plan(self, choice: str, *, conflict: Conflict | None = None, group: str | None = None) -> DecisionPlan:
        """What keeping this side would decide, and the rows it may change (raises CountyError as keep would)."""
        return plan_decision(self.store, choice, which=conflict.id if conflict is not None else group)

    def rows(self, plan: DecisionPlan) -> list:
        return decision_rows(self.store, plan)

    def put_back(self, parts: list) -> None:
        put_back_decision_rows(self.store, parts)


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
