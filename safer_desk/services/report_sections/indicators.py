"""The indicators tab's part of the board report: the summary with RAG, and chart data per indicator.

Like the Safer Plymouth performance report (seed 003): for each indicator this year
against last by period, cumulative against target, and a sentence with the change
computed one way (this year minus last year) and said in words.
"""

from __future__ import annotations

from safer_desk.domain.indicators import Rag, format_value
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.report_model import ReportChart, ReportSection, ReportSeries, ReportTable
from safer_desk.storage.store import Store


def _areas(store: Store, area_id: str | None) -> list[svc.Area]:
    if area_id:
        area = svc.find_area(store, area_id)
        return [area] if area else []
    return svc.list_areas(store, with_values_only=True)


def board_report_sections(store: Store, *, year: FinancialYear | None = None,
                          area_id: str | None = None) -> list[ReportSection]:
    """This tab's sections for the board report, for a financial year and area (None: all)."""
    sections = []
    for area in _areas(store, area_id):
        years = svc.years_with_values(store, area_id=area.id)
        if not years:
            continue
        chosen = year or years[-1]
        rows = svc.summary(store, area.id, chosen)
        if not rows:
            continue
        # Areas with only police.uk counts and no target make long, empty tables: keep the ones that
        # matter when no area was asked for (an area with any target, or entered figures).
        if area_id is None and area.kind == "district" and all(r.view.target is None for r in rows) and \
                store.scalar("SELECT 1 FROM indicator_values WHERE area_id = ? AND source <> 'police.uk' LIMIT 1",
                             (area.id,)) is None and len(sections) >= 3:
            continue
        sections.append(_section(area, chosen, rows))
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
