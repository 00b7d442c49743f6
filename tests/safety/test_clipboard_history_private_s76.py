"""S76 (privacy): victim-level rows the officer chose to copy (Include it) were kept by the clipboard's history.

Found by copying from every table of the example file and listing the clipboard's formats: every copy put
text/plain and text/html there and nothing else, the fund's Referrals copied with Include it as any other table. On
Windows 10 and 11 the clipboard's history (Win+V) keeps each copy until it is cleared, and its cloud clipboard sends
it to the officer's other devices; KDE's Klipper keeps a history too. A referral's reference and district, answered
Include it to paste once into a MARAC spreadsheet, stayed there to be pasted again anywhere. A copy that includes
victim-level detail (a fund's Referrals and Spend lines, a review's Panel meetings' notes, the History of Changes'
lines and detail) now carries the formats a password manager's copy carries, which those histories honour; any
other copy is left as it was.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.ui.kit import HISTORY_FORMATS
from tests.safety.test_history_copy_privacy import NOTE as HISTORY_NOTE
from tests.safety.test_history_copy_privacy import changed_victim_level_detail
from tests.safety.test_history_detail_copy_privacy_s69 import chosen, detail_copied
from tests.safety.test_panel_meeting_notes_copy_s76 import NOTE, meetings  # noqa: F401 (the fixture)
from tests.kit.test_history_window_round23 import opened_history

WINDOWS_HISTORY = 'application/x-qt-windows-mime;value="CanIncludeInClipboardHistory"'


def copied_formats(qtbot, view) -> dict[str, bytes]:
    QGuiApplication.clipboard().setText("(nothing copied)")
    view.setFocus()
    view.selectAll()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    return {f: bytes(mime.data(f)) for f in mime.formats()}


def kept_out(formats: dict[str, bytes]) -> bool:
    return all(formats.get(kind) == value for kind, value in HISTORY_FORMATS.items())


def test_the_marks_are_those_windows_and_klipper_read():
    assert HISTORY_FORMATS[WINDOWS_HISTORY] == b"\0\0\0\0"  # a DWORD 0: not in the history
    assert HISTORY_FORMATS['application/x-qt-windows-mime;value="CanUploadToCloudClipboard"'] == b"\0\0\0\0"
    assert 'application/x-qt-windows-mime;value="ExcludeClipboardContentFromMonitorProcessing"' in HISTORY_FORMATS
    assert HISTORY_FORMATS["x-kde-passwordManagerHint"] == b"secret"


@pytest.fixture
def fund_page(demo_window, qtbot):
    demo_window.resize(1366, 768)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.funds
    tab.pages.setCurrentWidget(page.parentWidget())
    qtbot.waitUntil(lambda: page.referrals.model.rowCount() > 0, timeout=10000)
    return page


@pytest.mark.parametrize("table", ["referrals", "lines"])
def test_referrals_included_are_kept_out_of_the_clipboard_history(fund_page, qtbot, prompts, table):
    view = getattr(fund_page, table).view
    prompts.answers.append(True)  # Include it
    formats = copied_formats(qtbot, view)
    assert len(prompts.questions) == 1 and "TH-2018-0" in formats["text/plain"].decode()
    assert kept_out(formats)

    left_out = copied_formats(qtbot, view)  # Leave it out: nothing victim-level, an ordinary copy
    assert len(prompts.questions) == 2 and "TH-2018-0" not in left_out["text/plain"].decode()
    assert set(left_out) == {"text/plain", "text/html"}


def test_panel_meeting_notes_included_are_kept_out_of_it_too(meetings, qtbot, prompts):  # noqa: F811
    prompts.answers.append(True)
    formats = copied_formats(qtbot, meetings.view)
    assert NOTE in formats["text/plain"].decode() and kept_out(formats)


def test_the_history_copied_with_its_detail_is_kept_out_of_it(demo_window, qtbot, prompts):
    changed_victim_level_detail(demo_window)
    dialog = opened_history(demo_window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    prompts.answers.append(True)
    assert kept_out(copied_formats(qtbot, dialog.view))
    assert not kept_out(copied_formats(qtbot, dialog.view))  # left out (the question closed)


def test_the_history_detail_copied_with_its_detail_is_kept_out_of_it(demo_window, qtbot, prompts):
    changed_victim_level_detail(demo_window)
    dialog = opened_history(demo_window, qtbot)
    qtbot.waitUntil(lambda: not dialog.loading and dialog.proxy.rowCount() > 0, timeout=5000)
    chosen(dialog, lambda line: line is not None and any(HISTORY_NOTE in d for d in line.details))
    prompts.answers.append(True)
    assert detail_copied(qtbot, dialog)
    mime = QGuiApplication.clipboard().mimeData()
    assert kept_out({f: bytes(mime.data(f)) for f in mime.formats()})


def test_an_ordinary_copy_is_left_to_the_clipboard_history(demo_window, qtbot, prompts):
    tab = demo_window.show_tab("projects")
    qtbot.waitUntil(lambda: not tab.register.loading and bool(tab.register.model.rows), timeout=10000)
    formats = copied_formats(qtbot, tab.register.view)
    assert set(formats) == {"text/plain", "text/html"} and prompts.questions == []
