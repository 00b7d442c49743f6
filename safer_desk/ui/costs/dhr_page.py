"""The Reviews and Ledger pages of the Costs tab: DHR cases, stages, costs, shares, and who owes what."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QSplitter, QTabWidget, QVBoxLayout, QWidget)
from PySide6.QtCore import Qt

from safer_desk.domain import dhr as rules
from safer_desk.domain.money import format_money
from safer_desk.domain.periods import format_uk_date
from safer_desk.exchange.files import Sheet, to_tsv, write_csv, write_xlsx
from safer_desk.services import dhr
from safer_desk.services.reference import list_districts, list_organisations, list_partnerships
from safer_desk.ui import prompts
from safer_desk.ui.costs.widgets import (BackgroundLoader, Field, FormDialog, date_col, debounced, make_table,
                                        push_done, push_edit)
from safer_desk.ui.table_model import RIGHT, Column, money_column

NOT_KNOWN = "Not yet known"


def case_cost_column() -> Column:
    """A case's cost, or "not yet known" while nothing is costed (a blank would read as £0)."""
    return Column("cost", "Cost", lambda c: c.cost_pence if c.cost_known else None,
                  lambda v: NOT_KNOWN if v is None else format_money(v), RIGHT)


def _button(parent: QWidget, text: str, slot, tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda _=False: slot())
    return button


