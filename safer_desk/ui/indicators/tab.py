"""The Indicators tab: every indicator's RAG for an area and year, the chosen one's words, chart and figures.

A thin view over ``presenters.indicators.IndicatorsPresenter``: the presenter holds the area, year and
indicator in view and the figures typed into the grid (``FiguresEditor``); this file shows them and
forwards clicks and keys. Clicking another indicator, area or year with typed figures asks Save /
Discard / Cancel (the window's guard, through ``presenter.may_leave``), and the window title carries
the modified marker while the grid holds typed figures.
"""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, QTimer
from PySide6.QtWidgets import (QAbstractItemView, QCheckBox, QComboBox, QCompleter, QFrame, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QScrollArea, QSizePolicy, QSplitter, QStackedWidget, QVBoxLayout,
                               QWidget)

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import ChartMode, IndicatorsPresenter, bars_label, read_only_words
from safer_desk.services import indicators as svc
from safer_desk.ui import prompts, settings
from safer_desk.ui.indicators.grid import ValuesGrid
from safer_desk.ui.indicators.models import SummaryModel, summary_columns
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.flow import FlowRow, together
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.table_view import DataTableView, height_for_rows
from safer_desk.ui.kit.tables import ROW_ROLE, SortProxy
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.tabs import TabBase
from safer_desk.ui.kit.colours import alert_style, quiet_style, themed

SPLITTER_KEY = "indicators/splitter"
RAG_MOST, RAG_AND_NAME, NAME_LEAST = 104, 272, 120  # the summary's RAG and Indicator columns at 1093x582
RIGHT_SPLITTER_KEY = "indicators/right-splitter"


