"""What the safety tests share: running the command in a subprocess, looking for victim data on disk,
an older file to upgrade, the logical content of a file, where a text was saved in a file."""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path
from unittest import mock

REPO = Path(__file__).resolve().parents[2]


def old_program(commit: str, folder: Path) -> Path:
    """An older program's code, resources and test helpers, from git (the test is skipped when git or the commit is
    missing): to make files as that version made them."""
    import pytest

    if shutil.which("git") is None or not (REPO / ".git").exists():
        pytest.skip("git is not available to take the previous program's code")
    got = subprocess.run(["git", "-C", str(REPO), "archive", "--format=tar", commit, "safer_desk", "resources",
                          "tests"], capture_output=True, timeout=120, check=False)
    if got.returncode != 0:
        pytest.skip(f"the previous program ({commit}) is not in this checkout: {got.stderr.decode()[-300:]}")
    with tarfile.open(fileobj=io.BytesIO(got.stdout)) as tar:
        tar.extractall(folder, filter="data")
    return folder
# The pseudonymous references of the example file's referrals (TH-2018-001 …) and of the older file made
# below: the marks of victim-level rows. A default export, a report, a temporary file must hold none.
VICTIM_MARKERS = (b"TH-2018-0", b"TH-OLD-0")


def _child_env(home: Path) -> dict[str, str]:
    """The run's environment for a child with its own data folder. Its output is unbuffered: a child that ends
    with os._exit (as a killed program would) says what it printed whether or not the run itself was started
    with PYTHONUNBUFFERED set."""
    env = {k: v for k, v in os.environ.items() if k not in ("SAFER_DESK_FAULT",)}
    env["SAFER_DESK_HOME"] = str(home)
    env["PYTHONUNBUFFERED"] = "1"
    return env


def run_cli(args: list[str], *, home: Path, fault: str | None = None, tmpdir: Path | None = None,
            timeout: float = 180) -> subprocess.CompletedProcess:
    """`safer-desk ARGS` in a subprocess with its own data folder (and system temp folder, and fault)."""
    env = _child_env(home)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if tmpdir is not None:
        env["TMPDIR"] = env["TEMP"] = env["TMP"] = str(tmpdir)
    if fault:
        env["SAFER_DESK_FAULT"] = fault
    return subprocess.run([sys.executable, "-m", "safer_desk", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout)


def run_python(code: str, *, home: Path, fault: str | None = None, tmpdir: Path | None = None,
               timeout: float = 120) -> subprocess.CompletedProcess:
    env = _child_env(home)
    if tmpdir is not None:
        env["TMPDIR"] = env["TEMP"] = env["TMP"] = str(tmpdir)
    if fault:
        env["SAFER_DESK_FAULT"] = fault
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True,
                          timeout=timeout)


def _contents(path: Path) -> list[tuple[str, bytes]]:
    """A file's bytes, and each member of it when it is a zip (an .xlsx), decompressed."""
    try:
        data = path.read_bytes()
    except OSError:
        return []
    found = [(str(path), data)]
    if data[:2] == b"PK":
        with contextlib.suppress(zipfile.BadZipFile, OSError, EOFError, ValueError):
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                for name in archive.namelist():
                    with contextlib.suppress(Exception):
                        found.append((f"{path}!{name}", archive.read(name)))
    return found


def victim_data_in(folders, *, allowed=()) -> list[str]:
    """Every file under the folders (but the allowed ones: the office file, its backups) that holds a
    victim mark, in its bytes or in a zip member."""
    allowed = [Path(a).resolve() for a in allowed]
    hits = []
    for folder in folders:
        folder = Path(folder)
        if not folder.exists():
            continue
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            resolved = path.resolve()
            if any(resolved == a or a in resolved.parents for a in allowed):
                continue
            for where, data in _contents(path):
                if any(m in data for m in VICTIM_MARKERS):
                    hits.append(where)
                    break
    return hits


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# What an export writes in the office's own file before it writes anything else (issue 12): the office's next
# export number, kept with the head of its audit trail, and the audit entry of taking it.
EXPORT_BOOKKEEPING = ('INSERT INTO "_export_anchors"', 'INSERT INTO "audit_log"',
                      "INSERT INTO \"meta\" VALUES('export_sequence'")


