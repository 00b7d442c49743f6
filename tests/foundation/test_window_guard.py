"""The main window keeps edits safe: asks before leaving them, marks the title, saves on Ctrl+S, and undo shows its tab.

Driven as a person would: rows clicked, text typed, keys pressed; assertions on the title, the table and the file.
"""

import sqlite3

import pytest
from PySide6.QtCore import QPoint, QRect, Qt, QThreadPool
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
    assert demo_window.undo_action.text() == "&Undo change ref of Homeshield Plus to 1a"


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
    assert demo_window.undo_action.text() == "&Undo change cost note of Homeshield Plus"
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

class Watcher:
    """A second connection kept open on the file: its PRAGMA data_version changes whenever another
    connection commits anything (a fresh connection always starts from the same number, so the same
    connection must be asked before and after). With the audit rows and the bytes of the file."""

    def __init__(self, path):
        self.path = path
        self.wal = path.with_name(path.name + "-wal")
        self.conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        self.first = self.state()

    def state(self):
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        audit = self.conn.execute("SELECT count(*) FROM audit_log").fetchone()[0]
        return version, audit, self.path.read_bytes(), self.wal.read_bytes() if self.wal.exists() else b""

    def changes(self):
        """What changed since the watch began, in words ("" when nothing did)."""
        now, names = self.state(), ("data_version", "audit rows", "file bytes", "-wal bytes")
        return ", ".join(n for n, a, b in zip(names, self.first, now) if a != b)

    def close(self):
        self.conn.close()


def look_at_everything(window, qtbot):
    """Every tab, every page inside it, and the dialogs of the View and Help menus; workers finished."""
    window.show()
    for spec in TAB_SPECS:
        tab = window.show_tab(spec.key)
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
        for pages in tab.findChildren(QWidget):
            if pages.metaObject().className() == "QTabWidget":
                for i in range(pages.count()):
                    pages.setCurrentIndex(i)
                    QApplication.processEvents()
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    window.show_history()
    window.show_reference()
    window.show_about()
    window.show_guide()
    QApplication.processEvents()
    QThreadPool.globalInstance().waitForDone(15000)  # a worker's connection is closed after its result
    QApplication.processEvents()


def test_looking_at_every_tab_and_dialog_writes_nothing(demo_window, demo_path, qtbot):
    store = demo_window.session.store
    changes = store.conn.total_changes
    watcher = Watcher(demo_path)
    try:
        look_at_everything(demo_window, qtbot)
        assert store.conn.total_changes == changes
        assert watcher.changes() == ""
    finally:
        watcher.close()


def test_opening_a_file_writes_nothing(window, demo_path, qtbot):
    watcher = Watcher(demo_path)
    try:
        assert window.open_path(demo_path)
        assert watcher.changes() == ""
    finally:
        watcher.close()


def test_opening_an_older_file_upgrades_it_after_a_backup_and_says_so(window, tmp_path, prompts):
    """The one write an open may make is announced, and the backup holds the file as it was."""
    from safer_desk.storage import schema as schema_module
    from safer_desk.storage.schema import MigrationSet, core
    from safer_desk.storage.store import backups_folder, open_store

    path = tmp_path / "old.sqlite"
    first_only = MigrationSet(core.migrations.name, core.migrations.steps[:1])
    with pytest.MonkeyPatch.context() as older:  # a file made by a version that knew only the first step
        older.setattr(schema_module, "all_sets", lambda: [first_only])
        older.setattr("safer_desk.storage.store.all_sets", lambda: [first_only])
        older.setattr("safer_desk.storage.store.known_steps", lambda: {(first_only.name, first_only.names()[0])})
        open_store(path, create=True).close()
    assert window.open_path(path)
    (title, text), = prompts.infos
    backup, = backups_folder(path).glob("old.*.before-upgrade.sqlite")
    assert title == "File upgraded" and "older version" in text and str(backup) in text
    assert window.statusBar().currentMessage() == text
    old = sqlite3.connect(backup)
    assert old.execute("SELECT count(*) FROM _sqlite_migrations").fetchone()[0] == 1
    old.close()
    window.open_path(path)  # opened again: nothing more to say
    assert len(prompts.infos) == 1


# -- Alt letters ------------------------------------------------------------------------------------

def page_in_view(window, qtbot, tab_key: str, index: int, size: tuple[int, int] = (1093, 582)):
    """The window shown at size with page index of the tab tab_key in view, once it has settled; the tab."""
    window.resize(*size)
    window.show()
    tab = window.show_tab(tab_key)
    tab.pages.setCurrentIndex(index)
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=10000)
    QApplication.processEvents()
    return tab


def mnemonic(text):
    text = (text or "").replace("&&", "")
    i = text.find("&")
    return text[i + 1].lower() if 0 <= i < len(text) - 1 else None


def without_key(window) -> list[str]:
    """Tabs, buttons with words, check boxes and field labels shown in ``window`` with no Alt key."""
    out = [f"tab {bar.tabText(i)}" for bar in window.findChildren(QTabBar) if bar.isVisible()
           for i in range(bar.count()) if mnemonic(bar.tabText(i)) is None]
    for w in window.findChildren(QAbstractButton) + window.findChildren(QLabel):
        if not w.isVisible() or w.window() is not window or (isinstance(w, QLabel) and w.buddy() is None):
            continue
        words = w.text().strip()
        if any(c.isalpha() for c in words) and mnemonic(words) is None:
            out.append(f"{type(w).__name__} {words}")
    return out


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


def test_no_alt_letter_clashes_on_the_costs_pages_and_menus(demo_window, qtbot):
    """Alt+F reaches the File menu from every Costs page (it used to press "Refused…")."""
    assert alt_clashes(demo_window, qtbot, {"costs"}) == []


def test_no_alt_letter_clashes_on_the_allocation_and_budgets_pages(demo_window, qtbot):
    assert alt_clashes(demo_window, qtbot, {"allocation", "budgets"}) == []


def test_no_alt_letter_clashes_on_the_indicators_tab(demo_window, qtbot):
    assert alt_clashes(demo_window, qtbot, {"indicators"}) == []
