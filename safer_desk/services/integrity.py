"""`safer-desk check FILE [--repair]`: is this file sound, is its audit trail whole, is this export genuine?

For any SQLite file: SQLite's own integrity check. For a Safer Desk file (an office's or the county's):
the audit triggers (each user table's three, exactly as Safer Desk makes them, and nothing else), the
hash chain of the audit trail, and the heads recorded at each export (``_export_anchors``: a trail cut
short or rewritten before an export no longer passes through them). For an export: every check the
county makes before merging (the file opened as hostile, signature, manifest, schema, rows, audit
chain) except the county's own key register, which only the county file holds.

``repair`` (office and county files only) backs the file up, makes the triggers again, re-seals a broken
chain and records the gap in the trail, and puts a county's register of keys back as a whole trail records it;
a recorded head that no longer matches stays reported, because that is evidence, not damage.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from safer_desk.domain.clock import uk_time
from safer_desk.domain.money import format_money
from safer_desk.domain.periods import format_uk_date
from safer_desk.domain.text import counted
from safer_desk.exchange import county_merge
from safer_desk.storage import audit, audit_chain
from safer_desk.storage.kinds import journal_or_packed
from safer_desk.storage.locking import remove_lock_left
from safer_desk.storage.store import (APP_ID, BUSY_WAIT_SECONDS, SQLITE_HEADER, FileTooNew, StoreError,
                                      another_files_journal, audit_trigger_problems, cut_short, folder_given,
                                      header_overwritten, header_overwritten_words, in_use_elsewhere, inspect_file,
                                      interrupted_write, name_too_long, not_sqlite_words, read_as_it_lies,
                                      read_only_look, read_only_uri, remove_index_made, remove_side_files_left,
                                      remove_unmarked_journal, repair_audit_trail, wal_holds_unwritten,
                                      wal_makes_it_another_file, wal_saves, where_to_get_whole, where_to_restore,
                                      whole_without_its_wal, words_for_limit)
from safer_desk.storage.schema.costs import versions_gap_repaired, versions_unrecorded
from safer_desk.storage.schema.exchange import MANIFEST_TABLE


@dataclass(frozen=True)
class Finding:
    ok: bool
    text: str


@dataclass
class CheckReport:
    """What `check` found, in plain words, line by line."""

    path: Path
    kind: str = "file"  # "export", "office file", "not SQLite" …
    findings: list[Finding] = field(default_factory=list)
    repaired: list[str] = field(default_factory=list)
    refused: str = ""  # what was asked and not done (--repair of an export): not a finding about the file
    repair_asked: bool = False  # a sound file then says nothing needed repairing (not only "All checks passed")

    @property
    def ok(self) -> bool:
        return all(f.ok for f in self.findings)

    def good(self, text: str) -> None:
        self.findings.append(Finding(True, text))

    def bad(self, text: str) -> None:
        self.findings.append(Finding(False, text))

    def lines(self) -> list[str]:
        return [line for line, _ in self.lines_said()]

    def lines_said(self) -> list[tuple[str, bool]]:
        """The report's lines, each with whether it says something is wrong (False: the command line's stderr)."""
        out = [(f"{self.path.name or self.path}: {self.kind}", True)]  # "." has no name
        out += [(f"  {'ok' if f.ok else 'PROBLEM'}: {f.text}", f.ok) for f in self.findings]
        out += [(f"  repaired: {r}", True) for r in self.repaired]
        if not self.ok:
            out.append(("Something is wrong: see PROBLEM above.", False))
        elif not self.refused:
            nothing = self.repair_asked and not self.repaired
            out.append((f"All checks passed{': nothing needed repairing' if nothing else ''}.", True))
        if self.refused:  # said last, once the checks have said whether the file is sound
            out.append((f"{'All checks passed, but n' if self.ok else 'N'}othing was repaired: {self.refused}", False))
        return out


def check_file(path: Path | str, *, repair: bool = False, export: Path | str | None = None) -> CheckReport:
    """Check a file (and with repair, mend its audit trail first). Otherwise it changes the file only to finish a
    write left interrupted beside it (SQLite plays its journal back, as any writer opening it would). The empty
    -wal and -shm its looks make beside a file in WAL mode are removed after them (``remove_side_files_left``), and
    so is the -shm they make to read a -wal that holds saves (``remove_index_made``).

    export (with repair): the export whose merge a county file's record of merges no longer holds, which rebuilds it
    (``county_merge.merge_record_rebuild``)."""
    path = Path(path)
    index_there = Path(f"{path}-shm").exists()  # (read-only by promise: an index its looks make goes after them)
    try:
        return _check_file(path, repair, Path(export) if export is not None else None)
    finally:
        remove_side_files_left(path)
        remove_index_made(path, index_there)


def _check_file(path: Path, repair: bool, export: Path | None = None) -> CheckReport:
    report = CheckReport(path, repair_asked=repair)
    try:
        if not path.is_file():
            report.kind = "a folder" if path.is_dir() else "missing"
            report.bad(folder_given(path, end="") if path.is_dir() else f"there is no file at {path}")
            return report
        with path.open("rb") as fh:
            head = fh.read(100)
        header = head[:len(SQLITE_HEADER)]
    except OSError as exc:  # a name too long for the disk, a file one may not read
        report.kind = "unreadable"
        report.bad(f"it cannot be read: {exc.strerror or exc}")
        return report
    if not header:  # as opening it says: never taken for another kind of file
        report.kind = "empty file (0 bytes)"
        report.bad(f"it is empty (0 bytes), so not a Safer Desk file: perhaps a copy or a download that never "
                   f"finished. {where_to_restore(path)}")
        return report
    if header_overwritten(head):
        report.kind = "damaged SQLite database"
        report.bad(header_overwritten_words(path))
        return report
    if header != SQLITE_HEADER:
        report.kind = "not an SQLite database"
        report.bad(journal_or_packed(path, head, to="check")
                   or f"{not_sqlite_words(path, head)}, so not a Safer Desk file")
        return report
    journal = Path(f"{path}-journal")
    too_long = name_too_long(path)  # renamed by hand: read as ever, but no change to it could be saved
    if too_long:
        report.bad(f"{too_long} Rename it ({words_for_limit(path)}): until then no change to it can be saved")
    interrupted = not too_long and journal.exists()  # (no journal can lie beside it)
    as_it_lies = read_as_it_lies(path)  # an export, another program's file: its journals are not read with it
    if not as_it_lies and (foreign := another_files_journal(path, head, to="check")):
        # A -wal: read with it, the file reads as that other file ("not a Safer Desk file", its saves "made by a Safer
        # Desk"). A -journal: SQLite plays it back over the file as the look below connects (storage.store).
        report.kind = "file with another file's journal beside it"
        report.bad(foreign)
        return report
    wal_note = "" if as_it_lies or too_long else _wal_note(path)
    try:
        # A write left interrupted beside the file (its hot journal) is first played back, as any opener does.
        conn = read_only_look(path)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            integrity = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            unreadable = _unreadable_text(conn) if integrity == ["ok"] else []
            is_export = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                                     (MANIFEST_TABLE,)).fetchone() is not None
            ours = _app_of(conn) == APP_ID
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if interrupted_write(exc):
            report.kind = "file with an interrupted write"
            report.bad("a change to it was interrupted (its journal is beside it) and cannot be undone from here: "
                       "the file is put back as it was before that change when it is next opened for writing (by "
                       "someone who may write to it), and can be checked then")
            return report
        if in_use_elsewhere(exc):  # another program's lock held past the wait: the file is fine, only busy
            report.kind = "file in use by another program"
            report.bad(f"another program kept it locked for more than {BUSY_WAIT_SECONDS:g} seconds, so it could not "
                       "be checked; close it in that program (or wait until it has finished with it), then check "
                       "it again")
            return report
        report.kind = "damaged SQLite database"
        short = cut_short(path)
        report.bad(f"{short[0].upper()}{short[1:]}. {where_to_get_whole(path)}" if short else
                   f"SQLite cannot read it ({exc}). {where_to_restore(path)}")
        return report
    remove_unmarked_journal(path)  # a killed run's journal SQLite never reads: said below as the change undone
    if left_by := remove_lock_left(path):  # a killed run's lock: no one holds it, so it goes (as a writer's would)
        report.good(f"it was left open by {left_by}, which ended without closing it (the program was stopped, or the "
                    "computer switched off): the lock it left is removed. Every change saved before then is in it")
    if interrupted and not journal.exists():
        report.good("a change to it had been interrupted (its journal was beside it): it was undone, the file is as "
                    "it was before that change")
    if wal_note and not ours and (foreign := wal_makes_it_another_file(path, to="check")):
        # Safer Desk never saves what makes its file another program's: the -wal is another file's
        report.kind = "file with another file's journal beside it"
        report.bad(foreign)
        return report
    if wal_note and (integrity == ["ok"] or not whole_without_its_wal(path)):  # (else the -wal is the damage, said)
        report.good(wal_note)
    if as_it_lies:
        for side in ("-wal", "-journal"):
            if note := _journal_not_read_note(path, side, is_export):
                report.good(note)
    if integrity != ["ok"]:
        report.bad(f"SQLite's integrity check found damage: {'; '.join(integrity[:3])}. {where_to_restore(path)}")
    else:
        report.good("SQLite's integrity check found no damage")
        for table in unreadable:  # what the integrity check does not look at, and export meets
            report.bad(f"a text in the table {table} cannot be read (it is not valid text: a damaged value), so the "
                       f"file cannot be exported for the county. {where_to_restore(path)}")
    if is_export:
        report.kind = "export for the county"
        if repair:
            # Refused as asked, not as damage (a good export called unsound sent the county to ask the office for
            # another): the checks say whether it is sound, the last line that nothing was repaired.
            report.refused = "--repair is for office and county files only; an export is never changed."
        _check_export(path, report)
    else:
        try:
            _check_safer_desk_file(path, report, repair, export)
        except sqlite3.DatabaseError:
            # A damaged page met while reading the trail (a text SQLite cannot decode, a malformed page): what it
            # held is not quoted, it is damage.
            report.bad(f"it is damaged: part of it cannot be read. {where_to_restore(path)}")
    return report


def _unreadable_text(conn: sqlite3.Connection) -> list[str]:
    """The tables holding a text that is not valid UTF-8 (a damaged value inside a whole page): SQLite's integrity
    check does not read text, and `export` (and every command reading the row) then fails on it, naming nothing.
    Every row of every table is read, as an export reads them, on the check's own connection."""
    tables = []
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                                "ORDER BY name").fetchall():
        quoted = '"' + name.replace('"', '""') + '"'
        try:
            for _ in conn.execute(f"SELECT * FROM {quoted}"):
                pass
        except sqlite3.OperationalError as exc:
            if "decode" not in str(exc).casefold():
                raise
            tables.append(name)
    return tables


