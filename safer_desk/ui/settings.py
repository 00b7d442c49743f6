"""Window state in QSettings, every key read with an explicit type and default."""

from __future__ import annotations

import os

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings

RECENT_LIMIT = 8


def app_settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "Safer Desk", "Safer Desk")


def read_str(key: str, default: str = "") -> str:
    value = app_settings().value(key, default, type=str)
    return value if isinstance(value, str) else default


def read_bool(key: str, default: bool = False) -> bool:
    value = app_settings().value(key, default, type=bool)
    return bool(value)


def read_int(key: str, default: int = 0) -> int:
    try:
        return int(app_settings().value(key, default, type=int))
    except (TypeError, ValueError):
        return default


def read_bytes(key: str) -> QByteArray:
    value = app_settings().value(key, QByteArray(), type=QByteArray)
    return value if isinstance(value, QByteArray) else QByteArray()


def remember_splitter(splitter, key: str) -> None:
    """The splitter's sizes as the person left them (``key``, a typed read): put back now, kept whenever moved.

    The state saved holds whether a pane may be dragged away to nothing: the program's choice is kept, not the saved
    one, and a pane an earlier version saved at nothing comes back at its smallest size (session 69)."""
    saved = read_bytes(key)
    if not saved.isEmpty():
        collapsible = splitter.childrenCollapsible()
        splitter.restoreState(saved)
        splitter.setChildrenCollapsible(collapsible)
        sizes = splitter.sizes()
        if not collapsible and 0 in sizes:
            splitter.setSizes([size or 1 for size in sizes])  # each pane then at least its smallest size
    splitter.splitterMoved.connect(lambda *_: write(key, splitter.saveState()))


class _GeometryKeeper(QObject):
    """Writes its window's size and place (``key``) each time the window is closed or hidden."""

    def __init__(self, window, key: str):
        super().__init__(window)
        self.key = key

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Hide and not event.spontaneous():  # closed, not minimised
            write(self.key, watched.saveGeometry())
        return False


def remember_geometry(window, key: str) -> None:
    """A window's size and place as the person left it (``key``), as the main window's are: put back now where Qt
    finds it fits a screen there now (else it keeps the size it was given), kept each time it is closed."""
    saved = read_bytes(key)
    if not saved.isEmpty():
        window.restoreGeometry(saved)
    window.installEventFilter(_GeometryKeeper(window, key))


def read_list(key: str) -> list[str]:
    value = app_settings().value(key, [], type=list)
    return [str(v) for v in (value or []) if v]


def write(key: str, value: object) -> None:
    s = app_settings()
    s.setValue(key, value)
    s.sync()


def add_recent_file(path: str) -> list[str]:
    """Put path first in File > Open Recent (and remember it as the last file); a temporary copy
    (`--demo`) is never listed, since it is gone when its window closes, and ones listed by older
    versions are dropped."""
    from safer_desk.services.example_copy import is_demo_copy

    s = app_settings()  # one settings file read and one written (this runs while the file's first screen is drawn)
    value = s.value("files/recent", [], type=list)
    recent = [str(p) for p in (value or []) if p and not _same_listed(str(p), path) and not is_demo_copy(str(p))]
    if not is_demo_copy(path):
        recent.insert(0, path)
        s.setValue("files/last", path)
    return _keep_recent(s, recent[:RECENT_LIMIT])


def read_recent() -> list[str]:
    """File > Open Recent's list as the menu shows it: at most RECENT_LIMIT files, each once, never an example's
    temporary copy. A list written by an older version or by hand (fourteen entries, one twice, a `--demo` copy gone
    with its run) was shown whole; it is rewritten only when the next file opens (``add_recent_file``)."""
    from safer_desk.services.example_copy import is_demo_copy

    shown: list[str] = []
    for path in read_list("files/recent"):
        if len(shown) == RECENT_LIMIT:
            break
        if not is_demo_copy(path) and not any(_same_listed(kept, path) for kept in shown):
            shown.append(path)
    return shown


def _same_listed(listed: str, path: str) -> bool:
    """Whether a listed entry is the file at path by another name (through a linked folder, another case on
    Windows), so it is listed once. Only an entry of the same file name on the same drive is looked at on the disk:
    a drive or share not connected now (where Windows waits long to say so) is never asked about."""
    if listed == path:
        return True
    if _name_as_typed(listed) != _name_as_typed(path):
        return False
    if os.path.normcase(listed) in (os.path.normcase(path), os.path.normcase(os.path.realpath(path))):
        return True
    if os.path.normcase(os.path.splitdrive(listed)[0]) != os.path.normcase(os.path.splitdrive(path)[0]):
        return False
    from safer_desk.paths import same_file

    return same_file(listed, path)


def _name_as_typed(path: str) -> str:
    """A file's name as compared for Open Recent: in any case on Windows, its accents composed one way (macOS keeps
    "Môn" as "Mo" and a separate accent, and opens it by either)."""
    import unicodedata

    return unicodedata.normalize("NFC", os.path.normcase(os.path.basename(path)))


def remove_recent_file(path: str) -> list[str]:
    """Take path off File > Open Recent (a file that is gone, when the person says so), by every name it is listed
    under (the menu shows it once: another spelling left behind came back at once); returns the list left."""
    s = app_settings()
    return _keep_recent(s, [str(p) for p in (s.value("files/recent", [], type=list) or [])
                            if p and not _same_listed(str(p), path)])


def _keep_recent(s, recent: list[str]) -> list[str]:
    """Write the Open Recent list (none: the key removed) and return it."""
    if recent:
        s.setValue("files/recent", recent)
    else:
        s.remove("files/recent")
    s.sync()
    return recent
