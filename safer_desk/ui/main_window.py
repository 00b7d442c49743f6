"""The main window: four tabs over one open file, the usual menus, undo/redo, recent files.

It also keeps every tab's unsaved edits safe: leaving a tab, opening another file or closing the
program asks Save / Discard / Cancel through ``prompts.ask_unsaved``; the title carries the modified
marker while any editor holds unsaved changes; File > Save (Ctrl+S) saves the current tab's editor.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDeadlineTimer, QEvent, QEventLoop, QSize, Qt, QTimer
from PySide6.QtGui import QAction, QGuiApplication, QIcon, QKeySequence
from PySide6.QtWidgets import (QApplication, QFrame, QLabel, QMainWindow, QMenu,
                               QScrollArea, QTabWidget, QVBoxLayout, QWidget)

from safer_desk import APP_NAME, __version__
from safer_desk.paths import default_file, resource, same_file
from safer_desk.domain.text import step_words
from safer_desk.presenters.actions import lower_first
from safer_desk.services.files import (OFFICE_SUFFIXES, AuditTrailDamaged, FileEmpty, FileLocked, FileReadOnly,
                                       IsAnExport, OpenNotWritten, Store, StoreError, back_up, open_office_file,
                                       own_file_not_made, program_schema_version, repair_audit_trail,
                                       write_refused)
from safer_desk.ui import prompts, settings
from safer_desk.ui.kit import shown_as_typed
from safer_desk.ui.kit.dialogs import GuideInForms
from safer_desk.ui.kit.typing_undo import install_typing_undo
from safer_desk.ui.kit.undo import redo_step, undo_step
from safer_desk.ui.session import Session
from safer_desk.ui.tabs import MENU_MODULES, TAB_KEYS, TAB_SPECS, TabBase

if TYPE_CHECKING:  # named in annotations only: each Qt class Python loads costs start-up
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QCloseEvent

FILE_FILTER = f"Safer Desk files ({' '.join('*' + ending for ending in OFFICE_SUFFIXES)});;All files (*)"
# Save a Copy and Back Up Now of a file this large run on a worker thread with progress and Cancel.
BACKGROUND_COPY_FROM = 32 * 1024 * 1024
FIRST_SIZE = (1200, 760)  # the window's size at the first start, where the screen has room for it
OUTLIVES_FILE = "outlives_file"  # a dialog's property: it stays open when another file is opened (the guide)


# The most characters of a step the Edit menu names ("Undo …"), and the status bar after Ctrl+Z or Ctrl+Y: a step named
# whole (an indicator's name of 131 characters pasted from a plan, with its area and year) made the Edit menu wider than
# the window, its keys off the edge, and cut "Edit > Redo puts it back" off the end of the status bar. 140 characters
# still made Edit about 900 pixels wide, most of a 1093-pixel window (a 1366x768 laptop at 125%): 80, as the status
# bar's, keep it near half of one, its keys in sight beside it, and name whole the steps most names make.
UNDO_TEXT_MOST = 80
# What a greyed Edit > Undo / Redo says when pointed at: the steps go with the window, not the file.
NOTHING_TO_UNDO = ("Nothing to undo since the file was opened: Edit > Undo takes back only the changes made since. "
                   "View > History of Changes lists every change made to the file.")
NOTHING_PAST_WORK = ("Nothing to undo: an import of police.uk data or a merge of district files is not a step of "
                     "Edit > Undo, and the changes made before it can no longer be undone. View > History of Changes "
                     "lists every change made to the file.")
NOTHING_TO_REDO = "Nothing to redo: Edit > Redo puts back a change just undone, until another change is made."
STATUS_TEXT_MOST = 80


def undo_words(text: str, most: int = UNDO_TEXT_MOST) -> str:
    """A step as the Edit menu and the status bar name it (``domain.text.step_words``): at most ``most`` characters,
    on one line, cut where it tells least; the History of Changes names it whole."""
    return step_words(text, most)


def quit_text(platform: str = sys.platform) -> str:
    """File > Exit on Windows, File > Quit elsewhere, as each system's programs say it (Ctrl+Q on both)."""
    return "E&xit" if platform == "win32" else "&Quit"


def office_file_name(name: str) -> Path:
    """A new Safer Desk file's path as typed, with .sqlite added as the command line adds it (new_office_file_name)."""
    from safer_desk.services.files import new_office_file_name

    return new_office_file_name(name)


