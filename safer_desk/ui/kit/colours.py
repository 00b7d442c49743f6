"""The few colours the window sets itself, readable in the light theme and the dark one.

Windows 10/11 and macOS in dark mode give Qt a dark palette (light text on dark windows). A colour that reads
well on white (a dark red warning, a grey note) is lost on a dark window, and the default light text is lost
on a pale tint (the RAG cells, a warning box): so an alert and a quieter note take their colour from the
theme in use, and text on a pale tint is always dark. ``themed`` gives a widget its style and gives it again
when the theme changes with the window open (Windows 11 switched to dark mode, say).
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget

ON_PALE = "#1a1a1a"  # text on a pale tint (RAG cells, warning boxes), whatever the theme


def dark_theme() -> bool:
    """True when the windows are dark (the dark mode of Windows or macOS, or a dark palette set)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def alert_colour() -> str:
    """A warning's red: dark on a light window, light on a dark one (each above 4.5:1)."""
    return "#ff9e94" if dark_theme() else "#a00000"


def quiet_colour() -> str:
    """A note quieter than the text around it, still readable (above 4.5:1)."""
    return "#bdbdbd" if dark_theme() else "#444444"


def alert_style(extra: str = "") -> str:
    return f"color: {alert_colour()};{(' ' + extra) if extra else ''}"


def quiet_style() -> str:
    return f"color: {quiet_colour()};"


def on_pale_style(background: str, extra: str = "") -> str:
    """A pale box (a warning, a question) with dark text on it in either theme."""
    return f"background: {background}; color: {ON_PALE};{(' ' + extra) if extra else ''}"


def on_pale() -> QColor:
    return QColor(ON_PALE)


class _Restyler(QObject):
    """Hears the application's palette change (a switch of the system's theme, or a palette set) and styles the
    themed widgets again. A signal, not an event filter on the application, which would see every event."""

    def __init__(self, app: QGuiApplication):
        super().__init__(app)
        self.styled: dict[int, tuple[QWidget, Callable[[], str]]] = {}
        app.paletteChanged.connect(self.restyle)

    def add(self, widget: QWidget, style: Callable[[], str]) -> None:
        key = id(widget)
        if key not in self.styled:
            widget.destroyed.connect(lambda *_: self.styled.pop(key, None))
        self.styled[key] = (widget, style)

    def restyle(self, *_args) -> None:
        for widget, style in list(self.styled.values()):
            widget.setStyleSheet(style())


def themed(widget: QWidget, style: Callable[[], str]) -> None:
    """Style a widget now, and again whenever the theme changes (``style`` is asked each time)."""
    widget.setStyleSheet(style())
    app = QGuiApplication.instance()
    if app is None:  # pragma: no cover - widgets need an application
        return
    restyler = app.findChild(_Restyler)
    if restyler is None:
        restyler = _Restyler(app)
    restyler.add(widget, style)