class DhrPage(QWidget):
    """Cases with their stages, costs, partners' shares, action plan and panel meetings."""

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.today = date.today()
        self.dialog: FormDialog | None = None
        store = session.store
        layout = QVBoxLayout(self)

        top = QHBoxLayout()
        top.addWidget(QLabel("Reviews are called:", self))
        self.label_combo = QComboBox(self)
        self.label_combo.addItems(list(rules.LABELS))
        self.label_combo.setAccessibleName("Name of the reviews")
        self.label_combo.setCurrentText(dhr.review_label(store))
        self.label_combo.currentTextChanged.connect(self.change_label)
        self.label_combo.setEnabled(not session.read_only)
        top.addWidget(self.label_combo)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search cases…")
        self.search.setAccessibleName("Search cases")
        self.search.setClearButtonEnabled(True)
        top.addWidget(self.search, 1)
        self.district_filter = QComboBox(self)
        self.district_filter.setAccessibleName("Show cases in district")
        self.district_filter.addItem("All districts")
        self.district_filter.addItems([d.name for d in list_districts(store)])
        top.addWidget(self.district_filter)
        self.overdue_only = QCheckBox("Only cases with overdue items", self)
        top.addWidget(self.overdue_only)
        layout.addLayout(top)
        self.privacy_note = QLabel("Cases are recorded by reference only — never a victim's name.", self)
        layout.addWidget(self.privacy_note)

        buttons = QGridLayout()
        self.edit_buttons = [
            _button(self, "&New case…", self.new_case_dialog),
            _button(self, "&Edit case…", self.edit_case_dialog),
            _button(self, "Delete case", self.delete_case),
            _button(self, "Panel &meeting…", self.panel_meeting_dialog),
            _button(self, "&Recommendation…", self.recommendation_dialog),
            _button(self, "Complete recommendation…", self.complete_recommendation_dialog),
            _button(self, "Stage &rules…", self.stage_rule_dialog, "How long each stage may take"),
            _button(self, "Cost &line…", self.cost_line_dialog),
            _button(self, "&Split…", self.split_dialog, "Equal shares, percentages, or a capped part first"),
            _button(self, "&Bill partners…", self.bill_dialog),
            _button(self, "&Payment…", self.payment_dialog),
            _button(self, "Re&fused…", self.refuse_dialog),
            _button(self, "&Write off…", self.write_off_dialog),
            _button(self, "Re-split or &carry…", self.resolve_dialog),
            _button(self, "Delete cost line", self.delete_cost_line),
        ]
        for i, b in enumerate(self.edit_buttons):
            buttons.addWidget(b, i // 8, i % 8)
            b.setEnabled(not session.read_only)
        layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.cases = make_table([
            Column("reference", "Reference", lambda c: c.reference),
            Column("kind", "Kind", lambda c: c.kind),
            Column("district", "District", lambda c: c.district),
            Column("partnership", "Partnership", lambda c: c.partnership),
            Column("stage", "Stage reached", lambda c: c.current_stage),
            Column("flag", "Status", lambda c: c.flag),
            date_col("next_due", "Next due", lambda c: c.next_due),
            case_cost_column(),
            money_column("recovered", "Recovered", lambda c: c.recovered_pence),
            money_column("outstanding", "Outstanding", lambda c: c.outstanding_pence),
            money_column("shortfall", "Shortfall", lambda c: c.shortfall_pence),
            Column("actions", "Open actions", lambda c: c.open_recommendations),
        ], "Cases", splitter)
        splitter.addWidget(self.cases.view)
        self.details = QTabWidget(splitter)
        self.stages = make_table([
            Column("stage", "Stage", lambda s: s.stage.label),
            date_col("due", "Due", lambda s: s.due_on),
            date_col("done", "Done", lambda s: s.done_on),
            Column("status", "Status", lambda s: s.status + (" (projected)" if s.projected and s.due_on else "")),
        ], "Stages", self.details)
        self.costs = make_table([
            Column("category", "Category"), Column("description", "Description"), Column("supplier", "Supplier"),
            Column("invoice_ref", "Invoice"), date_col("invoiced_on", "Invoiced"),
            money_column("amount_pence", "Amount"),
        ], "Cost lines", self.details)
        self.shares = make_table([
            Column("partner", "Partner", lambda s: s.partner), Column("kind", "Kind", lambda s: s.kind),
            Column("invoice", "Invoice", lambda s: s.invoice_ref), date_col("due", "Due", lambda s: s.due_on),
            money_column("amount", "Share", lambda s: s.amount_pence), money_column("paid", "Paid", lambda s: s.paid_pence),
            money_column("outstanding", "Outstanding", lambda s: s.outstanding_pence),
            Column("status", "Status", lambda s: s.status_text), Column("reason", "Reason", lambda s: s.reason),
        ], "Partners' shares", self.details)
        self.actions = make_table([
            Column("number", "No."), Column("text", "Recommendation"), Column("owner", "Owner"),
            date_col("due_on", "Due"), date_col("completed_on", "Completed"), Column("status", "Status"),
        ], "Action plan", self.details)
        self.meetings = make_table([date_col("met_on", "Panel meeting"), Column("note", "Note")],
                                   "Panel meetings", self.details)
        for title, table in (("Stages", self.stages), ("Costs", self.costs), ("Shares and payments", self.shares),
                             ("Action plan", self.actions), ("Panel meetings", self.meetings)):
            self.details.addTab(table.view, title)
        self._sized_details = {0}
        self.details.currentChanged.connect(self._detail_shown)
        splitter.addWidget(self.details)
        layout.addWidget(splitter, 1)

        self._refilter_timer = debounced(self, 150, self.refilter)
        self.search.textChanged.connect(lambda _t: self._refilter_timer.start())
        self.district_filter.currentIndexChanged.connect(lambda _i: self.refilter())
        self.overdue_only.toggled.connect(lambda _b: self.refilter())
        self.cases.view.selectionModel().selectionChanged.connect(lambda *_: self.show_details())
        self.loader = BackgroundLoader(self, lambda exc: prompts.show_error(self, "Cases", f"The cases could not be "
                                                                                         f"read: {exc}"))
        self._first_load = True
        self.refresh()

    def is_busy(self) -> bool:
        return self.loader.busy

    # -- reading ---------------------------------------------------------------------
    @property
    def store(self):
        return self.session.store

    def refresh(self) -> None:
        """Read the cases on the thread pool; the selected case's details are read when they arrive."""
        today = self.today
        self.loader.load(self.store, lambda conn: dhr.list_cases(conn, today=today), self._loaded)

    def _loaded(self, cases: list) -> None:
        selected = self.current_case()
        self.cases.model.set_rows(cases)
        if selected is not None:
            self.select_case(selected.id)
        elif self._first_load:
            # Start on the case with the most money at stake, so its shares are one click away.
            costed = max(cases, key=lambda c: c.cost_pence, default=None)
            if costed is not None:
                self.select_case(costed.id)
        self.show_details()
        if self._first_load:
            self._first_load = False
            for table in (self.cases, self.stages):  # the others are sized when first shown
                table.view.size_columns_to_visible()

    def refilter(self) -> None:
        district = self.district_filter.currentText()
        only_overdue = self.overdue_only.isChecked()

        def keep(case) -> bool:
            if district != "All districts" and case.district != district:
                return False
            return not only_overdue or case.overdue_items > 0

        self.cases.model.set_filter(self.search.text(), keep if (only_overdue or district != "All districts") else None)

    def current_case(self):
        return self.cases.current()

    def select_case(self, case_id: str) -> bool:
        return self.cases.select_where(lambda c: c.id == case_id)

    def show_details(self) -> None:
        case = self.current_case()
        if case is None:
            for table in (self.stages, self.costs, self.shares, self.actions, self.meetings):
                table.model.set_rows([])
            return
        self.stages.model.set_rows(dhr.case_stages(self.store, case.id, today=self.today))
        self.costs.model.set_rows(dhr.cost_lines(self.store, case.id))
        self.shares.model.set_rows(dhr.list_shares(self.store, today=self.today, case_id=case.id))
        self.actions.model.set_rows(dhr.recommendations(self.store, case.id, today=self.today))
        self.meetings.model.set_rows(dhr.panel_meetings(self.store, case.id))

    def _detail_shown(self, index: int) -> None:
        if index not in self._sized_details:
            self._sized_details.add(index)
            self.details.widget(index).size_columns_to_visible()

    def _after(self) -> None:
        self.refresh()
        self.session.notify("costs")

    # -- editing ---------------------------------------------------------------------
    def edit(self, text: str, case_id: str | None, action) -> Any:
        """One undoable step on a case (case_id None: the action creates the case and returns its id)."""
        return push_edit(self.session.undo_stack, text, key=case_id, snap=lambda k: dhr.snapshot_case(self.store, k),
                         restore=lambda s: dhr.restore_case(self.store, s),
                         absent=lambda k: dhr.CaseSnapshot(k, None), action=action, after=self._after)

    def _need_case(self):
        case = self.current_case()
        if case is None:
            prompts.show_error(self, "Choose a case", "Select a case in the list first.")
        return case

    def _open(self, dialog: FormDialog) -> FormDialog:
        self.dialog = dialog
        dialog.open()
        return dialog

    def change_label(self, label: str) -> None:
        if label == dhr.review_label(self.store) or self.session.read_only:
            return
        old = dhr.review_label(self.store)
        push_done(self.session.undo_stack, f"Call the reviews {label}",
                             lambda: dhr.set_review_label(self.store, label),
                             lambda: dhr.set_review_label(self.store, old), self._label_changed)

    def _label_changed(self) -> None:
        label = dhr.review_label(self.store)
        if self.label_combo.currentText() != label:
            self.label_combo.blockSignals(True)
            self.label_combo.setCurrentText(label)
            self.label_combo.blockSignals(False)
        self.session.notify("costs")

    def _case_fields(self, record: dict | None) -> list[Field]:
        r = record or {}
        store = self.store
        district_names = {d.id: d.name for d in list_districts(store)}
        partnership_names = {p.id: p.name for p in list_partnerships(store)}
        org_names = {o.id: o.name for o in list_organisations(store)}
        return [
            Field("reference", "Reference", value=r.get("reference", ""),
                  hint="A code such as WSCSP-DHR-2019-01 — never the victim's name"),
            Field("kind", "Kind", "choice", dhr.KINDS, r.get("kind", "review")),
            Field("district", "District", "choice", ["", *district_names.values()],
                  district_names.get(r.get("district_id"), "")),
            Field("partnership", "Partnership conducting it", "choice", ["", *partnership_names.values()],
                  partnership_names.get(r.get("partnership_id"), "")),
            Field("lead_organisation", "Lead authority", "choice", ["", *org_names.values()],
                  org_names.get(r.get("lead_organisation_id"), "")),
            Field("decision", "Decision", "choice", dhr.DECISIONS, r.get("decision", "pending")),
            *[Field(key, label, "date", value=r.get(key)) for key, label in dhr.CASE_DATE_FIELDS.items()],
            Field("notes", "Notes", "multiline", value=r.get("notes", "")),
        ]

    def new_case_dialog(self) -> FormDialog:
        def apply(values: dict) -> str:
            return self.edit(f"Add case {values['reference']}", None, lambda: dhr.add_case(self.store, **values))

        return self._open(FormDialog(self, "New case", self._case_fields(None), apply,
                                     note="Use a reference, never the victim's name: a form like WSCSP-DHR-2019-01."))

    def edit_case_dialog(self) -> FormDialog | None:
        case = self._need_case()
        if case is None:
            return None
        record = dhr.case_record(self.store, case.id)

        def apply(values: dict) -> None:
            self.edit(f"Edit case {values['reference']}", case.id, lambda: dhr.update_case(self.store, case.id, **values))

        return self._open(FormDialog(self, f"Edit case {case.reference}", self._case_fields(record), apply,
                                     note="Never record a victim's name."))

    def delete_case(self) -> None:
        case = self._need_case()
        if case is None:
            return
        if prompts.ask(self, "Delete case", f"Delete {case.reference} with its costs, shares and payments?",
                       yes="Delete"):
            self.edit(f"Delete case {case.reference}", case.id, lambda: dhr.delete_case(self.store, case.id))

    def panel_meeting_dialog(self) -> FormDialog | None:
        case = self._need_case()
        if case is None:
            return None
        return self._open(FormDialog(self, "Panel meeting", [Field("met_on", "Date", "date"), Field("note", "Note")],
                                     lambda v: self.edit("Add panel meeting", case.id,
                                                         lambda: dhr.add_panel_meeting(self.store, case.id, v["met_on"],
                                                                                       v["note"]))))

    def recommendation_dialog(self) -> FormDialog | None:
        case = self._need_case()
        if case is None:
            return None
        fields = [Field("text", "Recommendation", "multiline"), Field("owner", "Owner"),
                  Field("due_on", "Due", "date"), Field("completed_on", "Completed", "date")]
        return self._open(FormDialog(self, "Recommendation", fields, lambda v: self.edit(
            "Add recommendation", case.id, lambda: dhr.add_recommendation(
                self.store, case.id, v["text"], owner=v["owner"], due_on=v["due_on"], completed_on=v["completed_on"])),
            warnings=lambda v: dhr.name_warnings(owner=v["owner"])))

    def complete_recommendation_dialog(self) -> FormDialog | None:
        case = self._need_case()
        rec = self.actions.current()
        if case is None:
            return None
        if rec is None:
            prompts.show_error(self, "Choose a recommendation", "Select a recommendation on the Action plan page.")
            return None
        return self._open(FormDialog(self, f"Recommendation {rec['number']}",
                                     [Field("completed_on", "Completed", "date", value=self.today)],
                                     lambda v: self.edit("Complete recommendation", case.id,
                                                         lambda: dhr.update_recommendation(
                                                             self.store, rec["id"], completed_on=v["completed_on"]))))

    def stage_rule_dialog(self) -> FormDialog:
        labels = {s.label: s.key for s in rules.STAGES}
        current = {r.stage: r for r in dhr.stage_rules(self.store)}
        first = next(iter(current.values()), rules.DEFAULT_RULES[0])
        fields = [Field("stage", "Stage", "choice", [s.label for s in rules.STAGES[1:]], rules.STAGE_BY_KEY[first.stage].label),
                  Field("after", "Due after", "choice", [s.label for s in rules.STAGES[:-1]],
                        rules.STAGE_BY_KEY[first.after].label),
                  Field("months", "Months", value=str(first.months)), Field("days", "Days", value=str(first.days))]

        def apply(v: dict) -> None:
            try:
                months, days = int(v["months"] or 0), int(v["days"] or 0)
            except ValueError:
                raise rules.DhrError("Months and days must be whole numbers.") from None
            old = current.get(labels[v["stage"]])
            push_done(
                self.session.undo_stack, "Change a stage rule",
                lambda: dhr.set_stage_rule(self.store, labels[v["stage"]], labels[v["after"]], months, days),
                lambda: dhr.set_stage_rule(self.store, old.stage, old.after, old.months, old.days) if old else None,
                self._after)

        note = "Rules now: " + "; ".join(f"{rules.STAGE_BY_KEY[r.stage].label} {r.describe()}" for r in current.values())
        return self._open(FormDialog(self, "Stage rules", fields, apply, note=note))

    def cost_line_dialog(self) -> FormDialog | None:
        case = self._need_case()
        if case is None:
            return None
        fields = [Field("category", "Category", "choice", rules.COST_CATEGORIES), Field("description", "Description"),
                  Field("supplier", "Supplier"), Field("invoice_ref", "Invoice reference"),
                  Field("invoiced_on", "Invoice date", "date"), Field("amount", "Amount", "money")]
        return self._open(FormDialog(self, "Cost line", fields, lambda v: self.edit(
            "Add cost line", case.id, lambda: dhr.add_cost_line(self.store, case.id, **v)),
            warnings=lambda v: dhr.name_warnings(supplier=v["supplier"])))

    def delete_cost_line(self) -> None:
        case = self._need_case()
        line = self.costs.current()
        if case is None:
            return
        if line is None:
            prompts.show_error(self, "Choose a cost line", "Select a cost line on the Costs page first.")
            return
        if prompts.ask(self, "Delete cost line", f"Delete the {line['category']} cost of "
                       f"{format_money(line['amount_pence'])}?", yes="Delete"):
            self.edit("Delete cost line", case.id, lambda: dhr.delete_cost_line(self.store, line["id"]))

    def split_dialog(self) -> FormDialog | None:
        case = self._need_case()
        if case is None:
            return None
        record = dhr.case_record(self.store, case.id)
        org_names = {o.id: o.name for o in list_organisations(self.store)}
        fields = [Field("kind", "Split", "choice", rules.SPLIT_KINDS, record["split_rule"]),
                  Field("percentages", "Percentages (one per line: partner = %)", "multiline",
                        hint="e.g. Suffolk Constabulary = 20"),
                  Field("cap_payer", "Partner paying first", "choice", ["", *org_names.values()],
                        org_names.get(record["cap_organisation_id"], "")),
                  Field("cap_percent", "Share of the chair's costs", value=rules.format_bp(record["cap_percent_bp"])),
                  Field("cap_amount", "Up to", "money", value=record["cap_pence"])]

        def apply(v: dict) -> None:
            percentages = {}
            for line in v["percentages"].splitlines():
                if line.strip():
                    if "=" not in line:
                        raise rules.DhrError(f"Percentages: “{line.strip()}” should read partner = percentage.")
                    name, value = line.rsplit("=", 1)
                    percentages[name.strip()] = value.strip()
            self.edit("Change the split", case.id, lambda: dhr.set_split_rule(
                self.store, case.id, v["kind"], percentages=percentages, cap_payer=v["cap_payer"],
                cap_percent=v["cap_percent"], cap_amount=v["cap_amount"]))

        return self._open(FormDialog(self, "How the cost is split", fields, apply,
                                     note="Capped: one partner pays a share of the chair's costs up to a limit; the "
                                          "others share the rest equally (e.g. the PCC pays 50% up to £5,000)."))

    def bill_dialog(self) -> FormDialog | None:
        case = self._need_case()
        if case is None:
            return None
        fields = [Field("invoiced_on", "Invoice date", "date", value=self.today), Field("due_days", "Days to pay",
                                                                                         value="30"),
                  Field("prefix", "Invoice numbers start with", value=f"{case.reference}-")]

        def apply(v: dict) -> None:
            try:
                days = int(v["due_days"])
            except ValueError:
                raise rules.DhrError("Days to pay: a whole number of days.") from None
            self.edit("Bill partners", case.id, lambda: dhr.bill_partners(
                self.store, case.id, invoiced_on=v["invoiced_on"], due_days=days, invoice_prefix=v["prefix"]))

        try:
            preview = dhr.proposed_shares(self.store, case.id)
            names = {o.id: o.name for o in list_organisations(self.store)}
            note = "Shares: " + "; ".join(f"{names.get(k, k)} {format_money(v)}" for k, v in sorted(preview.items()))
        except rules.DhrError as exc:
            note = str(exc)
        return self._open(FormDialog(self, f"Bill the partners for {case.reference}", fields, apply, note=note))

    def _need_share(self):
        case = self._need_case()
        share = self.shares.current()
        if case is not None and share is None:
            prompts.show_error(self, "Choose a share", "Select a partner's share on the Shares and payments page.")
        return case, share

    def payment_dialog(self) -> FormDialog | None:
        case, share = self._need_share()
        if share is None:
            return None
        fields = [Field("paid_on", "Paid on", "date", value=self.today),
                  Field("amount", "Amount", "money", value=share.outstanding_pence), Field("reference", "Reference")]
        return self._open(FormDialog(self, f"Payment from {share.partner}", fields, lambda v: self.edit(
            f"Payment from {share.partner}", case.id, lambda: dhr.record_payment(self.store, share.id, **v)),
            note=f"Outstanding on this share: {format_money(share.outstanding_pence)}."))

    def _close_dialog(self, title: str, fn) -> FormDialog | None:
        case, share = self._need_share()
        if share is None:
            return None
        fields = [Field("on", "Date", "date", value=self.today), Field("reason", "Reason", "multiline")]
        return self._open(FormDialog(self, f"{title}: {share.partner}", fields, lambda v: self.edit(
            f"{title}: {share.partner}", case.id, lambda: fn(self.store, share.id, on=v["on"], reason=v["reason"]))))

    def refuse_dialog(self) -> FormDialog | None:
        return self._close_dialog("Refused", dhr.refuse_share)

    def write_off_dialog(self) -> FormDialog | None:
        return self._close_dialog("Write off", dhr.write_off_share)

    def resolve_dialog(self) -> FormDialog | None:
        case, share = self._need_share()
        if share is None:
            return None
        fields = [Field("handling", "The refused amount is", "choice",
                        ["re-split among the other partners", "carried by the lead authority"]),
                  Field("on", "Date", "date", value=self.today)]

        def apply(v: dict) -> None:
            handling = "re-split" if v["handling"].startswith("re-split") else "lead authority"
            self.edit(f"Refusal by {share.partner}: {handling}", case.id,
                      lambda: dhr.resolve_refusal(self.store, share.id, handling, on=v["on"]))

        return self._open(FormDialog(self, f"Refused by {share.partner}", fields, apply,
                                     note=f"{format_money(share.closed_pence)} refused."))


class LedgerPage(QWidget):
    """Who owes what: per partner (billed, paid, refused, outstanding, overdue) and per case."""

    PARTNER_HEADER = ["Partner", "Billed", "Paid", "Refused", "Written off", "Outstanding", "Overdue"]

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.today = date.today()
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.as_at_label = QLabel("", self)
        row.addWidget(self.as_at_label, 1)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText("Search partners…")
        self.search.setAccessibleName("Search partners")
        self.search.textChanged.connect(lambda t: self.partners.model.set_search_text(t))
        row.addWidget(self.search)
        row.addWidget(_button(self, "&Export ledger…", self.export))
        row.addWidget(_button(self, "Copy ledger", self.copy_all))
        layout.addLayout(row)
        self.partners = make_table([
            Column("partner", "Partner", lambda p: p.partner),
            money_column("billed", "Billed", lambda p: p.billed_pence), money_column("paid", "Paid", lambda p: p.paid_pence),
            money_column("refused", "Refused", lambda p: p.refused_pence),
            money_column("written_off", "Written off", lambda p: p.written_off_pence),
            money_column("outstanding", "Outstanding", lambda p: p.outstanding_pence),
            Column("overdue", "Overdue", lambda p: p.overdue_pence,
                   lambda v: f"{rules.OVERDUE} {format_money(v)}" if v else "—", RIGHT),
        ], "Ledger per partner", self)
        layout.addWidget(QLabel("Per partner", self))
        layout.addWidget(self.partners.view, 2)
        layout.addWidget(QLabel("Per case", self))
        self.per_case = make_table([
            Column("reference", "Case", lambda c: c.reference),
            case_cost_column(),
            money_column("billed", "Net billed", lambda c: c.net_billed_pence),
            money_column("recovered", "Recovered", lambda c: c.recovered_pence),
            money_column("outstanding", "Outstanding", lambda c: c.outstanding_pence),
            money_column("shortfall", "Shortfall", lambda c: c.shortfall_pence),
        ], "Cost recovery per case", self)
        layout.addWidget(self.per_case.view, 1)
        self.loader = BackgroundLoader(self, lambda exc: prompts.show_error(self, "Ledger", f"The ledger could not be "
                                                                                           f"read: {exc}"))
        self.refresh()

    def is_busy(self) -> bool:
        return self.loader.busy

    def refresh(self) -> None:
        today = self.today

        def read(conn):
            return (dhr.partner_ledger(conn, today=today),
                    [c for c in dhr.list_cases(conn, today=today) if c.kind == "review"])

        self.loader.load(self.session.store, read, self._loaded)

    def _loaded(self, data) -> None:
        partners, cases = data
        self.as_at_label.setText(f"As at {format_uk_date(self.today)}; overdue means past the date the invoice was due.")
        self.partners.model.set_rows(partners)
        self.per_case.model.set_rows(cases)
        self.partners.view.size_columns_to_visible()
        self.per_case.view.size_columns_to_visible()

    def partner_rows(self) -> list[list]:
        return [[p.partner, p.billed_pence, p.paid_pence, p.refused_pence, p.written_off_pence, p.outstanding_pence,
                 p.overdue_pence] for p in self.partners.model.rows]

    def case_rows(self) -> list[list]:
        return [[c.reference, c.cost_pence, c.net_billed_pence, c.recovered_pence, c.outstanding_pence,
                 c.shortfall_pence] for c in self.per_case.model.rows]

    def export(self, path: str | None = None) -> Path | None:
        name = path or prompts.save_file_name(self, "Export the DHR ledger", "Excel workbook (*.xlsx);;CSV (*.csv)",
                                              "dhr-ledger.xlsx")
        if not name:
            return None
        target = Path(name)
        try:
            if target.suffix.lower() == ".csv":
                from safer_desk.domain.money import format_pounds_plain

                write_csv(target, [h.lower().replace(" ", "_") for h in self.PARTNER_HEADER],
                          [[r[0], *(format_pounds_plain(v) for v in r[1:])] for r in self.partner_rows()])
            else:
                target = target if target.suffix else target.with_suffix(".xlsx")
                write_xlsx(target, [
                    Sheet("Per partner", self.PARTNER_HEADER, self.partner_rows(), money_columns={1, 2, 3, 4, 5, 6},
                          title=f"DHR ledger per partner as at {format_uk_date(self.today)}"),
                    Sheet("Per case", ["Case", "Cost", "Net billed", "Recovered", "Outstanding", "Shortfall"],
                          self.case_rows(), money_columns={1, 2, 3, 4, 5}),
                ])
        except OSError as exc:
            prompts.show_error(self, "Export", f"The ledger could not be written: {exc}")
            return None
        return target

    def copy_all(self) -> str:
        model = self.partners.model
        text = to_tsv([[c.header for c in model.columns]] +
                      [[c.text(r) for c in model.columns] for r in self.partners.model.source_rows()])
        QGuiApplication.clipboard().setText(text)
        return text
