"""Benchmark: making a new Safer Desk file, from the shipped blank file against running the migration steps.

Times, alternating so machine load hits both alike:

- in this process, ``storage.store.create_file`` N times each way (the blank file: copy, check, identity in
  one transaction; the steps: ``use_blank=False``, sqlite-utils already imported);
- as whole processes, a fresh interpreter that makes one file each way (imports included: the steps need
  sqlite-utils, the blank does not), which is what a command given a new FILE pays
  (``safer-desk import-police NEW_FILE FOLDER``, File > New, a county merge).

Run:  python benchmarks/new_file.py [--runs 9]
Prints figures and the ratio of the medians; never asserts on time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = """
import sys
from pathlib import Path
from safer_desk.storage.store import create_file
create_file(Path(sys.argv[1]), "Office", use_blank=sys.argv[2] == "blank")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from safer_desk.storage.store import blank_file_problem, create_file

    problem = blank_file_problem()
    if problem:
        print(f"note: the shipped blank file is not usable ({problem}): both sides run the steps")
    work = Path(tempfile.mkdtemp(prefix="safer-desk-new-file-"))
    env = {**os.environ, "SAFER_DESK_HOME": str(work / "home"), "PYTHONPYCACHEPREFIX": str(work / "pycache")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(ROOT)
    try:
        create_file(work / "warm-blank.sqlite", "Office")
        create_file(work / "warm-steps.sqlite", "Office", use_blank=False)
        inside: dict[str, list[float]] = {"blank": [], "steps": []}
        whole: dict[str, list[float]] = {"blank": [], "steps": []}
        load = os.getloadavg()[0]
        for i in range(args.runs + 1):  # the first round warms up (bytecode, page cache) and is not counted
            for way in ("blank", "steps"):
                start = time.perf_counter()
                create_file(work / f"in-{i}-{way}.sqlite", "Office", use_blank=way == "blank")
                seconds = time.perf_counter() - start
                if i:
                    inside[way].append(seconds)
                start = time.perf_counter()
                subprocess.run([sys.executable, "-c", CHILD, str(work / f"out-{i}-{way}.sqlite"), way], cwd=work,
                               env=env, check=True)
                if i:
                    whole[way].append(time.perf_counter() - start)
        print(f"{args.runs} alternating runs each (after one warm-up round); machine load average {load:.1f} "
              f"before, {os.getloadavg()[0]:.1f} after, on {os.cpu_count()} cores")
        for title, figures in (("create_file in this process", inside),
                               ("a whole process that makes one file", whole)):
            blank, steps = (statistics.median(figures[w]) for w in ("blank", "steps"))
            print(f"  {title}: from the blank file median {blank * 1000:.0f} ms, by the steps "
                  f"{steps * 1000:.0f} ms; saved {(steps - blank) * 1000:.0f} ms ({blank / steps:.2f}x)")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
