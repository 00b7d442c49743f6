"""Each tab's section of the board report (see services.report_model); the order here is the report's."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.report_model import ReportSection
from safer_desk.storage.store import Store


def all_sections(store: Store, *, year: FinancialYear | None = None, area_id: str | None = None) -> list[ReportSection]:
    from safer_desk.services.report_sections import allocation, budgets, costs, indicators, projects

    sections = []
    for module in (projects, allocation, costs, indicators, budgets):
        sections.extend(module.board_report_sections(store, year=year, area_id=area_id))
    return sections
