"""Benchmark: importing about a million data.police.uk street rows, as whole processes (issue 16).

Builds a temporary folder of street files from the real Suffolk 2025 files (../shared/data, or --data),
each copy given a distinct month (so every file is a new force-month), then times, as whole processes
started from here and alternating so machine load hits both alike:

- floor: a process that only runs pandas.read_csv(engine="pyarrow") on every file (interpreter start
  and the pandas/pyarrow imports included);
- import: `python -m safer_desk import-police FILE FOLDER`, the command a user runs, into a new Safer
  Desk file (parse, map areas, count, write, audit, close), interpreter start included;
- optionally the same command from other checkouts (--compare DIR, e.g. an export of main, to weigh
  main's DuckDB engine against this checkout's standard-library one), each with its own new file;
- with --without-row-audit, the same command again on a file whose figures table has no per-row audit
  triggers: an estimate of the import once audited as one batch entry (issue 12's store.batch), not a
  way to run the program;
- peak memory (the child's own ru_maxrss, from os.wait4) and CPU of each run;
- with --gui, an import through File > Import Police Data's worker while a 10 ms QTimer heartbeat
  records the longest gap of the window's event loop.

The floor needs pandas and pyarrow, which Safer Desk itself no longer needs: install them with
    pip install -e ".[bench]"      (or: pip install pandas pyarrow)

The import's engine is the standard library (exchange/police_uk.py: each file split at every comma at once and
counted with collections.Counter, hashed with hashlib; a million rows, like any import of 64 MB or more, are
counted by helper processes on the other cores while the main process writes each batch's counts, then the
figures; SAFER_DESK_POLICE_HELPER=never in the environment times the one-process reader instead); it replaced
DuckDB (issue 16), which replaced pyarrow. The machine is
shared: the alternation is what makes the ratio fair, and the load average is printed beside it.

Run:  python benchmarks/indicators_import.py [--rows 1000000] [--runs 5] [--compare DIR ...] [--gui]
Goal: the import within 1.0x the floor (ratio of the medians). Prints figures; never asserts on time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def default_data() -> Path:
    return Path(os.environ.get("SAFER_DESK_SHARED_DATA") or ROOT.parent / "shared" / "data")


def build_folder(source: Path, target: Path, rows_wanted: int) -> tuple[int, int]:
    """Copies of the real files with distinct months until about rows_wanted rows; returns (files, rows)."""
    sources = sorted(source.glob("*-street.csv"))
    if not sources:
        sys.exit(f"{source} holds no street files: the benchmark needs ../shared/data (or --data DIR)")
    texts = [p.read_text(encoding="utf-8").splitlines(keepends=True) for p in sources]
    rows = files = 0
    year, month = 1990, 1
    while rows < rows_wanted:
        for lines in texts:
            stamp = f"{year:04d}-{month:02d}"
            out = [lines[0]]
            for line in lines[1:]:
                first, _, rest = line.partition(",")
                _, _, rest = rest.partition(",")
                out.append(f"{first},{stamp},{rest}")
            (target / f"{stamp}-suffolk-street.csv").write_text("".join(out), encoding="utf-8")
            rows += len(lines) - 1
            files += 1
            month += 1
            if month == 13:
                year, month = year + 1, 1
            if rows >= rows_wanted:
                break
    return files, rows


FLOOR = """
import sys
from pathlib import Path
import pandas as pd
n = 0
for f in sorted(Path(sys.argv[1]).glob("*.csv")):
    n += len(pd.read_csv(f, engine="pyarrow"))
print(n)
"""

BLANK = """
import sys
from pathlib import Path
from safer_desk.storage.store import open_store
open_store(Path(sys.argv[1]), create=True).close()
"""

UNAUDIT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
for action in ("insert", "update", "delete"):
    conn.execute(f"DROP TRIGGER audit_indicator_values_{action}")
conn.commit()
"""

COUNT = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
print(conn.execute("SELECT count(*) FROM _police_counts").fetchone()[0],
      conn.execute("SELECT count(*) FROM indicator_values WHERE source = 'police.uk'").fetchone()[0],
      conn.execute("SELECT count(*) FROM audit_log").fetchone()[0])
"""


def run_child(cmd: list[str], *, cwd: Path, env: dict[str, str]) -> dict:
    """Run a whole process; its wall time from here, its own CPU time and peak memory (os.wait4)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out, err = b"", b""
    # os.wait4 reaps the child with its own resource usage (subprocess would reap it first otherwise).
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.stdout.close(), proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(cmd[:4])} … failed ({proc.returncode}):\n{err.decode(errors='replace')}")
    return {"seconds": seconds, "cpu": usage.ru_utime + usage.ru_stime, "peak_mb": usage.ru_maxrss / 1024,
            "out": out.decode(errors="replace")}


