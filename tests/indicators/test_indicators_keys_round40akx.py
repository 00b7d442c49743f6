"""Round 40 (akx): the Indicators tab and the dialogs it opens, by their Alt keys.

1. *Bars* had no Alt key: each of its letters is another control's (B the Budgets tab, A Area, R Area's field,
   S Save Figures). It reads *Bars by month* (Alt+N): what it shows, this year's months as bars (since s62
   *Bars, one per month*, or per quarter or year as the indicator's periods are, Alt+N still).
Checked on the tab and in each dialog it opens: each button, check box and field label has a key, none repeated, and
on the tab none a menu's.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel

from tests.foundation.test_window_guard import clashes, mnemonic, visible_letters, without_key


def indicators_tab(window, qtbot):
    window.resize(1093, 582)
    window.show()
    tab = window.show_tab("indicators")
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    QApplication.processEvents()
    return tab


def test_every_button_box_and_field_of_the_tab_has_an_alt_key(demo_window, qtbot):
    indicators_tab(demo_window, qtbot)
    assert without_key(demo_window) == []
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


def test_alt_n_unticks_bars_by_month(demo_window, qtbot):
    tab = indicators_tab(demo_window, qtbot)
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window, timeout=5000)
    assert tab.bars_check.isChecked() and tab.bars_check.isEnabled()
    tab.summary_view.setFocus()
    qtbot.keyClick(tab.summary_view, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not tab.bars_check.isChecked(), timeout=5000)  # the box's key ticks it, as a click
    assert tab.bars_check.hasFocus()


def repeated_keys(dialog) -> list[str]:
    """The Alt keys two things shown in ``dialog`` share (a dialog is a window of its own: the menus are not live)."""
    shown = dialog.findChildren(QAbstractButton) + dialog.findChildren(QLabel)
    letters = [(mnemonic(w.text()), w.text()) for w in shown
               if w.isVisible() and (not isinstance(w, QLabel) or w.buddy() is not None) and mnemonic(w.text())]
    return sorted(f"Alt+{k.upper()}: {t}" for k, t in letters if [x for x, _ in letters].count(k) > 1)


def opened_dialogs(window, qtbot):
    """Each dialog the tab opens, shown in turn: Indicator and Target…, Baseline and Benchmarks…, View > Compare
    Areas…, View > Populations…."""
    from safer_desk.ui.indicators import menu

    tab = indicators_tab(window, qtbot)
    tab.summary_view.selectRow(0)
    tab.edit_indicator()
    yield "indicator", tab._indicator_dialog
    tab.edit_framework()
    yield "framework", tab._framework_dialog
    yield "compare areas", menu.open_comparison(window)
    yield "populations", menu.open_populations(window)


def test_every_dialog_the_tab_opens_has_a_key_for_each_field_and_button_and_esc_closes_it(demo_window, qtbot):
    """Cancel and Close are Esc's (the dialog's own key), as everywhere in the program."""
    found = {}
    for name, dialog in opened_dialogs(demo_window, qtbot):
        qtbot.waitUntil(dialog.isVisible, timeout=5000)
        problems = [p for p in without_key(dialog) + repeated_keys(dialog)
                    if p not in ("QPushButton Cancel", "QPushButton Close")]
        if problems:
            found[name] = problems
        dialog.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
        qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert found == {}
