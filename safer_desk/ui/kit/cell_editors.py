"""A table cell still being typed in, put in as Enter would before what follows it (another tab or page, another
file, closing, an undo) reads the table again or hides it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemDelegate, QAbstractItemView, QLineEdit, QWidget


def put_in_open_cells(root: QWidget) -> QAbstractItemView | None:
    """Every cell editor open in a table under ``root`` put in its model, as Enter would, and closed. An editor opened
    and left as the cell was is only closed: nothing was typed, so nothing is written. A figure the model refuses (an
    Allocation figure typed "£5,000", a commissioning scale) stays in its editor, open and in focus on what was typed,
    the model having said why; its table is returned (None when every cell went in), so what was to follow waits.

    Left open, an editor stayed on a tab or page no longer in view with what was typed, put in unasked only once the
    page was seen again (or into a closed file, and lost)."""
    for view in root.findChildren(QAbstractItemView):
        if view.state() != QAbstractItemView.State.EditingState:
            continue
        index = view.currentIndex()
        editor = view.indexWidget(index)
        if editor is None:
            continue
        delegate = view.itemDelegateForIndex(index)
        if isinstance(editor, QLineEdit):
            typed = editor.text()
            if editor.isModified() and not view.model().setData(index, typed, Qt.ItemDataRole.EditRole) \
                    and typed != str(index.data(Qt.ItemDataRole.EditRole) or ""):
                editor = view.indexWidget(index)
                if editor is not None:
                    editor.setFocus()
                return view
        else:
            delegate.commitData.emit(editor)
        delegate.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
    return None


__all__ = ["put_in_open_cells"]