def _saves_in_wal(path: Path) -> int:
    """How many saves (committed transactions) the -wal beside path holds (``storage.store.wal_saves``). SQLite
    reads them as part of the file until they are written into it."""
    try:
        read = wal_saves(path)
    except OSError:
        return 0
    # Saves whose pages are all in the file already (a window killed after saving) are no saves left in the -wal.
    return len(read[1]) if read[1] and wal_holds_unwritten(path, read) else 0


def _app_of(conn: sqlite3.Connection) -> str | None:
    """The program a file says it is of (meta's app), None when it says none."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _wal_note(path: Path) -> str:
    """What `check` says of saves in the -wal beside path ("" when there are none): the journal of a window that
    has the file open, or of a Safer Desk that did not close (killed, a power cut), which SQLite reads as part of
    the file and writes into it when it is next opened for writing."""
    saves = _saves_in_wal(path)
    if not saves:
        return ""
    from safer_desk.storage.locking import OfficeLock

    wal, what, are = f"{path.name}-wal", counted(saves, "save"), "are" if saves > 1 else "is"
    try:
        held = OfficeLock.held_by(path)
    except OSError:
        held = None  # no lock can be taken in that folder (read-only): who wrote the journal cannot be told
    if held is not None:
        return (f"it is open for writing in {held.who}{held.holder}: {what} {are} in its journal beside it, {wal}, "
                f"part of the file until that {'command ends' if held.command else 'window closes it'} (read with it "
                "here)")
    return (f"{what} made by a Safer Desk that did not close or could not write them into the file as it closed (it "
            "was stopped, the computer lost power, or the disk was full) "
            f"{are} in its journal beside it, {wal}: part of the file, read with it here, "
            "and written into it the next time it is opened for writing. Until then keep the two together (open and "
            "close it in Safer Desk before copying or sending it) and never delete the -wal file")


def _journal_not_read_note(path: Path, side: str, is_export: bool) -> str:
    """What `check` says of a journal beside a file read as it lies (``read_as_it_lies``), "" when none is there."""
    journal = f"{path.name}{side}"
    try:
        if not Path(f"{path}{side}").stat().st_size:
            return ""
    except OSError:
        return ""
    saves = _saves_in_wal(path) if side == "-wal" else 0
    holding = f", holding {counted(saves, 'save')}" if saves else ""
    if is_export:
        return (f"{journal} lies beside it{holding}: another file's journal (an export is never written to; a file of "
                "that name that was stopped or lost power left it, or it was copied with it). It is not part of the "
                "export and is not read with it, here or by the county's merge: the export can be sent as it is. It "
                f"may hold another file's last saves: do not delete {journal} before you know whose it is")
    return (f"{journal} lies beside it{holding}: it is not read with it here (this version does not write to this "
            "file, and reads it as it lies)")


def _whose_key(fp: str) -> str:
    """Whether the key an export is signed with is this computer's own signing key (this officer's: `safer-desk key`
    prints it), or was until the county withdrew it, in words: an officer checking the export they made, and a county
    lead checking one an office sent, each see which it is."""
    from safer_desk.exchange import signing

    try:
        own = signing.existing_officer_key()
    except signing.KeyFileError as exc:  # (damaged, unreadable): not the export's fault
        return f"whether key {fp} is this computer's own cannot be told: {exc}"
    if own is not None and own.fingerprint == fp:
        return (f"key {fp} is this computer's own signing key (safer-desk key prints it): the export was signed on "
                "this computer")
    record = signing.key_path().parent / signing.REPLACED_FOLDER / f"{fp.replace(' ', '')}.txt"
    try:
        when = next((line.split(": ", 1)[1] for line in record.read_text(encoding="utf-8").splitlines()
                     if line.startswith("replaced at: ")), "")
    except (OSError, UnicodeDecodeError):
        when = ""
    if when:
        return (f"key {fp} was this computer's own signing key until it was replaced on {when} (the county withdrew "
                "it): the export was signed on this computer before then")
    if own is None:
        return (f"key {fp} is not this computer's: this computer has no signing key of its own yet (one is made at "
                "its first export), so the export was signed on another computer, the office's that made it")
    return (f"key {fp} is not this computer's own signing key (this computer's is {own.fingerprint}): the export was "
            "signed on another computer, the office's that made it")


def _check_export(path: Path, report: CheckReport) -> None:
    try:
        m = county_merge.read_export(path)
    except county_merge.ExportRefused as exc:
        report.bad(str(exc).replace(" The county file has not been changed.", ""))
        return
    report.good(f"signed for {m.office_name} by {m.exported_by or 'an unnamed officer'} with the key "
                f"{m.key_fingerprint}, export number {m.sequence}, made {county_merge.clock_words(m.exported_at)}; the "
                "signature matches and nothing was changed since (whether the county has registered this key is "
                "checked when it is merged)")
    report.good(_whose_key(m.key_fingerprint))
    report.good(f"{m.total_rows:,} rows in {len(m.tables)} tables match the signed counts and checksums; "
                f"individual referrals {'included' if m.include_referrals else 'left out'}")
    report.good(f"the audit chain of {counted(m.audit_entries, 'entry', 'entries')} leads to the signed head "
                f"(entry {m.audit_head_id})"
                + (f"; the office repaired its trail {counted(m.audit_repairs, 'time')}" if m.audit_repairs else ""))
    # As the county reads every file from outside (storage.hostile); SQLite's switch names are for IT
    report.good("read without running anything in it or writing to it, as every file from outside is read ("
                + ", ".join(m.protections) + ")")


def _check_safer_desk_file(path: Path, report: CheckReport, repair: bool, export: Path | None = None) -> None:
    try:
        check = inspect_file(path)
    except StoreError as exc:
        # A file from a newer Safer Desk is one, of a layout this version does not know.
        report.kind = "Safer Desk file from a newer version" if isinstance(exc, FileTooNew) else "not a Safer Desk file"
        report.bad(str(exc))
        return
    report.kind = "Safer Desk file"
    if not check.has_tables:
        report.kind = "empty file"
        report.good("it holds nothing yet")
        return
    if check.pending:
        report.good(f"made by an older version of Safer Desk ({counted(len(check.pending), 'layout step')} to apply "
                    "when it is next opened for writing)")
    if repair:
        _repair(path, report, export)
    problems = audit_trigger_problems(path)
    if problems:
        for p in problems:
            report.bad(f"audit trigger: {p.text}")
        report.bad(f'changes may go unrecorded: run safer-desk check "{path}" --repair')
    else:
        report.good("every user table has its audit triggers, exactly as Safer Desk makes them")
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        if not audit.chain_ready(conn):
            report.good("its audit trail is from before the hash chain (chained when it is next opened for writing)")
            return
        chain = audit_chain.verify_chain(conn)
        for p in chain.problems:
            report.bad(f"audit trail: {_problem_words(conn, p)}")
        if not chain.problems:
            report.good(f"the audit trail's hash chain is whole ({counted(chain.entries, 'entry', 'entries')}"
                        + (f", {counted(chain.repairs, 'repair')} recorded" if chain.repairs else "") + ")")
        _check_anchors(conn, report, min((p.entry_id for p in chain.problems), default=None))
        _check_key_register(conn, report, mendable=not chain.problems)
        _check_versions(conn, report)
    finally:
        conn.close()


def _repair(path: Path, report: CheckReport, export: Path | None = None) -> None:
    """`check --repair` of an office or county file: the triggers made again, a broken chain sealed again and the
    gap recorded, a county's register of keys put back as the trail records it (and, given the export, a merge's
    record removed rebuilt from it), in one transaction after a backup; each change said. An export that cannot
    rebuild it refuses the whole repair: nothing is changed."""
    manifest = None
    if export is not None:
        manifest, refused = _export_to_rebuild_from(path, export)
        if refused:
            report.refused = refused
            return
    mend_keys, refusal = _register_to_mend(path)
    if refusal:
        report.bad(refusal)
    mend_merges = not refusal and _merge_numbers_to_mend(path)
    if not mend_keys and not mend_merges and manifest is None and not _needs_repair(path):
        return
    mended: list[str] = []
    renumbered: list[str] = []

    def also(conn: sqlite3.Connection) -> None:
        if mend_keys:
            mended.extend(county_merge.mend_key_register(conn))
        if mend_merges:
            renumbered.extend(county_merge.mend_merge_numbers(conn))
        if manifest is not None:  # (checked again inside the transaction: raises, and so undoes all, if not)
            renumbered.extend(county_merge.rebuild_merge_record(conn, manifest))

    try:
        done = repair_audit_trail(path, also=also if mend_keys or mend_merges or manifest is not None else None)
    except ValueError as exc:  # the rebuild, refused inside the transaction: nothing was changed
        report.refused = f"the record of the merge was not rebuilt: {exc}"
        return
    except StoreError as exc:
        report.bad(f"could not be repaired: {exc}")
        return
    report.repaired += [p.text for p in done.triggers]
    if done.resealed_from is not None:
        report.repaired.append(f"the chain was sealed again from entry {done.resealed_from} (entries found "
                               "changed are kept as they now stand)")
    if done.entry_id is not None:
        report.repaired.append(f"the gap is recorded in the trail as entry {done.entry_id} (a backup was "
                               "made first)")
    backed_up = done.entry_id is not None
    for changes, what in ((mended, "the register of signing keys"), (renumbered, "the county's record of its merges")):
        report.repaired += changes
        if changes:
            report.repaired.append(f"{'these changes' if len(changes) > 1 else 'this change'} to {what} "
                                   + ("are" if len(changes) > 1 else "is") + " recorded in the audit trail"
                                   + ("" if backed_up else " (a backup was made first)"))
            backed_up = True


def _register_to_mend(path: Path) -> tuple[bool, str]:
    """Whether `--repair` puts a county's register of keys back as the trail records it, or (False, why not) when
    it disagrees with a trail that is not whole: what such a trail says of the keys is not evidence."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                           (county_merge.KEYS_TABLE,)).fetchone()
        if not has or not audit.chain_ready(conn) or not county_merge.key_register_disagreements(conn):
            return False, ""
        not_put_back = "the register of signing keys was not put back: the audit trail was "
        advice = ("Put it right with safer-desk keys COUNTY_FILE --withdraw and merge --accept-key (the fingerprint "
                  "confirmed with the office by phone), or go back to a backup from before the change")
        if not audit_chain.verify_chain(conn, limit=1).ok:
            return False, (f"{not_put_back}found changed, so its record of the keys cannot be trusted to mend it. "
                           f"{advice}")
        resealed = _trail_resealed_at(conn)
        if resealed:
            return False, (f"{not_put_back}sealed again {resealed} after it was found changed, so its record of the "
                           f"keys cannot be trusted to mend it. {advice}")
        return True, ""
    finally:
        conn.close()


