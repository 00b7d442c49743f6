"""The project register, round 35 (helper reg): a district officer keeping the register for the board tries to break it.

1. Two projects with one ref: "CSP-01" saved, then "csp 01" (the same ref typed another way) saved beside it without a
   word, and a project's ref changed to "01" beside Homeshield Plus's "1". The board paper, the scenarios and the
   report name a project by its ref ("1. Homeshield Plus"): two of them made the paper ambiguous. A ref another project
   has, in any case and with any spaces, dashes or leading zeros, is refused beside the Ref field (a ref kept as it
   was is not asked about: a county file's merged districts may each have a "1"). Rows pasted from Excel with a ref
   the register has, or two rows with one ref, are refused the same way, by row, before anything is added.
2. The board report's commissioning options said "Projects proposed, shortlisted or commissioned" over a table that
   lists live projects too; and a project completed, declined or withdrawn since the last paper left the table
   without a word. The paragraph names the four statuses, and the projects left out are said, with their status.
4. Copy rows put a title typed "=HYPERLINK(…)" (or "+44 helpline", "-1 slot") on the clipboard as it is: pasted into
   Excel it ran as a formula (the export's CSV and workbook were safe, the copy was not). Text cells are copied with
   the quote Excel reads as "this is text" and does not show; pasted back into the register the quote is dropped.
5. Two columns copied from a bids list without their headings (title, cost: "Street pastors", "£2,500") were read as
   Ref and Title by their place: a project titled "£2,500", ref "Street pastors", no cost, added without a word.
   Rows without headings whose columns do not fit the register's order are read by what they hold (as rows under
   headings the register does not know are), the person checking the choice above each column.
3. Search: "wyl" did not find “Ŵyl Dinas Powys” (a Welsh title; an English keyboard types no circumflex). Letters
   with accents are found by the letter alone, as a keyboard types it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc
from safer_desk.services.report_sections.projects import board_report_sections


def add_in_window(page, qtbot, title: str, ref: str) -> None:
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    editor = page.editor
    editor.widgets["title"].insert(title)  # insert: keyClicks types ASCII only
    qtbot.keyClicks(editor.widgets["ref"], ref)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def retype(qtbot, widget, text: str) -> None:
    widget.selectAll()
    qtbot.keyClicks(widget, text)


def refs_in(store) -> list[str]:
    return [p.ref for p in svc.load_projects(store)]


def test_a_ref_typed_another_way_is_refused_beside_the_ref_field(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    page, store = tab.register, tab.session.store
    add_in_window(page, qtbot, "Street pastors", "CSP-01")
    assert "CSP-01" in refs_in(store)
    count = len(refs_in(store))
    add_in_window(page, qtbot, "Night-time economy marshals", "csp 01")
    editor = page.presenter.editor
    assert len(refs_in(store)) == count  # nothing written
    assert "csp 01" not in refs_in(store)
    assert "CSP-01. Street pastors" in editor.errors["ref"]
    assert "give this project a ref of its own" in editor.errors["ref"]
    assert editor.is_new and page.editor.widgets["title"].text() == "Night-time economy marshals"  # kept as typed
    retype(qtbot, page.editor.widgets["ref"], "CSP-02")
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert "CSP-02" in refs_in(store) and not editor.errors


def test_a_ref_changed_to_one_in_use_is_refused_and_a_ref_kept_is_not_asked_about(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    page, store = tab.register, tab.session.store
    proxy = page.proxy
    page.view.selectRow(next(r for r in range(proxy.rowCount()) if proxy.index(r, 1).data() == "Suffolk ELEV8"))
    editor = page.editor
    retype(qtbot, editor.widgets["ref"], "01")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "1. Homeshield Plus" in page.presenter.editor.errors["ref"]
    assert "5" in refs_in(store) and "01" not in refs_in(store)
    # Two projects of one ref already in the file (merged from two districts, say): a save of another field is kept.
    elev8 = next(p for p in svc.load_projects(store) if p.title == "Suffolk ELEV8")
    with store.transaction():  # as a merge leaves it (the services refuse a second "1" since round 36)
        store.conn.execute("UPDATE projects SET ref = '1' WHERE id = ?", (elev8.id,))
    page.presenter.file_changed()
    retype(qtbot, editor.widgets["ref"], "1")
    retype(qtbot, editor.widgets["cost_note"], "Two years")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not page.presenter.editor.errors
    assert svc.get_project(store, elev8.id).cost_note == "Two years"


def test_pasted_rows_with_a_ref_in_use_or_twice_are_refused_by_row(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    preview = presenter.paste_preview([["Ref", "Title", "Cost"], ["P 01", "Domestic abuse outreach", "£1,234"],
                                       ["CSP-01", "Street pastors", "1.5k"], ["csp 1", "Marshals", ""]])
    problems = preview.problems()
    assert problems.startswith("Nothing was pasted.")
    assert "Row 1: Ref: “P 01” is the ref of P1. Plymouth Domestic Abuse contract" in problems
    assert "Row 3: Ref: “csp 1” is the ref of row 2 (CSP-01)" in problems
    preview.set_key(0, None)  # the Ref column left out: added without refs
    assert preview.problems() == ""
    assert [p.ref for p in preview.projects()] == ["", "", ""]


def options_section(store):
    return next(s for s in board_report_sections(store) if s.title == "Commissioning options")


def test_the_report_names_live_projects_and_says_those_left_out(demo_store):
    by_title = {p.title: p for p in svc.load_projects(demo_store)}
    for title, status in (("Suffolk ELEV8", "live"), ("Suffolk Strive", "withdrawn"), ("Suffolk Recre8", "completed")):
        p = by_title[title]
        svc.save_project(demo_store, svc.project_from_fields({"status": status}, base=p), loaded=p)
    section = options_section(demo_store)
    assert section.paragraphs[0].startswith("Projects proposed, shortlisted, commissioned or live,")
    assert ["5", "Suffolk ELEV8"] == section.tables[0].rows[4][:2] and section.tables[0].rows[4][-2] == "Live"
    assert ("Not listed, no longer open: 6. Suffolk Strive (withdrawn); 7. Suffolk Recre8 (completed)."
            in section.paragraphs)


def test_search_finds_a_welsh_title_by_its_letters_alone(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    page = tab.register
    add_in_window(page, qtbot, "Ŵyl Dinas Powys, \"night\" safety's own", "W1")
    for typed in ("Ŵyl", "wyl", "WYL dinas", "safety’s"):
        page.search.setText(typed)
        assert page.count.text() == "1 of 24 projects", typed
        assert page.proxy.index(0, 1).data() == "Ŵyl Dinas Powys, \"night\" safety's own"


def test_a_title_that_reads_as_a_formula_is_copied_as_text_and_pasted_back_as_typed(demo_window, qtbot):
    tab = demo_window.show_tab("projects")
    page = tab.register
    add_in_window(page, qtbot, "=HYPERLINK(\"http://example.org\",\"Bid\")", "")
    page.search.setText("HYPERLINK")
    page.view.selectRow(0)
    qtbot.mouseClick(page.copy_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert "\t\"'=HYPERLINK(\"\"http://example.org\"\",\"\"Bid\"\")\"\t" in copied  # quoted for the tab format
    preview = page.presenter.paste_preview(svc_rows(copied))
    assert [p.title for p in preview.projects()] == ["=HYPERLINK(\"http://example.org\",\"Bid\")"]


def svc_rows(text: str):
    from safer_desk.exchange.files import parse_tsv

    return parse_tsv(text)


def test_rows_without_headings_are_read_by_what_they_hold_when_their_order_is_not_the_registers(demo_store):
    presenter = ProjectsPresenter(demo_store)
    preview = presenter.paste_preview([["Street pastors", "£2,500"], ["Ŵyl Dinas Powys, \"night\" safety", "1.5k"]])
    assert preview.keys == ["title", "cost"]
    assert [(p.title, p.cost_text, p.ref) for p in preview.projects()] == [
        ("Street pastors", "£2,500", ""), ("Ŵyl Dinas Powys, \"night\" safety", "£1,500", "")]
    assert presenter.paste_preview([["Street pastors", "Proposed"]]).keys == ["title", None]  # status: chosen above it
    # In the register's order (its Copy rows without the headings), by place as before.
    in_order = presenter.paste_preview([["CSP-9", "Street pastors", "Proposed", "SSPB", "£2,500"],
                                        ["CSP-10", "Local Target 7 projects", "Proposed", "SSPB", "Minimum £50,000"],
                                        ["CSP-11", "NI 32 outreach", "Proposed", "SSPB", ""]])
    assert in_order.keys == ["ref", "title", "status", "funding_route", "cost"]
