"""The Allocation tab: inputs and options, the results laid out like the board paper, a chart, scenarios.

A thin view over ``services.allocation_workbench`` (the edits) and
``services.allocation`` (scenarios, exports): every edit becomes a new working
state pushed on the window's undo stack, and the result is recomputed at once.
"""

from __future__ import annotations


from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QRect, Qt, QTimer
from PySide6.QtGui import QAction, QFont, QFontMetrics, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemDelegate, QAbstractItemView, QBoxLayout, QButtonGroup, QComboBox,
                               QFormLayout, QFrame, QGridLayout, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea, QSplitter, QStyle, QTableWidgetItem, QTabWidget,
                               QVBoxLayout, QWidget)

from safer_desk.domain.allocation import AllocationError, format_weight
from safer_desk.domain.money import format_money
from safer_desk.domain.text import counted
from safer_desk.exchange.files import parse_tsv, to_tsv
from safer_desk.exchange.tables import left_out_of_one_table, write_table
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench
from safer_desk.ui import prompts, settings
from safer_desk.ui.allocation.chart import AllocationChart
from safer_desk.ui.allocation.frozen import FrozenFirstColumn
from safer_desk.ui.allocation.models import (TOTAL_KEY, WINDOW_TOTAL, InputsModel, ResultsModel, _money_column_of,
                                             comparison_columns)
from safer_desk.ui.kit import clipboard_without_text, copy_to_clipboard, key_after_words
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.exports import export_to_chosen_file
from safer_desk.ui.kit.flow import FlowRow
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.note_area import NoteArea
from safer_desk.ui.kit.sheet_table import SheetTable
from safer_desk.ui.kit.table_view import (CELL_PAD, HEADING_PAD, MODIFIER_KEYS, REFUSED, DataTableView, WholeNumbers,
                                          _source_copy, two_line_width)
from safer_desk.ui.kit.tables import COPY_ROLE, Column, RowTableModel, SortProxy
from safer_desk.ui.tabs import TabBase
from safer_desk.ui.kit.typing_undo import shows_held
from safer_desk.ui.kit.undo import push_action
from safer_desk.presenters.allocation import (POT_EXAMPLE, PREVIOUS_TOTAL_EXAMPLE, ROUNDING_EXPLAINED,
                                             AllocationPresenter, EditedAt, Rounding, RoundingUnit, SplitRule,
                                             comparison_note, comparison_sheets, redistribution, redistribution_sheets,
                                             summary_text, top_slice_fields_of, top_slice_note, top_slice_rows,
                                             top_slice_sheets, top_slice_typed, year_example)
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.ui.kit.colours import alert_style, themed



INPUTS_TITLE = "Inputs (double-click to edit, Ctrl+V to paste from Excel)"
INPUTS_TITLE_NARROW = "Inputs (double-click to edit)"

class InputsView(DataTableView):
    """The inputs table: edits like a spreadsheet, Ctrl+V pastes cells copied from Excel."""

    def __init__(self, tab: "AllocationTab"):
        super().__init__(tab, accessible_name="Allocation inputs")
        self._tab = tab
        self.setSortingEnabled(False)  # row order is the paper's order; sorting is on the results
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked | QAbstractItemView.EditTrigger.EditKeyPressed
                             | QAbstractItemView.EditTrigger.AnyKeyPressed)
        # A long heading ("BCS comparator offences 2007-08") wraps onto a second line over its figures, so every
        # column is in view at 1093x582 (Last year was past the right edge, and a second factor too).
        self.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter | Qt.AlignmentFlag(
            Qt.TextFlag.TextWordWrap.value))
        self.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideNone)  # eliding came first: "BCS comparator…"
        self._fit = QTimer(self)  # once a change has ended: one pass for the many signals of a paste
        self._fit.setSingleShot(True)
        self._fit.setInterval(0)
        self._fit.timeout.connect(self.fit_columns)
        self.on_paste = self.paste_rows  # Ctrl+V, Edit > Paste: a paste refused is said until the officer acts again
        self.refusal_taken_back.connect(tab.refusal_taken_back)

    def setModel(self, model) -> None:
        super().setModel(model)
        model.modelReset.connect(self.fit_columns)  # rows added or removed: fitted before anything reads the table
        for signal in (model.headerDataChanged, model.dataChanged, model.rowsInserted):
            signal.connect(self._fit.start)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._fit.start()  # laid out at another width: the box's room worked out again

    def fit_columns(self) -> None:
        """Each column as wide as its figures or its heading, the headings on one line when the room beside the
        options takes them, else a long one over two lines; the heading row as tall as its lines. The box no wider
        than its columns (and a scroll bar's room): a wider window's width goes to the options beside, where a
        factor's name is read, not to a Last year column stretched far from its heading. A column the officer
        dragged keeps their width."""
        model, header, box = self.model(), self.horizontalHeader(), self.parentWidget()
        if model is None or box is None:
            return
        # Qt draws the chosen cell's column heading bold: "BCS comparator offences 2007-08" fitted to the normal font
        # wrapped then onto a line more, its top cut off by the heading row. The headings are fitted in bold, on one
        # line where the room beside the options takes them, else over two; where even that is too wide (two factors
        # at 125%), to the normal font over two, the row as tall as the bold then wraps them.
        bold = QFont(header.font())
        bold.setBold(True)
        cells, heads, bolds = self.fontMetrics(), header.fontMetrics(), QFontMetrics(bold)
        headings = [str(model.headerData(c, Qt.Orientation.Horizontal) or "") for c in range(model.columnCount())]
        one, two, two_normal = [], [], []
        for c, heading in enumerate(headings):
            figures = max((cells.horizontalAdvance(str(model.index(r, c).data() or ""))
                           for r in range(model.rowCount())), default=0) + CELL_PAD
            one.append(max(figures, bolds.horizontalAdvance(heading) + HEADING_PAD))
            # (a pixel more: the bold's widths are rounded, and 116 of them wrapped "BCS comparator" to three lines)
            two.append(max(figures, min(one[-1], two_line_width(bolds, heading) + HEADING_PAD + 1)))
            two_normal.append(max(figures, min(heads.horizontalAdvance(heading),
                                               two_line_width(heads, heading)) + HEADING_PAD))
        rows = self.verticalHeader()  # room for "15" from the start: a sixth partnership need not narrow the columns
        numbers = max(rows.width(), rows.sizeHint().width(), rows.fontMetrics().horizontalAdvance("99") + 8)
        chrome = (numbers + 2 * self.frameWidth() + self.verticalScrollBar().sizeHint().width() + 2
                  + max(0, box.width() - self.width()))
        room = self._tab.room_for_inputs()
        widths = next((w for w in (one, two) if sum(w) + chrome <= room), two_normal)
        lines = 1
        for c, (heading, width) in enumerate(zip(headings, widths)):
            self.fit_column(c, width)
            shown = self.columnWidth(c) - HEADING_PAD
            if shown < bolds.horizontalAdvance(heading):
                wrapped = bolds.boundingRect(QRect(0, 0, max(shown, 1), 10_000), int(Qt.TextFlag.TextWordWrap),
                                             heading)
                lines = max(lines, round(wrapped.height() / bolds.lineSpacing()))
        header.setMinimumHeight(lines * bolds.lineSpacing() + 8 if lines > 1 else 0)
        if box.width() > self.width():  # laid out
            fitted = sum(self.widths_by_hand.get(h, w) for h, w in zip(headings, widths))
            box.setMaximumWidth(max(fitted + chrome, box.minimumSizeHint().width()))

    def paste_rows(self) -> None:
        why = clipboard_without_text(QGuiApplication.clipboard().mimeData())
        if why and not self._tab.read_only:  # nothing to read: said, never a paste that silently does nothing
            self._tab._refuse(why)
            return
        self._tab.paste_inputs(QGuiApplication.clipboard().text())

    def keyPressEvent(self, event) -> None:
        if event.matches(QKeySequence.StandardKey.Paste):
            self.on_paste()
            event.accept()
            return
        chosen = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if (event.matches(QKeySequence.StandardKey.Delete) and len(chosen) > 1
                and self.state() != QAbstractItemView.State.EditingState):
            # Every cell chosen emptied, as in Excel (the kit's Del empties the current cell: a column of Last year
            # chosen kept four of its five figures, unsaid).
            self.as_action(lambda: self._tab.empty_cells([(i.row(), i.column()) for i in chosen]))()
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEditor(self, editor, hint) -> None:
        # Enter goes to the cell below, as in Excel and the Budgets grid: counts typed down the column went one over
        # another into the same cell. Enter is this hint with the editor still on the current cell (Qt sends it too
        # when another row is chosen while editing, which is where the officer is going already); Tab, Esc and focus
        # leaving do not send it. A figure refused stays where it was typed, to be typed again.
        entered = (hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache
                   and self.indexWidget(self.currentIndex()) is editor)
        refused = self._tab._cell_refused
        super().closeEditor(editor, hint)
        at, model = self.currentIndex(), self.model()
        if entered and not refused and at.isValid() and at.row() + 1 < model.rowCount():
            self.setCurrentIndex(model.index(at.row() + 1, at.column()))
        if refused and editor.isHidden():  # closed on what was refused: the typing is gone, and its refusal with it
            self._tab.refusal_taken_back()

    def selected_rows_text(self, *, with_header: bool = True) -> str:
        model = self.model()
        indexes = self.selectionModel().selectedIndexes() if self.selectionModel() else []
        if not indexes:
            return ""
        rows = sorted({i.row() for i in indexes})
        columns = sorted({i.column() for i in indexes})
        table = [[model.headerData(c, Qt.Orientation.Horizontal) for c in columns]] if with_header else []
        table += [[_source_copy(model.index(r, c)) for c in columns] for r in rows]  # plain numbers for Excel
        return to_tsv(table)


