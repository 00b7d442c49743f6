"""The Funds page of the Costs tab: contributions, referrals, spend, balance and the burn-down chart.

The page's data is read on the thread pool (a fund can hold tens of thousands of
spend lines) and shown when it arrives; the chart's curves are built once and
updated with ``setData``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QSplitter, QTabWidget,
                               QVBoxLayout, QWidget)

import pyqtgraph as pg  # noqa: E402  (PySide6 is imported first)

from safer_desk.domain.funds import RISK_LEVELS
from safer_desk.domain.money import format_money, format_pounds_plain
from safer_desk.domain.periods import Month, format_uk_date
from safer_desk.exchange.files import Sheet, to_tsv, write_csv, write_xlsx
from safer_desk.services import funds
from safer_desk.services.reference import list_districts, list_organisations
from safer_desk.ui import prompts
from safer_desk.ui.costs.dhr_page import _button
from safer_desk.ui.costs.widgets import (BackgroundLoader, Field, FormDialog, date_col, debounced, make_table,
                                        push_edit)
from safer_desk.ui.table_model import RIGHT, Column, money_column

WINDOWS = (1, 3, 6, 12)


@dataclass
class FundData:
    """Everything the page shows for one fund, read off the GUI thread."""

    fund_names: list[tuple[str, str]]
    figures: funds.FundFigures | None
    referrals: list[dict]
    lines: list[dict]
    contributions: list[dict]
    items: list[dict]
    referral_texts: list[str] | None = None  # what the search box matches, built off the GUI thread
    line_texts: list[str] | None = None


def load_fund_data(store, fund_id: str | None, window: int) -> FundData:
    listed = funds.list_funds(store)
    names = [(f.id, f.name) for f in listed]
    if fund_id is None or fund_id not in {i for i, _ in names}:
        fund_id = names[0][0] if names else None
    items = funds.list_items(store)
    if fund_id is None:
        return FundData(names, None, [], [], [], items)
    return FundData(names, funds.fund_figures(store, fund_id, window=window), funds.list_referrals(store, fund_id),
                    funds.list_spend_lines(store, fund_id), funds.contributions(store, fund_id), items)


class FinancialMonthAxis(pg.AxisItem):
    """x = whole months since the fund's first month; quarters of the financial year are labelled (Apr, Jul …)."""

    def __init__(self, **kwargs: Any):
        super().__init__("bottom", **kwargs)
        self.start = Month(2018, 4)

    def month_at(self, x: float) -> Month:
        return self.start.plus(int(math.floor(x + 1e-9)))

    def tickValues(self, minVal: float, maxVal: float, size: float):
        lo, hi = int(math.floor(minVal)), int(math.ceil(maxVal))
        if hi - lo > 600:
            return super().tickValues(minVal, maxVal, size)
        months = list(range(lo, hi + 1))
        quarters = [x for x in months if self.start.plus(x).month in (1, 4, 7, 10)]
        return [(3.0, quarters), (1.0, [x for x in months if x not in quarters])]

    def tickStrings(self, values, scale, spacing):
        if spacing >= 3:
            return [self.start.plus(int(round(v))).label for v in values]
        return ["" for _ in values]


class PoundsAxis(pg.AxisItem):
    """£20,000 rather than 20000 on the money axis."""

    def tickStrings(self, values, scale, spacing):
        return [f"£{v:,.0f}" for v in values]


