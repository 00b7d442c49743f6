"""The board report as plain data: each tab supplies a section, the exchange layer renders it.

Sections hold text that is already formatted for the board (money as £1,234,
dates as 01/04/2018, RAG as a word), so rendering to HTML or PDF never formats
figures itself and the two always agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from safer_desk.domain.periods import FinancialYear


@dataclass
class ReportTable:
    title: str
    header: list[str]
    rows: list[list[str]]
    align: list[Literal["l", "r", "c"]] = field(default_factory=list)  # per column; default left
    total_row: list[str] | None = None  # shown bold under the rows
    note: str = ""
    # Rows that stand on a page with the row after them: a plan's section heading ("Community Safety:") over its
    # first line, a linked line over its "actual:" row. The PDF moves such a row to the next page rather than end a
    # page with it; the web page asks a browser's print the same.
    keep_with_next: tuple[int, ...] = ()


@dataclass
class ReportSeries:
    name: str
    values: list[float | None]  # one per category; None leaves a gap
    style: Literal["bar", "line", "dashed", "step"] = "line"
    # Each value as the tables and the tab show it ("88.2%", "£3,222.67"; "" for a gap), for the chart's figures
    # table; empty: the renderer's plain number.
    texts: list[str] = field(default_factory=list)


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
    # What of the section's figures is as at the report's as-at day (ReportAreas.as_at), for the title page to
    # name: "reviews" (DHR cost recovery), "funds" (a pooled fund's burn-down), "" (as the file stands).
    as_at: str = ""

    @property
    def is_empty(self) -> bool:
        return not (self.paragraphs or self.tables or self.charts)


@dataclass(frozen=True)
class ReportAreas:
    """The areas a board report is for, worked out once for its financial year (services.report.report_areas).

    Every section filters with these sets and nothing else, so "All areas", a district, a partnership and a
    county mean the same in every section. Ids are those of the reference data and indicator figures
    ("district:babergh", "partnership:western-suffolk-csp", "county:suffolk").
    """

    label: str  # "All areas" (the office's), or the area's name
    kind: str  # "office", "district", "partnership" or "county"
    district_ids: frozenset[str] = frozenset()  # districts covered in the year (with the districts they replaced)
    partnership_ids: frozenset[str] = frozenset()  # partnerships whose own records (reviews, allocations) count
    counties: frozenset[str] = frozenset()  # county names whose county-wide records ("Countywide") count here
    indicator_area_ids: tuple[str, ...] = ()  # the areas to show figures for, in the report's order
    names: frozenset[str] = frozenset()  # casefolded names of every covered area, for free-text area fields
    office: bool = False  # the office's own business with no area (a top-slice, a fund not yet spent) counts
    county_file: bool = False  # a county file: the report adds the county section
    # The day the DHR figures are as at (services.report.report_day): what had happened by then, as `dhr-ledger
    # --as-at`; None: today, everything recorded. Carried here so every section is given one report's choices.
    as_at: date | None = None
    # The office names no areas and its reference data no district (services.report.names_no_areas): every record
    # of the file is its own, wherever it is (its figures' areas are those above, services.report.held_areas).
    unnamed: bool = False
    # An all-years report of a partnership that has ended (Western CSP, 2009/10 only): its last year. Figures after it
    # are other partnerships' (Mid Suffolk's of 2025/26 are Western Suffolk CSP's), so none later is shown.
    until: FinancialYear | None = None

    def covers(self, *ids: str | None) -> bool:
        """Whether any of these district or partnership ids is covered."""
        return self.unnamed or any(i in self.district_ids or i in self.partnership_ids for i in ids if i)

    def covers_county(self, name: str | None) -> bool:
        return self.unnamed or (bool(name) and name.casefold() in {c.casefold() for c in self.counties})
