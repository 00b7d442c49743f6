"""Commissioning: tick and scale projects against a fund or a funder's award, see what is left live, save and
compare scenarios.

A thin view over ``presenters.commissioning.CommissioningPresenter``: the presenter holds the working
set, the scenario it came from and whether the two differ (said beside the name); this page shows
that state and forwards clicks and keys.
"""

from __future__ import annotations

from pathlib import Path

import shiboken6
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemDelegate, QAbstractItemView, QComboBox, QFrame, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
    QPushButton, QScrollArea, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from safer_desk.domain.commissioning import UNDATED, Suggestion
from safer_desk.domain.money import format_money, format_pounds_plain
from safer_desk.domain.projects import CRITERIA_KEYS
from safer_desk.domain.text import file_name_from
from safer_desk.exchange.tables import left_out_of_one_table, write_table
from safer_desk.presenters.commissioning import FUND_EXAMPLE, WHAT_IF, CommissioningPresenter
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects_commissioning import ScenarioResult
from safer_desk.services.provenance import NOT_A_COUNTY_FILE, RowOrigins
from safer_desk.ui import prompts, settings
from safer_desk.ui.kit import key_after_words
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.exports import export_to_chosen_file
from safer_desk.ui.kit.flow import FlowRow
from safer_desk.ui.kit.forms import NamedLabel
from safer_desk.ui.kit.sheet_table import SheetTable
from safer_desk.ui.kit.table_view import CELL_PAD, HEADING_PAD, DataTableView, WholeNumbers
from safer_desk.ui.kit.tables import COPY_ROLE, SortProxy
from safer_desk.ui.kit.tables import RowTableModel
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.projects.scenario_models import ScenarioEntry, ScenarioModel, comparison_columns
from safer_desk.ui.kit.colours import alert_style

UNSAVED = ""
TITLE_MOST = 640  # a project's title is read whole up to this width, where the window has room
SECOND_SCENARIO_ASKED = "Save a second scenario to compare this one with (Save as new… keeps both)."
TWO_SCENARIOS_ASKED = "Save two scenarios to compare them (Save, then Save as new… keeps both)."
SPLITTER_KEY = "projects/commissioning-splitter"  # the list's height over the years and comparison, as left


class WorkingSetModel(ScenarioModel):
    """The projects to tick and scale, as the presenter holds them; ticks and scales go to the presenter."""

    def __init__(self, presenter: CommissioningPresenter, parent=None):
        super().__init__([], parent)
        self.presenter = presenter

    def show_projects(self, evaluation=None) -> None:
        p = self.presenter
        evaluation = evaluation or p.evaluation()
        committed, said = p.committed(evaluation), p.scale_words(evaluation)
        self.set_rows([ScenarioEntry(x, x.id in p.ticks, p.ticks.get(x.id) or service.Scale(), committed.get(x.id),
                                     p.merged_from(x.id), said.get(x.id, "") if x.id in p.ticks else "")
                       for x in p.shown_projects()])

    def sync(self, evaluation=None) -> None:
        """Ticks and scales as the presenter now holds them (rows kept, so the view keeps its place);
        ``evaluation``: the presenter's, when the caller has it already."""
        p = self.presenter
        if {e.project.id for e in self.rows} != {x.id for x in p.shown_projects()}:
            self.show_projects(evaluation)
            return
        evaluation = evaluation or p.evaluation()
        committed, said = p.committed(evaluation), p.scale_words(evaluation)
        for entry in self.rows:
            entry.merged_from = p.merged_from(entry.project.id)
            entry.ticked = entry.project.id in p.ticks
            entry.scale = p.ticks.get(entry.project.id) or service.Scale()
            entry.scale_said = said.get(entry.project.id, "") if entry.ticked else ""
            entry.committed_pence = committed.get(entry.project.id)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, self.columnCount() - 1))

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        entry = self.row(index.row())
        if index.column() == self.TICK and role == Qt.ItemDataRole.CheckStateRole:
            self.presenter.tick(entry.project.id, value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value, 2, True))
            return True
        if index.column() == self.SCALE and role == Qt.ItemDataRole.EditRole:
            return self.presenter.type_scale(entry.project.id, str(value))
        return False

    def set_ticks(self, scales) -> None:
        self.presenter.ticks = dict(scales)
        self.presenter.changed.emit()


class ScaleCells(WholeNumbers):
    """The kit's cells, but a scale's editor hidden with its page (another tab or the Register clicked) stays open:
    Qt's way put the scale in and closed the editor, and a scale refused ("£3.500") was lost, its reason said beside
    a table no longer in view (a scale that read was lost too, on another tab). The window puts it in as it leaves
    (``CommissioningPage.finish_typing``), and stays when it is refused, as the Budgets grid does."""

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.FocusOut and not watched.isVisible():
            return False
        return super().eventFilter(watched, event)


