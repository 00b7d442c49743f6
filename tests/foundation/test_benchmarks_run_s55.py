"""Every script in benchmarks/ runs to the end (session 55). Three had stopped working without anyone seeing:
kill_loop.py at its export ("already exists: add --replace"), report_responsiveness.py waiting for ever on the
report dialog's "Replace it?" question, allocation_recompute.py on a chart that no longer has a viewport. Each
runs here at its smallest size, on the police.uk fixtures in tests/ where it reads police data, and must end
with exit 0 and its figures printed. (The figures themselves are not judged here: speed is read from the
scripts' own output, run whole, never asserted in a test.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "police"

# script: (its smallest arguments, a line its output must have)
SMALLEST = {
    "allocation_recompute.py": ([], "tab, one edit"),
    "audit_cost.py": (["--rows", "500", "--repeat", "1"], "chained/old total"),
    "budgets_plan.py": (["--lines", "20", "--years", "3"], "plan_totals (domain)"),
    "chart_paint.py": (["--repeats", "2"], "new figures + repaint median"),
    "costs_tab.py": (["--lines", "300", "--cases", "10", "--repeat", "1"], ""),
    "dependencies.py": (["--runs", "1"], "platformdirs"),
    "exchange_merge.py": (["--districts", "2", "--years", "1", "--runs", "1", "--data", "{data}"], "merge"),
    "example_only_offices.py": (["--sizes", "1", "2", "--runs", "1"], "the rule costs"),
    "indicators_charts.py": ([], ""),
    "indicators_import.py": (["--rows", "5000", "--runs", "1", "--data", "{data}"], "floor"),
    "new_file.py": (["--runs", "1"], ""),
    "open_check.py": ([], ""),
    "projects_register.py": (["60"], "filter by status"),
    "report_pdf.py": (["--rows", "20", "--old-limit", "20"], "rows  pages"),
    "report_responsiveness.py": (["--repeat", "1"], "report on the worker"),
    "startup.py": (["--runs", "1"], "own file (projects tab)"),
}
ON_THEIR_OWN = {"kill_loop.py"}
NEEDS_BENCH_EXTRA = {"indicators_import.py"}  # tests/safety/test_kill_loop_runs_s55.py runs it, checking what it counts


def test_every_benchmark_is_run_here():
    scripts = {p.name for p in (ROOT / "benchmarks").glob("*.py") if not p.name.startswith("_")}
    assert scripts == set(SMALLEST) | ON_THEIR_OWN


@pytest.mark.parametrize("script", sorted(SMALLEST))
def test_a_benchmark_runs_to_the_end(script, tmp_path, process_env):
    if script in NEEDS_BENCH_EXTRA:  # its yardstick, pandas.read_csv(engine="pyarrow"), is not the program's
        pytest.importorskip("pandas", reason='the bench extra (pip install -e ".[bench]") is not installed')
        pytest.importorskip("pyarrow", reason='the bench extra (pip install -e ".[bench]") is not installed')
    data = tmp_path / "data"
    shutil.copytree(FIXTURES, data / "police-uk")  # laid out as ../shared/data is
    args, expected = SMALLEST[script]
    env = {**process_env, "SAFER_DESK_SHARED_DATA": str(data)}
    result = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script),
                             *[a.format(data=data) for a in args]], cwd=ROOT, env=env, capture_output=True,
                            text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert expected in result.stdout, result.stdout[-3000:]
