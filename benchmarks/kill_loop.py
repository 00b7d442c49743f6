"""Kill loop (issue 12): kill `safer-desk` at a random moment, again and again, and count what survives.

Run: python benchmarks/kill_loop.py [--runs 20] [--only import,export,...] [--seed 12]

For each operation (import of ../shared/data's Suffolk 2025 police files into the example file, export of the
example file for the county (.sqlite and .xlsx alternately), merge of that export into a county file, the
upgrade of an older copy of the example file, the board report as PDF) it first runs the command once to
time it and to learn the file's state after a whole run; then runs it until it has been killed `--runs` times
(a run that finishes before its kill is counted apart), each in a fresh folder
with its own data folder and system temporary folder, killing it (SIGKILL, as the task manager or a power cut
would) after a random time between 0.25 and 1.15 × that duration (the first quarter is mostly Python
starting up; a kill after the end finds the run finished, and is counted as such). After each kill it checks:

- intact: the file the command writes holds exactly what it held before, or exactly what a whole run makes
  (the rows of every data table value for value, and the row count of every table, the audit trail and
  the bookkeeping included: a whole run at another moment differs only in its timestamps), and passes
  SQLite's integrity check; the target of an export or report is the
  old file untouched or the new one whole;
- leftovers: temporary files of ours left by the kill (normal), and those still there after the next start
  (a `safer-desk projects` run, which must remove them: always 0);
- victim data: any file outside the office file and its backups that holds a referral's reference.

It prints one line per operation and a total. Nothing is asserted; a non-zero count is a finding.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import io
import os
import random
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SHARED = ROOT.parent / "shared" / "data"
if not SHARED.exists():
    SHARED = Path("/work/shared/data")
POLICE = SHARED / "police-uk" / "suffolk-2025"
MARKERS = (b"TH-2018-0",)  # the example file's referral references
PREVIOUS = b"the previous file\n"


def env_for(world: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "SAFER_DESK_FAULT"}
    env.update(SAFER_DESK_HOME=str(world / "home"), QT_QPA_PLATFORM="offscreen",
               TMPDIR=str(world / "systmp"), TEMP=str(world / "systmp"), TMP=str(world / "systmp"))
    return env


def cli(world: Path, args: list[str]) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "safer_desk", *args], cwd=ROOT, env=env_for(world),
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def dump_state(path: Path) -> str | None:
    """What the file holds (its data rows and every table's row count), read from a copy of it."""
    if not path.exists():
        return None
    scratch = Path(tempfile.mkdtemp(prefix="kill-loop-state-"))
    try:
        copy = scratch / "copy.sqlite"
        shutil.copyfile(path, copy)
        for side in ("-wal", "-journal"):
            if Path(str(path) + side).exists():
                shutil.copyfile(str(path) + side, str(copy) + side)
        conn = sqlite3.connect(str(copy))
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                return "damaged"
            # The rows of every data table, value for value, and the number of rows of every table
            # (the audit trail and the merge's bookkeeping included): a whole run made at another moment
            # differs only in its timestamps, half a run in what it holds.
            from safer_desk.exchange.county_schema import content_checksum

            digest = hashlib.sha256(content_checksum(conn).encode("ascii"))
            for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
                count = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
                digest.update(f"{table}={count};".encode("utf-8"))
            with contextlib.suppress(sqlite3.Error):
                for row in conn.execute("SELECT migration_set, name FROM _sqlite_migrations ORDER BY 1, 2"):
                    digest.update(repr(tuple(row)).encode("utf-8"))
            return digest.hexdigest()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        return "damaged"
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def victim_files(world: Path, allowed: list[Path]) -> list[str]:
    hits = []
    for folder in ("out", "home", "systmp", "office"):
        for path in (world / folder).rglob("*"):
            if not path.is_file() or any(path == a or a in path.parents for a in allowed):
                continue
            data = path.read_bytes()
            blobs = [data]
            if data[:2] == b"PK":
                try:
                    with zipfile.ZipFile(io.BytesIO(data)) as archive:
                        blobs += [archive.read(n) for n in archive.namelist()]
                except (zipfile.BadZipFile, EOFError, ValueError, OSError):
                    pass
            if any(m in b for b in blobs for m in MARKERS):
                hits.append(str(path.relative_to(world)))
    return hits


def our_temporaries(world: Path) -> list[Path]:
    """Our temporary files anywhere in the run's folders, and anything in its system temporary folder."""
    from safer_desk.storage.leftovers import LEGACY_PATTERNS, TEMP_PATTERN

    found = [p for p in world.rglob("*") if TEMP_PATTERN.match(p.name) or any(x.match(p.name) for x in LEGACY_PATTERNS)]
    return found + list((world / "systmp").iterdir())


def working_sessions(world: Path) -> list[Path]:
    """What runs keep in the data folder's work area (a killed run's stays until the next start)."""
    work = world / "home" / "work"
    return list(work.iterdir()) if work.exists() else []


@dataclass
class Operation:
    name: str
    prepare: callable  # (world) -> (argv, written file, target or None)
    before: str | None = None
    after: str | None = None
    duration: float = 0.0


@dataclass
class Tally:
    runs: int = 0
    killed: int = 0
    finished: int = 0
    intact: int = 0
    not_intact: list[str] = field(default_factory=list)
    left_by_kill: int = 0
    leftovers_after_next_start: int = 0
    victim_data: int = 0


def make_world(base: Path, n: int, example: Path) -> Path:
    world = base / f"run-{n:03d}"
    for sub in ("home", "systmp", "office", "out"):
        (world / sub).mkdir(parents=True)
    shutil.copyfile(example, world / "office" / "office.sqlite")
    return world


def make_older(path: Path) -> None:
    """The example file as the version before the illustrative marks step made it (its table, its audit
    triggers and its row in the migrations list taken out), so opening it runs a migration."""
    conn = sqlite3.connect(str(path))
    try:
        for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                       "AND tbl_name = 'illustrative_marks'").fetchall():
            conn.execute(f"DROP TRIGGER {trigger}")
        conn.execute("DROP TABLE IF EXISTS illustrative_marks")
        conn.execute("DELETE FROM _sqlite_migrations WHERE migration_set = 'safer_desk.core' "
                     "AND name = 'create_illustrative_marks'")
        conn.commit()
    finally:
        conn.close()


