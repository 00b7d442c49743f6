"""The widget kit every tab is built from: one table model and sort proxy, one table view, one form,
one date field, one undo shape, one dialog that asks before typing is thrown away (``dialogs.GuardedDialog``).
See docs/architecture.md for the API and examples."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData, QRect
    from PySide6.QtWidgets import QPushButton, QWidget


def shown_as_typed(text: str) -> str:
    """Text from the file (a project's title, an office's name, a folder) for a menu item, button or tab, where a
    single & marks the Alt letter: "Babergh & Mid Suffolk" would show as "Babergh _Mid Suffolk"."""
    return text.replace("&", "&&")


def key_after_words(words: str, key: str, parent: QWidget | None = None) -> QPushButton:
    """A button whose Alt key is shown after its words, where every letter of them is another control's on the page;
    a screen reader says the words alone ("Delete"). A figure is shown with its Alt: "Delete (3)" beside one row
    chosen read as three rows deleted, and "Copy rows (4)" as four copied; "Delete (Alt+3)" does not. A letter or
    sign reads as the key it is ("= Sum (Q)")."""
    from PySide6.QtWidgets import QPushButton

    button = QPushButton(f"{words} ({'Alt+' if key.isdigit() else ''}&{key})", parent)
    button.setAccessibleName(words.replace("&", "").rstrip("…"))
    return button


def outermost_window(widget: QWidget | None) -> QWidget | None:
    """The top-level window under ``widget``'s window: a form over the Funders' Awards window over the main window
    has the main window."""
    window = widget.window() if widget is not None else None
    while window is not None and window.parentWidget() is not None:
        window = window.parentWidget().window()
    return window


def dialog_room(parent: QWidget | None) -> QRect | None:
    """Where a dialog over ``parent`` may lie: the top-level window (``outermost_window``), or the screen's available
    geometry (less the taskbar) without a window. A dialog measured against its parent's own window opened at the
    height of a list's window under it (the awards form at that window's 400, its last fields to be scrolled)."""
    from PySide6.QtGui import QGuiApplication

    window = outermost_window(parent)
    if window is not None:
        return window.frameGeometry()
    screen = QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def fitting_size(parent: QWidget | None, width: int, height: int) -> tuple[int, int]:
    """A dialog's size that fits in its room (``dialog_room``: a 1366x768 laptop at 125% leaves the window 1093x582):
    the size asked for where there is room, else the room's less a margin."""
    room = dialog_room(parent)
    if room is None:
        return width, height
    return min(width, max(600, room.width() - 24)), min(height, max(400, room.height() - 24))


def copy_to_clipboard(text: str, *, private: bool = False) -> None:
    """A table's copy (``to_tsv``) put on the clipboard for Excel: as the plain text every paste in Safer Desk reads,
    and as an HTML table (``tsv_as_html``), which Excel reads first, whose cells of text are formatted as Text, so
    "2009/10", "Apr-21" or "1/3" pasted there is not made a date. Every table's Copy puts its cells there so.
    ``private``: victim-level rows the officer chose to include, kept out of the clipboard's history
    (``kept_out_of_clipboard_history``)."""
    from PySide6.QtCore import QMimeData
    from PySide6.QtGui import QGuiApplication

    from safer_desk.exchange.files import tsv_as_html

    mime = QMimeData()
    mime.setText(text)
    mime.setHtml(tsv_as_html(text))
    if private:
        kept_out_of_clipboard_history(mime)
    QGuiApplication.clipboard().setMimeData(mime)


# What a password manager puts beside a password it copies, so that the system keeps no copy of it after the paste:
# Windows' clipboard history (Win+V) and its cloud clipboard, synced to the officer's other devices, read the three
# formats Microsoft names ("Cloud Clipboard and Clipboard History Formats": a DWORD 0, or the format's presence), and
# KDE's Klipper and the clipboard managers that follow it read x-kde-passwordManagerHint. Qt puts a
# "application/x-qt-windows-mime;value=…" format on the Windows clipboard under that name, as given.
_WINDOWS = 'application/x-qt-windows-mime;value="{}"'
HISTORY_FORMATS = {_WINDOWS.format("ExcludeClipboardContentFromMonitorProcessing"): b"\0\0\0\0",
                   _WINDOWS.format("CanIncludeInClipboardHistory"): b"\0\0\0\0",
                   _WINDOWS.format("CanUploadToCloudClipboard"): b"\0\0\0\0",
                   "x-kde-passwordManagerHint": b"secret"}


def kept_out_of_clipboard_history(mime: QMimeData) -> QMimeData:
    """Mark a copy of victim-level detail (a referral's reference, a review's notes: included when the officer answered
    Include it) so the clipboard's history and cloud sync keep none of it: it is pasted once, where it was meant to
    go, and is not there to be pasted again or on another computer."""
    from PySide6.QtCore import QByteArray

    for kind, value in HISTORY_FORMATS.items():
        mime.setData(kind, QByteArray(value))
    return mime


def clipboard_without_text(mime: QMimeData | None) -> str:
    """Why the clipboard has no text to read rows from (what it holds and what to do), or "" when it has text: every
    table's Paste says it. A table copied from some web pages or Outlook comes as HTML alone: pasting nothing, or
    "There are no rows to paste" alone, made the officer think the copy had failed."""
    if mime is not None and mime.hasText():  # even blank: Excel's copy of an empty cell is "\r\n" beside its HTML
        return ""
    if mime is not None and mime.hasHtml():
        return ("The clipboard holds a web page's table but no text: copy the rows from Excel, or paste them into "
                "Excel first and copy them from there.")
    if mime is None or not mime.formats():
        return "The clipboard is empty: copy the rows in Excel first, then paste them here."
    return ""  # something else (a picture, blank text): "There are no rows to paste." says it
