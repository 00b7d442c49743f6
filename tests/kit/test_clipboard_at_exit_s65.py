"""A run of the tests in one process (README: ``-n 0``) ended with a segmentation fault (exit 139) after every test
had passed when one had copied a table: the offscreen clipboard still held the QMimeData the kit's Copy makes in
Python as Qt's application was taken down. tests/conftest.py empties the clipboard first; this runs such a test in
a process of its own and reads its exit."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
COPIES = "tests/kit/test_copy_keeps_text_s62.py::test_the_copy_gives_excel_text_cells_formatted_as_text"


def test_a_run_that_copied_a_table_ends_cleanly(tmp_path):
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "0", COPIES],
                            cwd=ROOT, capture_output=True, text=True, timeout=300,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "TMPDIR": str(tmp_path)})
    assert "1 passed" in result.stdout, result.stdout + result.stderr
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
