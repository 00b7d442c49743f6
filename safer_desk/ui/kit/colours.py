"""The few colours the window sets itself, readable in the light theme and the dark one.

Windows 10/11 and macOS in dark mode give Qt a dark palette (light text on dark windows). A colour that reads
well on white (a dark red warning, a grey note) is lost on a dark window, and the default light text is lost
on a pale tint (the RAG cells, a warning box): so an alert and a quieter note take their colour from the
theme in use, and text on a pale tint is always dark.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette

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
