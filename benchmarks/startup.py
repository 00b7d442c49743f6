"""Start-up of the real window, against a bare PySide6 window (the floor).

Each run is a new process, as a user starts it; the candidates alternate so machine load hits all
alike. Timed from just before the process starts to the moment the window has drawn its first screen
with the file open ("first screen": the program prints that moment when SAFER_DESK_CLOSE_AFTER_START is
set), and to the moment every tab has settled (work a tab leaves for after its first screenful, such as
the Projects editor, done and the whole window drawn again: "settled"); then it closes itself the normal
way. Prints medians and ratios to the floor; goals: the own file's first screen at most 1.5x the floor,
`--demo` under a second.

    python benchmarks/startup.py [--runs 7] [--tab projects] [--baseline-tree OLD_CHECKOUT]

Candidates:
  floor     a bare PySide6 QMainWindow shown and drawn (QApplication, show, processEvents, grab)
  own file  `safer-desk FILE` on a copy of the example file (an office-sized file), the chosen tab
  --demo    `safer-desk --demo` (a fresh copy of the example in a temporary folder)
  data window  the least any window showing the register does, as a second floor: the bare window plus
            Qt's namespace (alignment, roles: every real window uses it), five menus of eight actions, four
            tabs, and the register's first screenful read from the same file by one SQL query into a
            QTableWidget (no models, presenters, checks or audit). What the own file costs beyond this is
            Safer Desk's own work; what this costs beyond the bare window is what any data window pays.
With --baseline-tree, the same two commands of another checkout (e.g. `git worktree add /tmp/old main`)
are measured in the same runs, through a small shim when that tree predates SAFER_DESK_CLOSE_AFTER_START.
For where the time goes: python -X importtime -m safer_desk FILE (with SAFER_DESK_CLOSE_AFTER_START=1).
With --instructions (where valgrind is installed), each candidate also runs once under callgrind, which counts the
instructions the process runs up to its first screen: within about 0.2% from one run to the next, however busy the
machine (here the clock's ratio of the data window to the floor moved between 1.1x and 1.6x from one run of this
script to the next), so a change worth a few percent shows; --callgrind-out DIR keeps the profiles
(callgrind_annotate reads them).
The runs use compiled bytecode (in a private PYTHONPYCACHEPREFIX, written by the first, untimed run),
as an installed copy does; PYTHONDONTWRITEBYTECODE=1 would add the compiling of every module to each run.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_WINDOW = """
import sys, time
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("floor")); w.resize(1280, 800); w.show()
app.processEvents()
w.grab()
sys.stderr.write(f"window shown at {time.time():.3f} (cpu {time.process_time():.3f})\\n")
"""

# The second floor (see the docstring): argv[1] is the file. Qt's namespace is imported on its own line, as
# every real window needs it (creating its Python enums is a measurable part of the cost).
DATA_WINDOW = """
import sys, time, sqlite3
from pathlib import Path
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLineEdit, QMainWindow, QPushButton, QTabWidget,
                               QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.resize(1280, 800)
for title in ("&File", "&Edit", "&View", "&County", "&Help"):
    menu = w.menuBar().addMenu(title)
    for i in range(8):
        menu.addAction(QAction(f"Item {i}", w))
tabs = QTabWidget(); tabs.setDocumentMode(True)
page = QWidget(); layout = QVBoxLayout(page)
bar = QHBoxLayout(); bar.addWidget(QLineEdit())
for text in ("Add", "Delete", "Export"):
    bar.addWidget(QPushButton(text))
layout.addLayout(bar)
conn = sqlite3.connect(Path(sys.argv[1]).resolve().as_uri() + "?mode=ro", uri=True)
rows = conn.execute("SELECT ref, title, status, funding_route, cost_min_pence, lead_organisation, areas "
                    "FROM projects ORDER BY ref, title LIMIT 40").fetchall()
table = QTableWidget(len(rows), 7)
table.setHorizontalHeaderLabels(["Ref", "Project / initiative", "Status", "Funding route", "Cost",
                                 "Lead organisation", "Areas"])
