"""The Reviews and Ledger pages of the Costs tab: a thin view over ``presenters.dhr.DhrPresenter``.

The presenter holds the cases, the selected case (a case just created is selected and shown), the
open form and every change as a named Action; this page shows them and forwards clicks.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from safer_desk.domain import dhr as rules
from safer_desk.domain.periods import format_uk_date
from safer_desk.exchange.files import to_tsv
from safer_desk.exchange.tables import UnsupportedFormat, plain_rows, table_file_filter, table_target, write_table
from safer_desk.presenters.dhr import (EMPTY, SHARE_KINDS, DhrPresenter, LedgerPresenter, LedgerShown,
                                      SplitPresenter, ledger_sheets, meeting_notes_copy_question)
from safer_desk.presenters.formats import Unit
from safer_desk.services.dhr import KIND_WORDS
from safer_desk.services.provenance import MERGED_FROM, NOT_A_COUNTY_FILE
from safer_desk.ui import prompts
from safer_desk.ui.costs.widgets import (BackgroundLoader, FormDialog, SplitDialog, action_button, count_col,
                                        date_col, debounced, fill_district_filter, make_table, more_menu, open_form,
                                        remember_splitter, sum_row)
from safer_desk.ui.kit import copy_to_clipboard
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.colours import alert_style
from safer_desk.ui.kit.dates import DateField
from safer_desk.ui.kit.exports import Shown, shown_rows
from safer_desk.ui.kit.flow import FlowRow, together
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.search import SearchBox
from safer_desk.ui.kit.tables import LEFT, Column, money_column
from safer_desk.ui.kit.table_view import Included
from safer_desk.ui.kit.undo import push_action

NOT_KNOWN = "Not yet known"


class BlankAs(Column):
    """A column whose blank raw value reads as words ("Not yet known"), not as £0 or nothing: a Column with one more
    field, ``blank``, last (compared, hashed, shown and frozen as the dataclass it was)."""

    __slots__ = ("blank",)
    __match_args__ = (*Column.__match_args__, "blank")
    blank: str

    def __init__(self, key: str, header: str, get: Any = None, show: Any = None, align: Any = LEFT, tooltip: Any = None,
                 unit: Unit = Unit.TEXT, text_of: Any = None, copy_of: Any = None, copy_beside: tuple = (),
                 copy_header: str | None = None, blank: str = "") -> None:
        super().__init__(key, header, get, show, align, tooltip, unit, text_of, copy_of, copy_beside, copy_header)
        object.__setattr__(self, "blank", blank)

    def text(self, row: Any, *, show_pence: bool = False) -> str:
        if self.raw(row) is None:
            return self.blank
        # a total of known and unknown costs: the known sum "so far", as the board report's note says
        return super().text(row, show_pence=show_pence) + (" so far" if _v(row, "cost_partly_known") else "")


def case_cost_column() -> Column:
    """A case's cost, or "not yet known" while nothing is costed (a blank would read as £0)."""
    base = money_column("cost", "Cost", lambda c: _v(c, "cost_pence") if getattr(c, "cost_known", True) else None)
    return BlankAs(base.key, base.header, base.get, align=base.align, unit=base.unit, blank=NOT_KNOWN)


def _case_total(rows):
    if not rows:
        return None
    known = [r.cost_pence for r in rows if r.cost_known]  # none known: "Not yet known", never £0
    return {"reference": "Total", "cost_pence": sum(known) if known else None,
            "cost_partly_known": bool(known) and len(known) < len(rows),
            "net_billed_pence": sum(r.net_billed_pence for r in rows),
            "recovered_pence": sum(r.recovered_pence for r in rows),
            "outstanding_pence": sum(r.outstanding_pence for r in rows),
            "shortfall_pence": sum(r.shortfall_pence for r in rows),
            "unbilled_pence": sum(r.unbilled_pence for r in rows),
            "refunded_pence": sum(getattr(r, "refunded_pence", 0) for r in rows)}


LEDGER_MONEY = ("outstanding_pence", "overdue_pence", "billed_pence", "paid_pence", "refused_pence",
                "written_off_pence", "refunded_pence")


def _ledger_total(rows):
    """The per-partner totals line, zeros when nothing had been billed (by the day), as `dhr-ledger` prints."""
    return sum_row("partner", LEDGER_MONEY)(rows) or {"partner": "Total", **dict.fromkeys(LEDGER_MONEY, 0)}


def _v(row: Any, key: str) -> Any:
    return row.get(key) if isinstance(row, dict) else getattr(row, key, None)


def _counted(row: Any, key: str) -> Any:
    """A share's money, blank on an invoice billing again withdrew (counted in no figure)."""
    return _v(row, key) if getattr(row, "counted", True) else None


class AsAtField(DateField):
    """A Costs page's As at day (Ledger, Reviews): the board paper's "as at 31 March", typed (Enter or leaving the
    field) or picked from the calendar, then ``choose()``; Esc puts back the day shown (``put_back()``: True when
    there is one), a day half typed dropped as in a table's cell."""

    def __init__(self, parent: QWidget, accessible_name: str, tip: str, choose, put_back):
        super().__init__(parent, accessible_name=accessible_name)
        self.edit.setToolTip(tip)
        self.edit.setMaximumWidth(self.edit.fontMetrics().horizontalAdvance("00/00/00000") + 16)
        self.edit.editingFinished.connect(choose)
        self.calendar.clicked.connect(lambda _d: choose())
        self.calendar.activated.connect(lambda _d: choose())
        self._put_back = put_back
        self.edit.installEventFilter(self)

    def labelled(self, text: str = "As a&t:") -> QLabel:
        """Its label: "As at" (Alt+T), or on a page whose Alt+T is another control's, words with another letter."""
        label = QLabel(text, self.parentWidget())
        label.setBuddy(self.edit)
        return label

    def eventFilter(self, watched, event) -> bool:
        if (watched is self.edit and event.type() == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape
                and self._put_back()):
            return True
        return super().eventFilter(watched, event)


