"""The Funds page of the Costs tab: a thin view over ``presenters.funds.FundsPresenter``.

The page's data is read on the thread pool (a fund can hold tens of thousands of spend lines)
and shown when it arrives; the chart's curves are built once and updated with ``setData``.
The tables sit behind a list (eight of them: tabs would overflow at 1093×582).
"""

from __future__ import annotations

import functools
import math
from datetime import date
from pathlib import Path
from typing import Any, Callable

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (QApplication, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QListView,
                               QListWidget, QPushButton, QScrollArea, QSizePolicy, QSplitter, QStackedWidget,
                               QVBoxLayout, QWidget)

from safer_desk.domain.money import format_money
from safer_desk.domain.periods import Month, format_uk_date
from safer_desk.domain.text import counted, file_name_from
from safer_desk.exchange.files import to_tsv
from safer_desk.exchange.tables import UnsupportedFormat, table_file_filter, table_target
from safer_desk.presenters.funds import (COPY_LEAVES_OUT, WINDOWS, FundData, FundsPresenter, burn_rate_text,
                                         copied_sheet_rows, fund_level, given_otherwise_words, load_fund_data,
                                         month_name, months_as_the_window_names_them, search_keeps,
                                         suppresses_small_numbers, victim_level_copy_question)
from safer_desk.services import funds
from safer_desk.services.provenance import MERGED_FROM, NOT_A_COUNTY_FILE, RowOrigins
from safer_desk.services.reference import list_districts
from safer_desk.ui import prompts
from safer_desk.ui.costs.widgets import (BackgroundLoader, FormDialog, action_button, count_col, date_col, debounced,
                                        fill_district_filter, make_table, more_menu, open_form, remember_splitter,
                                        row_id, sum_row)
from safer_desk.ui.kit.chart import Chart, pounds_tick
from safer_desk.ui.kit import copy_to_clipboard
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.flow import FlowRow, together
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.dialogs import GUIDE_WORDS
from safer_desk.ui.kit.search import SearchBox
from safer_desk.ui.kit.tables import Column, money_column
from safer_desk.ui.kit.table_view import CELL_PAD, HEADING_PAD, Included, height_for_rows, two_line_width
from safer_desk.ui.kit.undo import push_action

SPEND = "#1f4e79"
LEVEL = "#2e7d32"
END = "#7b1fa2"
OUT = "#b71c1c"
EXPORT_TIP = "Export the fund report (Excel or CSV)"
FILTERS_TIP = "The search and the district choose rows of Referrals and Spend lines only, not of this table."
NO_FUND_TIP = "There is no fund yet: add one first with More > New fund…"