for r, row in enumerate(rows):
    for c, value in enumerate(row):
        item = QTableWidgetItem("" if value is None else str(value))
        if c == 4:
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        table.setItem(r, c, item)
layout.addWidget(table)
tabs.addTab(page, "&Projects")
for title in ("&Allocation", "&Costs", "&Indicators"):
    tabs.addTab(QWidget(), title)
w.setCentralWidget(tabs)
w.show()
app.processEvents()
w.grab()
sys.stderr.write(f"window shown at {time.time():.3f} (cpu {time.process_time():.3f})\\n")
"""

# For a tree that does not say when its first screen is drawn: draw it the same way right after the file
# opens (layouts, then every widget in view painted, with grab) and say so; the tree's own
# SAFER_DESK_CLOSE_AFTER_START closes it.
FIRST_SHIM = """
import sys, time
import safer_desk.ui.main_window as mw
from PySide6.QtCore import QCoreApplication, QEvent
opened = mw.MainWindow.open_path
def open_path(self, *a, **k):
    result = opened(self, *a, **k)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest.value)
    self.grab()
    sys.stderr.write(f"safer-desk: first screen at {time.time():.3f} (cpu {time.process_time():.3f})\\n")
    return result
mw.MainWindow.open_path = open_path
from safer_desk.cli import main
sys.exit(main(sys.argv[1:]))
"""

# For a tree without SAFER_DESK_CLOSE_AFTER_START: report and close once the file is open and drawn.
SHIM = """
import sys, time
import safer_desk.ui.main_window as mw
from PySide6.QtCore import QTimer
opened = mw.MainWindow.open_path
def open_path(self, *a, **k):
    result = opened(self, *a, **k)
    def done():
        from safer_desk.ui.app import wait_until_idle
        wait_until_idle(self)
        self.grab()
        sys.stderr.write(f"window shown at {time.time():.3f}\\n")
        self.close()
    QTimer.singleShot(0, done)
    return result
mw.MainWindow.open_path = open_path
from safer_desk.cli import main
sys.exit(main(sys.argv[1:]))
"""

# What the installed `safer-desk` command runs (the script pip writes, less its renaming of argv[0]), run the way the
# floors are (-c), rather than `python -m safer_desk`: runpy's finding and loading of the package as __main__ is
# start-up a user's command never pays.
COMMAND = "import sys; from safer_desk.cli import main; sys.exit(main())"

# For --instructions: the same command, ended at its first screen (what callgrind counts is then start-up alone, not
# the settling, closing and tidying after it); each floor is likewise ended once drawn. A baseline tree run through
# a shim (older than the first screen's line) is counted to its end.
TO_FIRST_SCREEN = """
import os, sys
import safer_desk.ui.app as app
drawn = app._first_screen_drawn
def first(window):
    drawn(window)
    sys.stderr.flush()
    os._exit(0)
