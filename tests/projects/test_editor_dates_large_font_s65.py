"""Session 65 (laptop, large text): with the system's text a size or two larger (10 or 11 points, as Windows' "Make
text bigger" gives), the project editor's Start date and End date read "4/2009" and "3/2010" at 1366x768 (125%): the
two dates share a row of the editor and each field was as narrow as Qt lets a line edit be, so its first digits were
cut off. A date field is now never narrower than a date, whatever the font."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle, QStyleOptionFrame

from tests.window_sizes import LAPTOP_SIZES, resize_window


def text_room(edit: QLineEdit) -> int:
    """The width the line edit has for its text (inside its frame and Qt's 2-pixel margins each side)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    return edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit).width() - 4


@pytest.fixture(params=[10.0, 11.0], ids=["10pt", "11pt"])
def larger_text(request):
    app = QApplication.instance()
    before = app.font()
    font = app.font()
    font.setPointSizeF(request.param)
    app.setFont(font)
    yield request.param
    app.setFont(before)


def test_the_editors_dates_are_read_whole_with_larger_text(larger_text, demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    resize_window(demo_window, LAPTOP_SIZES[0])
    editor = page.editor
    qtbot.waitUntil(lambda: editor.widgets["start_date"].text() == "01/04/2009")
    resize_window(demo_window, LAPTOP_SIZES[0])
    for key in ("start_date", "end_date"):
        edit = editor.widgets[key].edit
        assert edit.isVisible()
        assert text_room(edit) >= edit.fontMetrics().horizontalAdvance(edit.text()), (key, edit.text(), edit.width())


def test_a_date_field_is_never_narrower_than_a_date(larger_text, qtbot):
    from safer_desk.ui.kit.dates import DateField

    field = DateField(accessible_name="Start date")
    qtbot.addWidget(field)
    field.setText("28/08/2028")
    field.resize(field.minimumSizeHint())
    field.show()
    qtbot.waitExposed(field)
    assert text_room(field.edit) >= field.edit.fontMetrics().horizontalAdvance("28/08/2028")