class FactorsTable(SheetTable):
    """The factors and their weights, edited in place: Ctrl+V (and Edit > Paste) puts cells copied from Excel in, as
    the inputs' Paste does; Del over cells says why a factor's name or weight is never empty. Both did nothing, unsaid
    (the window's Ctrl+V never reaches a table: Qt measures it against the Edit menu it is on)."""

    def __init__(self, tab: AllocationTab):
        super().__init__(0, 2, tab)
        self._tab = tab
        self._action_said = False  # a paste or Del done, and nothing since (``_moved_on``)
        self.setItemDelegate(FactorCells(self))

    def on_paste(self) -> None:
        """Ctrl+V, Edit > Paste (the window's, as a kit table's own)."""
        self._act(self.paste_rows)

    def _act(self, action) -> None:
        """A paste or Del: what it said beside the options lasts until the officer acts on the table again."""
        action()
        self._action_said = True

    def _moved_on(self) -> None:
        """Another key or a click on the factors after a paste or Del: "⚠ The clipboard is empty…" stayed said,
        beside factors all fine, until some later edit (the inputs' table beside takes it back so, as the kit's do)."""
        if self._action_said:
            self._action_said = False
            self._tab.refusal_taken_back()

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.KeyPress and event.key() not in MODIFIER_KEYS \
                and not event.matches(QKeySequence.StandardKey.Paste):
            self._moved_on()  # another cell, Esc, any other key; not Ctrl+V (pasted again, said again)
        return super().event(event)

    def mousePressEvent(self, event) -> None:  # noqa: N802 - Qt's name
        if event.button() == Qt.MouseButton.LeftButton:  # a right-click opens the menu
            self._moved_on()
        super().mousePressEvent(event)

    def closeEditor(self, editor, hint) -> None:  # noqa: N802 - Qt's name
        refused = bool(editor.property(REFUSED))
        super().closeEditor(editor, hint)
        if refused and editor.isHidden():  # Esc, or another cell chosen: the typing refused is gone, its line too
            editor.setProperty(REFUSED, False)
            self._tab.refusal_taken_back()

    def paste_rows(self) -> None:
        why = clipboard_without_text(QGuiApplication.clipboard().mimeData())
        if why and not self._tab.read_only:  # nothing to read: said, never a paste that silently does nothing
            self._tab._refuse(why)
            return
        self._tab.paste_factors(QGuiApplication.clipboard().text())

    def keyPressEvent(self, event) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            if event.matches(QKeySequence.StandardKey.Paste):
                self.on_paste()
                event.accept()
                return
            chosen = self.selectedIndexes() or [self.currentIndex()]
            if event.matches(QKeySequence.StandardKey.Delete) and chosen[0].isValid():
                self._act(lambda: self._tab.empty_factor_cells([(i.row(), i.column()) for i in chosen]))
                event.accept()
                return
        super().keyPressEvent(event)


class FactorCells(WholeNumbers):
    """Enter on a factor's name or weight the tab refuses ("-1", "Last year") leaves the editor open on what was
    typed, as in the inputs' table: Qt's way put the cell back at once, the typing lost, and the refusal's line
    stayed beside the options after. Esc puts the cell back, and the line goes (``FactorsTable.closeEditor``)."""

    def put_in(self, editor, model, index) -> bool:
        return self.parent()._tab.edit_factor(index.row(), index.column(), editor.text())


def _explain_choice(combo: QComboBox) -> None:
    """The box's tooltip (and what a screen reader adds to its name): the chosen item's explanation, else its words
    (the box is narrow beside the pot's fields; the words are short, the explanation whole here)."""
    tip = combo.currentData(Qt.ItemDataRole.ToolTipRole) or combo.currentText()
    combo.setToolTip(tip)
    combo.setAccessibleDescription(tip)


FACTOR_NAME_WHOLE = "Non-crime demand"  # the longest factor's name the factors' table shows whole (over two lines)
SPLITTER_KEY = "allocation/splitter"  # the inputs' and the pages' heights, as the officer left them
RESULTS_SPLITTER_KEY = "allocation/results-splitter"  # the results table's and the chart's widths, as left


