"""The Commissioning page through its widgets: Save and Save as new (a loaded scenario is never overwritten
under another name), "changed since saved" beside the name and the window's guard, a scale of 6 queried,
and commissioning against the PCC's award (seed 003)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects_commissioning as com
from tests.clipboard import copied_with_ctrl_c

RETAINED = "Retained budget 2009/10: pilot and DV coordinators"


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("projects").show_commissioning()


def row_of(page, ref):
    return next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 1).data() == ref)


def tick(page, qtbot, ref):
    page.view.setFocus()
    page.view.setCurrentIndex(page.proxy.index(row_of(page, ref), page.model.TICK))
    qtbot.keyClick(page.view, Qt.Key.Key_Space)


def type_scale(page, qtbot, ref, text):
    qtbot.waitUntil(lambda: not any(e.isVisible() for e in page.view.viewport().findChildren(QLineEdit)),
                    timeout=3000)
    index = page.proxy.index(row_of(page, ref), page.model.SCALE)
    page.view.setCurrentIndex(index)
    page.view.edit(index)
    editor = next(e for e in page.view.viewport().findChildren(QLineEdit) if e.isVisible() and e.hasFocus())
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)


def test_save_under_a_new_name_keeps_the_loaded_scenario(demo_window, page, qtbot):
    store = page.session.store
    original = next(s for s in com.list_scenarios(store) if s.name == RETAINED)
    assert page.status.text() == "✓ as saved" and not demo_window.isWindowModified()
    tick(page, qtbot, "7")  # Recre8
    assert page.status.text() == "⚠ changed since saved" and demo_window.isWindowModified()
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Retained budget with Recre8")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert com.get_scenario(store, original.id) == original  # not overwritten under the new name
    saved = {s.name for s in com.list_scenarios(store)}
    assert {RETAINED, "Retained budget with Recre8"} <= saved
    assert page.status.text() == "✓ as saved" and not demo_window.isWindowModified()
    assert page.scenarios.currentText() == "Retained budget with Recre8"
    assert demo_window.session.undo_stack.undoText() == "Save new scenario “Retained budget with Recre8”"


def test_save_keeps_the_name_and_save_as_new_adds_a_copy(page, qtbot, prompts):
    store = page.session.store
    count = len(com.list_scenarios(store))
    type_scale(page, qtbot, "10", "1/2")
    qtbot.waitUntil(lambda: page.status.text() == "⚠ changed since saved", timeout=3000)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert len(com.list_scenarios(store)) == count
    again = next(s for s in com.list_scenarios(store) if s.name == RETAINED)
    assert "1/2" in {i.scale.describe() for i in again.items}
    prompts.texts.append(RETAINED)  # Save as new… asks the name: the same name, refused, said so
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and "already a scenario" in prompts.errors[-1][1]
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Half the pilot")
    prompts.texts.append("Half the pilot")
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    assert len(com.list_scenarios(store)) == count + 1


def test_leaving_the_tab_with_an_unsaved_set_asks(demo_window, page, qtbot, prompts):
    tick(page, qtbot, "7")
    prompts.unsaved_answers[:] = [UnsavedChoice.CANCEL]
    demo_window.tabs.setCurrentIndex(1)
    assert demo_window.current_tab_key() == "projects"
    assert RETAINED in prompts.unsaved_questions[-1][1]
    prompts.unsaved_answers[:] = [UnsavedChoice.DISCARD]
    demo_window.tabs.setCurrentIndex(1)
    assert demo_window.current_tab_key() == "allocation"
    assert page.status.text() == "✓ as saved"


def test_a_scale_of_6_is_queried_beside_the_table(page, qtbot):
    assert "committed £65,000" in page.summary.text()
    type_scale(page, qtbot, "4", "6")
    qtbot.waitUntil(lambda: "six times the project's cost" in page.message.text(), timeout=3000)
    assert "6 of 12 months" in page.message.text()
    assert "committed £65,000" in page.summary.text()  # nothing committed six times over
    # Asked about, the editor stays open on "6" (session 54): put right in place.
    editor = page.view.indexWidget(page.proxy.index(row_of(page, "4"), page.model.SCALE))
    assert editor.text() == "6" and editor.hasFocus()
    editor.selectAll()
    qtbot.keyClicks(editor, "6 of 12 months")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: page.proxy.index(row_of(page, "4"), page.model.SCALE).data() == "6 of 12 months",
                    timeout=3000)


def test_commissioning_against_the_pcc_award_through_the_page(page, qtbot):
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    index = next(i for i in range(page.award.count()) if "PCC grant to Safer Plymouth" in page.award.itemText(i))
    page.award.setCurrentIndex(index)
    page.award.activated.emit(index)
    assert page.fund.text() == "£400,568"
    for r in range(page.proxy.rowCount()):
        if (page.proxy.index(r, 1).data() or "").startswith("P"):
            page.view.setCurrentIndex(page.proxy.index(r, page.model.TICK))
            page.view.setFocus()
            qtbot.keyClick(page.view, Qt.Key.Key_Space)
    assert "committed £233,500 of OPCC's money; remaining £167,068" in page.summary.text()
    assert page.status.text() == "⚠ not saved"
    # each row's Committed is what the summary adds up: OPCC's share, not the whole contract
    committed = page.model.columnCount() - 1
    assert page.model.headerData(committed, Qt.Orientation.Horizontal) == "Committed"
    shown = {page.proxy.index(r, 1).data(): page.proxy.index(r, committed).data() for r in range(page.proxy.rowCount())
             if (page.proxy.index(r, 1).data() or "").startswith("P")}
    assert (shown["P1"], shown["P2"], shown["P3"], shown["P4"]) == ("£110,000", "£25,000", "£98,500", "£0")
    type_scale(page, qtbot, "P1", "1/2")
    qtbot.waitUntil(lambda: page.proxy.index(row_of(page, "P1"), committed).data() == "£55,000", timeout=3000)
    assert "committed £178,500 of OPCC's money" in page.summary.text()


@pytest.mark.parametrize("size", [(1093, 582), (1280, 690)], ids=["1366x768@125%", "1920x1080@150%"])
def test_commissioning_key_columns_and_rows_at_laptop_sizes(demo_window, size):
    from tests.window_sizes import columns_out_of_view, resize_window, rows_in_view, widget_in_window

    page = demo_window.show_tab("projects").show_commissioning()
    resize_window(demo_window, size)
    assert columns_out_of_view(page.view, ["Fund?", "Ref", "Project / initiative", "Cost", "Scale"]) == []
    assert rows_in_view(page.view) >= 5
    for widget in (page.save_button, page.save_new_button, page.status, page.summary):
        assert widget_in_window(widget, demo_window)


def test_the_scenario_pdf_copies_without_ligatures(page, tmp_path):
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = page.write_pdf(page.result(), tmp_path / "scenario.pdf")
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Suffolk" in text or "Supported" in text
    assert not any(ch in text for ch in "\ufb00\ufb01\ufb02\ufb03\ufb04")


def test_cost_copies_for_excel_as_the_register_copies_it(demo_window, page, qtbot):
    # "Projects to commission" copied Cost as "£125,000" and "Minimum £50,000" beside a Committed of 30000, while the
    # register copies 125000: a single amount is a plain number, a range or a minimum plain words around numbers.
    rows = copied_with_ctrl_c(qtbot, page.view)
    ref, cost, committed = (rows[0].index(h) for h in ("Ref", "Cost", "Committed"))
    commissioning = {r[ref]: r[cost] for r in rows[1:]}
    assert (commissioning["1"], commissioning["3"], commissioning["13"]) == ("125000", "Minimum 50000",
                                                                             "54372 - 62372")
    assert {r[ref]: r[committed] for r in rows[1:] if r[committed]} == {"4": "30000", "10": "35000"}
    register = demo_window.show_tab("projects").register
    rows = copied_with_ctrl_c(qtbot, register.view)
    ref, cost = rows[0].index("Ref"), rows[0].index("Cost")
    assert {r[ref]: r[cost] for r in rows[1:] if r[ref] in commissioning} == commissioning


def test_compare_copies_plain_numbers_and_a_blank_where_a_scenario_commits_nothing(page, qtbot, prompts):
    tick(page, qtbot, "7")  # Recre8, £26,000
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Retained budget with Recre8")
    prompts.texts.append("Retained budget with Recre8")  # Save as new… asks the name
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    page.compare_a.setCurrentIndex(page.compare_a.findText(RETAINED))
    page.compare_b.setCurrentIndex(page.compare_b.findText("Retained budget with Recre8"))
    qtbot.mouseClick(page.compare_button, Qt.MouseButton.LeftButton)
    assert page.comparison.index(0, 1).data() in ("£30,000", "—")  # shown as it was
    rows = copied_with_ctrl_c(qtbot, page.comparison_view)
    # Copied under "A", "B" and "B − A": pasted into Excel, which scenario was which was lost. Copied under their
    # names now, as the two lists show them; on screen still "A" and "B", beside the lists naming them.
    assert rows[0] == ["Project", RETAINED, "Retained budget with Recre8", "Difference"]
    assert [page.comparison.headerData(i, Qt.Orientation.Horizontal) for i in range(1, 4)] == ["A", "B", "B − A"]
    by_title = {r[0]: r[1:] for r in rows[1:]}
    assert by_title["Local Domestic Violence Coordinators"] == ["30000", "30000", "0"]
    assert by_title["Suffolk Recre8"] == ["", "26000", "26000"]  # shown "—" under A: not ticked
    assert by_title["Total committed"] == ["65000", "91000", "26000"]


def new_unnamed_set(page, qtbot):
    """A new working set with a fund and one project ticked, not yet named."""
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    page.fund.setFocus()
    page.fund.selectAll()
    qtbot.keyClicks(page.fund, "£50,000")
    tick(page, qtbot, "7")
    assert page.status.text() == "⚠ not saved" and page.name.text() == ""


def test_file_save_saves_the_commissioning_set_from_the_register_page_or_says_why_not(demo_window, page, qtbot,
                                                                                      prompts):
    # Ctrl+S on the Register page said "Saved." and saved only the register: the set stayed unsaved (the * stayed).
    store, tab = page.session.store, demo_window.tab_widgets["projects"]
    count = len(com.list_scenarios(store))
    new_unnamed_set(page, qtbot)
    tab.pages.setCurrentWidget(tab.register)
    assert not demo_window.save_current()
    assert prompts.errors == [("Save scenario", "Give the scenario a name.")]
    assert tab.pages.currentWidget() is tab._commissioning_holder  # the set, and why it was not saved, in view
    assert demo_window.isWindowModified() and demo_window.statusBar().currentMessage() != "Saved."
    page.name.setFocus()
    qtbot.keyClicks(page.name, "Recre8 at £50,000")
    tab.pages.setCurrentWidget(tab.register)
    assert demo_window.save_current()
    assert len(com.list_scenarios(store)) == count + 1 and page.status.text() == "✓ as saved"
    assert not demo_window.isWindowModified()


def test_answering_save_for_an_unnamed_set_says_why_not_and_keeps_the_window(demo_window, page, qtbot, prompts,
                                                                              tmp_path):
    # Closing the window (or File > Open) and answering Save did nothing and said nothing: the reason was written on
    # the Commissioning page, not in view; an officer who then chose Discard lost the set.
    from safer_desk.storage.store import open_store

    tab = demo_window.tab_widgets["projects"]
    new_unnamed_set(page, qtbot)
    tab.pages.setCurrentWidget(tab.register)
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    assert demo_window.close() is False and demo_window.isVisible()
    assert prompts.unsaved_questions[-1][1] == "The commissioning set (no name) is not saved as a scenario."
    assert prompts.errors == [("Save scenario", "Give the scenario a name.")]
    assert tab.pages.currentWidget() is tab._commissioning_holder and page.status.text() == "⚠ not saved"
    other = tmp_path / "other.sqlite"
    open_store(other, create=True).close()
    tab.pages.setCurrentWidget(tab.register)
    prompts.unsaved_answers[:] = [UnsavedChoice.SAVE]
    prompts.file_names[:] = [str(other)]
    demo_window.choose_and_open()
    assert demo_window.session.store is page.session.store and page.session.store.path.name == "example.sqlite"
    assert len(prompts.errors) == 2 and tab.pages.currentWidget() is tab._commissioning_holder


def test_the_committed_by_year_table_copies_every_selected_cell_for_excel(demo_window, page, qtbot):
    # Ctrl+C with the whole table selected copied one cell ("£65,000"); Edit > Copy copied the projects table.
    from PySide6.QtGui import QGuiApplication

    from PySide6.QtWidgets import QApplication

    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is demo_window)  # Edit > Copy asks the widget in focus
    years = page.years
    assert [years.verticalHeaderItem(r).text() for r in range(years.rowCount())] == ["2009/10", "Total"]
    expected = "Financial year\tCommitted\n2009/10\t65000\nTotal\t65000\n"
    years.setFocus()
    years.selectAll()
    QGuiApplication.clipboard().setText("(before)")
    qtbot.keyClick(years, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == expected
    QGuiApplication.clipboard().setText("(before)")
    demo_window.copy_action.trigger()
    assert QGuiApplication.clipboard().text() == expected
