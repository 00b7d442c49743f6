"""Help > About said Safer Desk was for "Projects, allocations, DHR and target-hardening costs and indicators": four of
the window's five tabs, the Budgets tab (plans such as a medium-term financial plan) left out, as the README and the
user guide name all five. About now names what each tab holds."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


def test_about_names_what_each_of_the_five_tabs_holds(window, qtbot):
    window.show_about()
    dialog = window._about_dialog
    qtbot.addWidget(dialog)
    said = " ".join(label.text() for label in dialog.findChildren(QLabel))
    for words in ("Projects", "allocations", "DHR", "target-hardening", "indicators", "budgets"):
        assert words in said, words