class CommissioningPage(QWidget):
    def __init__(self, tab):
        super().__init__(tab)
        self.tab = tab
        self.session = tab.session
        self.presenter = CommissioningPresenter(
            self.session.store, perform=lambda action: push_action(self.session.undo_stack, action),
            read_only=self.session.read_only)
        self.suggestion: Suggestion | None = None
        self._compared: tuple[str, str] | None = None  # the scenarios the comparison shows (ids)
        self._stale = False
        self._showing = False

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        # A second line where the window is too narrow: scenario, name, status and four buttons side by side needed
        # 945 pixels with a 12 pt font, and at 150% on a 1366x768 laptop (910 wide) the page scrolled sideways.
        top = FlowRow()
        layout.addLayout(top)
        self.scenarios = ChoiceBox()
        self.scenarios.setAccessibleName("Saved scenarios")
        self.scenarios.setMinimumContentsLength(22)
        self.scenarios.activated.connect(self._scenario_chosen)
        scenario_label = QLabel("Scenari&o:")
        scenario_label.setBuddy(self.scenarios)
        top.addWidget(scenario_label, with_next=True)
        top.addWidget(self.scenarios, 2)
        self.name = QLineEdit()
        self.name.setAccessibleName("Scenario name")
        self.name.setPlaceholderText("name to save it under")
        # Room to read a name typed: the row goes onto a second line before it is squeezed to a letter or two.
        self.name.setMinimumWidth(self.name.fontMetrics().horizontalAdvance("name to save it") + 12)
        self.name.textChanged.connect(lambda text: None if self._showing else self.presenter.set_name(text))
        name_label = QLabel("Na&me:")
        name_label.setBuddy(self.name)
        top.addWidget(name_label, with_next=True)
        top.addWidget(self.name, 2)
        self.status = NamedLabel()
        self.status.setAccessibleName("Scenario saved or not")
        if self.session.read_only:  # "what-if: this file is open read-only, …" on two lines: the name stays in view
            self.status.setWordWrap(True)
            self.status.setMinimumWidth(self.status.fontMetrics().horizontalAdvance(f"⚠ {WHAT_IF}") // 2 + 24)
        top.addWidget(self.status)
        self.new_button = QPushButton("Ne&w")
        self.new_button.clicked.connect(self.new_asked)
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip("Save the loaded scenario again (under another name, a new scenario)")
        self.save_button.clicked.connect(self.save)
        self.save_new_button = QPushButton("Save as &new…")
        self.save_new_button.setToolTip("Save the working set as a new scenario; the loaded one is kept as it is")
        self.save_new_button.clicked.connect(self.save_as_new)
        self.delete_button = QPushButton("De&lete")
        self.delete_button.clicked.connect(self.delete)
        for b in (self.new_button, self.save_button, self.save_new_button, self.delete_button):
            b.setAccessibleName(b.text().replace("&", "").rstrip("…"))
            top.addWidget(b)

        fund_row = QHBoxLayout()
        layout.addLayout(fund_row)
        self.fund = QLineEdit()
        self.fund.setAccessibleName("Fund amount")
        self.fund.setPlaceholderText(FUND_EXAMPLE)
        self.fund.setMinimumWidth(self.fund.fontMetrics().horizontalAdvance("£1,000,000.00") + 12)
        self.fund.textChanged.connect(self._fund_changed)
        self.presets = ChoiceBox()
        self.presets.setAccessibleName("Choose a fund")
        self.presets.activated.connect(self._preset_chosen)
        fund_label = QLabel("F&und:")
        fund_label.setBuddy(self.fund)
        fund_row.addWidget(fund_label)
        fund_row.addWidget(self.fund, 1)
        fund_row.addWidget(self.presets, 2)
        self._fill_presets()  # once in the page: shown without a parent, the box would be a window of its own
        fund_row.addStretch(0)  # the room left where the box of funds is hidden (``_fill_presets``)
        self.award = ChoiceBox()
        self.award.setAccessibleName("Against a funder's award")
        for combo, letters in ((self.presets, 20), (self.award, 24)):  # long names shortened in a narrow window
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(letters)
        self.award.activated.connect(self._award_chosen)
        award_label = QLabel("A&gainst award:")
        award_label.setBuddy(self.award)
        # the award, its year and the end of a range counted on a row of their own: beside the fund they needed
        # 972 pixels, a sideways scroll on a 1366x768 laptop at 150% (910 wide)
        award_row = QHBoxLayout()
        layout.addLayout(award_row)
        award_row.addWidget(award_label)
        award_row.addWidget(self.award, 2)
        self.award_year = ChoiceBox()  # which of a multi-year award's years the scenario commits against
        self.award_year.setAccessibleName("Award year")
        self.award_year.activated.connect(self._award_year_chosen)
        self.award_year_label = QLabel("&Year:")
        self.award_year_label.setBuddy(self.award_year)
        award_row.addWidget(self.award_year_label)
        award_row.addWidget(self.award_year)
        self.range_end = ChoiceBox()  # which end of a cost range the scenario counts
        self.range_end.setAccessibleName("Which end of a cost range to count")
        for end in service.RANGE_ENDS:
            self.range_end.addItem(f"{end} end", end)
        self.range_end.activated.connect(self._range_end_chosen)
        self.range_end_label = QLabel("Ranges:")
        self.range_end_label.setBuddy(self.range_end)
        award_row.addWidget(self.range_end_label)
        award_row.addWidget(self.range_end)
        self.fits_button = QPushButton("What fi&ts?")
        self.fits_button.setAccessibleName("What fits?")
        self.fits_button.setToolTip("Propose the projects meeting the most criteria within the fund")
        self.fits_button.clicked.connect(self.propose)
        self.export_button = QPushButton("E&xport…")
        self.export_button.setAccessibleName("Export")
        self.export_button.setToolTip("Save this scenario as the board's table (.xlsx, .csv or .tsv)")
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton("Print to P&DF…")
        self.print_button.setAccessibleName("Print to PDF")
        self.print_button.clicked.connect(self.print_pdf)

        # What fits?, Export and Print beside the summary they act on, so the fund row holds the award's year and
        # the end of a range counted on a laptop's screen
        summary_row = QHBoxLayout()
        layout.addLayout(summary_row)
        self.summary = NamedLabel()
        self.summary.setAccessibleName("Commitment summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet("font-weight: bold; padding: 4px;")
        summary_row.addWidget(self.summary, 1)
        for button in (self.fits_button, self.export_button, self.print_button):
            summary_row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.message = NamedLabel()
        self._said, self._register_note = "", ""  # the page's own words; the Register page's unsaved change
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Commissioning messages")
        self.message.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.message_area = QScrollArea()  # many notes scroll here, so the projects stay in view on a laptop
        self.message_area.setWidgetResizable(True)
        self.message_area.setFrameShape(QFrame.Shape.NoFrame)
        self.message_area.setWidget(self.message)
        self.message_area.setMaximumHeight(self.message.fontMetrics().lineSpacing() * 3 + 8)
        # Under the table in the divider's upper pane: a line at the least, so the divider drags as high as before.
        self.message_area.setMinimumHeight(self.message.fontMetrics().lineSpacing() + 4)

        suggestion_box = QHBoxLayout()
        self.suggestion_label = NamedLabel()
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setAccessibleName("Suggestion")
        # Shown after What fits? with every letter of their words another control's: the key after the words.
        self.accept_button = key_after_words("Accept suggestion", "3")
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.dismiss_button = key_after_words("Dismiss", "4")
        self.dismiss_button.clicked.connect(self.dismiss_suggestion)
        suggestion_box.addWidget(self.suggestion_label, 1)
        suggestion_box.addWidget(self.accept_button)
        suggestion_box.addWidget(self.dismiss_button)
        layout.addLayout(suggestion_box)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        layout.addWidget(splitter, 1)
        self.model = WorkingSetModel(self.presenter, self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(accessible_name="Projects to commission")
        self.view.setItemDelegate(ScaleCells(self.view))  # a scale typed stays typed while its page is hidden
        self.view.setModel(self.proxy)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        # The notes under the table, not over it: coming with a tick ("…: counts the upper end of £54,372 -
        # £62,372") and going with an untick, over it they moved the rows down and up under the pointer, and the
        # next click landed on another project (session 71). Here the table's foot gives way; its rows stay put.
        projects_pane = QWidget()
        projects_layout = QVBoxLayout(projects_pane)
        projects_layout.setContentsMargins(0, 0, 0, 0)
        projects_layout.setSpacing(2)
        projects_layout.addWidget(self.view, 1)
        projects_layout.addWidget(self.message_area)
        splitter.addWidget(projects_pane)

        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        years_box = QGroupBox("Committed by financial year")
        QVBoxLayout(years_box)
        self.years = SheetTable(0, 1, corner="Financial year")  # copies every cell selected, as plain numbers
        self.years.setAccessibleName("Committed by financial year")
        self.years.setHorizontalHeaderLabels(["Committed"])
        self.years.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.years.horizontalHeader().setStretchLastSection(True)
        years_box.layout().addWidget(self.years)
        bottom_layout.addWidget(years_box, 1)

        compare_box = QGroupBox("Compare two saved scenarios")
        compare_layout = QVBoxLayout(compare_box)
        pick = QHBoxLayout()
        self.compare_a = ChoiceBox()
        self.compare_a.setAccessibleName("First scenario to compare")
        self.compare_b = ChoiceBox()
        self.compare_b.setAccessibleName("Second scenario to compare")
        self.compare_b.setPlaceholderText("(save a second scenario to compare)")  # while fewer than two are saved
        self.compare_button = QPushButton("Compa&re")
        self.compare_button.setAccessibleName("Compare")
        self.compare_button.clicked.connect(self.compare)
        pick.addWidget(QLabel("A:"))
        pick.addWidget(self.compare_a, 1)
        pick.addWidget(QLabel("B:"))
        pick.addWidget(self.compare_b, 1)
        pick.addWidget(self.compare_button)
        compare_layout.addLayout(pick)
        self.comparison = RowTableModel(comparison_columns(), [], self)
        self.comparison_view = DataTableView(accessible_name="Scenario comparison")
        self.comparison_view.setSortingEnabled(False)
        self.comparison_view.setModel(self.comparison)
        self.comparison_view.verticalHeader().hide()
        compare_layout.addWidget(self.comparison_view)
        bottom_layout.addWidget(compare_box, 2)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.splitter = splitter
        settings.remember_splitter(splitter, SPLITTER_KEY)

        read_only = self.session.read_only
        for b in (self.save_button, self.save_new_button, self.delete_button):
            b.setEnabled(not read_only)
        if read_only:  # greyed, they say why when pointed at (File > Save says it too)
            for b in (self.save_button, self.save_new_button):
                b.setToolTip("The file is open read-only: nothing in it can be saved (the title bar says read-only). "
                             "Ticking projects here is a what-if; to keep one, use File > Save a Copy… and work in "
                             "the copy.")
        self.presenter.changed.connect(self._show)
        self.view.refusal_taken_back.connect(self.presenter.typing_taken_back)
        self.presenter.scenarios_changed.connect(self._fill_scenarios)
        # A change made to the file after a tick (an award corrected, a project saved) is newer: Edit > Undo takes
        # that back, not the tick.
        self.session.undo_stack.indexChanged.connect(self._file_changed_since_ticks)
        self.reload()
        self.dismiss_suggestion()
        self.view.viewport().installEventFilter(self)  # a resized window fits the columns again

    def eventFilter(self, watched, event) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit_columns()
        return super().eventFilter(watched, event)

    # -- the presenter's state, shown ------------------------------------------------------------------
    @property
    def scenario_id(self) -> str | None:
        return self.presenter.loaded.id if self.presenter.loaded is not None else None

    @scenario_id.setter
    def scenario_id(self, value: str | None) -> None:
        if value is None:
            self.presenter.loaded = None
        else:
            self.presenter.load(value)
        self._show()

    def _show(self) -> None:
        p = self.presenter
        evaluation = p.evaluation()  # once, for the rows' Committed and the summary alike
        self._showing = True
        try:
            if self.name.text() != p.name:
                self.name.setText(p.name)
                self.name.setCursorPosition(0)  # a long name shown from its start, as the list of scenarios shows it
            if self.fund.text() != p.fund_text:
                self.fund.setText(p.fund_text)
            from_award = p.award_fund_words()  # the award's money: not typed over (it would not be counted)
            # Greyed, not only read-only: a read-only box looks like any other, and typing into it did nothing.
            self.fund.setReadOnly(p.read_only)
            self.fund.setEnabled(not from_award)
            self.presets.setEnabled(not from_award and not p.read_only)
            self._show_preset_chosen()
            self.fund.setToolTip(from_award)
            self.presets.setToolTip(from_award)
            self.model.sync(evaluation)
            status = p.status_text()
            self.status.setText(f"⚠ {status}" if status else "✓ as saved" if p.loaded is not None else "")
            self.status.setToolTip((p.not_saved_why() or p.describe_unsaved()) if status else "")
            self.delete_button.setEnabled(p.loaded is not None and not p.read_only)
            self.award.setCurrentIndex(max(0, self.award.findData(p.award_id or UNSAVED)))
            self._show_year_and_end(evaluation)
            self.scenarios.setCurrentIndex(max(0, self.scenarios.findData(self.scenario_id or UNSAVED)))
        finally:
            self._showing = False
        self._drop_stale_suggestion()
        self.recalculate(evaluation)

    def _show_year_and_end(self, evaluation: ScenarioResult) -> None:
        """The award's years to choose among (greyed with one or none) and the end of a cost range counted (greyed
        while no ticked project's cost is a range)."""
        p = self.presenter
        years = p.award_years()
        if [self.award_year.itemText(i) for i in range(self.award_year.count())] != years:
            self.award_year.clear()
            self.award_year.addItems(years)
        self.award_year.setCurrentIndex(max(-1, self.award_year.findText(evaluation.award_year or p.award_year)))
        self.award_year.setEnabled(len(years) > 1 and not p.read_only)
        self.award_year.setToolTip(
            "The award's year the scenario commits against: the fund is its money for that year"
            if len(years) > 1 else "The award gives one year's amount only, or a total not split by year" if years
            else "The award gives a total, not split by year: the scenario commits against all of it"
            if evaluation.award is not None else "Choose an award with more than one year to commit against one of "
                                                 "its years")
        self.range_end.setCurrentIndex(max(0, self.range_end.findData(p.range_end)))
        self.range_end.setEnabled(evaluation.ranged and not p.read_only)
        self.range_end.setToolTip("Count each ticked cost range (£54,372 - £62,372) at its upper or lower end"
                                  if evaluation.ranged else "No ticked project's cost is a range")

    def _fund_changed(self, text: str) -> None:
        if not self._showing and text != self.presenter.fund_text:
            self.presenter.set_fund(text)

    # -- loading -------------------------------------------------------------------------------------------
    def _file_changed_since_ticks(self, *_: object) -> None:
        self.presenter.forget_tick_steps()

    def mark_stale(self) -> None:
        self._stale = True

    def reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Re-read projects and scenarios, keeping the ticks being edited."""
        self._stale = False
        # The register page keeps the projects current, and where each came from in a county file; reading them
        # again would block on a large register.
        first = not self.presenter.projects
        register = self.tab.register
        self.presenter.projects = list(register.model.rows)
        self.presenter.origins = origins = register.presenter.origins
        self.model.show_projects()
        self.view.setColumnHidden(ScenarioModel.MERGED_FROM, not origins.shown)  # a county file's only
        self.comparison_view.setColumnHidden(self.comparison.column_index("merged_from"), not origins.shown)
        self._fill_scenarios()
        self._fill_awards()
        self._fill_presets()  # the office may have changed (Office Details…)
        self.presenter.follow_award()  # an award corrected since: its amount is the fund shown
        if first and self.presenter.loaded is None and not self.presenter.ticks:
            saved = self.presenter.scenarios()
            if saved:
                self.presenter.load(saved[0].id)
        self.view.size_columns_to_visible(max_width=320)
        # The title whole where the window has room (cut at 320, it left the Committed column the width spare)
        self._title_width = self.view.width_needed(self.TITLE, TITLE_MOST)
        self._merged_width = self.view.columnWidth(ScenarioModel.MERGED_FROM)
        self._fit_columns()
        self._show()
        self.show_register_edit()

    TITLE = 2  # the projects' titles: the column that gives up width on a narrow window

    def _fit_columns(self) -> None:
        """On a laptop at 150% (910 wide) the one-symbol criteria columns keep to their headings and the title gives
        up width (down to about 18 letters, never below its heading in bold: its tooltip holds it whole), so Cost,
        Scale and Committed are in view without a sideways scroll. In a county file *Merged from* gives up width first
        (down to about 16 letters, whole in its tooltip too). Columns the person resized keep their width."""
        view, header = self.view, self.view.horizontalHeader()
        metrics, columns = header.fontMetrics(), self.model.columns
        widths = {c: metrics.horizontalAdvance(columns[c].header) + 16 for c in range(len(columns))
                  if columns[c].key in (*CRITERIA_KEYS, "met")}
        last, merged = len(columns) - 1, ScenarioModel.MERGED_FROM
        giving = [c for c in (merged, self.TITLE)
                  if not view.isColumnHidden(c) and columns[c].header not in view.widths_by_hand]
        if not giving:
            self._fit(widths)
            return
        others = sum(widths.get(c, view.columnWidth(c)) for c in range(last)
                     if c not in giving and not view.isColumnHidden(c))
        bold = QFont(header.font())
        bold.setBold(True)
        bolds = QFontMetrics(bold)
        # Committed (stretched to the edge) keeps the room its figures and its heading, bold when chosen, need:
        # Qt's size hint, some 20 px more, held the 9 px the title's heading needs at 910x480.
        model, shown = view.model(), max(0, view.rowAt(0))
        figures = [str(model.index(r, last).data() or "") for r in range(shown, min(model.rowCount(), shown + 60))]
        widths[last] = max([bolds.horizontalAdvance(columns[last].header) + HEADING_PAD]
                           + [metrics.horizontalAdvance(f) + CELL_PAD for f in figures])
        room = view.viewport().width() - others - widths[last]
        natural = {self.TITLE: self._title_width, merged: self._merged_width}
        for c in giving:  # Merged from first; the room the title would want at most is kept for it
            keep = natural[self.TITLE] if c == merged and self.TITLE in giving else 0
            floor = min(metrics.averageCharWidth() * (16 if c == merged else 18), natural[c])
            # Never below the heading as Qt draws it over a chosen cell, bold: "Project / initiative" needs 133 px
            # there, and at 910x480 the title's 18 letters (124 px) cut it to "Project / initiati".
            floor = max(floor, bolds.horizontalAdvance(columns[c].header) + HEADING_PAD)
            widths[c] = max(floor, min(natural[c], room - keep))
            room -= widths[c]
        self._fit(widths)

    def _fit(self, widths: dict[int, int]) -> None:
        for c, width in widths.items():
            self.view.fit_column(c, width)

    def _fill_awards(self) -> None:
        self.award.blockSignals(True)
        self.award.clear()
        self.award.addItem("(none: the fund typed)", UNSAVED)
        for a in self.presenter.awards():
            self.award.addItem(f"{a.funder}: {a.name}", a.id)
        self.award.setCurrentIndex(max(0, self.award.findData(self.presenter.award_id or UNSAVED)))
        self.award.blockSignals(False)

    def _fill_scenarios(self) -> None:
        saved = self.presenter.scenarios()
        choices = self.presenter.scenario_choices(saved)  # in a county file, each with where it came from
        for combo, blank in ((self.scenarios, "(not saved)"), (self.compare_a, None), (self.compare_b, None)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if blank:
                combo.addItem(blank, UNSAVED)
            for scenario_id, name in choices:
                combo.addItem(name, scenario_id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)
        self.scenarios.setCurrentIndex(max(0, self.scenarios.findData(self.scenario_id or UNSAVED)))
        if len(saved) >= 2 and self.compare_a.currentIndex() == self.compare_b.currentIndex():
            self.compare_b.setCurrentIndex(1 if self.compare_a.currentIndex() == 0 else 0)  # another than A
        # One saved stood in A and B alike, compared with itself: B stays empty and Compare greyed, saying why
        enough = len(saved) >= 2
        if not enough:
            self.compare_b.clear()
        for widget in (self.compare_b, self.compare_button):
            widget.setEnabled(enough)
        self.compare_button.setToolTip("" if enough else SECOND_SCENARIO_ASKED if saved else TWO_SCENARIOS_ASKED)
        self._show_comparison(saved)

    def load_scenario(self, scenario_id: str) -> None:
        self.presenter.load(scenario_id)
        self.dismiss_suggestion()

    def _scenario_chosen(self, index: int) -> None:
        scenario_id = self.scenarios.itemData(index)
        if scenario_id == self.scenario_id:
            return
        if not self.presenter.may_leave(lambda text: prompts.ask_unsaved(self, "Unsaved changes", text), self.save):
            self._show()
            return
        if scenario_id:
            self.load_scenario(scenario_id)
        else:
            self.new_scenario()

    def refresh_fund_choices(self) -> None:
        """The funds offered again: a top-slice saved on the Allocation tab is one (``_fill_presets``)."""
        self._fill_presets()

    def _fill_presets(self) -> None:
        """The seed's funds, for a Suffolk office, and each saved top-slice's partner shares
        (``CommissioningPresenter.fund_presets``); the box hidden when there are none."""
        presets = self.presenter.fund_presets()
        self._presets = presets
        self.presets.clear()
        self.presets.addItem(self.presenter.fund_presets_prompt(), None)
        for label, pence in presets:
            self.presets.addItem(f"{label}: {format_money(pence)}", pence)
        self.presets.setVisible(bool(presets))
        self._show_preset_chosen()
        # Alone on its row (16777215: no limit, Qt's QWIDGETSIZE_MAX), the amount's box is not the window's width.
        self.fund.setMaximumWidth(16777215 if presets else 3 * self.fund.minimumWidth())

    def _show_preset_chosen(self) -> None:
        """The fund chosen from the box while it is the fund, else the box's prompt: never another fund beside it."""
        chosen = self.presenter.chosen_preset(self._presets)
        self.presets.setCurrentIndex(0 if chosen is None else 1 + self._presets.index(chosen))

    def _preset_chosen(self, index: int) -> None:
        pence = self.presets.itemData(index)
        if pence is not None:
            # The words before the amount: a saved top-slice's name may hold a colon of its own.
            self.presenter.set_fund(format_money(pence), self.presets.itemText(index).rsplit(":", 1)[0])

    def _award_chosen(self, index: int) -> None:
        self.presenter.set_award(self.award.itemData(index) or None)

    def _award_year_chosen(self, index: int) -> None:
        self.presenter.set_award_year(self.award_year.itemText(index))

    def _range_end_chosen(self, index: int) -> None:
        self.presenter.set_range_end(self.range_end.itemData(index))

    # -- the live figures ----------------------------------------------------------------------------------
    def fund_pence(self) -> int | None:
        return self.presenter.fund_pence()

    def result(self) -> ScenarioResult | None:
        return self.presenter.result()

    def recalculate(self, evaluation=None) -> None:
        p = self.presenter
        evaluation = evaluation or p.evaluation()
        result = p.result(evaluation)
        for button in (self.export_button, self.print_button):  # nothing to export or print without a fund
            button.setEnabled(result is not None)
        if not p.fund_text.strip() and result is None:  # no fund typed, nor an award giving one
            self.summary.setText(p.no_fund_words())
            self.summary.setStyleSheet("font-weight: bold; padding: 4px;")  # not the over-committed red it had
            self.years.setRowCount(0)
            self._say(p.message)
            return
        if result is None:
            self.summary.setText("⚠ The fund is not an amount of money.")
            self.summary.setStyleSheet(f"font-weight: bold; padding: 4px; {alert_style()}")
            self._say(p.fund_problem())
            return
        over = result.commitment.over_committed
        self.summary.setText(("⚠ " if over else "✓ ") + result.summary())
        self.summary.setStyleSheet("font-weight: bold; padding: 4px;" + (f" {alert_style()}" if over else ""))
        self._say("\n".join(x for x in (p.message, *result.problems, *result.notes) if x))
        years = result.commitment.by_year
        self.years.setRowCount(len(years) + 1)
        labels = [*years, "Total"]
        self.years.setVerticalHeaderLabels(labels)
        for r, year in enumerate(labels):
            value = result.committed_pence if year == "Total" else years[year]
            item = QTableWidgetItem(format_money(value))
            item.setData(COPY_ROLE, format_pounds_plain(value))  # Excel is given the number
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if year == UNDATED:
                item.setToolTip("Projects with no cost lines by year and no start date")
            self.years.setItem(r, 0, item)

    def show_register_edit(self) -> None:
        """Say (or stop saying) that the Register page holds a change not saved to a project listed here; the
        page's figures are as saved (``CommissioningPresenter.register_edit_words``)."""
        editor = self.tab.register.presenter.editor
        note = self.presenter.register_edit_words(editor.project, unsaved=not editor.is_new and editor.is_dirty)
        if note != self._register_note:
            self._register_note = note
            self._say(self._said)

    def _say(self, text: str) -> None:
        self._said = text
        text = "\n".join(x for x in (self._register_note, text) if x)
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.message_area.setVisible(bool(text))

    # -- what fits -----------------------------------------------------------------------------------------
    def propose(self) -> None:
        self.suggestion = self.presenter.suggest()
        self._suggested_for = (self._suggestion_basis(), list(self.presenter.projects))
        self.suggestion_label.setText(self.presenter.suggestion_text(self.suggestion))
        self.suggestion_label.show()
        self.accept_button.setVisible(self.suggestion is not None and bool(self.suggestion.keys))
        self.dismiss_button.show()

    def _suggestion_basis(self) -> tuple:
        p = self.presenter
        return p.fund_pence(), p.award_id, p.award_year, p.range_end

    def _drop_stale_suggestion(self) -> None:
        """A suggestion weighed for another fund, award, year or end of a range, or on the register before it
        changed, is not offered to accept: what it said was left would be wrong, and a project deleted since would
        be ticked unseen."""
        if self.suggestion is None:
            return
        basis, projects = self._suggested_for
        if basis == self._suggestion_basis() and projects == self.presenter.projects:
            return
        now = self._suggestion_basis()
        why = ("The register changed" if basis == now else "The fund changed" if basis[0] != now[0]
               else "The award, its year or the end of a range counted changed")
        self.dismiss_suggestion()
        self.suggestion_label.setText(f"{why} since What fits? proposed its suggestion: press What fits? again.")
        self.suggestion_label.show()
        self.dismiss_button.show()

    def accept_suggestion(self) -> None:
        if self.suggestion is None:
            return
        self.presenter.accept(self.suggestion.keys)
        self.dismiss_suggestion()

    def dismiss_suggestion(self) -> None:
        self.suggestion = None
        self.suggestion_label.clear()
        self.suggestion_label.hide()
        self.accept_button.hide()
        self.dismiss_button.hide()

    # -- saving (undoable) ---------------------------------------------------------------------------------
    def new_asked(self) -> None:
        """New: ticks not saved are asked about first (Save / Discard / Cancel), as choosing another scenario does."""
        if self.presenter.may_leave(lambda text: prompts.ask_unsaved(self, "Unsaved changes", text), self.save):
            self.new_scenario()

    def new_scenario(self) -> None:
        self.presenter.new()
        self.dismiss_suggestion()

    def _saved(self, ok: bool) -> bool:
        if not ok and self.presenter.error:
            prompts.show_error(self, "Save scenario", self.presenter.error)
        return ok

    def save(self) -> bool:
        return self._saved(self.presenter.save())

    def save_as_new(self) -> bool:
        """Save as new…: a set that can be saved is given a name, asked for (a free one offered); Cancel saves
        nothing."""
        if self.presenter.refused():
            return self._saved(False)
        name = prompts.ask_text(self, "Save as new scenario", "The new scenario's name:",
                                self.presenter.suggested_name())
        if name is None:
            return False
        return self._saved(self.presenter.save_as_new(name))

    def delete(self) -> None:
        loaded = self.presenter.loaded
        if loaded is None or self.session.read_only:
            return
        if prompts.ask(self, "Delete scenario", self.presenter.delete_question(), yes="Delete"):
            self.presenter.delete()

    # -- compare, export, print ----------------------------------------------------------------------------
    def compare(self) -> None:
        a_id, b_id = self.compare_a.currentData(), self.compare_b.currentData()
        if not a_id or not b_id:  # Compare is greyed then; its key may still be pressed
            self._say(SECOND_SCENARIO_ASKED if a_id else TWO_SCENARIOS_ASKED)
            return
        self._compared = (a_id, b_id)
        self._show_comparison()
        self._say("The same scenario is chosen on both sides: choose another to compare it with." if a_id == b_id
                  else "")

    def _show_comparison(self, scenarios=None) -> None:
        """The two scenarios last compared, counted on the projects as they are now: counted again after a project,
        a scenario or an undo changed them (the table kept the figures of when Compare was pressed), and emptied
        when one of them is no longer in the file."""
        if self._compared is None:
            return
        store = self.session.store
        saved = {s.id: s for s in (self.presenter.scenarios() if scenarios is None else scenarios)}
        if not all(i in saved for i in self._compared):
            self._compared = None
            self._head_comparison()
            self.comparison.set_rows([])
            return
        a, b = (service.evaluate_saved(store, saved[i], self.presenter.projects, origins=self.presenter.origins)
                for i in self._compared)
        said = dict(self.presenter.scenario_choices(list(saved.values())))  # as the two lists name them
        self._head_comparison(*(said[i] for i in self._compared))
        self.comparison.set_rows(service.compare(a, b, self.presenter.origins))
        self.comparison_view.size_columns_to_visible(max_width=300)

    def _head_comparison(self, *names: str) -> None:
        """Give the comparison's columns the two scenarios' names as their headings in a copy, so one pasted into Excel
        says which is which ("A" and "B" while none is compared)."""
        self.comparison.beginResetModel()
        self.comparison.columns = comparison_columns(*names)
        self.comparison.endResetModel()

    def export(self) -> None:
        result = self.result()
        if result is None:
            return
        sheets = service.scenario_sheets(result, self.presenter.origins,  # in a county file with Merged from
                                         title=self.presenter.paper_title(result))
        path = export_to_chosen_file(self, "Export the scenario", f"{file_name_from(result.name or 'scenario')}.xlsx",
                                     lambda t: write_table(t, sheets), failed="The scenario was not saved")
        if path is not None:  # a CSV's Notes (how it was counted) said left out; its Summary is under the table
            left_out = left_out_of_one_table(path, [sheet for sheet in sheets[1:] if sheet.name != "Summary"])
            prompts.show_info(self, "Export", " ".join(x for x in (f"Saved the scenario to {path}.", left_out) if x))

    def print_pdf(self) -> None:
        result = self.result()
        if result is None:
            return
        name = prompts.save_file_name(self, "Print the scenario to PDF", "PDF (*.pdf)",
                                      f"{file_name_from(result.name or 'scenario')}.pdf")
        if name:
            self.write_pdf(result, Path(name), self.presenter.origins, title=self.presenter.paper_title(result))
            prompts.show_info(self, "Print", f"Saved the scenario to {name}.")

    @staticmethod
    def write_pdf(result: ScenarioResult, target: Path, origins: RowOrigins = NOT_A_COUNTY_FILE, *,
                  title: str = "") -> Path:
        """The board's table as a landscape A4 PDF, written atomically (in a county file with *Merged from*)."""
        from safer_desk.exchange.files import atomic_path

        from safer_desk.ui.exchange.report_pdf import report_font

        document = QTextDocument()
        document.setDefaultFont(report_font(9))  # the report's type, ligatures off: "Suffolk" copies as typed
        document.setHtml(service.scenario_html(result, title, origins=origins))
        with atomic_path(target) as tmp:
            writer = QPdfWriter(str(tmp))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageOrientation(QPageLayout.Orientation.Landscape)
            document.print_(writer)
            del writer
        return target

    def copy_selection(self) -> bool:
        return self.view.copy_selection()

    def finish_typing(self) -> bool:
        """A scale still being typed put in, as Enter would, before the page or the tab is left (``TabBase``): False
        when it is refused or asked about ("£3.500"), the editor left open on it and the reason beside the table."""
        view = self.view
        index = view.currentIndex()
        editor = view.indexWidget(index) if index.isValid() else None
        if view.state() != QAbstractItemView.State.EditingState or not isinstance(editor, QLineEdit):
            return True
        typed, kept = editor.text(), QPersistentModelIndex(index)  # the cell wherever a rebuilt table puts it
        if editor.isModified() and not view.model().setData(index, typed, Qt.ItemDataRole.EditRole):
            index = QModelIndex(kept)
            if index.isValid() and typed != str(index.data(Qt.ItemDataRole.EditRole) or ""):
                if shiboken6.isValid(editor) and editor.text() != typed:  # the cell shown again in its open editor
                    editor.setText(typed)
                    editor.setModified(True)
                return False
        if shiboken6.isValid(editor) and view.indexWidget(view.currentIndex()) is editor:
            view.itemDelegate().closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
        return True

    def finish_typing_refused(self) -> None:
        editor = self.view.indexWidget(self.view.currentIndex())
        if editor is not None:
            editor.setFocus()
