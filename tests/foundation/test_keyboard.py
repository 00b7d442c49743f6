"""Everything reachable by keyboard (DESIGN §5): on every page of every tab, no two things on screen share an Alt
letter. Two that do are not a shortcut but a cycle: Alt+B on the Indicators tab moved the focus to the Bars box
and back instead of opening the Budgets tab."""

from __future__ import annotations

import re
from collections import defaultdict

from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabBar, QTabWidget

from safer_desk.ui.app import wait_until_idle
from safer_desk.ui.tabs import TAB_SPECS


def alt_letter(text: str) -> str | None:
    found = re.search(r"&([^&])", text.replace("&&", ""))
    return found.group(1).casefold() if found else None


def alt_letters_on_screen(window) -> dict[str, list[str]]:
    """Each Alt letter and what on screen has it: menus, buttons, labels with a buddy, tabs, group boxes."""
    seen: dict[str, list[str]] = defaultdict(list)

    def note(text: str, what: str) -> None:
        letter = alt_letter(text)
        if letter:
            seen[letter].append(f"{what} {text!r}")

    for action in window.menuBar().actions():
        note(action.text(), "menu")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible():
            note(button.text(), "button")
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None:
            note(label.text(), "label")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for i in range(bar.count()):
                note(bar.tabText(i), "tab")
    for group in window.findChildren(QGroupBox):
        if group.isVisible():
            note(group.title(), "group")
    return seen


def test_no_two_things_on_a_page_share_an_alt_letter(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    clashes = {}
    pages_seen = 0
    for spec in TAB_SPECS:
        tab = demo_window.show_tab(spec.key)
        wait_until_idle(demo_window)
        pages = getattr(tab, "pages", None)
        for i in range(pages.count() if isinstance(pages, QTabWidget) else 1):
            if isinstance(pages, QTabWidget):
                pages.setCurrentIndex(i)
                wait_until_idle(demo_window)
            pages_seen += 1
            for letter, things in alt_letters_on_screen(demo_window).items():
                if len(things) > 1:
                    clashes[f"{spec.key} page {i}: Alt+{letter.upper()}"] = things
    assert pages_seen >= len(TAB_SPECS) + 3  # the sub-pages of Projects and Costs were looked at
    assert clashes == {}