app._first_screen_drawn = first
from safer_desk.cli import main
sys.exit(main())
"""

SHOWN = re.compile(r"window shown at (\d+\.\d+)")
FIRST = re.compile(r"first screen at (\d+\.\d+)")
# The CPU time the process had used by then (all its threads): steadier than the wall clock on a busy machine.
CPU = re.compile(r"first screen at \d+\.\d+ \(cpu (\d+\.\d+)\)|window shown at \d+\.\d+ \(cpu (\d+\.\d+)\)")


def timed(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, float, float]:
    """(seconds to the first drawn screen, to the settled window, for the whole process; CPU seconds used by
    the first screen, or nan when the program does not say)."""
    start = time.time()
    result = subprocess.run(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            timeout=300)
    end = time.time()
    shown = SHOWN.search(result.stderr)
    if result.returncode != 0 or not shown:
        raise SystemExit(f"startup: {' '.join(cmd)} failed (exit {result.returncode}):\n{result.stderr[-2000:]}")
    first = FIRST.search(result.stderr) or shown  # the floor draws everything at once
    cpu = CPU.search(result.stderr)
    cpu_s = float(next(g for g in cpu.groups() if g)) if cpu else float("nan")
    return float(first.group(1)) - start, float(shown.group(1)) - start, end - start, cpu_s


def instructions(cmd: list[str], env: dict[str, str], cwd: Path, out: Path) -> int:
    """The instructions ``cmd`` runs to its first screen, counted by valgrind's callgrind (one run: Python's hashing
    fixed, the count moves by about 0.2% from one run to the next)."""
    ended = {COMMAND: TO_FIRST_SCREEN, BARE_WINDOW: BARE_WINDOW + "import os\nos._exit(0)\n",
             DATA_WINDOW: DATA_WINDOW + "import os\nos._exit(0)\n"}  # not Qt's and Python's closing either
    if cmd[1:2] == ["-c"] and cmd[2] in ended:
        cmd = [cmd[0], "-c", ended[cmd[2]], *cmd[3:]]
    result = subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}", *cmd],
                            env={**env, "PYTHONHASHSEED": "0"}, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True, timeout=900)
    counted = re.search(r"Collected : (\d+)", result.stderr)
    if not counted:
        raise SystemExit(f"startup: callgrind counted nothing for {' '.join(cmd[:2])} (exit {result.returncode}):\n"
                         f"{result.stderr[-2000:]}")
    return int(counted.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tab", default="projects", choices=("projects", "allocation", "costs", "indicators"))
    parser.add_argument("--baseline-tree", help="another checkout to measure in the same runs (before/after)")
    parser.add_argument("--instructions", action="store_true",
                        help="also count each candidate's instructions to its first screen (valgrind's callgrind)")
    parser.add_argument("--callgrind-out", help="with --instructions: keep the profiles in this folder")
    args = parser.parse_args()
    if args.instructions and shutil.which("valgrind") is None:
        parser.error("--instructions needs valgrind (apt install valgrind)")

    work = Path(tempfile.mkdtemp(prefix="safer-desk-bench-"))
    try:
        # A desktop's screen (1920x1080) for every candidate: Qt's offscreen screen is 800x800 by default, where the
        # real window's first start would open smaller than on a desk (it fits itself to the screen).
        screen = work / "screen.json"
        screen.write_text('{"screens": [{"name": "desk", "x": 0, "y": 0, "width": 1920, "height": 1080, '
                          '"logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}', encoding="utf-8")
        env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={screen.as_posix()}",
               "SAFER_DESK_CLOSE_AFTER_START": "1",
               "SAFER_DESK_HOME": str(work / "home"), "XDG_CONFIG_HOME": str(work / "config"),
               "TMPDIR": str(work / "tmp"),
               # Bytecode as an installed copy has it (pip compiles it at install): with
               # PYTHONDONTWRITEBYTECODE every start would compile our modules from source again.
               "PYTHONPYCACHEPREFIX": str(work / "pycache")}
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        (work / "tmp").mkdir()
        settings = work / "config" / "Safer Desk"
        settings.mkdir(parents=True)
        (settings / "Safer Desk.ini").write_text(f"[window]\ntab={args.tab}\n", encoding="utf-8")
        own = work / "office.sqlite"
        subprocess.run([sys.executable, "-m", "safer_desk", "demo", str(own)], check=True, env=env, cwd=ROOT,
                       stdout=subprocess.DEVNULL)

        own_name = f"own file ({args.tab} tab)"
        candidates: dict[str, tuple[list[str], dict[str, str], Path]] = {
            "floor (bare PySide6 window)": ([sys.executable, "-c", BARE_WINDOW], env, ROOT),
            "data window (second floor)": ([sys.executable, "-c", DATA_WINDOW, str(own)], env, ROOT),
            own_name: ([sys.executable, "-c", COMMAND, str(own)], env, ROOT),
            "--demo": ([sys.executable, "-c", COMMAND, "--demo"], env, ROOT),
        }
        if args.baseline_tree:
            tree = Path(args.baseline_tree).resolve()
            old_env = {**env, "PYTHONPATH": str(tree)}
            app_text = (tree / "safer_desk" / "ui" / "app.py").read_text(encoding="utf-8")
            if "first screen at" in app_text:
                runner = [sys.executable, "-c", COMMAND]
            elif "SAFER_DESK_CLOSE_AFTER_START" in app_text:
                runner = [sys.executable, "-c", FIRST_SHIM]
            else:
                runner = [sys.executable, "-c", SHIM]
            # Its own example file, made by its own code: a file of a newer layout is refused by an older program.
            old_own = work / "baseline office.sqlite"
            subprocess.run([sys.executable, "-m", "safer_desk", "demo", str(old_own)], check=True, env=old_env,
                           cwd=tree, stdout=subprocess.DEVNULL)
            candidates[f"baseline own file ({tree.name})"] = (runner + [str(old_own)], old_env, tree)
            candidates[f"baseline --demo ({tree.name})"] = (runner + ["--demo"], old_env, tree)

        for cmd, e, cwd in candidates.values():  # warm the disk cache once, as a second start would be
            timed(cmd, e, cwd)
        firsts: dict[str, list[float]] = {name: [] for name in candidates}
        shown: dict[str, list[float]] = {name: [] for name in candidates}
        whole: dict[str, list[float]] = {name: [] for name in candidates}
        cpus: dict[str, list[float]] = {name: [] for name in candidates}
        for _ in range(args.runs):
            for name, (cmd, e, cwd) in candidates.items():
                first, settled, total, cpu = timed(cmd, e, cwd)
                cpus[name].append(cpu)
                firsts[name].append(first)
                shown[name].append(settled)
                whole[name].append(total)
        floor = statistics.median(next(iter(firsts.values())))
        print(f"runs: {args.runs} each, alternating, offscreen; medians to the first drawn screen with the file "
              f"open, to the settled window, and of the whole process")
        for name in candidates:
            first, settled = statistics.median(firsts[name]), statistics.median(shown[name])
            print(f"  {name:<42} first screen {first * 1000:5.0f} ms (min {min(firsts[name]) * 1000:4.0f}) "
                  f"{first / floor:4.2f}x the floor;  settled {settled * 1000:5.0f} ms {settled / floor:4.2f}x;  "
                  f"process {statistics.median(whole[name]) * 1000:5.0f} ms")
        floor_cpu = statistics.median(next(iter(cpus.values())))
        print("CPU time used by the first screen (all threads; steadier than the clock when the machine is busy):")
        for name in candidates:
            cpu = statistics.median(cpus[name])
            print(f"  {name:<42} {cpu * 1000:5.0f} ms  {cpu / floor_cpu:4.2f}x the floor")
        data = statistics.median(firsts["data window (second floor)"])
        print(f"own file against the data window: {statistics.median(firsts[own_name]) / data:4.2f}x "
              f"(Safer Desk's own work); the data window against the bare one: {data / floor:4.2f}x")
        leftovers = list((work / "tmp").iterdir())  # before the counted runs, which end without tidying
        if leftovers:
            print(f"note: the runs left {[p.name for p in leftovers]} in their temporary folder")
        if args.instructions:
            kept = Path(args.callgrind_out).resolve() if args.callgrind_out else work
            kept.mkdir(parents=True, exist_ok=True)
            counts = {name: instructions(cmd, e, cwd, kept / f"callgrind.{i}.out")
                      for i, (name, (cmd, e, cwd)) in enumerate(candidates.items())}
            floor_count = next(iter(counts.values()))
            print("instructions run to the first screen (callgrind, one run each: within ~0.2% run to run):")
            for name, count in counts.items():
                print(f"  {name:<42} {count / 1e6:7.1f} M  {count / floor_count:4.2f}x the floor")
            if args.callgrind_out:
                print(f"profiles in {kept} (callgrind.N.out in the order above; read with callgrind_annotate)")
        print("goals: own file's first screen <= 1.5x the floor; --demo under 1 s")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
