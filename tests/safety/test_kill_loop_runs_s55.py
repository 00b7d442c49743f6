"""Session 55: benchmarks/kill_loop.py had stopped at its second operation ("county.sqlite already exists: add
--replace") since export and report began refusing to write over a file unasked, so nobody had seen its figures
for the export, the merge, the upgrade or the report. It runs here, once per operation that needs no shared data:
a kill at a random moment leaves every file as it was or whole, and nothing victim-level or ours behind."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_kill_loop_runs_and_every_kill_leaves_the_files_whole(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "kill_loop.py"), "--runs", "1",
                             "--only", "export,merge,migration,report"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    lines = {line.split()[0]: line for line in result.stdout.splitlines() if line and not line.startswith(" ")}
    assert set(lines) >= {"export", "merge", "migration", "report", "total"}, result.stdout
    for name in ("export", "merge", "migration", "report"):
        intact = re.search(r"files intact (\d+)/(\d+)", lines[name])
        assert intact and intact.group(1) == intact.group(2) != "0", lines[name]
        assert "leftovers after the next start 0" in lines[name] and "victim data found 0" in lines[name], lines[name]
    assert "not intact" not in result.stdout


def test_an_operation_the_loop_does_not_have_is_said(tmp_path):
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "kill_loop.py"), "--only", "exprot"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2 and "no operation called exprot" in result.stdout, result.stdout + result.stderr
