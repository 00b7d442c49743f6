"""Cold start: `safer-desk screenshot` of a tab on the example file, against a bare PySide6 window (the floor).

Each run is a new process (a cold start as a user gets it); the two commands alternate so
machine load affects both alike. Prints medians and the ratio; the goal is at most 1.5x the
floor for the Projects tab.

    python benchmarks/startup.py [--runs 7] [--tab projects]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("floor")); w.resize(1280, 800); w.show()
app.processEvents()
w.grab().save(sys.argv[1], "PNG")
"""


def timed(cmd: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tab", default="projects", choices=("projects", "allocation", "costs", "indicators"))
    args = parser.parse_args()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    work = Path(tempfile.mkdtemp(prefix="safer-desk-bench-"))
    env["SAFER_DESK_HOME"] = str(work / "home")
    example = work / "example.sqlite"
    subprocess.run([sys.executable, "-m", "safer_desk", "demo", str(example)], check=True, env=env, cwd=ROOT,
                   stdout=subprocess.DEVNULL)
    app_cmd = [sys.executable, "-m", "safer_desk", "screenshot", str(work / "app.png"), "--tab", args.tab, str(example)]
    floor_cmd = [sys.executable, "-c", BARE_WINDOW, str(work / "floor.png")]
    timed(floor_cmd, env), timed(app_cmd, env)  # warm the disk cache once, as a second start would be
    floor, app = [], []
    for _ in range(args.runs):
        floor.append(timed(floor_cmd, env))
        app.append(timed(app_cmd, env))
    f, a = statistics.median(floor), statistics.median(app)
    print(f"runs: {args.runs} each, alternating; tab: {args.tab}")
    print(f"bare PySide6 window screenshot (floor): median {f * 1000:.0f} ms  (min {min(floor) * 1000:.0f})")
    print(f"safer-desk screenshot --tab {args.tab}:   median {a * 1000:.0f} ms  (min {min(app) * 1000:.0f})")
    print(f"ratio: {a / f:.2f}x the floor (goal <= 1.5x for the Projects tab)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
