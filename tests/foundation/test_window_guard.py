"""The main window keeps edits safe: asks before leaving them, marks the title, saves on Ctrl+S, and undo shows its tab.

Driven as a person would: rows clicked, text typed, keys pressed; assertions on the title, the table and the file.
"""

import sqlite3

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QGroupBox, QLabel, QTabBar, QWidget

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects as svc
from safer_desk.ui.tabs import TAB_SPECS


def row_of(page, title):
    for r in range(page.proxy.rowCount()):
        if page.proxy.index(r, 1).data() == title:
            return r
    raise AssertionError(title)


def click_row(page, qtbot, title):
    r = row_of(page, title)
    rect = page.view.visualRect(page.proxy.index(r, 1))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def type_into(qtbot, widget, text):
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)


@pytest.fixture
def register(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    tab = demo_window.show_tab("projects")
    page = tab.register
    page.view.scrollToTop()
    click_row(page, qtbot, "Homeshield Plus")
    return page


def test_leaving_an_edited_project_asks_save_discard_cancel(demo_window, register, qtbot, prompts):
    page = register
    assert not demo_window.isWindowModified() and "[*]" in demo_window.windowTitle()
    type_into(qtbot, page.editor.widgets["title"], "Homeshield Plus renamed")
    assert demo_window.isWindowModified()  # the title shows the modified marker
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    click_row(page, qtbot, "Suffolk ELEV8")
    assert prompts.unsaved_questions[-1][1] == "Project Homeshield Plus has unsaved changes to Title."
    assert page.editor.widgets["title"].text() == "Homeshield Plus renamed"  # stayed, edit kept
    assert page.selected_projects()[0].title == "Homeshield Plus"
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    demo_window.tabs.setCurrentIndex(1)  # leaving the tab asks too
    assert demo_window.current_tab_key() == "projects"
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    click_row(page, qtbot, "Suffolk ELEV8")
    assert page.editor.widgets["title"].text() == "Suffolk ELEV8"
    assert "Homeshield Plus renamed" in [p.title for p in svc.load_projects(page.session.store)]
    assert not demo_window.isWindowModified()
    type_into(qtbot, page.editor.widgets["cost_note"], "draft")
    prompts.unsaved_answers[:] = [UnsavedChoice.DISCARD]
    demo_window.tabs.setCurrentIndex(2)
    assert demo_window.current_tab_key() == "costs"
    assert svc.get_project(page.session.store, page.presenter.selected).cost_note == ""


def test_closing_or_opening_another_file_asks_first(demo_window, register, qtbot, prompts, store):
    type_into(qtbot, register.editor.widgets["cost_note"], "draft")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    assert not demo_window.open_path(store.path)
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    assert not demo_window.close() and demo_window.isVisible()
    assert len(prompts.unsaved_questions) == 2


def test_ctrl_s_and_enter_save_the_editor(demo_window, register, qtbot):
    page = register
    type_into(qtbot, page.editor.widgets["cost_note"], "agreed at board")
    qtbot.keyClick(page.editor.widgets["cost_note"], Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert svc.get_project(page.session.store, page.presenter.selected).cost_note == "agreed at board"
    type_into(qtbot, page.editor.widgets["ref"], "1a")
    qtbot.keyClick(page.editor.widgets["ref"], Qt.Key.Key_Return)
    assert svc.get_project(page.session.store, page.presenter.selected).ref == "1a"
    assert demo_window.undo_action.text() == "&Undo save project Homeshield Plus"


@pytest.mark.parametrize("size", [(1280, 800), (1093, 582)])
def test_save_and_the_messages_stay_in_view(demo_window, register, qtbot, size):
    demo_window.resize(*size)
    QApplication.processEvents()
    editor = register.editor
    type_into(qtbot, editor.widgets["cost"], "£3.250")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    window_rect = QRect(QPoint(0, 0), demo_window.size())
    for widget in (editor.save_button, editor.form_message):
        top_left = widget.mapTo(demo_window, QPoint(0, 0))
        assert widget.isVisible() and window_rect.contains(QRect(top_left, widget.size())), widget.accessibleName()
    # the message about the cost is within the scrolled view, beside its field
    viewport = editor.scroll.viewport()
    pos = editor.messages["cost"].mapTo(viewport, QPoint(0, 0))
    assert editor.messages["cost"].isVisible() and 0 <= pos.y() < viewport.height()
    assert 0 <= pos.x() < viewport.width()


def test_undo_brings_its_tab_into_view(demo_window, register, qtbot):
    type_into(qtbot, register.editor.widgets["cost_note"], "checked")
    assert register.save_editor()
    demo_window.show_tab("costs")
    assert demo_window.undo_action.text() == "&Undo save project Homeshield Plus"
    demo_window.undo_action.trigger()
    assert demo_window.current_tab_key() == "projects"
    assert svc.get_project(register.session.store, register.presenter.selected).cost_note == ""
    demo_window.show_tab("costs")
    demo_window.redo_action.trigger()
    assert demo_window.current_tab_key() == "projects"


def test_nothing_to_save_says_so(demo_window, register):
    assert demo_window.save_current()
    assert "Nothing to save" in demo_window.statusBar().currentMessage()


# -- opening or looking never writes ----------------------------------------------------------------

def file_state(path):
    other = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        version = other.execute("PRAGMA data_version").fetchone()[0]
        count = other.execute("SELECT count(*) FROM audit_log").fetchone()[0] if other.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'audit_log'").fetchone() else 0
    finally:
        other.close()
    return version, count


def test_opening_every_tab_and_dialog_writes_nothing(demo_window, demo_path, qtbot):
    wal = demo_path.with_name(demo_path.name + "-wal")
    store = demo_window.session.store
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    before_bytes = demo_path.read_bytes()
    before_wal = wal.read_bytes() if wal.exists() else b""
    changes = store.conn.total_changes
    version = file_state(demo_path)
    demo_window.show()
    for spec in TAB_SPECS:
        tab = demo_window.show_tab(spec.key)
        qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
        for pages in tab.findChildren(QWidget):
            if hasattr(pages, "setCurrentIndex") and hasattr(pages, "count") and pages.metaObject().className() \
                    == "QTabWidget":
                for i in range(pages.count()):
                    pages.setCurrentIndex(i)
                    QApplication.processEvents()
        qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
    demo_window.show_history()
    demo_window.show_reference()
    demo_window.show_about()
    QApplication.processEvents()
    assert store.conn.total_changes == changes
    assert file_state(demo_path) == version  # PRAGMA data_version from a second connection
    assert (wal.read_bytes() if wal.exists() else b"") == before_wal
    assert demo_path.read_bytes() == before_bytes


# -- Alt letters ------------------------------------------------------------------------------------

def mnemonic(text):
    text = (text or "").replace("&&", "")
    i = text.find("&")
    return text[i + 1].lower() if 0 <= i < len(text) - 1 else None


def visible_letters(window):
    """Alt letters a person can reach on the page in view: menus, tabs, buttons, labels with buddies."""
    found = []
    for action in window.menuBar().actions():
        found.append((mnemonic(action.text()), f"menu {action.text()}"))
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            found += [(mnemonic(bar.tabText(i)), f"tab {bar.tabText(i)}") for i in range(bar.count())]
    for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel) + window.findChildren(QGroupBox):
        if not w.isVisible() or w.window() is not window:
            continue
        text = w.title() if isinstance(w, QGroupBox) else w.text()
        if isinstance(w, QLabel) and w.buddy() is None:
            continue
        found.append((mnemonic(text), f"{type(w).__name__} {text}"))
    return [(letter, where) for letter, where in found if letter]


def clashes(window):
    seen, out = {}, []
    for letter, where in visible_letters(window):
        if letter in seen:
            out.append(f"Alt+{letter.upper()}: {seen[letter]} / {where}")
        seen.setdefault(letter, where)
    return out


def alt_clashes(demo_window, qtbot, keys):
    demo_window.resize(1280, 800)
    demo_window.show()
    problems = []
    for spec in [s for s in TAB_SPECS if s.key in keys]:
        tab = demo_window.show_tab(spec.key)
        qtbot.waitUntil(lambda: not demo_window.is_busy(), timeout=10000)
        inner = [w for w in tab.findChildren(QWidget) if w.metaObject().className() == "QTabWidget"]
        pages = [(w, i) for w in inner for i in range(w.count())] or [(None, 0)]
        for widget, i in pages:
            if widget is not None:
                widget.setCurrentIndex(i)
                QApplication.processEvents()
            problems += [f"{spec.key}: {c}" for c in clashes(demo_window)]
    return sorted(set(problems))


def test_no_alt_letter_clashes_on_the_projects_pages_and_menus(demo_window, qtbot):
    assert alt_clashes(demo_window, qtbot, {"projects"}) == []


@pytest.mark.xfail(reason="Allocation, Costs and Indicators pages still clash (listed in the kit report); "
                          "their owners fix them on the kit next phase", strict=False)
def test_no_alt_letter_clashes_on_the_other_tabs(demo_window, qtbot):
    assert alt_clashes(demo_window, qtbot, {"allocation", "costs", "indicators"}) == []
