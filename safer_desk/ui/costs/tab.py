"""The Costs tab: Domestic Homicide Reviews (cases and the ledger of who owes what) and pooled funds."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from safer_desk.services.dhr import review_label
from safer_desk.ui.costs.dhr_page import DhrPage, LedgerPage
from safer_desk.ui.costs.fund_page import FundPage
from safer_desk.ui.session import Session
from safer_desk.ui.tabs import TabBase


class CostsTab(TabBase):
    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        if session.read_only:
            layout.addWidget(QLabel("This file is open read-only: the figures can be viewed and exported, "
                                    "not changed.", self))
        self.pages = QTabWidget(self)
        self.pages.setAccessibleName("Costs pages")
        self.reviews = DhrPage(session, self.pages)
        self.ledger = LedgerPage(session, self.pages)
        self.funds = FundPage(session, self.pages)
        self.pages.addTab(self.reviews, "")
        self.pages.addTab(self.ledger, "")
        self.pages.addTab(self.funds, "Pooled &funds")
        layout.addWidget(self.pages)
        self._retitle()
        session.data_changed.connect(self._data_changed)

    def _retitle(self) -> None:
        label = review_label(self.session.store)
        self.pages.setTabText(0, f"&{label}s")
        self.pages.setTabText(1, f"&Ledger: who owes what")
        self.reviews.privacy_note.setText(f"{label}s are recorded by reference only — never a victim's name.")

    def _data_changed(self, area: str) -> None:
        if self.session.store is None:
            return
        if area in ("costs", ""):
            self._retitle()
            self.ledger.refresh()
        if area == "":
            self.reviews.refresh()
            self.funds.refresh()

    def is_busy(self) -> bool:
        return self.reviews.is_busy() or self.ledger.is_busy() or self.funds.is_busy()
