"""View > Funders' Awards…: the list of awards, with Add, Edit and Delete (presenters.awards does the work)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QWidget

from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.services.provenance import MERGED_FROM
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.tables import Column
from safer_desk.ui.records import RecordsDialog
from safer_desk.ui.session import Session

COLUMNS = [
    Column("funder", "Funder"),
    Column("name", "Award"),
    Column("amounts", "Amounts", get=AwardsPresenter.amounts_text),
    Column("split", "Revenue / capital", get=AwardsPresenter.split_text),
    Column("conditions", "Conditions", tooltip=lambda a: a.conditions or None),
]
AWARD, MERGED, CONDITIONS = 1, 4, 5  # on a narrow window the conditions, then the award's name, give up width


class AwardsDialog(RecordsDialog):
    area = "projects"
    words = (("&Add Award…", "Add Award"), ("&Edit…", "Edit"), ("&Delete", "Delete"))

    noun = "award"

    def __init__(self, session: Session, parent: QWidget | None = None):
        # In a county file, the office each award came from (hidden in an office's own file), before the conditions
        merged = Column("merged_from", MERGED_FROM, get=lambda a: self.presenter.merged_from(a))
        super().__init__(session, "Funders' Awards", [*COLUMNS[:MERGED], merged, *COLUMNS[MERGED:]],
                         lambda **kw: AwardsPresenter(session.store, **kw), ("Awards summary", "Funders' awards"),
                         parent)
        self.refresh()
        # As wide as its columns (within the window: at 150% on a 1366x768 laptop, 886): they fit the room it has.
        margins = self.main_layout.contentsMargins()
        need = self._columns_width + 2 * self.view.frameWidth() + margins.left() + margins.right()
        self.resize(*fitting_size(parent, max(960, need), 420))
        self.view.viewport().installEventFilter(self)  # a resized dialog fits the columns again

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    def size_columns(self) -> None:
        self.view.setColumnHidden(MERGED, not self.presenter.origins.shown)
        self.view.size_columns_to_visible(max_width=230)
        self._award_width = self.view.columnWidth(AWARD)
        self._columns_width = self.view.horizontalHeader().length()
        self.view.horizontalHeader().setStretchLastSection(True)  # the conditions take what is left
        self._fit_columns()

    def _fit_columns(self) -> None:
        """The columns were 1072 wide in a table 936 wide (862 at 150%): Conditions, and at 150% Revenue / capital,
        were behind a sideways scroll. The conditions (whole in their tooltip) take what is left, down to their
        heading, and the award's name gives up width (down to about 18 letters) so that every column is in view."""
        view, header = self.view, self.view.horizontalHeader()
        conditions = header.sectionSizeHint(CONDITIONS)
        view.fit_column(CONDITIONS, conditions)  # the stretched last column: it grows into the room left
        others = sum(view.columnWidth(c) for c in range(CONDITIONS) if c != AWARD)
        room = view.viewport().width() - others - conditions
        floor = min(header.fontMetrics().averageCharWidth() * 18, self._award_width)
        view.fit_column(AWARD, max(floor, min(self._award_width, room)))

    def key(self, award) -> str:
        return award.id

    def add(self) -> None:
        self.presenter.new_form()

    def edit(self, award) -> None:
        self.presenter.edit_form(award.id)

    def delete_question(self, award) -> tuple[str, str, str]:
        return "Delete award", self.presenter.delete_question(award.id), "Delete"

    def delete(self, award) -> None:
        self.presenter.delete(award.id)