def operations(base: Path, example: Path) -> list[Operation]:
    export_for_merge = base / "example-export.sqlite"
    subprocess.run([sys.executable, "-m", "safer_desk", "export", str(example), str(export_for_merge)], cwd=ROOT,
                   env=env_for(base / "setup"), check=True, capture_output=True)
    county = base / "county.sqlite"  # a county file of its own (the example's copies share one office id)
    subprocess.run([sys.executable, "-c", "import sys; from safer_desk.storage.store import open_store; "
                    "open_store(sys.argv[1], create=True, office_name='County team').close()", str(county)],
                   cwd=ROOT, env=env_for(base / "setup"), check=True, capture_output=True)
    key = subprocess.run([sys.executable, "-m", "safer_desk", "key"], cwd=ROOT, env=env_for(base / "setup"),
                         check=True, capture_output=True, text=True).stdout
    fingerprint = re.search(r"[0-9A-F]{4}( [0-9A-F]{4}){5}", key).group(0)  # the exporting officer's, confirmed

    def import_police(world):
        return ["import-police", str(world / "office" / "office.sqlite"), str(POLICE)], world / "office" / "office.sqlite", None

    def export(world, n=[0]):
        n[0] += 1
        target = world / "out" / ("county.sqlite" if n[0] % 2 else "county.xlsx")
        target.write_bytes(PREVIOUS)
        # An earlier export is there (the target "the old file untouched or the new one whole" is checked against).
        return (["export", str(world / "office" / "office.sqlite"), str(target), "--replace"],
                world / "office" / "office.sqlite", target)

    def merge(world):
        shutil.copyfile(county, world / "office" / "office.sqlite")  # the county file is the one written
        return (["merge", str(world / "office" / "office.sqlite"), str(export_for_merge), "--accept-key", fingerprint],
                world / "office" / "office.sqlite", None)

    def migration(world):
        make_older(world / "office" / "office.sqlite")
        # A command that changes the file upgrades it (one that only reads it reads an upgraded copy in memory).
        return (["office", str(world / "office" / "office.sqlite"), "--county", "Suffolk"],
                world / "office" / "office.sqlite", None)

    def report(world):
        target = world / "out" / "report.pdf"
        target.write_bytes(PREVIOUS)
        return (["report", str(world / "office" / "office.sqlite"), str(target), "--replace"],
                world / "office" / "office.sqlite", target)

    ops = [Operation("import", import_police), Operation("export", export), Operation("merge", merge),
           Operation("migration", migration), Operation("report", report)]
    assert tuple(o.name for o in ops) == OPERATIONS
    return ops


OPERATIONS = ("import", "export", "merge", "migration", "report")