class _TabKeysFocus(QObject):
    """Alt+1 … Alt+5 on the review's details: the page shown and its table in focus. Qt's tab bar showed the page
    and left the focus where it was (the list of reviews), so the next Down or Enter moved to another review or
    opened it, not a row of the page just shown."""

    def __init__(self, tabs: QTabWidget):
        super().__init__(tabs)
        self.tabs = tabs
        tabs.tabBar().installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if event.type() != QEvent.Type.Shortcut:
            return super().eventFilter(watched, event)
        pressed = event.key().toString(QKeySequence.SequenceFormat.PortableText).rsplit("+", 1)[-1].casefold()
        for i in range(self.tabs.count()):
            text = self.tabs.tabText(i)
            at = text.find("&")
            if 0 <= at < len(text) - 1 and text[at + 1].casefold() == pressed and self.tabs.isTabEnabled(i):
                self.tabs.setCurrentIndex(i)
                self.tabs.widget(i).setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
        return super().eventFilter(watched, event)


class DhrPage(QWidget):
    """Cases with their stages, costs, partners' shares, action plan and panel meetings."""

    loaded = Signal()  # what was read on the thread pool is shown (the Costs tab's ``loaded``)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._today: date | None = None
        self.dialog: FormDialog | SplitDialog | None = None
        self.shown_details = EMPTY  # what the page shows for the selected case (the More menu greys by it)
        self.presenter = DhrPresenter(session.store, perform=lambda a: push_action(session.undo_stack, a),
                                      today=lambda: self._today or date.today(), read_only=session.read_only)
        p = self.presenter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)

        # Rows that go onto a second line where the window is narrow (a laptop at 125% with a 12 pt font): side by
        # side they needed 1090 and 1044 pixels, and the tab scrolled sideways with Reviews as at's ▼ out of view.
        top = FlowRow()
        top.addWidget(QLabel("Reviews are called:", self))  # first on the first line: never apart from its box
        self.label_combo = ChoiceBox(self)
        self.label_combo.addItems(list(rules.LABELS))
        self.label_combo.setAccessibleName("Name of the reviews")
        # Shortened when the window is narrow (the list shows each name whole), so the search box keeps its room.
        self.label_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.label_combo.setMinimumContentsLength(14)
        self.label_combo.setMaximumWidth(max(self.label_combo.fontMetrics().horizontalAdvance(text)
                                             for text in rules.LABELS) + 48)  # no wider than its longest name
        self.label_combo.setCurrentText(p.label)
        self.label_combo.setToolTip(p.label)  # whole when the box shows it shortened
        self.label_combo.currentTextChanged.connect(self.change_label)
        self.label_combo.setEnabled(not session.read_only)
        top.addWidget(self.label_combo, 1)
        self.search = SearchBox(self)
        self.search.setPlaceholderText("Search cases…")
        self.search.setAccessibleName("Search cases")
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(12 * self.search.fontMetrics().averageCharWidth())  # what is typed can be read
        top.addWidget(self.search, 1)
        self.district_filter = ChoiceBox(self)
        self.district_filter.setAccessibleName("Show cases in district")
        fill_district_filter(self.district_filter, p.districts())
        top.addWidget(self.district_filter)
        # Alt+K: every letter of "Only overdue" is another control's here, and so is every letter of theirs (round 40).
        self.overdue_only = QCheckBox("Only mar&ked overdue", self)
        self.overdue_only.setToolTip("Only cases with overdue stages, actions or payments")
        top.addWidget(self.overdue_only)
        # The board paper's "as at 31 March", as Costs > Ledger's (each page keeps its own day).
        self.as_at = AsAtField(self, "Reviews as at", p.as_at_tip(), self.choose_day, self._put_back_day)
        top.addWidget(together(self.as_at.labelled("Revie&ws as at:"), self.as_at, parent=self))  # Alt+T: Edit case…
        layout.addLayout(top)
        self.privacy_note = QLabel("Cases are recorded by reference only — never a victim's name.", self)
        self.privacy_note.setWordWrap(True)  # a SUSR's words on its timescales are long: wrapped, not widening
        layout.addWidget(self.privacy_note)
        # As at a past day, said in the alert colour above the list: it is not today's list.
        self.as_at_note = NamedLabel("", self, name="What the list of reviews shows")
        self.as_at_note.setWordWrap(True)
        self.as_at_note.hide()
        layout.addWidget(self.as_at_note)
        self.empty_note = QLabel("No cases yet: add the first with New case… (Alt+N). Its costs, the partners' "
                                 "shares and payments follow from there.", self)
        self.empty_note.setWordWrap(True)
        self.empty_note.setStyleSheet("font-weight: bold;")
        self.empty_note.hide()
        layout.addWidget(self.empty_note)

        buttons = FlowRow()
        buttons.setSpacing(4)  # nine buttons in 910 pixels (a 1366x768 laptop at 150%)
        today = self._on_today  # a change is made on today's list: asked first while the list is as at a past day
        self.edit_buttons = [
            action_button(self, "&New case…", today(self.new_case_dialog)),
            action_button(self, "Edi&t case…", today(self.edit_case_dialog)),
            action_button(self, "C&ost line…", today(self.cost_line_dialog)),
            action_button(self, "&Split…", today(self.split_dialog),
                          "Equal shares, percentages, or a capped part first"),
            action_button(self, "Bill partners (char&ge)…", today(self.bill_dialog)),
            action_button(self, "Pa&yment…", today(self.payment_dialog)),
            # Every letter of "Refund" is another control's here (Alt+F the File menu, Alt+U Pooled funds): Alt+X.
            action_button(self, "Refund e&xcess…", today(self.refund_dialog),
                          "Give back what the chosen share's partner paid beyond its share of the review"),
            action_button(self, "Refuse&d…", today(self.refuse_dialog)),
        ]
        self.refund_button = self.edit_buttons[6]
        self.more = QPushButton("&More", self)
        self.more.setAccessibleName("More case actions")
        # Each entry a letter of its own in the menu (More, then the letter).
        self.more_menu, self.more_actions = more_menu(self.more, {key: (text, today(slot)) for key, (text, slot) in {
                "resolve": ("&Re-split or carry a refusal…", self.resolve_dialog),
                "write_off": ("&Write off a share…", self.write_off_dialog),
                "panel_meeting": ("&Panel meeting…", self.panel_meeting_dialog),
                "recommendation": ("Re&commendation…", self.recommendation_dialog),
                "complete_recommendation": ("C&omplete recommendation…", self.complete_recommendation_dialog),
                "stage_rule": ("&Stage rules…", self.stage_rule_dialog),
                "edit_cost_line": ("&Edit cost line…", self.edit_cost_line_dialog),
                "delete_cost_line": ("De&lete cost line", self.delete_cost_line),
                "paste_payments": ("P&aste payments from Excel…", self.paste_payments),
                "delete_payment": ("Delete a pa&yment…", self.delete_payment_dialog),
                "delete_refund": ("Delete a re&fund…", self.delete_refund_dialog),
                "reopen_share": ("Reope&n a refused or written-off share", self.reopen_share),
                "delete_case": ("&Delete case", self.delete_case)}.items()},
            lambda: self.presenter.more_actions(self.shown_details))  # greys what the chosen case has nothing for
        for b in [*self.edit_buttons, self.more]:
            b.setEnabled(not session.read_only)
            buttons.addWidget(b)
        self.refund_button.setEnabled(False)  # only for a partner that paid beyond its share (_enable_refund)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        self.cases = make_table([
            Column("reference", "Reference", lambda c: _v(c, "reference")),
            case_cost_column(),
            money_column("billed", "Net billed", lambda c: _v(c, "net_billed_pence")),
            money_column("recovered", "Paid", lambda c: _v(c, "recovered_pence")),
            # what was given back of it (shown where something was: presenter.refunds_shown), so the row adds up
            money_column("refunded", "Refunded", lambda c: _v(c, "refunded_pence")),
            money_column("outstanding", "Outstanding", lambda c: _v(c, "outstanding_pence")),
            money_column("shortfall", "Shortfall", lambda c: _v(c, "shortfall_pence")),
            money_column("unbilled", "Not yet billed", lambda c: _v(c, "unbilled_pence")),
            Column("flag", "Status", lambda c: getattr(c, "flag", "")),
            Column("stage", "Stage reached", lambda c: getattr(c, "current_stage", "")),
            date_col("next_due", "Next due", lambda c: getattr(c, "next_due", None)),
            Column("district", "District", lambda c: getattr(c, "district", "")),
            Column("partnership", "Partnership", lambda c: getattr(c, "partnership", "")),
            Column("kind", "Kind", lambda c: KIND_WORDS.get(getattr(c, "kind", ""), getattr(c, "kind", ""))),
            count_col("actions", "Open actions", lambda c: getattr(c, "open_recommendations", None)),
            Column("merged_from", MERGED_FROM, lambda c: p.merged_from(c) if hasattr(c, "id") else ""),
        ], "Cases", splitter, totals=_case_total, noun="case", on_edit=today(self.edit_case_dialog),
            on_delete=today(self.delete_case), read_only=session.read_only)
        self.cases.view.horizontalHeader().setStretchLastSection(False)  # Open actions last in an office's own file
        self.cases.view.keep_in_sight(self.cases.model.column_index("reference"))  # in sight, scrolled sideways
        self.search.table = self.cases.view  # Down from the search: into the cases
        self.merged_column = self.cases.model.column_index("merged_from")
        self.cases.view.setColumnHidden(self.merged_column, True)  # shown in a county file only
        self.refunded_column = self.cases.model.column_index("refunded")
        self.cases.view.setColumnHidden(self.refunded_column, True)  # shown where something was refunded
        splitter.addWidget(self.cases.view)
        lower = QWidget(splitter)
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 2, 0, 0)
        # Issue 14: the selected review's billing in one sentence, so net billed is seen against its cost.
        self.billing = NamedLabel("", lower)
        self.billing.setWordWrap(True)
        self.billing.setAccessibleName("Billing of the selected case")
        self.billing.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        lower_layout.addWidget(self.billing)
        self.details = QTabWidget(lower)
        self.details.setAccessibleName("Pages of the selected case")  # a stop of Tab: said where it is
        lower_layout.addWidget(self.details, 1)
        self.stages = make_table([
            Column("stage", "Stage", lambda s: s.stage.label),
            date_col("due", "Due", lambda s: s.due_on),
            date_col("done", "Done", lambda s: s.done_on),
            Column("status", "Status", lambda s: s.status + (" (projected)" if s.projected and s.due_on else "")),
        ], "Stages", self.details, on_edit=today(self.edit_stage_dialog))
        self.costs = make_table([
            Column("category", "Category"), money_column("amount_pence", "Amount"), Column("description", "Description"),
            Column("supplier", "Supplier"), Column("invoice_ref", "Invoice"), date_col("invoiced_on", "Invoiced"),
            # as at a past day, a line corrected or deleted since (shown only then): the presenter's words
            # (sorted by the day of the change, not by its words' day-first date)
            Column("since", "Changed since", DhrPresenter.since_day, text_of=lambda line: line.get("since") or "",
                   tooltip=lambda line: DhrPresenter.deleted_line_words(line) or None),
        ], "Cost lines", self.details, totals=sum_row("category", ["amount_pence"]), noun="cost line",
            on_edit=today(self.edit_cost_line_dialog), on_delete=today(self.delete_cost_line),
            read_only=session.read_only)
        self.shares = make_table([
            Column("partner", "Partner", lambda s: _v(s, "partner")),
            # an invoice billing again withdrew: no money in these columns (its Status says what it was sent for), so
            # each adds up to its Total
            money_column("amount", "Share", lambda s: _counted(s, "amount_pence")),
            money_column("paid", "Paid", lambda s: _counted(s, "paid_pence")),
            money_column("outstanding", "Outstanding", lambda s: _counted(s, "outstanding_pence")),
            Column("status", "Status", lambda s: getattr(s, "status_text", "")),
            Column("kind", "Kind", lambda s: SHARE_KINDS.get(getattr(s, "kind", ""), getattr(s, "kind", ""))),
            Column("invoice", "Invoice", lambda s: getattr(s, "invoice_ref", "")),
            date_col("due", "Due", lambda s: getattr(s, "due_on", None)),
            Column("reason", "Reason", lambda s: getattr(s, "reason", "")),
        ], "Partners' shares", self.details, on_edit=today(self.open_share_dialog), on_delete=self.delete_share,
            # Ctrl+V: More > Paste payments from Excel… (the window's Ctrl+V never reaches a table), asked before saved
            on_paste=today(self.paste_payments), read_only=session.read_only, noun="share", totals=lambda rows: {
            "partner": "Total", "amount_pence": sum(r.amount_pence for r in rows if r.counted),
            "paid_pence": sum(r.paid_pence for r in rows if r.counted),
            "outstanding_pence": sum(r.outstanding_pence for r in rows if r.counted)} if rows else None)
        self.actions = make_table([
            count_col("number", "No."), Column("text", "Recommendation"), Column("owner", "Owner"),
            date_col("due_on", "Due"), date_col("completed_on", "Completed"), Column("status", "Status"),
        ], "Action plan", self.details, on_edit=today(self.edit_recommendation_dialog),
            on_delete=today(self.delete_recommendation), read_only=session.read_only)
        self.meetings = make_table([date_col("met_on", "Panel meeting"), Column("note", "Note")],
                                   "Panel meetings", self.details, on_edit=today(self.edit_panel_meeting_dialog),
                                   on_delete=today(self.delete_panel_meeting),
            read_only=session.read_only)
        self.meetings.view.copy_leaves_out = self._meeting_copy_leaves_out
        # Alt+1 … Alt+5: every letter of their words is already a button's, a menu's or a tab's on this page.
        for title, table in (("&1 Stages", self.stages), ("&2 Costs", self.costs),
                             ("&3 Shares and payments", self.shares), ("&4 Action plan", self.actions),
                             ("&5 Panel meetings", self.meetings)):
            self.details.addTab(table.view, title)
        self._sized_details = {0}
        self._free_widths: dict[int, int] = {}  # Description's and Supplier's widths before Changed since took some
        self.costs.view.viewport().installEventFilter(self)  # a window made narrower: Changed since kept in view
        self._tab_keys = _TabKeysFocus(self.details)
        self.details.currentChanged.connect(self._detail_shown)
        splitter.addWidget(lower)
        self.splitter = splitter
        remember_splitter(splitter, "reviews-splitter")
        layout.addWidget(splitter, 1)

        self._refilter_timer = debounced(self, 150, self.refilter)
        self.search.textChanged.connect(lambda _t: self._refilter_timer.start())
        self.district_filter.currentIndexChanged.connect(lambda _i: self.refilter())
        self.overdue_only.toggled.connect(lambda _b: self.refilter())
        self.cases.view.selectionModel().selectionChanged.connect(lambda *_: self._table_selection())
        self.shares.view.selectionModel().selectionChanged.connect(lambda *_: self._enable_refund())
        p.rows_changed.connect(self._rows_changed)
        p.selection_changed.connect(self._show_selection)
        p.form_opened.connect(self._show_form)
        p.data_changed.connect(self._label_changed)
        p.data_changed.connect(lambda: session.notify("costs"))
        self._syncing = False
        self._details_of: tuple | None = None  # the review and day whose details are shown
        self.loader = BackgroundLoader(self, lambda exc: prompts.show_error(self, "Cases", f"The cases could not be "
                                                                                         f"read: {exc}"),
                                       on_idle=self.loaded.emit)
        p.data_changed.connect(self.loader.supersede)  # after a change the page shows the file as it is now
        p.data_changed.connect(self._say)  # on today's list (Edit > Undo pressed as at a past day), said
        self._first_load = True
        self.refresh()

    # -- today, read when used ------------------------------------------------------------------
    @property
    def today(self) -> date:
        return self.presenter.today()

    @today.setter
    def today(self, value: date) -> None:
        self._today = value

    def is_busy(self) -> bool:
        return self.loader.busy

    @property
    def store(self):
        return self.session.store

    # -- reading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the cases on the thread pool (as at the day chosen: a change to the file keeps it, the note says what
        the list is); the presenter shows them and keeps the selection."""
        self.loader.load(self.store, self.presenter.reader(), self._loaded)

    def choose_day(self) -> None:
        """The day typed or picked: the list read as at it; a day refused is said beside the field, in words."""
        p, shown = self.presenter, self.presenter.shown
        if p.as_at.choose(self.as_at.text()) and (p.as_at.day, p.as_at.past) != (shown.day, shown.past):
            p.notice = ""
            self.refresh()
        else:  # refused, or the day shown already (the field left as it was)
            self._say()

    def _put_back_day(self) -> bool:
        """Esc in the day's field: the day shown put back."""
        self.presenter.as_at.message = ""
        self._say()
        return True

    def _say(self) -> None:
        """The As at field shows the day the list is as at (blank: today); beside it, what the list is."""
        p = self.presenter
        shown, message = p.shown, p.as_at.message
        if not message:
            self.as_at.setText(format_uk_date(shown.day) if shown.past else "")
        text = message or shown.note or p.notice
        self.as_at_note.setText(text)
        self.as_at_note.setStyleSheet(alert_style("font-weight: bold;") if message or shown.past else "")
        self.as_at_note.setVisible(bool(text))

    def _on_today(self, slot):
        """``slot`` (an action that changes records) run on today's list: while the list is as at a past day, asked
        first (Yes: today's list, then the action; No: nothing), so no change is made on a past day's figures. A
        read-only file changes nowhere: what Enter opens there (a review to read) opens over the day's list."""
        def run(*_args):
            if self.presenter.shown.past and not self.presenter.read_only:
                if not prompts.ask(self, "Reviews as at a past day", self.presenter.past_question(),
                                   yes="Show today's list"):
                    return None
                self.loader.supersede()  # a past day's list still being read is not shown over today's
                self.presenter.show_today()
                self._say()
            return slot()
        return run

    def _loaded(self, shown) -> None:
        self.presenter.show(shown)
        self._say()
        if self._first_load:  # sized once the first case's details are shown
            self._first_load = False
            for table in (self.cases, self.stages):  # the others are sized when first shown
                table.view.size_columns_to_visible()

    def _rows_changed(self) -> None:
        # an empty state says what to do; as at a day before any review, the note above says why none is listed
        self.empty_note.setVisible(not self.presenter.rows and not self.presenter.shown.past)
        self._syncing = True
        try:
            self.cases.set_rows(self.presenter.rows)
            self.cases.view.setColumnHidden(self.merged_column, not self.presenter.shown.origins.shown)
            self.cases.view.setColumnHidden(self.refunded_column, not self.presenter.refunds_shown)
        finally:
            self._syncing = False

    def _show_selection(self, case_id: str | None) -> None:
        self._syncing = True
        try:
            current = self.cases.current()
            if case_id is None:
                self.cases.view.clearSelection()
            elif current is None or _v(current, "id") != case_id:
                in_view = self.cases.select_where(lambda c: _v(c, "id") == case_id)
                if not in_view:  # the page chose a case the filters hide (one just added): shown
                    self.clear_filters()
                    self.cases.select_where(lambda c: _v(c, "id") == case_id)
        finally:
            self._syncing = False
        self.show_details()

    def _table_selection(self) -> None:
        """The case highlighted is the case chosen: none when none is (a search hid it, as the Projects register
        empties its editor), never the row Qt's current index moved to (h18 F3)."""
        if self._syncing:
            return
        if self.cases.proxy.after_filtering(self._table_selection):  # heard once the cases are filtered
            return
        case = self.cases.current()
        wanted = _v(case, "id") if case is not None else None
        if wanted != self.presenter.selected:
            self.presenter.select(wanted)

    def districts_changed(self) -> None:
        """Districts added or corrected (Districts…, a merge): the filter offers them as the file has them now."""
        if fill_district_filter(self.district_filter, self.presenter.districts()):
            self.refilter()

    def refilter(self) -> None:
        self.cases.proxy.set_search_text(self.search.text())
        self.cases.proxy.set_predicate(self.presenter.filter_predicate(self.district_filter.currentData() or "",
                                                                       self.overdue_only.isChecked()))

    def clear_filters(self) -> None:
        """Every case shown: the search, district and overdue filters emptied."""
        self._refilter_timer.stop()
        for widget in (self.search, self.district_filter, self.overdue_only):
            widget.blockSignals(True)
        self.search.clear()
        self.district_filter.setCurrentIndex(0)
        self.overdue_only.setChecked(False)
        for widget in (self.search, self.district_filter, self.overdue_only):
            widget.blockSignals(False)
        self.cases.proxy.clear_column_filters()
        self.refilter()

    def current_case(self):
        return self.presenter.selected_case

    def select_case(self, case_id: str) -> bool:
        if self.presenter.case(case_id) is None:
            return False
        self.presenter.select(case_id)
        return True

    def show_details(self) -> None:
        d = self.shown_details = self.presenter.details()
        text = self.presenter.case_line()
        self.billing.setText(text)
        self.billing.setVisible(bool(text))
        self.stages.set_rows(d.stages)
        # The same review as at the same day: a row that has appeared (a cost line added, or one deleted in error
        # brought back by Edit > Undo) is the one chosen, for Enter and Del, as the Populations list does.
        shown = (self.presenter.selected, self.presenter.shown.day, self.presenter.shown.past)
        same, self._details_of = shown == self._details_of, shown
        for table, rows in ((self.costs, d.costs), (self.shares, d.shares), (self.actions, d.actions),
                            (self.meetings, d.meetings)):
            chosen = table.current_id()  # the same row chosen again after a change (another case has other ids)
            new = table.appeared(rows) if same else None
            table.set_rows(rows)
            table.choose_id(new if new is not None else chosen)
        self.costs.view.setColumnHidden(self.costs.model.column_index("since"),
                                        not any(line.get("since") for line in d.costs))
        self._fit_changed_since()
        if self.shares.choose_id(self.presenter.step_share):  # a step on a share done, undone or redone: its share
            self.details.setCurrentWidget(self.shares.view)
        self._enable_refund()

    def _enable_refund(self) -> None:
        """Refund excess… for a chosen share whose partner paid beyond its share of the review (it has a credit)."""
        self.refund_button.setEnabled(self.presenter.refund_allowed(self.shares.current()))

    def _detail_shown(self, index: int) -> None:
        if index not in self._sized_details:
            self._sized_details.add(index)
            self.details.widget(index).size_columns_to_visible()
            if self.details.widget(index) is self.costs.view:
                self._fit_changed_since()

    def eventFilter(self, watched, event) -> bool:
        if event.type() == QEvent.Type.Resize and watched is self.costs.view.viewport():
            self._fit_changed_since()
        return super().eventFilter(watched, event)

    def _fit_changed_since(self) -> None:
        """As at a past day, the Costs page's Changed since words in view: Description and Supplier, sized to their
        words, had filled a laptop's table and left the column past its right edge (a line as it stood read like one
        as it stands). They give up width for it (each read whole by pointing at it, never narrower than its heading)
        and take it back once the column goes. A column the person resized keeps their width (``fit_column``)."""
        view, model = self.costs.view, self.costs.model
        since = model.column_index("since")
        free = [model.column_index(key) for key in ("description", "supplier")]
        if view.isColumnHidden(since):
            for c, width in self._free_widths.items():  # the widths they had before they gave some up
                view.fit_column(c, width)
            self._free_widths = {}
            return
        if not view.isVisible():  # sized when its page is shown (``_detail_shown``)
            return
        shown = [c for c in range(model.columnCount()) if c != since and not view.isColumnHidden(c)]
        over = sum(map(view.columnWidth, shown)) + view.width_needed(since, 400) - view.viewport().width()
        heads = view.horizontalHeader().fontMetrics()
        least = {c: heads.horizontalAdvance(str(model.headerData(c, Qt.Orientation.Horizontal))) + 28 for c in free}
        room = {c: max(0, view.columnWidth(c) - least[c]) for c in free}
        if over <= 0 or not sum(room.values()):
            return
        for c in free:
            self._free_widths.setdefault(c, view.columnWidth(c))
            view.fit_column(c, view.columnWidth(c) - min(room[c], -(-over * room[c] // sum(room.values()))))

    # -- forms -------------------------------------------------------------------------------------
    def _show_form(self, form) -> None:
        if isinstance(form, SplitPresenter):
            dialog = SplitDialog(self, form, self.presenter)
        else:
            dialog = FormDialog(self, form, self.presenter)
        self.dialog = dialog
        dialog.open()

    def _open(self, make) -> Any:
        return open_form(self, make, "Choose first")

    def new_case_dialog(self):
        return self._open(self.presenter.new_case_form)

    def edit_case_dialog(self):
        return self._open(self.presenter.edit_case_form)

    def cost_line_dialog(self):
        return self._open(self.presenter.cost_line_form)

    def _cost_line(self) -> dict | None:
        """The chosen case's chosen cost line; with no case chosen the presenter says to choose one, with no line
        chosen this does (None either way)."""
        if self.current_case() is None:
            self._report(self.presenter.need_case)
            return None
        line = self.costs.current()
        if line is None:
            prompts.show_error(self, "Choose a cost line", "Select a cost line on the Costs page first.")
        return line

    def edit_cost_line_dialog(self):
        """Enter or a double-click on a cost line: correct it (More > Edit cost line…)."""
        line = self._cost_line()
        return None if line is None else self._open(lambda: self.presenter.edit_cost_line_form(line))

    def panel_meeting_dialog(self):
        return self._open(self.presenter.panel_meeting_form)

    def edit_stage_dialog(self):
        """Enter or a double-click on a stage: Edit case at that stage's date; the first panel meeting's is the first
        of the Panel meetings, so their page is shown."""
        stage = self.stages.current()
        if stage is None:
            return None
        if (key := self.presenter.stage_field(stage)) is None:
            self.details.setCurrentWidget(self.meetings.view)
            self.meetings.view.setFocus()
            return None
        dialog = self.edit_case_dialog()
        if dialog is not None and (widget := dialog.editors.get(key)) is not None:
            getattr(widget, "edit", widget).setFocus()
        return dialog

    def edit_panel_meeting_dialog(self):
        """Enter or a double-click on a panel meeting: correct its date or note."""
        case, meeting = self.current_case(), self.meetings.current()
        if case is not None and meeting is None:
            prompts.show_error(self, "Choose a panel meeting", "Select a panel meeting on the Panel meetings page.")
        return None if meeting is None else self._open(lambda: self.presenter.edit_panel_meeting_form(meeting))

    def recommendation_dialog(self):
        return self._open(self.presenter.recommendation_form)

    def _recommendation(self) -> dict | None:
        rec = self.actions.current()
        if self.current_case() is not None and rec is None:
            prompts.show_error(self, "Choose a recommendation", "Select a recommendation on the Action plan page.")
        return rec

    def complete_recommendation_dialog(self):
        rec = self._recommendation()
        return None if rec is None else self._open(lambda: self.presenter.complete_recommendation_form(rec))

    def edit_recommendation_dialog(self):
        rec = self._recommendation()
        return None if rec is None else self._open(lambda: self.presenter.edit_recommendation_form(rec))

    def delete_recommendation(self) -> None:
        case, rec = self.current_case(), self._recommendation()
        if case is not None and rec is not None and prompts.ask(
                self, "Delete recommendation", f"Delete recommendation {rec['number']} of {case.reference} "
                f"(“{rec['text']}”)? The others keep their numbers.", yes="Delete"):
            self._report(self.presenter.delete_recommendation, rec)

    def _meeting_copy_leaves_out(self) -> list[int] | Included:
        """Before a copy of panel meetings with notes: asked, as a fund's Referrals and the History of Changes' copies
        are (Enter and closing the question leave them out), the Note column, unless answered Include it: the
        export for the county leaves the notes out."""
        rows = [r for r in self.meetings.selected_rows() if isinstance(r, dict) and (r.get("note") or "").strip()]
        if not rows:
            return []
        if prompts.ask(self, "Copy", meeting_notes_copy_question(len(rows)), yes="Include it", no="Leave it out",
                       cautious=True):
            return Included()
        return [self.meetings.model.column_index("note")]

    def delete_panel_meeting(self) -> None:
        case, meeting = self.current_case(), self.meetings.current()
        if case is None or meeting is None:
            prompts.show_error(self, "Choose a panel meeting", "Select a panel meeting on the Panel meetings page.")
            return
        if prompts.ask(self, "Delete panel meeting", f"Delete the panel meeting of "
                       f"{format_uk_date(date.fromisoformat(meeting['met_on']))} from {case.reference}?",
                       yes="Delete"):
            self._report(self.presenter.delete_panel_meeting, meeting)

    def stage_rule_dialog(self):
        return self._open(self.presenter.stage_rule_form)

    def split_dialog(self):
        return self._open(self.presenter.split_form)

    def bill_dialog(self):
        return self._open(self.presenter.bill_form)

    def _share_dialog(self, make):
        share = self.shares.current()
        if self.current_case() is not None and share is None:
            return self._choose_share()
        return self._open(lambda: make(share))

    def _choose_share(self) -> None:
        """No share chosen: the Shares and payments page shown and in focus, to choose one there (none is chosen for
        the person: a payment keyed on a partner they did not pick goes to the wrong partner); a review not billed
        yet has none, and is said to be billed first."""
        if not any(s.counted for s in self.shown_details.shares):  # its invoices all withdrawn: none to choose
            prompts.show_error(self, "Choose a share", f"{self.current_case().reference} has not been billed yet: "
                               "Bill partners (charge)… first; its partners' shares are then on Shares and payments.")
            return
        self.details.setCurrentWidget(self.shares.view)
        self.shares.view.setFocus()
        prompts.show_error(self, "Choose a share", "Select a partner's share on the Shares and payments page.")

    def payment_dialog(self):
        return self._share_dialog(self.presenter.payment_form)

    def open_share_dialog(self):
        """Enter or a double-click on a share: Payment… for it, or what to use when nothing is outstanding on it."""
        share = self.shares.current()
        if share is None:
            return None
        if why := self.presenter.share_opened_words(share):
            prompts.show_info(self, "Nothing outstanding", why)
            return None
        return self.payment_dialog()

    def delete_share(self) -> None:
        """Del on a partner's invoice: an invoice is not deleted; what puts it right is said (nothing is changed)."""
        if (share := self.shares.current()) is not None:
            prompts.show_info(self, "An invoice is not deleted", self.presenter.share_delete_words(share))

    def refuse_dialog(self):
        return self._share_dialog(self.presenter.refuse_form)

    def write_off_dialog(self):
        return self._share_dialog(self.presenter.write_off_form)

    def resolve_dialog(self):
        return self._share_dialog(self.presenter.resolve_form)

    def delete_payment_dialog(self):
        return self._share_dialog(self.presenter.delete_payment_form)

    def refund_dialog(self):
        return self._share_dialog(self.presenter.refund_form)

    def delete_refund_dialog(self):
        if self.current_case() is None:
            return self._report(self.presenter.need_case)
        return self._open(lambda: self.presenter.delete_refund_form(self.shares.current()))

    # -- actions that ask first ---------------------------------------------------------------------
    def _report(self, fn, *args) -> None:
        try:
            fn(*args)
        except LookupError as exc:
            prompts.show_error(self, getattr(exc, "title", "Choose first"), str(exc).strip("'\""))
        except ValueError as exc:
            prompts.show_error(self, "Not done", str(exc))

    def paste_payments(self) -> None:
        """Payments copied out of Excel for the chosen case: read, asked about row by row, then recorded as one step."""
        from safer_desk.ui.kit import clipboard_without_text

        if self.current_case() is None:
            return self._report(self.presenter.need_case)
        mime = QGuiApplication.clipboard().mimeData()
        if why := clipboard_without_text(mime):
            prompts.show_error(self, "Nothing to paste", why)
            return
        try:
            pasted = self.presenter.pasted_payments(mime.text())
        except ValueError as exc:
            prompts.show_error(self, "Not done", str(exc))
            return
        if prompts.ask(self, "Paste payments", pasted.question(), yes="Record"):
            self._report(self.presenter.record_pasted_payments, pasted)

    def delete_case(self) -> None:
        case = self.current_case()
        if case is None:
            return self._report(self.presenter.delete_case)
        if prompts.ask(self, "Delete case", self.presenter.delete_case_question(), yes="Delete"):
            self._report(self.presenter.delete_case)

    def delete_cost_line(self) -> None:
        case, line = self.current_case(), self._cost_line()
        if line is None:
            return
        try:  # billed again without it, or a capped payer billed more than its part would come to
            said = self.presenter.delete_cost_line_said(line)
        except ValueError as exc:  # the partners paid more than the costs would come to: refused, not asked
            prompts.show_error(self, "Not done", str(exc))
            return
        amount = self.costs.model.columns[1].text(line)
        question = f"Delete the {line['category']} cost of {amount} from {case.reference}?"
        if prompts.ask(self, "Delete cost line", question + (f" {said}" if said else ""), yes="Delete"):
            self._report(self.presenter.delete_cost_line, line)

    def reopen_share(self) -> None:
        case, share = self.current_case(), self.shares.current()
        if case is None:
            return self._report(self.presenter.need_case)  # says to choose a case
        if share is None:
            return self._choose_share()
        try:
            question = self.presenter.reopen_question(share)
        except ValueError as exc:
            prompts.show_error(self, "Not done", str(exc))
            return
        if prompts.ask(self, "Reopen share", question, yes="Reopen"):
            self._report(self.presenter.reopen_share, share)

    def change_label(self, label: str) -> None:
        self._report(self.presenter.change_label, label)
        self._label_changed()

    def _label_changed(self) -> None:
        label = self.presenter.label
        self.label_combo.setToolTip(label)
        self.as_at.edit.setToolTip(self.presenter.as_at_tip())  # a SUSR left out is one referred after the day
        if self.label_combo.currentText() != label:
            self.label_combo.blockSignals(True)
            self.label_combo.setCurrentText(label)
            self.label_combo.blockSignals(False)


class LedgerPage(QWidget):
    """Who owes what: per partner (outstanding, overdue, billed, paid …) and per case, with totals."""

    loaded = Signal()  # what was read on the thread pool is shown (the Costs tab's ``loaded``)

    def __init__(self, session, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self._today: date | None = None
        self.presenter = LedgerPresenter(today=lambda: self._today or date.today())
        self.shown_day: LedgerShown | None = None  # what the tables show, and as at which day
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        # The board paper's "as at 31 March": the day typed (Enter or leaving the field) or picked from the calendar.
        self.as_at = AsAtField(self, "Ledger as at", "The ledger on this day: only invoices, payments and refusals "
                               "dated on or before it count, and overdue is what was due before it. Clear it for "
                               "today.", self.choose_day, self._put_back_day)
        row.addWidget(self.as_at.labelled())
        row.addWidget(self.as_at)
        row.addStretch(1)
        self.search = SearchBox(self)
        self.search.setPlaceholderText("Search partners…")
        self.search.setAccessibleName("Search partners")
        self.search.textChanged.connect(lambda t: self.partners.proxy.set_search_text(t))
        row.addWidget(self.search)
        row.addWidget(action_button(self, "E&xport ledger…", self.export))
        row.addWidget(action_button(self, "Cop&y ledger", self.copy_all))
        layout.addLayout(row)
        self.as_at_label = NamedLabel("", self, name="What the ledger counts")
        self.as_at_label.setWordWrap(True)
        layout.addWidget(self.as_at_label)
        self.partners = make_table([
            Column("partner", "Partner", lambda p: _v(p, "partner")),
            money_column("outstanding", "Outstanding", lambda p: _v(p, "outstanding_pence")),
            money_column("overdue", "Overdue", lambda p: _v(p, "overdue_pence")),
            money_column("billed", "Billed", lambda p: _v(p, "billed_pence")),
            money_column("paid", "Paid", lambda p: _v(p, "paid_pence")),
            money_column("refused", "Refused", lambda p: _v(p, "refused_pence")),
            money_column("written_off", "Written off", lambda p: _v(p, "written_off_pence")),
            money_column("refunded", "Refunded", lambda p: _v(p, "refunded_pence")),
        ], "Ledger per partner", self, totals=_ledger_total, on_export=self.export, noun="partner")
        layout.addWidget(QLabel("Per partner (overdue: past the date the invoice was due)", self))
        layout.addWidget(self.partners.view, 2)
        layout.addWidget(QLabel("Per case", self))
        self.per_case = make_table([
            Column("reference", "Case", lambda c: _v(c, "reference")),
            case_cost_column(),
            money_column("billed", "Net billed", lambda c: _v(c, "net_billed_pence")),
            money_column("recovered", "Paid", lambda c: _v(c, "recovered_pence")),
            money_column("outstanding", "Outstanding", lambda c: _v(c, "outstanding_pence")),
            money_column("shortfall", "Shortfall", lambda c: _v(c, "shortfall_pence")),
            money_column("unbilled", "Not yet billed", lambda c: _v(c, "unbilled_pence")),
            # As at a day, the stage each review had reached by then and what was overdue on it (as the report's)
            Column("flag", "Status", lambda c: getattr(c, "flag", "")),
            Column("stage", "Stage reached", lambda c: getattr(c, "current_stage", "")),
            money_column("refunded", "Refunded", lambda c: _v(c, "refunded_pence")),
            # in a county file the office each review came from, as on Costs > Reviews (hidden in an office's own)
            Column("merged_from", MERGED_FROM, self._merged_from),
        ], "Cost recovery per case", self, totals=_case_total, on_export=self.export, noun="case")
        self.merged_column = self.per_case.model.column_index("merged_from")
        self.per_case.view.setColumnHidden(self.merged_column, True)
        self.search.table = self.partners.view  # Down from the search: into the partners it searches
        self.per_case.view.keep_in_sight(self.per_case.model.column_index("reference"))  # in sight, scrolled sideways
        self.partners.view.keep_in_sight(self.partners.model.column_index("partner"))
        layout.addWidget(self.per_case.view, 1)
        self.loader = BackgroundLoader(self, lambda exc: prompts.show_error(self, "Ledger", f"The ledger could not be "
                                                                                           f"read: {exc}"),
                                       on_idle=self.loaded.emit)
        self.refresh()

    @property
    def today(self) -> date:
        """Read when used: a ledger left open overnight counts overdue from the new day."""
        return self._today or date.today()

    @today.setter
    def today(self, value: date) -> None:
        self._today = value

    def is_busy(self) -> bool:
        return self.loader.busy

    def refresh(self) -> None:
        """Read the ledger as at the day chosen (a change to the file keeps it: the sentence says what counts)."""
        self.loader.load(self.session.store, self.presenter.reader(), self._loaded)

    def choose_day(self) -> None:
        """The day typed or picked: the ledger read as at it; a day refused is said beside the field, in words."""
        p, shown = self.presenter, self.shown_day
        if p.choose(self.as_at.text()) and (shown is None or (p.day, p.past) != (shown.day, shown.past)):
            self.refresh()
        else:  # refused, or the day shown already (the field left as it was)
            self._say()

    def _put_back_day(self) -> bool:
        """Esc in the day's field: the day shown put back."""
        if self.shown_day is None:
            return False
        self.presenter.message = ""
        self._say()
        return True

    def _day_typed_read(self) -> bool:
        """A day typed in As at and not yet shown (Export or Copy clicked straight after typing it: the read begun as
        the field was left is still on its way) is read now, so what leaves the page is as at the day the field
        shows; False when the field's day is refused (said beside it): then nothing leaves."""
        p, shown = self.presenter, self.shown_day
        if not p.choose(self.as_at.text()):
            self._say()
            return False
        if shown is None or (p.day, p.past) != (shown.day, shown.past):
            self.loader.supersede()  # the read on its way is dropped when it arrives: this one is the same day's
            self._loaded(p.read(self.session.store))
        return True

    def _say(self) -> None:
        shown, message = self.shown_day, self.presenter.message
        if shown is not None and not message:
            self.as_at.setText(format_uk_date(shown.day))
        self.as_at_label.setText(message or (shown.note if shown is not None else ""))
        self.as_at_label.setStyleSheet(alert_style() if message else "")

    def _merged_from(self, case: Any) -> str:
        """A review's *Merged from* words in a county file; "" for the totals line and in an office's own file."""
        return self.shown_day.origins.of(case.id) if self.shown_day is not None and hasattr(case, "id") else ""

    def _loaded(self, shown: LedgerShown) -> None:
        self.shown_day = shown
        self._say()
        self.partners.set_rows(shown.partners)
        self.per_case.set_rows(shown.cases)
        self.per_case.view.setColumnHidden(self.merged_column, not shown.origins.shown)
        self.partners.view.size_columns_to_visible()
        self.per_case.view.size_columns_to_visible()

    def shown(self) -> tuple[Shown, Shown]:
        """What the two tables show of their rows: an export and a copy hold just those, and say so."""
        return (shown_rows(self.partners.proxy, "partner", search=self.search.text()),
                shown_rows(self.per_case.proxy, "case"))

    def _label(self) -> str:
        """What the reviews are called, as read with the ledger shown."""
        return self.shown_day.label if self.shown_day is not None else rules.LABELS[0]

    def sheets(self):
        partners, cases = self.shown()
        day = self.shown_day.day if self.shown_day is not None else self.presenter.day
        return ledger_sheets(self.partners.source_rows(), self.per_case.source_rows(), day,
                             partners_said=str(partners) if partners.hidden else "",
                             partners_total=partners.total_label,
                             cases_said=str(cases) if cases.hidden else "", cases_total=cases.total_label,
                             partners_filtered=partners.hidden, cases_filtered=cases.hidden,
                             origins=self.shown_day.origins if self.shown_day is not None else NOT_A_COUNTY_FILE,
                             label=self._label())

    def export(self, path: str | None = None) -> Path | None:
        """The partners and cases shown (a search or a column filter leaves the rest out, and the confirmation, the
        titles and the totals lines say so), as the Projects register and the Indicators export."""
        if not self._day_typed_read():
            return None
        called = rules.short_label(self._label())  # "DARDR", with the reviews called so
        name = path or prompts.save_file_name(self, f"Export the {called} ledger", table_file_filter(),
                                              f"{called.lower()}-ledger.xlsx")
        if not name:
            return None
        partners, cases = self.shown()
        try:
            written = write_table(table_target(name), self.sheets())
        except (OSError, UnsupportedFormat) as exc:
            prompts.show_error(self, "Export", f"The ledger could not be written: {exc}")
            return None
        tables = (partners, cases) if written.suffix.lower() == ".xlsx" else (partners,)  # a CSV: per partner
        if all(t.shown or not t.total for t in tables):
            said = f"Saved {' and '.join(map(str, tables))} to {written}."
        else:  # a search hiding every row of one: its words as the grid's ("Saved 0 of 11 partners" read as a slip)
            said = " ".join(t.saved_to(written, totals_line=True) for t in tables)
        prompts.show_info(self, "Export", said)
        return written

    def copy_all(self) -> str:
        """The per-partner ledger as shown (rows a search hides left out, as the export does), with headings and the
        totals of those rows, as Excel reads it (plain numbers); as at a past day, its title first says which."""
        if not self._day_typed_read():
            return ""
        sheet = self.sheets()[0]
        past = self.shown_day is not None and self.shown_day.past
        text = to_tsv([*([[sheet.title]] if past else []), sheet.header, *plain_rows(sheet)])
        copy_to_clipboard(text)
        return text
