"""The four tabs: which module builds each one (imported only when it is first shown)."""

from __future__ import annotations

import importlib
from typing import NamedTuple

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from safer_desk.ui.session import Session


class TabSpec(NamedTuple):
    """A tab of the window: its name, and the module and class that build it when first shown. (A NamedTuple: Python
    3.11 compiles a frozen dataclass's methods as it is made, 3 M instructions of every start.)"""
    key: str
    title: str
    module: str
    class_name: str

    def load(self) -> type["TabBase"]:
        return getattr(importlib.import_module(self.module), self.class_name)


TAB_SPECS = (
    TabSpec("projects", "&Projects", "safer_desk.ui.projects.tab", "ProjectsTab"),
    TabSpec("allocation", "&Allocation", "safer_desk.ui.allocation.tab", "AllocationTab"),
    TabSpec("costs", "&Costs", "safer_desk.ui.costs.tab", "CostsTab"),
    TabSpec("indicators", "&Indicators", "safer_desk.ui.indicators.tab", "IndicatorsTab"),
    TabSpec("budgets", "&Budgets", "safer_desk.ui.budgets.tab", "BudgetsTab"),
)
TAB_KEYS = tuple(spec.key for spec in TAB_SPECS)

# Modules with an ``install(window)`` that adds menu actions; imported at start-up, so keep them light.
MENU_MODULES = ("safer_desk.ui.indicators.menu", "safer_desk.ui.exchange.menu")


class TabBase(QWidget):
    """A tab: a thin view over its presenter, rebuilt when another file is opened.

    A tab with editors exposes its ``presenter`` (a ``presenters.screens.ScreenPresenter``): the main
    window then asks it about unsaved edits before the tab, the file or the program is left, marks
    the title while it holds any, and saves it on Ctrl+S. Tabs without one hold nothing unsaved.
    """

    presenter = None
    # Emitted when what the tab was loading in the background is shown and it is no longer busy: the screenshot
    # waits for it (ui.app.wait_until_idle), as the window settles, not for a time by the clock.
    loaded = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session

    def is_busy(self) -> bool:
        """True while the tab is still loading in the background (the screenshot waits for it). A tab that returns
        True emits ``loaded`` (``loaded_if_idle``) once it no longer does."""
        return False

    def loaded_if_idle(self) -> None:
        """Say the tab has loaded, if nothing of it is loading any more."""
        if not self.is_busy():
            self.loaded.emit()

    def watch_unsaved(self, event) -> None:
        """Tell the window whenever ``event`` (a presenter's ``changed``) fires, so its title stays true."""
        event.connect(lambda *_: self.session.unsaved_changed.emit())

    def has_unsaved_changes(self) -> bool:
        return self.presenter is not None and self.presenter.has_unsaved_changes()

    def own_step_text(self, redo: bool = False) -> str:
        """What Edit > Undo (``redo``: Redo) takes back on this tab before the file's steps, of what the tab holds
        and has not saved (Commissioning's ticks), as a box's typing is undone first; "" for nothing."""
        return ""

    def step_own(self, redo: bool = False) -> str:
        """Undo (redo) the step ``own_step_text`` names; what it was, or "" when there was none."""
        return ""

    def finish_typing(self) -> bool:
        """A cell still being typed in put in the file, as Enter would, before the tab is left, the file closes or an
        undo re-reads it. False when the tab refused or asked about what was typed: its editor stays open on it and
        the tab says why, so the window stays on the tab. A tab whose grid can refuse a cell says so here; any other
        cell editor is put in by ``MainWindow.finish_cell_edits``."""
        return True

    def finish_typing_refused(self) -> None:
        """Once the window is back on the tab after ``finish_typing`` said False: the typing point in what was typed."""

    def search_box(self) -> QLineEdit | None:
        """The search box of the page in view (Edit > Find): a shown box named "Search …" or "Find …"."""
        for box in self.findChildren(QLineEdit):
            if box.isVisible() and box.isEnabled() and box.accessibleName().startswith(("Search", "Find")):
                return box
        return None

    def no_search_box(self) -> str:
        """What Edit > Find says when ``search_box`` finds none on the page in view (a page may move the keyboard to
        where a search can be had)."""
        return "This page has no search box."

    def describe_unsaved(self) -> str:
        return self.presenter.describe_unsaved() if self.presenter is not None else ""

    def not_saved_why(self) -> str:
        """Why Ctrl+S saves nothing of what the tab shows changed though it holds nothing unsaved (a what-if in a
        file open read-only); "" when there is nothing to say."""
        return ""

    def nothing_to_save_words(self) -> str:
        """What Ctrl+S says when the tab holds nothing unsaved, where the window's own words would mislead (the
        Allocation tab's inputs changed since their scenario was saved); "" for the window's own."""
        return ""

    def save_changes(self) -> bool:
        """Ctrl+S: save the current editor; True when nothing is left unsaved."""
        return self.presenter.save() if self.presenter is not None else True

    def may_leave(self, ask) -> bool:
        """Ask about unsaved edits (Save / Discard / Cancel); True when the tab may be left."""
        return self.presenter.may_leave(ask) if self.presenter is not None else True

    def may_step(self, action, ask) -> bool:
        """Before Edit > Undo or Redo of ``action`` (a step made on this tab): its unsaved edits that the step would
        re-read asked about, as ``may_leave`` (a tab of two pages asks only about the page the step re-reads)."""
        return self.may_leave(ask)

    def before_step(self, action):
        """What ``stepped_words`` needs from before an undo or redo of ``action`` (None: nothing to say after it)."""
        return None

    def stepped_words(self, before) -> str:
        """After the step: what it changed that the tab keeps unsaved elsewhere, in words ("" nothing)."""
        return ""

    def may_close(self, ask) -> bool:
        """Before the file closes (another file, the program, a copy made): as ``may_leave``, and what the tab keeps
        typed while it is only left (Allocation's top-slice figures) asked about too."""
        return self.may_leave(ask)


class PlaceholderTab(TabBase):
    """Shown until the tab's own issue lands."""

    description = ""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        label = QLabel(self.description, self)
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
