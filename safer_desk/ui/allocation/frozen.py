"""The partnership names kept in view while the results table scrolls right (Qt's "frozen column" example).

An overlay table over the first column, sharing the model, the selection and the vertical scroll of the
table beneath; a right-click on it opens that table's context menu.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView


class FrozenFirstColumn(QTableView):
    def __init__(self, view: QTableView):
        super().__init__(view)
        self.main = view
        self.setObjectName("frozen names")
        self.setAccessibleName("Partnership names (kept in view)")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.verticalHeader().hide()
        self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(view.verticalScrollMode())
        self.setSelectionBehavior(view.selectionBehavior())
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setStyleSheet("QTableView { border: none; border-right: 1px solid palette(mid); }")
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.customContextMenuRequested.connect(self._menu)
        self.verticalHeader().setDefaultSectionSize(view.verticalHeader().defaultSectionSize())
        view.viewport().stackUnder(self)
        view.verticalScrollBar().valueChanged.connect(self.verticalScrollBar().setValue)
        self.verticalScrollBar().valueChanged.connect(view.verticalScrollBar().setValue)
        view.horizontalHeader().sectionResized.connect(lambda *_: self.place())
        view.installEventFilter(self)
        self.attach()

    def attach(self) -> None:
        """Show the main table's model (again, after it was replaced): only its first column."""
        model = self.main.model()
        if model is None:
            return
        if self.model() is not model:
            self.setModel(model)
            model.modelReset.connect(self.attach)
            model.columnsInserted.connect(lambda *_: self.attach())
            model.layoutChanged.connect(lambda *_: self.attach())
        self.setSelectionModel(self.main.selectionModel())
        for c in range(model.columnCount()):
            self.setColumnHidden(c, c != 0)
        self.place()

    def place(self) -> None:
        main = self.main
        self.setColumnWidth(0, main.columnWidth(0))
        self.horizontalHeader().setFixedHeight(main.horizontalHeader().height())
        self.setGeometry(main.verticalHeader().width() + main.frameWidth(), main.frameWidth(),
                         main.columnWidth(0), main.viewport().height() + main.horizontalHeader().height())
        self.setVisible(main.model() is not None and main.model().columnCount() > 0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.main and event.type() in (QEvent.Type.Resize, QEvent.Type.Show, QEvent.Type.LayoutRequest):
            self.place()
        return False

    def _menu(self, pos: QPoint) -> None:
        shown = self.main.viewport().mapFromGlobal(self.viewport().mapToGlobal(pos))
        if hasattr(self.main, "_show_menu"):
            self.main._show_menu(shown)
