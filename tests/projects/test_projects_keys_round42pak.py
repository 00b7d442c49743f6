"""Round 42 (pak): the Projects tab by its Alt keys, as Allocation, Costs and Indicators are.

Walked at 1093x582 with the menus (F E V H) and the main tabs (P A C I B) in view, on the Register page with the
project editor built and on the Commissioning page (and there with What fits?'s suggestion shown):

1. The page tabs had no key. Every letter of Register (R G S T) and of Commissioning (O M S N G) is a control's on one
   page or the other (Revert, Funding route, Save, Title; Cost, Remove line, Add line; Scenario, Name, Save as new,
   Against award…): they read "1 Register" and "2 Commissioning", Alt+1 and Alt+2, as Allocation's pages do.
2. The register's Delete and Copy rows and the editor's Use suggested figure had none, and no letter of theirs is free
   (D L T: Start date, Lead organisation, Title; Y of Copy is the start page's Set Your Districts… on a new file; U S G
   T D R): their key follows their words, "Delete (3)", "Copy rows (4)", "Use suggested figure (5)", as Allocation's
   "Delete (6)". After What fits? the Commissioning page shows Accept suggestion and Dismiss, none of their letters
   free either: "(3)" and "(4)". Their names for a screen reader are their words, as before.
3. Field labels: the letters do not go round. The Register page shows 38 things an Alt key could reach (12 buttons
   and tabs, 26 field labels with their fields); 14 letters in their words are left by the menus and the main tabs,
   and all 14 are used (7 buttons, Copy's Y the start page's, 6 fields: Title, Status, Funding route, Cost, Start
   date, Lead organisation). A number after a field's name would read as a count ("Areas covered (7)"), so the other
   fields go without, reached by Tab from the keyed field above them (the search box by Ctrl+F). Every letter of each
   label left without a key is checked to be taken on the page, so a letter freed later is given to it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from safer_desk.presenters.start import Step
from tests.foundation.test_window_guard import clashes, mnemonic, page_in_view, visible_letters, without_key

ALT = Qt.KeyboardModifier.AltModifier
REGISTER, COMMISSIONING = 0, 1

# Field labels whose every letter is another control's on the page (see 3.).
REGISTER_LABELS_WITHOUT = [
    "Search:", "Ref:", "since", "Cost note:", "Capital:", "Revenue", "End date", "LAA2 outcome:", "CSP priority:",
    "Cross cutting:", "Additional:", "Innovative:", "Lead officers:", "Areas covered:", "Indicators:", "Outcomes:",
    "Priorities:", "Funding sources:", "Description:", "Notes:"]
COMMISSIONING_LABELS_WITHOUT = ["Ranges:"]


def key_of(text: str) -> Qt.Key:
    return getattr(Qt.Key, f"Key_{mnemonic(text).upper()}")


def active(window, qtbot) -> None:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def register_in_view(window, qtbot):
    tab = page_in_view(window, qtbot, "projects", REGISTER)
    assert tab.register._editor is not None  # the editor is built: its labels and buttons are on the page
    return tab


def suggestion_shown(window, qtbot):
    """The Commissioning page with What fits? pressed on a new set against £65,512: Accept and Dismiss shown."""
    tab = page_in_view(window, qtbot, "projects", COMMISSIONING)
    page = tab.commissioning
    page.new_asked()
    page.fund.setText("£65,512")
    page.propose()
    QApplication.processEvents()
    assert page.accept_button.isVisible() and page.dismiss_button.isVisible()
    return tab, page


def in_view(window, qtbot, where):
    if where == "register":
        return register_in_view(window, qtbot)
    if where == "commissioning":
        return page_in_view(window, qtbot, "projects", COMMISSIONING)
    return suggestion_shown(window, qtbot)[0]


@pytest.mark.parametrize("where", ["register", "commissioning", "suggestion"])
def test_every_button_and_page_tab_has_an_alt_key_none_shared(demo_window, qtbot, where):
    in_view(demo_window, qtbot, where)
    assert [w for w in without_key(demo_window) if not w.startswith("QLabel")] == []
    assert clashes(demo_window) == [], sorted(visible_letters(demo_window))


@pytest.mark.parametrize("where, expected", [("register", REGISTER_LABELS_WITHOUT),
                                             ("commissioning", COMMISSIONING_LABELS_WITHOUT),
                                             ("suggestion", COMMISSIONING_LABELS_WITHOUT)])
def test_a_field_label_goes_without_a_key_only_when_every_letter_of_it_is_taken(demo_window, qtbot, where, expected):
    in_view(demo_window, qtbot, where)
    labels = [w.removeprefix("QLabel ") for w in without_key(demo_window) if w.startswith("QLabel ")]
    assert labels == expected
    start_page = {mnemonic(step.label) for step in Step} - {None}  # above the page on a new file (Loo&k, Set &Your)
    taken = {letter for letter, _ in visible_letters(demo_window)} | start_page
    free = {text: sorted({c.casefold() for c in text if c.isalpha()} - taken) for text in labels}
    assert {text: letters for text, letters in free.items() if letters} == {}


def test_the_keys_show_after_the_words_and_the_names_are_unchanged(demo_window, qtbot):
    tab = register_in_view(demo_window, qtbot)
    page, lines = tab.register, tab.register.editor.cost_lines
    shown = {b.text(): b.accessibleName() for b in (page.delete_button, page.copy_button, lines.accept_button)}
    assert shown == {"Delete (Alt+&3)": "Delete the selected projects", "Copy rows (Alt+&4)": "Copy rows",
                     "Use suggested figure (Alt+&5)": "Use suggested figure"}
    bar = tab.pages.tabBar()
    assert [(bar.tabText(i), bar.accessibleTabName(i)) for i in range(bar.count())] == [
        ("&1 Register", "Register"), ("&2 Commissioning", "Commissioning")]
    _tab, commissioning = suggestion_shown(demo_window, qtbot)
    assert [(b.text(), b.accessibleName()) for b in (commissioning.accept_button, commissioning.dismiss_button)] == [
        ("Accept suggestion (Alt+&3)", "Accept suggestion"), ("Dismiss (Alt+&4)", "Dismiss")]


def test_alt_2_and_alt_1_show_the_pages(demo_window, qtbot):
    tab = register_in_view(demo_window, qtbot)
    active(demo_window, qtbot)
    tab.register.view.setFocus()
    qtbot.keyClick(tab.register.view, Qt.Key.Key_2, ALT)
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == COMMISSIONING, timeout=5000)
    qtbot.keyClick(QApplication.focusWidget() or demo_window, Qt.Key.Key_1, ALT)
    qtbot.waitUntil(lambda: tab.pages.currentIndex() == REGISTER, timeout=5000)


def test_alt_3_asks_before_deleting_the_chosen_project(demo_window, qtbot, prompts):
    tab = register_in_view(demo_window, qtbot)
    page = tab.register
    chosen = page.selected_projects()[0]
    active(demo_window, qtbot)
    page.editor.widgets["cost_note"].setFocus()  # from within the editor, as from the table
    qtbot.keyClick(page.editor.widgets["cost_note"], Qt.Key.Key_3, ALT)  # pressed as a click, a moment later
    qtbot.waitUntil(lambda: prompts.questions != [], timeout=5000)
    assert prompts.questions[0][0] == f"Delete {page.presenter.describe_many([chosen.id])}"
    assert chosen.id in {p.id for p in page.presenter.rows}  # No answered: still there


def test_alt_4_copies_the_chosen_rows(demo_window, qtbot):
    tab = register_in_view(demo_window, qtbot)
    page = tab.register
    title = page.selected_projects()[0].title
    QGuiApplication.clipboard().clear()
    active(demo_window, qtbot)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_4, ALT)
    qtbot.waitUntil(lambda: title in QGuiApplication.clipboard().text(), timeout=5000)


def test_alt_5_uses_the_suggested_figure_of_the_chosen_line(demo_window, qtbot):
    tab = register_in_view(demo_window, qtbot)
    page = tab.register
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).ref == "7"))  # Recre8
    table = page.editor.cost_lines.table
    row = next(r for r in range(table.rowCount()) if table.item(r, 3).text() == "£3.250")
    active(demo_window, qtbot)
    table.setFocus()
    table.selectRow(row)
    qtbot.keyClick(table, Qt.Key.Key_5, ALT)
    qtbot.waitUntil(lambda: "£3,250" in [line[3] for line in page.presenter.editor.value("cost_lines")], timeout=5000)


def test_alt_and_a_labels_letter_puts_the_typing_point_in_its_field(demo_window, qtbot):
    tab = register_in_view(demo_window, qtbot)
    editor = tab.register.editor
    active(demo_window, qtbot)
    for key, label in editor.labels.items():
        if mnemonic(label.text()) is None:
            continue
        tab.register.view.setFocus()
        qtbot.keyClick(tab.register.view, key_of(label.text()), ALT)
        field = editor.widgets[key]
        qtbot.waitUntil(lambda f=field: f.hasFocus() or f.isAncestorOf(QApplication.focusWidget()), timeout=5000)


def test_alt_3_accepts_the_suggestion_and_alt_4_dismisses_it(demo_window, qtbot):
    _tab, page = suggestion_shown(demo_window, qtbot)
    active(demo_window, qtbot)
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_3, ALT)
    qtbot.waitUntil(lambda: len(page.presenter.ticks) == 4, timeout=5000)  # the four projects it proposed
    page.propose()
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_4, ALT)
    qtbot.waitUntil(lambda: not page.suggestion_label.isVisible(), timeout=5000)
    assert len(page.presenter.ticks) == 4


def test_on_a_new_file_the_start_pages_keys_stay_its_own(window, tmp_path, qtbot, monkeypatch):
    """Y, the one free letter of Copy rows, is the start page's: Alt+Y still presses Set Your Districts…."""
    from safer_desk.storage.store import open_store

    path = tmp_path / "new.sqlite"
    open_store(path, create=True).close()
    assert window.open_path(path)
    tab = register_in_view(window, qtbot)
    banner = window.start_banner
    assert banner.isVisible() and mnemonic(banner.button(Step.PLACES).text()) == "y"
    assert clashes(window) == [], sorted(visible_letters(window))
    asked = []
    monkeypatch.setitem(banner.actions, Step.PLACES, lambda: asked.append("places"))  # not the dialog itself
    active(window, qtbot)
    tab.register.search.setFocus()
    qtbot.keyClick(tab.register.search, Qt.Key.Key_Y, ALT)
    qtbot.waitUntil(lambda: asked == ["places"], timeout=5000)  # pressed, not only given the keyboard
