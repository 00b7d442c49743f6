"""The summary table of the Indicators tab: the kit's model over ``services.indicators.SummaryRow`` s.

The key columns come first (RAG, indicator, year to date, change, target) so they fit a laptop;
figures are shown in the indicator's one format and copied to Excel as plain numbers, as shown (88.2% is 88.2).
"""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from safer_desk.presenters.formats import Unit, plain, plain_shown
from safer_desk.presenters.indicators import change_percent_shown, status_words
from safer_desk.services import indicators as svc
from safer_desk.ui.kit.colours import on_pale
from safer_desk.ui.kit.tables import CENTER, RIGHT, Column, RowTableModel

# A tint beside the word and symbol of every RAG (never the colour alone).
RAG_COLOURS = {"red": "#f4c7c3", "amber": "#fce8b2", "green": "#b7e1cd", "grey": "#e0e0e0"}


def _ytd(r: svc.SummaryRow):
    return None if r.view.ytd is None else r.view.ytd.value


def _last_text(r: svc.SummaryRow) -> str:
    return r.view.ytd_last_text()


def _to_short(v: svc.YearView) -> str:
    """The To cell: "Nov-16", or "Nov-16 (gap)" with periods before it missing, as the chart's gap (to_text names
    them, when pointed at, copied and exported): in full it pushed Last year off a laptop's summary."""
    missing = v.missing_to_date
    if not missing:
        return v.latest_label
    return f"{v.latest_label} ({'gap' if len(missing) == 1 else 'gaps'})"


def _to_when(r: svc.SummaryRow) -> Fraction:
    """How far into the year the To cell's period ends (Nov-16: 8/12; Q3: 3/4), so the column sorts by when, not
    by its label's letters ("Nov-16" before "Oct-16"), across monthly and quarterly indicators alike."""
    return Fraction(r.view.periods_to_date, len(r.view.periods)) if r.view.periods else Fraction(0)


def summary_columns() -> list[Column]:
    """The key columns first (RAG, indicator, year to date, change, target), so they fit a laptop."""
    def change(r):  # none for another force's few crimes in the area (not its year: said when pointed at)
        return r.change

    return [
        Column("rag", "RAG", get=lambda r: r.rag.sort_key, text_of=lambda r: r.view.status_label(),
               copy_of=lambda r: status_words(r.view), align=CENTER,
               tooltip=lambda r: r.view.estimate.basis if r.view.estimate is not None else r.headline),
        Column("name", "Indicator", get=lambda r: r.indicator.label,
               text_of=lambda r: r.indicator.label + (" (derived)" if r.view.is_derived else ""),
               tooltip=lambda r: r.headline),
        Column("ytd", "Year to date", get=_ytd, align=RIGHT, unit=Unit.NUMBER,
               text_of=lambda r: r.view.ytd_text(), copy_of=lambda r: plain_shown(r.view.ytd_text())),
        Column("change", "Change", get=lambda r: None if change(r) is None else change(r).difference, align=RIGHT,
               unit=Unit.NUMBER, text_of=lambda r: "" if change(r) is None else change(r).signed_text(),
               copy_of=lambda r: "" if change(r) is None else plain(float(change(r).shown_difference()), Unit.NUMBER),
               tooltip=lambda r: r.strays_words or r.view.change_sentence()),
        Column("target", "Target", get=lambda r: r.view.target_words(),
               tooltip=lambda r: svc.target_text(r.indicator, r.view.target, with_reason=True)),
        # Short in the cell, so that Last year (what the change is worked from) stays in sight on a laptop; whole
        # when pointed at, copied and exported.
        Column("to", "To", get=_to_when, text_of=lambda r: _to_short(r.view),
               copy_of=lambda r: r.view.to_text(), tooltip=lambda r: r.view.range_text()),
        Column("last", "Last year", get=lambda r: None if r.view.ytd_last is None else r.view.ytd_last.value,
               align=RIGHT, unit=Unit.NUMBER, text_of=_last_text, copy_of=lambda r: plain_shown(_last_text(r)),
               # A district formed since: whose figures last year's are ("2018/19: Suffolk Coastal and Waveney").
               tooltip=lambda r: r.view.last_year_words()),
        # Sorted by the exact percentage; copied as the figure the cell shows (blank where it shows none).
        Column("pct", "Change %", get=lambda r: None if change(r) is None or not change(r).shows_percent
               else float(change(r).percent), align=RIGHT, unit=Unit.NUMBER,
               text_of=lambda r: "" if change(r) is None else change(r).signed_percent(),
               copy_of=lambda r: plain(change_percent_shown(change(r)), Unit.NUMBER)),
        Column("code", "Code", get=lambda r: r.indicator.code),
        Column("polarity", "Better when", get=lambda r: r.indicator.polarity.capitalize()
               if r.indicator.polarity != "monitor" else "Monitor only",
               text_of=lambda r: {"lower": "Lower", "higher": "Higher"}.get(r.indicator.polarity, "Monitor only")),
    ]


class SummaryModel(RowTableModel):
    """The summary table: the kit's model, with the RAG cell tinted beside its word and symbol."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole and self.columns[index.column()].key == "rag":
            return QColor(RAG_COLOURS[self.row(index.row()).rag.key])
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole and self.columns[index.column()].key == "rag":
            return on_pale()  # the tint is pale in either theme: its text stays dark
        return super().data(index, role)
