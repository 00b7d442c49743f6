"""Round 28 (t28j): keyboard use of the Projects and Indicators tabs and the kit's tables."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def menu_key(widget) -> None:
    """The Menu key (or Shift+F10), as Qt delivers it to the widget in focus."""
    QApplication.sendEvent(widget.window().windowHandle(),
                           QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, QPoint(0, 0), QPoint(0, 0)))


def entry(menu, starts: str):
    return next(a for a in menu.actions() if a.text().replace("&", "").startswith(starts))


def test_the_register_sorts_by_a_column_from_the_keyboard(demo_window, qtbot):
    """Tables sorted only by a click on a heading: the Menu key's menu on a cell offered Copy, Edit…, Delete and a
    filter, never a sort, so an officer without a mouse could not put the register in order of cost."""
    page = demo_window.show_tab("projects").register
    demo_window.show()
    demo_window.activateWindow()
    assert QTest.qWaitForWindowActive(demo_window)
    view, proxy = page.view, page.proxy
    cost = next(c for c in range(proxy.columnCount()) if proxy.headerData(c, Qt.Orientation.Horizontal) == "Cost")
    view.setFocus()
    view.setCurrentIndex(proxy.index(0, cost))
    menu_key(view)
    menu = view.last_menu
    assert menu is not None and menu.isVisible()
    entry(menu, "Sort by Cost, descending").trigger()
    costs = [page.project_at(r).planning_pence for r in range(proxy.rowCount())]
    known = [c for c in costs if c is not None]
    assert known == sorted(known, reverse=True) and known[0] > known[-1]
    assert view.horizontalHeader().sortIndicatorSection() == cost  # the heading shows the order, as after a click
    assert view.horizontalHeader().sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    menu_key(view)
    entry(view.last_menu, "Sort by Cost, ascending").trigger()
    assert [page.project_at(r).planning_pence for r in range(len(known))] == sorted(known)
    view.last_menu.close()


def type_keys(text: str) -> None:
    """Each character to the widget in focus then, as the keyboard sends it (a cell's editor opens at the first)."""
    for ch in text:
        QTest.keyClicks(QApplication.focusWidget(), ch)


def test_add_line_puts_the_keyboard_in_the_new_cost_line(demo_window, qtbot):
    """Alt+N (Add line) from a field at the top of the editor added an empty line out of view at the bottom and left
    the keyboard where it was: the year typed next went into the project's title, and reaching the new line took a
    Tab through every field and the arrows down past every other line."""
    page = demo_window.show_tab("projects").register
    demo_window.resize(1093, 582)
    demo_window.show()
    demo_window.activateWindow()
    assert QTest.qWaitForWindowActive(demo_window)
    editor = page.editor
    title = editor.widgets["title"]
    was = title.text()
    lines = editor.cost_lines
    before = lines.table.rowCount()
    title.setFocus()
    QTest.keyClick(title, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)  # Add li&ne
    qtbot.waitUntil(lambda: lines.table.rowCount() == before + 1)
    type_keys("2017/18")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)  # the cell's editor closes at the next turn
    qtbot.waitUntil(lambda: lines.table.state() == lines.table.State.NoState)
    assert title.text() == was
    assert list(page.presenter.editor.value("cost_lines"))[-1][0] == "2017/18"
    assert lines.table.currentRow() == before and lines.table.hasFocus()
    cell = lines.table.visualItemRect(lines.table.item(before, 0))
    top_left = lines.table.viewport().mapTo(editor.scroll.viewport(), cell.topLeft())
    assert editor.scroll.viewport().rect().contains(top_left)  # the new line is in view, not below the fold


def spoken(label) -> str:
    """What a screen reader is given for a label: its accessible name, then its description."""
    from PySide6.QtGui import QAccessible

    face = QAccessible.queryAccessibleInterface(label)
    return " ".join(filter(None, (face.text(QAccessible.Text.Name), face.text(QAccessible.Text.Description))))


def test_a_named_message_is_read_out_with_its_words(demo_window, qtbot):
    """A label given an accessible name hands a screen reader that name in place of its text: "Message about Cost"
    was read out beside a queried cost, never the query itself; the register's count was "Projects shown", never how
    many; the Indicators' messages under the grid were their name alone."""
    tab = demo_window.show_tab("projects")
    page = tab.register
    assert spoken(page.count) == f"Projects shown {page.count.text()}" and "of 23 projects" in page.count.text()
    editor = page.editor
    cost = editor.widgets["cost"]
    cost.setFocus()
    cost.selectAll()
    QTest.keyClicks(cost, "£26.000")
    QTest.keyClick(cost, Qt.Key.Key_Return)
    message = editor.messages["cost"]
    assert message.isVisibleTo(editor) and "£26,000" in message.text()
    assert spoken(message) == f"Message about Cost {message.text()}"
    assert editor.form_message.text() == "" or editor.form_message.text() in spoken(editor.form_message)
    assert spoken(editor.heading).startswith("Record being edited Editing")
    page.presenter.editor.discard()
    indicators = demo_window.show_tab("indicators")
    grid = indicators.grid
    grid.edit_text(grid.keys[0], 0, "1.335")  # a stray point: queried under the grid
    assert indicators.save_figures() is False
    words = indicators.grid_messages.text()
    assert words and spoken(indicators.grid_messages) == f"Messages about the figures {words}"
    assert indicators.headline.text().startswith("<b>")
    assert "<" not in spoken(indicators.headline)  # its words, not its markup


def test_a_named_label_says_its_words_as_they_change(qtbot):
    """The kit's named label: its words follow its text, cleared too; without a name its text is its name alone."""
    from safer_desk.ui.kit.forms import NamedLabel

    label = NamedLabel(name="Suggestion")
    qtbot.addWidget(label)
    label.setText("<b>Fund</b> the top three")
    assert spoken(label) == "Suggestion Fund the top three"
    label.clear()
    assert spoken(label) == "Suggestion"
    plain = NamedLabel("22 of 23 projects")
    qtbot.addWidget(plain)
    assert spoken(plain) == "22 of 23 projects"  # not said twice
