"""Windows 10/11 and macOS in dark mode give Qt a dark palette: light text on dark windows. What the window
colours itself (the RAG tints, warnings, quieter notes) must stay readable there as in the light theme
(WCAG's 4.5:1 for text; 3:1 is the floor for large or bold text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from safer_desk.domain.periods import FinancialYear

DARK = {QPalette.ColorRole.Window: "#2b2b2b", QPalette.ColorRole.WindowText: "#ffffff",
        QPalette.ColorRole.Base: "#1e1e1e", QPalette.ColorRole.AlternateBase: "#262626",
        QPalette.ColorRole.Text: "#ffffff", QPalette.ColorRole.Button: "#353535",
        QPalette.ColorRole.ButtonText: "#ffffff", QPalette.ColorRole.PlaceholderText: "#9a9a9a"}


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@pytest.fixture(params=["light", "dark"])
def theme(request, qapp):
    before = qapp.palette()
    if request.param == "dark":
        palette = QPalette(before)
        for role, colour in DARK.items():
            palette.setColor(role, QColor(colour))
        qapp.setPalette(palette)
    yield request.param
    qapp.setPalette(before)


def label_colours(label: QLabel) -> tuple[QColor, QColor]:
    """A label's text colour (its style sheet's, else the theme's) and what it sits on: the theme's window colour
    (the label's own palette keeps the window colour of when its style sheet was applied)."""
    label.ensurePolished()
    return label.palette().color(label.foregroundRole()), QApplication.palette().color(QPalette.ColorRole.Window)


def test_the_rag_cells_and_the_notes_under_the_chart_are_readable(theme, demo_window, qtbot):
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.select_indicator("All crime")
    model = tab.summary_model
    rag = model.column_index("rag")
    for row in range(model.rowCount()):
        index = model.index(row, rag)
        back = index.data(Qt.ItemDataRole.BackgroundRole)
        text = index.data(Qt.ItemDataRole.ForegroundRole)
        text = QColor(text) if text is not None else QApplication.palette().color(QPalette.ColorRole.Text)
        assert contrast(text, QColor(back)) >= 4.5, (theme, index.data(), text.name(), QColor(back).name())
    grid = tab.grid
    for r in range(grid.rowCount()):
        for c in range(grid.columnCount()):
            item = grid.item(r, c)
            if item is not None and item.background().style() != Qt.BrushStyle.NoBrush \
                    and item.background().color().alpha():
                assert contrast(item.foreground().color(), item.background().color()) >= 4.5, (theme, item.text())
    for label in (tab.details, tab.chart_summary):
        text, back = label_colours(label)
        assert contrast(text, back) >= 4.5, (theme, label.accessibleName(), text.name(), back.name())


def test_warnings_and_messages_are_readable(theme, demo_window, qtbot):
    from safer_desk.ui.kit.colours import alert_style, on_pale_style, quiet_style

    for style in (alert_style(), quiet_style(), on_pale_style("#fff4d6")):
        label = QLabel("Not saved: correct the fields marked.")
        qtbot.addWidget(label)
        label.setStyleSheet(style)
        text, back = label_colours(label)
        if "background" in style:
            back = QColor("#fff4d6")
        assert contrast(text, back) >= 4.5, (theme, style, text.name(), back.name())


def test_notes_follow_the_theme_when_it_changes_with_the_window_open(demo_window, qapp, qtbot):
    # A note's colour was chosen when its page was built: switching Windows to dark mode with the window open
    # left grey notes on a dark window.
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    before = qapp.palette()
    dark = QPalette(before)
    for role, colour in DARK.items():
        dark.setColor(role, QColor(colour))
    try:
        qapp.setPalette(dark)
        qtbot.waitUntil(lambda: contrast(*label_colours(tab.chart_summary)) >= 4.5)
        text, back = label_colours(tab.details)
        assert contrast(text, back) >= 4.5, (text.name(), back.name())
    finally:
        qapp.setPalette(before)
    qtbot.waitUntil(lambda: contrast(*label_colours(tab.chart_summary)) >= 4.5)  # and back again
