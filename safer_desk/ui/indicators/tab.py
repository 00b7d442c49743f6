"""The Indicators tab: a summary of every indicator with RAG, the chosen indicator's chart, and its figures.

A thin view over services.indicators: the summary table is the indicator picker
(sortable by RAG), the chart's curves are built once and updated with setData,
and figures typed or pasted into the grid are saved in one undoable step.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from safer_desk.domain.indicators import Rag, UNIT_LABELS, POLARITY_LABELS
from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.files import parse_tsv
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.ui import prompts
from safer_desk.ui.indicators.charts import MODE_LABELS, MODES, ChartData, IndicatorChart
from safer_desk.ui.table_model import CENTER, RIGHT, ROW_ROLE, Column, RawSortFilterProxy, RowTableModel
from safer_desk.ui.table_view import DataTableView
from safer_desk.ui.tabs import TabBase
from safer_desk.ui.kit.undo import push_service_action

RAG_COLOURS = {"red": "#f4c7c3", "amber": "#fce8b2", "green": "#b7e1cd", "grey": "#e0e0e0"}


def summary_columns() -> list[Column]:
    def view(r):
        return r.view

    return [
        Column("rag", "RAG", get=lambda r: r.rag.sort_key, show=lambda k: [x for x in Rag if x.sort_key == k][0].label,
               align=CENTER),
        Column("code", "Code", get=lambda r: r.indicator.code),
        Column("name", "Indicator", get=lambda r: r.indicator.name),
        Column("to", "To", get=lambda r: view(r).latest_label),
        Column("ytd", "Year to date", get=lambda r: None if view(r).ytd is None else view(r).ytd.value,
               show=None, align=RIGHT),
        Column("last", "Last year", get=lambda r: None if view(r).ytd_last is None else view(r).ytd_last.value,
               align=RIGHT),
        Column("change", "Change", get=lambda r: None if view(r).change is None else view(r).change.difference,
               align=RIGHT),
        Column("pct", "Change %", get=lambda r: None if view(r).change is None or view(r).change.percent is None
               else float(view(r).change.percent), align=RIGHT),
        Column("target", "Target", get=lambda r: svc.target_text(r.indicator, view(r).target)),
        Column("polarity", "Better when", get=lambda r: POLARITY_LABELS[r.indicator.polarity]),
    ]


class SummaryModel(RowTableModel):
    """The summary table: figures formatted by each row's unit, RAG as symbol and word with a tint."""

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        key = self.columns[index.column()].key
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            v = row.view
            if key == "ytd":
                return "" if v.ytd is None else row.indicator.format(v.ytd.value)
            if key == "last":
                return "" if v.ytd_last is None else row.indicator.format(v.ytd_last.value)
            if key == "change":
                return "" if v.change is None else v.change.signed_text()
            if key == "pct":
                return "" if v.change is None else v.change.signed_percent()
        if role == Qt.ItemDataRole.BackgroundRole and key == "rag":
            return QColor(RAG_COLOURS[row.rag.key])
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.view.headline()
        return super().data(index, role)


GRID_ROWS = ("Figure", "Numerator", "Denominator", "Comment", "Last year", "Cumulative", "Target (cum.)", "RAG")
EDITABLE_ROWS = {0, 1, 2, 3}


