"""Close with an Alt letter (session 74): the guide's Keys table says a dialog's Close and Cancel have none, as on
Windows (Esc presses them), yet View > Districts, Partnerships and Partners… showed its Close with Alt+L, the one
dialog so. Walked as in session 70, every dialog the menus and pages open now shows Close and Cancel
without a letter."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractButton

from safer_desk.ui.tabs import TAB_SPECS
from tests.foundation.test_window_guard import mnemonic
from tests.kit.test_alt_letters_walk_s70 import NOT_PRESSED, Walk


class CloseWalk(Walk):
    def look(self, top, label: str, depth: int) -> None:
        if top is not self.window:
            for b in top.findChildren(QAbstractButton):
                if b.isVisible() and b.text().replace("&", "") in ("Close", "Cancel") and mnemonic(b.text()):
                    self.problems.append(f"{label}: {b.text()}")
        super().look(top, label, depth)


def test_close_and_cancel_have_no_alt_letter_in_any_dialog(demo_window, qtbot, prompts):
    window = demo_window
    window.resize(1366, 768)
    window.show()
    walk = CloseWalk(window, qtbot)
    for spec in TAB_SPECS:
        window.show_tab(spec.key)
        walk.settle()
        walk.pages(window, spec.key, 1)
    for menu in [a.menu() for a in window.menuBar().actions() if a.menu()]:
        for action in menu.actions():
            words = action.text().replace("&", "")
            if action.menu() or not action.isEnabled() or not words.endswith("…") or any(
                    k in words for k in (*NOT_PRESSED, "Find")):
                continue
            walk.opened(action.trigger, f"menu {words}", 1)
    assert "menu Districts, Partnerships and Partners…" in walk.dialogs
    assert walk.problems == []  # nor a letter shown twice, as session 70's walk
