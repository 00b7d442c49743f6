"""Commissioning: tick and scale projects against a fund, see what is left live, save and compare scenarios."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import (
    QComboBox, QGroupBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTableWidget, QTableWidgetItem,
    QVBoxLayout, QWidget,
)

from safer_desk.domain.commissioning import UNDATED, Suggestion
from safer_desk.domain.ids import new_id
from safer_desk.domain.money import MoneyError, format_money, parse_pence
from safer_desk.domain.projects import Scale
from safer_desk.services import projects_commissioning as service
from safer_desk.services.projects_commissioning import Scenario, ScenarioError, ScenarioItem, ScenarioResult
from safer_desk.ui import prompts
from safer_desk.ui.kit.tables import SortProxy
from safer_desk.ui.projects.models import ScenarioEntry, ScenarioModel, comparison_columns
from safer_desk.ui.table_model import RowTableModel
from safer_desk.ui.table_view import DataTableView
from safer_desk.ui.kit.undo import push_service_action

UNSAVED = ""
# Projects a board would no longer commission are left out of the list to tick.
CLOSED = ("declined", "withdrawn", "completed")


class CommissioningPage(QWidget):
    def __init__(self, tab):
        super().__init__(tab)
        self.tab = tab
        self.session = tab.session
        self.scenario_id: str | None = None
        self.suggestion: Suggestion | None = None
        self._stale = False
        self._projects = []
        self._fund_label = ""  # the paper's name for the fund when chosen from the list

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        top = QHBoxLayout()
        layout.addLayout(top)
        self.scenarios = QComboBox()
        self.scenarios.setAccessibleName("Saved scenarios")
        self.scenarios.setMinimumContentsLength(28)
        self.scenarios.activated.connect(self._scenario_chosen)
        top.addWidget(QLabel("Scenario:"))
        top.addWidget(self.scenarios, 2)
        self.name = QLineEdit()
        self.name.setAccessibleName("Scenario name")
        self.name.setPlaceholderText("name to save it under")
        top.addWidget(self.name, 2)
        self.new_button = QPushButton("New")
        self.new_button.clicked.connect(self.new_scenario)
        self.save_button = QPushButton("Save")
        self.save_button.clicked.connect(self.save)
        self.delete_button = QPushButton("Delete")
        self.delete_button.clicked.connect(self.delete)
        for b in (self.new_button, self.save_button, self.delete_button):
            top.addWidget(b)

        fund_row = QHBoxLayout()
        layout.addLayout(fund_row)
        self.fund = QLineEdit()
        self.fund.setAccessibleName("Fund amount")
        self.fund.setPlaceholderText("£65,512")
        self.fund.editingFinished.connect(self.recalculate)
        self.fund.textChanged.connect(lambda _t: self.recalculate())
        self.fund.textEdited.connect(self._fund_typed)
        self.presets = QComboBox()
        self.presets.setAccessibleName("Choose a fund")
        self.presets.addItem("Choose a fund from the papers…", None)
        for label, pence in service.fund_presets():
            self.presets.addItem(f"{label}: {format_money(pence)}", pence)
        self.presets.activated.connect(self._preset_chosen)
        fund_row.addWidget(QLabel("Fund:"))
        fund_row.addWidget(self.fund, 1)
        fund_row.addWidget(self.presets, 2)
        self.fits_button = QPushButton("What fits?")
        self.fits_button.setToolTip("Propose the projects meeting the most criteria within the fund")
        self.fits_button.clicked.connect(self.propose)
        fund_row.addWidget(self.fits_button)
        self.export_button = QPushButton("Export…")
        self.export_button.setToolTip("Save this scenario as the board's table (.xlsx, .csv or .html)")
        self.export_button.clicked.connect(self.export)
        self.print_button = QPushButton("Print to PDF…")
        self.print_button.clicked.connect(self.print_pdf)
        fund_row.addWidget(self.export_button)
        fund_row.addWidget(self.print_button)

        self.summary = QLabel()
        self.summary.setAccessibleName("Commitment summary")
        self.summary.setStyleSheet("font-weight: bold; padding: 4px;")
        layout.addWidget(self.summary)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setAccessibleName("Commissioning messages")
        layout.addWidget(self.message)

        suggestion_box = QHBoxLayout()
        self.suggestion_label = QLabel()
        self.suggestion_label.setWordWrap(True)
        self.suggestion_label.setAccessibleName("Suggestion")
        self.accept_button = QPushButton("Accept suggestion")
        self.accept_button.clicked.connect(self.accept_suggestion)
        self.dismiss_button = QPushButton("Dismiss")
        self.dismiss_button.clicked.connect(self.dismiss_suggestion)
        suggestion_box.addWidget(self.suggestion_label, 1)
        suggestion_box.addWidget(self.accept_button)
        suggestion_box.addWidget(self.dismiss_button)
        layout.addLayout(suggestion_box)

        splitter = QSplitter(Qt.Orientation.Vertical)
        layout.addWidget(splitter, 1)
        self.model = ScenarioModel([], self)
        self.model.changed.connect(self.recalculate)
        self.model.refused.connect(self._say)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(accessible_name="Projects to commission")
        self.view.setModel(self.proxy)
        self.view.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.view.verticalHeader().hide()
        splitter.addWidget(self.view)

        bottom = QWidget()
        bottom_layout = QHBoxLayout(bottom)
        bottom_layout.setContentsMargins(0, 0, 0, 0)
        years_box = QGroupBox("Committed by financial year")
        QVBoxLayout(years_box)
        self.years = QTableWidget(0, 1)
        self.years.setAccessibleName("Committed by financial year")
        self.years.setHorizontalHeaderLabels(["Committed"])
        self.years.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.years.horizontalHeader().setStretchLastSection(True)
        years_box.layout().addWidget(self.years)
        bottom_layout.addWidget(years_box, 1)

        compare_box = QGroupBox("Compare two saved scenarios")
        compare_layout = QVBoxLayout(compare_box)
        pick = QHBoxLayout()
        self.compare_a = QComboBox()
        self.compare_a.setAccessibleName("First scenario to compare")
        self.compare_b = QComboBox()
        self.compare_b.setAccessibleName("Second scenario to compare")
        self.compare_button = QPushButton("Compare")
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

        read_only = self.session.read_only
        for b in (self.save_button, self.delete_button):
            b.setEnabled(not read_only)
        self.reload()
        self.dismiss_suggestion()

    # -- loading -------------------------------------------------------------------------------------------
    def mark_stale(self) -> None:
        self._stale = True

    def reload_if_stale(self) -> None:
        if self._stale:
            self.reload()

    def reload(self) -> None:
        """Re-read projects and scenarios, keeping the ticks being edited."""
        self._stale = False
        current = {e.project.id: e for e in self.model.entries()}
        # The register page keeps the projects current; reading them again would block on a large register.
        self._projects = self.tab.register.model.rows
        entries = []
        for p in self._projects:
            old = current.get(p.id)
            if p.status in CLOSED and not (old and old.ticked):
                continue
            entries.append(ScenarioEntry(p, old.ticked if old else False, old.scale if old else Scale()))
        self.model.set_rows(entries)
        self._fill_scenarios()
        if self.scenario_id is None and not current:
            saved = service.list_scenarios(self.session.store)
            if saved:
                self.load_scenario(saved[0].id)
        self.view.size_columns_to_visible(max_width=320)
        self.recalculate()

    def _fill_scenarios(self) -> None:
        saved = service.list_scenarios(self.session.store)
        for combo, blank in ((self.scenarios, "(not saved)"), (self.compare_a, None), (self.compare_b, None)):
            keep = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            if blank:
                combo.addItem(blank, UNSAVED)
            for s in saved:
                combo.addItem(s.name, s.id)
            combo.setCurrentIndex(max(0, combo.findData(keep)))
            combo.blockSignals(False)
        self.scenarios.setCurrentIndex(max(0, self.scenarios.findData(self.scenario_id or UNSAVED)))
        if len(saved) >= 2 and self.compare_a.currentIndex() == self.compare_b.currentIndex():
            self.compare_b.setCurrentIndex(1)

    def load_scenario(self, scenario_id: str) -> None:
        scenario = service.get_scenario(self.session.store, scenario_id)
        self.scenario_id = scenario.id
        self.name.setText(scenario.name)
        self.fund.setText(format_money(scenario.fund_pence))
        self._fund_label = scenario.fund_label
        self._against = scenario  # its award and range end are kept when it is saved again (issue 14)
        self.model.set_ticks({i.project_id: i.scale for i in scenario.items})
        self.scenarios.setCurrentIndex(max(0, self.scenarios.findData(scenario.id)))
        self.dismiss_suggestion()

    def _scenario_chosen(self, index: int) -> None:
        scenario_id = self.scenarios.itemData(index)
        if scenario_id:
            self.load_scenario(scenario_id)

    def _fund_typed(self, _text: str) -> None:
        self._fund_label = ""

    def _preset_chosen(self, index: int) -> None:
        pence = self.presets.itemData(index)
        if pence is not None:
            self.fund.setText(format_money(pence))
            self._fund_label = self.presets.itemText(index).split(":")[0]
            self.recalculate()

    # -- the live figures ----------------------------------------------------------------------------------
    def fund_pence(self) -> int | None:
        try:
            pence = parse_pence(self.fund.text())
        except MoneyError as exc:
            self._say(f"Fund: {exc}")
            return None
        if pence < 0:
            self._say("Fund: a fund cannot be negative.")
            return None
        return pence

    def items(self) -> list[ScenarioItem]:
        return [ScenarioItem(e.project.id, e.scale) for e in self.model.entries() if e.ticked]

    def result(self) -> ScenarioResult | None:
        fund = self.fund_pence()
        if fund is None:
            return None
        kept = getattr(self, "_against", None)
        award = None
        if kept is not None and kept.id == self.scenario_id and kept.award_id:
            from safer_desk.services.funders import get_award

            award = get_award(self.session.store, kept.award_id)
        return service.evaluate(self._projects, fund, self.items(), name=self.name.text().strip(),
                                fund_label=self._fund_label, award=award,
                                award_year=kept.award_year if award is not None else None,
                                range_end=kept.range_end if kept is not None and kept.id == self.scenario_id
                                else "upper")

    def recalculate(self) -> None:
        if not self.fund.text().strip():
            self.summary.setText("Type a fund, or choose one from the papers, then tick projects.")
            self.years.setRowCount(0)
            return
        result = self.result()
        if result is None:
            self.summary.setText("⚠ The fund is not an amount of money.")
            return
        over = result.commitment.over_committed
        self.summary.setText(("⚠ " if over else "✓ ") + result.summary())
        self.summary.setStyleSheet("font-weight: bold; padding: 4px;"
                                   + (" color: #a00000;" if over else ""))
        self._say("\n".join((*result.problems, *result.notes)))
        years = result.commitment.by_year
        self.years.setRowCount(len(years) + 1)
        labels = [*years, "Total"]
        self.years.setVerticalHeaderLabels(labels)
        for r, year in enumerate(labels):
            value = result.committed_pence if year == "Total" else years[year]
            item = QTableWidgetItem(format_money(value))
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if year == UNDATED:
                item.setToolTip("Projects with no cost lines by year and no start date")
            self.years.setItem(r, 0, item)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    # -- what fits -----------------------------------------------------------------------------------------
    def propose(self) -> None:
        fund = self.fund_pence()
        if fund is None:
            return
        candidates = [e.project for e in self.model.entries()]
        self.suggestion = service.suggest(candidates, fund)
        s = self.suggestion
        titles = {p.id: p for p in candidates}
        names = ", ".join(f"{titles[k].ref}. {titles[k].title}" if titles[k].ref else titles[k].title
                          for k in s.keys)
        if not s.keys:
            self.suggestion_label.setText("Suggestion: no project with a criterion met fits within the fund.")
        else:
            self.suggestion_label.setText(
                f"Suggestion (not applied): {len(s.keys)} projects meeting {s.score} criteria in total for "
                f"{format_money(s.cost_pence)}, leaving {format_money(fund - s.cost_pence)}: {names}.")
        self.suggestion_label.show()
        self.accept_button.setVisible(bool(s.keys))
        self.dismiss_button.show()

    def accept_suggestion(self) -> None:
        if self.suggestion is None:
            return
        self.model.set_ticks({k: Scale() for k in self.suggestion.keys})
        self.dismiss_suggestion()

    def dismiss_suggestion(self) -> None:
        self.suggestion = None
        self.suggestion_label.clear()
        self.suggestion_label.hide()
        self.accept_button.hide()
        self.dismiss_button.hide()

    # -- saving (undoable) ---------------------------------------------------------------------------------
    def new_scenario(self) -> None:
        self.scenario_id = None
        self._against = None
        self.name.clear()
        self.model.set_ticks({})
        self.scenarios.setCurrentIndex(0)
        self.dismiss_suggestion()

    def current_scenario(self) -> Scenario | None:
        fund = self.fund_pence()
        if fund is None:
            return None
        kept = getattr(self, "_against", None)
        kept = kept if kept is not None and kept.id == self.scenario_id else None
        return Scenario(self.scenario_id or new_id(), self.name.text(), fund, self._fund_label,
                        "", tuple(self.items()), award_id=kept.award_id if kept else None,
                        award_year=kept.award_year if kept else "", range_end=kept.range_end if kept else "upper")

    def save(self) -> bool:
        scenario = self.current_scenario()
        if scenario is None or self.session.read_only:
            return False
        store = self.session.store
        try:
            before = service.get_scenario(store, scenario.id) if self.scenario_id else None
        except ScenarioError:
            before = None

        def undo():
            if before is None:
                service.delete_scenario(store, scenario.id)
            else:
                service.save_scenario(store, before)

        def after():
            self.scenario_id = scenario.id if any(s.id == scenario.id for s in service.list_scenarios(store)) else None
            self._fill_scenarios()

        try:
            push_service_action(self.session.undo_stack, f"Save scenario “{scenario.name.strip()}”",
                                 do=lambda: service.save_scenario(store, scenario), undo=undo, after=after, tab="projects")
        except ScenarioError as exc:
            prompts.show_error(self, "Save scenario", str(exc))
            return False
        return True

    def delete(self) -> None:
        if not self.scenario_id or self.session.read_only:
            return
        store = self.session.store
        scenario = service.get_scenario(store, self.scenario_id)
        if not prompts.ask(self, "Delete scenario", f"Delete the scenario “{scenario.name}”?", yes="Delete"):
            return

        def after():
            exists = any(s.id == scenario.id for s in service.list_scenarios(store))
            self.scenario_id = scenario.id if exists else None
            self._fill_scenarios()

        push_service_action(self.session.undo_stack, f"Delete scenario “{scenario.name}”",
                             do=lambda: service.delete_scenario(store, scenario.id),
                             undo=lambda: service.save_scenario(store, scenario), after=after, tab="projects")

    # -- compare, export, print ----------------------------------------------------------------------------
    def compare(self) -> None:
        a_id, b_id = self.compare_a.currentData(), self.compare_b.currentData()
        if not a_id or not b_id:
            self._say("Save at least two scenarios to compare them.")
            return
        store = self.session.store
        a = service.evaluate_saved(store, service.get_scenario(store, a_id), self._projects)
        b = service.evaluate_saved(store, service.get_scenario(store, b_id), self._projects)
        self.comparison.set_rows(service.compare(a, b))
        self.comparison_view.size_columns_to_visible(max_width=300)

    def export(self) -> None:
        result = self.result()
        if result is None:
            return
        name = prompts.save_file_name(self, "Export the scenario", "Excel workbook (*.xlsx);;CSV (*.csv);;"
                                      "Web page (*.html)", f"{result.name or 'scenario'}.xlsx")
        if not name:
            return
        try:
            path = service.export_scenario(result, Path(name))
        except (ScenarioError, OSError) as exc:
            prompts.show_error(self, "Export", f"The scenario was not saved: {exc}")
            return
        prompts.show_info(self, "Export", f"Saved the scenario to {path}.")

    def print_pdf(self) -> None:
        result = self.result()
        if result is None:
            return
        name = prompts.save_file_name(self, "Print the scenario to PDF", "PDF (*.pdf)",
                                      f"{result.name or 'scenario'}.pdf")
        if name:
            self.write_pdf(result, Path(name))
            prompts.show_info(self, "Print", f"Saved the scenario to {name}.")

    @staticmethod
    def write_pdf(result: ScenarioResult, target: Path) -> Path:
        """The board's table as a landscape A4 PDF, written atomically."""
        from safer_desk.exchange.files import atomic_path

        document = QTextDocument()
        document.setHtml(service.scenario_html(result))
        with atomic_path(target) as tmp:
            writer = QPdfWriter(str(tmp))
            writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
            writer.setPageOrientation(QPageLayout.Orientation.Landscape)
            document.print_(writer)
            del writer
        return target

    def copy_selection(self) -> bool:
        return self.view.copy_selection()
