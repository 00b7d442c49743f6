"""The start page's Alt letters over the other tabs (session 74). On a new file the start page stands above every
tab, and its letters were chosen beside the Projects tab's alone: on Costs Alt+Y was both Payment… and Set Your
Districts…, Alt+K both Only marked overdue and Look Around the Example; on Allocation Alt+Y was Copy Table's and
Alt+K Working on's, on Budgets Add year…'s and Link line…'s, on Indicators Alt+Y the Year. Qt gives a letter shown
twice to each in turn and presses neither, so the keys the guide gives those tabs did nothing until the file held
work. The start page's buttons now show their letters while the project register is in view, and none over the others,
where the tab's own keys work as the guide says (Commissioning's Alt+Y Year too)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QTabWidget

from safer_desk.presenters.start import Step
from safer_desk.ui.tabs import TAB_SPECS
from tests.foundation.test_window_guard import mnemonic
from tests.kit.test_alt_letters_walk_s70 import clashes
from tests.window_sizes import resize_window


def test_no_letter_is_shown_twice_on_any_tab_of_a_new_file(new_file_window, qtbot):
    window = new_file_window
    resize_window(window, (1093, 582))
    problems = []
    for spec in TAB_SPECS:
        tab = window.show_tab(spec.key)
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
        assert window.start_banner.isVisible()
        rows = [t for t in tab.findChildren(QTabWidget) if t.isVisible()]
        for pages in rows or [None]:
            for i in range(pages.count() if pages else 1):
                if pages is not None:
                    pages.setCurrentIndex(i)
                QApplication.processEvents()
                problems += [f"{spec.key} {pages.tabText(i) if pages else ''}: {c}" for c in clashes(window)]
    assert problems == []
    projects = window.show_tab("projects")  # back on the project register the start page's letters are shown again
    assert projects.pages.currentIndex() == 1 and mnemonic(window.start_banner.button(Step.PLACES).text()) is None
    projects.pages.setCurrentIndex(0)
    assert mnemonic(window.start_banner.button(Step.PLACES).text()) == "y"
    assert mnemonic(window.start_banner.button(Step.EXAMPLE).text()) == "k"


def test_alt_y_on_a_new_files_costs_tab_is_payment(new_file_window, qtbot, prompts):
    window = new_file_window
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    tab.reviews.search.setFocus() if hasattr(tab.reviews, "search") else tab.reviews.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Y, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: prompts.errors != [], timeout=5000)  # Payment… pressed: no review to pay on yet
    assert prompts.errors == [("Choose first", "Select a case in the list first.")]