def _export_to_rebuild_from(path: Path, export: Path) -> tuple[county_merge.ExportManifest | None, str]:
    """The export given to rebuild a county's record of a merge removed (read as every export is, its signature
    checked), or (None, why it cannot): the trail must be whole and never sealed again over entries found changed,
    as it is the evidence of which file was merged."""
    not_rebuilt = f"the record of the merge was not rebuilt from {export.name}: "
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        if not audit.chain_ready(conn) or not audit_chain.verify_chain(conn, limit=1).ok or _trail_resealed_at(conn):
            return None, (f"{not_rebuilt}the audit trail was changed or sealed again, so its record of which export "
                          f"was merged cannot be trusted. {county_merge.MERGE_BACKUP_WAY}")
        if not county_merge.merge_record_faults(conn):
            return None, (f"{not_rebuilt}the county's record of its merges misses no merge the audit trail records, "
                          "so there is nothing for --export to rebuild")
    finally:
        conn.close()
    try:
        manifest = county_merge.read_export(export)
    except county_merge.ExportRefused as exc:
        return None, f"{not_rebuilt}{exc}"
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        found = county_merge.merge_record_rebuild(conn, manifest)
    finally:
        conn.close()
    return (None, f"{not_rebuilt}{found}") if isinstance(found, str) else (manifest, "")


