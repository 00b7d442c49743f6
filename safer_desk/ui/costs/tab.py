"""The Costs tab: Domestic Homicide Reviews (cases and the ledger of who owes what) and pooled funds.

Each page is built the first time it is shown (or asked for), so opening the tab
builds and reads only the reviews; the funds page, with its chart and possibly
tens of thousands of spend lines, waits until it is wanted.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from safer_desk.domain.dhr import timescales_words, welsh_name_words
from safer_desk.presenters.costs import CostsPresenter
from safer_desk.services.dhr import review_label
from safer_desk.ui.costs.dhr_page import DhrPage, LedgerPage
from safer_desk.ui.session import Session
from safer_desk.ui.tabs import TabBase

LEDGER, FUNDS = 1, 2


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
        self.reviews.loaded.connect(self.loaded_if_idle)
        self._ledger: LedgerPage | None = None
        self._funds = None
        self.pages.addTab(self.reviews, "")
        for title in ("", "Pooled f&unds"):
            holder = QWidget(self.pages)
            QVBoxLayout(holder).setContentsMargins(0, 0, 0, 0)
            self.pages.addTab(holder, title)
        layout.addWidget(self.pages)
        # The window's guard asks this about unsaved edits in an open Costs form (Save / Discard / Cancel).
        self.presenter = CostsPresenter(lambda: [p.presenter for p in (self.reviews, self._funds) if p is not None])
        self.watch_unsaved(self.reviews.presenter.changed)
        self.watch_unsaved(self.reviews.presenter.form_opened)
        # A review's change, its undo or its redo (Edit > Undo from the Pooled funds page too): its page in view.
        self.reviews.presenter.data_changed.connect(lambda: self.pages.setCurrentWidget(self.reviews))
        self._retitle()
        self.pages.currentChanged.connect(self._page_shown)
        session.data_changed.connect(self._data_changed)

    # -- pages built on demand ---------------------------------------------------------
    def _holder(self, index: int) -> QWidget:
        return self.pages.widget(index)

    @property
    def ledger(self) -> LedgerPage:
        if self._ledger is None:
            self._ledger = LedgerPage(self.session, self._holder(LEDGER))
            self._ledger.loaded.connect(self.loaded_if_idle)
            self._ledger.today = self.reviews._today  # a day set for the reviews (tests) holds here too
            self._holder(LEDGER).layout().addWidget(self._ledger)
        return self._ledger

    @property
    def funds(self):
        if self._funds is None:
            from safer_desk.ui.costs.fund_page import FundPage  # the chart and eight tables: only when the page is wanted

            self._funds = FundPage(self.session, self._holder(FUNDS))
            self._funds.loaded.connect(self.loaded_if_idle)
            self.watch_unsaved(self._funds.presenter.changed)
            self.watch_unsaved(self._funds.presenter.form_opened)
            # A fund's change, its undo or its redo (Edit > Undo from the Reviews page too): its page in view.
            self._funds.presenter.data_changed.connect(lambda: self.pages.setCurrentIndex(FUNDS))
            self._holder(FUNDS).layout().addWidget(self._funds)
        return self._funds

    def _page_shown(self, index: int) -> None:
        if index == LEDGER:
            self.ledger  # noqa: B018 - builds the page
        elif index == FUNDS:
            self.funds  # noqa: B018

    def _retitle(self) -> None:
        label = review_label(self.session.store)
        head, _, last = f"{label}s".rpartition(" ")
        self.pages.setTabText(0, f"{head} &{last}")  # Alt+R: Alt+D, E and F belong to other controls
        self.pages.setTabText(LEDGER, "&Ledger: who owes what")
        # a SUSR's "⚠ Overdue" and "Done late" follow the file's rules: no statutory timescale is known (DESIGN 2.3)
        self.reviews.privacy_note.setText(" ".join(w for w in (
            f"{label}s are recorded by reference only — never a victim's name.", welsh_name_words(label),
            timescales_words(label)) if w))

    def _data_changed(self, area: str) -> None:
        if self.session.store is None:
            return
        if area in ("costs", ""):
            self._retitle()
        # Districts…: a district added or its spelling corrected is in the filters and read anew in the lists, as
        # any change of the file's (a merge); a partner or partnership changed there is named anew in the ledger.
        if area in ("costs", "", "reference") and self._ledger is not None:
            self._ledger.refresh()
        if area in ("", "reference"):
            self.reviews.districts_changed()
            self.reviews.refresh()
            if self._funds is not None:
                self._funds.districts_changed()
                self._funds.refresh()

    def no_search_box(self) -> str:
        if self.pages.currentIndex() == FUNDS and self._funds is not None:
            return self._funds.no_search_box() or super().no_search_box()
        return super().no_search_box()

    def is_busy(self) -> bool:
        return any(page is not None and page.is_busy() for page in (self.reviews, self._ledger, self._funds))
