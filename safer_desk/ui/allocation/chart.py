"""The bar chart: this year against last year per partnership (built once, updated with setData).

Money axis in pounds with £ and thousands separators; the legend names the years ("2009/10",
"2008/09") and sits above the plot, off the data; an accessible name and a short text summary.
"""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from safer_desk.domain.allocation import AllocationResult, year_labels
from safer_desk.domain.money import format_money
from safer_desk.ui.kit.chart import Chart, pounds_tick as kit_pounds_tick

THIS_YEAR_BRUSH = (31, 119, 180)
LAST_YEAR_BRUSH = (190, 190, 190)


def _hex(rgb: tuple[int, int, int]) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def pounds_tick(value: float, step: float = 1.0) -> str:
    """An axis label in pounds: "£200,000", "−£6,957"."""
    return kit_pounds_tick(value, step)


class AllocationChart(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Chart of each partnership's allocation against the year before")
        self.plot = Chart(self, value_format=pounds_tick)
        self.plot.setAccessibleName("Allocation chart")
        # This year left of last year in each pair; the legend under the names says so, off the bars.
        self.this_year = self.plot.add_bars("This year", _hex(THIS_YEAR_BRUSH))
        self.last_year = self.plot.add_bars("Last year", _hex(LAST_YEAR_BRUSH))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot, 1)
        self.names: list[str] = []
        self.this_year_pounds: list[float] = []
        self.last_year_pounds: list[float | None] = []
        self.years = ("This year", "Last year")
        self.summary = ""

    def set_year(self, year: str) -> None:
        self.years = year_labels(year)
        self.this_year.set_name(f"{self.years[0]} (left bar)")
        self.last_year.set_name(f"{self.years[1]} (right bar)")

    def show_result(self, result: AllocationResult | None, year: str = "") -> None:
        self.set_year(year)
        rows = result.rows if result is not None else ()
        names = [r.name for r in rows]
        # Pounds as floats for drawing only; every figure shown in words or tables stays int pence.
        this_year = [r.total_pence / 100 for r in rows]
        # No figure last year is no bar (a gap), not a £0 bar whose tooltip would give it a figure it never had.
        last_year = [None if r.previous_pence is None else r.previous_pence / 100 for r in rows]
        xs = list(range(len(rows)))
        self.this_year.setData(xs, this_year)
        self.last_year.setData(xs, last_year)
        # A first year's pot (no figure last year at all): no "2019/20 (right bar)" in the legend beside no bars.
        compared = not rows or any(v is not None for v in last_year)
        self.last_year.setVisible(compared)
        if not compared:
            self.this_year.set_name(self.years[0])
        if names != self.names:
            # Short names, every other one a line lower; the chart skips any that would still overlap.
            self.plot.set_categories(_tick_labels(names))
        self.names, self.this_year_pounds, self.last_year_pounds = names, this_year, last_year
        self.summary = chart_summary(result, self.years)
        self.setAccessibleDescription(self.summary)
        self.setToolTip(self.summary)


def chart_summary(result: AllocationResult | None, years: tuple[str, str]) -> str:
    """A short text of what the chart shows, for screen readers."""
    if result is None or not result.rows:
        return "No allocation to chart yet."
    parts = []
    for r in result.rows:
        last = f" against {format_money(r.previous_pence)} in {years[1]}" if r.previous_pence is not None else ""
        parts.append(f"{r.name} {format_money(r.total_pence)}{last}")
    return f"{years[0]}: " + "; ".join(parts) + "."


def _tick_labels(names: list[str]) -> list[str]:
    """Short labels: a word every name ends with ("CSP") is dropped, long names are cut."""
    words = [n.split() for n in names]
    if len(names) > 1 and all(len(w) > 1 and w[-1] == words[0][-1] for w in words):
        names = [" ".join(w[:-1]) for w in words]
    names = [n if len(n) <= 16 else n[:15] + "…" for n in names]
    # Every other label one line lower, so neighbours never overlap however narrow the chart.
    return [("\n" + n) if i % 2 else n for i, n in enumerate(names)]