def target_ok(target: Path | None) -> bool:
    if target is None or not target.exists():
        return True
    data = target.read_bytes()
    if data == PREVIOUS:
        return True
    if target.suffix == ".pdf":
        return data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    if target.suffix == ".xlsx":
        try:
            with zipfile.ZipFile(io.BytesIO(data)) as archive:
                return archive.testzip() is None
        except zipfile.BadZipFile:
            return False
    return dump_state(target) not in (None, "damaged")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=20, help="kills per operation (runs that finish before their "
                                                               "kill are counted apart; at most 3 x this many runs)")
    parser.add_argument("--only", default="", help="comma-separated operations (default: all)")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--keep", action="store_true", help="keep the working folders")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    wanted = args.only.split(",") if args.only else None
    if wanted is not None and (unknown := sorted(set(wanted) - set(OPERATIONS))):
        print(f"--only: no operation called {', '.join(unknown)} (there are {', '.join(OPERATIONS)})")
        return 2
    if (wanted is None or "import" in wanted) and not POLICE.exists():
        print(f"the import needs {POLICE} (../shared/data); --only export,merge,migration,report runs without it")
        return 1
    base = Path(tempfile.mkdtemp(prefix="safer-desk-kill-loop-"))
    example = base / "example.sqlite"
    subprocess.run([sys.executable, "-m", "safer_desk", "demo", str(example)], cwd=ROOT, env=env_for(base / "setup"),
                   check=True, capture_output=True)
    ops = operations(base, example)
    if wanted is not None:
        ops = [o for o in ops if o.name in wanted]
    tallies: dict[str, Tally] = {}
    print(f"kill loop: {args.runs} random kills per operation, seed {args.seed}, working in {base}")
    for op in ops:
        world = make_world(base / op.name, 0, example)
        argv, written, target = op.prepare(world)
        op.before = dump_state(written)
        started = time.perf_counter()
        proc = cli(world, argv)
        err = proc.communicate()[1]
        op.duration = time.perf_counter() - started
        if proc.returncode != 0:
            print(f"{op.name}: the whole run failed ({proc.returncode}): {err.decode()[-500:]}")
            return 1
        op.after = dump_state(written)
        tally = tallies[op.name] = Tally()
        n = 0
        while tally.killed < args.runs and n < 3 * args.runs:  # until --runs kills (a run may finish first)
            n += 1
            world = make_world(base / op.name, n, example)
            argv, written, target = op.prepare(world)
            before = dump_state(written)
            proc = cli(world, argv)
            time.sleep(rng.uniform(0.25, 1.15) * op.duration)  # the first quarter is mostly Python starting
            if proc.poll() is None:
                proc.kill()
                tally.killed += 1
            else:
                tally.finished += 1
            proc.wait()
            proc.stderr.close()
            tally.runs += 1
            tally.left_by_kill += len(our_temporaries(world))
            allowed = [world / "office" / "office.sqlite", world / "office" / "office.sqlite-wal",
                       world / "office" / "office.sqlite-shm", world / "office" / "backups",
                       world / "office" / "office.sqlite-journal"]
            if op.name == "merge":
                allowed = [world / "office"]  # a county file holding the example export's rows: not victim-level
            tally.victim_data += len(victim_files(world, allowed))
            # What the kill left: the file as before, or as a whole run makes it (never in between, never damaged).
            state = dump_state(written)
            if state in (before, op.before, op.after) and state != "damaged" and target_ok(target):
                tally.intact += 1
            else:
                tally.not_intact.append(f"run {n}: state {'damaged' if state == 'damaged' else 'in between'}"
                                        f"{'' if target_ok(target) else ', target broken'}")
            # The next start: any command; here one reading the file just written (it must open).
            again = subprocess.run([sys.executable, "-m", "safer_desk", "projects", str(written)], cwd=ROOT,
                                   env=env_for(world), capture_output=True, text=True)
            if again.returncode != 0:
                tally.not_intact.append(f"run {n}: the next start could not open it: {again.stderr.strip()}")
            tally.leftovers_after_next_start += len(our_temporaries(world)) + len(working_sessions(world))
            if not args.keep:
                shutil.rmtree(world, ignore_errors=True)
        print(f"{op.name:10s} whole run {op.duration:5.1f} s | runs {tally.runs}, killed {tally.killed}, "
              f"finished first {tally.finished} | files intact {tally.intact}/{tally.runs} | temporaries left by "
              f"the kill {tally.left_by_kill}, leftovers after the next start {tally.leftovers_after_next_start} | "
              f"victim data found {tally.victim_data}")
        for line in tally.not_intact:
            print(f"    not intact: {line}")
    total = Tally()
    for t in tallies.values():
        for name in ("runs", "killed", "finished", "intact", "left_by_kill", "leftovers_after_next_start",
                     "victim_data"):
            setattr(total, name, getattr(total, name) + getattr(t, name))
    print(f"{'total':10s} kills {total.killed} of {total.runs} runs ({total.finished} finished first) | files intact "
          f"{total.intact}/{total.runs} | temporaries left by kills {total.left_by_kill}, leftovers after the next "
          f"start {total.leftovers_after_next_start} | victim data found {total.victim_data}")
    if not args.keep:
        shutil.rmtree(base, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