class FundChart(pg.PlotWidget):
    """Spend to date, the forecast at the recent rate, the fund level and the end of the pilot."""

    def __init__(self, parent: QWidget | None = None):
        self.axis = FinancialMonthAxis()
        super().__init__(parent, background="w", axisItems={"bottom": self.axis, "left": PoundsAxis("left")},
                         enableMenu=False)
        self.setAccessibleName("Fund burn-down chart")
        plot = self.getPlotItem()
        plot.showGrid(x=False, y=True, alpha=0.25)
        plot.setLabel("left", "Spent to date (cumulative)")
        plot.getAxis("left").setWidth(78)  # room for "£20,000" from the first paint
        plot.setMouseEnabled(x=False, y=False)  # a fixed picture: no accidental pan or zoom
        plot.hideButtons()
        self.legend = plot.addLegend(offset=(-10, -40))
        self.spend_curve = plot.plot([], [], pen=pg.mkPen("#1f4e79", width=2), symbol="o", symbolSize=6,
                                     symbolBrush="#1f4e79", name="Spend to date")
        self.forecast_curve = plot.plot([], [], pen=pg.mkPen("#1f4e79", width=2, style=Qt.PenStyle.DashLine),
                                        name="Forecast at the recent rate")
        self.level_curve = plot.plot([], [], pen=pg.mkPen("#2e7d32", width=2, style=Qt.PenStyle.DashDotLine),
                                     name="Fund")
        self.end_line = pg.InfiniteLine(angle=90, movable=False, pen=pg.mkPen("#7b1fa2", width=1.5),
                                        label="End of period", labelOpts={"position": 0.6, "color": "#7b1fa2"})
        self.out_line = pg.InfiniteLine(angle=90, movable=False,
                                        pen=pg.mkPen("#b71c1c", width=1.5, style=Qt.PenStyle.DotLine),
                                        label="Runs out", labelOpts={"position": 0.4, "color": "#b71c1c"})
        plot.addItem(self.end_line)
        plot.addItem(self.out_line)

    def show_forecast(self, figures: funds.FundFigures | None) -> None:
        if figures is None or figures.forecast.as_at is None:
            for curve in (self.spend_curve, self.forecast_curve, self.level_curve):
                curve.setData([], [])
            self.out_line.hide()
            if figures is not None:
                start = figures.fund.start_month
                self.axis.start = start
                end_x = figures.fund.end_month.minus(start) + 1
                self.level_curve.setData([0, end_x], [figures.contributions_pence / 100] * 2)
                self.end_line.setValue(end_x)
            return
        f = figures.forecast
        start = min(figures.fund.start_month, f.cumulative[0][0]) if f.cumulative else figures.fund.start_month
        self.axis.start = start
        xs = [0.0] + [float(m.minus(start) + 1) for m, _ in f.cumulative]
        ys = [0.0] + [p / 100 for _, p in f.cumulative]
        self.spend_curve.setData(xs, ys)
        fx = [float(m.minus(start) + 1) for m, _ in f.forecast_line]
        fy = [p / 100 for _, p in f.forecast_line]
        self.forecast_curve.setData(fx, fy)
        end_x = float(f.pilot_end.minus(start) + 1)
        right = max([end_x, *fx, *xs]) + 1
        self.level_curve.setData([0.0, right], [f.fund_pence / 100] * 2)
        self.end_line.setValue(end_x)
        self.end_line.label.setFormat(f"End of period {f.pilot_end.label}")
        if f.exhaustion_month is not None:
            self.out_line.setValue(float(f.exhaustion_month.minus(start) + 0.5))
            self.out_line.label.setFormat(f"Runs out {f.exhaustion_month.label}")
            self.out_line.show()
        else:
            self.out_line.hide()
        self.getPlotItem().setXRange(0, right, padding=0.02)
        self.getPlotItem().setYRange(0, max(f.fund_pence / 100, max(fy or [0])) * 1.08, padding=0)


FIGURES = (("contributions", "Contributions"), ("spent", "Spent"), ("balance", "Balance"),
           ("victims", "Victims supported"), ("mean", "Mean per victim"), ("median", "Median per victim"),
           ("burn", "Burn rate"), ("last_funded", "Covers spending to"), ("runs_out", "Runs out"),
           ("at_end", "At the end of the period"))