class IndicatorsTab(TabBase):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.store = session.store
        self.presenter = IndicatorsPresenter(
            self.store, read_only=session.read_only,
            perform=self._perform)
        self._syncing = False

        self.area_combo = ChoiceBox(self)
        self.area_combo.setAccessibleName("Area")
        self.area_combo.setMinimumContentsLength(16)
        self.area_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.area_search = QLineEdit(self)
        self.area_search.setPlaceholderText("Other areas: type a name")
        self.area_search.setAccessibleName("Find another area")
        self.area_search.setClearButtonEnabled(True)
        self.area_search.setMaximumWidth(190)
        self._completer = QCompleter([], self)
        self._completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.area_search.setCompleter(self._completer)
        self.find_note = NamedLabel(parent=self)  # what Find found no area for, said under the top row
        self.find_note.setWordWrap(True)
        themed(self.find_note, alert_style)
        self.find_note.setAccessibleName("Find found no area")
        self.find_note.hide()
        self.year_combo = ChoiceBox(self)
        self.year_combo.setAccessibleName("Financial year")
        self.mode_combo = ChoiceBox(self)
        self.mode_combo.setAccessibleName("Chart")
        for mode in ChartMode:
            self.mode_combo.addItem(mode.label, mode.value)
        # Alt+N: each of B, A, R and S is taken on this page (Alt+B opened the Bars box and the Budgets tab by turns).
        self.bars_check = QCheckBox(bars_label("monthly")[0], self)
        self.bars_check.setChecked(True)
        self.bars_check.setAccessibleName(bars_label("monthly")[1])
        self.export_button = QPushButton("E&xport Chart…", self)
        self.import_button = QPushButton("I&mport Figures…", self)
        self.indicator_button = QPushButton("Indicat&or and Target…", self)
        self.framework_button = QPushButton("Base&line and Benchmarks…", self)
        self.framework_button.setToolTip("The baseline, regional and national benchmarks, a milestone's date and when "
                                         "it was achieved, an estimated RAG, and the target withdrawn, of the "
                                         "indicator in view")
        self.save_button = QPushButton("&Save Figures", self)
        self.save_button.setAccessibleName("Save the figures typed in the grid")
        self.discard_button = QPushButton("Discard &Typed", self)
        self.discard_button.setAccessibleName("Discard the figures typed in the grid")

        # Onto a second line where the window is narrow: side by side the row needed 1110 pixels with a 12 pt font,
        # so on a laptop at 125% the tab scrolled sideways, Import Figures… off the window and Find squeezed to 36.
        top = FlowRow()
        top.setContentsMargins(4, 4, 4, 0)
        self.area_search.setMinimumWidth(12 * self.area_search.fontMetrics().averageCharWidth())  # typing read
        for label, widget in (("A&rea:", self.area_combo), ("Fin&d:", self.area_search), ("&Year:", self.year_combo)):
            lab = QLabel(label, self)
            lab.setBuddy(widget)
            top.addWidget(together(lab, widget, parent=self, stretch_last=True))
        top.addStretch(1)
        for b in (self.indicator_button, self.framework_button, self.import_button):
            top.addWidget(b)

        self.summary_model = SummaryModel(summary_columns(), [], self, noun="indicator")
        self.summary_proxy = SortProxy(self)
        self.summary_proxy.setSourceModel(self.summary_model)
        # Ctrl+V: the chosen indicator's figures, as Edit > Paste from here (the window's Ctrl+V never reaches a table).
        self.summary_view = DataTableView(self, accessible_name="Summary of indicators", on_paste=self.paste_rows)
        self.summary_view.setModel(self.summary_proxy)
        self.summary_proxy.layoutChanged.connect(self._shown_again)
        self.summary_proxy.rowsInserted.connect(self._shown_again)
        self.summary_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.summary_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.summary_view.verticalHeader().setVisible(False)
        self.summary_view.setWordWrap(False)
        self.summary_view.on_edit = self.edit_indicator
        self.summary_view.on_delete = self.delete_indicator  # on a file open read-only, it says why not
        self.summary_view.on_export = self.export_summary
        self.summary_view.keep_in_sight(self.summary_model.column_index("name"))  # scrolled sideways, names in sight

        self.headline = NamedLabel(parent=self)
        self.headline.setWordWrap(True)
        self.headline.setAccessibleName("What the figures say")
        self.headline.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = NamedLabel(parent=self)
        self.details.setWordWrap(True)
        themed(self.details, quiet_style)
        self.details.setAccessibleName("About the indicator")

        from safer_desk.ui.indicators.charts import IndicatorChart

        self.chart = IndicatorChart(self)
        self.chart_summary = NamedLabel(parent=self)
        self.chart_summary.setWordWrap(True)
        self.chart_summary.setAccessibleName("Chart in words")
        themed(self.chart_summary, quiet_style)
        self.empty_state = NamedLabel(parent=self)
        self.empty_state.setWordWrap(True)
        self.empty_state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_state.setAccessibleName("No figures yet")
        self.chart_stack = QStackedWidget(self)
        self.chart_stack.addWidget(self.chart)
        self.chart_stack.addWidget(self.empty_state)
        self.grid = ValuesGrid(self)
        self.grid.on_save = self.save_figures
        self.grid.on_discard = self.discard_typed
        self.grid_messages = NamedLabel(parent=self)
        self.grid_messages.setWordWrap(True)
        themed(self.grid_messages, alert_style)
        self.grid_messages.setAccessibleName("Messages about the figures")

        chart_box = QWidget(self)
        cl = QVBoxLayout(chart_box)
        cl.setContentsMargins(0, 0, 0, 0)
        chart_bar = QHBoxLayout()
        show_label = QLabel("Sho&w:", self)
        show_label.setBuddy(self.mode_combo)
        chart_bar.addWidget(show_label)
        chart_bar.addWidget(self.mode_combo)
        chart_bar.addWidget(self.bars_check)
        chart_bar.addStretch(1)
        chart_bar.addWidget(self.export_button)
        cl.addLayout(chart_bar)
        cl.addWidget(self.chart_stack, 1)
        self.chart_words = ChartWords(self.chart_summary, self)
        cl.addWidget(self.chart_words)

        grid_box = QWidget(self)
        gl = QVBoxLayout(grid_box)
        gl.setContentsMargins(0, 0, 0, 0)
        grid_bar = QHBoxLayout()
        grid_label = QLabel("Fi&gures (type, or paste a row copied from Excel; a red period needs a comment):", self)
        grid_label.setBuddy(self.grid)
        grid_label.setWordWrap(True)
        grid_bar.addWidget(grid_label, 1)
        grid_bar.addWidget(self.discard_button)
        grid_bar.addWidget(self.save_button)
        gl.addLayout(grid_bar)
        gl.addWidget(self.grid, 1)
        gl.addWidget(self.grid_messages)

        self.right_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.right_splitter.addWidget(chart_box)
        self.right_splitter.addWidget(grid_box)
        self.right_splitter.setChildrenCollapsible(False)
        # The left: every indicator, then what the chosen one's figures say; the right: its chart and figures.
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.summary_view, 1)
        ll.addWidget(self.headline)
        # The words about the indicator scroll under the list where the pane is short: a derived county figure's run
        # to fifteen lines with a 12 pt font, and at 1093x582 they left one indicator of the list in view.
        self.details_box = ScrollingWords(self.details, self)
        ll.addWidget(self.details_box)
        self.summary_view.setMinimumHeight(height_for_rows(self.summary_view, 5))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.right_splitter)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setStretchFactor(0, 11)
        self.splitter.setStretchFactor(1, 9)
        self.splitter.setSizes([600, 490])
        self.right_splitter.setSizes([320, 220])
        settings.remember_splitter(self.splitter, SPLITTER_KEY)
        settings.remember_splitter(self.right_splitter, RIGHT_SPLITTER_KEY)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.find_note)
        layout.addWidget(self.splitter, 1)
        # Tab follows the screen: the top row left to right, the indicators, then the chart's row, the chart (Ctrl+C
        # copies its figures: a click only reached it) and the figures (it went from Year down to the chart's row,
        # then back up to the top row's buttons right to left).
        order = [self.area_combo, self.area_search, self.year_combo, self.indicator_button, self.framework_button,
                 self.import_button, self.summary_view, self.mode_combo, self.bars_check, self.export_button,
                 self.chart, self.discard_button, self.save_button, self.grid]
        for before, after in zip(order, order[1:]):
            QWidget.setTabOrder(before, after)

        # A file open read-only: nothing to import; the indicator's form and its baseline and benchmarks open to be
        # read (Close only), as Change… does in the records' lists (greyed, the benchmarks could not be seen on the
        # tab).
        self.import_button.setEnabled(not session.read_only)
        if session.read_only:
            for w in (self.indicator_button, self.framework_button):
                w.setToolTip(" ".join(filter(None, [w.toolTip(), "The file is open read-only: the form opens to be "
                                                                 "read, not changed."])))
        self.area_combo.activated.connect(self._area_chosen)
        self.area_search.returnPressed.connect(self._search_chosen)
        self.area_search.textEdited.connect(lambda _text: self._say_found(""))
        self._completer.activated.connect(lambda _text: self._search_chosen())
        self.year_combo.activated.connect(self._year_chosen)
        self.mode_combo.currentIndexChanged.connect(lambda _: self.refresh_chart())
        self.bars_check.toggled.connect(lambda _: self.refresh_chart())
        self.summary_view.selectionModel().currentRowChanged.connect(self._row_changed)
        self.save_button.clicked.connect(self.save_figures)
        self.discard_button.clicked.connect(self.discard_typed)
        self.export_button.clicked.connect(self.export_chart)
        self.import_button.clicked.connect(self.import_figures)
        self.indicator_button.clicked.connect(self.edit_indicator)
        self.framework_button.clicked.connect(self.edit_framework)
        self.presenter.figures.changed.connect(self._figures_changed)
        self.watch_unsaved(self.presenter.changed)
        self._reload_pending = False  # reload_in_steps has a reload waiting for the next turn
        session.data_changed.connect(self._data_changed)
        self.presenter.load()
        self.show_all()

    def _perform(self, action):
        """Every action of the tab goes on the window's undo stack; after it (and its undo) the tab shows the file."""
        first = action.after

        def after():
            if first is not None:
                first()
            self.show_all()

        action.after = after
        return push_action(self.session.undo_stack, action)

    # -- showing the presenter --------------------------------------------------------------------
    def _ask(self, text: str):
        return prompts.ask_unsaved(self, "Unsaved figures", text)

    def show_all(self) -> None:
        """Show everything the presenter holds: the choices, the summary, the chosen indicator."""
        self._syncing = True
        try:
            self._fill_areas()
            self._fill_years()
            self.summary_model.set_rows(self.presenter.rows)
            self._size_columns()
            self._select_row(self.presenter.selected)
        finally:
            self._syncing = False
        self.show_indicator()

    def _size_columns(self) -> None:
        """Columns sized to their figures, the key ones capped so RAG to Target fit a 1366x768 laptop at 125%. The
        RAG's word is never cut: every grey state has one symbol and tint, so "○ No figure recorded" and "○ Target
        to be confirmed" are told apart by the word alone (nothing said by colour). A RAG wider than 104 pixels
        takes its room from the names (cut short, whole in the details under the table), down to NAME_LEAST."""
        view, model = self.summary_view, self.summary_model
        view.size_columns_to_visible(200)
        rag = view.columnWidth(model.column_index("rag"))
        name = max(NAME_LEAST, RAG_AND_NAME - max(rag, RAG_MOST))
        for key, most in (("name", name), ("ytd", 84), ("change", 66), ("target", 120)):
            column = model.column_index(key)
            view.fit_column(column, min(view.columnWidth(column), most))

    def _fill_areas(self) -> None:
        p = self.presenter
        combo = self.area_combo
        combo.blockSignals(True)
        combo.clear()
        group = None
        choices = p.area_choices()
        for choice in choices:
            if group is not None and choice.group != group:
                combo.insertSeparator(combo.count())
            group = choice.group
            combo.addItem(choice.label, choice.id)
        combo.setCurrentIndex(max(0, combo.findData(p.area_id)) if p.area_id is not None else -1)
        combo.blockSignals(False)
        self._completer.model().setStringList([c.label for c in p.search_areas("", limit=0, listed=choices)])

    def _fill_years(self) -> None:
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in self.presenter.years():
            self.year_combo.addItem(y.label, y.start_year)
        if self.presenter.year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(self.presenter.year.start_year))
        self.year_combo.blockSignals(False)

    def _select_row(self, indicator_id: str | None) -> None:
        """The indicator's row chosen; none where a filter hides it (the row the filter left current is not the
        indicator in view, and Del on it asked about the one in view): chosen again once shown (``_shown_again``)."""
        for r in range(self.summary_proxy.rowCount()):
            row = self.summary_proxy.index(r, 0).data(ROW_ROLE)
            if row is not None and row.indicator.id == indicator_id:
                self.summary_view.selectionModel().setCurrentIndex(
                    self.summary_proxy.index(r, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return
        if indicator_id is not None:
            self.summary_view.selectionModel().clear()

    def _shown_again(self, *_: object) -> None:
        """The list filtered again: the row of the indicator in view chosen if it is shown and none is."""
        if not self._syncing and not self.summary_view.currentIndex().isValid():
            self._reselect()

    def show_indicator(self) -> None:
        p = self.presenter
        v = p.view
        if v is None:
            self.headline.setText(p.headline())
            self.details.setText("")
        else:
            first, _, rest = p.headline().partition("\n")
            self.headline.setText(f"<b>{_html(first)}</b><br>{_html(rest)}")
            self.details.setText(p.details())
        self.details_box.updateGeometry()  # as tall as the words now, where there is the room
        if self.grid.editor is not p.figures or self.grid.shown_grid is not p.figures.grid:
            self._figures_changed()  # shows the grid as well (unless loading the figures just did)
        self.refresh_chart()

    def _figures_changed(self, *_) -> None:
        f = self.presenter.figures
        dirty = f.is_dirty and not self.session.read_only
        self.save_button.setEnabled(dirty)
        self.discard_button.setEnabled(dirty)
        lines = f.messages()
        if f.form_message:
            lines.insert(0, f.form_message)
        if f.grid is not None:
            needs = [f.grid.labels[c] for c, cell in enumerate(f.grid.row(svc.GRID_COMMENT).cells)
                     if cell.needs_comment]
            if needs:
                lines.append(f"Red against target in {', '.join(needs)}: add a comment saying why (▲ in the RAG row).")
        self.grid_messages.setText("\n".join(lines))
        self.grid_messages.setVisible(bool(lines))
        if not self.grid._loading and (f.grid is not None or self.grid.shown_grid is not None):
            self.grid.show_editor(f)  # none chosen: the grid shown before goes too

    def refresh_chart(self) -> None:
        mode = ChartMode.parse(self.mode_combo.currentData())
        self.bars_check.setEnabled(mode == ChartMode.YEAR)
        if self.presenter.view is not None:  # named for the periods its bars are
            text, name = bars_label(self.presenter.view.indicator.frequency)
            self.bars_check.setText(text)
            self.bars_check.setAccessibleName(name)
        data = self.presenter.chart(mode)
        no_chart = self.presenter.view is None or data.empty and mode != ChartMode.ROLLING
        if no_chart:
            self.empty_state.setText(self.presenter.empty_message() if self.presenter.view is None
                                     else self.presenter.no_chart_text(data.title))
            self.chart_stack.setCurrentWidget(self.empty_state)
        else:
            self.chart_stack.setCurrentWidget(self.chart)
        self.chart.show_data(mode.value, data, bars=self.bars_check.isChecked())
        # The chart in words is of a chart drawn: with none, the chart's place says why (once, not again under it).
        self.chart_summary.setText("" if no_chart else data.summary)
        self.chart_summary.setVisible(not no_chart)
        self.chart_words.setVisible(not no_chart)
        self.chart_words.updateGeometry()  # as many lines as the words take now, up to its most
        # Nothing drawn, nothing to export (it saved a blank picture without a word); the tip says why.
        self.export_button.setEnabled(not no_chart)
        self.export_button.setToolTip("There is no chart to export: the chart's place says why" if no_chart
                                      else "Save the chart as a PNG picture or an SVG drawing")

    # -- choices (each asks about typed figures first) -------------------------------------------
    def _area_chosen(self, index: int) -> None:
        area_id = self.area_combo.itemData(index)
        if area_id is None or self._syncing:
            return
        if self.presenter.choose_area(area_id, self._ask):
            self.show_all()
        else:
            self._fill_areas()

    def _search_chosen(self) -> None:
        chosen, why = self.presenter.find_area(self.area_search.text())
        self._say_found(why)
        if chosen is not None and self.presenter.choose_area(chosen.id, self._ask):
            self.area_search.clear()
            self.show_all()

    def _say_found(self, why: str) -> None:
        self.find_note.setText(why)
        self.find_note.setVisible(bool(why))

    def _year_chosen(self, index: int) -> None:
        start = self.year_combo.itemData(index)
        if start is None or self._syncing:
            return
        if self.presenter.choose_year(FinancialYear(start), self._ask):
            self.show_all()
        else:
            self._fill_years()

    def _row_changed(self, current, _previous) -> None:
        if self._syncing or not current.isValid():
            return
        row = self.summary_proxy.index(current.row(), 0).data(ROW_ROLE)
        if row is None:
            return
        if self.presenter.choose_indicator(row.indicator.id, self._ask):
            self._reselect()  # a Save on the way re-read the table
            self.show_indicator()
        else:  # Cancel: the row of the indicator whose figures are typed stays selected
            QTimer.singleShot(0, self, lambda: self._reselect())

    def _reselect(self) -> None:
        self._syncing = True
        try:
            self._select_row(self.presenter.selected)
        finally:
            self._syncing = False

    # -- for code and tests --------------------------------------------------------------------------
    def select_area(self, area_id: str) -> bool:
        if self.presenter.choose_area(area_id, self._ask):
            self.show_all()
            return True
        return False

    def select_year(self, year: FinancialYear) -> bool:
        if self.presenter.choose_year(year, self._ask):
            self.show_all()
            return True
        return False

    def select_indicator(self, name_or_id: str) -> bool:
        ind = svc.get_indicator(self.store, name_or_id)
        rows = self.presenter.rows
        if not self.presenter.choose_indicator(ind.id, self._ask):
            return False
        if self.presenter.rows is not rows:  # the summary was read again (an indicator not listed before)
            self.show_all()
        else:
            self._reselect()
            self.show_indicator()
        return True

    def set_mode(self, mode: str) -> None:
        self.mode_combo.setCurrentIndex(self.mode_combo.findData(ChartMode.parse(mode).value))

    @property
    def view(self) -> svc.YearView | None:
        return self.presenter.view

    def _data_changed(self, area: str) -> None:
        if area in ("", "indicators") and not self._reload_pending:  # a pending reload covers this change too
            self.reload()

    def reload(self) -> None:
        """Read the file again (after an import, an edit or an undo); typed figures are kept."""
        self.presenter.refresh(keep_typed=True)
        self.show_all()

    def reload_in_steps(self) -> None:
        """After a big import: the choices now, the rest on the next turn of the event loop (a notification
        meanwhile does not read the file again: the import's own one came straight after this, and read it
        twice, once at once, holding the window ~70 ms longer)."""
        self._fill_areas()
        self._reload_pending = True
        QTimer.singleShot(0, self, self._pending_reload)

    def _pending_reload(self) -> None:
        self._reload_pending = False
        self.reload()

    # -- actions -----------------------------------------------------------------------------------
    def save_figures(self) -> bool:
        """Save the typed figures as one undoable step (Ctrl+S does the same through the window)."""
        saved = self.presenter.save()
        self._figures_changed()
        return saved

    def discard_figures(self) -> None:
        self.presenter.discard()
        self.grid.show_editor(self.presenter.figures)
        self._figures_changed()

    def discard_typed(self) -> None:
        """Discard Typed (the button and the grid's menu): asked first, as Edit > Undo cannot bring the figures back;
        Enter answers Cancel."""
        if self.presenter.discard_asked(lambda text: prompts.ask(self, "Discard Typed Figures", text, yes="&Discard",
                                                                 cautious=True)):
            self.grid.show_editor(self.presenter.figures)
            self._figures_changed()

    def copy_selection(self) -> bool:
        if self.grid.hasFocus():
            return self.grid.copy_selection()
        return self.summary_view.copy_selection()

    def paste_rows(self) -> bool:
        return self.grid.paste_rows()

    def export_summary(self) -> None:
        from safer_desk.ui.kit.exports import export_to_chosen_file, shown_rows

        shown = self.summary_proxy.source_rows()
        said = shown_rows(self.summary_proxy, "indicator")  # a heading's filter that hides some is said
        note = str(said) if said.hidden else ""  # and in the workbook's title
        target = export_to_chosen_file(self, "Export the indicators", "indicators.xlsx",
                                       lambda t: self.presenter.export_summary(t, shown, said=note),
                                       failed="The indicators were not saved")
        if target is not None:
            prompts.show_info(self, "Export", said.saved_to(target))

    def export_chart(self) -> None:
        from safer_desk.domain.text import file_name_from

        # The chart's own title offered (every chart was offered "indicator-chart.png", the last one's name)
        title = self.chart.data.title
        name = prompts.save_file_name(self, "Export Chart", "PNG image (*.png);;SVG drawing (*.svg)",
                                      f"{file_name_from(title) if title else 'indicator-chart'}.png")
        if not name:
            return
        from safer_desk.exchange.tables import table_target

        try:
            written = self.chart.export(table_target(name, ".png"))  # no ending typed (a date in the name is none)
        except (OSError, ValueError) as exc:
            prompts.show_error(self, "Chart not exported", str(exc))
            return
        title = f" “{self.chart.data.title}”" if self.chart.data.title else ""
        prompts.show_info(self, "Export Chart", f"Saved the chart{title} to {written}.")

    def _refused(self, what: str) -> bool:
        """On a file open read-only, a change asked for is said to be refused, and why (True); else False."""
        if self.session.read_only:
            prompts.show_error(self, what, read_only_words(what))
        return self.session.read_only

    def import_figures(self):
        """Import Figures…: typed figures asked about once the file is chosen (Save / Discard / Cancel), as for
        Indicator and Target…: an import with them still typed kept them in the grid over the figures it brought, and
        Save wrote them over the import. Returns the Task reading the file chosen, or None."""
        if self._refused("Import Figures"):  # the button is greyed: asked all the same, said why
            return None
        name = prompts.open_file_name(self, "Import Figures", "Figures (*.csv *.xlsx *.txt *.tsv);;All files (*)")
        # Asked once the file is chosen: Discard, then the file window cancelled, had lost the figures for nothing.
        if not name or not self.presenter.may_leave(self._ask):
            return None
        return self.import_figures_from(name)

    def import_figures_from(self, name):
        """The file is read and checked on a worker thread; the dialog opens with its preview. Returns the Task."""
        from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

        earlier = getattr(self, "_import_dialog", None)
        if earlier is not None and earlier.preview is None:  # a file chosen again before the first was read
            earlier.reject()
        dialog = ImportFiguresDialog(self.session, self)
        self._import_dialog = dialog
        return dialog.load_in_background(name)

    def edit_indicator(self) -> None:
        from safer_desk.ui.indicators.dialogs import IndicatorDialog

        p = self.presenter
        if p.view is None and self._refused("New indicator"):  # a new indicator to type in vain: said why not
            return
        # Typed figures asked about first, as for Delete: a form saved under a new name shows the new indicator,
        # and one saved with another frequency puts April's typed figure in Q1. First, not at the form's Save (as
        # Baseline and Benchmarks… asks): the form's spread again from last year's figures (typed on last year's row
        # too) is worked out from the figures saved when it opens.
        if not p.may_leave(self._ask):
            return
        dialog = IndicatorDialog(self.session, p.view, p.area_id, p.year, self)
        dialog.saved_indicator.connect(self._indicator_saved)
        dialog.open()
        self._indicator_dialog = dialog

    def edit_framework(self) -> None:
        """Baseline and Benchmarks…: the performance framework of the indicator, area and year in view."""
        from safer_desk.ui.indicators.framework import FrameworkDialog

        p = self.presenter
        if p.view is None:
            prompts.show_error(self, "Baseline and Benchmarks", "Choose an indicator in the list first.")
            return
        # Typed figures are asked about once the dialog's Save is pressed: nothing in it is worked out from them (the
        # Benchmarks for period is shown, to change), and asked first, Discard then Cancel there lost them for nothing.
        dialog = FrameworkDialog(self.session, p.view, p.area_id, p.year, self,
                                 ready=lambda: self.presenter.may_leave(self._ask))
        dialog.open()
        self._framework_dialog = dialog

    def delete_indicator(self) -> None:
        """Del on the chosen indicator: asked first (what it holds in every area), one undoable step."""
        indicator_id = self.presenter.selected
        if indicator_id is None or self._refused("Delete indicator"):  # Del on a file open read-only: said why not
            return
        if not self.presenter.may_leave(self._ask):  # typed figures asked about first
            return
        if prompts.ask(self, "Delete indicator", self.presenter.delete_question(indicator_id), yes="Delete"):
            # The list's order as sorted on screen: the presenter chooses the one after it (presenter.indicator_after).
            shown = [self.summary_proxy.index(r, 0).data(ROW_ROLE) for r in range(self.summary_proxy.rowCount())]
            self.presenter.delete_indicator(indicator_id, [row.indicator.id for row in shown if row is not None])

    def _indicator_saved(self, indicator_id: str) -> None:
        self.presenter.selected = indicator_id  # the tab shows the indicator just saved
        self.reload()


class _WordsArea(QScrollArea):
    """A label of words in a frameless area that scrolls up and down only, with no stop of the Tab key of its own (a
    scroll area takes one, showing nothing of it: the label had none, and a screen reader has the words anyway)."""

    def __init__(self, label: QLabel, parent=None, *, height: QSizePolicy.Policy):
        super().__init__(parent)
        self.setWidget(label)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, height)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)


