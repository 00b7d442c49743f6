"""The board report: each tab's sections for a financial year and area, gathered into one document.

The document is plain data (services.report_model); exchange.report_html renders it as HTML and
ui.exchange.report_pdf as PDF, so the two always show the same figures.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from safer_desk.domain.periods import FinancialYear, PeriodError, format_uk_date, parse_uk_date
from safer_desk.services import report_sections
from safer_desk.services.report_model import ReportSection
from safer_desk.storage.store import Store

REPORT_TITLE = "Community Safety Partnership board report"


class ReportError(ValueError):
    """A year or area the report cannot be made for; the message says which."""


@dataclass
class ReportDocument:
    title: str
    office_name: str
    year_label: str  # "2016/17", or "All years"
    area_label: str  # a district or partnership, or "All areas"
    prepared_on: str  # 22/11/2026
    sections: list[ReportSection] = field(default_factory=list)
    meeting_date: str = ""  # 20/09/2018, as on the seed papers' title block; blank when not given

    @property
    def subtitle(self) -> str:
        return f"{self.area_label} · {self.year_label}"


@dataclass(frozen=True)
class AreaChoice:
    id: str | None
    name: str
    kind: str  # "all", "partnership" or "district"


def area_choices(store: Store) -> list[AreaChoice]:
    """What the report can be made for: all areas, each partnership, each district."""
    choices = [AreaChoice(None, "All areas", "all")]
    choices += [AreaChoice(r["id"], r["name"], "partnership") for r in store.rows(
        "SELECT id, name FROM partnerships ORDER BY name")]
    choices += [AreaChoice(r["id"], r["name"], "district") for r in store.rows(
        "SELECT id, name FROM districts ORDER BY name")]
    return choices


def resolve_area(store: Store, name: str | None) -> AreaChoice:
    if name is None or not name.strip() or name.strip().lower() in ("all", "all areas"):
        return AreaChoice(None, "All areas", "all")
    wanted = name.strip().lower()
    for choice in area_choices(store)[1:]:
        if choice.name.lower() == wanted or (choice.id or "").lower() == wanted:
            return choice
    known = ", ".join(c.name for c in area_choices(store)[1:]) or "none yet"
    raise ReportError(f"There is no district or partnership called {name!r} (known: {known}).")


def resolve_year(year: str | FinancialYear | None) -> FinancialYear | None:
    if year is None or isinstance(year, FinancialYear):
        return year
    text = year.strip()
    if not text or text.lower() in ("all", "all years"):
        return None
    try:
        return FinancialYear.parse(text)
    except PeriodError as exc:
        raise ReportError(f"{text!r} is not a financial year: write it like 2016/17.") from exc


def build_report(store: Store, *, year: str | FinancialYear | None = None, area: str | None = None,
                 title: str | None = None, meeting: str | None = None, today: date | None = None) -> ReportDocument:
    """Collect every tab's sections for the board report of one financial year and area.

    title replaces the default title ("Report to the Safer Suffolk Partnership Board"); meeting is the date
    of the meeting the paper goes to (01/04/2018).
    """
    fy = resolve_year(year)
    choice = resolve_area(store, area)
    meeting_date = ""
    if meeting and meeting.strip():
        try:
            meeting_date = format_uk_date(parse_uk_date(meeting))
        except PeriodError as exc:
            raise ReportError(f"Meeting date {meeting.strip()!r} is not a date: write it like 20/09/2018.") from exc
    sections = [s for s in report_sections.all_sections(store, year=fy, area_id=choice.id) if not s.is_empty]
    if not sections:
        sections = [ReportSection("No figures", paragraphs=[
            f"This file has no projects, allocations, costs or indicator figures for {choice.name.lower() if choice.id is None else choice.name}"
            f" in {fy.label if fy else 'any year'} yet."])]
    return ReportDocument((title or "").strip() or REPORT_TITLE, store.office_name, fy.label if fy else "All years",
                          choice.name, format_uk_date(today or date.today()), sections, meeting_date)