def available_area(widget: QWidget) -> QRect | None:
    """The part of the widget's screen a window may use (less the taskbar), if there is a screen."""
    screen = widget.screen() or QGuiApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else None


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        png = resource("icons", f"safer-desk-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    return icon


def _scroll_to(area: QScrollArea, widget: QWidget) -> None:
    """Scroll ``area`` to show the whole of ``widget``, or its top left where it is larger than the view: a field at
    the right edge half in view (Reviews as at on Costs at 800x420) is in view once its typing point is, to Qt."""
    view = area.viewport()
    at = widget.mapTo(area.widget(), widget.rect().topLeft())
    half_width, half_height = min(widget.width(), view.width()) // 2, min(widget.height(), view.height()) // 2
    area.ensureVisible(at.x() + half_width, at.y() + half_height, half_width, half_height)


class _TabArea(QScrollArea):
    """A tab's page, scrolled only when the window is smaller than the page can be laid out in (the window may be
    made as small as 800×420: a 1366×768 screen at 150%, maximised). Below that a layout draws its widgets over one
    another; here the page keeps its least size and scroll bars appear. The page fills the area otherwise.

    Not ``widgetResizable``: that asks a page with wrapped text for its height at the area's width, which is the
    page's preferred height (every table at its preferred size), and scrolls pages that fit. The page's least
    size is read once things settle (a turn of the event loop later, once for many changes): reading it lays out
    the whole tab, which on the way to the first screen cost 9 ms read at each change."""

    def __init__(self, page: QWidget):
        super().__init__()
        self.setFrameShape(QFrame.Shape.NoFrame)
        # Never a stop of its own for Tab or a click (a scroll area takes focus by default); a field reached by
        # Tab is still scrolled into view (focusNextPrevChild passes through it).
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setWidget(page)
        self._least = QSize(0, 0)  # the page's least size when last read
        self._reading = False  # a read of it is waiting for the next turn of the event loop
        page.installEventFilter(self)  # its least size changes as its tab is built and its pages are shown
        QApplication.instance().focusChanged.connect(self._show_focused)

    def _show_focused(self, _old, new) -> None:
        """A control reached by its Alt key (or given the focus by the program: a field refused, Edit > Find) scrolled
        into view, as one reached by Tab is (``focusNextPrevChild``): at 910x480 Alt+K on Allocation put the focus in
        a field above the view, and the officer typed where they could not see (round 40, then every tab). Inside a
        scroll area of the page's own (a form's fields) there first. Not on a click: what is clicked is in view, and
        the page must not jump under the pointer."""
        page = self.widget()
        if (new is None or not self.isVisible() or not page.isAncestorOf(new)
                or QGuiApplication.mouseButtons() != Qt.MouseButton.NoButton):
            return
        inner = new.parentWidget()
        while inner is not None and inner is not page:
            if isinstance(inner, QScrollArea) and inner.widget() is not None and inner.widget().isAncestorOf(new):
                _scroll_to(inner, new)
            inner = inner.parentWidget()
        _scroll_to(self, new)

    def watch(self, tab: QWidget) -> None:
        """A tab just built: a tab widget in it does not pass on that one of its pages needs more room (a chart
        built, figures shown), so the page's least size would be read stale; it is passed on here."""
        for pages in tab.findChildren(QTabWidget):
            pages.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:
            if isinstance(watched, QTabWidget):
                widget = watched
                while widget is not None and widget is not self.widget():  # each layout above reads it again
                    widget.updateGeometry()
                    widget = widget.parentWidget()
            self._read_least_soon()
        return super().eventFilter(watched, event)

    def viewportEvent(self, event) -> bool:
        if event.type() == QEvent.Type.Resize:  # the window resized, or a scroll bar came or went
            self._fit()
            self._read_least_soon()
        return super().viewportEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:  # the page's least size changed (a table or chart built)
            self._read_least_soon()
        return super().event(event)

    def _read_least_soon(self) -> None:
        if not self._reading:
            self._reading = True
            QTimer.singleShot(0, self, self._read_least)

    def _read_least(self) -> None:
        self._reading = False
        self._least = self.widget().minimumSizeHint()
        self._fit()

    def _fit(self) -> None:
        # The room without scroll bars, less a scroll bar where the other way is scrolled. (Not viewport(): its
        # first call from Python costs 10 ms, on the way to the first screen.)
        room, least = self.maximumViewportSize(), self._least
        width, height = room.width(), room.height()
        if least.width() > width:
            height -= self.horizontalScrollBar().sizeHint().height()
        if least.height() > height:
            width -= self.verticalScrollBar().sizeHint().width()
            if least.width() > width and least.width() <= room.width():  # the vertical bar made it scroll sideways
                height -= self.horizontalScrollBar().sizeHint().height()
        self.widget().resize(max(width, least.width()), max(height, least.height()))


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None, *, opening: bool = False):
        """``opening``: a file opens as soon as the window is shown (start-up), so the start page waits."""
        super().__init__(parent)
        self.session = Session(self)
        self.tab_pages: dict[str, QWidget] = {}
        self.tab_widgets: dict[str, TabBase] = {}
        self._history_dialog = None
        self._reference_dialog = None
        self._awards_dialog = None
        self._guide_window = None
        self.persist_state = True  # the screenshot command turns this off so it never moves the user's window
        if QApplication.windowIcon().isNull():  # else the program's, which every window shows (set at start-up)
            self.setWindowIcon(app_icon())
        self.setMinimumSize(800, 420)  # maximised on 1366×768 at 150%: about 910×442 inside the frame
        self.setAcceptDrops(True)  # a Safer Desk file dropped on the window opens; police.uk files import
        install_typing_undo(self)  # Ctrl+Z in a box with no typing of its own to undo is Edit > Undo, in every box
        GuideInForms(self)  # F1 in a modal form: the guide at the part about it (the window's F1 is held)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for spec in TAB_SPECS:
            page = QWidget()
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            page.setAccessibleName(spec.title.replace("&", ""))
            self.tab_pages[spec.key] = page
            self.tabs.addTab(_TabArea(page), spec.title)
        # The start page above the tabs is built when it first has something to say (start-up on a file holding
        # the office's work never builds it). While ``banner_suspended`` it says nothing: the file opens in a moment.
        self._start_banner = None
        self.banner_suspended = opening
        frame = QWidget(self)
        self._frame_layout = QVBoxLayout(frame)
        self._frame_layout.setContentsMargins(0, 0, 0, 0)
        self._frame_layout.setSpacing(0)
        self._frame_layout.addWidget(self.tabs, 1)
        self.setCentralWidget(frame)
        self._example_copies: list = []  # example copies opened from the start page, removed when the window closes
        from safer_desk.ui.kit.pages import LeaveGuard

        self._tab_guard = LeaveGuard(self.tabs, self._may_leave_tab, lambda _i: self._realise_current_tab())

        self.file_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.file_label)
        self._build_menus()
        for module in MENU_MODULES:
            importlib.import_module(module).install(self)
        self.session.store_changed.connect(self._store_changed)
        self.session.unsaved_changed.connect(self._update_modified)
        # A tab's own steps (Commissioning's ticks) come and go with its changes and with the tab in view.
        self.session.unsaved_changed.connect(self._update_undo_actions)
        self.session.undo_closed.connect(self._update_undo_actions)
        self.tabs.currentChanged.connect(self._update_undo_actions)
        self.tabs.currentChanged.connect(self._start_banner_letters)
        self.session.data_changed.connect(self._update_start_banner)
        self.session.undo_stack.indexChanged.connect(self._update_start_banner)
        self._restore_state()
        self._tab_guard.settle()
        self._update_title()
        self._update_start_banner()

    # -- menus -----------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, *, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("&File")
        self.file_menu.addAction(self._action("&New…", self.new_file, QKeySequence.StandardKey.New,
                                              tip="Create a new, empty Safer Desk file"))
        self.file_menu.addAction(self._action("&Open…", self.choose_and_open, QKeySequence.StandardKey.Open))
        self.recent_menu = self.file_menu.addMenu("Open Rec&ent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_action = self._action("&Save", self.save_current, QKeySequence.StandardKey.Save,
                                        tip="Save the changes in the editor you are working in")
        self.file_menu.addAction(self.save_action)
        self.save_copy_action = self._action("Save a Cop&y…", self.save_copy, "Ctrl+Shift+S",
                                             tip="Write a copy of the open file elsewhere")
        self.file_menu.addAction(self.save_copy_action)
        self.backup_action = self._action("&Back Up Now", self.backup_now, tip="Keep a dated backup beside the file")
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addSeparator()
        self._extension_anchor = self.file_menu.addSeparator()
        quit_action = self._action(quit_text(), self.close)
        # Ctrl+Q first (the key the menu shows), then the system's own Quit keys, each once: Windows and a Linux
        # desktop without a theme of its own have none, and Ctrl+Q there did nothing. (Alt+F4 is the system's.)
        quit_keys = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Quit)]
        quit_action.setShortcuts([QKeySequence(k) for k in dict.fromkeys(["Ctrl+Q", *quit_keys])])
        self.file_menu.addAction(quit_action)

        self.edit_menu = bar.addMenu("&Edit")
        self.undo_action = self._action("&Undo", self.undo, QKeySequence.StandardKey.Undo)
        self.redo_action = self._action("&Redo", self.redo)
        # The platform's Redo keys first (Ctrl+Y on Windows, Ctrl+Shift+Z on Linux and macOS), then whichever of the
        # two is missing, each once: a key bound twice is ambiguous to Qt and does nothing.
        redo_keys = [k.toString() for k in QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]
        self.redo_action.setShortcuts([QKeySequence(k) for k in dict.fromkeys([*redo_keys, "Ctrl+Y", "Ctrl+Shift+Z"])])
        stack = self.session.undo_stack
        self._step_said: tuple[str, int] | None = None  # what the last undo or redo said, at the stack's index then
        for signal in (stack.indexChanged, stack.cleanChanged, stack.undoTextChanged, stack.redoTextChanged):
            signal.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.edit_menu.setToolTipsVisible(True)  # a greyed Undo or Redo says why (_update_undo_actions)
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.copy_action = self._action("&Copy", self.copy_from_focus, QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action = self._action("&Paste", self.paste_into_focus, QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addAction(self.paste_action)
        self.edit_menu.addSeparator()
        self.find_action = self._action("&Find…", self.focus_search, QKeySequence.StandardKey.Find,
                                        tip="Go to the search box of the page in view")
        self.edit_menu.addAction(self.find_action)

        self.view_menu = bar.addMenu("&View")
        # Each item its own Alt letter in the menu, as Windows has it: P and C are Populations' and Compare Areas'.
        letters = {"projects": "P&rojects", "costs": "C&osts"}
        for i, spec in enumerate(TAB_SPECS, start=1):
            self.view_menu.addAction(self._action(letters.get(spec.key, spec.title),
                                                  lambda _=False, k=spec.key: self.show_tab(k), f"Ctrl+{i}"))
        self.view_menu.addSeparator()
        self.history_action = self._action("&History of Changes…", self.show_history, "Ctrl+H")
        self.view_menu.addAction(self.history_action)
        self.reference_action = self._action("&Districts, Partnerships and Partners…", self.show_reference)
        self.view_menu.addAction(self.reference_action)
        self.awards_action = self._action("&Funders' Awards…", self.show_awards,
                                          tip="The awards Commissioning counts each funder's share against")
        self.view_menu.addAction(self.awards_action)

        help_menu = bar.addMenu("&Help")
        self.guide_action = self._action("User &Guide", self.show_guide, QKeySequence.StandardKey.HelpContents)
        help_menu.addAction(self.guide_action)
        help_menu.addAction(self._action(f"&About {APP_NAME}", self.show_about))

    def add_file_actions(self, actions: list[QAction]) -> None:
        """Let an area (import, export …) add its actions to the File menu, above Quit."""
        for action in actions:
            action.setParent(self)
            self.file_menu.insertAction(self._extension_anchor, action)

    def menu_titled(self, title: str) -> QMenu | None:
        for action in self.menuBar().actions():
            if action.menu() and action.text().replace("&", "") == title:
                return action.menu()
        return None

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = settings.read_recent()
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)
        from safer_desk.presenters.recent import recent_label

        self.recent_menu.setToolTipsVisible(True)
        for i, path in enumerate(recent, start=1):
            # A path deep in folders (OneDrive's) is shortened in the middle, its name whole; the tip has it all.
            action = self._action(f"&{i} {shown_as_typed(recent_label(path))}",
                                  lambda _=False, p=path: self.open_recent(p), tip=path)
            action.setToolTip(path)
            self.recent_menu.addAction(action)

    def focus_search(self) -> bool:
        """Edit > Find (Ctrl+F): the search box of the page in view, its text selected to type over."""
        tab = self.current_tab()
        box = tab.search_box() if tab is not None else None
        if box is None:
            self.statusBar().showMessage(tab.no_search_box() if tab is not None else "This page has no search box.",
                                         4000)
            return False
        box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        box.selectAll()
        return True

    def open_recent(self, path: str) -> bool:
        """Open a file from File > Open Recent; one that is gone may be taken off the list."""
        try:
            there = Path(path).exists()
        except OSError:  # a folder this user may no longer read: open_path says why it cannot be opened
            there = True
        if not there:
            if prompts.ask(self, "Open Recent", f"There is no file at {path}: it may have been moved or renamed, or "
                           "be on a drive that is not connected now. Take it off the Open Recent list?",
                           yes="Take It Off", no="Keep It"):
                settings.remove_recent_file(path)
            return False
        return self.open_path(Path(path))

    # -- tabs ------------------------------------------------------------------
    def show_tab(self, key: str) -> TabBase | None:
        """Make a tab current (building it if a file is open) and return it (the current one if refused)."""
        self.tabs.setCurrentIndex(TAB_KEYS.index(key))
        self._realise_current_tab()
        return self.tab_widgets.get(self.current_tab_key())

    def current_tab_key(self) -> str:
        return TAB_SPECS[max(0, self.tabs.currentIndex())].key

    def current_tab(self) -> TabBase | None:
        return self.tab_widgets.get(self.current_tab_key())

    def _may_leave_tab(self, left_index: int, _index: int) -> bool:
        """Leaving a tab whose editor holds unsaved edits asks first; Cancel stays on it. The tab bar is back on the
        tab being left meanwhile (``LeaveGuard``), so the question is asked over the page it is about (not over the
        new tab's empty page)."""
        left = self.tab_widgets.get(TAB_SPECS[left_index].key)
        if left is None:
            return True
        typed = left.finish_typing()  # False: a cell's figure refused or asked about, back to it
        if not typed:
            left.finish_typing_refused()
            return False
        # Any other cell still being typed in goes in first, so it is asked about here (a project's cost line typed
        # and Ctrl+2 pressed went to Allocation unasked, the editor left open on the hidden tab).
        return self._put_in_cells(left) and left.may_leave(self._ask_unsaved)

    def _show_tab_unasked(self, index: int) -> None:
        """To a tab without asking about the one in view (the one left stays as it was), made the one in view."""
        self._tab_guard.show_unasked(index, settle=True)

    # -- unsaved edits -----------------------------------------------------------------------------------
    def _ask_unsaved(self, text: str):
        return prompts.ask_unsaved(self, "Unsaved changes", text)

    def has_unsaved_changes(self) -> bool:
        return any(w.has_unsaved_changes() for w in self.tab_widgets.values()) or bool(self._forms_typed_in())

    def _forms_typed_in(self) -> list:
        """The forms open in a window of their own with something typed (a record's form over Funders' Awards… or
        Populations…): their typing is the open file's too. A tab's own forms are the tab's to ask about. With no
        file open there are none (each closes with its file): the start-up's first open looks at no widget."""
        if self.session.store is None:
            return []
        from safer_desk.ui.kit.dialogs import GuardedDialog

        tabs = set(map(id, self.tab_widgets.values()))
        found = []
        for dialog in QApplication.topLevelWidgets():  # each form is a window: not every widget below this one
            if not isinstance(dialog, GuardedDialog) or not self._holds(dialog):
                continue
            owner = dialog.parentWidget()
            while owner is not None and id(owner) not in tabs:
                owner = owner.parentWidget()
            if owner is None and dialog.isVisible() and dialog.has_unsaved_changes():
                found.append(dialog)
        # A name typed in Districts, Partnerships and Partners and not added: the open file's too (a dialog Qt has
        # deleted with its window, closing, has nothing to ask).
        import shiboken6

        reference = self._reference_dialog
        if reference is not None and shiboken6.isValid(reference) and reference.has_unsaved_changes():
            found.append(reference)
        return found

    def may_close_file(self, ask=None) -> bool:
        """Before another file is opened, the program closes or a copy is made: every tab's unsaved edits are asked
        about, the tab in view first, then each other in its own view; Cancel to any question ends them all.
        ``ask``: the question in other words than the usual (Save / Discard / Cancel all the same).

        Going to another tab first had asked about the tab in view on leaving it: Cancel there stayed, yet the other
        tab was asked about next, over the tab in view, and the closing went on."""
        if not self.finish_cell_edits():
            return False
        here = self.current_tab_key()
        for key, widget in sorted(self.tab_widgets.items(), key=lambda item: item[0] != here):
            if widget.has_unsaved_changes():
                if self.current_tab_key() != key:
                    self.show_tab(key)
                    if self.current_tab_key() != key:
                        return False  # the tab in view was asked about on leaving it, and Cancel kept it in view
                if not widget.may_close(ask or self._ask_unsaved):
                    return False
        # A form typed in over its own window stayed open over the closed file, unasked: its Save then failed.
        return all(dialog.may_close() for dialog in self._forms_typed_in())

    def finish_cell_edits(self) -> bool:
        """A table cell still being typed in is put in the file first, as Enter would, while that file is open (its
        editor closing with the file had put it in after, into a closed file, and it was lost). An editor opened and
        left as the cell was is only closed: nothing was typed, so nothing is written. With no file open there is
        nothing to put it in (and no tab built to hold one): the start-up's first open looks at no widget.
        False when a tab refused or asked about what was typed (``TabBase.finish_typing``): that tab is shown, its
        editor open on what was typed and the reason beside it, and what was to follow (closing, another file, an
        undo) does not happen."""
        if self.session.store is None:
            return True
        for key, widget in list(self.tab_widgets.items()):
            if not widget.finish_typing():
                if key != self.current_tab_key():  # back to what was typed: nothing there to ask about
                    self._show_tab_unasked(TAB_KEYS.index(key))
                widget.finish_typing_refused()
                return False
        return self._put_in_cells(self)

    def _put_in_cells(self, root: QWidget) -> bool:
        """Every table cell still being typed in under ``root`` put in, as Enter would (``kit.put_in_open_cells``);
        False when a model refused what was typed (an Allocation figure typed "£5,000", a commissioning scale): the
        window goes back to its tab, the editor open on what was typed, so that leaving, closing, Save or Undo does
        not go on without it (it closed the window unsaid)."""
        from safer_desk.ui.kit.cell_editors import put_in_open_cells

        view = put_in_open_cells(root)
        if view is None:
            return True
        for key, widget in self.tab_widgets.items():
            if widget.isAncestorOf(view):
                if key != self.current_tab_key():
                    self._show_tab_unasked(TAB_KEYS.index(key))
                break
        editor = view.indexWidget(view.currentIndex())
        if editor is not None:
            editor.setFocus()
        return False

    def _update_modified(self) -> None:
        self.setWindowModified(self.has_unsaved_changes())

    def save_current(self) -> bool:
        """File > Save (Ctrl+S): save the editor of the tab in view."""
        if not self.finish_cell_edits():  # a figure still in a cell's editor is what the person means to save
            self.statusBar().showMessage("Not saved: see the message beside the cell being typed in.", 5000)
            return False
        tab = self.current_tab()
        if tab is None or not tab.has_unsaved_changes():
            why = tab.not_saved_why() if tab is not None else ""
            if why:  # a what-if in a file open read-only (ticks on Commissioning): not saved, and said why
                prompts.show_error(self, "Save", why)
                self.statusBar().showMessage("Not saved: the file is open read-only.", 5000)
                return False
            words = tab.nothing_to_save_words() if tab is not None else ""
            self.statusBar().showMessage(words or "Nothing to save: every change is already in the file.",
                                         10000 if words else 5000)
            return True
        saved = tab.save_changes()
        words = tab.nothing_to_save_words() if saved else ""  # a figure put in, still not in its scenario
        self.statusBar().showMessage(words or ("Saved." if saved else "Not saved: see the messages beside the fields."),
                                     10000 if words else 5000)
        self._update_modified()
        return saved

    # -- undo ----------------------------------------------------------------------------------------------
    def _command_tab(self, index: int) -> str:
        command = self.session.undo_stack.command(index)
        return getattr(command, "tab", "") or ""

    def _command_action(self, index: int):
        """The action an undo or redo takes back or puts back (None: a step that is not a service's action)."""
        return getattr(self.session.undo_stack.command(index), "action", None)

    def _own_text(self, redo: bool = False) -> str:
        """What the tab in view takes back (``redo``: puts back) of its own before the file's steps ("" none)."""
        tab = self.current_tab() if hasattr(self, "tab_widgets") else None
        return tab.own_step_text(redo) if tab is not None else ""

    def _step_own(self, verb: str) -> bool:
        """Undo (redo) the tab's own step, when it has one (Commissioning's last tick): True when it did."""
        redo = verb == "Redo"
        tab = self.current_tab()
        words = tab.step_own(redo) if tab is not None and self._own_text(redo) else ""
        if not words:
            return False
        again = "Edit > Redo puts it back" if not redo else "Edit > Undo takes it back"
        said = f"{'Redone' if redo else 'Undone'}: “{undo_words(words, STATUS_TEXT_MOST)}” (not saved yet). {again}."
        self.statusBar().showMessage(said, 10000)
        self._update_undo_actions()
        return True

    def undo(self) -> None:
        """Bring the tab where the action happened into view, then undo it there (the tab's own step first)."""
        if self._step_own("Undo"):
            return
        stack = self.session.undo_stack
        if stack.canUndo() and self._ready_to_step(self._command_tab(stack.index() - 1),
                                                   self._command_action(stack.index() - 1)):
            self._step(undo_step, "Undo", stack.undoText(), "undone", self._command_action(stack.index() - 1))

    def redo(self) -> None:
        if self._step_own("Redo"):
            return
        stack = self.session.undo_stack
        if stack.canRedo() and self._ready_to_step(self._command_tab(stack.index()),
                                                   self._command_action(stack.index()), redo=True):
            self._step(redo_step, "Redo", stack.redoText(), "redone", self._command_action(stack.index()))

    def _step(self, step, verb: str, text: str, done: str, action=None) -> None:
        """Undo or redo one action; when it fails (the disk full …) say so: nothing moved, Edit still offers it. What
        it changed that its tab keeps unsaved elsewhere (``TabBase.stepped_words``) is said after it."""
        tab = self.current_tab()
        before = tab.before_step(action) if tab is not None and action is not None else None
        try:
            step(self.session.undo_stack)
        except Exception as exc:  # noqa: BLE001 - every failure is said; the stack is as it was
            cause = write_refused(exc) or str(exc)
            prompts.show_error(self, f"Cannot {verb.lower()}", f"“{text}” could not be {done}: {cause}. Nothing was "
                               f"changed, and Edit > {verb} still offers it.")
            return
        # Ctrl+Z and Ctrl+Y change the file with the Edit menu shut: what went back (or came back) is said.
        again = "Edit > Redo puts it back" if verb == "Undo" else "Edit > Undo takes it back"
        said = f"{done.capitalize()}: “{undo_words(text, STATUS_TEXT_MOST)}”. {again}."
        more = tab.stepped_words(before) if before is not None else ""
        said += f" {more}" if more else ""
        self.statusBar().showMessage(said, 15000 if more else 10000)
        self._step_said = (said, self.session.undo_stack.index())

    def _ready_to_step(self, tab: str, action=None, *, redo: bool = False) -> bool:
        """Before an undo or redo: its tab in view, and that tab's unsaved edits asked about.

        Undoing re-reads the records it touches, which would silently replace what is typed in the
        editor; so Save / Discard / Cancel first. After Save the saved edit is the last action: the
        person presses Undo again to undo it, nothing else is undone behind their back. Only what the step
        re-reads is asked about (``TabBase.may_step``): a register step leaves Commissioning's unsaved set be.
        """
        from safer_desk.ui.workers import running_tasks

        # What is typed saved first is a new change: an undo goes back to it, a redo has nothing left to put back (a
        # change clears Redo), and Redo said "Undo again", as if the step asked for were still on offer.
        saved = ("Saved. That is a new change, so Edit > Redo has nothing to put back now; Edit > Undo undoes the "
                 "save.") if redo else "Saved. Undo again to undo it."

        # Work with a progress window holds the window only once that shows (400 ms in): an undo before then went
        # through while an import was writing, and the import's end then cleared Redo. It waits, saying why. Work
        # whose result is in does not: the step its end made (typed figures replaced) was refused as "still running"
        # until the worker thread said "finished" (session 60).
        busy = next((task for task in running_tasks() if task.shows_progress and not task.ended), None)
        if busy is not None:
            what = (busy.title or "Work in progress").rstrip("…. ")
            self.statusBar().showMessage(f"{what} is still running: Edit > Undo and Redo wait until it has finished.",
                                         8000)
            return False
        depth = self.session.undo_stack.index()
        # A form open over the window (a cost line's Edit dialog) is closed first, as Ctrl+Z in it closes it: the step
        # may change the very record it shows, and its Save then put back what was undone.
        from safer_desk.ui.kit.dialogs import forms_closed_before_step

        if not forms_closed_before_step(self):
            return False  # Cancel, or a save refused: the form stays open, and nothing is undone
        if self.session.undo_stack.index() != depth:
            self.statusBar().showMessage(saved, 8000)
            return False
        # A cell still being typed in (Edit > Undo chosen from the menu) goes in first, as Enter would: the undo
        # re-reads its grid, and the open editor, with what was typed, went with it unsaid.
        if not self.finish_cell_edits():
            return False  # what was typed was refused or asked about: its tab says why, and nothing is undone
        if self.session.undo_stack.index() != depth:
            self.statusBar().showMessage(f"Saved what was being typed{saved.removeprefix('Saved')}", 8000)
            return False
        if tab and tab in self.tab_pages and tab != self.current_tab_key():
            self.show_tab(tab)
            if self.current_tab_key() != tab:
                return False  # the person chose to stay with unsaved edits on the tab in view
            if self.session.undo_stack.index() != depth:  # Save answered for the tab left: that save is next
                self.statusBar().showMessage(saved, 8000)
                return False
        widget = self.current_tab()
        if widget is None or not widget.has_unsaved_changes():
            return True
        ask = self._ask_unsaved
        if not (widget.may_step(action, ask) if action is not None else widget.may_leave(ask)):
            return False
        if self.session.undo_stack.index() != depth:
            self.statusBar().showMessage(saved, 8000)
            return False
        return True

    def _update_undo_actions(self, *_: object) -> None:
        stack = self.session.undo_stack
        own_undo, own_redo = self._own_text(), self._own_text(redo=True)
        undo_text, redo_text = own_undo or stack.undoText(), own_redo or stack.redoText()
        for action, verb, text in ((self.undo_action, "&Undo", undo_text), (self.redo_action, "&Redo", redo_text)):
            action.setText(f"{verb} {shown_as_typed(lower_first(undo_words(text)))}" if text else verb)
        self.undo_action.setEnabled(bool(own_undo) or stack.canUndo())
        self.redo_action.setEnabled(bool(own_redo) or stack.canRedo())
        # Greyed, they say why when pointed at (the Edit menu shows tooltips): after the file is opened again an
        # officer saw a bare "Undo" and could not tell whether a change was lost or why it could not be taken back.
        # Enabled, the tooltip is the item's own words (Qt's default).
        opened = self.session.store is not None
        greyed = NOTHING_PAST_WORK if self.session.changed_by_work else NOTHING_TO_UNDO
        self.undo_action.setToolTip("" if self.undo_action.isEnabled() or not opened else greyed)
        self.redo_action.setToolTip("" if self.redo_action.isEnabled() or not opened else NOTHING_TO_REDO)
        # A change made since an undo or redo said "Edit > Redo puts it back" (Redo is greyed now): no longer true.
        said = self._step_said
        if said is not None and stack.index() != said[1]:
            self._step_said = None
            if self.statusBar().currentMessage() == said[0]:
                self.statusBar().clearMessage()

    def _realise_current_tab(self, *_: object) -> None:
        key = self.current_tab_key()
        if key in self.tab_widgets or self.session.store is None:
            return
        spec = next(s for s in TAB_SPECS if s.key == key)
        widget = spec.load()(self.session, self.tab_pages[key])
        self.tab_pages[key].layout().addWidget(widget)
        # Added to a page already shown, Qt would show it only at the next turn of the event loop: shown now, so the
        # first screen drawn once the file has opened is the tab, not an empty page (benchmarks/startup.py). Not on a
        # page not in view: showing lays the tab out at once, at the size its page has before it is ever shown.
        if self.tab_pages[key].isVisible():
            widget.show()
        # Once the first screen is drawn: reading every widget of the tab for its tab widgets makes their classes'
        # enums (1 ms of the first screen); the timer goes with the tab if another file opens first.
        area = self.tabs.widget(TAB_KEYS.index(key))
        QTimer.singleShot(0, widget, lambda: area.watch(widget))
        self.tab_widgets[key] = widget
        if key == "projects":  # Register or Commissioning: the start page's letters are the Register's alone
            widget.pages.currentChanged.connect(self._start_banner_letters)
            self._start_banner_letters()

    def _store_changed(self) -> None:
        self._close_file_windows()
        for key, widget in list(self.tab_widgets.items()):
            widget.setParent(None)
            widget.deleteLater()
        self.tab_widgets.clear()
        self._update_title()
        self._update_start_banner()
        self._realise_current_tab()
        self._update_modified()
        self._update_undo_actions()  # an empty stack cleared says nothing: a greyed Undo's words follow the file

    def _close_file_windows(self) -> None:
        """Another file (or none) is open: every window showing the one that was open closes. That is each dialog of
        this window shown without holding the window (History of Changes, Districts…, Funders' Awards, a merge's
        result, any added later): each read the old file, and its buttons would change the new one. A window about
        the program marks itself ``OUTLIVES_FILE`` (the guide). A dialog that holds the window (``open()``) has it
        until it is answered, and a tab's dialogs go with the tab."""
        from PySide6.QtWidgets import QDialog

        # Among the application's windows, not every widget below this one: findChildren would give Python every
        # scroll bar and list view of the tabs, making their classes' enums at start-up (2 ms of the first screen).
        for dialog in QApplication.topLevelWidgets():
            if (isinstance(dialog, QDialog) and dialog.isVisible() and not dialog.isModal()
                    and not dialog.property(OUTLIVES_FILE) and self._holds(dialog)):
                dialog.close()

    def _holds(self, widget: QWidget) -> bool:
        """Whether widget is this window's, at any depth (isAncestorOf stops at the edge of a window)."""
        parent = widget.parentWidget()
        while parent is not None and parent is not self:
            parent = parent.parentWidget()
        return parent is self

    @property
    def start_banner(self):
        """The start page (``ui.start.StartBanner``), built on first use."""
        if self._start_banner is None:
            from safer_desk.presenters.start import Step
            from safer_desk.ui.start import StartBanner

            self._start_banner = StartBanner({
                Step.EXAMPLE: self.open_example, Step.POLICE: self.import_police_data,
                Step.PROJECT: self.add_first_project, Step.PLACES: self.office_details, Step.NEW: self.new_file,
                Step.OPEN: self.choose_and_open, Step.MERGE: self._import_district_files}, self)
            self._frame_layout.insertWidget(0, self._start_banner)
            self._start_banner_letters()
        return self._start_banner

    def _start_banner_letters(self, *_: object) -> None:
        """The start page's Alt letters while the project register is in view: they were chosen beside its keys, and
        over another tab or page they were its own (Costs' Alt+Y Payment…, Commissioning's Alt+Y Year): a letter
        shown twice presses neither."""
        if self._start_banner is None:
            return
        projects = self.tab_widgets.get("projects")
        pages = getattr(projects, "pages", None)
        self._start_banner.show_letters(self.current_tab_key() == "projects"
                                        and (pages is None or pages.currentIndex() == 0))

    def _import_district_files(self) -> None:
        """The start page's Import District Files… (a county file's first step), as File > Import District Files…."""
        from safer_desk.ui.exchange.menu import import_district_files

        import_district_files(self)

    def _update_start_banner(self, *_: object) -> None:
        if self._start_banner is None:
            if self.banner_suspended:
                return  # the file opens in a moment: nothing to say yet, and no page built to hide
            from safer_desk.services.start import holds_work

            store = self.session.store
            if store is not None and holds_work(store):  # the usual start: the page and its steps never loaded
                return
        self.start_banner.suspended = self.banner_suspended
        self.start_banner.show_for(self.session.store)

    def is_busy(self) -> bool:
        return any(w.is_busy() for w in self.tab_widgets.values())

    # -- files -----------------------------------------------------------------
    def open_default(self, *, verify_later: bool = False) -> bool:
        path = default_file()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:  # a locked-down or redirected profile folder, a read-only disk: nothing was changed
            prompts.show_error(self, "Cannot make your data folder",
                               own_file_not_made(path.parent, exc, folder_made=False))
            return False
        return self.open_path(path, create=True, verify_later=verify_later, own_file=True)

    def open_for_import(self, *, verify_later: bool = False) -> bool:
        """Police.uk files given on the command line: open the file last used, if it is still there (not the
        example's copy, never listed), else the officer's own file, as `safer-desk` alone opens it."""
        last = settings.read_str("files/last")
        if last and Path(last).is_file():
            return self.open_path(Path(last), verify_later=verify_later)
        return self.open_default(verify_later=verify_later)

    def offer_police_import(self, paths: list[Path]) -> None:
        """Ask before importing police.uk files given on the command line into the open file, naming both; Not Now
        imports nothing and says how to import them later."""
        from safer_desk.ui.indicators.menu import may_import, start_import

        store = self.session.store
        if store is None:
            return
        names = " and ".join(p.name for p in paths[:2]) + (f" and {len(paths) - 2} more" if len(paths) > 2 else "")
        if not prompts.ask(self, "Import police.uk data?",
                           f"Import {names} into {store.path.name}? Safer Desk counts data.police.uk street files into "
                           "the open file's indicators, as File > Import Police Data… does.\n\nTo import into another "
                           "office's file, choose Not Now, open that file and drop the file on its window.",
                           yes="Import", no="Not Now"):
            self.statusBar().showMessage(f"{names} not imported: use File > Import Police Data… or drop it on the "
                                         "window to import it.", 30000)
            return
        if may_import(self):
            start_import(self, list(paths))

    def open_path(self, path: Path, *, create: bool = False, read_only: bool = False,
                  replace_empty: bool = False, verify_later: bool = False, own_file: bool = False) -> bool:
        """Open a file, asking to open it read-only when it is in use or cannot be written, and asking
        before an empty (zero-byte) file is made a new Safer Desk file.

        ``verify_later`` (start-up only): the checks that refuse a damaged file (a damaged page, changed audit
        triggers) wait for ``verify_open_file``, which the start-up runs as soon as the first screen is drawn,
        before any input is handled; the file cannot be written before they pass (its store's write gate). What
        killed runs left beside the file is removed then too (``app._remove_leftovers``), not before its first screen.

        ``own_file``: the officer's own file in Safer Desk's data folder (``open_default``): refused when it is to be
        made, the words name that folder, which the person never chose, and say what to do instead.
        """
        # A name typed in a command prompt: Open Recent must find it from anywhere, and list it once (never also as
        # "…\a\..\a\office.sqlite"). Not resolve(): that would show a mapped drive's file by its server path.
        path = Path(os.path.normpath(Path(path).absolute()))
        current = self.session.store
        if current is not None and same_file(current.path, path) and (read_only or not current.read_only):
            # Open, Open Recent or a drop of the file this window has open: it stays open as it is (opening it
            # again would find its own lock and call this window "another Safer Desk window").
            self.statusBar().showMessage(f"{path.name} is already open in this window.", 10000)
            return True
        if not self.may_close_file():
            return False
        # A file asked to be made (File > New, the own file on a first start) that the disk refuses was not opened
        try:
            making = create and not read_only and not path.exists()
        except OSError:  # a name longer than the disk allows is not there: refused below, saying why
            making = create and not read_only
        refused = "Cannot make file" if making else "Cannot open file"
        if making and own_file:
            refused = "Cannot make your own file"
        try:
            opened = open_office_file(path, create=create, read_only=read_only, replace_empty=replace_empty,
                                      defer_checks=verify_later, leftovers_later=verify_later)
        except FileEmpty as exc:
            if read_only or not prompts.ask(self, "Empty file", f"{exc}\n\nStart a new Safer Desk file there "
                                            "(the empty file is replaced)?", yes="Start a New File"):
                return False
            return self.open_path(path, replace_empty=True)
        except (FileLocked, FileReadOnly, IsAnExport, OpenNotWritten) as exc:
            # OpenNotWritten: an older file the disk has no room to upgrade (or back up) is read through an upgraded
            # copy in memory, as the command line reads it; a new file the disk refused has nothing to read.
            if isinstance(exc, OpenNotWritten) and (read_only or not path.is_file()):
                prompts.show_error(self, refused, own_file_not_made(path.parent, exc) if own_file else str(exc))
                return False
            if not prompts.ask(self, "Open read-only?", f"{exc}\n\nOpen it read-only?", yes="Open Read-Only"):
                return False
            return self.open_path(path, read_only=True)
        except AuditTrailDamaged as exc:
            return self._open_with_damaged_audit(path, exc, create)
        except StoreError as exc:
            from safer_desk.services.police_import import police_data_kind

            said = str(exc)
            if not making and (police := police_data_kind(path)):  # the month's download, opened as a file
                said = (f"{said} It is {police}: import it into the office's file with File > Import Police Data… "
                        "(or drop it on the window).")
            prompts.show_error(self, refused, own_file_not_made(path.parent, exc) if making and own_file else said)
            return False
        except OSError as exc:  # the system refused the name itself (too long): it went to the unexpected-error report
            from safer_desk.services.files import folder_said, write_refused

            done = "made" if making else "opened"
            prompts.show_error(self, refused, own_file_not_made(path.parent, exc) if making and own_file else
                               f"{path.name} cannot be {done} in {folder_said(path)}: "
                               f"{write_refused(exc) or exc}. Nothing was changed.")
            return False
        if opened.store.read_only and not verify_later:
            # Opened only to look: no page check was made on the way (open_store), and a report or a workbook can
            # be made from it, so a damaged file is refused here as opening it to change refuses it.
            try:
                opened.store.check_pages()
            except StoreError as exc:
                opened.store.close()
                prompts.show_error(self, "Cannot open file", str(exc))
                return False
        self.set_store(opened.store)
        if not verify_later:
            settings.add_recent_file(str(path))  # and files/last; never a temporary --demo copy
        if opened.reading_note():  # an older file read as this version reads it: said, and nothing written
            self.statusBar().showMessage(opened.reading_note(), 30000)
        if opened.taken_over_note():  # a window or command that was killed with it open: its lock taken over
            self.statusBar().showMessage(opened.taken_over_note(), 30000)
        if opened.announcement():  # the one write an open may make: say so
            self.statusBar().showMessage(opened.announcement(), 30000)
            prompts.show_info(self, "File upgraded", opened.announcement())
        return True

    def verify_open_file(self) -> bool:
        """The checks ``open_path(verify_later=True)`` put off: a file they refuse is closed and refused as
        opening it would have been (the audit repair offered for changed triggers). True when it stays open."""
        store = self.session.store
        if store is None:
            return False
        try:
            store.check_pages() if store.read_only else store.verify()
        except AuditTrailDamaged as exc:
            self.set_store(None)
            return self._open_with_damaged_audit(store.path, exc, False)
        except StoreError as exc:
            self.set_store(None)
            prompts.show_error(self, "Cannot open file", str(exc))
            return False
        settings.add_recent_file(str(store.path))
        return True

    def _open_with_damaged_audit(self, path: Path, exc: AuditTrailDamaged, create: bool) -> bool:
        """Offer the repair (backup, triggers made again, gap recorded), else read-only (issue 12)."""

        if prompts.ask(self, "Audit trail not complete", f"{exc}\n\nRepair it now?", yes="Repair",
                       no="Not Now"):
            try:
                repair_audit_trail(path)
            except StoreError as error:
                prompts.show_error(self, "Audit trail not repaired", str(error))
                return False
            prompts.show_info(self, "Audit trail repaired",
                              f"The audit trail of {path.name} was repaired (a backup was made first). The repair and "
                              "the gap are recorded in the trail (View > History of Changes).")
            return self.open_path(path, create=create)
        if prompts.ask(self, "Open read-only?", f"Open {path.name} read-only instead? Nothing can be changed until "
                       "the audit trail is repaired.", yes="Open Read-Only"):
            return self.open_path(path, read_only=True)
        return False

    def set_store(self, store: Store | None) -> None:
        self.session.set_store(store)

    def new_file(self) -> None:
        # What is typed on the tabs is asked about once the new file is named (``open_path``), not before: Discard
        # answered, then the file window cancelled, had made nothing and lost the typing.
        # The dialog does not ask to replace a file that is there: New never replaces one (it is refused below), and
        # "Do you want to replace it?" answered Yes was then refused. Suggested in the folder last used, else
        # Documents: not the program's own data folder, which Windows hides (the new file could not be found).
        name = prompts.save_file_name(self, "New Safer Desk file", FILE_FILTER, "office.sqlite",
                                      confirm_overwrite=False)
        if not name:
            return
        path = office_file_name(name)
        try:
            there = path.exists()
        except OSError:  # a name longer than the disk allows: open_path says so, as it says any name it refuses
            there = False
        if there:
            prompts.show_error(self, "File exists", f"{path} already exists; open it with File > Open instead.")
            return
        self.open_path(path, create=True)

    def choose_and_open(self) -> None:
        # Asked about what is typed once a file is chosen (``open_path``), as for New.
        name = prompts.open_file_name(self, "Open Safer Desk file", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def save_copy(self) -> None:
        store = self.session.store
        if store is None:
            return
        # The dialog does not ask before replacing a file: the open file itself is refused first, and any other
        # asked about below (it asked "replace?" of the open file, and Safer Desk refused only after Yes).
        name = prompts.save_file_name(self, "Save a copy", FILE_FILTER,
                                      prompts.beside_file(store.path, f"{store.path.stem} copy.sqlite"),
                                      confirm_overwrite=False)
        if not name:
            return
        from safer_desk.services.files import names_another_kind

        target = office_file_name(name)
        if names_another_kind(target):  # as File > New refuses it: a Safer Desk file named like a workbook or a CSV
            prompts.show_error(self, "Save a copy", f"A copy is not written under the name {target.name}: that is "
                               "the name of another kind of file. Name the copy ending .sqlite (nothing was written).")
            return
        if same_file(target, store.path):
            prompts.show_error(self, "Save a copy", "Choose a different file from the one that is open.")
            return
        from safer_desk.services.files import why_copy_refused

        if refused := why_copy_refused(target):  # before Replace is asked: a file another window holds, a folder
            prompts.show_error(self, "Save a copy", refused)
            return
        if _exists(target) and not prompts.ask(
                self, "Save a copy", f"{target} already exists. Replace it with a copy of {store.path.name}?",
                yes="Replace", no="Keep It", cautious=True):
            return
        from safer_desk.services.files import no_longer_there

        if (gone := no_longer_there(store)) is not None:  # nothing can be saved in it: what is typed is asked after
            self._copy_as_held(store, target, gone)
            return
        # An edit on screen, not saved, is asked about once the copy is named: the copy is of the file, and would go
        # without it (asked first, Discard then the file window cancelled lost the typing and copied nothing).
        if not self.may_close_file():
            return

        def work(progress, cancelled):
            from safer_desk.services.files import reading_connection

            progress(0, 0, f"Writing a copy of {store.path.name} to {target.name}…")
            with reading_connection(store) as own:  # a connection of the worker's own
                own.backup_to(target)
            return target

        self._run_file_task("Save a copy", work, lambda done: f"Copy saved to {done}",
                            "The copy could not be written", store.path, target)

    def _copy_as_held(self, store, target: Path, gone: str) -> None:
        """Save a Copy of a file whose path no longer names it (deleted, moved, another copy put in its place): every
        save is refused, and closing would lose what the window holds. The copy is written from the window's own
        connection, on this thread (a new one to the path read nothing, or the other file), and said so."""
        from safer_desk.services.files import DatabaseError, says_itself, work_in_copy

        # Typing on screen can be saved nowhere but in the copy: asked with Save / Discard / Cancel once the window
        # works in it (asked before, Save was refused, the file being gone, and only Discard led to a copy).
        typed = self.has_unsaved_changes()
        try:
            store.backup_to(target)
        except (OSError, StoreError, DatabaseError) as exc:  # the window cannot read it either (its drive went)
            prompts.show_error(self, "Save a copy", str(exc) if says_itself(exc) else
                               f"The copy could not be written ({exc}): {gone} Nothing was written.")
            return
        held = (f"{store.path.name} is no longer where it was opened: the copy holds everything saved in it in this "
                "window")
        if not typed:
            self.statusBar().showMessage(f"Copy saved to {target}. {held}.", 15000)
            return
        try:
            work_in_copy(store, target)
        except (OSError, StoreError) as exc:
            prompts.show_error(self, "Save a copy", f"Copy saved to {target}. {held}, but not what you typed, which "
                               f"is still on screen: the copy could not be opened to save it in ({exc}).")
            return
        settings.add_recent_file(str(target))
        self._update_title()
        lead = (f"Copy saved to {target}. {held}, and this window now works in the copy, so what you typed can be "
                "saved in it.")
        self.statusBar().showMessage(lead, 15000)
        self.may_close_file(ask=lambda text: prompts.ask_unsaved(self, "Unsaved changes", f"{lead}\n\n{text}"))

    def backup_now(self) -> None:
        store = self.session.store
        if store is None:
            return
        from safer_desk.services.example_copy import is_demo_copy

        if is_demo_copy(store.path):  # its backups folder is in the temporary folder, removed with the copy; refused
            # before any edit on screen is asked about (asked, then refused, the answer went for nothing)
            prompts.show_error(self, "Back up", "This is a copy of the example, removed when Safer Desk closes, and "
                               "a backup made beside it would be removed with it. To keep what is in it, use "
                               "File > Save a Copy and choose a folder of your own. Nothing was written.")
            return
        from safer_desk.services.files import no_longer_there

        if (gone := no_longer_there(store)) is not None:  # its backups folder is beside a file no longer there
            prompts.show_error(self, "Back up", f"The backup could not be written: {gone} If it cannot be put back "
                               "(it was deleted), File > Save a Copy writes everything saved in it so far to a file "
                               "you choose.")
            return
        if not self.may_close_file():  # as Save a Copy: a backup without the edit on screen is
            return  # not the one the person means to keep
        path = store.path

        def work(progress, cancelled):
            progress(0, 0, f"Backing up {path.name}…")
            return back_up(path, reason="on-demand", store=store)

        self._run_file_task("Back up", work, lambda done: f"Backup written to {done}",
                            "The backup could not be written", path, None)

    def _run_file_task(self, title: str, work, said, failed_text: str, source: Path, target: Path | None) -> None:
        """Save a Copy and Back Up Now: at once for a small file; for a large one on a worker thread with a
        progress window and Cancel (a cancelled copy or backup is removed: nothing half-wanted is left)."""
        def done(result) -> None:
            self.statusBar().showMessage(said(result), 8000)

        def failed(exc: BaseException, _details: str = "") -> None:
            from safer_desk.services.files import says_itself

            # A copy refused where it was to go, or a full disk, says it whole (naming the copy and what to do), as
            # File > New does: not "The copy could not be written: copy.sqlite could not be written to …".
            prompts.show_error(self, title, str(exc) if says_itself(exc) else f"{failed_text}: {exc}")

        try:
            size = source.stat().st_size
        except OSError:
            size = 0
        if size < BACKGROUND_COPY_FROM:
            try:
                result = work(lambda *a: None, lambda: False)
            except (OSError, StoreError) as exc:  # a disk refusing it; a copy onto a file open in another window
                failed(exc)
                return
            done(result)
            return
        from safer_desk.services.progress import Cancelled
        from safer_desk.ui.workers import run_task

        replaced = target is not None and _exists(target)  # a copy over a file the person chose to replace

        def guarded(progress, cancelled):
            if cancelled():  # before the copy began: nothing is touched
                raise Cancelled()
            result = work(progress, cancelled)
            # The copy could not be stopped half-way: a new file goes now instead; one that replaced a file is
            # kept (removing it would lose both), and is said as written.
            if cancelled() and not replaced:
                Path(result).unlink(missing_ok=True)
                raise Cancelled()
            return result

        def cancelled_done() -> None:
            self.statusBar().showMessage(f"{title}: cancelled; nothing was written.", 8000)

        self.file_task = run_task(guarded, on_success=done, on_failure=failed, on_cancel=cancelled_done,
                                  window=self, title=f"{title}…")

    def _update_title(self) -> None:
        store = self.session.store
        if store is None:
            self.setWindowTitle(APP_NAME)
            self.file_label.setText("No file open")
        else:
            from safer_desk.services.example_copy import is_demo_copy

            suffix = " (read-only)" if store.read_only else ""
            # The example's copy (Look Around the Example, --demo) says so for as long as it is open, not only for the
            # ten seconds of its message: work typed into it, taken for the officer's own file, went when it closed.
            example = is_demo_copy(store.path)
            said = " (a copy of the example)" if example else ""
            # "[*]" in a name (Linux and macOS allow it) is Qt's mark of where unsaved typing shows: doubled, it
            # shows as it is ("Plan [*] v2.sqlite" was titled "Plan  v2.sqlite").
            name = store.path.name.replace("[*]", "[*][*]")
            self.setWindowTitle(f"{name}[*]{said}{suffix} — {APP_NAME}")
            # A path deep in folders, shortened in the middle as Open Recent lists it: whole, a OneDrive path filled
            # the bar and left its messages no room.
            from safer_desk.presenters.recent import STATUS_MOST, recent_label

            shown = ("The example office: a copy, removed when Safer Desk closes" if example
                     else recent_label(str(store.path), STATUS_MOST))
            self.file_label.setText(f"{shown}{suffix}")
        self.file_label.setToolTip(str(store.path) if store is not None else "")
        for action in (self.backup_action, self.save_copy_action, self.history_action, self.reference_action):
            action.setEnabled(store is not None)  # each needs a file

    # -- edit --------------------------------------------------------------------
    def copy_from_focus(self) -> None:
        """Edit > Copy: what is selected in the widget in focus, as Ctrl+C there copies it (the text selected in a
        field; a table's selected cells); else the rows of the page around it."""
        widget = QApplication.focusWidget()
        while widget is not None:
            if hasattr(widget, "copy_selection"):
                widget.copy_selection()
                return
            if hasattr(widget, "copy") and callable(widget.copy):  # a text field: its selected text
                widget.copy()
                return
            widget = widget.parentWidget()

    def paste_into_focus(self) -> None:
        widget = QApplication.focusWidget()
        while widget is not None:
            if not getattr(widget, "takes_paste", lambda: True)():  # a page whose paste is another page's
                break
            if callable(getattr(widget, "on_paste", None)):  # a kit table's own paste, as its Ctrl+V does
                widget.on_paste()
                return
            if hasattr(widget, "paste_rows"):
                widget.paste_rows()
                return
            if hasattr(widget, "paste") and callable(widget.paste):
                widget.paste()
                return
            widget = widget.parentWidget()
        # As Edit > Find says a page has no search box: a paste that went nowhere was not a paste out of sight.
        self.statusBar().showMessage("Nothing here takes a paste: click the table or field to paste into, then "
                                     "paste again.", 6000)

    # -- dialogs -----------------------------------------------------------------
    def show_history(self) -> None:
        from safer_desk.ui.history import HistoryDialog

        if self.session.store is None:
            return
        # One History window: asked for again, the one there is comes to the front (shown again, it reads the file's
        # history afresh). A new one each time left every closed one alive, holding its lines (megabytes on a long
        # trail) and listening to every change.
        dialog, closed = self._history_dialog, self._history_dialog is not None and not self._history_dialog.isVisible()
        if dialog is None:
            dialog = self._history_dialog = HistoryDialog(self.session, self)
        dialog.show()
        if closed:  # closed since (another file may be open now): the history as the file holds it now
            dialog.refresh()
        dialog.raise_()
        dialog.activateWindow()

    def show_reference(self) -> None:
        from safer_desk.ui.reference import ReferenceDialog

        if self.session.store is None:
            return
        if self._reference_dialog is not None:
            self._reference_dialog.close()
        self._reference_dialog = ReferenceDialog(self.session, self)
        self._reference_dialog.show()

    def show_awards(self) -> None:
        """View > Funders' Awards…: add, correct or delete the awards commissioning is done against."""
        from safer_desk.ui.projects.awards import AwardsDialog

        if self.session.store is None:
            return
        if self._awards_dialog is not None:
            self._awards_dialog.close()
            self._awards_dialog.deleteLater()
        self._awards_dialog = AwardsDialog(self.session, self)
        self._awards_dialog.show()

    def show_guide(self) -> None:
        """Help > User Guide (F1): the guide rendered in a window of its own (no program for Markdown needed), at the
        page of the tab in view, as a desktop program's F1 does (it opened at the contents whatever the tab)."""
        from safer_desk.ui.guide import GuideWindow

        if self._guide_window is None:
            self._guide_window = GuideWindow(self)
            self._guide_window.setProperty(OUTLIVES_FILE, True)  # about the program, not the file
        self._guide_window.open_topic(self.current_tab_key() if self.session.store is not None else None)
        self._guide_window.show()
        self._guide_window.raise_()
        self._guide_window.activateWindow()

    def about_text(self) -> str:
        from html import escape  # here, not at start-up

        store = self.session.store
        schema_version = program_schema_version

        lines = [f"<h3>{APP_NAME} {__version__}</h3>",
                 "<p>Projects, allocations, DHR and target-hardening costs, indicators, and budgets and plans "
                 "for a Community Safety Partnership office.</p>"]
        if store is not None:
            lines.append(f"<p>File: {escape(str(store.path))}<br>Office: {escape(store.office_name)}<br>"
                         f"Schema version: {store.schema_version} (this program writes {schema_version()})</p>")
        return "".join(lines)

    def show_about(self) -> None:
        from PySide6.QtWidgets import QDialog, QDialogButtonBox  # here: About is not on the way to the first screen

        dialog = QDialog(self)
        dialog.setWindowTitle(f"About {APP_NAME}")
        label = QLabel(self.about_text(), dialog)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok, dialog)
        buttons.accepted.connect(dialog.accept)
        layout = QVBoxLayout(dialog)
        layout.addWidget(label)
        layout.addWidget(buttons)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self._about_dialog = dialog

    # -- state ---------------------------------------------------------------------
    def _restore_state(self) -> None:
        geometry = settings.read_bytes("window/geometry")
        # Qt brings a remembered size back onto a screen that is there now; one it refuses (saved on a screen of
        # another size, a laptop undocked, or damaged) changes nothing: then the first start's size, not the least.
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            # the first start: the usual size where it fits, else the screen less the window's frame
            width, height = FIRST_SIZE
            area = available_area(self)
            if area is not None and not area.isEmpty():
                width = max(self.minimumWidth(), min(width, area.width() - 16))
                height = max(self.minimumHeight(), min(height, area.height() - 40))
            self.resize(width, height)
        last = settings.read_str("window/tab", "projects")
        keys = [s.key for s in TAB_SPECS]
        if last in keys:
            self.tabs.setCurrentIndex(keys.index(last))

    def save_state(self) -> None:
        if not self.persist_state:
            return
        settings.write("window/geometry", self.saveGeometry())
        settings.write("window/tab", self.current_tab_key())

    # -- files dropped on the window ----------------------------------------------------------------------
    def dragEnterEvent(self, event) -> None:
        if _dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dragMoveEvent(self, event) -> None:
        if _dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = _dropped_paths(event.mimeData())
        if not paths:
            return
        event.acceptProposedAction()
        # After the drop returns: the program the files came from waits for it (Explorer, Finder).
        QTimer.singleShot(0, lambda: self.use_dropped(paths))

    def use_dropped(self, paths: list[Path]) -> None:
        """Open the one Safer Desk file dropped, import the police.uk files, or say what can be dropped."""
        from safer_desk.presenters.drops import Dropped, what_was_dropped

        drop = what_was_dropped(paths)
        if drop.kind == Dropped.OPEN:
            self.open_path(drop.paths[0])
        elif drop.kind == Dropped.POLICE:
            from safer_desk.ui.indicators.menu import may_import, start_import

            if may_import(self):
                start_import(self, list(drop.paths))
        else:
            prompts.show_error(self, "Nothing to open or import", drop.message)

    def closeEvent(self, event: QCloseEvent) -> None:
        try:
            leave = self.may_close_file() and self.stop_running_tasks()
        except BaseException:
            event.ignore()  # the Save asked for was refused (the disk full, the file gone): the window stays, as typed
            raise
        if not leave:
            event.ignore()
            return
        self.save_state()
        if self._guide_window is not None:
            self._guide_window.close()
        self.session.close()  # the windows about the file close with it (_close_file_windows)
        self._remove_example_copies()
        super().closeEvent(event)

    def stop_running_tasks(self, *, timeout_ms: int = 30000) -> bool:
        """Before closing: a long task still running (a board report, an import, a copy) is asked about;
        Yes cancels it and waits for it to stop, so the program never ends under a working thread."""
        from safer_desk.ui.workers import running_tasks

        tasks = [task for task in running_tasks() if not task.ended]  # one whose end was said is not asked about
        if not running_tasks():
            return True
        named = [t.title.rstrip("…") for t in tasks if t.title]
        if named and not prompts.ask(self, "Still working",
                                     f"{', '.join(named)} is still running.\n\nStop it and close? What it is in the "
                                     "middle of is not kept (files a merge had already merged stay merged).",
                                     yes="Stop and Close", no="Keep Working"):
            return False
        for task in tasks:
            task.cancel()
        if tasks:
            self.statusBar().showMessage("Stopping…")
        loop = QEventLoop()
        deadline = QDeadlineTimer(timeout_ms)
        while running_tasks() and not deadline.hasExpired():
            QTimer.singleShot(20, loop.quit)
            loop.exec()
        if running_tasks():
            prompts.show_error(self, "Still working", "The work could not be stopped yet; try closing again in a "
                               "moment.")
            return False
        return True

    # -- the start page ------------------------------------------------------------------------
    def open_example(self) -> bool:
        """Open a fresh copy of the example file (removed when the window closes; never in Open Recent)."""
        from safer_desk.services.example_copy import example_copy

        if not self.may_close_file():
            return False
        copy = example_copy()
        try:
            path = copy.__enter__()
        except OSError as exc:  # the temporary folder's disk full or refused: the officer's own file is untouched
            from safer_desk.services.example_copy import copies_folder
            from safer_desk.services.files import write_refused

            prompts.show_error(self, "Example not opened",
                               f"The example could not be copied into the temporary folder {copies_folder()}: "
                               f"{write_refused(exc) or exc}. Your own file is open as it was.")
            return False
        if not self.open_path(path):
            copy.__exit__(None, None, None)
            return False
        self._example_copies.append(copy)
        self.statusBar().showMessage("The example office: a copy, removed when Safer Desk closes.", 10000)
        return True

    def _remove_example_copies(self) -> None:
        """When the window closes (its file closed first): the example copies opened from the start page."""
        while self._example_copies:
            self._example_copies.pop().__exit__(None, None, None)

    def import_police_data(self) -> None:
        actions = getattr(self, "import_police_actions", ())
        if actions:
            actions[0].trigger()

    def office_details(self) -> None:
        """File > Office Details… (whose file this is: its districts or partnerships, and its county)."""
        actions = getattr(self, "exchange_actions", {})
        if "office" in actions:
            actions["office"].trigger()

    def add_first_project(self) -> None:
        tab = self.show_tab("projects")
        if tab is not None and self.current_tab_key() == "projects":
            tab.register.add_project()


def _dropped_paths(mime) -> list[Path]:
    """The local files and folders a drag carries (none for text, links or another program's objects)."""
    if mime is None or not mime.hasUrls():
        return []
    return [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile() and url.toLocalFile()]


def _exists(path: Path) -> bool:
    """A file is there (one that cannot be looked at counts: it is not replaced without a question)."""
    try:
        return path.exists()
    except OSError:
        return True
