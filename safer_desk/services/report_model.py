"""The board report as plain data: each tab supplies a section, the exchange layer renders it.

Sections hold text that is already formatted for the board (money as £1,234,
dates as 01/04/2018, RAG as a word), so rendering to HTML or PDF never formats
figures itself and the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal


@dataclass
class ReportTable:
    title: str
    header: list[str]
    rows: list[list[str]]
    align: list[Literal["l", "r", "c"]] = field(default_factory=list)  # per column; default left
    total_row: list[str] | None = None  # shown bold under the rows
    note: str = ""


@dataclass
class ReportSeries:
    name: str
    values: list[float | None]  # one per category; None leaves a gap
    style: Literal["bar", "line", "dashed", "step"] = "line"


@dataclass
class ReportChart:
    title: str
    categories: list[str]  # x-axis labels in order (partnerships, "Apr-16" …)
    series: list[ReportSeries]
    y_label: str = ""
    note: str = ""


@dataclass
class ReportSection:
    title: str
    paragraphs: list[str] = field(default_factory=list)
    tables: list[ReportTable] = field(default_factory=list)
    charts: list[ReportChart] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return not (self.paragraphs or self.tables or self.charts)
