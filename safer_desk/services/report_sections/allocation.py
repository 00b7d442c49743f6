"""The allocation tab's part of the board report."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.services.report_model import ReportSection
from safer_desk.storage.store import Store


def board_report_sections(store: Store, *, year: FinancialYear | None = None,
                          area_id: str | None = None) -> list[ReportSection]:
    """This tab's sections for the board report, for a financial year and area (None: all)."""
    return []