GUI = """
import json, os, sys, time
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from pathlib import Path
from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from safer_desk.storage.store import open_store
from safer_desk.ui.main_window import MainWindow
from safer_desk.ui import prompts
from safer_desk.ui.indicators.menu import start_import
messages = []
prompts.show_info = lambda parent, title, text: messages.append(("info", text))
prompts.show_error = lambda parent, title, text: messages.append(("error", text))
window = MainWindow()
window.persist_state = False
window.open_path(Path(sys.argv[2]))
window.show()
window.show_tab("indicators")
settle = time.perf_counter() + 0.5  # let the window paint the tab: the heartbeat measures the import
while time.perf_counter() < settle:
    app.processEvents()
    time.sleep(0.001)
gaps, big = [], []
clock = QElapsedTimer()
clock.start()
last = [clock.elapsed()]
def beat():
    now = clock.elapsed()
    gaps.append(now - last[0])
    if now - last[0] > 50:
        big.append((round(last[0] / 1000, 2), now - last[0]))
    last[0] = now
timer = QTimer()
timer.timeout.connect(beat)
timer.start(10)
idle_until = time.perf_counter() + 1.0  # the baseline: the same loop and heartbeat with nothing to do
while time.perf_counter() < idle_until:
    app.processEvents()
    time.sleep(0.001)
idle = max(gaps) if gaps else None
gaps.clear(), big.clear()
clock.restart()
last[0] = clock.elapsed()
t = time.perf_counter()
task = start_import(window, [sys.argv[1]])
done = []
task.signals.finished.connect(lambda: done.append(time.perf_counter()))
while not done:
    app.processEvents()
    time.sleep(0.001)
end = time.perf_counter() + 1.0  # the success handler and the tab's refresh, still under the heartbeat
while time.perf_counter() < end:
    app.processEvents()
    time.sleep(0.001)
timer.stop()
print(json.dumps({"seconds": done[0] - t, "max_gap_ms": max(gaps) if gaps else None, "beats": len(gaps),
                  "idle_max_gap_ms": idle,
                  "gaps_over_100ms": sum(1 for g in gaps if g > 100), "big": big,
                  "message": messages[-1][0] if messages else None}))
"""


