"""Funders' shares in the project editor, typed and read back (seed 003: the PCC pays £110,000 of £501,753)."""

from PySide6.QtCore import Qt

from safer_desk.services import funders
from safer_desk.services import projects as svc


def select_title(page, title, qtbot):
    page.clear_filters()
    qtbot.keyClicks(page.search, title)
    page.view.selectRow(0)
    assert page.editor.project.title.startswith(title)
    return page.editor.project


def plymouth_new_funding_line(window, qtbot):
    """The Plymouth contract (seed 003) in the editor, the cursor on a new line at the end of its funding sources:
    (register page, project, funding sources box)."""
    window.resize(1280, 800)
    window.show()
    page = window.show_tab("projects").register
    project = select_title(page, "Plymouth Domestic Abuse contract", qtbot)
    sources = page.editor.widgets["funding_sources"]
    sources.setFocus()
    sources.moveCursor(sources.textCursor().MoveOperation.End)
    qtbot.keyClick(sources, Qt.Key.Key_Return)
    return page, project, sources


def test_a_projects_funders_shares_are_shown_and_can_be_typed(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").register
    project = select_title(page, "Plymouth Domestic Abuse contract", qtbot)
    assert page.editor.funders.text().splitlines()[0] == "OPCC (2017/18): £110,000 of £501,753 (21.9%)"
    sources = page.editor.widgets["funding_sources"]
    sources.setFocus()
    sources.moveCursor(sources.textCursor().MoveOperation.End)
    qtbot.keyClick(sources, Qt.Key.Key_Return)
    qtbot.keyClicks(sources, "Plymouth City Council (2017/18): £391,753")
    assert "Plymouth City Council (2017/18): £391,753 of £501,753 (78.1%)" in page.editor.funders.text()
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    saved = svc.get_project(page.session.store, project.id)
    rows = funders.funder_share_rows([saved])
    assert [(r.funder, r.amount_pence) for r in rows] == [("OPCC", 110_000_00), ("Plymouth City Council", 391_753_00)]


def test_a_share_that_cannot_be_read_is_said_while_typed_and_refused_once(demo_window, qtbot):
    page, project, sources = plymouth_new_funding_line(demo_window, qtbot)
    qtbot.keyClicks(sources, "Plymouth City Council: 50%")
    said = ("line 2: give the share in pounds (“Plymouth City Council: £250,876.50”, 50% of the cost £501,753), "
            "not as a part of the cost.")
    assert f"⚠ {said}" in page.editor.funders.text()
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert page.editor.presenter.message("funding_sources") == said
    assert said not in page.editor.funders.text()  # said once, in the field's own message
    assert svc.get_project(page.session.store, project.id).funding_sources == project.funding_sources
    page.editor.presenter.discard()