class AllocationTab(TabBase):
    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.store = session.store
        self.read_only = session.read_only
        self.presenter = AllocationPresenter(session.store, read_only=session.read_only,
                                             perform=lambda action: push_action(session.undo_stack, action))
        self._selected_name: str | None = None
        self._syncing = False
        self._refused = False  # set by a refused edit: what was being typed was not put in
        self._cell_refused = False  # the last figure typed in an inputs cell was refused (Enter then stays on it)
        self._refusing_option: str | None = None  # the option whose figure typed is being refused (its message up)
        self._top_slice_shown: dict[str, str] | None = None  # the top-slice fields as last shown: typed over, unsaved
        self._build()
        self._show_state()
        self._fill_scenarios()
        self._fill_top_slices()
        if self.results_proxy.rowCount():  # start by explaining the first partnership's figure
            self.results_view.setCurrentIndex(self.results_proxy.index(0, 0))
        session.data_changed.connect(self._data_changed)
        self.presenter.changed.connect(self._show_state)
        self.presenter.scenarios_changed.connect(self._scenarios_saved)
        self.presenter.top_slices_changed.connect(self._top_slice_saved)
        self._chosen_before: dict[str, str | None] = {}  # a saved top-slice's id: the one chosen before its save
        self.watch_unsaved(self.presenter.changed)

    # The presenter holds the working state and its result; the widgets read them from it.
    @property
    def state(self) -> bench.WorkState:
        return self.presenter.state

    @property
    def result(self):
        return self.presenter.result

    @property
    def problem(self) -> str:
        return self.presenter.problem

    def _scenarios_saved(self, scenario_id: str | None = None) -> None:
        """A scenario saved, deleted, marked or put back: the list again, showing that scenario while it is in the
        file (a deleted one Edit > Undo put back was not shown: the list stayed on the one worked on)."""
        self.session.notify(service.AREA)
        there = any(s.id == scenario_id for s in service.list_scenarios(self.store))
        self._fill_scenarios(scenario_id if there else self.presenter.loaded.id if self.presenter.loaded else None)

    def _data_changed(self, area: str) -> None:
        """Scenarios saved elsewhere (another tab's import, a county merge) appear in the lists."""
        if area in ("", service.AREA):
            self._fill_scenarios()
            self._fill_top_slices()

    # -- building -----------------------------------------------------------------------------
    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(self._build_scenario_bar())
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        top = QWidget(splitter)
        top_layout = QHBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addWidget(self._build_inputs(), 3)
        self.options_box = self._build_options()
        top_layout.addWidget(self.options_box, 2)
        splitter.addWidget(top)
        self.pages = QTabWidget(splitter)
        self.pages.setAccessibleName("Allocation pages")  # a stop of Tab: a screen reader says where it is
        # Alt+1 … Alt+4, as the Costs tab's tables: with the menus, the tabs and the options every letter is spent,
        # and Redistribute had none (round 40). R, O and L go to Rounding, each page's first field and Last year.
        self.pages.addTab(self._build_results(), "&1 Results")
        self.pages.addTab(self._build_compare(), "&2 Compare scenarios")
        self.pages.addTab(self._build_redistribution(), "&3 Redistribute")
        self.pages.addTab(self._build_top_slice(), "&4 Top-slice")
        splitter.addWidget(self.pages)
        self.pages.setCornerWidget(self.compare_bar, Qt.Corner.TopRightCorner)
        self.pages.currentChanged.connect(self._show_compare_bar)
        self._show_compare_bar(self.pages.currentIndex())
        self.pages.currentChanged.connect(lambda _i: self._share_height())  # the Results again, at the size now
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([250, 290])  # the results get the room: several rows in view on a laptop
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        saved = settings.read_bytes(SPLITTER_KEY)
        # Moved by the officer: kept as left, in this window and the next (else shared by ``_share_height``).
        self._split_by_hand = not saved.isEmpty() and splitter.restoreState(saved)
        splitter.splitterMoved.connect(self._split_moved)
        layout.addWidget(splitter, 1)
        self._share_later = QTimer(self)  # the results' line changed: shared once laid out (many edits, one pass)
        self._share_later.setSingleShot(True)
        self._share_later.setInterval(0)
        self._share_later.timeout.connect(self._share_height)

    def room_for_inputs(self) -> int:
        """The width the inputs' box can have beside the options at their least."""
        top = self.options_box.parentWidget()
        return top.width() - self.options_box.minimumSizeHint().width() - max(0, top.layout().spacing())

    def _split_moved(self, *_args) -> None:
        self._split_by_hand = True
        settings.write(SPLITTER_KEY, self.splitter.saveState())

    def _share_height(self) -> None:
        """The height the results do not need for their rows (and totals line) to the inputs while these have rows
        out of view, or back the other way: at 1093x582 the inputs showed three of five partnerships with the
        results' room to spare under their totals line. The results come first when there is not room for both:
        a page too short for the line above the results and the table's least height (six rows) cut the Totals row
        off at its foot, and takes the inputs' room down to their least. Once the officer moves the handle, the
        split is theirs."""
        inputs, results = self.inputs_view, self.results_view
        # The Compare page's rows come first too: at 1093x582 its Totals row was cut in half under the page's foot.
        table = results if results.isVisible() else self.compare_view if self.compare_view.isVisible() else None
        if self._split_by_hand or table is None:  # another page's: its table not laid out at this size
            return
        inputs_short = inputs.verticalHeader().length() - inputs.viewport().height()
        rows_short = table.verticalHeader().length() - table.viewport().height()
        overflow = (self._results_page_need() - self._results_page.height() if table is results
                    else rows_short)
        results_short = max(rows_short, overflow)
        top, pages = self.splitter.sizes()
        if inputs_short > 0 and results_short < 0:
            move = min(inputs_short, -results_short)
        elif results_short > 0:
            least = self.splitter.widget(0).minimumSizeHint().height()
            move = -max(min(results_short, max(0, -inputs_short)), min(overflow, max(0, top - least)))
        elif inputs_short < 0 and pages <= self.pages.minimumSizeHint().height():
            move = inputs_short  # the pages held at their least (the window laid out small first): the room spare
        else:
            return
        if move:
            self.splitter.setSizes([top + move, pages - move])

    def _results_page_need(self) -> int:
        """The Results page's least height: the line above (its lines at the page's width) and the table's least."""
        page = self._results_page
        layout = page.layout()
        margins = layout.contentsMargins()
        return (margins.top() + margins.bottom() + self.summary_area.whole_height() + layout.spacing()
                + self.results_split.minimumSizeHint().height())

    def _button(self, text: str, slot, *, tip: str = "", writes: bool = False, key: str = "") -> QPushButton:
        """A button of the tab. ``key``: its Alt key where none of its own letters is free (shown after its words)."""
        button = key_after_words(text, key, self) if key else QPushButton(text, self)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        if tip:
            button.setToolTip(tip)
        button.clicked.connect(slot)
        if writes and self.read_only:
            button.setEnabled(False)
        return button

    def _build_scenario_bar(self) -> QVBoxLayout:
        # Rows that go onto another line where even the narrow arrangement is too wide (a laptop at 125% with a 12 pt
        # font: the saved scenarios' row needed 1,102 pixels, Unmark as agreed off the window's right edge).
        bar = FlowRow()
        bar.addWidget(QLabel("Saved scenarios:", self))
        self.scenario_combo = ChoiceBox(self)
        self.scenario_combo.setAccessibleName("Saved scenarios")
        self.scenario_combo.setMinimumContentsLength(28)
        self.scenario_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        bar.addWidget(self.scenario_combo, 1)
        self.open_button = self._button("Open", self.open_selected_scenario, key="5",
                                        tip="Copy the saved scenario's inputs into the working table", writes=False)
        # Alt+, : every letter and figure is another control's (the comma is no page's).
        self.rename_button = QPushButton("Rename… (Alt+&,)", self)
        self.rename_button.setAccessibleName("Rename scenario")
        self.rename_button.setToolTip("Rename the chosen scenario, keeping its agreed mark, date and figures")
        self.rename_button.clicked.connect(self.rename_selected_scenario)
        self.rename_button.setEnabled(not self.read_only)
        self.delete_button = self._button("Delete", self.delete_selected_scenario, writes=True, key="6")
        self.adopt_button = self._button("&Mark as agreed", self.adopt_selected_scenario, writes=True,
                                         tip="The scenario the board agreed for its year (used in the board report)")
        for b in (self.open_button, self.rename_button, self.delete_button, self.adopt_button):
            bar.addWidget(b)
        self.scenario_combo.currentIndexChanged.connect(self._show_agreed_button)  # the agreed one: Unmark
        bar.addSpacing(12)
        # The results' two buttons: at the end of this row, or of the next where the window is narrow (below).
        self._results_buttons = (self._button("Export…", self.export_results, key="7",
                                              tip="Save the table of the page shown (the results, the comparison, the "
                                                  "money shared back or the top-slice) as .xlsx, .csv or .tsv"),
                                 self._button("Cop&y Table", self.copy_results,
                                              tip="Copy the table of the page shown for Excel"))
        for button in self._results_buttons:
            bar.addWidget(button)
        second = FlowRow()
        working = QLabel("Wor&king on:", self)
        second.addWidget(working)
        self.scenario_name = QLineEdit(self)
        self.scenario_name.setPlaceholderText("Scenario name")
        self.scenario_name.setAccessibleName("Name of the scenario to save")
        self.scenario_year = QLineEdit(self)
        self.scenario_year.setPlaceholderText(year_example())
        self.scenario_year.setAccessibleName("Financial year of the scenario to save")
        # A year whole at any font: with a 12 pt font at 910 wide the row squeezed it to 36 pixels, "20" of "2009/10".
        year_width = self.scenario_year.fontMetrics().horizontalAdvance("2009/10") + 16
        self.scenario_year.setMinimumWidth(year_width)
        self.scenario_year.setMaximumWidth(max(70, year_width))
        self.save_button = self._button("&Save", self.save_scenario, writes=True,
                                        tip="Save the scenario being worked on again; under another name or "
                                            "year, a new scenario (the loaded one is never overwritten)")
        self.save_new_button = self._button("Save as ne&w", self.save_scenario_as_new, writes=True,
                                            tip="Save the working inputs and results as a new scenario")
        working.setBuddy(self.scenario_name)
        self.scenario_name.textChanged.connect(self.presenter.set_name)  # the presenter keeps what is typed
        self.scenario_year.textChanged.connect(self.presenter.set_year)
        self.scenario_year.textChanged.connect(self._show_chart)  # after the presenter has the year
        self.scenario_year.textChanged.connect(self._show_summary)  # against the year before's allocation
        for edit in (self.scenario_name, self.scenario_year):  # a new name or year: Save adds a scenario, said so
            edit.textChanged.connect(self._show_scenario_status)
        self.scenario_status = QLabel(self)
        self.scenario_status.setAccessibleName("Saved or not")
        second.addWidget(self.scenario_name, 3)
        second.addWidget(self.scenario_year)
        second.addWidget(self.scenario_status, 2)  # beside the name: as saved, or changed since saved
        second.addWidget(self.save_button)
        second.addWidget(self.save_new_button)
        self._scenario_rows = (bar, second)
        outer = QVBoxLayout()
        outer.addLayout(bar)
        outer.addLayout(second)
        return outer

    def _build_inputs(self) -> QGroupBox:
        box = self.inputs_box = QGroupBox(INPUTS_TITLE, self)
        self.inputs_model = InputsModel(self.edit_input, self)
        self.inputs_model.editable = not self.read_only
        self.inputs_view = InputsView(self)
        self.inputs_view.setModel(self.inputs_model)
        self.inputs_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        # On one line unless the options are under one another (``_arrange_options``): at 1093x582 with a 12 pt
        # font the three needed 570 pixels, 19 more than the window had beside the options, 202 at 150% (910 wide).
        buttons = self._inputs_buttons = FlowRow()
        buttons.keep_on_one_line(True)
        buttons.addWidget(self._button("Add Partnership", self.add_partnership, writes=True, key="8"))
        self.remove_partnership_button = self._button("Remove Partnership", self.remove_partnerships, writes=True,
                                                      key="9")
        buttons.addWidget(self.remove_partnership_button)
        # Greyed while there is no partnership to remove (it did nothing, without a word, on a new file).
        self.inputs_model.modelReset.connect(lambda: self.remove_partnership_button.setEnabled(
            not self.read_only and self.inputs_model.rowCount() > 0))
        buttons.addWidget(self._button("Paste", self.inputs_view.paste_rows, writes=True, key="0",
                                       tip="Paste cells copied from Excel at the current cell (Ctrl+V)"))
        layout = QVBoxLayout(box)
        layout.setContentsMargins(6, 4, 6, 4)  # as the Options beside it: the room to a row of the table
        layout.setSpacing(4)
        layout.addWidget(self.inputs_view)
        layout.addLayout(buttons)
        return box

    def _line(self, key: str, accessible: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(accessible)
        edit.setPlaceholderText(placeholder)
        edit.setReadOnly(self.read_only)
        edit.editingFinished.connect(lambda k=key, e=edit: self.edit_option(k, e.text()))
        edit.installEventFilter(self)  # Esc puts back the option's figure (``eventFilter``)
        # Ctrl+Z in the field holding its option's figure is Edit > Undo: the box took it and put its earlier text back,
        # beside results still worked out from the figure entered (round 40). While a figure is being typed it still
        # undoes the typing first, as in every box (``kit.typing_undo``, the window's rule for every box).
        shows_held(edit, lambda: edit.text().strip() == bench.field_text(self.state.options, key))
        self.option_edits[key] = edit
        edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("£1,000,000.00") + 12)  # no figure cut
        return edit

    def _build_options(self) -> QGroupBox:
        box = QGroupBox("Options", self)
        self.option_edits: dict[str, QLineEdit] = {}
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.pot_given = QRadioButton("Pot &given", self)
        # Alt+' (its own apostrophe, underlined): every letter and figure is another control's on every page, and a
        # key shown after the words, "(.)", widened the options, putting the inputs' and factors' columns out of view.
        self.pot_from_previous = QRadioButton("Last year&'s total less retained", self)
        self.pot_from_previous.setAccessibleName("Last year's total less retained")
        self.pot_group = QButtonGroup(self)
        self.pot_group.addButton(self.pot_given)
        self.pot_group.addButton(self.pot_from_previous)
        self.pot_given.toggled.connect(lambda on: on and self.edit_option("pot_mode", "pot"))
        self.pot_from_previous.toggled.connect(lambda on: on and self.edit_option("pot_mode", "previous"))
        for radio in (self.pot_given, self.pot_from_previous):
            radio.setEnabled(not self.read_only)
        mode = QHBoxLayout()
        mode.addWidget(self.pot_given)
        mode.addWidget(self.pot_from_previous)
        mode.addStretch(1)
        form.addRow("Po&t:", self._line("pot", "Pot", POT_EXAMPLE))
        previous = QHBoxLayout()
        previous.addWidget(self._line("previous_total", "Last year's total", PREVIOUS_TOTAL_EXAMPLE), 1)
        self.previous_sum_button = self._button("= Sum", self.use_previous_sum, writes=True, key="Q",
                                                tip="Use the sum of the Last year column")
        sum_width = self.previous_sum_button.fontMetrics().horizontalAdvance("= Sum (Q)")
        self.previous_sum_button.setMaximumWidth(sum_width + 20)
        previous.addWidget(self.previous_sum_button)
        last_label = QLabel("&Last year:", self)
        last_label.setToolTip("Last year's total")
        last_label.setBuddy(self.option_edits["previous_total"])
        form.addRow(last_label, previous)
        form.addRow("Retai&ned %:", self._line("retain", "Retained percentage", "10"))
        form.addRow("Fi&xed share:", self._line("fixed_share", "Fixed share of the pot", "1/3, 25% or £30,000 per unit"))
        self.rounding_combo = ChoiceBox(self)
        self.unit_combo = ChoiceBox(self)
        for combo, items, key, name in ((self.rounding_combo, Rounding.choices(), "rounding", "Rounding"),
                                        (self.unit_combo, RoundingUnit.choices(), "unit", "Rounding unit")):
            for value, label in items:
                combo.addItem(label, value)
                tip = ROUNDING_EXPLAINED.get(value) if combo is self.rounding_combo else None
                if tip:  # the whole explanation, pointing at the choice in the open list
                    combo.setItemData(combo.count() - 1, tip, Qt.ItemDataRole.ToolTipRole)
            combo.setAccessibleName(name)
            combo.setEnabled(not self.read_only)
            # As wide as its longest choice ("Shares to 0.01%") and no wider: twelve letters' room was wider still,
            # room the inputs beside need at 1093x582.
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
            _explain_choice(combo)
            combo.currentIndexChanged.connect(lambda _i, c=combo: _explain_choice(c))  # the choice shown, explained
            combo.currentIndexChanged.connect(lambda _i, c=combo, k=key: self.edit_option(k, c.currentData()))
        form2 = QFormLayout()
        form2.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form2.addRow("&Rounding:", self.rounding_combo)
        form2.addRow("&Unit:", self.unit_combo)
        form2.addRow("&Damping ±%:", self._line("damping", "Damping limit percentage", "none"))

        self.factors_table = FactorsTable(self)  # Ctrl+C copies every cell selected, as the other tables
        self.factors_table.setAccessibleName("Factors and their weights")
        self.factors_table.setTabKeyNavigation(False)  # Tab leaves the table (it went cell to cell, never out)
        self.factors_table.setHorizontalHeaderLabels(["Factor", "Weight"])
        self.factors_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.factors_table.verticalHeader().setVisible(False)
        self.factors_table.itemChanged.connect(self._factor_item_changed)
        if self.read_only:
            self.factors_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.factors_table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)  # right-click: add, remove
        for text, slot in (("Add Factor", self.add_factor), ("Remove Factor", self.remove_factor)):
            action = QAction(text, self.factors_table)
            action.triggered.connect(slot)
            action.setEnabled(not self.read_only)
            self.factors_table.addAction(action)
        # The weights' width set by ``_fit_factors``: its heading in bold whole (fitted to its contents, "Weigh").
        self.factors_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        # The buttons under one another and the words over the table on two lines when need be: the column is no
        # wider than "Remove (Z)", so the inputs beside have the room for every column at 1093x582.
        factor_buttons = QBoxLayout(QBoxLayout.Direction.TopToBottom)
        factor_buttons.setSpacing(2)
        self._factor_buttons = factor_buttons
        # Under the factors' table "Add" and "Remove" say enough: "Remove Factor (Z)" took the room the inputs need.
        for words, slot, key, tip in (("Add", self.add_factor, "J", "Add a factor"),
                                      ("Remove", self.remove_factor, "Z", "Remove the factor chosen")):
            button = self._button(words, slot, writes=True, key=key, tip=tip)
            button.setAccessibleName(f"{words} Factor")  # a screen reader says which table it is for
            factor_buttons.addWidget(button)
        factors = QVBoxLayout()
        shared_by = QLabel("Variable part shared by:", self)
        shared_by.setWordWrap(True)
        factors.addWidget(shared_by)
        factors.addWidget(self.factors_table, 1)
        factors.addLayout(factor_buttons)

        self.problem_label = NamedLabel(parent=self)
        self.problem_label.setWordWrap(True)
        self.problem_label.setAccessibleName("Problem with the inputs")
        themed(self.problem_label, alert_style)
        grid = QGridLayout(box)
        grid.setContentsMargins(6, 4, 6, 4)
        grid.setVerticalSpacing(2)
        self._options_parts = (grid, mode, form, form2, factors)
        self._options_narrow: bool | None = None
        self._wide_least = 0  # the tab's least width with the options side by side, when last laid out so
        self._arrange_options(narrow=False)
        return box

    def _arrange_options(self, *, narrow: bool) -> None:
        """Rounding, Unit and Damping beside the pot's fields, or under them where the window is narrower than the
        tab needs with them beside (910 wide, at 150% on a 1366x768 laptop: the tab needed 1,056 and scrolled
        sideways, with Export…, Save as new and the factors off the right edge)."""
        if narrow == self._options_narrow:
            return
        self._options_narrow = narrow
        grid, mode, form, form2, factors = self._options_parts
        for part in (mode, form, form2, factors):
            grid.removeItem(part)
        grid.removeWidget(self.problem_label)
        grid.addLayout(mode, 0, 0, 1, 1 if narrow else 2)
        grid.addLayout(form, 1, 0)
        grid.addLayout(form2, 2 if narrow else 1, 0 if narrow else 1, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(factors, 0, 1 if narrow else 2, 3 if narrow else 2, 1)
        grid.addWidget(self.problem_label, 3 if narrow else 2, 0, 1, 2 if narrow else 3)
        # Beside the inputs, Rounding, Unit and Damping have their words over them and the factors the room so won
        # and any to spare: with three factors at 1093x582 the factors had 85 pixels, "P…" under "acto" and "Weigh".
        form2.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows if narrow
                               else QFormLayout.RowWrapPolicy.WrapAllRows)
        self._factor_buttons.setDirection(QBoxLayout.Direction.TopToBottom if narrow
                                          else QBoxLayout.Direction.LeftToRight)
        self._inputs_buttons.keep_on_one_line(not narrow)  # at the normal font at 1093x582 Paste stays beside
        # The title's Ctrl+V said by Paste's tip where narrow: with a 12 pt font the whole title was 463 pixels, and
        # the inputs beside the options needed 985 of the 896 at 150% (910 wide).
        self.inputs_box.setTitle(INPUTS_TITLE_NARROW if narrow else INPUTS_TITLE)
        for column, stretch in enumerate((3, 2, 0) if narrow else (0, 0, 1)):
            grid.setColumnStretch(column, stretch)
        self._fit_factors()
        # Export… and Copy Table after Save as new where narrow: the scenario bar, with Rename… and the buttons' keys
        # shown after their words, needed 1,062 of the 896 there and the tab scrolled sideways.
        row = self._scenario_rows[1 if narrow else 0]
        for button in self._results_buttons:
            for layout in self._scenario_rows:
                layout.removeWidget(button)
            row.addWidget(button)

    def eventFilter(self, watched, event) -> bool:
        # Esc in an option's field puts back the figure the option holds, as Esc does in the Reviews page's As at
        # field: what was typed stayed, and leaving the field put it in.
        if (event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and isinstance(watched, QLineEdit)
                and watched in self.option_edits.values()):
            key = next(k for k, e in self.option_edits.items() if e is watched)
            held = bench.field_text(self.state.options, key)
            if watched.text().strip() != held:
                watched.setText(held)
                watched.selectAll()
                self.refusal_taken_back()  # "“1/0” is not a fraction" beside the figure the option holds again
                return True
        return super().eventFilter(watched, event)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        # Side by side the tab is never laid out narrower than it needs (its area scrolls instead): at that width it
        # is squeezed, and the options go under one another; wider than that again, back beside.
        if not self._options_narrow:
            self._wide_least = self.minimumSizeHint().width()
            if self.width() <= self._wide_least:
                self._arrange_options(narrow=True)
        elif self.width() > self._wide_least:
            self._arrange_options(narrow=False)
        self._share_height()

    def _build_results(self) -> QWidget:
        page = QWidget(self)
        self.summary_label = NamedLabel(parent=page)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("How the pot was split")
        # The line above the whole page, over the chart too: with two factors its notes ran to four lines over the
        # table alone, and the table past the page's foot at 1093x582 (round 38). Made before the table, so Tab
        # reads it first, as the page does (made last, Tab reached the pot after the table and the explanation).
        self.summary_area = NoteArea(self.summary_label, page)
        self.results_model = ResultsModel(self)
        self.results_proxy = SortProxy(self)
        self.results_proxy.setSourceModel(self.results_model)
        self.results_view = DataTableView(page, accessible_name="Allocation results")
        self.results_view.on_export = self.export_results  # the right-click menu's Export…, as the button
        self.results_view.setModel(self.results_proxy)
        self.results_view.verticalHeader().setVisible(False)
        self.results_view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.results_model.modelReset.connect(self._size_results)
        self.frozen_names = FrozenFirstColumn(self.results_view)  # names stay in view when scrolled right
        self.results_view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results_view.selectionModel().currentRowChanged.connect(self._result_row_changed)
        self.explanation_label = NamedLabel("Select a partnership to see how its figure was reached.", page)
        self.explanation_label.setWordWrap(True)
        self.explanation_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.explanation_label.setAccessibleName("How the selected partnership's figure was reached")
        self.chart = AllocationChart(page)
        self.chart.setMinimumWidth(320)
        left = QWidget(page)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.results_view, 1)
        right = QSplitter(Qt.Orientation.Vertical, page)  # the chart, and under it how a figure was reached
        right.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        right.addWidget(self.chart)
        explanation = QScrollArea(page)
        explanation.setAccessibleName("How the selected partnership's figure was reached")
        explanation.setWidgetResizable(True)
        explanation.setFrameShape(QFrame.Shape.NoFrame)
        explanation.setWidget(self.explanation_label)
        # Two lines at the least (it scrolls): the pages' least height is the inputs' room on a laptop, and with the
        # chart the column is then little taller than the table at its least (three lines left the page too short
        # for the line above the table with two factors, round 38).
        explanation.setMinimumHeight(2 * self.explanation_label.fontMetrics().lineSpacing())
        right.addWidget(explanation)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        right.setSizes([150, 3 * self.explanation_label.fontMetrics().lineSpacing()])  # three lines where there is room
        splitter = QSplitter(Qt.Orientation.Horizontal, page)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([830, 430])
        self.results_split = splitter
        settings.remember_splitter(splitter, RESULTS_SPLITTER_KEY)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.summary_area)
        layout.addWidget(splitter, 1)
        self._results_page = page
        return page

    def _build_compare(self) -> QWidget:
        page = QWidget(self)
        # The two scenarios are chosen in the row of the pages' tabs (shown with the Compare page only): in a row of
        # their own over the table, at 1093x582 across the 2019 merger (seven partnerships), the Totals row was
        # scrolled out of sight under the line that says which partnerships one scenario has alone.
        self.compare_bar = bar_widget = _BesideTabs(self)
        self.compare_first = ChoiceBox(bar_widget)
        self.compare_second = ChoiceBox(bar_widget)
        self.compare_first.setAccessibleName("First scenario to compare")
        self.compare_second.setAccessibleName("Second scenario to compare")
        for combo in (self.compare_first, self.compare_second):
            combo.currentIndexChanged.connect(self.compare_scenarios)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)  # a title cut ("2009/10 — Option 2 …") is whole in the table's head
        bar = QHBoxLayout(bar_widget)
        bar.setContentsMargins(8, 0, 2, 0)
        compare = QLabel("C&ompare", bar_widget)
        compare.setBuddy(self.compare_first)
        bar.addWidget(compare)
        bar.addWidget(self.compare_first, 1)
        bar.addWidget(QLabel("with", bar_widget))
        bar.addWidget(self.compare_second, 1)
        self.compare_model = RowTableModel(comparison_columns("First", "Second"), [], self)
        self.compare_view = DataTableView(page, accessible_name="Scenarios compared")
        self.compare_view.on_export = self.export_results  # the right-click menu's Export…, as the button
        self.compare_view.setModel(self.compare_model)
        self.compare_view.setSortingEnabled(False)
        # A scenario's title longer than its column was cut at both ends of the centred heading ("- Option 2 - As per
        # 2008/09 with updated crime figures, 10%"): the year, which tells the two apart, was lost. Cut at its end.
        self.compare_view.horizontalHeader().setTextElideMode(Qt.TextElideMode.ElideRight)
        self.compare_note = QLabel(page)
        self.compare_note.setWordWrap(True)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.setSpacing(2)
        layout.addWidget(self.compare_view, 1)
        layout.addWidget(self.compare_note)
        return page

    def _build_redistribution(self) -> QWidget:
        page = QWidget(self)
        self.redistribute_amount = QLineEdit(page)
        self.redistribute_amount.setAccessibleName("Amount not committed, to share back")
        self.redistribute_amount.setPlaceholderText("the retained amount")
        self.redistribute_amount.editingFinished.connect(self.compute_redistribution)
        self.redistribute_method = ChoiceBox(page)
        self.redistribute_method.setAccessibleName("How to share it back")
        for value, label in SplitRule.choices():
            self.redistribute_method.addItem(label, value)
        self.redistribute_method.currentIndexChanged.connect(self.compute_redistribution)
        form = QFormLayout()
        form.addRow("N&ot committed by the deadline:", self.redistribute_amount)
        form.addRow("Share it back (&;):", self.redistribute_method)  # Alt+; every letter and figure is taken here
        self.redistribute_note = QLabel(page)
        self.redistribute_note.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(form)
        left.addWidget(self.redistribute_note)
        left.addStretch(1)
        self.redistribute_model = RowTableModel(
            [Column("name", "Partnership", lambda r: r[0]),
             _money_column_of("amount", "Share", lambda r: r[1])], [], self)
        self.redistribute_view = DataTableView(page, accessible_name="Money shared back per partnership")
        self.redistribute_view.on_export = self.export_results  # the right-click menu's Export…, as the button
        self.redistribute_view.setModel(self.redistribute_model)
        self.redistribute_view.setSortingEnabled(False)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 2)
        layout.addWidget(self.redistribute_view, 3)
        return page

    def compute_redistribution(self, *_args) -> None:
        """Seed 000: money not commissioned by September is shared back to the partnerships."""
        rows, note = redistribution(self.result, self.redistribute_amount.text(), self.redistribute_method.currentData())
        self.redistribute_model.set_rows(rows)  # a refused amount empties the table: no figure beside the wrong one
        self.redistribute_note.setText(note)
        if rows:  # the names read whole ("Suffolk Coast…" was cut beside a Share column taking the width)
            self.redistribute_view.size_columns_to_visible()

    def _build_top_slice(self) -> QWidget:
        page = QWidget(self)
        self.top_slice_combo = ChoiceBox(page)
        self.top_slice_combo.setAccessibleName("Saved top-slices")
        self.top_slice_combo.currentIndexChanged.connect(self._load_top_slice)
        self.top_fields: dict[str, QLineEdit] = {}
        self._remainder_label = "Rest"
        # The fields in two columns under the saved top-slices, the grant and its slice, then what is left of it: in
        # one, seven rows held the pages (and so the Results under the inputs) taller than a laptop has room for.
        fields = QGridLayout()
        saved = QLabel("Saved t&op-slices:", page)
        saved.setBuddy(self.top_slice_combo)
        fields.addWidget(saved, 0, 0)
        fields.addWidget(self.top_slice_combo, 0, 1, 1, 3)
        # Each field's Alt key after its words, a sign Alt reaches on any keyboard: every letter and figure is another
        # control's on this page (Alt+- = / the buttons', Alt+' the options' "Last year's total less retained").
        for at, (key, label, letter, default) in enumerate((
                ("total", "Total grant", ";", "£2,900,692"), ("slice", "First slice %", ".", "50"),
                ("slice_label", "First slice goes to", "[", "LSP share"),
                ("retained", "Retained % of the rest", "]", "10"), ("partners", "Equal shares", "\\", "9"),
                ("scenario", "Scenario ±%", "`", "20"))):
            edit = QLineEdit(default, page)
            edit.setAccessibleName(label)
            edit.setMinimumWidth(edit.fontMetrics().horizontalAdvance("£10,000,000.00") + 12)  # no figure cut
            edit.editingFinished.connect(self.compute_top_slice)
            edit.textEdited.connect(lambda *_: self.session.unsaved_changed.emit())  # the title's "*"
            self.top_fields[key] = edit
            words = QLabel(f"{label} (&{letter}):", page)
            words.setBuddy(edit)
            fields.addWidget(words, 1 + at % 3, 2 * (at // 3))
            fields.addWidget(edit, 1 + at % 3, 2 * (at // 3) + 1)
        fields.setColumnStretch(1, 1)
        fields.setColumnStretch(3, 1)
        # Under the fields, reached after them by Tab; beside the list, three buttons cut a saved top-slice's name to a
        # few letters on a laptop. Alt+-, Alt+= and Alt+/: every letter and digit is another control's on this page.
        self.top_slice_save_button = self._button(
            "Save top-slice…", self.save_top_slice, writes=True, key="-",
            tip="Keep the figures above as a saved top-slice of a year, under a name of its own")
        self.top_slice_replace_button = self._button(
            "Replace saved", self.replace_top_slice, writes=True, key="=",
            tip="Put the figures above in place of those of the top-slice chosen in Saved top-slices")
        self.top_slice_remove_button = self._button(
            "Remove saved", self.remove_top_slice, writes=True, key="/",
            tip="Remove the top-slice chosen in Saved top-slices from the file")
        self.top_slice_replace_button.setAccessibleName("Replace saved top-slice")
        self.top_slice_remove_button.setAccessibleName("Remove saved top-slice")
        buttons = QHBoxLayout()
        for button in (self.top_slice_save_button, self.top_slice_replace_button, self.top_slice_remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.top_slice_model = RowTableModel(
            [Column("label", "Line", lambda r: r[0]),
             _money_column_of("amount", "Amount", lambda r: r[1])], [], self)
        self.top_slice_view = DataTableView(page, accessible_name="Top-slice breakdown")
        self.top_slice_view.on_export = self.export_results  # the right-click menu's Export…, as the button
        self.top_slice_view.setModel(self.top_slice_model)
        self.top_slice_view.setSortingEnabled(False)
        self.top_slice_problem = QLabel(page)
        self.top_slice_problem.setWordWrap(True)
        left = QVBoxLayout()
        left.addLayout(fields)
        left.addLayout(buttons)
        left.addWidget(self.top_slice_problem)
        left.addStretch(1)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 2)
        layout.addWidget(self.top_slice_view, 3)
        self.top_slice_page = page
        return page

    # -- the working state --------------------------------------------------------------------
    def apply(self, new_state: bench.WorkState, text: str, at: EditedAt | None = None) -> bool:
        """Make an edit through the presenter (one undoable action); False when it changes nothing. ``at``: where it
        is, chosen when it is undone or redone."""
        return self.presenter.apply(new_state, text, at)

    def _show_state(self) -> None:
        self._show_scenario_status()
        self.inputs_model.set_state(self.state)
        self.results_model.show(self.result)
        self._show_chart()
        self._sync_options()
        self._show_summary()
        self._show_explanation()
        self.compute_redistribution()
        if self.presenter.undone_at is not None:
            self._choose(self.presenter.undone_at)

    def _show_chart(self, *_args) -> None:
        """The chart, its legend naming the year in Working on (the one the inputs are saved as) and the year before:
        it named the loaded scenario's year while next year's was typed to save them as."""
        self.chart.show_result(self.result, self.presenter.year)

    def _choose(self, at: EditedAt) -> None:
        """What an undo or a redo changed, chosen: the inputs' cells (or rows), the factor, the option's field."""
        if at.table == "option":
            key = at.columns[0] if at.columns else ""
            widget = {"rounding": self.rounding_combo, "unit": self.unit_combo,
                      "pot_mode": self.pot_given if self.pot_given.isChecked() else self.pot_from_previous,
                      }.get(key) or self.option_edits.get(key)
            if widget is not None and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        view = self.inputs_view if at.table == "inputs" else self.factors_table
        model = view.model()
        rows = [r for r in at.rows if 0 <= r < model.rowCount()]
        if at.table == "inputs":
            keys = self.inputs_model.keys
            columns = [keys.index(k) for k in at.columns if k in keys]
        else:
            columns = [c for c in at.columns if 0 <= c < model.columnCount()]
        if not rows:
            return
        whole = not columns
        columns = columns or list(range(model.columnCount()))
        selection = QItemSelection()
        for r in rows:
            selection.select(model.index(r, columns[0]), model.index(r, columns[-1]))
        view.setCurrentIndex(model.index(rows[0], columns[0]))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect
        view.selectionModel().select(selection, flags | QItemSelectionModel.SelectionFlag.Rows if whole else flags)
        view.scrollTo(model.index(rows[0], columns[0]))

    def _sync_options(self) -> None:
        self._syncing = True
        try:
            o = self.state.options
            for key, edit in self.option_edits.items():
                text = bench.field_text(o, key)
                if edit.text() != text:
                    edit.setText(text)
            from_previous = o.pot_pence is None
            (self.pot_from_previous if from_previous else self.pot_given).setChecked(True)
            pot = self.option_edits["pot"]
            pot.setEnabled(not from_previous)
            # Worked out from last year, the greyed field shows the pot used (it showed the example pot,
            # whatever was retained); a pot to type shows the example.
            worked_out = format_money(self.result.pot_pence) if self.result is not None else ""
            pot.setPlaceholderText(worked_out if from_previous else POT_EXAMPLE)
            # Retained % stays open either way: it holds back a share of last year's total or of the pot given (this
            # year's grant), as the command line takes --retain with --previous-total or with --pot.
            self.option_edits["previous_total"].setEnabled(from_previous)
            self.previous_sum_button.setEnabled(from_previous and not self.read_only)
            self.rounding_combo.setCurrentIndex(self.rounding_combo.findData(o.rounding))
            self.unit_combo.setCurrentIndex(self.unit_combo.findData(o.unit))
            self.factors_table.blockSignals(True)
            self.factors_table.setRowCount(len(o.factors))
            for i, f in enumerate(o.factors):
                for c, text in enumerate((f.title, format_weight(f.weight))):
                    item = self.factors_table.item(i, c)
                    if item is None:
                        self.factors_table.setItem(i, c, QTableWidgetItem(text))
                    elif item.text() != text:
                        item.setText(text)
                self.factors_table.item(i, 0).setToolTip(f.title)  # the column is narrow: the name whole
            self.factors_table.blockSignals(False)
            self._fit_factors()
        finally:
            self._syncing = False

    def _fit_factors(self) -> None:
        """Beside the inputs, the factors' table at least as wide as its headings, its weights and its names over two
        lines, a name no longer than "Non-crime demand" taken whole (a longer one is whole when pointed at): the
        inputs keep the room for their columns with two factors. Under them (the window narrower still) as narrow as
        its buttons."""
        table = self.factors_table
        header, cells = table.horizontalHeader(), table.fontMetrics()
        bold = QFont(header.font())
        bold.setBold(True)  # Qt draws the chosen cell's heading bold
        weights = [table.item(r, 1).text() for r in range(table.rowCount()) if table.item(r, 1)]
        weight = max([QFontMetrics(bold).horizontalAdvance("Weight") + HEADING_PAD]
                     + [cells.horizontalAdvance(w) + CELL_PAD for w in weights])
        header.resizeSection(1, weight)
        if self._options_narrow is not False:
            table.setMinimumWidth(0)
            return
        names = [table.item(r, 0).text() for r in range(table.rowCount()) if table.item(r, 0)]
        cap = two_line_width(cells, FACTOR_NAME_WHOLE)  # a name over two lines, as a row has room for
        name = max([QFontMetrics(bold).horizontalAdvance("Factor") + HEADING_PAD]
                   + [min(two_line_width(cells, n), cap) + 8 for n in names])  # a cell's text margins
        table.setMinimumWidth(name + weight + 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width())

    def _show_problem(self) -> None:
        self.problem_label.setText(f"⚠ {self.problem}" if self.problem else "")

    def refusal_taken_back(self) -> None:
        """What a refusal beside the options was about is no longer typed (Esc put the figure back, or the cell was
        left): the line says the inputs' own state again, not "“2,44x” is not a number" beside figures all fine."""
        self._cell_refused = False
        self._show_problem()

    def _show_summary(self) -> None:
        self._show_problem()
        text = summary_text(self.result, self.problem, self.presenter.last_year_warnings())
        if text != self.summary_label.text():
            self.summary_label.setText(text)
            self.summary_area.updateGeometry()  # as tall as its lines, where there is room
            self._share_later.start()  # a line longer or shorter: the split again, once laid out

    def _size_results(self) -> None:
        """Columns as wide as their figures (never cutting a digit), names as wide as the longest name."""
        self.results_view.size_columns_to_visible(160)
        self.frozen_names.attach()
        # However the split is moved, the results keep six rows in view (the seed paper's five partnerships and its
        # totals line): at 910x480 (150%) the tab is at its least height, and the pages at theirs.
        view = self.results_view
        rows = min(6, max(1, self.results_proxy.rowCount())) * view.verticalHeader().defaultSectionSize()
        view.setMinimumHeight(view.horizontalHeader().sizeHint().height() + rows + 2 * view.frameWidth()
                              + view.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent))

    def _result_row_changed(self, current, _previous=None) -> None:
        if current.isValid():
            row = self.results_model.row(self.results_proxy.mapToSource(current).row())
            self._selected_name = row["name"]
        self._show_explanation()

    def _show_explanation(self) -> None:
        name = self._selected_name
        if self.result is None or name is None:
            self.explanation_label.setText("Select a partnership to see how its figure was reached.")
            return
        if name == TOTAL_KEY:
            r = self.result
            self.explanation_label.setText(
                f"The totals: {format_money(r.fixed_total_pence)} fixed plus {format_money(r.variable_total_pence)} "
                f"variable = {format_money(r.total_pence)}, exactly the pot.")
            return
        try:
            self.explanation_label.setText(self.result.explain(name))
            return
        except KeyError:
            pass
        # Renamed in the inputs: the row chosen in the results is still there under its new name (the words asked to
        # select a partnership beside a row selected).
        current = self.results_view.currentIndex()
        chosen = (self.results_model.row(self.results_proxy.mapToSource(current).row())["name"]
                  if current.isValid() else None)
        if chosen not in (None, name, TOTAL_KEY) and any(r.name == chosen for r in self.result.rows):
            self._selected_name = chosen
            self._show_explanation()
            return
        self.explanation_label.setText("Select a partnership to see how its figure was reached.")

    def _refuse(self, exc: Exception | str) -> None:
        """A refused edit: say why beside the options and in a message, and leave the state as it was."""
        self._refused = True
        self.problem_label.setText(f"⚠ {exc}")
        prompts.show_error(self, "Allocation", str(exc))

    # -- edits ---------------------------------------------------------------------------------
    def edit_input(self, row: int, key: str, text: str) -> bool:
        self._cell_refused = False
        try:
            new_state = bench.with_cell(self.state, row, key, text)
        except AllocationError as exc:
            self._cell_refused = True
            self._refuse(exc)
            return False
        header = self.state.input_headers()[self.state.input_columns().index(key)]
        self.apply(new_state, f"Edit {header} of {self.state.partnerships[row].name}",
                   EditedAt("inputs", (row,), (key,)))
        return True

    def edit_option(self, key: str, text: str) -> None:
        if self._syncing or self.read_only:
            return
        if key in self.option_edits and text.strip() == bench.field_text(self.state.options, key):
            return
        try:
            new_state = bench.with_option(self.state, key, text)
        except AllocationError as exc:
            # What was typed stays in the field, to be put right (Esc puts the option's figure back), as a cell's
            # figure refused stays in its editor; the message box taking the focus from the field leaves it again,
            # which says nothing twice.
            if self._refusing_option == key:
                return
            self._refusing_option = key
            try:
                self._refuse(exc)
            finally:
                self._refusing_option = None
            if (edit := self.option_edits.get(key)) is not None and edit.isVisible():
                edit.setFocus()
            return
        if not self.apply(new_state, bench.option_step_name(new_state.options, key),  # "… to 12.5%"
                          EditedAt("option", (), (key,))):
            self._sync_options()  # the same figure typed another way ("10%" over 10): shown as kept, nothing pending

    # A figure typed in an option field goes in when the field is left, one in a cell when its editor closes.
    # Closing the file or the program, Ctrl+S, or Edit > Undo from the menu does not leave them first (the field's
    # "editing finished" came after the file had closed; an undo put the figure it showed over what was typed): the
    # window asks these before, and what is typed goes in as Enter would, while the file is open.
    def _typed_options(self) -> list[tuple[str, QLineEdit]]:
        if self.read_only:
            return []
        return [(key, edit) for key, edit in self.option_edits.items()
                if edit.text().strip() != bench.field_text(self.state.options, key)]

    def _typed_cells(self) -> list[tuple[QAbstractItemView, QLineEdit]]:
        """The inputs' or factors' cell whose open editor holds something other than the cell."""
        typed = []
        for view in (self.inputs_view, self.factors_table):
            index = view.currentIndex()
            editor = view.indexWidget(index) if index.isValid() else None
            if (view.state() == QAbstractItemView.State.EditingState and isinstance(editor, QLineEdit)
                    and editor.text() != (index.data(Qt.ItemDataRole.EditRole) or "")):
                typed.append((view, editor))
        return typed

    def has_unsaved_changes(self) -> bool:
        return bool(self._typed_options() or self._typed_cells() or self._top_slice_typed())

    def nothing_to_save_words(self) -> str:
        return self.presenter.ctrl_s_words()

    def _top_slice_typed(self) -> bool:
        """Top-slice figures typed and not saved (a corrected grant): closing dropped them without a word."""
        shown = self._top_slice_shown
        return (shown is not None and not self.read_only
                and top_slice_typed(self._top_slice_fields(), shown, self._remainder_label))

    def describe_unsaved(self) -> str:
        words = self.presenter.describe_unsaved() if self._typed_options() or self._typed_cells() else ""
        if self._top_slice_typed():
            chosen = self.top_slice_combo.currentText()
            words = " ".join(filter(None, [words, "Top-slice figures typed on page 4 are not saved" + (
                f" (Save puts them in place of the saved top-slice {chosen}'s)." if chosen else
                " (Save asks for a name and a year).")]))
        return words

    def _save_typed_top_slice(self) -> bool:
        """The typed top-slice figures saved: in place of the chosen saved top-slice's, or as a new one (its name and
        year asked); False when refused (said) or the name is not given."""
        slice_id = self.top_slice_combo.currentData()
        if slice_id is None:
            return self.save_top_slice()
        if self.presenter.replace_top_slice(slice_id, self._top_slice_fields()):
            return True
        self._top_slice_refused(self.presenter.top_slice_error, "Replace saved top-slice")
        return False

    def _top_slice_leave(self, ask) -> bool:
        """Before the file closes: top-slice figures typed and not saved asked about (Save / Discard / Cancel)."""
        if not self._top_slice_typed():
            return True
        self.pages.setCurrentWidget(self.top_slice_page)
        choice = ask(self.describe_unsaved())
        if choice == UnsavedChoice.SAVE:
            return self._save_typed_top_slice()
        if choice == UnsavedChoice.DISCARD:
            self._load_top_slice()
            return True
        return False

    def _put_in_typed(self) -> bool:
        """What is still being typed put in; False when some of it is refused (said, and left as typed to be put
        right, as Enter leaves it: Esc puts the figure back)."""
        self._refused = False
        for view, editor in self._typed_cells():
            delegate = view.itemDelegateForIndex(view.currentIndex())
            delegate.commitData.emit(editor)
            delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        refused = self._refused
        still_typed: dict[QLineEdit, str] = {}
        for key, edit in self._typed_options():
            self._refused = False
            self.edit_option(key, edit.text())
            if self._refused:
                still_typed[edit] = edit.text()
        self._sync_options()  # "600000" shown back as £600,000; one typed as it already was, too
        self._syncing = True
        try:
            for edit, text in still_typed.items():
                edit.setText(text)
        finally:
            self._syncing = False
        self._refused = refused or bool(still_typed)
        return not self._refused

    def save_changes(self) -> bool:
        if not self._put_in_typed():
            return False
        return not self._top_slice_typed() or self._save_typed_top_slice()

    def may_leave(self, ask) -> bool:
        return self._put_in_typed()  # the top-slice's figures typed stay on the page, the tab only left

    def may_close(self, ask) -> bool:
        return self._put_in_typed() and self._top_slice_leave(ask)

    def use_previous_sum(self) -> None:
        total = bench.previous_sum(self.state)
        if total is not None:
            self.edit_option("previous_total", format_money(total))

    def paste_inputs(self, text: str) -> None:
        if self.read_only:
            return
        table = parse_tsv(text or "", keep_blank_rows=True)  # an empty cell keeps its row, as in Excel
        if not table:
            return
        current = self.inputs_view.currentIndex()
        row = current.row() if current.isValid() else len(self.state.partnerships)
        column = current.column() if current.isValid() else 0
        try:
            new_state = bench.with_pasted(self.state, row, column, table)
        except AllocationError as exc:
            self._refuse(exc)
            return
        # The rows that took figures: "Undo paste 7 rows" named four partnerships copied with their heading and blank
        # lines, and undoing chose a row the paste never touched.
        table, _ = bench.pasted_rows(self.state, row, column, table)
        width = max((len(r) for r in table), default=0)  # the headings alone: nothing pasted, nothing to undo
        self.apply(new_state, f"Paste {counted(len(table), 'row')}",
                   EditedAt("inputs", tuple(range(row, row + len(table))),
                            tuple(new_state.input_columns()[column:column + width])))

    def empty_cells(self, cells: list[tuple[int, int]]) -> None:
        """Del over several input cells: each emptied, as one step to undo; one that cannot be empty (a name, a
        count) is refused naming it, and nothing changes."""
        if self.read_only:
            return
        keys = self.state.input_columns()
        cells = sorted(cells)
        try:
            new_state = bench.with_cells_emptied(self.state, [(r, keys[c]) for r, c in cells])
        except AllocationError as exc:
            self._refuse(exc)
            return
        self.apply(new_state, f"Clear {counted(len(cells), 'cell')}",
                   EditedAt("inputs", tuple(sorted({r for r, _ in cells})),
                            tuple(keys[c] for c in sorted({c for _, c in cells}))))

    def paste_factors(self, text: str) -> None:
        """Cells copied from Excel into the factors from the cell chosen on (a row past the last adds a factor), as one
        step to undo; a cell refused is said and nothing changes."""
        if self.read_only:
            return
        table = parse_tsv(text or "", keep_blank_rows=True)
        if not table:
            return
        current = self.factors_table.currentIndex()
        row = current.row() if current.isValid() else len(self.state.options.factors)
        column = current.column() if current.isValid() else 0
        try:
            new_state = bench.with_factors_pasted(self.state, row, column, table)
        except AllocationError as exc:
            self._refuse(exc)
            return
        old = self.state.options.factors
        rows = tuple(i for i, f in enumerate(new_state.options.factors) if i >= len(old) or f != old[i])
        self.apply(new_state, f"Paste {counted(len(rows), 'factor')}", EditedAt("factors", rows))

    def empty_factor_cells(self, cells: list[tuple[int, int]]) -> None:
        """Del over the factors' cells: a factor's name and weight cannot be empty (typing nothing is refused), so
        it is said why, and how to leave a factor out."""
        if not self.read_only:
            self._refuse(bench.factor_cells_kept(self.state, cells))

    def add_partnership(self) -> None:
        self.apply(bench.with_new_row(self.state), "Add partnership",
                   EditedAt("inputs", (len(self.state.partnerships),)))
        self.inputs_view.setCurrentIndex(self.inputs_model.index(len(self.state.partnerships) - 1, 0))
        # The keys to the new row's name, as in a spreadsheet: left on the button, the name typed next went nowhere
        # and Tab carried the figures after it into Working on (session 71).
        self.inputs_view.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_partnerships(self) -> None:
        rows = sorted({i.row() for i in self.inputs_view.selectionModel().selectedIndexes()})
        if not rows and self.inputs_view.currentIndex().isValid():
            rows = [self.inputs_view.currentIndex().row()]
        if rows:
            column = max(0, self.inputs_view.currentIndex().column())
            if self.apply(bench.without_rows(self.state, rows), f"Remove {counted(len(rows), 'partnership')}",
                          EditedAt("inputs", tuple(rows))) and self.inputs_model.rowCount():
                # The row in the place of the first removed (or the last) chosen, as Del does in the other lists: none
                # was, and the arrows started again from the top-left cell.
                self.inputs_view.setCurrentIndex(
                    self.inputs_model.index(min(rows[0], self.inputs_model.rowCount() - 1), column))

    def _factor_item_changed(self, item: QTableWidgetItem) -> None:
        if not self._syncing:
            self.edit_factor(item.row(), item.column(), item.text())

    def edit_factor(self, row: int, column: int, typed: str) -> bool:
        """A factor's name (column 0) or weight typed; False when refused (said, and the cell shows it as held)."""
        title = self.state.options.factors[row].title
        try:
            if column == 0:
                new_state = bench.with_factor_title(self.state, row, typed)
                text = f"Rename factor {title} to {new_state.options.factors[row].title}"
            else:
                new_state = bench.with_factor_weight(self.state, row, typed)
                text = f"Edit weight of factor {title}"
        except AllocationError as exc:
            self._sync_options()
            self._refuse(exc)
            return False
        self.apply(new_state, text, EditedAt("factors", (row,), (column,)))
        return True

    def add_factor(self) -> None:
        new_state = bench.with_new_factor(self.state)
        if self.apply(new_state, f"Add factor {new_state.options.factors[-1].title}",
                      EditedAt("factors", (len(new_state.options.factors) - 1,))):
            # The keys to the new factor's name, as after Add Partnership (session 71).
            self.factors_table.setCurrentCell(len(new_state.options.factors) - 1, 0)
            self.factors_table.setFocus(Qt.FocusReason.OtherFocusReason)

    def remove_factor(self) -> None:
        row = self.factors_table.currentRow()
        if row < 0:
            row = self.factors_table.rowCount() - 1
        try:
            new_state = bench.without_factor(self.state, row)
        except AllocationError as exc:
            self._refuse(exc)
            return
        self.apply(new_state, f"Remove factor {self.state.options.factors[row].title}", EditedAt("factors", (row,)))

    # -- scenarios -------------------------------------------------------------------------------
    def _show_scenario_status(self) -> None:
        p = self.presenter
        status = p.status_text()
        self.scenario_status.setText(f"⚠ {status}" if status else "✓ as saved" if p.loaded is not None else "")
        self.scenario_status.setToolTip(p.scenario_label())
        self.scenario_status.setAccessibleDescription(p.scenario_label())
        # The name and year the presenter holds: the loaded scenario's when opened or saved, else what was typed
        # (an edit never puts the loaded name back over a typed one, so Save then adds a new scenario).
        for edit, text in ((self.scenario_name, p.name), (self.scenario_year, p.year)):
            if edit.text() != text:
                edit.setText(text)

    def _fill_scenarios(self, select: str | None = None) -> None:
        self.scenarios = service.list_scenarios(self.store)
        agreed = next((s.id for s in self.scenarios if s.adopted), None)
        current = select or self.scenario_combo.currentData() or agreed
        second_kept = self.compare_second.currentData()
        could_differ = self.compare_first.count() > 1  # with one scenario listed, both sides had to show it
        titles = self.presenter.scenario_titles(self.scenarios)  # with the office each came from, in a county file
        for combo in (self.scenario_combo, self.compare_first, self.compare_second):
            combo.blockSignals(True)
            keep = combo.currentData()
            combo.clear()
            for s, title in zip(self.scenarios, titles):
                combo.addItem(title + ("  ✓ agreed" if s.adopted else ""), s.id)
            index = combo.findData(current if combo is self.scenario_combo else keep)
            if index < 0 and combo is not self.scenario_combo:
                # The one compared left the file (deleted, its save undone): another than the other side's, not the
                # top of the list, which set the other side's scenario beside itself ("chosen twice").
                other = second_kept if combo is self.compare_first else self.compare_first.currentData()
                index = next((i for i in range(combo.count()) if combo.itemData(i) != other), 0)
            combo.setCurrentIndex(max(0, index))
            combo.blockSignals(False)
        first = self.compare_first.currentData()
        if not could_differ and first is not None and self.compare_second.currentData() == first:
            # A second scenario saved: set beside the one both sides held (the list is newest first), not that one
            # beside itself, every difference £0 and "The same scenario is chosen twice." (session 71).
            other = next((i for i in range(self.compare_second.count()) if self.compare_second.itemData(i) != first),
                         None)
            if other is not None:
                self.compare_second.blockSignals(True)
                self.compare_second.setCurrentIndex(other)
                self.compare_second.blockSignals(False)
        has = bool(self.scenarios)
        self.open_button.setEnabled(has)
        self.delete_button.setEnabled(has and not self.read_only)
        self.rename_button.setEnabled(has and not self.read_only)
        self.adopt_button.setEnabled(has and not self.read_only)
        self._show_agreed_button()
        self.compare_scenarios()

    def _saved(self, ok: bool) -> None:
        if not ok and self.presenter.error:
            prompts.show_error(self, "Save scenario", self.presenter.error)

    def save_scenario(self) -> None:
        """Save: the loaded scenario again under its own name and year; otherwise a new one. Over the agreed
        scenario only when the officer says so (the board report's figures change)."""
        name, year = self.scenario_name.text(), self.scenario_year.text()
        question = self.presenter.save_question(name, year)
        if question and not prompts.ask(self, "Save over the agreed scenario", question, yes="Save over it"):
            return
        self._saved(self.presenter.save(name, year))

    def save_scenario_as_new(self) -> None:
        self._saved(self.presenter.save_as_new(self.scenario_name.text(), self.scenario_year.text()))

    def open_selected_scenario(self) -> None:
        scenario_id = self.scenario_combo.currentData()
        if not scenario_id:
            return
        try:
            self.presenter.open(scenario_id)
        except service.ScenarioError as exc:
            prompts.show_error(self, "Open scenario", str(exc))

    def rename_selected_scenario(self) -> None:
        """Rename… the scenario chosen in Saved scenarios: asked only its new name (its agreed mark stays)."""
        scenario_id = self.scenario_combo.currentData()
        chosen = next((s for s in self.scenarios if s.id == scenario_id), None)
        if chosen is None:
            return
        name = prompts.ask_text(self, "Rename scenario", f"A new name for {chosen.year} — {chosen.name}:", chosen.name)
        if name is not None and not self.presenter.rename(scenario_id, name) and self.presenter.error:
            prompts.show_error(self, "Rename scenario", self.presenter.error)

    def delete_selected_scenario(self) -> None:
        scenario_id = self.scenario_combo.currentData()
        if not scenario_id:
            return
        if prompts.ask(self, "Delete scenario", self.presenter.delete_question(scenario_id), yes="Delete"):
            self.presenter.delete(scenario_id)

    def adopt_selected_scenario(self) -> None:
        """Mark the chosen scenario as the one the board agreed, or take the mark off the agreed one."""
        scenario_id = self.scenario_combo.currentData()
        if scenario_id:
            if self._chosen_is_agreed():
                self.presenter.unadopt(scenario_id)
            else:
                question = self.presenter.adopt_question(scenario_id)
                if question and not prompts.ask(self, "Mark as agreed", question,
                                                yes="Mark the saved one as agreed"):
                    return
                self.presenter.adopt(scenario_id)
            self._fill_scenarios(scenario_id)

    def _chosen_is_agreed(self) -> bool:
        chosen = self.scenario_combo.currentData()
        return any(s.id == chosen and s.adopted for s in getattr(self, "scenarios", ()))

    def _show_agreed_button(self, *_args) -> None:
        words = "Un&mark as agreed" if self._chosen_is_agreed() else "&Mark as agreed"
        self.adopt_button.setText(words)
        self.adopt_button.setAccessibleName(words.replace("&", ""))  # a screen reader said "Mark" over "Unmark"

    def _show_compare_bar(self, index: int) -> None:
        self.compare_bar.setVisible(self.pages.widget(index) is self.compare_view.parentWidget())

    def compare_scenarios(self, *_args) -> None:
        first_id, second_id = self.compare_first.currentData(), self.compare_second.currentData()
        if not first_id or not second_id:
            self.compare_model.set_rows([])
            self.compare_note.setText("Save two scenarios to compare them side by side.")
            return
        for combo in (self.compare_first, self.compare_second):
            combo.setToolTip(combo.currentText())  # whole: beside the tabs a long title is cut
        first = service.load_scenario(self.store, first_id)
        second = service.load_scenario(self.store, second_id)
        self.compare_model.beginResetModel()
        self.compare_model.columns = comparison_columns(first.title, second.title)
        self.compare_model.endResetModel()
        self.compare_model.set_rows(service.compare_scenarios(first, second))
        self.compare_view.size_columns_to_visible()
        self.compare_note.setText(comparison_note(first, second))
        self._share_later.start()  # its rows (and the note's lines) as many as the two scenarios' partnerships

    # -- top-slice -------------------------------------------------------------------------------
    def _fill_top_slices(self, select: str | None = None, *, keep_typed: bool = False) -> None:
        """The saved top-slices listed (again: a scenario saved, a merge). The fields are the chosen one's only when
        it is newly chosen or has changed in the file: figures typed in them to try (a grant of £1,000,000) went
        back to the saved one's, without a word, whenever a scenario was saved. ``select``: the one to choose;
        ``keep_typed``: the fields stay as they are whichever is chosen."""
        before = {item.id: item for item in getattr(self, "top_slices", ())}
        chosen = select or self.top_slice_combo.currentData()
        self.top_slices = service.list_top_slices(self.store)
        self.top_slice_combo.blockSignals(True)
        self.top_slice_combo.clear()
        for item, title in zip(self.top_slices, self.presenter.top_slice_titles(self.top_slices)):
            self.top_slice_combo.addItem(title, item.id)
        self.top_slice_combo.setCurrentIndex(max(0, self.top_slice_combo.findData(chosen)))
        self.top_slice_combo.blockSignals(False)
        # Whole in the tooltip: on a laptop a long name is cut ("2010/11 — Performance Reward Gra").
        self.top_slice_combo.setToolTip(self.top_slice_combo.currentText())
        for button in (self.top_slice_replace_button, self.top_slice_remove_button):
            button.setEnabled(bool(self.top_slices) and not self.read_only)
        index = self.top_slice_combo.currentIndex()
        if keep_typed or (chosen is not None and 0 <= index and before.get(chosen) == self.top_slices[index]):
            self.compute_top_slice()  # the same saved top-slice, as it was: what is in the fields stays
            return
        self._load_top_slice()

    def _top_slice_fields(self) -> dict[str, str]:
        return {k: e.text() for k, e in self.top_fields.items()}

    def save_top_slice(self) -> bool:
        """Save top-slice…: the figures on the page kept under a name and a year (one step of Edit > Undo), then
        listed and chosen. Refused (figures that do not work out, before a name is asked; a name the year has), said
        beside the fields, as the page says its other problems, and in a message."""
        fields, remainder = self._top_slice_fields(), self._remainder_label
        if self._top_slice_refused(self.presenter.top_slice_refusal(fields, remainder)):
            return False
        name = prompts.ask_text(self, "Save top-slice", "The top-slice's name (as the board paper heads it):")
        if name is None:
            return False
        chosen = self.top_slice_combo.currentIndex()
        year = (self.presenter.year.strip() or (self.top_slices[chosen].year if 0 <= chosen < len(self.top_slices)
                                                else ""))
        year = prompts.ask_text(self, "Save top-slice", f"The financial year it is for (as {year_example()}):", year)
        if year is None:
            return False
        before = self.top_slice_combo.currentData()
        slice_id = self.presenter.save_top_slice(name, year, fields, remainder)
        if slice_id is None:
            self._top_slice_refused(self.presenter.top_slice_error)
            return False
        self._chosen_before[slice_id] = before
        return True

    def replace_top_slice(self) -> None:
        """Replace saved: the figures on the page put in place of the chosen saved top-slice's (a wrong figure saved),
        after a question naming each figure that changes; one step of Edit > Undo. Refused as Save's refusals are."""
        slice_id, fields = self.top_slice_combo.currentData(), self._top_slice_fields()
        question = self.presenter.replace_top_slice_question(slice_id, fields)
        if self._top_slice_refused(self.presenter.top_slice_error, "Replace saved top-slice"):
            return
        if prompts.ask(self, "Replace saved top-slice", question, yes="Replace"):
            if not self.presenter.replace_top_slice(slice_id, fields):
                self._top_slice_refused(self.presenter.top_slice_error, "Replace saved top-slice")

    def remove_top_slice(self) -> None:
        """Remove saved: the chosen saved top-slice taken out of the file (saved by mistake, or under a wrong name or
        year: its figures stay on the page to save again), after a question; one step of Edit > Undo."""
        slice_id = self.top_slice_combo.currentData()
        question = self.presenter.remove_top_slice_question(slice_id)
        if self._top_slice_refused(self.presenter.top_slice_error, "Remove saved top-slice"):
            return
        if prompts.ask(self, "Remove saved top-slice", question, yes="Remove"):
            if not self.presenter.remove_top_slice(slice_id):
                self._top_slice_refused(self.presenter.top_slice_error, "Remove saved top-slice")

    def _top_slice_refused(self, why: str, title: str = "Save top-slice") -> bool:
        if why:
            self.top_slice_problem.setText(f"⚠ {why}")
            prompts.show_error(self, title, why)
        return bool(why)

    def _top_slice_saved(self, slice_id: str) -> None:
        """A top-slice saved, or its save undone or redone: the page in view, the list again, the top-slice chosen
        while it is in the file; undone, the one chosen before, and the figures typed stay to be saved again."""
        self.pages.setCurrentWidget(self.top_slice_page)
        if any(item.id == slice_id for item in service.list_top_slices(self.store)):
            self._fill_top_slices(slice_id)
        else:
            self._fill_top_slices(self._chosen_before.get(slice_id), keep_typed=True)
        self.session.notify(service.AREA)  # the report, the county workbook

    def _load_top_slice(self, *_args) -> None:
        index = self.top_slice_combo.currentIndex()
        self.top_slice_combo.setToolTip(self.top_slice_combo.currentText())
        if 0 <= index < len(self.top_slices):
            item = self.top_slices[index]
            self._remainder_label = item.remainder_label
            for key, value in top_slice_fields_of(item).items():
                self.top_fields[key].setText(value)
        self._top_slice_shown = self._top_slice_fields()  # what is typed over these is unsaved
        self.compute_top_slice()
        self.session.unsaved_changed.emit()

    def compute_top_slice(self) -> None:
        fields = self._top_slice_fields()
        rows, problem = top_slice_rows(fields, self._remainder_label)
        self.top_slice_problem.setText(problem or top_slice_note(fields))  # refused, or how odd pence fall
        self.top_slice_model.set_rows(rows)  # refused: emptied, so no figure stands beside the wrong field
        if rows:
            self.top_slice_view.size_columns_to_visible()

    # -- export and copy -------------------------------------------------------------------------
    def results_table_text(self) -> str:
        """The Results as shown, for Copy Table: the totals line of rows a filter left out says so, as Export's."""
        said = self._results_shown()
        return _table_text(self.results_proxy, total_label=said.total_label if said.hidden else None)

    def _results_shown(self):
        """How many partnerships the Results table shows, of how many, and which column filters hid the rest."""
        from safer_desk.ui.kit.exports import shown_rows

        return shown_rows(self.results_proxy, "partnership")

    def copy_results(self) -> None:
        """Copy Table: the table of the page shown (on Compare scenarios, Redistribute or Top-slice its table, as Edit >
        Copy takes it: the Results pasted into Excel passed for the comparison or the money shared back). With nothing
        on the page, why there is nothing to copy, as Export says it: the clipboard kept an earlier copy, which pasted
        into Excel passed for this split."""
        view = self._page_table()
        if view is self.results_view:
            if self.result is None:
                prompts.show_error(self, "Copy Table", self.problem or "There is no result to copy.")
                return
            copy_to_clipboard(self.results_table_text())
            return
        if not view.model().rowCount():
            prompts.show_error(self, "Copy Table", self._page_empty_reason(view))
            return
        copy_to_clipboard(_table_text(view.model()))

    def copy_selection(self) -> bool:
        """Edit > Copy on the tab: the selected rows of the table on the page shown, or the whole table when none are
        selected. It copied the Results whichever page was shown: the comparison copied from Compare scenarios, a
        choice box there in focus, pasted into Excel as the year's split."""
        view = self._page_table()
        if view.copy_selection():
            return True
        if view is self.results_view:
            if self.result is None:
                return False
            copy_to_clipboard(self.results_table_text())
            return True
        if not view.model().rowCount():
            return False
        copy_to_clipboard(_table_text(view.model()))
        return True

    def _page_table(self):
        """The table on the page shown (Results, Compare scenarios, Redistribute or Top-slice)."""
        page = self.pages.currentWidget()
        return next((view for view in (self.compare_view, self.redistribute_view, self.top_slice_view)
                     if page is not None and page.isAncestorOf(view)), self.results_view)

    def export_results(self) -> None:
        """Export…: the table of the page shown, as a workbook (money Excel can add up), a CSV or a tab-separated file;
        on Results the allocation with its explanations. It saved the Results whatever page was shown, and the other
        pages' tables could not be saved at all."""
        view = self._page_table()
        if view is not self.results_view:
            self._export_page(view)
            return
        if self.result is None:
            prompts.show_error(self, "Export", self.problem or "There is no result to export.")
            return
        result, said = self.result, self._results_shown()
        # What the table shows, in its order (a filter said in the title and on the totals line), as Copy Table
        # copies it: it wrote every partnership whatever the filter.
        names = [row["name"] for row in self.results_proxy.source_rows()]
        written = []

        def write(target):
            written[:] = self.presenter.export_sheets(result, workbook=target.suffix.lower() == ".xlsx", names=names,
                                                      said=str(said) if said.hidden else "",
                                                      total_label=said.total_label if said.hidden else WINDOW_TOTAL)
            return write_table(target, written)

        path = export_to_chosen_file(self, "Export allocation", "allocation.xlsx", write,
                                     failed="The file could not be written")
        self._say_exported(path, said=str(said) if said.hidden else "", sheets=written)

    def _export_page(self, view) -> None:
        if not view.model().rowCount():
            prompts.show_error(self, "Export", self._page_empty_reason(view))
            return
        if view is self.compare_view:
            sheets = comparison_sheets(service.load_scenario(self.store, self.compare_first.currentData()),
                                       service.load_scenario(self.store, self.compare_second.currentData()))
            title, name = "Export comparison", "comparison.xlsx"
        elif view is self.redistribute_view:
            sheets = redistribution_sheets(self.redistribute_model.rows, self.redistribute_method.currentData(),
                                           self.redistribute_note.text(), self.presenter.year)
            title, name = "Export money shared back", "shared-back.xlsx"
        else:
            sheets = top_slice_sheets(self.top_slice_model.rows, self.top_slice_problem.text(), self._top_slice_title())
            title, name = "Export top-slice", "top-slice.xlsx"
        self._say_exported(export_to_chosen_file(self, title, name, lambda t: write_table(t, sheets),
                                                 failed="The file could not be written"), sheets=sheets)

    def _top_slice_title(self) -> str:
        """The saved top-slice the page's figures are, as listed; "" for figures typed (a grant tried, or those of one
        just removed, which stay on the page under the next one listed)."""
        index = self.top_slice_combo.currentIndex()
        if not 0 <= index < len(self.top_slices):
            return ""
        item = self.top_slices[index]
        typed = top_slice_typed(self._top_slice_fields(), top_slice_fields_of(item), item.remainder_label)
        return "" if typed else self.top_slice_combo.currentText()

    def _page_empty_reason(self, view) -> str:
        """Why the page shown has no table (two scenarios not saved, an amount or a field refused), as it says it."""
        label = {self.compare_view: self.compare_note, self.redistribute_view: self.redistribute_note}.get(
            view, self.top_slice_problem)
        return label.text().removeprefix("⚠ ") or "There is nothing on this page to export."

    def _say_exported(self, path, *, said: str = "", sheets=()) -> None:
        """``said``: "1 of 5 partnerships (as filtered: …)" when a filter hid some. ``sheets``: those written; a CSV's
        left out after the first (the explanations, the notes) are said, and for longer."""
        if path is None:
            return
        left_out = left_out_of_one_table(path, sheets[1:])
        window = self.window()
        if hasattr(window, "statusBar"):
            text = f"Exported {said} to {path}" if said else f"Exported to {path}"
            window.statusBar().showMessage(f"{text}. {left_out}" if left_out else text, 20000 if left_out else 8000)


def _table_text(model, *, total_label: str | None = None) -> str:
    """A table's rows as shown, with its headings, as tab-separated text for Excel; ``total_label`` in place of the
    totals line's "Total" (the last row) when a filter hides some."""
    header = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    rows = [[model.index(r, c).data(COPY_ROLE) for c in range(model.columnCount())]
            for r in range(model.rowCount())]  # plain numbers for Excel: no £, no separators, ASCII minus
    if total_label is not None and rows:
        rows[-1][0] = total_label
    return to_tsv([header, *rows])


class _BesideTabs(QWidget):
    """A row beside a QTabWidget's tabs (its corner widget) as wide as the room the tabs leave: the tab widget gives
    a corner widget its size hint's width."""

    def sizeHint(self):  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        tabs = self.parentWidget()
        if isinstance(tabs, QTabWidget):
            hint.setWidth(max(self.minimumSizeHint().width(), tabs.width() - tabs.tabBar().sizeHint().width() - 4))
        return hint
