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


SQL_WORDS = ("SELECT ", "INSERT ", "UPDATE ", "DELETE ", "CREATE ", "DROP ", "ALTER ", "PRAGMA ", "WITH ")
SQL_CALLS = {"execute", "executemany", "executescript", "scalar", "rows", "one"}


def test_the_ui_holds_no_sql():
    """STYLE.md: no SQL in ui/ — a query in a widget is a rule the command line does not share. Every SQL statement
    written as a string, and every call of the store's query methods on a ``store`` or ``conn``, is in the services."""
    import ast

    found = []
    for path in sorted((ROOT / "safer_desk" / "ui").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            where = f"{path.relative_to(ROOT).as_posix()}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    node.value.lstrip().upper().startswith(SQL_WORDS) and " FROM " in f" {node.value.upper()} " \
                    or isinstance(node, ast.Constant) and isinstance(node.value, str) and \
                    node.value.lstrip().upper().startswith(("INSERT INTO", "UPDATE ", "DELETE FROM", "PRAGMA ")):
                found.append(f"{where} {node.value[:60]!r}")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SQL_CALLS:
                owner = node.func.value
                name = owner.attr if isinstance(owner, ast.Attribute) else getattr(owner, "id", "")
                if name in ("store", "conn") and node.args and isinstance(node.args[0], (ast.Constant, ast.JoinedStr)):
                    found.append(f"{where} {name}.{node.func.attr}(…)")
    assert found == []
