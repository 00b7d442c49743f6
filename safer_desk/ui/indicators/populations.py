"""View > Populations…: the populations rates use, by area and financial year, with Add, Change and Remove
(presenters.populations does the work; each change is one step of Edit > Undo)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.formats import Unit
from safer_desk.presenters.populations import PopulationsPresenter
from safer_desk.ui.kit import fitting_size
from safer_desk.ui.kit.tables import RIGHT, Column
from safer_desk.ui.records import RecordsDialog
from safer_desk.ui.session import Session

COLUMNS = [
    Column("area", "Area"),
    Column("year", "Year"),
    Column("population", "Population", align=RIGHT, unit=Unit.COUNT),
    Column("source", "Source", tooltip=lambda r: r.source or None),
]


class PopulationsDialog(RecordsDialog):
    area = "indicators"
    words = (("&Add…", "Add population"), ("&Change…", "Change population"), ("&Remove", "Remove population"))

    noun = "population figure"

    def __init__(self, session: Session, parent: QWidget | None = None, *, area_id: str | None = None,
                 year: FinancialYear | None = None):
        self.area_id, self.year = area_id, year  # in view on the tab: what Add… starts with
        super().__init__(session, "Populations", COLUMNS, lambda **kw: PopulationsPresenter(session.store, **kw),
                         ("Populations summary", "Populations"), parent)
        self.refresh()
        self.resize(*fitting_size(parent, 720, 400))

    def key(self, row) -> tuple[str, str]:
        return row.area_id, row.year

    def add(self) -> None:
        self.presenter.new_form(self.area_id, self.year)

    def edit(self, row) -> None:
        self.presenter.edit_form(row.area_id, row.year)

    def delete_question(self, row) -> tuple[str, str, str]:
        return "Remove population", self.presenter.delete_question(row.area_id, row.year), "Remove"

    def delete(self, row) -> None:
        self.presenter.delete(row.area_id, row.year)


__all__ = ["PopulationsDialog"]
