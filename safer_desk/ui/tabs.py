"""The four tabs: which module builds each one (imported only when it is first shown)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from safer_desk.ui.session import Session


@dataclass(frozen=True)
class TabSpec:
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
)
TAB_KEYS = tuple(spec.key for spec in TAB_SPECS)

# Modules with an ``install(window)`` that adds menu actions; imported at start-up, so keep them light.
MENU_MODULES = ("safer_desk.ui.indicators.menu", "safer_desk.ui.exchange.menu")


class TabBase(QWidget):
    """A tab: a thin view over services, rebuilt when another file is opened."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session

    def is_busy(self) -> bool:
        """True while the tab is still loading in the background (the screenshot waits for it)."""
        return False


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
