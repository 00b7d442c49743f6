"""A table's right-click menu names Ctrl+C beside the item that does what Ctrl+C does (the user guide: "Edit > Copy
(Ctrl+C) copies the selected rows with their headings")."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence

from safer_desk.ui.kit.table_view import DataTableView


def test_the_menu_item_marked_ctrl_c_copies_what_ctrl_c_copies(demo_window, qtbot):
    demo_window.show()
    page = demo_window.show_tab("projects").register
    view = next(v for v in page.findChildren(DataTableView) if v.isVisible())
    view.setFocus()
    view.selectRow(0)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    by_key = QGuiApplication.clipboard().text()
    assert by_key.startswith("Ref\tProject / initiative\t") and "Homeshield Plus" in by_key  # with its headings

    menu = view.context_menu(1)
    marked = [a for a in menu.actions() if a.shortcut().matches(QKeySequence(QKeySequence.StandardKey.Copy))
              == QKeySequence.SequenceMatch.ExactMatch]
    assert [a.text() for a in marked] == ["Copy with &Headings"]
    QGuiApplication.clipboard().setText("")
    marked[0].trigger()
    assert QGuiApplication.clipboard().text() == by_key
