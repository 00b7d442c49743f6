"""File > Conflicts…: the open conflicts of a county file, grouped, with Keep County / Keep District choices.

A thin view over services.county.ConflictsPresenter (Qt-free, so it can move onto the window kit later): the
groups on the left ("All", then "Shares of review costs (2)" …), the group's conflicts in plain words on the
right, the selected one in full below, and the four choices. Every decision goes through the presenter (one
audited action) and the lists are read again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QPushButton, QSplitter, QVBoxLayout, QWidget)

from safer_desk.domain.text import counted
from safer_desk.ui import prompts, settings
from safer_desk.ui.kit.dialogs import share_undo
from safer_desk.ui.kit.table_view import DataTableView, Included
from safer_desk.ui.kit.labels import NamedLabel
from safer_desk.ui.kit.tables import RIGHT, Column, SortProxy, RowTableModel
from safer_desk.ui.kit.undo import push_snapshot_action
from safer_desk.ui.session import Session
from safer_desk.ui.kit import fitting_size

ALL_GROUPS = ""  # the list's first entry: every open conflict
SPLITTER_KEY = "conflicts/splitter"  # the groups' and the table's widths, as the county lead left them

def asks_before_copying_victim_level(view: DataTableView, parent: QWidget) -> None:
    """A conflicts table's copy (Ctrl+C, Edit > Copy, its menu's) asks first when a conflict copied is about a referral
    or a spend line, as the fund's Referrals table does: left out, the copy gives no conflict's words."""
    def leaves_out():
        from safer_desk.services.county import conflicts_copy_question

        proxy = view.model()
        source = proxy.sourceModel()
        question = conflicts_copy_question(source.row(proxy.mapToSource(proxy.index(r, 0)).row())
                                           for r in view._selected_rows())
        if not question:
            return []
        if prompts.ask(parent, "Copy", question, yes="Include it", no="Leave it out", cautious=True):
            return Included()
        return [source.column_index("detail")]

    view.copy_leaves_out = leaves_out


CONFLICT_COLUMNS = [
    Column("id", "No.", show=lambda v: f"#{v}", align=RIGHT),
    Column("detail", "Conflict", tooltip=lambda c: c.detail),
    Column("office_name", "Raised by"),
    Column("group", "About", get=lambda c: c.group_words),
]


class ConflictsDialog(QDialog):
    """The open conflicts of the county file, and the county lead's decisions on them."""

    decided = Signal(object)  # the conflicts just decided

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        from safer_desk.services.county import ConflictsPresenter

        self.session = session
        self.presenter = ConflictsPresenter(session.store)
        self.setWindowTitle("Conflicts")
        self.heading = NamedLabel(parent=self)
        self.heading.setWordWrap(True)
        self.heading.setAccessibleName("Conflicts summary")
        self.groups = QListWidget(self)
        self.groups.setAccessibleName("Groups of conflicts")
        self.model = RowTableModel(CONFLICT_COLUMNS, parent=self)
        self.proxy = SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = DataTableView(self, accessible_name="Conflicts")
        self.view.setModel(self.proxy)
        asks_before_copying_victim_level(self.view, self)
        self.detail_label = NamedLabel(parent=self)
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_label.setAccessibleName("Selected conflict")
        self.keep_county_button = QPushButton("Keep &County Version", self)
        self.keep_county_button.setAccessibleName("Keep the county's version of the selected conflict")
        self.keep_district_button = QPushButton("Keep &District Version", self)
        self.keep_district_button.setAccessibleName("Keep the district's version of the selected conflict")
        self.group_county_button = QPushButton("Keep County for &Group…", self)
        self.group_county_button.setAccessibleName("Keep the county's version of every conflict in the group")
        self.group_district_button = QPushButton("Keep District for G&roup…", self)
        self.group_district_button.setAccessibleName("Keep the district's version of every conflict in the group")
        self.keep_county_button.clicked.connect(lambda: self.keep_selected("county"))
        self.keep_district_button.clicked.connect(lambda: self.keep_selected("district"))
        self.group_county_button.clicked.connect(lambda: self.keep_group("county"))
        self.group_district_button.clicked.connect(lambda: self.keep_group("district"))
        self.groups.currentRowChanged.connect(lambda _row: self._show_group())
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_detail())

        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.view, 1)
        right_layout.addWidget(self.detail_label)
        one = QHBoxLayout()
        one.addWidget(QLabel("Selected conflict:", self))
        one.addWidget(self.keep_county_button)
        one.addWidget(self.keep_district_button)
        one.addStretch(1)
        right_layout.addLayout(one)
        group = QHBoxLayout()
        group.addWidget(QLabel("Whole group:", self))
        group.addWidget(self.group_county_button)
        group.addWidget(self.group_district_button)
        group.addStretch(1)
        right_layout.addLayout(group)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)  # a pane dragged to the edge stays in view
        splitter.addWidget(self.groups)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)  # the table takes what the window gains
        splitter.setStretchFactor(1, 1)
        self.splitter = splitter
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        # Enter in the lists closes: Qt's default would be the first button, deciding a conflict unasked.
        buttons.button(QDialogButtonBox.StandardButton.Close).setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)
        layout.addWidget(buttons)
        self.refresh()
        self.resize(*fitting_size(parent, 1100, 520))
        # The groups' labels take what they need, the table the rest (a fixed 250 px, mostly empty, cut the table
        # off at its last column on a laptop); a divider the lead moved is put back where it was left.
        groups = self.groups.sizeHintForColumn(0) + 2 * self.groups.frameWidth() + 24
        splitter.setSizes([groups, max(1, self.width() - groups)])
        settings.remember_splitter(splitter, SPLITTER_KEY)
        session.data_changed.connect(self._file_changed)  # an undo or redo of a decision, made from the Edit menu
        share_undo(self)  # or by Ctrl+Z and Ctrl+Y here: the window's keys reached only the window

    def _file_changed(self, _area: str) -> None:
        if self.isVisible() and self.session.store is not None:
            self.presenter.refresh()
            self.refresh(keep_row=self.view.currentIndex().row())  # the lead stays where they were in the list

    # -- showing -------------------------------------------------------------------------------------------
    def refresh(self, keep_group: str | None = None, keep_row: int = 0) -> None:
        """Read the conflicts again; keep_row: the table's row to choose (the one after a conflict just decided)."""
        p = self.presenter
        self.heading.setText(p.heading())
        current = keep_group if keep_group is not None else self.current_group()
        self.groups.blockSignals(True)
        self.groups.clear()
        everything = QListWidgetItem(f"All ({len(p.conflicts)})")
        everything.setData(Qt.ItemDataRole.UserRole, ALL_GROUPS)
        self.groups.addItem(everything)
        select = 0
        for n, (group, _words, _members) in enumerate(p.groups(), start=1):
            item = QListWidgetItem(p.group_label(group))
            item.setData(Qt.ItemDataRole.UserRole, group)
            self.groups.addItem(item)
            if group == current:
                select = n
        self.groups.setCurrentRow(select)
        self.groups.blockSignals(False)
        self._show_group(keep_row)

    def current_group(self) -> str:
        item = self.groups.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else ALL_GROUPS

    def group_conflicts(self) -> list:
        group = self.current_group()
        return [c for c in self.presenter.conflicts if group == ALL_GROUPS or c.group == group]

    def _show_group(self, row: int = 0) -> None:
        rows = self.group_conflicts()
        self.model.set_rows(rows)
        self.view.size_columns_to_visible(max_width=560)
        if rows:
            self.view.setCurrentIndex(self.proxy.index(max(0, min(row, len(rows) - 1)), 1))
        self._show_detail()

    def selected(self):
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.row(self.proxy.mapToSource(index).row())

    def _show_detail(self) -> None:
        c = self.selected()
        writable = not self.presenter.read_only
        self.detail_label.setText("" if c is None else self.presenter.selected_words(c))
        for button in (self.keep_county_button, self.keep_district_button):
            button.setEnabled(writable and c is not None)
        group = self.current_group()
        for button in (self.group_county_button, self.group_district_button):
            button.setEnabled(writable and group != ALL_GROUPS and bool(self.group_conflicts()))

    # -- deciding ------------------------------------------------------------------------------------------
    def keep_selected(self, choice: str) -> list:
        c = self.selected()
        if c is None:
            prompts.show_error(self, "Conflicts", "Choose a conflict first.")
            return []
        return self._decide(choice, conflict=c)

    def keep_group(self, choice: str) -> list:
        group = self.current_group()
        members = self.group_conflicts()
        if group == ALL_GROUPS or not members:
            prompts.show_error(self, "Conflicts", "Choose a group first.")
            return []
        from safer_desk.services.county import CountyError

        try:
            self.presenter.check(choice, group=group)
        except CountyError as exc:  # said before asking to confirm what would be refused
            prompts.show_error(self, "Conflicts", str(exc))
            return []
        side = "the county's version" if choice == "county" else "each district's version"
        if not prompts.ask(self, "Conflicts", f"Keep {side} of all {counted(len(members), 'conflict')} in "
                                              f"“{members[0].group_words}”? This is recorded in the audit trail.",
                           yes="Keep County" if choice == "county" else "Keep District"):
            return []
        return self._decide(choice, group=group)

    def _decide(self, choice: str, *, conflict=None, group: str | None = None) -> list:
        from safer_desk.services.county import CountyError

        group_before = self.current_group()
        # Deciding one conflict leaves the lead where they were in a long list: on the conflict after it (it moves
        # up into the row), the table in focus again for the arrows (the button pressed by Alt+D took it).
        row_before = self.view.currentIndex().row() if conflict is not None else 0
        try:
            # One undoable step: undo and redo put back the rows, open conflicts and decisions it changed.
            plan = self.presenter.plan(choice, conflict=conflict, group=group)
            decided = push_snapshot_action(
                self.session.undo_stack, plan.label, key="decision", snap=lambda _key: self.presenter.rows(plan),
                restore=self.presenter.put_back, absent=lambda _key: [],
                action=lambda: self.presenter.keep(choice, conflict=conflict, group=group),
                after=lambda: self.session.notify(""))
        except CountyError as exc:
            prompts.show_error(self, "Conflicts", str(exc))
            self.refresh(group_before, row_before)
            return []
        self.refresh(group_before, row_before)
        if conflict is not None:
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        self.session.notify("")
        self.decided.emit(decided)
        return decided
