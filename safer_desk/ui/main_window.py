"""The main window: four tabs over one open file, the usual menus, undo/redo, recent files."""

from __future__ import annotations

import importlib
from pathlib import Path

from PySide6.QtCore import QUrl, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QIcon, QKeySequence
from PySide6.QtWidgets import (QApplication, QDialog, QDialogButtonBox, QLabel, QMainWindow, QMenu, QTabWidget,
                               QVBoxLayout, QWidget)

from safer_desk import APP_NAME, __version__
from safer_desk.paths import default_file, resource
from safer_desk.storage.store import (AuditTrailDamaged, FileEmpty, FileLocked, FileMissing, FileReadOnly, Store,
                                      StoreError, make_backup, open_store)
from safer_desk.ui import prompts, settings
from safer_desk.ui.session import Session
from safer_desk.ui.tabs import MENU_MODULES, TAB_SPECS, TabBase

FILE_FILTER = "Safer Desk files (*.sqlite *.db);;All files (*)"


def app_icon() -> QIcon:
    icon = QIcon()
    for size in (16, 32, 48, 64, 128, 256):
        png = resource("icons", f"safer-desk-{size}.png")
        if png.exists():
            icon.addFile(str(png))
    return icon


class MainWindow(QMainWindow):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = Session(self)
        self.tab_pages: dict[str, QWidget] = {}
        self.tab_widgets: dict[str, TabBase] = {}
        self._history_dialog = None
        self.persist_state = True  # the screenshot command turns this off so it never moves the user's window
        self.setWindowIcon(app_icon())
        self.setMinimumSize(800, 500)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        for spec in TAB_SPECS:
            page = QWidget(self.tabs)
            QVBoxLayout(page).setContentsMargins(0, 0, 0, 0)
            page.setAccessibleName(spec.title.replace("&", ""))
            self.tab_pages[spec.key] = page
            self.tabs.addTab(page, spec.title)
        self.setCentralWidget(self.tabs)
        self.tabs.currentChanged.connect(self._realise_current_tab)

        self.file_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.file_label)
        self._build_menus()
        for module in MENU_MODULES:
            importlib.import_module(module).install(self)
        self.session.store_changed.connect(self._store_changed)
        self._restore_state()
        self._update_title()

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
        self.recent_menu = self.file_menu.addMenu("Open &Recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self.save_copy_action = self._action("Save a &Copy…", self.save_copy, "Ctrl+Shift+S",
                                             tip="Write a copy of the open file elsewhere")
        self.file_menu.addAction(self.save_copy_action)
        self.backup_action = self._action("&Back Up Now", self.backup_now, tip="Keep a dated backup beside the file")
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addSeparator()
        self._extension_anchor = self.file_menu.addSeparator()
        self.file_menu.addAction(self._action("&Quit", self.close, QKeySequence.StandardKey.Quit))

        self.edit_menu = bar.addMenu("&Edit")
        self.undo_action = self.session.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.session.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Y")])
        self.edit_menu.addAction(self.undo_action)
        self.edit_menu.addAction(self.redo_action)
        self.edit_menu.addSeparator()
        self.copy_action = self._action("&Copy", self.copy_from_focus, QKeySequence.StandardKey.Copy)
        self.copy_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.paste_action = self._action("&Paste", self.paste_into_focus, QKeySequence.StandardKey.Paste)
        self.paste_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.edit_menu.addAction(self.copy_action)
        self.edit_menu.addAction(self.paste_action)

        self.view_menu = bar.addMenu("&View")
        for i, spec in enumerate(TAB_SPECS, start=1):
            self.view_menu.addAction(self._action(spec.title, lambda _=False, k=spec.key: self.show_tab(k), f"Ctrl+{i}"))
        self.view_menu.addSeparator()
        self.history_action = self._action("&History of Changes…", self.show_history, "Ctrl+H")
        self.view_menu.addAction(self.history_action)
        self.reference_action = self._action("&Districts, Partnerships and Partners…", self.show_reference)
        self.view_menu.addAction(self.reference_action)

        help_menu = bar.addMenu("&Help")
        help_menu.addAction(self._action("User &Guide", self.show_guide, QKeySequence.StandardKey.HelpContents))
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
        recent = settings.read_list("files/recent")
        if not recent:
            self.recent_menu.addAction("(none)").setEnabled(False)
        for i, path in enumerate(recent, start=1):
            self.recent_menu.addAction(self._action(f"&{i} {path}", lambda _=False, p=path: self.open_path(Path(p))))

    # -- tabs ------------------------------------------------------------------
    def show_tab(self, key: str) -> TabBase | None:
        """Make a tab current (building it if a file is open) and return it."""
        page = self.tab_pages[key]
        self.tabs.setCurrentWidget(page)
        self._realise_current_tab()
        return self.tab_widgets.get(key)

    def current_tab_key(self) -> str:
        return TAB_SPECS[max(0, self.tabs.currentIndex())].key

    def _realise_current_tab(self, *_: object) -> None:
        key = self.current_tab_key()
        if key in self.tab_widgets or self.session.store is None:
            return
        spec = next(s for s in TAB_SPECS if s.key == key)
        widget = spec.load()(self.session, self.tab_pages[key])
        self.tab_pages[key].layout().addWidget(widget)
        self.tab_widgets[key] = widget

    def _store_changed(self) -> None:
        for key, widget in list(self.tab_widgets.items()):
            widget.setParent(None)
            widget.deleteLater()
        self.tab_widgets.clear()
        self._update_title()
        self._realise_current_tab()

    def is_busy(self) -> bool:
        return any(w.is_busy() for w in self.tab_widgets.values())

    # -- files -----------------------------------------------------------------
    def open_default(self) -> bool:
        path = default_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        return self.open_path(path, create=True)

    def open_path(self, path: Path, *, create: bool = False, read_only: bool = False,
                  replace_empty: bool = False) -> bool:
        """Open a file, asking to open it read-only when it is in use or cannot be written, and asking
        before an empty (zero-byte) file is made a new Safer Desk file."""
        path = Path(path)
        try:
            store = open_store(path, create=create, read_only=read_only, replace_empty=replace_empty)
        except FileEmpty as exc:
            if read_only or not prompts.ask(self, "Empty file", f"{exc}\n\nStart a new Safer Desk file there "
                                            "(the empty file is replaced)?", yes="Start a New File"):
                return False
            return self.open_path(path, replace_empty=True)
        except (FileLocked, FileReadOnly) as exc:
            if not prompts.ask(self, "Open read-only?", f"{exc}\n\nOpen it read-only?", yes="Open Read-Only"):
                return False
            return self.open_path(path, read_only=True)
        except AuditTrailDamaged as exc:
            return self._open_with_damaged_audit(path, exc, create)
        except StoreError as exc:
            prompts.show_error(self, "Cannot open file", str(exc))
            return False
        self.set_store(store)
        settings.add_recent_file(str(path))  # and files/last; never a temporary --demo copy
        return True

    def _open_with_damaged_audit(self, path: Path, exc: AuditTrailDamaged, create: bool) -> bool:
        """Offer the repair (backup, triggers made again, gap recorded), else read-only (issue 12)."""
        from safer_desk.storage.store import repair_audit_trail

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
        name = prompts.save_file_name(self, "New Safer Desk file", FILE_FILTER, str(default_file().parent / "office.sqlite"))
        if not name:
            return
        path = Path(name)
        if path.suffix == "":
            path = path.with_suffix(".sqlite")
        if path.exists():
            prompts.show_error(self, "File exists", f"{path} already exists; open it with File > Open instead.")
            return
        self.open_path(path, create=True)

    def choose_and_open(self) -> None:
        name = prompts.open_file_name(self, "Open Safer Desk file", FILE_FILTER)
        if name:
            self.open_path(Path(name))

    def save_copy(self) -> None:
        store = self.session.store
        if store is None:
            return
        name = prompts.save_file_name(self, "Save a copy", FILE_FILTER, str(store.path.with_name(store.path.stem + " copy.sqlite")))
        if not name:
            return
        target = Path(name)
        if target.resolve() == store.path.resolve():
            prompts.show_error(self, "Save a copy", "Choose a different file from the one that is open.")
            return
        try:
            store.backup_to(target)
        except OSError as exc:
            prompts.show_error(self, "Save a copy", f"The copy could not be written: {exc}")
            return
        self.statusBar().showMessage(f"Copy saved to {target}", 8000)

    def backup_now(self) -> None:
        store = self.session.store
        if store is None:
            return
        try:
            target = make_backup(store.path, reason="on-demand")
        except OSError as exc:
            prompts.show_error(self, "Back up", f"The backup could not be written: {exc}")
            return
        self.statusBar().showMessage(f"Backup written to {target}", 8000)

    def _update_title(self) -> None:
        store = self.session.store
        if store is None:
            self.setWindowTitle(APP_NAME)
            self.file_label.setText("No file open")
        else:
            suffix = " (read-only)" if store.read_only else ""
            self.setWindowTitle(f"{store.path.name}{suffix} — {APP_NAME}")
            self.file_label.setText(f"{store.path}{suffix}")
        self.backup_action.setEnabled(store is not None)
        self.save_copy_action.setEnabled(store is not None)

    # -- edit --------------------------------------------------------------------
    def copy_from_focus(self) -> None:
        widget = QApplication.focusWidget()
        while widget is not None:
            if hasattr(widget, "copy_selection"):
                widget.copy_selection()
                return
            widget = widget.parentWidget()

    def paste_into_focus(self) -> None:
        widget = QApplication.focusWidget()
        while widget is not None:
            if hasattr(widget, "paste_rows"):
                widget.paste_rows()
                return
            if hasattr(widget, "paste") and callable(widget.paste):
                widget.paste()
                return
            widget = widget.parentWidget()

    # -- dialogs -----------------------------------------------------------------
    def show_history(self) -> None:
        from safer_desk.ui.history import HistoryDialog

        if self.session.store is None:
            return
        if self._history_dialog is not None:
            self._history_dialog.close()
        self._history_dialog = HistoryDialog(self.session, self)
        self._history_dialog.show()

    def show_reference(self) -> None:
        from safer_desk.ui.reference import ReferenceDialog

        if self.session.store is None:
            return
        self._reference_dialog = ReferenceDialog(self.session, self)
        self._reference_dialog.show()

    def show_guide(self) -> None:
        guide = resource("docs", "user-guide.md")  # installed: docs are shipped inside the resources
        if not guide.exists():
            guide = Path(__file__).resolve().parents[2] / "docs" / "user-guide.md"  # a source checkout
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(guide)))

    def about_text(self) -> str:
        store = self.session.store
        from safer_desk.storage.schema import schema_version

        lines = [f"<h3>{APP_NAME} {__version__}</h3>",
                 "<p>Projects, allocations, DHR and target-hardening costs and indicators "
                 "for a Community Safety Partnership office.</p>"]
        if store is not None:
            lines.append(f"<p>File: {store.path}<br>Office: {store.office_name}<br>"
                         f"Schema version: {store.schema_version} (this program writes {schema_version()})</p>")
        return "".join(lines)

    def show_about(self) -> None:
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
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1200, 760)
        last = settings.read_str("window/tab", "projects")
        keys = [s.key for s in TAB_SPECS]
        if last in keys:
            self.tabs.setCurrentIndex(keys.index(last))

    def save_state(self) -> None:
        if not self.persist_state:
            return
        settings.write("window/geometry", self.saveGeometry())
        settings.write("window/tab", self.current_tab_key())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self._history_dialog is not None:
            self._history_dialog.close()
        self.session.close()
        super().closeEvent(event)