class ValuesGrid(QTableWidget):
    """Entry grid by period of the financial year; paste a row copied from Excel with Edit > Paste."""

    def __init__(self, parent=None):
        super().__init__(len(GRID_ROWS), 12, parent)
        self.setVerticalHeaderLabels(list(GRID_ROWS))
        self.setAccessibleName("Figures by period")
        self.setSelectionMode(QAbstractItemView.SelectionMode.ContiguousSelection)
        height = self.verticalHeader().defaultSectionSize() * (len(GRID_ROWS) + 1) + 24
        self.setMinimumHeight(min(height, 260))
        self.setMaximumHeight(height)
        self.dirty = False
        self.itemChanged.connect(self._changed)
        self._loading = False

    def _changed(self, item) -> None:
        if not self._loading:
            self.dirty = True

    def load(self, view: svc.YearView, editable: bool) -> None:
        self._loading = True
        try:
            unit = view.indicator.unit
            fmt = view.indicator.format  # a rate says "per 100,000" when it is per 100,000
            if self.columnCount() != len(view.periods):
                self.setColumnCount(len(view.periods))
            self.setHorizontalHeaderLabels(view.labels)
            ratio = unit != "count"
            self.setRowHidden(1, not ratio)
            self.setRowHidden(2, not ratio)
            for col in range(len(view.periods)):
                fig = view.this_year[col]
                last = view.last_year[col] if col < len(view.last_year) else None
                cells = [
                    "" if fig is None or fig.value is None else _plain(fig.value),
                    "" if fig is None or fig.numerator is None else _plain(fig.numerator),
                    "" if fig is None or fig.denominator is None else _plain(fig.denominator),
                    view.comments[col],
                    "" if last is None or last.value is None else fmt(last.value),
                    fmt(view.cumulative[col]),
                    fmt(view.target_at[col]),
                    ("" if fig is None else "\u2013" if not view.period_rags[col].judged
                     else view.period_rags[col].label),
                ]
                for row, text in enumerate(cells):
                    item = self.item(row, col)
                    if item is None:  # items are made once and reused: switching indicators stays cheap
                        item = QTableWidgetItem()
                        if row != 3:
                            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                        self.setItem(row, col, item)
                    flags = Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEnabled
                    # A partnership's or county's figure derived from its districts' is shown, not typed over.
                    if editable and row in EDITABLE_ROWS and not view.is_derived_at(col) and not (
                            ratio and row == 0 and fig is not None and fig.numerator is not None):
                        flags |= Qt.ItemFlag.ItemIsEditable
                    needs_comment = (fig is not None and view.period_rags[col] is Rag.RED
                                     and not view.comments[col].strip())
                    if row == 7 and fig is not None:
                        item.setBackground(QColor(RAG_COLOURS[view.period_rags[col].key]))
                    elif row in (3, 7):
                        item.setBackground(QColor(Qt.GlobalColor.transparent))
                    if row == 3 and needs_comment:
                        item.setBackground(QColor(RAG_COLOURS["red"]))
                    if row in (3, 7):
                        item.setToolTip("Red against target: a comment saying why is needed." if needs_comment
                                        else view.comments[col] if row == 3 else "")
                    item.setFlags(flags)
                    item.setText(text)
            width = 74 if len(view.periods) > 4 else 150
            for col in range(self.columnCount()):
                self.setColumnWidth(col, width)
        finally:
            self._loading = False
        self.dirty = False

    def period_values(self, periods: list[str], unit: str) -> list[PeriodValue]:
        """The grid's figures as PeriodValues; raises ValueError naming the cell for text that is not a number."""
        out = []
        for col, period in enumerate(periods):
            def num(row: int) -> float | None:
                item = self.item(row, col)
                text = "" if item is None else item.text().strip().replace(",", "").rstrip("%")
                if not text:
                    return None
                try:
                    return float(text)
                except ValueError:
                    raise ValueError(f"{GRID_ROWS[row]} for {self.horizontalHeaderItem(col).text()}: "
                                     f"“{item.text()}” is not a number.") from None
            comment_item = self.item(3, col)
            numerator, denominator = (num(1), num(2)) if unit != "count" else (None, None)
            value = None if numerator is not None else num(0)
            out.append(PeriodValue(period, value, numerator, denominator,
                                   "" if comment_item is None else comment_item.text().strip()))
        return out

    def paste_rows(self) -> bool:
        """Paste cells copied from Excel at the current cell (a row of twelve months fills the year)."""
        rows = parse_tsv(QGuiApplication.clipboard().text())
        return self.paste_table(rows)

    def paste_table(self, rows: list[list[str]]) -> bool:
        start_row, start_col = max(self.currentRow(), 0), max(self.currentColumn(), 0)
        pasted = False
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                row, col = start_row + r, start_col + c
                if row >= self.rowCount() or col >= self.columnCount():
                    continue
                item = self.item(row, col)
                if item is None or not item.flags() & Qt.ItemFlag.ItemIsEditable:
                    continue
                item.setText(text.strip())
                pasted = True
        return pasted


def _plain(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:.4f}".rstrip("0").rstrip(".")