class ScrollingWords(_WordsArea):
    """Words as tall as they are where there is the room, else two lines or more with a scroll bar."""

    LEAST_LINES = 2

    def __init__(self, label: QLabel, parent=None):
        super().__init__(label, parent, height=QSizePolicy.Policy.Maximum)  # the room left to the list

    def _needed(self) -> int:
        label = self.widget()
        if label is None or not label.text() or not label.isVisibleTo(self):
            return 0
        width = max(self.width() - 2 * self.frameWidth(), 50)
        needed = label.heightForWidth(width)
        return needed if needed > 0 else label.sizeHint().height()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        self._hinted = self._needed()
        return QSize(super().sizeHint().width(), self._hinted)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        label = self.widget()
        least = label.fontMetrics().lineSpacing() * self.LEAST_LINES + 2 * label.margin() + 2 if label else 0
        return QSize(0, min(self._needed(), least))

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width() and self._needed() != getattr(self, "_hinted", None):
            self.updateGeometry()  # narrower, the words take more lines (wider, fewer)


class ChartWords(_WordsArea):
    """The chart in words, under it: as many lines as the words take, up to four, then a scroll bar. Eight areas
    compared take seven lines on a laptop, and laid out whole they covered the chart's lower half (its legend)."""

    MOST_LINES = 4

    def __init__(self, label: QLabel, parent=None):
        super().__init__(label, parent, height=QSizePolicy.Policy.Fixed)

    def _height(self) -> int:
        label = self.widget()
        if label is None or not label.text():
            return 0
        width = max(self.viewport().width() - self.verticalScrollBar().sizeHint().width(), 50)
        needed = label.heightForWidth(width)
        most = label.fontMetrics().lineSpacing() * self.MOST_LINES + 2 * label.margin() + 2
        return min(needed if needed > 0 else label.sizeHint().height(), most)

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(super().sizeHint().width(), self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        return QSize(0, self._height())

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        before = self._height()
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width() and self._height() != before:
            self.updateGeometry()  # narrower, the words take more lines (wider, fewer)


def _html(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
