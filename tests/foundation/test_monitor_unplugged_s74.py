"""A second monitor unplugged (session 74; a guard, found to hold already through Qt's restoreGeometry): the window
and History of Changes, last closed on the office monitor to the right of the laptop, must open on the laptop once
it is on its own, not where that monitor was, out of sight (a window placed from its saved position alone did).
Run in processes of their own, each with the screens it is given (Qt's offscreen platform reads them from a file)."""

from __future__ import annotations

import json
import subprocess
import sys

SCREEN = {"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1, "width": 1366, "height": 768, "y": 0}

SCRIPT = r"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QDialog
app = QApplication([])
from safer_desk.ui.main_window import MainWindow
w = MainWindow()
assert w.open_path(Path(sys.argv[2]), create=True)
w.show()
app.processEvents()
w.show_history()
app.processEvents()
history = next(t for t in app.topLevelWidgets() if isinstance(t, QDialog) and t.isVisible())
if sys.argv[1] == "office":
    w.move(1500, 60)
    history.move(1600, 120)
    app.processEvents()
    history.close()
    w.save_state()
import json
print(json.dumps([w.frameGeometry().getRect(), history.frameGeometry().getRect(),
                  [s.geometry().getRect() for s in app.screens()]]))
history.close()
w.session.close()
"""


def run(process_env, tmp_path, screens: list[dict], where: str) -> list:
    config = tmp_path / f"{where}.json"
    config.write_text(json.dumps({"screens": [{**SCREEN, "name": n, "x": x} for n, x in screens]}), encoding="utf-8")
    env = {**process_env, "QT_QPA_PLATFORM": f"offscreen:configfile={config}"}
    office_file = tmp_path / "office.sqlite"
    done = subprocess.run([sys.executable, "-c", SCRIPT, where, str(office_file)], env=env, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_windows_left_on_a_monitor_since_unplugged_open_on_the_laptop(process_env, tmp_path):
    window, history, screens = run(process_env, tmp_path, [("laptop", 0), ("office", 1366)], "office")
    assert len(screens) == 2 and window[0] >= 1366 and history[0] >= 1366  # both left on the office monitor
    window, history, screens = run(process_env, tmp_path, [("laptop", 0)], "laptop")
    assert screens == [[0, 0, 1366, 768]]
    for x, y, width, height in (window, history):
        assert 0 <= x and x + width <= 1366 + 2 and 0 <= y and y + height <= 768 + 2, (window, history)