def _merge_numbers_to_mend(path: Path) -> bool:
    """Whether `--repair` puts back a merge's export number the county's record of merges holds as another one: only
    as a whole trail, never sealed again over entries found changed, records it (``_register_to_mend``'s rule)."""
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        if not any(f.held_as is not None for f in county_merge.merge_record_faults(conn)):
            return False
        return (audit.chain_ready(conn) and audit_chain.verify_chain(conn, limit=1).ok
                and not _trail_resealed_at(conn))
    finally:
        conn.close()


def _trail_resealed_at(conn: sqlite3.Connection) -> str:
    """When a recorded repair last sealed the chain again over entries found changed (its time in words), "" if
    never: the trail it sealed is whole again, but not evidence of what was before."""
    import json

    last = ""
    for at, value in conn.execute("SELECT at, new_value FROM audit_log WHERE action = 'event' AND column_name = "
                                  "'repair' ORDER BY id"):
        try:
            details = json.loads(value) if isinstance(value, str) else {}
        except ValueError:
            details = {}
        if isinstance(details, dict) and details.get("chain"):
            last = county_merge.clock_words(at)
    return last


def _problem_words(conn: sqlite3.Connection, problem: audit.ChainProblem) -> str:
    """A problem of the chain as said: an entry altered by what it recorded a change to and when, in UK time (the
    problem's own text, with the file's table name and UTC stamp, is what a repair records)."""
    if problem.kind != "edited":
        return problem.text
    from safer_desk.services.reference import USED_IN_WORDS  # the tables as the file's other messages name them

    row = conn.execute("SELECT table_name, at FROM audit_log WHERE id = ?", (problem.entry_id,)).fetchone()
    if row is None:
        return problem.text
    table, at = row
    what = ("a batch of changes" if table == "batch" else
            f"a change to {USED_IN_WORDS.get(table) or str(table).replace('_', ' ')}")
    moment = uk_time(at) if isinstance(at, str) else None
    when = f", made at {moment:%H:%M on %d/%m/%Y}" if moment else ""
    return f"entry {problem.entry_id} (its record of {what}{when}) was changed after it was written"