class FundPage(QWidget):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.today = date.today()
        self.dialog: FormDialog | None = None
        self.data: FundData | None = None
        self.fund_id: str | None = None
        self._sized = False
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        fund_label = QLabel("F&und:", self)  # Alt+F is the File menu
        top.addWidget(fund_label)
        self.fund_combo = QComboBox(self)
        self.fund_combo.setAccessibleName("Fund")
        self.fund_combo.setMinimumWidth(260)
        fund_label.setBuddy(self.fund_combo)  # without a buddy the "&" shows as text
        top.addWidget(self.fund_combo)
        window_label = QLabel("&Burn rate over the last", self)
        top.addWidget(window_label)
        self.window_combo = QComboBox(self)
        window_label.setBuddy(self.window_combo)
        self.window_combo.setAccessibleName("Burn-rate window in months")
        self.window_combo.addItems([f"{n} month{'s' if n > 1 else ''}" for n in WINDOWS])
        self.window_combo.setCurrentIndex(WINDOWS.index(3))
        top.addWidget(self.window_combo)
        top.addStretch(1)
        layout.addLayout(top)
        top = QHBoxLayout()
        self.edit_buttons = [
            _button(self, "New f&und…", self.new_fund_dialog), _button(self, "Fund se&ttings…", self.edit_fund_dialog),
            _button(self, "C&ontribution…", self.contribution_dialog), _button(self, "Re&ferral…", self.referral_dialog),
            _button(self, "Spen&d line…", self.spend_dialog), _button(self, "Catalo&gue item…", self.item_dialog),
            _button(self, "Delete spend line", self.delete_spend_line),
        ]
        for b in self.edit_buttons:
            b.setEnabled(not session.read_only)
            top.addWidget(b)
        top.addWidget(_button(self, "E&xport fund report…", self.export))
        top.addWidget(_button(self, "Copy figures", self.copy_figures))
        top.addStretch(1)
        layout.addLayout(top)

        grid = QGridLayout()
        self.figure_labels: dict[str, QLabel] = {}
        for i, (key, title) in enumerate(FIGURES):
            name = QLabel(f"{title}:", self)
            value = QLabel("…", self)
            value.setAccessibleName(title)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setStyleSheet("font-weight: bold;")
            self.figure_labels[key] = value
            grid.addWidget(name, i // 5, (i % 5) * 2)
            grid.addWidget(value, i // 5, (i % 5) * 2 + 1)
        layout.addLayout(grid)
        self.sentence = QLabel("", self)
        self.sentence.setWordWrap(True)
        layout.addWidget(self.sentence)
        self.summary_note = QLabel("", self)
        self.summary_note.setWordWrap(True)
        self.summary_note.hide()
        layout.addWidget(self.summary_note)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        # The chart is built on the next turn of the event loop, so the page paints before pyqtgraph works.
        self.chart: FundChart | None = None
        self._chart_holder = QWidget(splitter)
        self._chart_holder.setMinimumWidth(360)
        QVBoxLayout(self._chart_holder).setContentsMargins(0, 0, 0, 0)
        splitter.addWidget(self._chart_holder)
        right = QWidget(splitter)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        search_row = QHBoxLayout()
        self.search = QLineEdit(right)
        self.search.setPlaceholderText("Search referrals and spend…")
        self.search.setAccessibleName("Search referrals and spend")
        self.search.setClearButtonEnabled(True)
        search_row.addWidget(self.search, 1)
        self.district_filter = QComboBox(right)
        self.district_filter.setAccessibleName("Show district")
        self.district_filter.addItem("All districts")
        self.district_filter.addItems([d.name for d in list_districts(session.store)])
        search_row.addWidget(self.district_filter)
        right_layout.addLayout(search_row)
        self.tables = QTabWidget(right)
        self.referrals = make_table([
            Column("reference", "Reference"), Column("district", "District"), date_col("referred_on", "Referred"),
            Column("risk_level", "Risk"), Column("at_marac", "MARAC", show=lambda v: "Yes" if v else "No"),
            Column("idva_assigned", "IDVA", show=lambda v: "Yes" if v else "No"),
            Column("perpetrator_resident", "Perpetrator lives there", show=lambda v: "Yes" if v else "No"),
            Column("eligibility", "Eligibility"), Column("lines", "Spend lines", align=RIGHT),
            money_column("spent_pence", "Spent"),
        ], "Referrals", self.tables)
        self.lines = make_table([
            date_col("spent_on", "Date"), Column("reference", "Referral"), Column("district", "District"),
            Column("item", "Item"), Column("supplier", "Supplier"), Column("invoice_ref", "Invoice"),
            money_column("amount_pence", "Amount"),
        ], "Spend lines", self.tables)
        self.by_district = make_table([Column("district", "District", lambda r: r[0]),
                                       Column("victims", "Victims", lambda r: r[1], align=RIGHT),
                                       money_column("spend", "Spend", lambda r: r[2])], "Spend per district", self.tables)
        self.by_item = make_table([Column("item", "Item", lambda r: r[0]),
                                   Column("lines", "Spend lines", lambda r: r[1], align=RIGHT),
                                   money_column("spend", "Spend", lambda r: r[2])], "Spend per item", self.tables)
        self.by_month = make_table([Column("month", "Month", lambda r: r[0].iso, lambda v: Month.parse(v).label),
                                    Column("victims", "Victims first supported", lambda r: r[1], align=RIGHT),
                                    money_column("spend", "Spend", lambda r: r[2])], "Spend per month", self.tables)
        self.per_victim = make_table([Column("band", "Spend per victim", lambda r: r[0]),
                                      Column("victims", "Victims", lambda r: r[1], align=RIGHT)],
                                     "Spend per victim", self.tables)
        self.contributions = make_table([Column("organisation", "Contributor"), date_col("received_on", "Received"),
                                         money_column("amount_pence", "Amount"), Column("note", "Note")],
                                        "Contributions", self.tables)
        self.items = make_table([Column("name", "Item"), money_column("usual_price_pence", "Usual price"),
                                 Column("supplier", "Supplier")], "Catalogue", self.tables)
        for title, table in (("Referrals", self.referrals), ("Spend lines", self.lines),
                             ("Per district", self.by_district), ("Per item", self.by_item),
                             ("Per month", self.by_month), ("Per victim", self.per_victim),
                             ("Contributions", self.contributions), ("Catalogue", self.items)):
            self.tables.addTab(table.view, title)
        right_layout.addWidget(self.tables)
        self._sized_tables = {0}
        self.tables.currentChanged.connect(self._table_shown)
        splitter.addWidget(right)
        splitter.setSizes([560, 640])
        layout.addWidget(splitter, 1)

        self._refilter_timer = debounced(self, 150, self.refilter)
        self.search.textChanged.connect(lambda _t: self._refilter_timer.start())
        self.district_filter.currentIndexChanged.connect(lambda _i: self.refilter())
        self.fund_combo.currentIndexChanged.connect(self._fund_chosen)
        self.window_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.loader = BackgroundLoader(self, lambda exc: prompts.show_error(self, "Funds",
                                                                            f"The fund could not be read: {exc}"))
        self.refresh()
        QTimer.singleShot(60, self.ensure_chart)  # after the page's first paint

    def ensure_chart(self) -> "FundChart":
        if self.chart is None:
            self.chart = FundChart(self._chart_holder)
            self._chart_holder.layout().addWidget(self.chart)
            if self.data is not None:
                self.chart.show_forecast(self.data.figures)
        return self.chart

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
        fund_id, window = self.fund_id, self.window_months
        referral_texts = self.referrals.model.search_texts

        def read(conn) -> FundData:
            data = load_fund_data(conn, fund_id, window)
            data.referral_texts = referral_texts(data.referrals)
            data.line_texts = [r["search_text"] for r in data.lines]
            return data

        self.loader.load(self.store, read, self._loaded)

    def _loaded(self, data: FundData) -> None:
        self.data = data
        self.fund_id = data.figures.fund.id if data.figures else None
        self.fund_combo.blockSignals(True)
        self.fund_combo.clear()
        for fid, name in data.fund_names:
            self.fund_combo.addItem(name, fid)
        if self.fund_id:
            self.fund_combo.setCurrentIndex(self.fund_combo.findData(self.fund_id))
        self.fund_combo.blockSignals(False)
        self.referrals.model.set_rows(data.referrals, data.referral_texts)
        self.lines.model.set_rows(data.lines, data.line_texts)
        self.contributions.model.set_rows(data.contributions)
        self.items.model.set_rows(data.items)
        f = data.figures
        self.by_district.model.set_rows(f.by_district if f else [])
        self.by_item.model.set_rows(f.by_item if f else [])
        self.by_month.model.set_rows(f.by_month if f else [])
        self.per_victim.model.set_rows(f.distribution if f else [])
        self._show_figures(f)
        self.ensure_chart().show_forecast(f)
        self.refilter()
        if not self._sized:
            self._sized = True
            self.tables.currentWidget().size_columns_to_visible()  # the others when first shown

    def _table_shown(self, index: int) -> None:
        if index not in self._sized_tables and self.data is not None:
            self._sized_tables.add(index)
            self.tables.widget(index).size_columns_to_visible()

    def _fund_chosen(self, index: int) -> None:
        fid = self.fund_combo.itemData(index)
        if fid and fid != self.fund_id:
            self.fund_id = fid
            self.refresh()

    def _show_figures(self, f: funds.FundFigures | None) -> None:
        labels = self.figure_labels
        if f is None:
            for label in labels.values():
                label.setText("—")
            self.sentence.setText("There are no funds in this file yet: add one with New fund.")
            self.summary_note.hide()
            return
        fc = f.forecast
        mean, median = f.mean_per_victim_pence, f.median_per_victim_pence
        labels["contributions"].setText(format_money(f.contributions_pence))
        labels["spent"].setText(format_money(f.spent_pence))
        labels["balance"].setText(format_money(f.balance_pence))
        labels["victims"].setText(str(f.victims))
        labels["mean"].setText("—" if mean is None else format_money(mean))
        labels["median"].setText("—" if median is None else format_money(median))
        labels["burn"].setText(f"{format_money(fc.burn_rate_pence)} a month" if fc.as_at else "—")
        labels["last_funded"].setText(fc.last_funded_month.label if fc.last_funded_month else "—")
        labels["runs_out"].setText(("⚠ " if fc.runs_out_before_end else "") + fc.exhaustion_month.label
                                   if fc.exhaustion_month else "Not at this rate")
        labels["at_end"].setText(f"{format_money(fc.left_at_end_pence)} left" if fc.left_at_end_pence >= 0
                                 else f"⚠ {format_money(-fc.left_at_end_pence)} missing")
        status = "open" if f.fund.status == "open" else "CLOSED"
        self.sentence.setText(f"{f.fund.name} ({status}, {format_uk_date(f.fund.starts_on)} to "
                              f"{format_uk_date(f.fund.ends_on)}; eligibility: {f.fund.rules.describe()}). "
                              + funds.forecast_sentence(f))
        if f.summary_rows:
            self.summary_note.setText(
                f"ⓘ {f.summary_rows} row(s) of this fund came as district summaries (no individual referrals): "
                "they are in every total, but the spend-per-victim distribution and median cover only the "
                "referrals recorded in detail in this file.")
            self.summary_note.show()
        else:
            self.summary_note.hide()

    def refilter(self) -> None:
        district = self.district_filter.currentText()
        predicate = None if district == "All districts" else (lambda r: r["district"] == district)
        for table in (self.referrals, self.lines):
            table.model.set_filter(self.search.text(), predicate)

    # -- editing -------------------------------------------------------------------------
    def edit(self, text: str, kind: str, key: str | None, action) -> Any:
        return push_edit(self.session.undo_stack, text, key=key, snap=lambda k: funds.snapshot(self.store, kind, k),
                         restore=lambda s: funds.restore(self.store, s),
                         absent=lambda k: funds.RowsSnapshot(kind, k, None), action=action, after=self._after)

    def _after(self) -> None:
        self.refresh()
        self.session.notify("costs")

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def _need_fund(self) -> str | None:
        if self.fund_id is None:
            prompts.show_error(self, "Choose a fund", "There is no fund yet: add one with New fund.")
        return self.fund_id

    def _fund_fields(self, fund: funds.Fund | None) -> list[Field]:
        rules = fund.rules if fund else None
        return [
            Field("name", "Name", value=fund.name if fund else ""),
            Field("purpose", "Purpose", "multiline", value=fund.purpose if fund else ""),
            Field("starts_on", "Starts", "date", value=fund.starts_on if fund else ""),
            Field("ends_on", "Ends", "date", value=fund.ends_on if fund else ""),
            Field("status", "Status", "choice", ("open", "closed"), fund.status if fund else "open"),
            Field("risk_levels", "Risk levels accepted", "choice", ("high", "high,medium", "high,medium,standard"),
                  ",".join(r for r in RISK_LEVELS if r in rules.risk_levels) if rules else "high"),
            Field("require_marac", "Must be at MARAC", "check", value=rules.require_marac if rules else True),
            Field("require_idva", "Must have an IDVA assigned", "check", value=rules.require_idva if rules else True),
            Field("require_perpetrator_not_resident", "Perpetrator must not live there", "check",
                  value=rules.require_perpetrator_not_resident if rules else True),
        ]

    def new_fund_dialog(self) -> FormDialog:
        def apply(v: dict) -> str:
            fund_id = self.edit(f"Add fund {v['name']}", "fund", None, lambda: funds.add_fund(self.store, **v))
            self.fund_id = fund_id
            self.refresh()
            return fund_id

        return self._open(FormDialog(self, "New fund", self._fund_fields(None), apply))

    def edit_fund_dialog(self) -> FormDialog | None:
        fund_id = self._need_fund()
        if fund_id is None:
            return None
        fund = funds.get_fund(self.store, fund_id)
        return self._open(FormDialog(self, f"Settings of {fund.name}", self._fund_fields(fund), lambda v: self.edit(
            f"Change {fund.name}", "fund", fund_id, lambda: funds.update_fund(self.store, fund_id, **v))))

    def contribution_dialog(self) -> FormDialog | None:
        fund_id = self._need_fund()
        if fund_id is None:
            return None
        fields = [Field("organisation", "Contributor", "choice", [o.name for o in list_organisations(self.store)]),
                  Field("amount", "Amount", "money"), Field("received_on", "Received", "date"), Field("note", "Note")]
        return self._open(FormDialog(self, "Contribution", fields, lambda v: self.edit(
            "Add contribution", "fund", fund_id, lambda: funds.add_contribution(self.store, fund_id, **v))))

    def referral_dialog(self) -> FormDialog | None:
        fund_id = self._need_fund()
        if fund_id is None:
            return None
        fund = funds.get_fund(self.store, fund_id)
        fields = [Field("reference", "Reference", hint="A pseudonymous code such as TH-2018-016 — never a name"),
                  Field("district", "District", "choice", [d.name for d in list_districts(self.store)]),
                  Field("referred_on", "Referred on", "date", value=self.today),
                  Field("risk_level", "Risk level", "choice", RISK_LEVELS),
                  Field("at_marac", "At MARAC", "check", value=True),
                  Field("idva_assigned", "IDVA assigned", "check", value=True),
                  Field("perpetrator_resident", "Perpetrator lives at the address", "check", value=False),
                  Field("override_reason", "Reason to accept if a rule is not met", "multiline")]
        return self._open(FormDialog(
            self, "Referral", fields,
            lambda v: self.edit(f"Add referral {v['reference']}", "referral", None,
                                lambda: funds.add_referral(self.store, fund_id, **v)),
            note=f"Record the victim by a reference and district only — never a name. "
                 f"This fund accepts: {fund.rules.describe()}."))

    def spend_dialog(self) -> FormDialog | None:
        fund_id = self._need_fund()
        if fund_id is None:
            return None
        referral = self.referrals.current()
        refs = [r["reference"] for r in (self.data.referrals if self.data else [])]
        fields = [Field("referral", "Referral", "choice", refs, referral["reference"] if referral else ""),
                  Field("spent_on", "Date", "date", value=self.today),
                  Field("item", "Item", "choice", [i["name"] for i in funds.list_items(self.store)]),
                  Field("amount", "Amount (blank: the usual price)", "money"),
                  Field("supplier", "Supplier (blank: the catalogue's)"), Field("invoice_ref", "Invoice")]

        def apply(v: dict) -> str:
            referral_id = funds.referral_id_by_reference(self.store, fund_id, v.pop("referral"))
            if referral_id is None:
                raise funds.FundError("Referral: choose one (add the referral first).")
            supplier = v.pop("supplier").strip() or None
            return self.edit("Add spend line", "referral", referral_id,
                             lambda: funds.add_spend_line(self.store, referral_id, supplier=supplier, **v))

        return self._open(FormDialog(self, "Spend line", fields, apply,
                                     warnings=lambda v: funds.name_warnings(supplier=v["supplier"])))

    def delete_spend_line(self) -> None:
        line = self.lines.current()
        if line is None:
            prompts.show_error(self, "Choose a spend line", "Select a spend line on the Spend lines page first.")
            return
        if prompts.ask(self, "Delete spend line", f"Delete {line['item']} ({format_money(line['amount_pence'])}) "
                       f"for {line['reference']}?", yes="Delete"):
            self.edit("Delete spend line", "referral", line["referral_id"],
                      lambda: funds.delete_spend_line(self.store, line["id"]))

    def item_dialog(self) -> FormDialog:
        item = self.items.current()
        fields = [Field("name", "Item", value=item["name"] if item else ""),
                  Field("usual_price", "Usual price", "money", value=item["usual_price_pence"] if item else ""),
                  Field("supplier", "Supplier", value=item["supplier"] if item else "")]

        def apply(v: dict) -> str:
            from safer_desk.domain.ids import reference_id

            existing = next((i["id"] for i in funds.list_items(self.store)
                             if i["name"].casefold() == v["name"].strip().casefold()), None)
            key = existing or (reference_id("item", v["name"]) if v["name"].strip() else None)
            if key is None:
                raise funds.FundError("Item: a name is required.")
            return self.edit(f"Catalogue: {v['name']}", "item", existing,
                             lambda: funds.save_item(self.store, v["name"], usual_price=v["usual_price"],
                                                     supplier=v["supplier"]))

        return self._open(FormDialog(self, "Catalogue item", fields, apply,
                                     note="Typing the name of an existing item changes its usual price and supplier.",
                                     warnings=lambda v: funds.name_warnings(supplier=v["supplier"])))

    # -- export and copy -------------------------------------------------------------------
    def export(self, path: str | None = None) -> Path | None:
        if self.data is None or self.data.figures is None:
            prompts.show_error(self, "Export", "There is no fund to export.")
            return None
        f = self.data.figures
        name = path or prompts.save_file_name(self, "Export the fund report", "Excel workbook (*.xlsx);;CSV (*.csv)",
                                              f"{f.fund.name}.xlsx")
        if not name:
            return None
        target = Path(name)
        rows = funds.fund_report_rows(f)
        try:
            if target.suffix.lower() == ".csv":
                write_csv(target, ["name", "value"], rows)
            else:
                target = target if target.suffix else target.with_suffix(".xlsx")
                write_xlsx(target, [
                    Sheet("Figures", ["Name", "Value"], rows, title=f.fund.name),
                    Sheet("Per month", ["Month", "Victims first supported", "Spend"],
                          [[m.label, v, p] for m, v, p in f.by_month], money_columns={2}),
                    Sheet("Per district", ["District", "Victims", "Spend"], [list(r) for r in f.by_district],
                          money_columns={2}),
                    Sheet("Per item", ["Item", "Spend lines", "Spend"], [list(r) for r in f.by_item], money_columns={2}),
                    Sheet("Per victim", ["Spend per victim", "Victims"], [list(r) for r in f.distribution]),
                    Sheet("Contributions", ["Contributor", "Amount"], [list(r) for r in f.contributors],
                          money_columns={1}),
                    Sheet("Forecast", ["Month", "Cumulative spend", "Kind"],
                          [[m.label, p, "actual"] for m, p in f.forecast.cumulative]
                          + [[m.label, p, "forecast"] for m, p in f.forecast.forecast_line[1:]], money_columns={1}),
                ])
        except OSError as exc:
            prompts.show_error(self, "Export", f"The fund report could not be written: {exc}")
            return None
        return target

    def copy_figures(self) -> str:
        if self.data is None or self.data.figures is None:
            return ""
        text = to_tsv([["Figure", "Value"], *funds.fund_report_rows(self.data.figures)])
        QGuiApplication.clipboard().setText(text)
        return text


__all__ = ["FundPage", "FundChart", "load_fund_data", "format_pounds_plain"]
