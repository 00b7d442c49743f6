"""Session 70: the window by keyboard at 1366x768. Every page of every tab (and the pages inside them), every dialog
the menus open, and every dialog a page's or a dialog's "…" button opens, walked as an officer who never touches
the mouse: no two Alt letters shown at once (Qt cycles between duplicates, read as a broken shortcut), Esc closes
each dialog, and the keyboard comes back to the button that opened it."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QGroupBox, QLabel, QMainWindow, QMenu, QTabBar,
                               QTabWidget)

from safer_desk.ui.tabs import TAB_SPECS
from tests.foundation.test_window_guard import mnemonic

# Buttons that write, ask for a file, or leave: the walk opens only what shows a dialog to read.
NOT_PRESSED = ("Export", "Print", "Delete", "Remove", "Save", "Open", "Copy", "Withdraw", "Restore", "Back Up",
               "Merge", "Undo", "Redo", "Close", "Quit", "Paste", "Clear", "Report", "Import", "Bill again",
               "Browse")


def clashes(top) -> list[str]:
    """Alt letters shown twice at once in ``top`` (a window or a dialog): its menus, tabs, buttons, group boxes and
    labels that take a field's letter."""
    found = []
    if isinstance(top, QMainWindow):
        found += [(mnemonic(a.text()), f"menu {a.text()}") for a in top.menuBar().actions()]
    for bar in top.findChildren(QTabBar):
        if bar.isVisible() and bar.window() is top:
            found += [(mnemonic(bar.tabText(i)), f"tab {bar.tabText(i)}") for i in range(bar.count())]
    for w in top.findChildren(QAbstractButton) + top.findChildren(QLabel) + top.findChildren(QGroupBox):
        if not w.isVisible() or w.window() is not top or isinstance(w, QLabel) and w.buddy() is None:
            continue
        found.append((mnemonic(w.title() if isinstance(w, QGroupBox) else w.text()), f"{type(w).__name__} "
                      f"{w.title() if isinstance(w, QGroupBox) else w.text()}"))
    seen, out = {}, []
    for letter, where in found:
        if letter and letter in seen:
            out.append(f"Alt+{letter.upper()}: {seen[letter]} / {where}")
        elif letter:
            seen[letter] = where
    return out


class Walk:
    def __init__(self, window, qtbot):
        self.window, self.qtbot = window, qtbot
        self.problems: list[str] = []
        self.dialogs: list[str] = []

    def settle(self) -> None:
        QApplication.processEvents()
        self.qtbot.waitUntil(lambda: not self.window.is_busy(), timeout=10000)

    def pages(self, top, label: str, depth: int) -> None:
        """``top`` as shown, then each page of each tab row inside it (and theirs), with the dialogs they open."""
        self.look(top, label, depth)
        for tabs in [t for t in top.findChildren(QTabWidget) if t.window() is top and t.isVisible()
                     and t is not getattr(top, "tabs", None)]:
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                self.settle()
                self.look(top, f"{label} / {tabs.tabText(i)}", depth)

    def look(self, top, label: str, depth: int) -> None:
        self.problems += [f"{label}: {c}" for c in clashes(top)]
        if depth <= 0:
            return
        buttons = [b for b in top.findChildren(QAbstractButton) if b.window() is top and b.isVisible() and b.isEnabled()
                   and "…" in b.text() and not any(k in b.text().replace("&", "") for k in NOT_PRESSED)]
        for button in buttons:
            if shiboken6.isValid(button) and button.isVisible():
                button.setFocus()
                self.opened(lambda b=button: b.click(), f"{label} > {button.text()}", depth - 1, button)

    def opened(self, open_it, label: str, depth: int, came_from=None) -> None:
        """What ``open_it`` opens, looked at, then closed with Esc."""
        shown = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        open_it()
        self.settle()
        for top in QApplication.topLevelWidgets():
            if not shiboken6.isValid(top) or not top.isVisible() or id(top) in shown:
                continue
            if isinstance(top, QMenu):
                top.close()
                continue
            if not isinstance(top, QDialog):
                continue
            self.dialogs.append(label)
            self.pages(top, label, depth)
            top.activateWindow()
            self.qtbot.waitUntil(lambda t=top: QApplication.activeWindow() is t)
            QTest.keyClick(QApplication.focusWidget() or top, Qt.Key.Key_Escape)
            self.settle()
            if shiboken6.isValid(top) and top.isVisible():
                self.problems.append(f"{label}: Esc left it open")
                top.reject()
                self.settle()
            elif came_from is not None and shiboken6.isValid(came_from):
                owner = came_from.window()
                if owner.focusWidget() is not came_from:
                    self.problems.append(f"{label}: the keyboard came back to {owner.focusWidget()!r}, not the button")


def test_every_page_and_dialog_by_keyboard(demo_window, qtbot, prompts):
    window = demo_window
    window.resize(1366, 768)
    window.show()
    walk = Walk(window, qtbot)
    for spec in TAB_SPECS:
        window.show_tab(spec.key)
        walk.settle()
        walk.pages(window, spec.key, 2)
    window.show_tab("projects")
    for menu in [a.menu() for a in window.menuBar().actions() if a.menu()]:
        for action in menu.actions():
            words = action.text().replace("&", "")
            if action.menu() or not action.isEnabled() or not words.endswith("…") or any(
                    k in words for k in (*NOT_PRESSED, "Find")):
                continue
            walk.opened(action.trigger, f"menu {words}", 2)
    assert len(walk.dialogs) >= 20, walk.dialogs  # the walk reached the dialogs, not a window with none open
    assert walk.problems == []
