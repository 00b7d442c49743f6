"""`safer-desk FILE` tells a police.uk file from a Safer Desk file before opening it; the usual start (a .sqlite or
.db file) is told by its ending without loading the drop rule (presenters.drops), which stays off the path to the
first paint. A .csv, .zip or folder is still asked about as police.uk data."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _told(path: Path) -> tuple[str, str]:
    code = ("import sys; from pathlib import Path; from safer_desk.cli import _police_data;"
            f"told = _police_data(Path({str(path)!r}));"
            "print(told, 'safer_desk.presenters.drops' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    return tuple(result.stdout.split())


def test_an_office_file_is_told_without_the_drop_rule(tmp_path):
    for name in ("Babergh.sqlite", "Office.DB"):
        (tmp_path / name).write_bytes(b"")
        assert _told(tmp_path / name) == ("False", "False")


def test_police_data_is_still_told_by_the_drop_rule(tmp_path):
    street = tmp_path / "2024-01-suffolk-street.csv"
    street.write_text("Crime ID,Month\n", encoding="utf-8")
    assert _told(street) == ("True", "True")
    assert _told(tmp_path) == ("True", "True")
