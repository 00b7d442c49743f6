"""Start-up (issue 16): handed a widget Qt made (a table heading's viewport), PySide6 finds its Python class by
loading every widget class it has not loaded yet, with their enums: 43 M instructions of the 1,320 M to the
register's first screen. The kit's tables read presses on their headings as the headings pass them on, so the first
screen loads only the widget classes it uses (a calendar is not one of them); a drag of a heading's edge is still a
width set by hand (tests/kit/test_table_view_round37.py)."""

import subprocess
import sys

from PySide6.QtCore import QPoint, Qt

from safer_desk.ui.kit.table_view import DataTableView

AT_FIRST_SCREEN = """
import sys
import safer_desk.ui.app as app
drawn = app._first_screen_drawn
def first_screen(window):
    drawn(window)
    from PySide6 import QtWidgets
    sys.stdout.write(f"calendar class loaded: {'QCalendarWidget' in vars(QtWidgets)}\\n")
    sys.stdout.flush()
app._first_screen_drawn = first_screen
from safer_desk.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_the_first_screen_loads_no_widget_class_it_does_not_show(process_env, demo_path):
    result = subprocess.run([sys.executable, "-c", AT_FIRST_SCREEN, str(demo_path)],
                            env={**process_env, "SAFER_DESK_CLOSE_AFTER_START": "1"}, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr
    assert "calendar class loaded: False" in result.stdout.splitlines()


def test_the_headings_say_a_left_button_held_on_them(qtbot):
    view = DataTableView()
    qtbot.addWidget(view)
    header = view.horizontalHeader()
    assert header.sectionsClickable() and header.highlightSections()  # as QTableView makes its own
    qtbot.mousePress(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert header.held
    qtbot.mouseRelease(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(2, 2))
    assert not header.held
    qtbot.mousePress(header.viewport(), Qt.MouseButton.RightButton, pos=QPoint(2, 2))
    assert not header.held
