"""Only the ui imports Qt; arrows point down (ui → services → exchange → storage → domain)."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    result = subprocess.run([sys.executable, "-c", "import sys; from importlinter.cli import lint_imports_command;"
                             "sys.exit(lint_imports_command())"],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


def test_first_window_path_does_not_import_pandas_or_the_chart():
    code = ("import sys; from safer_desk.ui.main_window import MainWindow; from safer_desk.storage.store import open_store;"
            "import safer_desk.ui.projects.tab;"
            "print(sorted(m for m in ('pandas', 'numpy', 'sqlite_utils', 'safer_desk.ui.kit.chart') if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