def logical_state(path: Path, scratch: Path, *, ignore: tuple[str, ...] = ()) -> str:
    """A checksum of what the file holds (its SQL dump), whatever its page layout or journal mode.

    The file and any -wal/-journal beside it are copied first, so reading never changes the original.
    Dump lines starting with any of ignore are left out (EXPORT_BOOKKEEPING for an export's own file).
    """
    scratch.mkdir(parents=True, exist_ok=True)
    copy = scratch / f"state-{os.urandom(4).hex()}.sqlite"
    shutil.copyfile(path, copy)
    for side in ("-wal", "-journal"):
        if Path(str(path) + side).exists():
            shutil.copyfile(str(path) + side, str(copy) + side)
    conn = sqlite3.connect(str(copy))
    try:
        digest = hashlib.sha256()
        for line in conn.iterdump():
            if not line.startswith(ignore):
                digest.update(line.encode("utf-8"))
        return digest.hexdigest()
    finally:
        conn.close()
        for p in (copy, Path(str(copy) + "-wal"), Path(str(copy) + "-shm"), Path(str(copy) + "-journal")):
            p.unlink(missing_ok=True)


def make_older_file(path: Path) -> Path:
    """A Safer Desk file as an older version made it (the indicator and exchange steps not yet applied),
    holding one victim-level referral, so opening it for writing backs it up and then upgrades it."""
    from safer_desk.storage import schema as schema_module
    from safer_desk.storage.schema import all_sets
    from safer_desk.storage.store import open_store

    older = [s for s in all_sets() if s.name not in ("safer_desk.indicators", "safer_desk.exchange")]
    steps = {(s.name, n) for s in older for n in s.names()}
    with mock.patch.object(schema_module, "all_sets", lambda: older), \
            mock.patch("safer_desk.storage.store.all_sets", lambda: older), \
            mock.patch("safer_desk.storage.store.known_steps", lambda: steps):
        store = open_store(path, create=True, office_name="Older office")
        try:
            with store.transaction():
                c = store.conn
                c.execute("INSERT INTO districts(id, name) VALUES ('district:babergh', 'Babergh')")
                c.execute("INSERT INTO funds(id, name, starts_on, ends_on) VALUES ('f1', 'TH fund', '2018-04-01', "
                          "'2019-09-30')")
                c.execute("INSERT INTO fund_items(id, name) VALUES ('i1', 'Door chain')")
                c.execute("INSERT INTO fund_referrals(id, fund_id, reference, district_id, referred_on, risk_level, "
                          "at_marac, idva_assigned, perpetrator_resident) VALUES ('r1', 'f1', 'TH-OLD-001', "
                          "'district:babergh', '2018-05-01', 'high', 1, 1, 0)")
                c.execute("INSERT INTO fund_spend_lines(id, referral_id, spent_on, item_id, amount_pence) "
                          "VALUES ('s1', 'r1', '2018-05-02', 'i1', 2500)")
        finally:
            store.close()
    return path


def our_leftovers(folder: Path) -> list[str]:
    """Files in folder (and its sub-folders) named as our temporary files, or as earlier versions' ones."""
    from safer_desk.storage.leftovers import LEGACY_PATTERNS, TEMP_PATTERN

    folder = Path(folder)
    if not folder.exists():
        return []
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if TEMP_PATTERN.match(p.name) or any(x.match(p.name) for x in LEGACY_PATTERNS))


def stored_in(store, text: str) -> list[str]:
    """The table.column of every cell of the open file (the audit trail aside) holding exactly ``text``: a text a
    check let through is saved, not only not refused."""
    found = []
    for (table,) in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                               "AND name != 'audit_log'"):
        for column in store.rows(f'SELECT name FROM pragma_table_info("{table}")'):
            if store.scalar(f'SELECT count(*) FROM "{table}" WHERE "{column[0]}" = ?', (text,)):
                found.append(f"{table}.{column[0]}")
    return found
