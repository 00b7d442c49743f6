"""Round 36 (helper prr): the register used as its officer uses it, after the ref rule moved into the services and
the copy's quote moved into the kit: add, a ref typed twice, edit, undo, rows pasted from Excel and copied back."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.services import projects as svc


def retype(qtbot, widget, text: str) -> None:
    widget.selectAll()
    widget.insert(text)


def add(page, qtbot, title: str, ref: str) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    page.editor.widgets["title"].insert(title)
    qtbot.keyClicks(page.editor.widgets["ref"], ref)
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)


def titles(page) -> list[str]:
    return [p.title for p in page.model.rows]


def select_titles(page, wanted) -> None:
    view, proxy = page.view, page.proxy
    view.clearSelection()
    flags = view.selectionModel().SelectionFlag
    for r in range(proxy.rowCount()):
        if proxy.index(r, 1).data() in wanted:
            view.selectionModel().select(proxy.index(r, 0), flags.Select | flags.Rows)


def test_an_officer_adds_edits_undoes_pastes_and_copies_back(demo_window, prompts, qtbot):
    tab = demo_window.show_tab("projects")
    page, store = tab.register, tab.session.store
    add(page, qtbot, "Street pastors", "CSP-01")
    assert "Street pastors" in titles(page) and not page.presenter.editor.errors
    add(page, qtbot, "Night marshals", "csp 01")
    assert page.presenter.editor.errors["ref"] == ("“csp 01” is the ref of CSP-01. Street pastors: give this project a "
                                                   "ref of its own, or leave Ref blank.")
    assert "Night marshals" not in titles(page)
    retype(qtbot, page.editor.widgets["ref"], "CSP-02")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert "Night marshals" in titles(page)

    # A change saved, then undone from the Edit menu.
    select_titles(page, {"Street pastors"})
    retype(qtbot, page.editor.widgets["cost"], "£2,500")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    pastors = next(p for p in svc.load_projects(store) if p.title == "Street pastors")
    assert pastors.cost_text == "£2,500"
    demo_window.undo_action.trigger()
    assert svc.get_project(store, pastors.id).cost is None

    # Rows from Excel: one with a ref the register has is refused by row, nothing added.
    QGuiApplication.clipboard().setText("Ref\tTitle\tCost\nCSP 2\tMarshals again\t£1,000\n9a\t'+44 helpline\t£500\n")
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    assert "Row 1: Ref: “CSP 2” is the ref of CSP-02. Night marshals" in page.paste_dialog.preview.problems()
    page.paste_dialog.reject()
    QGuiApplication.clipboard().setText("Ref\tTitle\tCost\n9a\t'+44 helpline\t£500\n9b\t=HYPERLINK(\"x\")\t\n")
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.paste_dialog.add_button, Qt.MouseButton.LeftButton)
    assert {"+44 helpline", "=HYPERLINK(\"x\")"} <= set(titles(page))

    # Copied out (quoted for Excel), the pasted rows read back as typed; pasted again, their refs are refused.
    page.search.setText("")
    select_titles(page, {"+44 helpline", "=HYPERLINK(\"x\")"})
    page.view.setFocus()
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert "\t'+44 helpline\t" in copied and "\t\"'=HYPERLINK(\"\"x\"\")\"\t" in copied
    qtbot.mouseClick(page.paste_button, Qt.MouseButton.LeftButton)
    preview = page.paste_dialog.preview
    assert "Row 1: Ref: “9a” is the ref of 9a. +44 helpline, already in the register" in preview.problems()
    preview.set_key(0, None)  # the Ref column left out: the two rows are added again, titles as typed
    assert [p.title for p in preview.projects()] == ["+44 helpline", "=HYPERLINK(\"x\")"]
    page.paste_dialog.reject()

    # The paste is one step of Undo.
    demo_window.undo_action.trigger()
    assert "+44 helpline" not in titles(page)
    assert len(svc.load_projects(store)) == 23 + 2
