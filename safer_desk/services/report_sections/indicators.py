"""The indicators tab's part of the board report: the summary with RAG, and chart data per indicator.

Like the Safer Plymouth performance report (seed 003): for each indicator this year
against last by period, cumulative against target, and a sentence with the change
computed one way (this year minus last year) and said in words.
"""

from __future__ import annotations

from safer_desk.domain.indicators import Rag, format_value
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.report_model import ReportAreas, ReportChart, ReportSection, ReportSeries, ReportTable
from safer_desk.storage.store import Store


def report_years(store: Store, area_ids: list[str]) -> list[FinancialYear]:
    """Financial years with any figure or target for these areas, oldest first."""
    years: set[FinancialYear] = set()
    for area_id in area_ids:
        years.update(svc.years_with_values(store, area_id=area_id))
    return sorted(years)


def board_report_sections(store: Store, *, year: FinancialYear | None = None,
                          areas: ReportAreas | None = None) -> list[ReportSection]:
    """This tab's sections: one performance summary per area of the report with figures in the year asked for.

    Every area shows the same year (the year asked for; with no year, the latest year any of the report's
    areas has), and every area of the report with figures gets its section, police-only districts included.
    """
    from safer_desk.services.report_sections import office_areas_for

    areas = office_areas_for(store, year, areas)
    found = [a for a in (svc.find_area(store, i) for i in areas.indicator_area_ids) if a is not None]
    if not found:
        return []
    if year is None:
        years = report_years(store, [a.id for a in found])
        if not years:
            return []
        year = years[-1]
    sections = []
    for area in found:
        rows = svc.summary(store, area.id, year)
        if rows:
            sections.append(_section(area, year, rows))
    return sections


def _section(area: svc.Area, year: FinancialYear, rows: list[svc.SummaryRow]) -> ReportSection:
    rows = sorted(rows, key=lambda r: (r.rag.sort_key, r.indicator.sort_order))
    table = ReportTable(
        title=f"Performance summary, {area.name}, {year.label}",
        header=["RAG", "Indicator", "Period", "This year", "Last year", "Change", "Change %", "Target"],
        rows=[[r.rag.label, r.indicator.label, r.view.range_text(),
               format_value(None if r.view.ytd is None else r.view.ytd.value, r.indicator.unit),
               format_value(None if r.view.ytd_last is None else r.view.ytd_last.value, r.indicator.unit),
               "" if r.view.change is None else r.view.change.signed_text(),
               "" if r.view.change is None else r.view.change.signed_percent(),
               svc.target_text(r.indicator, r.view.target)] for r in rows],
        align=["c", "l", "l", "r", "r", "r", "r", "l"],
        note="Change is this year minus the same periods last year. RAG: green at or better than target, amber "
             "worse by no more than the indicator's tolerance, red beyond it; grey (\u25cb) where there is no "
             "target or the indicator is for monitoring only.")
    paragraphs = []
    charts = []
    for r in rows:
        v = r.view
        if v.ytd is None:
            continue
        text = f"{r.indicator.label}: {v.headline()}"
        if v.rag is Rag.RED:
            comment = v.comments[v.periods_to_date - 1].strip()
            text += f" Comment: {comment}" if comment else " (No comment has been given for this red figure.)"
        paragraphs.append(text)
        labels = v.labels
        charts.append(ReportChart(
            title=f"{r.indicator.name}: {year.label} against {year.previous().label}",
            categories=labels,
            series=[ReportSeries(year.previous().label, list(v.values_last), "bar"),
                    ReportSeries(year.label, list(v.values), "bar")],
            y_label=r.indicator.unit))
        if len(labels) > 1:
            series = [ReportSeries(f"{year.label} cumulative", list(v.cumulative), "line")]
            if v.target is not None:
                series.append(ReportSeries("Target", list(v.target_at), "dashed"))
            charts.append(ReportChart(title=f"{r.indicator.name}: cumulative against target",
                                      categories=labels, series=series, y_label=r.indicator.unit))
    return ReportSection(title=f"Indicators: {area.name}", paragraphs=paragraphs, tables=[table], charts=charts)
