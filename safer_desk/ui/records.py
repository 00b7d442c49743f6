"""A window listing the file's records of one kind, with Add, Change and Delete: View > Funders' Awards… and
View > Populations…. The presenter does the work (its forms open in a ``FormDialog``; each change is one step
of Edit > Undo); this shows its rows, keeps the one chosen, and forwards the buttons and keys."""

from __future__ import annotations

from typing import Any, Callable, Sequence

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from safer_desk.presenters import screens
from safer_desk.ui import prompts
from safer_desk.ui.costs.widgets import FormDialog, Table
from safer_desk.ui.kit.dialogs import enter_presses_focused_button, share_undo
from safer_desk.ui.kit.forms import NamedLabel
from safer_desk.ui.kit.table_view import DataTableView
from safer_desk.ui.kit.tables import Column, RowTableModel, SortProxy
from safer_desk.ui.kit.undo import push_action
from safer_desk.ui.session import Session


def read_only_refusal(what: str) -> str:
    """What a change asked of a file open read-only is told in a records dialog: what was not done, and how to
    change the file (``screens.read_only_refusal``)."""
    return f"{screens.read_only_refusal(what)} {screens.READ_ONLY_REMEDY}"


class RecordsDialog(QDialog):
    """The list, its summary above it, and Add / Change / Delete beside Close.

    A subclass gives its title, columns and buttons' words (``words``: the Add, Change and Delete buttons' texts
    and names for a screen reader), the area of the file whose changes it shows again (``area``, as
    ``session.notify`` names it), how a row is known again after a change (``key``) and what the buttons do
    (``add``, ``edit`` and ``delete_question``/``delete`` of a row)."""

    area = ""
    noun = "row"  # what a row is, as "None shown (of 12 awards)" says it under a filter hiding every one
    words: tuple[tuple[str, str], tuple[str, str], tuple[str, str]] = (
        ("&Add…", "Add"), ("&Change…", "Change"), ("&Delete", "Delete"))

    def __init__(self, session: Session, title: str, columns: Sequence[Column], make_presenter: Callable[..., Any],
                 names: tuple[str, str], parent: QWidget | None = None):
        """``make_presenter(perform=…, after=…)`` makes the screen's presenter; ``names``: the summary's and the
        list's names for a screen reader."""
        super().__init__(parent)
        self.session = session
        self.dialog: FormDialog | None = None  # the record being added or changed
        self._shown_rows = False  # refresh has shown the rows once
        self.setWindowTitle(title)
        self.presenter = make_presenter(perform=lambda a: push_action(session.undo_stack, a),
                                        after=lambda: session.notify(self.area))
        self.presenter.form_opened.connect(self._show_form)
        self.summary = NamedLabel(parent=self)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleName(names[0])
        self.model = RowTableModel(list(columns), parent=self, noun=self.noun)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name=names[1], on_edit=self.edit_selected,
                                  on_delete=self.delete_selected)
        self.view.setModel(self.proxy)
        self.view.verticalHeader().hide()  # a double-click or Enter changes (on_edit), Del deletes
        row = QHBoxLayout()
        self.add_button, self.edit_button, self.delete_button = (QPushButton(text, self) for text, _ in self.words)
        for button, (_, name), act in zip((self.add_button, self.edit_button, self.delete_button), self.words,
                                          (self.add_clicked, self.edit_selected, self.delete_selected)):
            button.setAccessibleName(name)
            button.clicked.connect(act)
            row.addWidget(button)
        row.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        # No button is the default one, as in the History window: Add…, the first, was, and Enter on the list with
        # no row chosen opened a blank Add form. Enter opens the row chosen (the list's own) or presses the button in
        # focus (keyPressEvent).
        for button in (self.add_button, self.edit_button, self.delete_button, *buttons.buttons()):
            button.setAutoDefault(False)
        row.addWidget(buttons)
        self.main_layout = QVBoxLayout(self)
        self.main_layout.addWidget(self.summary)
        self.main_layout.addWidget(self.view, 1)
        self.main_layout.addLayout(row)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        # Refreshed through the session's Qt signal only, never the presenter's own event: a step of Edit > Undo
        # outlives this dialog (closed, or opened again as another), and Qt drops a destroyed dialog's connections.
        self.session.data_changed.connect(self._data_changed)
        share_undo(self)  # Ctrl+Z and Ctrl+Y here: the window's keys reached only the window

    # -- to give -------------------------------------------------------------------------------------------
    def key(self, row: Any) -> Any:
        """What a row is known by again after a change (an id; an area and year)."""
        raise NotImplementedError

    def add(self) -> None:
        raise NotImplementedError

    def edit(self, row: Any) -> None:
        raise NotImplementedError

    def delete_question(self, row: Any) -> tuple[str, str, str]:
        """(title, question, the yes button's word) asked before ``delete``."""
        raise NotImplementedError

    def delete(self, row: Any) -> None:
        raise NotImplementedError

    def size_columns(self) -> None:
        """The columns sized to the rows just shown."""
        self.view.size_columns_to_visible(max_width=260)
        self.view.horizontalHeader().setStretchLastSection(True)  # the last column takes what is left

    # -- shown ---------------------------------------------------------------------------------------------
    def _data_changed(self, area: str) -> None:
        if area in (self.area, "") and self.session.store is self.presenter.store:
            self.refresh()

    def refresh(self) -> None:
        chosen, at = self.selected(), self.view.currentIndex().row()
        before = {self.key(r) for r in self.model.rows}
        first = not self._shown_rows
        self.model.set_rows(self.presenter.rows())
        self._shown_rows = True
        if not first:  # opened: nothing chosen yet
            self._choose_again(chosen, at, before)
        said = self.presenter.summary()
        if self.presenter.read_only:  # why Add and Delete are greyed, before either is pressed
            opens = self.words[1][0].replace("&", "")
            said = f"{said} The file is open read-only: each can be read ({opens} shows it), not changed."
        self.summary.setText(said)
        self.size_columns()
        self._enable()

    def _choose_again(self, chosen, at: int, before: set) -> None:
        """The row added, changed (or moved to another key) or put back by Edit > Undo is chosen again, so Enter
        and Del act on it without finding it with the arrows; a row removed leaves the one now in its place."""
        table = Table(self.model, self.proxy, self.view)
        new = [self.key(r) for r in self.model.rows if self.key(r) not in before]
        wanted = new if len(new) == 1 else [self.key(chosen)] if chosen is not None else []
        if wanted and not table.select_where(lambda r: self.key(r) == wanted[0]) and chosen is not None:
            row = min(at, self.proxy.rowCount() - 1)
            if row >= 0:
                self.view.selectRow(row)

    def _enable(self) -> None:
        writable = not self.presenter.read_only
        chosen = self.selected() is not None
        self.add_button.setEnabled(writable)
        self.edit_button.setEnabled(chosen)  # a file open read-only shows the record to read
        self.delete_button.setEnabled(writable and chosen)

    def selected(self):
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().selectedRows():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def _show_form(self, form) -> None:
        self.dialog = FormDialog(self, form, self.presenter)
        self.dialog.open()

    # -- the buttons and keys ------------------------------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        """Enter presses only the button in focus; on the list it opens the row chosen (DataTableView) or, with
        none chosen, does nothing."""
        if not enter_presses_focused_button(self, event):
            super().keyPressEvent(event)

    def add_clicked(self) -> None:
        self.add()

    def edit_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.edit(row)

    def delete_selected(self) -> None:
        row = self.selected()
        if row is None:
            return
        title, question, yes = self.delete_question(row)
        if self.presenter.read_only:  # the button is greyed; Del and the list's Delete said nothing
            prompts.show_error(self, title, read_only_refusal(title))
            return
        if prompts.ask(self, title, question, yes=yes):
            self.delete(row)