class IndicatorsTab(TabBase):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.store = session.store
        self.year: FinancialYear | None = None
        self.area_id: str | None = None
        self.view: svc.YearView | None = None
        self._indicator_id: str | None = None
        self._reloading_in_steps = False

        self.area_combo = QComboBox(self)
        self.area_combo.setAccessibleName("Area")
        self.area_combo.setMinimumContentsLength(18)
        self.year_combo = QComboBox(self)
        self.year_combo.setAccessibleName("Financial year")
        self.mode_combo = QComboBox(self)
        self.mode_combo.setAccessibleName("Chart")
        for mode in MODES:
            self.mode_combo.addItem(MODE_LABELS[mode], mode)
        self.bars_check = QCheckBox("&Bars", self)
        self.bars_check.setChecked(True)
        self.bars_check.setAccessibleName("Show months as bars")
        self.export_button = QPushButton("E&xport Chart…", self)
        self.import_button = QPushButton("&Import Figures…", self)
        self.indicator_button = QPushButton("I&ndicator and Target…", self)
        self.save_button = QPushButton("&Save Figures", self)
        self.save_button.setAccessibleName("Save the figures in the grid")

        top = QHBoxLayout()
        for label, widget in (("&Area:", self.area_combo), ("&Year:", self.year_combo), ("C&hart:", self.mode_combo)):
            lab = QLabel(label, self)
            lab.setBuddy(widget)
            top.addWidget(lab)
            top.addWidget(widget)
        top.addWidget(self.bars_check)
        top.addStretch(1)
        for b in (self.indicator_button, self.import_button, self.export_button):
            top.addWidget(b)

        self.summary_model = SummaryModel(summary_columns(), [], self)
        self.summary_proxy = RawSortFilterProxy(self)
        self.summary_proxy.setSourceModel(self.summary_model)
        self.summary_view = DataTableView(self, accessible_name="Summary of indicators")
        self.summary_view.setModel(self.summary_proxy)
        self.summary_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary_view.verticalHeader().setVisible(False)

        self.headline = QLabel(self)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("What the figures say")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QLabel(self)
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #444")
        self.chart = IndicatorChart(self)
        self.grid = ValuesGrid(self)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.headline)
        rl.addWidget(self.details)
        rl.addWidget(self.chart, 1)
        grid_bar = QHBoxLayout()
        grid_bar.addWidget(QLabel("Figures (type, or paste a row copied from Excel; a red period needs a comment):"))
        grid_bar.addStretch(1)
        grid_bar.addWidget(self.save_button)
        rl.addLayout(grid_bar)
        rl.addWidget(self.grid)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.summary_view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([520, 760])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        editable = not session.read_only
        for w in (self.save_button, self.import_button, self.indicator_button):
            w.setEnabled(editable)
        # Opening the tab only reads: the reference districts and partnerships are listed without being
        # copied into the file (services.indicators.list_areas), and are added when a figure is saved.
        self._fill_areas()
        self._fill_years()
        self.area_combo.currentIndexChanged.connect(self._area_changed)
        self.year_combo.currentIndexChanged.connect(self._area_or_year_changed)
        self.mode_combo.currentIndexChanged.connect(lambda _: self.refresh_chart())
        self.bars_check.toggled.connect(lambda _: self.refresh_chart())
        self.summary_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.save_button.clicked.connect(self.save_figures)
        self.export_button.clicked.connect(self.export_chart)
        self.import_button.clicked.connect(self.import_figures)
        self.indicator_button.clicked.connect(self.edit_indicator)
        session.data_changed.connect(self._data_changed)
        self._area_or_year_changed()

    # -- choices ------------------------------------------------------------------------------
    def _fill_areas(self) -> None:
        current = self.area_combo.currentData()
        self.area_combo.blockSignals(True)
        self.area_combo.clear()
        # Areas with figures first, then the rest of the reference areas (to start entering figures).
        with_values = svc.list_areas(self.store, with_values_only=True)
        have = {a.id for a in with_values}
        others = [a for a in svc.list_areas(self.store) if a.id not in have]
        for a in with_values + others:
            self.area_combo.addItem(a.name if a.kind == "district" else f"{a.name} ({a.kind})", a.id)
        if with_values and others:
            self.area_combo.insertSeparator(len(with_values))
        # findData(None) would match the separator, which has no data: only look up a real choice.
        i = self.area_combo.findData(current) if current is not None else -1
        if i < 0:
            i = max(0, self.area_combo.findData("district:plymouth"))
        self.area_combo.setCurrentIndex(i)
        self.area_combo.blockSignals(False)

    def _fill_years(self) -> None:
        current = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        years = (svc.years_with_values(self.store, area_id=self.area_combo.currentData())
                 or svc.years_with_values(self.store) or [FinancialYear.of(date.today())])
        for y in years:
            self.year_combo.addItem(y.label, y.start_year)
        i = self.year_combo.findData(current)
        self.year_combo.setCurrentIndex(i if i >= 0 else len(years) - 1)
        self.year_combo.blockSignals(False)

    def select_area(self, area_id: str) -> None:
        i = self.area_combo.findData(area_id)
        if i >= 0:
            self.area_combo.setCurrentIndex(i)

    def select_year(self, year: FinancialYear) -> None:
        i = self.year_combo.findData(year.start_year)
        if i >= 0:
            self.year_combo.setCurrentIndex(i)

    def select_indicator(self, name_or_id: str) -> None:
        ind = svc.get_indicator(self.store, name_or_id)
        for r in range(self.summary_proxy.rowCount()):
            row = self.summary_proxy.index(r, 0).data(ROW_ROLE)
            if row is not None and row.indicator.id == ind.id:
                self.summary_view.selectionModel().setCurrentIndex(
                    self.summary_proxy.index(r, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return
        self.show_indicator(ind.id)

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(MODES.index(mode))

    # -- refresh ------------------------------------------------------------------------------
    def _area_changed(self, *_) -> None:
        self._fill_years()
        self._area_or_year_changed()

    def _area_or_year_changed(self, *_) -> None:
        self.area_id = self.area_combo.currentData()
        start = self.year_combo.currentData()
        self.year = FinancialYear(start) if start is not None else None
        self.refresh_summary()

    def refresh_summary(self, *, defer_chart: bool = False) -> None:
        if self.area_id is None or self.year is None:
            self.summary_model.set_rows([])
            return
        keep = self._indicator_id
        rows = svc.summary(self.store, self.area_id, self.year, include=[keep] if keep else [])
        self.summary_model.set_rows(rows)
        self.summary_view.size_columns_to_visible(190)
        if rows:
            ids = [r.indicator.id for r in rows]
            chosen = keep if keep in ids else ids[0]
            if defer_chart:
                QTimer.singleShot(0, self, lambda: self.select_indicator(chosen))
            else:
                self.select_indicator(chosen)
        else:
            self.show_indicator(None)

    def _row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        row = self.summary_proxy.index(current.row(), 0).data(ROW_ROLE)
        if row is not None:
            self.show_indicator(row.indicator.id)

    def show_indicator(self, indicator_id: str | None) -> None:
        """Show one indicator for the chosen area and year (chart, words, figures)."""
        self._indicator_id = indicator_id
        if indicator_id is None or self.area_id is None or self.year is None:
            self.view = None
            self.headline.setText("No indicator figures for this area yet: import police data (File menu) or "
                                  "add an indicator.")
            self.details.setText("")
            self.chart.show_data("year", ChartData([], {}))
            return
        self.view = svc.year_view(self.store, indicator_id, self.area_id, self.year)
        v = self.view
        ind = v.indicator
        rag = "" if v.rag is Rag.GREY else f" — RAG: {v.status_label()}"
        self.headline.setText(f"<b>{_html(ind.label)}</b>{_html(rag)}<br>{_html(v.headline())}")
        bits = [UNIT_LABELS[ind.unit], POLARITY_LABELS[ind.polarity], ind.frequency,
                v.target_words(), ind.tolerance_text]
        if v.is_derived:
            bits.append(v.derived_text())
        elif ind.source:
            bits.append(f"source: {ind.source}")
        names = [n for n in svc.source_names(self.store, self.area_id) if n and n != self.area_combo.currentText()]
        if names:
            bits.append("police counts include " + ", ".join(names))
        self.details.setText(" · ".join(bits))
        self.grid.load(v, editable=not self.session.read_only)
        self.refresh_chart()

    def chart_data(self, mode: str) -> ChartData:
        v = self.view
        if v is None:
            return ChartData([], {})
        ind, unit = v.indicator, v.indicator.unit
        months = [lab.split("-")[0] if ind.frequency == "monthly" else lab.split(" ")[0] for lab in v.labels]
        this_label, last_label = v.year.label, v.year.previous().label
        if mode == "year":
            return ChartData(months, {this_label: v.values, last_label: v.values_last}, unit,
                             f"{ind.name}: {this_label} against {last_label}")
        if mode == "cumulative":
            series = {f"{this_label} cumulative": v.cumulative, f"{last_label} cumulative": v.cumulative_last}
            if v.target is not None:
                series["Target"] = v.target_at
            return ChartData(months, series, unit, f"{ind.name}: cumulative against target")
        if mode == "rolling":
            points = svc.rolling_12_months(self.store, ind, self.area_id)
            labels = [svc.period_label(p) for p, _ in points]
            return ChartData(labels, {"12 months to": [val for _, val in points]}, unit,
                             f"{ind.name}: rolling 12 months")
        # Several areas on one chart: the chosen area first, then the others with the most figures.
        views = [(a, svc.area_values(self.store, ind, a.id, v.year))
                 for a in svc.areas_with_values(self.store, ind.id)]
        views.sort(key=lambda av: (av[0].id != self.area_id, -sum(x or 0 for x in av[1])))
        series = {a.name: values for a, values in views[:8]}
        return ChartData(months, series, unit, f"{ind.name}: areas compared, {this_label}")

    def refresh_chart(self) -> None:
        mode = self.mode_combo.currentData()
        self.bars_check.setEnabled(mode == "year")
        self.chart.show_data(mode, self.chart_data(mode), bars=self.bars_check.isChecked())

    def _data_changed(self, area: str) -> None:
        if area in ("", "indicators"):
            if self._reloading_in_steps:
                self._reloading_in_steps = False  # already refreshing (after an import)
                return
            self.reload()

    def reload(self) -> None:
        """Refill the choices, the summary and the chart from the file (after an import or an edit)."""
        self._fill_areas()
        self._fill_years()
        self._area_or_year_changed()

    def reload_in_steps(self) -> None:
        """The same as reload, in two turns of the event loop so the window never stalls on a big file."""
        self._reloading_in_steps = True
        self._fill_areas()
        self._fill_years()
        QTimer.singleShot(0, self, self._staged_summary)

    def _staged_summary(self) -> None:
        self.area_id = self.area_combo.currentData()
        start = self.year_combo.currentData()
        self.year = FinancialYear(start) if start is not None else None
        self.refresh_summary(defer_chart=True)

    # -- actions ------------------------------------------------------------------------------
    def save_figures(self) -> bool:
        """Save the grid's figures and comments in one undoable step."""
        v = self.view
        if v is None or self.session.read_only:
            return False
        try:
            values = self.grid.period_values(v.periods, v.indicator.unit)
        except ValueError as exc:
            prompts.show_error(self, "Figures not saved", str(exc))
            return False
        stored = svc.snapshot_values(self.store, v.indicator.id, v.area_id, v.periods)
        # Only the periods that changed are saved (and need a comment if they turn red).
        changed = [(new, old) for new, old in zip(values, stored) if not _same(new, old)]
        if not changed:
            return True
        values = [new for new, _ in changed]
        before = [old for _, old in changed]
        ind_id, area_id = v.indicator.id, v.area_id
        try:
            svc.validate_values(self.store, ind_id, area_id, values)
        except ValueError as exc:
            prompts.show_error(self, "Figures not saved", str(exc))
            return False

        def do():
            svc.save_values(self.store, ind_id, area_id, values)

        def undo():
            svc.save_values(self.store, ind_id, area_id, before, require_red_comments=False)

        try:
            push_service_action(self.session.undo_stack, f"Save figures of {v.indicator.name}", do, undo,
                                 after=self._after_change, tab="indicators")
        except ValueError as exc:
            prompts.show_error(self, "Figures not saved", str(exc))
            return False
        return True

    def _after_change(self) -> None:
        self.session.notify("indicators")

    def export_chart(self) -> None:
        name = prompts.save_file_name(self, "Export Chart", "PNG image (*.png);;SVG drawing (*.svg)",
                                      "indicator-chart.png")
        if not name:
            return
        try:
            self.chart.export(name)
        except (OSError, ValueError) as exc:
            prompts.show_error(self, "Chart not exported", str(exc))

    def import_figures(self) -> None:
        from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

        name = prompts.open_file_name(self, "Import Figures", "Figures (*.csv *.xlsx);;All files (*)")
        if not name:
            return
        dialog = ImportFiguresDialog(self.session, self)
        if dialog.load(name):
            dialog.open()
        self._import_dialog = dialog

    def edit_indicator(self) -> None:
        from safer_desk.ui.indicators.dialogs import IndicatorDialog

        dialog = IndicatorDialog(self.session, self.view, self.area_id, self.year, self)
        dialog.open()
        self._indicator_dialog = dialog


def _same(a: PeriodValue, b: PeriodValue) -> bool:
    def norm(x):
        return None if x is None else float(x)

    if (a.comment or "") != (b.comment or ""):
        return False
    if a.numerator is not None or b.numerator is not None:
        return norm(a.numerator) == norm(b.numerator) and norm(a.denominator) == norm(b.denominator)
    return norm(a.value) == norm(b.value)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