class FinancialMonthAxis:
    """x = whole months since the fund's first month, labelled "Apr 2020"; the step widens as months crowd."""

    LABEL_PX = 72  # room for "Sep 2021" and a gap

    def __init__(self) -> None:
        self.start = Month(2018, 4)

    def month_at(self, x: float) -> Month:
        return self.start.plus(int(math.floor(x + 1e-9)))

    def step_for(self, span_months: float, size_px: float) -> int:
        """Months between labels: the smallest of 1, 3, 6, 12, 24 … that leaves each label its room."""
        per_px = span_months / max(size_px, 1.0)
        for step in (1, 3, 6, 12, 24, 48):
            if step / per_px >= self.LABEL_PX:
                return step
        return 120

    def tickValues(self, minVal: float, maxVal: float, size: float):  # noqa: N802, N803 (the old axis's names)
        """[(step, the labelled months), (1, the others)]: labels on Aprils, or every 1, 3 or 6 months from April."""
        lo, hi = int(math.floor(minVal)), int(math.ceil(maxVal))
        step = self.step_for(hi - lo, size)
        labelled = [x for x in range(lo, hi + 1) if (self.start.plus(x).month - 4) % step == 0] if step <= 12 else \
            [x for x in range(lo, hi + 1) if self.start.plus(x).month == 4
             and (self.start.plus(x).year % (step // 12)) == 0]
        return [(float(step), labelled), (1.0, [x for x in range(lo, hi + 1) if x not in labelled])]

    def tickStrings(self, values, scale, spacing):  # noqa: N802
        if spacing > 1:
            return [month_name(self.start.plus(int(round(v)))) for v in values]
        return ["" for _ in values]

    def labelled(self, low: float, high: float, size: float) -> list[float]:
        """Where the chart puts month labels between low and high on an axis ``size`` pixels wide."""
        return [float(x) for x in self.tickValues(low, high, size)[0][1]]

    def label(self, x: float) -> str:
        return month_name(self.start.plus(int(round(x))))


class FundChart(Chart):
    """Spend to date, the forecast at the recent rate, the fund level and the end of the period.

    The legend sits under the month axis (never on the data); the chart has an accessible
    name and a one-sentence text summary (``summary``) for screen readers.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, value_format=pounds_tick)
        self.axis = FinancialMonthAxis()
        self.set_x_axis(self.axis.label, self.axis.labelled)
        self.setAccessibleName("Fund burn-down chart")
        # Reached by Tab and by a click, so Ctrl+C (Edit > Copy) there copies its lines as a table (copy_selection).
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.figures: funds.FundFigures | None = None
        # What Ctrl+C gives: the fund report's Forecast sheet, as the export gives it (the page sets it).
        self.copied_rows: Callable[[], list[list[str]]] | None = None
        self.set_value_label("£")  # as the board report names it: three lines, money spent and money received
        self.spend_curve = self.add_line("Spend to date", SPEND, marker="o", marker_size=6)
        self.forecast_curve = self.add_line(funds.FORECAST_SERIES, SPEND, style="dash")
        self.level_curve = self.add_line("Fund", LEVEL, style="dashdot")
        self.end_line = self.add_vline(0, END, "End of period")
        self.out_line = self.add_vline(0, OUT, "Runs out", style="dot")
        self.out_line.hide()
        self.summary = ""

    def hover_text_at(self, pos) -> str:
        """The nearest point in words: x counts month ends, so x = 3 is "by the end of Jun 2018"."""
        found = self.nearest_point(pos)
        if found is None:
            return ""
        series, x, y = found
        if series is self.level_curve:
            return f"{series.name}: {pounds_tick(y)}"
        months = int(round(x))
        when = "at the start" if months <= 0 else f"by the end of {month_name(self.axis.start.plus(months - 1))}"
        return f"{series.name}\n{when}: {pounds_tick(y)}"

    def _legend(self, end: Month | None, out: Month | None, runs_out: str = "Runs out") -> None:
        self.end_line.set_label(f"End of period{' ' + month_name(end) if end else ''}")
        self.out_line.set_label(f"{runs_out} {month_name(out)}" if out is not None else runs_out)

    def copy_selection(self) -> bool:
        """Ctrl+C (Edit > Copy) on the chart: its lines month by month as a table that pastes into Excel cell by
        cell (the fund report's Forecast sheet, small numbers suppressed as there): figures, not a picture of them."""
        if self.figures is None or self.copied_rows is None:
            return False
        copy_to_clipboard(to_tsv(self.copied_rows()))
        return True

    def show_forecast(self, figures: funds.FundFigures | None) -> None:
        self.figures = figures
        if figures is None or figures.forecast.as_at is None:
            for curve in (self.spend_curve, self.forecast_curve, self.level_curve):
                curve.setData([], [])
            self.out_line.hide()
            self.set_x_range(0, 1)
            self.summary = "There is no fund to show." if figures is None else "No spend recorded yet."
            if figures is not None and figures.not_spent_pence and not figures.spent_pence:  # keyed ahead of today
                self.summary = (f"No spend by today: the {format_money(figures.not_spent_pence)} keyed is dated "
                                "after it.")
            if figures is not None and figures.spent_pence:  # spend only in months not complete: no burn rate yet
                ran = "ran" if funds.exhaustion_words(figures) == "Ran out" else "runs"  # a month over: it ran out
                self.summary = (f"No complete month of spend yet: {format_money(figures.spent_pence)} spent so far, "
                                "in months not complete" + (f"; it {ran} out in {month_name(out)}."
                                                            if (out := figures.forecast.exhaustion_month) else "."))
            self.forecast_curve.setVisible(False)  # no line, so no legend entry for one (as the board report's)
            self.spend_curve.setVisible(figures is not None)
            if figures is not None:
                start = figures.fund.start_month
                self.axis.start = start
                end_x = figures.fund.end_month.minus(start) + 1
                # Spend to date at £0 through the months over, as the board report draws it; none before the first.
                over = len(funds.months_over_at_nothing(figures))
                self.spend_curve.setData([float(k) for k in range(over + 1)], [0.0] * (over + 1))
                self.spend_curve.setVisible(over > 0)
                self.level_curve.setData(*fund_level(figures.receipts, start, end_x, figures.contributions_pence))
                self.end_line.setValue(end_x)
                self.set_x_range(0, end_x + 1)
                self._legend(figures.fund.end_month, None)
            self.setAccessibleDescription(self.summary)
            return
        f = figures.forecast
        start = min(figures.fund.start_month, f.cumulative[0][0]) if f.cumulative else figures.fund.start_month
        self.axis.start = start
        xs = [0.0] + [float(m.minus(start) + 1) for m, _ in f.cumulative]
        ys = [0.0] + [p / 100 for _, p in f.cumulative]
        self.spend_curve.setData(xs, ys)
        # To a year past the period's end at most, as the board report draws it: a run-out decades away is said in
        # the summary and the figures beside the chart, not drawn (it squeezed the months keyed into the left edge).
        line, run_out_past = funds.forecast_within_chart(figures)
        fx = [float(m.minus(start) + 1) for m, _ in line]
        fy = [p / 100 for _, p in line]
        self.forecast_curve.setData(fx, fy)
        # A closed fund, or one ended with its spend keyed to its last day, has no forecast: no legend entry for it.
        self.spend_curve.setVisible(True)
        self.forecast_curve.setVisible(len(line) > 1)
        end_x = float(f.pilot_end.minus(start) + 1)
        right = max([end_x, *fx, *xs]) + 1
        self.level_curve.setData(*fund_level(figures.receipts, start, right, f.fund_pence))
        self.end_line.setValue(end_x)
        if f.exhaustion_month is not None:  # past the chart's right edge: named in the legend, not drawn
            self.out_line.setValue(float(f.exhaustion_month.minus(start) + 0.5))
            self.out_line.show()
        else:
            self.out_line.hide()
        # An ended fund's forecast is a projection from its burn rate's month: its line and mark say so.
        self.forecast_curve.set_name(months_as_the_window_names_them(funds.forecast_series_name(figures)))
        self._legend(f.pilot_end, f.exhaustion_month, funds.exhaustion_words(figures))
        if run_out_past:
            self.out_line.set_label(f"{self.out_line.label} (beyond this chart)")
        self.set_x_range(0, right)
        spent = f.cumulative[-1][1] if f.cumulative else 0
        by = month_name(f.cumulative[-1][0]) if f.cumulative else "now"
        # All that was spent; the burn rate counts the spend to its month (not that keyed in months not complete).
        spent_text = (f"{format_money(spent)} of the {format_money(f.fund_pence)} fund spent by {by}; "
                      if spent == figures.spent_pence else
                      f"{format_money(figures.spent_pence)} of the {format_money(f.fund_pence)} fund spent; the burn "
                      f"rate counts the {format_money(spent)} spent by {by} (spend keyed in months not complete is "
                      "left out); ")
        ended = figures.period_ended and not f.closed  # the forecast is then what was projected from its month
        said = funds.exhaustion_words(figures)  # a month over: it ran out, or it is a projection (as the sentence)
        out = month_name(f.exhaustion_month) if f.exhaustion_month else ""
        self.summary = (spent_text
                        + (f"it ran out in {out}" if out and said == "Ran out"
                           else f"projected from {by} it would have run out in {out}" if ended and out
                           else f"at the recent rate it would have run out in {out}, a month already over"
                           if out and figures.run_out_projected
                           else f"at the recent rate it runs out in {out}"
                           if f.exhaustion_month else "it is closed: nothing more is spent from it" if f.closed
                           else "its spend is recorded to the end of its period, so nothing is projected"
                           if figures.spent_to_end
                           else f"projected from {by} it would have lasted" if ended
                           else "at the recent rate it lasts")
                        + (f", {funds.PAST_THE_CHART}" if run_out_past else "")  # only with a run-out month
                        + f"; the period {'ended' if figures.period_ended else 'ends'} in {month_name(f.pilot_end)}.")
        self.setAccessibleDescription(self.summary)


FIGURES = (("balance", "Balance"), ("burn", "Burn rate"), ("runs_out", "Runs out"),
           ("contributions", "Contributions"), ("spent", "Spent"),
           ("at_end", "At the end of the period"), ("last_funded", "Covers spending to"),
           ("victims", "Victims supported"), ("mean", "Mean per victim"), ("median", "Median per victim"))


LONG_TEXT = 130  # a free text's column is no wider: the rest is in the cell's tooltip
TABLES_LEAST_HEIGHT = 190  # the chart and tables: the search, the list of tables, a heading and two rows or more
CHART_WIDTH = 320  # the chart beside the tables on a laptop (its least is 300): the tables take the rest


def elided(column: Column) -> Column:
    """A free-text column (a supplier, an override's reason, the offices a row came from): cut short when the tables
    need the room, its whole text in the cell's tooltip."""
    return column.replace(tooltip=lambda row: column.text(row) or None)


def _spent_later_words(row: Any) -> str | None:
    """A referral's (or the totals line's) spend keyed for after the page's day: not in its Spent, as it is not in the
    fund's Spent figure, per district or per victim yet (the Spend lines table lists it)."""
    later = (row or {}).get("spent_later_pence") or 0
    return (f"{format_money(later)} more is keyed for after today: it is not in Spent until then (Spend lines lists "
            "it).") if later else None


def _yes(v: Any) -> str:
    """A referral's yes or no; blank on the totals row, which is no referral (its cell is None: not a no)."""
    return "" if v is None else "Yes" if v else "No"


class FundPage(QWidget):
    loaded = Signal()  # the fund read on the thread pool is shown (the Costs tab's ``loaded``)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._today: date | None = None
        self.dialog: FormDialog | None = None
        self._rows_of: str | None = None  # the fund whose rows the tables hold
        self.presenter = FundsPresenter(session.store, perform=lambda a: push_action(session.undo_stack, a),
                                        today=lambda: self._today or date.today(), read_only=session.read_only)
        p = self.presenter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        top = FlowRow()  # a second line where narrow: 1001 pixels side by side with a 12 pt font, wider than 910
        fund_label = QLabel("Fu&nd:", self)  # Alt+F is the File menu
        top.addWidget(fund_label)
        self.fund_combo = ChoiceBox(self)
        self.fund_combo.setAccessibleName("Fund")
        self.fund_combo.setMinimumWidth(140)
        # A long fund name is shown whole when there is room, shortened when the window is narrow (it is not
        # what decides the page's least width: the combo's list shows every name whole; its tooltip too).
        self.fund_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.fund_combo.setMinimumContentsLength(12)
        fund_label.setBuddy(self.fund_combo)  # without a buddy the "&" shows as text
        top.addWidget(self.fund_combo, 1)
        window_label = QLabel("Burn ra&te over", self)  # "Burn rate over 3 months": the row fits 910 pixels
        self.window_combo = ChoiceBox(self)
        window_label.setBuddy(self.window_combo)
        self.window_combo.setAccessibleName("Burn-rate window in months")
        self.window_combo.addItems([f"{n} month{'s' if n > 1 else ''}" for n in WINDOWS])
        self.window_combo.setCurrentIndex(WINDOWS.index(3))
        top.addWidget(together(window_label, self.window_combo, parent=self))
        self.edit_buttons = [
            action_button(self, "C&ontribution…", self.contribution_dialog),
            action_button(self, "Ne&w referral…", self.referral_dialog),
            action_button(self, "Spen&d line…", self.spend_dialog),
        ]
        self.more = QPushButton("&More", self)
        self.more.setAccessibleName("More fund actions")
        menu, self.more_actions = more_menu(self.more, {  # each entry a letter of its own in the menu
                "new_fund": ("&New fund…", self.new_fund_dialog), "fund_settings": ("Fund &settings…",
                                                                                  self.edit_fund_dialog),
                "item": ("&Catalogue item…", self.item_dialog), "edit_referral": ("Edit &referral…",
                                                                                 self.edit_referral_dialog),
                "edit_spend_line": ("Edit s&pend line…", self.edit_spend_dialog),
                "edit_contribution": ("Edit c&ontribution…", self.edit_contribution_dialog),
                "delete_referral": ("De&lete referral", self.delete_referral),
                "delete_spend_line": ("Delete spen&d line", self.delete_spend_line),
                "delete_contribution": ("Delete con&tribution", self.delete_contribution),
                "delete_item": ("Delete catalo&gue item", self.delete_item),
                "delete_fund": ("Delete &fund", self.delete_fund)},
            self.presenter.more_actions)  # greys what the fund has nothing for yet
        self.more_menu = menu
        menu.addSeparator()
        self.export_actions = [menu.addAction("&Export fund report…", self.export),
                               menu.addAction("Cop&y figures", self.copy_figures)]
        for b in self.edit_buttons:
            top.addWidget(b)
        self.export_button = action_button(self, "E&xport…", self.export, EXPORT_TIP)
        top.addWidget(self.export_button)
        top.addWidget(self.more)
        self._grey_without_fund()
        layout.addLayout(top)

        self.figures = FigureGrid(self)
        self.figure_labels: dict[str, QLabel] = {}
        for key, title in FIGURES:
            value = NamedLabel("…", self.figures)
            value.setAccessibleName(title)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setStyleSheet("font-weight: bold;")
            if key in ("runs_out", "at_end"):  # "Apr 2020 (projected)": the mark wraps under it, not past the page
                value.setWordWrap(True)
            self.figure_labels[key] = value
            self.figures.add(QLabel(f"{title}:", self.figures), value)
        self.figures.given = self._figure_given
        layout.addWidget(self.figures)
        self.sentence_box = SentenceBox(self)
        self.sentence = self.sentence_box.label
        layout.addWidget(self.sentence_box)
        self.summary_note = QLabel("", self)
        self.summary_note.setWordWrap(True)
        self.summary_note.hide()
        layout.addWidget(self.summary_note)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        self.splitter = splitter
        # A short window (910x480: a laptop at 150%) keeps a few of the table's rows in view: the sentence above gives
        # up its lines first (it scrolls), not the table.
        splitter.setMinimumHeight(TABLES_LEAST_HEIGHT)
        # The chart is built on the next turn of the event loop, so the page's tables paint first.
        self.chart: FundChart | None = None
        self._chart_holder = QWidget(splitter)
        self._chart_holder.setMinimumWidth(300)
        QVBoxLayout(self._chart_holder).setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(self._chart_holder)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        self.search = SearchBox(right)
        self.search.setPlaceholderText("Search referrals and spend…")
        self.search.setAccessibleName("Search referrals and spend")
        self.search.setClearButtonEnabled(True)
        search_row.addWidget(self.search, 1)
        self.district_filter = ChoiceBox(right)
        self.district_filter.setAccessibleName("Show district")
        fill_district_filter(self.district_filter, self._districts())
        search_row.addWidget(self.district_filter)
        right_layout.addLayout(search_row)
        self.referrals = make_table([
            Column("reference", "Reference"), elided(Column("eligibility", "Eligibility")),
            money_column("spent_pence", "Spent").replace(tooltip=_spent_later_words),
            elided(Column("district", "District")),
            date_col("referred_on", "Referred"), Column("risk_level", "Risk"),
            Column("at_marac", "MARAC", show=_yes), Column("idva_assigned", "IDVA", show=_yes),
            Column("perpetrator_resident", "Perpetrator lives there", show=_yes),
            count_col("lines", "Spend lines"),
            elided(Column("merged_from", MERGED_FROM, self._merged_from("referral_origins"))),
        ], "Referrals", right, totals=sum_row("reference", ["spent_pence", "spent_later_pence"]), noun="referral",
            large=True,
            on_edit=self.edit_referral_dialog, on_delete=self.delete_referral,
            read_only=session.read_only)
        # Spend lines, a count, last as before: not stretched (the Merged from after it is hidden in an office's file).
        self.referrals.view.horizontalHeader().setStretchLastSection(False)
        # Down from the search: into the table it searches, Referrals or Spend lines, whichever is shown
        self.search.table = lambda: self.lines.view if self.stack.currentWidget() is self.lines.view \
            else self.referrals.view
        self.lines = make_table([
            date_col("spent_on", "Date"), Column("reference", "Referral"),
            money_column("amount_pence", "Amount"),
            elided(Column("item", "Item")), elided(Column("district", "District")),
            elided(Column("supplier", "Supplier")), elided(Column("invoice_ref", "Invoice")),
            elided(Column("merged_from", MERGED_FROM, self._merged_from("line_origins"))),
        ], "Spend lines", right, on_edit=self.edit_spend_dialog, on_delete=self.delete_spend_line, large=True,
            # the amounts of the one fund shown: totalled as its other money tables are
            totals=sum_row("reference", ["amount_pence"]), noun="spend line", read_only=session.read_only)
        for table, what in ((self.referrals, "referral"), (self.lines, "spend line")):
            table.view.copy_leaves_out = functools.partial(self._copy_leaves_out, table, what)
        self.by_district = make_table([Column("district", "District", lambda r: r[0] if isinstance(r, tuple) else r["d"]),
                                       count_col("victims", "Victims", lambda r: r[1] if isinstance(r, tuple) else r["v"]),
                                       money_column("spend", "Spend", lambda r: r[2] if isinstance(r, tuple) else r["s"])],
                                      "Spend per district", right, totals=_tuple_total, noun="district")
        self.by_item = make_table([Column("item", "Item", _tuple_part(0)),
                                   count_col("lines", "Spend lines", _tuple_part(1)),
                                   money_column("spend", "Spend", _tuple_part(2))],
                                  "Spend per item", right, totals=_tuple_total, noun="item")
        # A month holding spend merged from other months (small numbers, at the county) is marked and says which.
        self._merged_words: Callable[[Month], str] = lambda m: ""
        self.by_month = make_table([Column("month", "Month", lambda r: r[0] if isinstance(r, tuple) else r["d"],
                                           show=lambda v: (month_name(v) + (" *" if self._merged_words(v) else ""))
                                           if isinstance(v, Month) else str(v),
                                           tooltip=lambda r: self._merged_words(r[0]) or None
                                           if isinstance(r, tuple) and isinstance(r[0], Month) else None),
                                    count_col("victims", "Victims first supported",
                                              lambda r: r[1] if isinstance(r, tuple) else r["v"]),
                                    money_column("spend", "Spend", lambda r: r[2] if isinstance(r, tuple) else r["s"])],
                                   "Spend per month", right, totals=_tuple_total, noun="month")
        self.per_victim = make_table([Column("band", "Spend per victim", lambda r: r[0]),
                                      count_col("victims", "Victims", lambda r: r[1])], "Spend per victim", right,
                                     noun="band")
        self.contributions = make_table([elided(Column("organisation", "Contributor")),
                                         money_column("amount_pence", "Amount"), date_col("received_on", "Received"),
                                         elided(Column("note", "Note")),
                                         elided(Column("merged_from", MERGED_FROM,
                                                       self._merged_from("contribution_origins")))],
                                        "Contributions", right, totals=sum_row("organisation", ["amount_pence"]),
                                        noun="contribution",
                                        on_edit=self.edit_contribution_dialog, on_delete=self.delete_contribution,
            read_only=session.read_only)
        self.items = make_table([elided(Column("name", "Item")), money_column("usual_price_pence", "Usual price"),
                                 elided(Column("supplier", "Supplier"))], "Catalogue", right, on_edit=self.item_dialog,
                                on_delete=self.delete_item, noun="catalogue item",
            read_only=session.read_only)
        # The figures tables copy as the export gives them when it suppresses small numbers in them.
        for title, table in (("Per district", self.by_district), ("Per item", self.by_item),
                             ("Per month", self.by_month), ("Per victim", self.per_victim)):
            table.view.copy_given = functools.partial(self._copy_given, title)
        # Eight tables: a list of them along the top, over two lines when narrow (tabs would overflow behind arrows
        # at 1093×582; beside the tables, the list took the room of a column or two).
        self.table_list = QListWidget(right)
        self.table_list.setAccessibleName("Fund tables")
        self.stack = QStackedWidget(right)
        self.table_titles = []
        for title, table in (("Referrals", self.referrals), ("Spend lines", self.lines),
                             ("Per district", self.by_district), ("Per item", self.by_item),
                             ("Per month", self.by_month), ("Per victim", self.per_victim),
                             ("Contributions", self.contributions), ("Catalogue", self.items)):
            self.table_list.addItem(title)
            self.stack.addWidget(table.view)
            self.table_titles.append(title)
        self.table_list.setFlow(QListView.Flow.LeftToRight)
        self.table_list.setWrapping(True)
        self.table_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.table_list.setSpacing(2)
        for bar in (self.table_list.setHorizontalScrollBarPolicy, self.table_list.setVerticalScrollBarPolicy):
            bar(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        FitsHeight(self.table_list)
        self.table_list.setCurrentRow(0)
        self.table_list.currentRowChanged.connect(self.stack.setCurrentIndex)
        # Tab follows the screen: Export before More, as they stand; the list of tables before the table it shows.
        for before, after in ((self.export_button, self.more), (self.district_filter, self.table_list)):
            QWidget.setTabOrder(before, after)
        right_layout.addWidget(self.table_list)
        right_layout.addWidget(self.stack, 1)
        # Two rows under a heading over two lines, in the font's own sizes: with a 12 pt font at 1093x582 the pixels
        # kept for the normal font (TABLES_LEAST_HEIGHT) left one referral in view.
        self.stack.setMinimumHeight(height_for_rows(self.referrals.view, 2, heading_lines=2))
        # Each table's columns fitted to the room it has: every one in view at 1093×582, as the officer sees it.
        self.fitters = {table.view: FitsColumns(table.view) for table in (
            self.referrals, self.lines, self.by_district, self.by_item, self.by_month, self.per_victim,
            self.contributions, self.items)}
        self.stack.currentChanged.connect(self._table_shown)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([CHART_WIDTH, 760])  # the chart readable, every column of the tables in view at 1093×582
        remember_splitter(splitter, "fund-splitter")
        layout.addWidget(splitter, 1)

        self._refilter_timer = debounced(self, 150, self.refilter)
        self.search.textChanged.connect(lambda _t: self._refilter_timer.start())
        self.district_filter.currentIndexChanged.connect(lambda _i: self.refilter())
        self.fund_combo.currentIndexChanged.connect(self._fund_chosen)
        self.window_combo.currentIndexChanged.connect(self._window_chosen)
        p.shown.connect(self._show_data)
        p.form_opened.connect(self._show_form)
        p.data_changed.connect(lambda: session.notify("costs"))
        self.loader = BackgroundLoader(self, lambda exc: prompts.show_error(self, "Funds",
                                                                            f"The fund could not be read: {exc}"),
                                       on_idle=self.loaded.emit)
        p.data_changed.connect(self.loader.supersede)  # after a change the page shows the file as it is now
        self.refresh()
        QTimer.singleShot(60, self.ensure_chart)  # after the page's first paint

    # -- today, read when used ------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.presenter.today()

    @today.setter
    def today(self, value: date) -> None:
        self._today = value

    @property
    def data(self) -> FundData | None:
        return self.presenter.data

    @property
    def fund_id(self) -> str | None:
        return self.presenter.selected

    def ensure_chart(self) -> FundChart:
        if self.chart is None:
            self.chart = FundChart(self._chart_holder)
            self.chart.copied_rows = lambda: copied_sheet_rows(self.presenter.sheet("Forecast"))
            self._chart_holder.layout().addWidget(self.chart)
            # Made after the first paint, it came last by Tab, after the tables on its right: put where it stands,
            # after the sentence above it (a stop of its own when cut short) and before the search and tables.
            QWidget.setTabOrder(self.sentence_box, self.chart)
            if self.data is not None:
                self.chart.show_forecast(self.data.figures)
        return self.chart

    def select_table(self, title: str) -> None:
        self.table_list.setCurrentRow(self.table_titles.index(title))

    # -- loading -----------------------------------------------------------------------
    @property
    def store(self):
        return self.session.store

    @property
    def window_months(self) -> int:
        return WINDOWS[max(0, self.window_combo.currentIndex())]

    def is_busy(self) -> bool:
        return self.loader.busy

    def refresh(self) -> None:
        """Read the fund's data on the thread pool and show it when it arrives."""
        fund_id, window, today = self.presenter.selected, self.presenter.window, self.today
        self.loader.load(self.store, lambda conn: load_fund_data(conn, fund_id, window, today), self.presenter.show)

    def _grey_without_fund(self) -> None:
        """Contribution…, New referral…, Spend line… and Export… act on the fund shown: greyed (their tooltip saying
        how to add one) until there is a fund."""
        has_fund = self.presenter.fund is not None
        for b in self.edit_buttons:
            b.setEnabled(has_fund and not self.session.read_only)
            b.setToolTip("" if has_fund else NO_FUND_TIP)
        self.export_button.setEnabled(has_fund)
        self.export_button.setToolTip(EXPORT_TIP if has_fund else NO_FUND_TIP)
        for action in self.export_actions:
            action.setEnabled(has_fund)

    def _show_data(self) -> None:
        data = self.presenter.data
        if data is None:
            return
        self._grey_without_fund()
        self.fund_combo.blockSignals(True)
        self.fund_combo.clear()
        for i, (fid, name) in enumerate(data.fund_names):
            self.fund_combo.addItem(name, fid)
            self.fund_combo.setItemData(i, data.merged_from(fid) or None, Qt.ItemDataRole.ToolTipRole)
        if self.fund_id:
            self.fund_combo.setCurrentIndex(self.fund_combo.findData(self.fund_id))
        self.fund_combo.blockSignals(False)
        keyed = (self.referrals, self.lines, self.contributions, self.items)
        chosen = [table.chosen_place() for table in keyed]  # chosen again below, or the row in its place
        # The same fund: a row that has appeared (added, or deleted in error and brought back by Edit > Undo) is the
        # one chosen instead, for Enter and Del (never the line that had taken its place).
        same, self._rows_of = self._rows_of == self.fund_id, self.fund_id
        appeared = [table.appeared(rows) if same else None for table, rows in
                    zip(keyed, (data.referrals, data.lines, data.contributions, data.items))]
        # In a county file where each referral, spend line and contribution came from; hidden in an office's own.
        for table, origins in self._merged_tables(data):
            table.view.setColumnHidden(table.model.column_index("merged_from"), not origins.shown)
        self.referrals.set_rows(data.referrals)
        self.lines.set_rows(data.lines)
        self.contributions.set_rows(data.contributions)
        self.items.set_rows(data.items)
        f = data.figures
        self.by_district.set_rows(f.by_district if f else [])
        self.by_item.set_rows(f.by_item if f else [])
        self._merged_words = (lambda m: f.merged_words(m, month_name)) if f else (lambda m: "")
        self.by_month.set_rows(f.month_rows if f else [])
        self.per_victim.set_rows(f.distribution if f else [])
        self._show_figures(f, data.merged_from(self.fund_id))
        self.figures.fit()  # the values' words are others: five to a line may fit now, or no longer
        self.ensure_chart().show_forecast(f)
        self.refilter()
        for table, place, new in zip(keyed, chosen, appeared):
            if new is None or not table.choose_id(new):  # a new row the filters hide: the row chosen before
                table.choose_again(place)
        self._choose_step_referral(appeared[1])
        for fitter in self.fitters.values():  # another fund, or the file changed: sized to its rows afresh
            fitter.forget()

    def _choose_step_referral(self, line_appeared: Any | None) -> None:
        """A step on a referral's spend lines done, undone or redone (Edit > Undo while another referral is chosen):
        the referral it changed is chosen and scrolled to, on Spend lines one of its lines (the one brought back, if
        any), so the officer sees what it did; on any other table, the Referrals table with it chosen."""
        referral = self.presenter.step_referral
        if referral is None or not any(r["id"] == referral for r in self.referrals.source_rows()):
            return  # a referral deleted by the step, or one the district or search hides: the rows chosen stay
        self.referrals.choose_id(referral)
        if self.stack.currentWidget() is self.lines.view:
            current = self.lines.current()
            if line_appeared is None and (current is None or current["referral_id"] != referral):
                self.lines.select_where(lambda r: r["referral_id"] == referral)
        else:
            self.select_table("Referrals")

    def _merged_tables(self, data: FundData | None) -> list[tuple[Any, RowOrigins]]:
        """The tables with a *Merged from* column, each with the origins of its rows."""
        if data is None:
            return [(table, NOT_A_COUNTY_FILE) for table in (self.referrals, self.lines, self.contributions)]
        return [(self.referrals, data.referral_origins), (self.lines, data.line_origins),
                (self.contributions, data.contribution_origins)]

    def _merged_from(self, origins_of: str) -> Callable[[Any], str]:
        """A row's *Merged from* words in a county file (``origins_of``: which of the data's origins); "" for a
        totals line and in an office's own file."""
        def words(row: Any) -> str:
            key = row_id(row)
            return getattr(self.data, origins_of).of(key) if self.data is not None and key is not None else ""

        return words

    def _table_shown(self, index: int) -> None:
        self.fitters[self.stack.widget(index)].fit()
        self._offer_filters()

    def _offer_filters(self) -> None:
        """The search and the district filter choose rows of Referrals and Spend lines only: on the other tables
        (the whole fund's figures, its contributions and catalogue) they are greyed, saying so, so that "Ipswich"
        never stands over the whole pilot's months; what they hold is kept for when those tables are shown again."""
        filtered = self.stack.currentWidget() in (self.referrals.view, self.lines.view)
        for box, tip in ((self.search, ""), (self.district_filter, "Show the referrals and spend of one district")):
            box.setEnabled(filtered)
            box.setToolTip(tip if filtered else FILTERS_TIP)

    def no_search_box(self) -> str:
        """Edit > Find with the search greyed (a table of the whole fund in view): what the search finds, the keyboard
        on the list of tables, Referrals or Spend lines an arrow key away; "" when the search is not greyed."""
        if self.search.isEnabled():
            return ""
        self.table_list.setFocus(Qt.FocusReason.ShortcutFocusReason)
        return ("The search finds referrals and spend lines only: choose Referrals or Spend lines in the list of "
                "tables (the keyboard is there), then Ctrl+F.")

    def _fund_chosen(self, index: int) -> None:
        if self.presenter.select(self.fund_combo.itemData(index)):
            self.refresh()

    def _window_chosen(self, _index: int) -> None:
        self.presenter.set_window(self.window_months)
        self.refresh()

    def _show_figures(self, f: funds.FundFigures | None, origin: str = "") -> None:
        """``origin``: in a county file, where the fund came from ("Merged from Babergh office."), said last in the
        sentence under the figures (on a laptop a line of its own would take the chart's room)."""
        labels = self.figure_labels
        if f is None:
            for label in labels.values():
                label.setText("—")
            self.sentence_box.set_text("There are no funds in this file yet: add one with More > New fund.")
            self.summary_note.hide()
            return
        for key, text in figure_texts(f).items():
            labels[key].setText(text)
        # Withheld outside the office file: not selectable, so that the label's own copy (Ctrl+C on its selection, its
        # right-click Copy) cannot give the page's figure; Edit > Copy there gives the export's (``_figure_given``).
        withheld = withheld_figures(f)
        for key, label in labels.items():
            label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction if key in withheld
                                          else Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setFocusPolicy(Qt.FocusPolicy.ClickFocus)  # still reached by a click, for Edit > Copy
        status = {"open": "open", "closed": "CLOSED", "ended": "period ended",
                  "not_begun": "not begun"}[funds.status_word(f)]
        self.sentence_box.set_text(f"{f.fund.name} ({status}, {format_uk_date(f.fund.starts_on)} to "
                                   f"{format_uk_date(f.fund.ends_on)}; eligibility: {f.fund.rules.describe()}). "
                                   + months_as_the_window_names_them(funds.forecast_sentence(f))
                                   # what the fund report and board report give instead, and why (small numbers)
                                   + (f" {given}" if (given := given_otherwise_words(f)) else "")
                                   + (f" {origin}" if origin else ""))
        if f.summary_rows:
            self.summary_note.setText(
                f"ℹ {counted(f.summary_rows, 'row')} of this fund came as district summaries "
                "(no individual referrals): they are in every total, but the spend-per-victim distribution and "
                "median cover only the referrals recorded in detail in this file.")
            self.summary_note.show()
        else:
            self.summary_note.hide()

    def _districts(self) -> list[tuple[str, str]]:
        return [(d.id, d.name) for d in list_districts(self.session.store)]

    def districts_changed(self) -> None:
        """Districts added or corrected (Districts…, a merge): the filter offers them as the file has them now."""
        if fill_district_filter(self.district_filter, self._districts()):
            self.refilter()

    def refilter(self) -> None:
        district = self.district_filter.currentData() or ""
        predicate = (lambda r: r["district"] == district) if district else None
        # Thousands of referrals and spend lines: the search matches a text built off the GUI thread, in one
        # Python pass (a proxy's free-text search formatted every cell of every row: 2.7 s on 20,000).
        needle = self.search.text().strip().casefold()
        for (table, origins), money in zip(self._merged_tables(self.data)[:2], ("spent_pence", "amount_pence")):
            if needle:  # in a county file, the office each came from too (as the Merged from column shows it)
                said = origins.of if origins.shown else (lambda _key: "")
                keeps = search_keeps(needle, money)  # an amount as the tables show it ("£1,450"), or words
                table.filter(lambda r, said=said, keeps=keeps: (keeps(r) or needle in said(r["id"]).casefold())
                             and (not district or r["district"] == district))
            else:
                table.filter(predicate)

    # -- forms -------------------------------------------------------------------------
    def _show_form(self, form) -> None:
        self.dialog = FormDialog(self, form, self.presenter)
        self.dialog.open()

    def _open(self, make) -> FormDialog | None:
        return open_form(self, make, "Choose a fund")

    def new_fund_dialog(self):
        return self._open(self.presenter.new_fund_form)

    def edit_fund_dialog(self):
        dialog = self._open(self.presenter.edit_fund_form)
        if dialog is not None:  # titled "Settings of <fund>"; F1: the guide names it by the menu's words
            dialog.setProperty(GUIDE_WORDS, "Fund settings")
        return dialog

    def contribution_dialog(self):
        return self._open(self.presenter.contribution_form)

    def referral_dialog(self):
        return self._open(self.presenter.referral_form)

    def spend_dialog(self):
        # The referral chosen; with none, the first in view (as filtered and sorted), never one the filter hides: with
        # none in view, none (the form's Referral to choose), not the fund's first, which nobody chose.
        referral = self.referrals.current() or next(iter(self.referrals.source_rows()), None)
        return self._open(lambda: self.presenter.spend_form(referral, first_when_none=False))

    def item_dialog(self):
        # The item chosen on the Catalogue table (Enter on it, or More there); from another table, a new item, not
        # the catalogue's hidden current row (the one added last).
        chosen = self.items.current() if self.stack.currentWidget() is self.items.view else None
        return self._open(lambda: self.presenter.item_form(chosen))

    def edit_referral_dialog(self):
        referral = self._chosen(self.referrals, "referral", "Referrals")
        return None if referral is None else self._open(lambda: self.presenter.edit_referral_form(referral))

    def edit_spend_dialog(self):
        line = self._chosen(self.lines, "spend line", "Spend lines")
        return None if line is None else self._open(lambda: self.presenter.edit_spend_form(line))

    def edit_contribution_dialog(self):
        given = self._chosen(self.contributions, "contribution", "Contributions")
        return None if given is None else self._open(lambda: self.presenter.edit_contribution_form(given))

    def _chosen(self, table, what: str, page: str) -> dict | None:
        row = table.current()
        if row is None:
            prompts.show_error(self, f"Choose a {what}", f"Select a {what} on the {page} page first.")
        return row

    def _delete(self, title: str, question: str, do: Callable[[], None]) -> None:
        if prompts.ask(self, title, question, yes="Delete"):
            try:
                do()
            except (LookupError, ValueError) as exc:
                prompts.show_error(self, "Not done", str(exc))

    def delete_spend_line(self) -> None:
        if (line := self._chosen(self.lines, "spend line", "Spend lines")) is not None:
            self._delete("Delete spend line", self.presenter.delete_spend_line_question(line),
                         lambda: self.presenter.delete_spend_line(line))

    def delete_referral(self) -> None:
        if (referral := self._chosen(self.referrals, "referral", "Referrals")) is not None:
            self._delete("Delete referral", self.presenter.delete_referral_question(referral),
                         lambda: self.presenter.delete_referral(referral))

    def delete_contribution(self) -> None:
        if (c := self._chosen(self.contributions, "contribution", "Contributions")) is not None:
            self._delete("Delete contribution", self.presenter.delete_contribution_question(c),
                         lambda: self.presenter.delete_contribution(c))

    def delete_item(self) -> None:
        if (item := self._chosen(self.items, "catalogue item", "Catalogue")) is not None:
            if refusal := self.presenter.delete_item_refusal(item):  # said at once: not asked, then refused
                prompts.show_error(self, "Delete catalogue item", refusal)
                return
            self._delete("Delete catalogue item", f"Delete {item['name']} from the catalogue?",
                         lambda: self.presenter.delete_item(item))

    def delete_fund(self) -> None:
        """More > Delete fund: refused at once with the reason for a fund with money or referrals, else asked once."""
        if self.presenter.fund is None:
            return
        if refusal := self.presenter.delete_fund_refusal():  # said at once: not asked, then refused
            prompts.show_error(self, "Delete fund", refusal)
            return
        self._delete("Delete fund", self.presenter.delete_fund_question(), self.presenter.delete_fund)

    # -- export and copy -------------------------------------------------------------------
    def export(self, path: str | None = None) -> Path | None:
        f = self.data.figures if self.data is not None else None
        if f is None:
            prompts.show_error(self, "Export", "There is no fund to export.")
            return None
        name = path or prompts.save_file_name(self, "Export the fund report", table_file_filter(),
                                              f"{file_name_from(f.fund.name_said)}.xlsx")
        if not name:
            return None
        try:
            written = self.presenter.export(table_target(name))
        except (OSError, UnsupportedFormat) as exc:
            prompts.show_error(self, "Export", f"The fund report could not be written: {exc}")
            return None
        # as every export
        prompts.show_info(self, "Export", f"Saved the fund report for {f.fund.name_said} to {written}.")
        return written

    def _copy_leaves_out(self, table, what: str) -> list[int] | Included:
        """Before a copy of referrals or spend lines: asked, as the History of Changes' copy is (Enter and closing the
        question leave them out), the columns of the references and districts, unless answered Include it. The Total
        row alone is no one's: copied whole, unasked."""
        rows = len(table.selected_rows())
        if not rows:
            return []
        if prompts.ask(self, "Copy", victim_level_copy_question(rows, what), yes="Include it", no="Leave it out",
                       cautious=True):
            return Included()
        return [table.model.column_index(key) for key in COPY_LEAVES_OUT[what]]

    def _figure_given(self, label: QLabel) -> str | None:
        """Ctrl+C on a figure the export gives otherwise (``withheld_figures``): the export's ("fewer than 3" victims,
        no mean; the burn rate and forecast over the months it gives together); None for any other figure."""
        f = self.data.figures if self.data is not None else None
        key = next((k for k, shown in self.figure_labels.items() if shown is label), None)
        return withheld_figures(f).get(key) if f is not None else None

    def _copy_given(self, title: str, with_header: bool) -> str | None:
        """A copy of the Per district, Per item, Per month or Per victim table: where the fund report suppresses small
        numbers in it (a district or month of one or two victims joined, a count said "fewer than 3"), the whole table
        as the report gives it, with the words saying so under it; else None (the rows chosen copy as shown)."""
        if self.data is None or self.data.figures is None:
            return None
        sheet = self.presenter.sheet(title)
        if not suppresses_small_numbers(sheet):
            return None
        rows = copied_sheet_rows(sheet)[0 if with_header else 1:]
        return to_tsv([*rows, [], [sheet.title]])

    def copy_figures(self) -> str:
        if self.data is None or self.data.figures is None:
            return ""
        # The export's Figures sheet: a fund of one or two victims gives no count and no mean (small numbers).
        text = to_tsv(copied_sheet_rows(self.presenter.sheet("Figures"), figures=True))
        copy_to_clipboard(text)
        return text


class SentenceBox(QScrollArea):
    """The sentence under the figures: whole when the page has the height, else as many lines as it has (two at the
    least), the rest scrolled to (with the wheel, or by Tab and the arrows: it is a stop of its own then)."""

    LEAST_LINES = 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # A Tab stop when cut short: named, with the sentence as its description, or a screen reader says nothing.
        self.setAccessibleName("Forecast in words")
        self.label = QLabel("", self)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setWidget(self.label)
        self.label.setAutoFillBackground(False)  # the page's own background, not a band (setWidget fills it)
        self.viewport().setAutoFillBackground(False)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.verticalScrollBar().rangeChanged.connect(lambda *_: self._focus_when_scrolled())

    def set_text(self, text: str) -> None:
        """The sentence, and the box as tall as it now needs (the label alone would not tell the page)."""
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.updateGeometry()

    def _room(self) -> int:
        return max(1, self.viewport().width() if self.viewport().width() > 1 else self.width())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.label.heightForWidth(self._room()) + 2 * self.frameWidth())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        lines = self.label.fontMetrics().lineSpacing() * self.LEAST_LINES + 4
        return QSize(0, min(lines, self.sizeHint().height()))

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # as many lines as the new width makes

    def _focus_when_scrolled(self) -> None:
        """Cut short, the box is reached by Tab and scrolled with the arrows; whole, it is no stop."""
        cut = self.verticalScrollBar().maximum() > 0
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus if cut else Qt.FocusPolicy.NoFocus)


class FigureGrid(QWidget):
    """The fund's figures, a name and its value each, in columns: five to a line when the page has the room, four or
    fewer when it has not (a 1366x768 laptop at 150%), never wider than the page (its least width is one figure's,
    so a narrow window lays it out anew instead of scrolling the tab sideways)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSizeConstraint(QGridLayout.SizeConstraint.SetNoConstraint)  # its least width is minimumSizeHint's
        self.pairs: list[tuple[QLabel, QLabel]] = []
        self.per_line = 5
        # A figure a copy gives otherwise than shown (a fund of one or two victims: its count and mean, as the
        # export gives them), or None: the page sets it.
        self.given: Callable[[QLabel], str | None] = lambda label: None

    def add(self, name: QLabel, value: QLabel) -> None:
        self.pairs.append((name, value))
        self._place()

    def copy_selection(self) -> bool:
        """Ctrl+C (Edit > Copy) on a figure clicked: the text selected in it, as any selectable text copies; with
        nothing selected, the figure's name and value ("Spent", "£450") in two cells, for Excel."""
        focused = QApplication.focusWidget()
        for name, value in self.pairs:
            if focused in (name, value):
                if (given := self.given(value)) is not None:  # withheld: not even the part selected
                    text = to_tsv([[name.text().rstrip(":"), given]])
                else:
                    text = focused.selectedText() or to_tsv([[name.text().rstrip(":"), value.text()]])
                copy_to_clipboard(text)
                return True
        return False

    def needs(self, per_line: int) -> int:
        """The width the figures need laid out ``per_line`` to a line."""
        columns = [0] * (2 * per_line)
        for i, pair in enumerate(self.pairs):
            for j, label in enumerate(pair):
                c = (i % per_line) * 2 + j
                columns[c] = max(columns[c], label.minimumSizeHint().width())
        used = [w for w in columns if w]
        return sum(used) + self.grid.horizontalSpacing() * max(0, len(used) - 1)

    def fit(self) -> None:
        """As many to a line as the width holds (the values' words change as the fund does)."""
        width = self.width()
        per_line = next((n for n in (5, 4, 3, 2) if self.needs(n) <= width), 1)
        if per_line != self.per_line:
            self.per_line = per_line
            self._place()

    def _place(self) -> None:
        for i, (name, value) in enumerate(self.pairs):
            for j, label in enumerate((name, value)):
                self.grid.removeWidget(label)
                self.grid.addWidget(label, i // self.per_line, (i % self.per_line) * 2 + j)
        self.updateGeometry()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(self.needs(1), self.grid.minimumSize().height())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.fit()


class FitsHeight(QObject):
    """A list laid out in lines (the fund's tables along the top) as tall as its lines, one or two as it is wide."""

    def __init__(self, view: QListWidget):
        super().__init__(view)
        self.view = view
        view.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.Show) and self.view.count():
            self.view.doItemsLayout()
            last = self.view.visualItemRect(self.view.item(self.view.count() - 1))
            self.view.setFixedHeight(last.bottom() + self.view.verticalOffset() + 2 * self.view.frameWidth()
                                     + self.view.spacing() + 2)
        return False


class FitsColumns(QObject):
    """One fund table's columns fitted to the room the table has, every one in view without scrolling sideways.

    A column is as wide as its figures or its heading, a heading of several words over two lines when the figures
    are narrower; a free text (``elided``) is no wider than ``LONG_TEXT``, and narrower still, down to its heading,
    when the others need the room (its whole text in the tooltip). Fitted when shown, when the room changes and when
    the rows do (never narrower as a filter is typed: nothing jumps). A column the officer dragged keeps its width.
    """

    def __init__(self, view):
        super().__init__(view)
        self.view = view
        self._needs: dict[int, int] = {}  # the widest each column has needed since the rows came
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.fit)
        header = view.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(Qt.TextFlag.TextWordWrap.value))
        header.setTextElideMode(Qt.TextElideMode.ElideNone)  # else Qt elides the heading as one line, then wraps it
        view.viewport().installEventFilter(self)
        model = view.model()
        for signal in (model.modelReset, model.rowsInserted, model.dataChanged, model.layoutChanged):
            signal.connect(self._later.start)

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize:
            self._later.start()
        return False

    def forget(self) -> None:
        """New rows (another fund, or the file changed): the widths are worked out from them afresh."""
        self._needs.clear()
        self._later.start()

    def fit(self) -> None:
        view = self.view
        model = view.model()
        if model is None or not view.isVisible():
            return
        header = view.horizontalHeader()
        source = model.sourceModel() if hasattr(model, "sourceModel") else model
        heads = header.fontMetrics()
        first = max(0, view.rowAt(0))
        rows = range(first, min(model.rowCount(), first + 60))  # the rows in view, as the kit sizes them
        shown = [c for c in range(model.columnCount()) if not view.isColumnHidden(c)]
        want, least, one_line = {}, {}, {}
        for c in shown:
            heading = str(model.headerData(c, Qt.Orientation.Horizontal) or "")
            one_line[c] = heads.horizontalAdvance(heading) + HEADING_PAD
            two = two_line_width(heads, heading) + HEADING_PAD
            figures = max((self._cell_width(model.index(r, c)) for r in rows), default=0)
            need = self._needs[c] = max(self._needs.get(c, 0), figures if figures >= one_line[c] else max(figures, two))
            free = source.columns[c].tooltip is not None
            want[c] = min(need, max(LONG_TEXT, two)) if free else need
            least[c] = min(want[c], two) if free else want[c]
        over = sum(want.values()) - view.viewport().width()
        room = sum(want[c] - least[c] for c in shown)
        short = sum(self._needs[c] - want[c] for c in shown)  # what the free texts cut to LONG_TEXT lack
        for c in shown:
            width = want[c]
            if over > 0 and room > 0:  # too wide: the free texts narrower, each by its share of what it can give
                width -= math.ceil(over * (want[c] - least[c]) / room)
            elif over < 0 and short > 0:  # room to spare: the free texts wider, towards their whole width
                width += min(self._needs[c] - want[c], -over * (self._needs[c] - want[c]) // short)
            view.fit_column(c, max(width, least[c]))
        wraps = any(view.columnWidth(c) < one_line[c] for c in shown)
        # Two lines, and above them the room the style's sort arrow takes.
        header.setMinimumHeight(2 * heads.lineSpacing() + 12 if wraps else 0)

    def _cell_width(self, index) -> int:
        font = index.data(Qt.ItemDataRole.FontRole)  # a bold total is wider than the plain lines
        metrics = self.view.fontMetrics() if font is None else QFontMetrics(font)
        return metrics.horizontalAdvance(str(index.data() or "")) + CELL_PAD


def figure_texts(f: funds.FundFigures) -> dict[str, str]:
    """The page's figures as it shows them, by key (``FIGURES``)."""
    fc = f.forecast
    mean, median = f.mean_per_victim_pence, f.median_per_victim_pence
    # The period over, the forecast from a month before its last is a projection (the sentence says of what); a
    # month over that the spend recorded reached is when it ran out.
    projected = " (projected)" if f.projected or f.run_out_projected else ""
    ran_out = fc.exhaustion_month is not None and funds.exhaustion_words(f) == "Ran out"
    left = f.left_at_end_pence  # None: no burn rate yet, so no forecast of the end
    return {
        "contributions": format_money(f.contributions_pence), "spent": format_money(f.spent_pence),
        "balance": format_money(f.balance_pence), "victims": str(f.victims),
        "mean": "—" if mean is None else format_money(mean),
        "median": "—" if median is None else format_money(median),
        "burn": burn_rate_text(f),  # spend only in a part month: so far, not a rate
        "last_funded": month_name(fc.last_funded_month) if fc.last_funded_month else "—",
        "runs_out": (f"⚠ Ran out in {month_name(fc.exhaustion_month)}" if ran_out  # a month over
                     else ("⚠ Before the end: " if fc.runs_out_before_end else "")
                     + month_name(fc.exhaustion_month) + projected if fc.exhaustion_month
                     else "Closed" if fc.closed  # nothing more is spent from it
                     else "Period ended" if f.spent_to_end  # spend keyed to its last day
                     else "—" if fc.as_at is None  # no burn rate yet: nothing to last at
                     else "Not at this rate" + projected),
        "at_end": ("—" if left is None else f"{format_money(left)} left{projected}" if left >= 0
                   else f"⚠ {format_money(-left)} missing{projected}"),
    }


FORECAST_FIGURES = ("burn", "last_funded", "runs_out", "at_end")


def withheld_figures(f: funds.FundFigures | None) -> dict[str, str]:
    """The page's figures the export gives otherwise, with what it gives: a fund of one or two victims its count as
    "fewer than 3" and no mean or median (``funds.victims_shared``); where its Per month table joins months, the
    burn rate and forecast worked out over them (``FundFigures.shared``), where they differ from the page's."""
    if f is None:
        return {}
    given: dict[str, str] = {}
    if f.given is not None:
        own, shared = figure_texts(f), figure_texts(f.shared)
        given.update({key: shared[key] for key in FORECAST_FIGURES if shared[key] != own[key]})
    if f.mean_per_victim_pence is not None and funds.victims_shared(f)[1] is None:
        given.update(victims=str(funds.victims_shared(f)[0]), mean="—", median="—")
    return given


def _tuple_part(place: int) -> Callable[[Any], Any]:
    """A cell of a (name, count, pence) table: from the row's tuple, or from its totals row (_tuple_total)."""
    key = "dvs"[place]
    return lambda r: r[place] if isinstance(r, tuple) else r[key]


def _tuple_total(rows) -> dict | None:
    """The totals row of a (name, count, pence) table: "Total", the count, the spend."""
    if not rows:
        return None
    return {"d": "Total", "v": sum(r[1] or 0 for r in rows), "s": sum(r[2] or 0 for r in rows)}


__all__ = ["FundPage", "FundChart", "load_fund_data", "month_name"]