def seconds(runs: list[dict]) -> str:
    return ", ".join(f"{r['seconds']:.2f}" for r in runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=5, help="alternating runs of each (medians are compared)")
    parser.add_argument("--data", type=Path, default=default_data(), help="the shared data folder")
    parser.add_argument("--compare", type=Path, nargs="*", default=[],
                        help="other checkouts whose import-police to time the same way (e.g. main's)")
    parser.add_argument("--gui", action="store_true", help="also import through the window, timing its event loop")
    parser.add_argument("--gui-runs", type=int, default=1, help="GUI imports to time (each into a new file)")
    parser.add_argument("--without-row-audit", action="store_true",
                        help="also time this checkout on a file without the figures' per-row audit triggers "
                             "(an estimate of batch auditing)")
    parser.add_argument("--no-bytecode-cache", action="store_true",
                        help="compile every module in every run (PYTHONDONTWRITEBYTECODE), as this benchmark did "
                             "before")
    args = parser.parse_args()
    try:
        import pandas  # noqa: F401
        import pyarrow  # noqa: F401
    except ImportError:
        sys.exit('The floor needs pandas and pyarrow: pip install -e ".[bench]"  (or: pip install pandas pyarrow)')
    work = Path(tempfile.mkdtemp(prefix="safer-desk-bench-"))
    env = {**os.environ, "SAFER_DESK_HOME": str(work / "home")}
    env.pop("PYTHONPATH", None)
    if args.no_bytecode_cache:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    else:
        # As installed: pip and the packaged build ship compiled bytecode, and pandas' is in site-packages,
        # but an editable checkout under PYTHONDONTWRITEBYTECODE compiles Safer Desk's modules in every run
        # (~0.1 s). Both sides get a bytecode cache of their own here, filled by the warm-up round and
        # removed with the rest of the work folder.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    try:
        folder = work / "police"
        folder.mkdir()
        t = time.perf_counter()
        files, rows = build_folder(args.data / "police-uk" / "suffolk-2025", folder, args.rows)
        size_mb = sum(f.stat().st_size for f in folder.iterdir()) / 1e6
        print(f"built {files} street files, {rows:,} rows, {size_mb:.0f} MB in {time.perf_counter() - t:.1f} s")
        checkouts = {"this checkout": ROOT, **{f"{p.name} ({p})": p.resolve() for p in args.compare}}
        blanks = {}
        for name, checkout in checkouts.items():  # each checkout's own new file (its own schema)
            blanks[name] = work / f"blank-{len(blanks)}.sqlite"
            run_child([sys.executable, "-c", BLANK, str(blanks[name])], cwd=checkout, env=env)
        if args.without_row_audit:
            name = "this checkout, figures without per-row audit (estimate)"
            checkouts[name] = ROOT
            blanks[name] = work / "blank-unaudited.sqlite"
            shutil.copyfile(blanks["this checkout"], blanks[name])
            run_child([sys.executable, "-c", UNAUDIT, str(blanks[name])], cwd=ROOT, env=env)
        for f in folder.iterdir():  # warm the page cache so no side pays for the first read
            f.read_bytes()
        floor_cmd = [sys.executable, "-c", FLOOR, str(folder)]
        results: dict[str, list[dict]] = {"floor": [], **{name: [] for name in checkouts}}
        load = os.getloadavg()[0]
        if not args.runs:  # a GUI measurement only: one command-line import warms the bytecode cache
            db = work / "warm-up.sqlite"
            shutil.copyfile(blanks["this checkout"], db)
            run_child([sys.executable, "-m", "safer_desk", "import-police", str(db), str(folder)], cwd=ROOT, env=env)
            db.unlink()
        else:
            for i in range(args.runs + 1):  # the first round warms up and is not counted
                round_results = {"floor": run_child(floor_cmd, cwd=ROOT, env=env)}
                for name, checkout in checkouts.items():
                    db = work / f"run-{i}-{len(round_results)}.sqlite"
                    shutil.copyfile(blanks[name], db)
                    round_results[name] = run_child([sys.executable, "-m", "safer_desk", "import-police", str(db),
                                                     str(folder)], cwd=checkout, env=env)
                    round_results[name]["stored"] = run_child([sys.executable, "-c", COUNT, str(db)], cwd=ROOT,
                                                              env=env)["out"].split()
                    db.unlink()
                if i:
                    for name, r in round_results.items():
                        results[name].append(r)
            print(f"whole processes, {args.runs} alternating runs each (after one warm-up round); machine load "
                  f"average {load:.1f} before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores; "
                  + ("no bytecode cache" if args.no_bytecode_cache else "bytecode cached (as installed)"))
            floor = statistics.median(r["seconds"] for r in results["floor"])
            print(f"  floor  pandas.read_csv(engine='pyarrow') of every file: median {floor:.2f} s "
                  f"(runs {seconds(results['floor'])}), CPU "
                  f"{statistics.median(r['cpu'] for r in results['floor']):.2f} s, peak "
                  f"{max(r['peak_mb'] for r in results['floor']):.0f} MB")
            for name in checkouts:
                rs = results[name]
                median = statistics.median(r["seconds"] for r in rs)
                ratios = [r["seconds"] / f["seconds"] for r, f in zip(rs, results["floor"])]
                stored = rs[-1]["stored"]
                print(f"  import-police, {name}: median {median:.2f} s (runs {seconds(rs)}), "
                      f"CPU {statistics.median(r['cpu'] for r in rs):.2f} s, "
                      f"peak {max(r['peak_mb'] for r in rs):.0f} MB; "
                      f"stored {int(stored[0]):,} counts, {int(stored[1]):,} figures, {int(stored[2]):,} audit rows")
                print(f"    ratio to the floor: {median / floor:.2f}x (medians; goal <= 1.0x); "
                      f"per run {', '.join(f'{x:.2f}' for x in ratios)}")
        if args.gui:
            db = work / "gui.sqlite"
            shutil.copyfile(blanks["this checkout"], db)
            for _ in range(args.gui_runs):
                shutil.copyfile(blanks["this checkout"], db)
                gui = json.loads(run_child([sys.executable, "-c", GUI, str(folder), str(db)], cwd=ROOT,
                                           env={**env, "QT_QPA_PLATFORM": "offscreen"})["out"].strip().splitlines()[-1])
                print(f"GUI import: {gui['seconds']:.2f} s; event loop longest gap {gui['max_gap_ms']} ms over "
                      f"{gui['beats']} beats (idle loop before it: {gui['idle_max_gap_ms']} ms), "
                      f"{gui['gaps_over_100ms']} gap(s) over 100 ms (goal: none); finished with {gui['message']}; "
                      f"gaps over 50 ms (at s, ms): {gui['big']}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
