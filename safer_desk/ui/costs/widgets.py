"""The Costs pages' pieces on the kit: a table (RowTableModel, SortProxy, DataTableView), the form dialog,
the split grid dialog, and the background reader.

Widgets only show a presenter's state and forward clicks and keys: every form is a ``CostForm``
(``presenters.costs``) shown by the kit's ``FormView``; the split is a ``SplitPresenter``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Callable, Sequence

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (QComboBox, QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QMenu, QPushButton,
                               QScrollArea, QVBoxLayout, QWidget)

from safer_desk.domain.money import format_money
from safer_desk.domain.periods import format_uk_date
from safer_desk.presenters.costs import CostForm, FormScreen
from safer_desk.presenters.dhr import SplitKind, SplitPresenter
from safer_desk.presenters.formats import Unit
from safer_desk.ui import prompts
from safer_desk.ui.kit.choice import ChoiceBox
from safer_desk.ui.kit.colours import alert_style, themed
from safer_desk.ui.kit.dates import DateField
from safer_desk.ui.kit.dialogs import GuardedDialog
from safer_desk.ui.kit.forms import FormView, GrowsForMessages, ViewedForm, form_message_style
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import RIGHT, Column, RowTableModel, SortProxy
from safer_desk.ui.kit import fitting_size


def date_col(key: str, header: str, get: Callable[[Any], Any] | None = None) -> Column:
    """A date column: raw ``date`` (ISO text read), shown 01/04/2026. A row is read as ``_get`` reads it (a dict, a
    row of the file as read, or attributes) unless ``get`` says how."""

    def raw(row: Any) -> Any:
        value = get(row) if get else _get(row, key)
        if isinstance(value, str) and value:
            return date.fromisoformat(value)
        return value or None

    return Column(key, header, raw, unit=Unit.DATE)


def count_col(key: str, header: str, get: Callable[[Any], Any] | None = None) -> Column:
    return Column(key, header, get, align=RIGHT, unit=Unit.COUNT)


@dataclass
class Table:
    """A table on the kit: rows in a RowTableModel, sorted and filtered by the one SortProxy.

    A table of tens of thousands of rows (a fund's spend lines) has no proxy (``proxy`` is None): a
    proxy asks Python once per row on every filter change, which blocked the window for 0.8 s on
    20,000 lines. Its rows are then filtered in one Python pass (``filter``) and handed to the model,
    which sorts itself with the kit's ``RowTableModel.sort`` (raw values, blanks last).
    """

    model: RowTableModel
    proxy: SortProxy | None
    view: DataTableView
    _all: list = field(default_factory=list)
    _keep: Callable[[Any], bool] | None = None

    def set_rows(self, rows: Sequence[Any]) -> None:
        if self.proxy is not None:
            self.model.set_rows(rows)
            return
        self._all = list(rows)
        self._apply()

    def filter(self, keep: Callable[[Any], bool] | None) -> None:
        """Show only the rows ``keep`` accepts (a table without a proxy; with one, the proxy's predicate)."""
        if self.proxy is not None:
            self.proxy.set_predicate(keep)
            return
        if keep is None and self._keep is None:
            return
        self._keep = keep
        self._apply()

    def _apply(self) -> None:
        keep = self._keep
        # in the heading's sort; the totals line says of how many when the filter hides some
        self.model.set_rows(self._all if keep is None else [r for r in self._all if keep(r)], of=len(self._all))

    @property
    def rows(self) -> list[Any]:
        return self.model.rows if self.proxy is not None else list(self._all)

    @property
    def shown(self):
        """The model the view shows (the proxy, or the model itself)."""
        return self.proxy if self.proxy is not None else self.model

    def source_rows(self) -> list[Any]:
        """The rows as shown: filtered and in sort order (no totals row)."""
        return self.proxy.source_rows() if self.proxy is not None else self.model.rows

    def _source_row(self, proxy_row: int) -> Any | None:
        if self.proxy is None:
            return self.model.row(proxy_row) if 0 <= proxy_row < len(self.model.rows) else None
        source = self.proxy.mapToSource(self.proxy.index(proxy_row, 0)).row()
        if source < 0 or self.model.is_total_row(source):
            return None
        return self.model.row(source)

    def selected_rows(self) -> list[Any]:
        selection = self.view.selectionModel()
        if selection is None:
            return []
        rows = [self._source_row(r) for r in sorted({i.row() for i in selection.selectedRows()})]
        return [r for r in rows if r is not None]

    def current(self) -> Any | None:
        """The row chosen (the first highlighted), or None. Never Qt's current row alone: when a filter hides the
        row chosen, Qt moves that to the row above, which nobody chose and nothing highlights (h18 F3)."""
        rows = self.selected_rows()
        return rows[0] if rows else None

    def current_id(self) -> Any | None:
        """The id of the row chosen, to choose it again once the rows are read anew (after a change)."""
        return row_id(self.current())

    def appeared(self, rows: Sequence[Any]) -> Any | None:
        """The id of the one row of ``rows`` not among those held now (a row added, or brought back by Edit > Undo);
        None when none is, or several are (rows read for another record, or the file changed)."""
        held = {row_id(r) for r in self.rows}
        new = [key for key in (row_id(r) for r in rows) if key is not None and key not in held]
        return new[0] if len(new) == 1 else None

    def choose_id(self, wanted: Any | None) -> bool:
        return wanted is not None and self.select_where(lambda r: row_id(r) == wanted)

    def chosen_place(self) -> tuple[Any | None, int]:
        """The id of the row chosen and where it is shown, to choose it again once the rows are read anew."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()}) \
            if self.view.selectionModel() is not None else []
        return self.current_id(), rows[0] if rows else -1

    def choose_again(self, place: tuple[Any | None, int]) -> bool:
        """The row chosen before (``chosen_place``); when it has gone (deleted), the row shown in its place, or the
        last, so Del and the arrows go on from there and nothing is left unchosen."""
        wanted, at = place
        if wanted is None or self.choose_id(wanted):
            return wanted is not None
        for r in range(min(at, self.shown.rowCount() - 1), -1, -1):
            if self._source_row(r) is not None:  # not the totals row
                self.view.selectRow(r)
                self.view.scrollTo(self.shown.index(r, 0))
                return True
        return False

    def select_where(self, predicate: Callable[[Any], bool]) -> bool:
        shown = self.shown
        for r in range(shown.rowCount()):
            row = self._source_row(r)
            if row is not None and predicate(row):
                self.view.selectRow(r)
                self.view.scrollTo(shown.index(r, 0))
                return True
        return False


def make_table(columns: Sequence[Column], name: str, parent: QWidget | None = None, *,
               totals: Callable[[Sequence[Any]], Any] | None = None, on_edit: Callable[[], None] | None = None,
               on_delete: Callable[[], None] | None = None, on_export: Callable[[], None] | None = None,
               on_paste: Callable[[], None] | None = None, large: bool = False, read_only: bool = False,
               noun: str = "row", plural: str | None = None) -> Table:
    """``large``: tens of thousands of rows, filtered in Python without a proxy (see ``Table``). The tables are
    ledgers: pence in every money column when any has them. ``on_paste``: what Ctrl+V on the table does (the page's
    paste of rows copied from Excel). ``read_only`` (a file open read-only): Del, Ctrl+V and the menu's Delete are
    not offered; Edit… still opens a record to read. ``noun``: what a row is, as the totals line says it under a
    filter ("Total of the 2 shown (of 11 partners)")."""
    if read_only:
        on_delete = on_paste = None
    model = RowTableModel(columns, parent=parent, totals=totals, pence_together=True, noun=noun, plural=plural)
    proxy = None if large else SortProxy(parent)
    if proxy is not None:
        proxy.setSourceModel(model)
    view = DataTableView(parent, accessible_name=name, on_edit=on_edit, on_delete=on_delete, on_export=on_export,
                         on_paste=on_paste)
    view.setModel(proxy if proxy is not None else model)
    if columns and columns[-1].unit != Unit.TEXT:
        view.horizontalHeader().setStretchLastSection(False)  # a stretched money column sits far from its heading
    return Table(model, proxy, view)


def sum_row(label_key: str, money_keys: Sequence[str], label: str = "Total") -> Callable[[Sequence[Any]], dict | None]:
    """A totals function for ``make_table``: the label in one column, the sums of the money columns."""

    def total(rows: Sequence[Any]) -> dict | None:
        if not rows:
            return None
        out: dict[str, Any] = {label_key: label}
        for key in money_keys:
            out[key] = sum(_get(r, key) or 0 for r in rows)
        return out

    return total


def row_id(row: Any) -> Any | None:
    """A row's id, whether the row is a dict, a sqlite3.Row or a record; None for none (or a tuple)."""
    return _get(row, "id")


def _get(row: Any, key: str) -> Any:
    if isinstance(row, dict):
        return row.get(key)
    if row is None or isinstance(row, (tuple, list)):
        return None
    if hasattr(row, "keys"):  # a row as the file gives it (no sqlite3 in the window: the layers' contract)
        return row[key] if key in row.keys() else None
    return getattr(row, key, None)


DISTRICT_ID = Qt.ItemDataRole.UserRole + 1  # a district filter's item: its name is the data, its id this


def fill_district_filter(combo: QComboBox, districts: Sequence[tuple[str, str]]) -> bool:
    """A page's district filter offering the file's districts ((id, name) pairs) after "All districts", the one chosen
    kept chosen by its id, under its name now (a spelling corrected in Districts…); "All districts" when it has gone.
    Filled anew when a district is added or corrected, it offered the names the page was built with. True when the
    name chosen is not the one it was (the rows are then to be filtered again)."""
    was_name, was_id = combo.currentData() or "", combo.currentData(DISTRICT_ID)
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem("All districts", "")
        for district_id, name in districts:
            combo.addItem(name, name)
            combo.setItemData(combo.count() - 1, district_id, DISTRICT_ID)
        combo.setCurrentIndex(max(0, combo.findData(was_id, DISTRICT_ID)) if was_id else 0)
    finally:
        combo.blockSignals(False)
    return (combo.currentData() or "") != was_name


def remember_splitter(splitter, key: str) -> None:
    """The splitter's sizes as the person left them, per page (QSettings ``costs/<key>``, a typed read)."""
    from safer_desk.ui import settings

    settings.remember_splitter(splitter, f"costs/{key}")


def debounced(parent: QWidget, ms: int, fn: Callable[[], None]) -> QTimer:
    """A single-shot timer that runs fn ms after the last start() (typing in a search box)."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(ms)
    timer.timeout.connect(fn)
    return timer


def more_menu(button: QPushButton, entries: dict[str, tuple[str, Callable[[], Any]]],
              which: Callable[[], dict[str, bool]]) -> tuple[QMenu, dict[str, Any]]:
    """A page's More menu on button: an action per entry (key: text and slot, in order); when it is about to
    show, which() says which have anything to act on and the others are greyed."""
    menu = QMenu(button)
    actions = {key: menu.addAction(text, slot) for key, (text, slot) in entries.items()}

    def grey() -> None:
        for key, enabled in which().items():
            actions[key].setEnabled(enabled)

    menu.aboutToShow.connect(grey)
    button.setMenu(menu)
    return menu, actions


def action_button(parent: QWidget, text: str, slot: Callable[[], Any], tip: str = "") -> QPushButton:
    button = QPushButton(text, parent)
    button.setAccessibleName(text.replace("&", "").rstrip("…"))
    if tip:
        button.setToolTip(tip)
    button.clicked.connect(lambda _=False: slot())
    return button


# -- the dialogs ---------------------------------------------------------------------------------------

class _GuardedDialog(GuardedDialog):
    """The kit's guarded dialog over a Costs page's open form: it closes when the page closes the form."""

    def __init__(self, parent: QWidget | None, form, screen: FormScreen):
        super().__init__(parent, form)
        self.form, self.screen = form, screen
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        screen.form_closed.connect(self._closed_by_presenter)
        self.destroyed.connect(lambda *_: screen.form_closed.disconnect(self._closed_by_presenter))

    def _closed_by_presenter(self, form) -> None:
        if form is self.form and self.isVisible():
            QDialog.done(self, QDialog.DialogCode.Accepted if not form.is_dirty else QDialog.DialogCode.Rejected)

    def left_unsaved(self) -> None:
        self.screen.close_form(self.form)


class FormDialog(GrowsForMessages, ViewedForm, _GuardedDialog):
    """A small Costs form in a dialog: the title and first line name the record; Save writes it."""

    def __init__(self, parent: QWidget | None, form: CostForm, screen: FormScreen):
        super().__init__(parent, form, screen)
        layout = QVBoxLayout(self)
        self.view = FormView(form, self, save_text=form.save_text, discard_text="Re&vert")
        if form.note:
            note = NamedLabel(form.note, self.view)
            note.setWordWrap(True)
            note.setAccessibleName("Note")
            self.view.top.addWidget(note)
        cancel = QPushButton("Cancel", self.view)
        cancel.clicked.connect(self.reject)
        self.view.button_bar.addWidget(cancel)
        self.view.close_only(cancel)  # a file open read-only: the record to read, Close only
        layout.addWidget(self.view)
        # Tall enough for every field and a message under each of the last ones, within the main window (not a
        # list's window under it), grown as messages appear (the kit's ``GrowsForMessages``).
        self.fit_to_form(extra=60 if form.note else 0)

    def apply(self) -> bool:
        return self.save()

    def message_text(self) -> str:
        """The messages beside the fields, as shown (or the form's message when no field has one)."""
        beside = [self.form.message(f.key) for f in self.form.fields if self.form.message(f.key)]
        return " ".join(beside) if beside else self.form.form_message


class _OneLineWhereRoom(QLabel):
    """Words on one line where there is room and over more where there is not (a word-wrapped QLabel asks for a
    width narrower than its words, so a grid gave it less and wrapped them even in a wide dialog)."""

    def __init__(self, text: str, parent: QWidget | None = None):
        super().__init__(text, parent)
        self.setWordWrap(True)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        whole = _rich_text_width(self)
        return QSize(max(hint.width(), whole), self.heightForWidth(max(hint.width(), whole)))


def _rich_text_width(label: QLabel) -> int:
    """The width of a label's rich text on one line (its bold words are wider than ``horizontalAdvance`` says)."""
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    document.setHtml(label.text())
    return int(document.idealWidth()) + 1 + 2 * label.margin()


class SplitDialog(_GuardedDialog):
    """Behaviour 9: the partners in a grid, a percentage each, the share each pays, a live total."""

    def __init__(self, parent: QWidget | None, split: SplitPresenter, screen: FormScreen):
        super().__init__(parent, split, screen)
        self.split = split
        layout = QVBoxLayout(self)
        heading = NamedLabel(split.heading, self)
        heading.setWordWrap(True)
        heading.setStyleSheet("font-weight: bold;")
        heading.setAccessibleName("Record being edited")
        layout.addWidget(heading)
        self.message = NamedLabel("", self)
        self.message.setWordWrap(True)
        themed(self.message, form_message_style)
        self.message.setAccessibleName("Form message")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        kind_label = QLabel("S&plit:", self)
        self.kind = ChoiceBox(self)
        self.kind.setAccessibleName("Split")
        for kind in SplitKind:
            self.kind.addItem(kind.label, kind.value)
        kind_label.setBuddy(self.kind)
        row.addWidget(kind_label)
        row.addWidget(self.kind, 1)
        # The partners of the review's own day (a 2017 review keyed in 2026: its 2017 partners), or of another typed
        # (Enter, leaving the field or the calendar); billed, the grid is the partners billed and this is hidden.
        self.partners_on = DateField(self, accessible_name="Partners on")
        self.partners_on.setText(format_uk_date(split.partners_on))
        self.partners_on.setToolTip("The statutory partners on this day share the cost: date the invoices (Bill "
                                    "partners) on a day they are the partners")
        self.partners_on.setMaximumWidth(150)
        partners_on_label = QLabel("Partners &on:", self)
        partners_on_label.setBuddy(self.partners_on)
        for widget in (partners_on_label, self.partners_on):
            widget.setVisible(split.choosing_day)
            row.addWidget(widget)
        self.partners_on.edit.installEventFilter(self)  # Enter takes the day (and presses no Save)
        self.partners_on.edit.editingFinished.connect(self._partners_day_typed)
        self.partners_on.calendar.clicked.connect(lambda *_: self._partners_day_typed())
        self.equal_button = action_button(self, "Share &equally", split.share_equally,
                                          "Equal parts adding up to 100%, or Equal shares where two decimals "
                                          "cannot make the parts equal (six partners)")
        row.addWidget(self.equal_button)
        layout.addLayout(row)
        self.partners_note = NamedLabel("", self, name="Whose partners these are")
        self.partners_note.setWordWrap(True)
        self.partners_note.hide()
        layout.addWidget(self.partners_note)

        cap = QHBoxLayout()
        self.cap_payer = ChoiceBox(self)
        self.cap_payer.setAccessibleName("Partner paying first")
        self._fill_cap_payers()
        self.cap_percent = QLineEdit(split.cap_percent, self)
        self.cap_percent.setAccessibleName("Share of the chair's costs")
        self.cap_amount = QLineEdit(split.cap_amount, self)
        self.cap_amount.setAccessibleName("Up to")
        self.cap_box = QWidget(self)
        cap_rows = QVBoxLayout(self.cap_box)
        cap_rows.setContentsMargins(0, 0, 0, 0)
        cap_layout = QHBoxLayout()
        cap_rows.addLayout(cap_layout)
        for text, widget in (("Paying &first:", self.cap_payer), ("% of the &chair's costs:", self.cap_percent),
                             ("&up to:", self.cap_amount)):
            label = QLabel(text, self.cap_box)
            label.setBuddy(widget)
            cap_layout.addWidget(label)
            cap_layout.addWidget(widget, 1)
        self.cap_messages: dict[str, QLabel] = {}  # a refusal of the capped part beside its field, as a percentage's
        for key, widget in (("percent", self.cap_percent), ("amount", self.cap_amount)):
            message = NamedLabel("", self.cap_box)
            themed(message, alert_style)
            message.setWordWrap(True)
            message.setAccessibleName(f"Message about {widget.accessibleName()}")
            message.hide()
            self.cap_messages[key] = message
            cap_rows.addWidget(message)
        # The chair's costs the capped part is worked out on, and what the payer pays first (or that it pays nothing)
        self.cap_note = NamedLabel("", self.cap_box, name="What the capped part is")
        self.cap_note.setWordWrap(True)
        self.cap_note.hide()
        cap_rows.addWidget(self.cap_note)
        cap.addWidget(self.cap_box)
        layout.addLayout(cap)

        self.scroll = scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        self._build_grid()
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field, never to the scroll area
        layout.addWidget(scroll, 1)

        bar = QHBoxLayout()
        # A split found wrong after billing is corrected by billing again with another (the invoices not yet paid
        # cancelled, every payment and refusal kept), not only by an undo that lasts the session.
        self.bill_again_button = action_button(self, "Bill &again with another split…", self.bill_again,
                                               "Cancel the invoices not yet paid and bill each partner the difference")
        self.bill_again_button.setVisible(split.billed)
        self.bill_again_button.setEnabled(split.billed and not split.read_only)
        # Never Enter's button: greyed fields and Save leave it the first to take the focus, and Qt made a focused
        # button Enter's, so Enter pressed to leave a billed split opened the grid to bill every partner again.
        # Space or Alt+A chooses it.
        self.bill_again_button.setAutoDefault(False)
        bar.addWidget(self.bill_again_button)
        bar.addStretch(1)
        self.save_button = action_button(self, "&Bill again…" if split.rebill else "&Save", self.save)
        self.save_button.setDefault(True)
        bar.addWidget(self.save_button)
        cancel = QPushButton("Cancel", self)
        cancel.clicked.connect(self.reject)
        bar.addWidget(cancel)
        layout.addLayout(bar)

        self.kind.currentIndexChanged.connect(lambda _i: split.set_kind(self.kind.currentData()))
        self.cap_payer.currentIndexChanged.connect(lambda _i: split.set_cap(payer=self.cap_payer.currentData() or ""))
        self.cap_percent.textEdited.connect(lambda t: split.set_cap(percent=t))
        self.cap_amount.textEdited.connect(lambda t: split.set_cap(amount=t))
        split.changed.connect(self.refresh)
        self.destroyed.connect(lambda *_: split.changed.disconnect(self.refresh))
        self.refresh()
        # As wide as the grid (the billed one's refusals, re-splits and statuses), within the window: its statuses wrap.
        self.resize(*fitting_size(parent, max(760 if split.billed else 600, self._grid_width() + 60), 520))

    def _fill_cap_payers(self) -> None:
        self.cap_payer.blockSignals(True)
        self.cap_payer.clear()
        self.cap_payer.addItem("", "")
        for oid, name in self.split.partners:
            self.cap_payer.addItem(name, oid)
        self.cap_payer.blockSignals(False)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt's name
        """Enter in Partners on takes the day and no more: passed on, it pressed Save, the default button, and the
        split was saved and the dialog closed under an officer who had typed a day (or it said "Not saved" of a save
        nobody asked for)."""
        if (watched is self.partners_on.edit and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            self._partners_day_typed()
            return True
        return super().eventFilter(watched, event)

    def _partners_day_typed(self) -> None:
        """The day typed is taken when it is another (a date unchanged, or left as it was, lists the same)."""
        typed = self.partners_on.date()
        if typed is not None and typed == self.split.partners_on and not self.split.partners_message:
            return
        self.split.set_partners_on(self.partners_on.text())

    def _build_grid(self) -> None:
        """The grid: a row per partner listed (once billed, per partner billed), with the totals under it."""
        split = self.split
        self.grid_holder = QWidget()
        self.grid = QGridLayout(self.grid_holder)
        # "Re-split or carried": the lead authority's carrying of a refusal is billed to it again as a re-split is
        # "Refused or written off" (as the board report's per partner): the net takes off a write-off too, so the row
        # adds up (share + re-split − refused or written off = net)
        headers = ["Partner", "Percentage", "Share"] + (
            ["Re-split or carried", "Refused or written off", "Net", "Status"] if split.billed else [])
        self.header_labels: list[QLabel] = []
        for c, text in enumerate(headers):
            # "Re-split or carried" and "Refused or written off" over two lines where the dialog is narrow: with a 12 pt
            # font on a laptop at 150% the grid needed 1,016 pixels of the 852 in the dialog, and the statuses were
            # squeezed to a few letters a line and cut at its right edge.
            h = _OneLineWhereRoom(f"<b>{text}</b>", self.grid_holder) if " or " in text \
                else QLabel(f"<b>{text}</b>", self.grid_holder)
            self.grid.addWidget(h, 0, c, alignment=Qt.AlignmentFlag.AlignRight if 1 <= c <= 5 else Qt.AlignmentFlag.AlignLeft)
            self.header_labels.append(h)
        self.percent_edits: dict[str, QLineEdit] = {}
        self.share_labels: dict[str, QLabel] = {}
        self.row_messages: dict[str, QLabel] = {}
        self.extra_labels: dict[str, list[QLabel]] = {}
        rows = split.rows()
        for r, row_data in enumerate(rows, start=1):
            oid = row_data.organisation_id
            self.grid.addWidget(QLabel(row_data.partner, self.grid_holder), 2 * r - 1, 0)
            edit = QLineEdit(row_data.percent_text, self.grid_holder)
            edit.setAccessibleName(f"Percentage for {row_data.partner}")
            edit.setAlignment(Qt.AlignmentFlag.AlignRight)
            edit.setMaximumWidth(80)
            edit.textEdited.connect(lambda text, o=oid: split.set_percent(o, text))
            self.percent_edits[oid] = edit
            self.grid.addWidget(edit, 2 * r - 1, 1)
            share = NamedLabel("", self.grid_holder)
            share.setAccessibleName(f"Share of {row_data.partner}")
            share.setAlignment(RIGHT)
            self.share_labels[oid] = share
            self.grid.addWidget(share, 2 * r - 1, 2)
            if split.billed:
                extras = [NamedLabel("", self.grid_holder, name=f"{h} for {row_data.partner}") for h in headers[3:]]
                for c, lab in enumerate(extras, start=3):
                    lab.setAlignment(RIGHT if c < 6 else Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
                    self.grid.addWidget(lab, 2 * r - 1, c)
                extras[3].setWordWrap(True)  # a status wraps in a narrow window rather than hide to the right
                self.grid.setColumnStretch(6, 1)
                self.extra_labels[oid] = extras
            message = QLabel("", self.grid_holder)
            themed(message, alert_style)
            message.setWordWrap(True)
            message.hide()
            self.row_messages[oid] = message
            self.grid.addWidget(message, 2 * r, 0, 1, len(headers))
        self.total = NamedLabel("", self.grid_holder)
        self.total.setAccessibleName("Total")
        self.total.setStyleSheet("font-weight: bold;")
        self.preview_total = NamedLabel("", self.grid_holder)
        self.preview_total.setAccessibleName("Total of the shares")
        self.preview_total.setAlignment(RIGHT)
        self.preview_total.setStyleSheet("font-weight: bold;")
        last = 2 * len(rows) + 2  # under every row: a billed split lists the partners billed, not those now
        self.grid.addWidget(self.total, last, 0, 1, 2)
        self.grid.addWidget(self.preview_total, last, 2)
        self.shown_partners = list(split.partners)
        self.scroll.setWidget(self.grid_holder)  # the grid of another day's partners replaces the one before

    def save(self) -> bool:
        """Billing again says first what it does to each partner's invoices; Cancel there changes nothing. A day typed
        in Partners on is taken first, as a click on Save (leaving the field) takes it: Ctrl+S there saved the split
        for the partners of the day before, the field showing another."""
        if self.partners_on.isEnabled():
            self._partners_day_typed()
        split = self.split
        if split.rebill:
            question = split.rebill_question()
            if not question or not prompts.ask(self, split.title, question, yes="Bill again"):
                return False
        return super().save()

    def bill_again(self) -> None:
        self.split.bill_again()  # this dialog closes with its form; the page shows the new one

    def _grid_width(self) -> int:
        """The grid's width with each status on one line (a wrapping label's size hint is narrower than its words)."""
        statuses = [labels[3] for labels in self.extra_labels.values()]
        wider = max((lab.fontMetrics().horizontalAdvance(lab.text()) + 4 - lab.sizeHint().width() for lab in statuses),
                    default=0)
        return self.grid_holder.sizeHint().width() + max(0, wider)

    def refresh(self) -> None:
        s = self.split
        if s.partners != self.shown_partners:  # another day's partners: their grid and their choice of payer
            self._build_grid()
            self._fill_cap_payers()
        if s.choosing_day:
            self.partners_on.setEnabled(not s.read_only and s.enabled)
            if not s.partners_message and self.partners_on.date() != s.partners_on:
                self.partners_on.setText(format_uk_date(s.partners_on))
            said = s.partners_message or s.partners_said()
            self.partners_note.setText(f"⚠ {said}" if s.partners_message else said)
            self.partners_note.setStyleSheet(alert_style() if s.partners_message else "")
            self.partners_note.setVisible(bool(said))
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(self.kind.findData(s.kind.value))
        self.kind.blockSignals(False)
        self.cap_payer.blockSignals(True)
        self.cap_payer.setCurrentIndex(max(0, self.cap_payer.findData(s.cap_payer)))
        self.cap_payer.blockSignals(False)
        editable = s.editable
        percentages = s.kind == SplitKind.PERCENTAGES
        self.cap_box.setVisible(s.kind == SplitKind.CAPPED)
        for w in (self.kind, self.cap_payer, self.cap_percent, self.cap_amount, self.save_button):
            w.setEnabled(editable)
        self.equal_button.setEnabled(editable and percentages)
        for row in s.rows():
            oid = row.organisation_id
            edit = self.percent_edits.get(oid)
            if edit is not None:
                edit.setEnabled(editable and percentages)
                edit.setVisible(percentages)  # equal and capped splits have no percentage per partner
                if edit.text() != row.percent_text:
                    edit.setText(row.percent_text)
            if oid in self.share_labels:
                self.share_labels[oid].setText("—" if row.share_pence is None else format_money(row.share_pence,
                                                                                               show_pence=True))
            if oid in self.extra_labels:
                resplit, refused, net, status = self.extra_labels[oid]
                status.setText(row.status)
                resplit.setText(format_money(row.resplit_pence, show_pence=True) if row.resplit_pence else "")
                closed = row.refused_pence + row.written_off_pence
                refused.setText(f"−{format_money(closed, show_pence=True)}" if closed else "")
                net.setText("" if row.net_pence is None else format_money(row.net_pence, show_pence=True))
            if oid in self.row_messages:
                self.row_messages[oid].setText(f"⚠ {row.problem}" if row.problem else "")
                self.row_messages[oid].setVisible(bool(row.problem))
        cap_problems = s.cap_problems() if editable else {}
        for key, label in self.cap_messages.items():
            label.setText(f"⚠ {cap_problems[key]}" if key in cap_problems else "")
            label.setVisible(key in cap_problems)
        cap_note = s.cap_note() if editable else ""
        self.cap_note.setText(cap_note)
        self.cap_note.setVisible(bool(cap_note))
        self.header_labels[1].setVisible(percentages)
        self.total.setText(s.total_text())
        total = s.preview_total_pence()
        self.preview_total.setText("" if total is None else format_money(total, show_pence=True))
        problem = "" if s.billed else s.problem()
        message = s.form_message or (f"⚠ {problem}" if problem and s.is_dirty else "")
        if s.billed and not s.form_message:
            message = ("The partners have been billed: the split is shown as billed, with refusals and re-splits. "
                       "A wrong split is corrected below, with Bill again with another split…")
        elif not message and s.no_partners_why():
            message = s.no_partners_why()
        elif s.rebill and not message:
            message = ("Choose the split the partners agreed; Bill again… first says what it does to each partner's "
                       "invoices (those not yet paid are cancelled; payments and refusals are kept).")
        self.message.setText(message)
        self.message.setVisible(bool(message))


def open_form(page, make: Callable[[], Any], nothing_chosen: str):
    """Open one of the page presenter's forms (``make`` builds it; the page's ``_show_form`` shows it).

    A dialog already open is raised instead of a second one; a presenter with nothing selected to open
    the form for raises LookupError, said to the person under the title ``nothing_chosen`` (or the error's own).
    """
    if page.presenter.editor is not None and page.dialog is not None and page.dialog.isVisible():
        page.dialog.raise_()
        return page.dialog
    try:
        make()
    except LookupError as exc:
        prompts.show_error(page, getattr(exc, "title", nothing_chosen), str(exc).strip("'\""))
        return None
    return page.dialog


class BackgroundLoader:
    """Reads a page's data on the thread pool (own connection) and applies only the latest answer."""

    def __init__(self, owner: QWidget, on_error: Callable[[BaseException], None],
                 on_idle: Callable[[], None] | None = None):
        """``on_idle``: called each time the loader stops being busy (what it read is shown, or the read failed):
        the page's ``loaded`` signal, which the screenshot waits for."""
        self._owner = owner
        self._generation = 0
        self._on_error = on_error
        self._on_idle = on_idle
        self.busy = False

    def _idle(self) -> None:
        self.busy = False
        if self._on_idle is not None:
            self._on_idle()

    def supersede(self) -> None:
        """The page has just shown what the file holds (read after a change, on the GUI thread): a read begun
        before the change, still on its way, is dropped when it arrives instead of putting the old figures back."""
        self._generation += 1
        self._idle()

    def load(self, store, read: Callable[[Any], Any], apply: Callable[[Any], None]) -> None:
        from safer_desk.ui.workers import run_task

        self._generation += 1
        generation = self._generation
        self.busy = True

        def work(progress, cancelled) -> Any:
            from safer_desk.services.files import reading_connection

            with reading_connection(store) as conn:  # closed without writing: looking never writes
                return read(conn)

        def alive() -> bool:
            """The page still exists and still shows the file that was read (not closed or replaced)."""
            import shiboken6

            if not shiboken6.isValid(self._owner):
                return False
            session = getattr(self._owner, "session", None)
            return session is None or session.store is store

        def done(data: Any) -> None:
            if alive() and generation == self._generation:
                try:
                    apply(data)
                finally:
                    if generation == self._generation:  # not if showing it began another read: busy with that
                        self._idle()

        def failed(exc: BaseException, _tb: str) -> None:
            if alive() and generation == self._generation:
                self._idle()
                self._on_error(exc)

        # Parented to the application: a page closed mid-read must not delete the task's signals under the worker.
        run_task(work, on_success=done, on_failure=failed, parent=QCoreApplication.instance())