def _check_key_register(conn: sqlite3.Connection, report: CheckReport, mendable: bool = True) -> None:
    """A county file's register of signing keys against the trail's record of each key accepted and withdrawn: the
    register is not recorded by row triggers, so a withdrawn key put back in service with another tool (or a key put
    in) left the chain whole."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
                       (county_merge.KEYS_TABLE,)).fetchone()
    if not has:
        return
    found = county_merge.key_register_disagreements(conn)
    for _, words in found:
        report.bad(words)
    if found and mendable and not _trail_resealed_at(conn):  # (else --repair leaves it, and says why)
        report.bad(f'the register of signing keys can be put back as the audit trail records it: run safer-desk '
                   f'check "{report.path}" --repair')
    trusted = mendable and not _trail_resealed_at(conn)
    for fault in county_merge.merge_record_faults(conn):  # the record an older export is refused by
        if fault.held_as is None and not trusted:  # no evidence of which file was merged: a backup alone
            way = (f"{county_merge.MERGE_NOT_PUT_BACK}; nor can it be rebuilt from the export, as the audit trail was "
                   "changed or sealed again, so its record of which export was merged cannot be trusted. "
                   f"{county_merge.MERGE_BACKUP_WAY}. {where_to_restore(report.path)}")
        elif fault.held_as is None:  # its record's other fields are not in the trail, but in the export's manifest
            way = (f"{county_merge.MERGE_NOT_PUT_BACK}. The export itself holds them, signed: give its file to "
                   f'rebuild the record, safer-desk check "{report.path}" --repair --export EXPORT_FILE (the file '
                   f"merged was {fault.file_name}), or {county_merge.MERGE_BACKUP_WAY[0].lower()}"
                   f"{county_merge.MERGE_BACKUP_WAY[1:]}. {where_to_restore(report.path)}")
        elif trusted:
            way = f'it can be put back as the audit trail records it: run safer-desk check "{report.path}" --repair'
        else:
            way = ("--repair does not put it back: the audit trail was changed or sealed again, so its record of "
                   "the number cannot be trusted to mend it. Go back to a backup of the county file made before the "
                   f"change. {where_to_restore(report.path)}")
        report.bad(f"{fault.words}: an older export of that office would no longer be refused as older; {way}")
    keys = conn.execute(f"SELECT count(*) FROM {county_merge.KEYS_TABLE}").fetchone()[0]
    if keys and not found:
        report.good(f"the register of signing keys agrees with the audit trail ({counted(keys, 'key')})")


def _check_versions(conn: sqlite3.Connection, report: CheckReport) -> None:
    """A review cost line's earlier version no correction in the trail made: the review's costs as at a day before it
    read a figure nobody recorded (a chain whole and triggers exact do not show a trigger dropped and made again)."""
    found = versions_unrecorded(conn)
    repaired_at = versions_gap_repaired(conn) if found else None
    moment = uk_time(repaired_at) if isinstance(repaired_at, str) else None
    for reference, category, invoice_ref, amount_pence, replaced_on in found:
        try:
            day = format_uk_date(date.fromisoformat(replaced_on))
        except (TypeError, ValueError):
            day = str(replaced_on)
        line = f"review cost {invoice_ref or category} of {reference or 'a review no longer in the file'}"
        if repaired_at:  # the gap is in the trail, and History says it: the file is sound again
            when = f" of {moment:%H:%M on %d/%m/%Y}" if moment else ""
            report.good(f"{line} as it stood before {day} ({format_money(amount_pence)}) was put into the file while "
                        f"the recording of cost lines' earlier versions was switched off: the repair{when} recorded "
                        f"that gap, and Costs > Reviews as at a day before {day} reads it")
            continue
        report.bad(f"{line} as it stood before {day} ({format_money(amount_pence)}) is not in the audit trail: no "
                   "correction of the line made it, so it was put into the file outside Safer Desk, and Costs > "
                   f"Reviews as at a day before {day} reads it")


def _needs_repair(path: Path) -> bool:
    if audit_trigger_problems(path):
        return True
    conn = sqlite3.connect(read_only_uri(path), uri=True)
    try:
        return audit.chain_ready(conn) and not audit_chain.verify_chain(conn, limit=1).ok
    finally:
        conn.close()


def _check_anchors(conn: sqlite3.Connection, report: CheckReport, first_broken: int | None = None) -> None:
    """Each export's recorded head still in the trail, and (first_broken: the first entry whose hash no longer follows)
    the chain whole up to it: an entry altered before an export leaves the head's stored hash as it was, yet the trail
    the county was sent is not the one the file holds (the county refuses the office's next export)."""
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_export_anchors'").fetchone()
    if not has:
        return
    anchors = conn.execute("SELECT sequence, exported_at, audit_head_id, audit_head_hash FROM _export_anchors "
                           "ORDER BY sequence").fetchall()
    bad = 0
    after_change: list[tuple[int, str]] = []  # exports made after an entry now altered (number, day)
    for sequence, exported_at, head_id, head_hash in anchors:
        if not head_id:
            continue
        row = conn.execute("SELECT hash FROM audit_log WHERE id = ?", (head_id,)).fetchone()
        day = county_merge.clock_words(exported_at)[:10]  # 07/12/2026, on the computer's clock as the merge says
        if row is None or row[0] != head_hash:
            bad += 1
            report.bad(f"the audit trail was changed or cut short before export number {sequence} ({day}): entry "
                       f"{head_id} " + ("is gone" if row is None else "is not what was exported"))
        elif first_broken is not None and first_broken <= head_id:
            bad += 1
            after_change.append((sequence, day))
    if after_change:  # said once, at the first export it reaches (each later one was made on top of it)
        (sequence, day), since = after_change[0], len(after_change) - 1
        later = f" and the {counted(since, 'export')} since" if since else ""
        report.bad(f"the audit trail was changed before export number {sequence} ({day}){later}: entry "
                   f"{first_broken}, written before {'them' if since else 'it'}, is not as it was then")
    meta = conn.execute("SELECT value FROM meta WHERE key = 'export_sequence'").fetchone()
    recorded = max([a[0] for a in anchors], default=0)
    if meta is not None and int(meta[0] or 0) != recorded:
        bad += 1
        report.bad(f"the file says it made {counted(int(meta[0] or 0), 'export')} but records the audit head of "
                   f"{recorded}: the record of exports was changed")
    if anchors and not bad:
        report.good(f"the trail still passes through the heads recorded at its {counted(len(anchors), 'export')}")
