"""The Projects tab, round 28: found commissioning and pasting as the board officers do, on the example data."""

from PySide6.QtCore import Qt

from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com

LEADERS = "Suffolk Public Sector Leaders"


def county_lines(store):
    return next(a for a in funders.list_awards(store) if a.name.startswith("County Lines"))


def test_a_total_over_years_splits_what_it_commits_by_the_years_of_the_shares(demo_store):
    """County Lines (£500,000 for 2018/19 to 2019/20, not split by year): a project starting in April 2018 with the
    Leaders' £10,000 for 2018/19 and £30,000 for 2019/20, and one with £20,000 for 2019/20. Committed by financial
    year said 2018/19 £60,000 (the projects' start year) and nothing for 2019/20, where £50,000 of it is."""
    outreach = svc.project_from_fields({
        "title": "Ipswich county lines outreach", "cost": "£50,000", "start_date": "01/04/2018",
        "funding_sources": f"{LEADERS} (2018/19): £10,000\n{LEADERS} (2019/20): £30,000"})
    mentoring = svc.project_from_fields({"title": "Gangs mentoring", "cost": "£40,000", "start_date": "01/04/2018",
                                         "funding_sources": f"{LEADERS} (2019/20): £20,000"})
    svc.add_projects(demo_store, [outreach, mentoring])
    result = com.evaluate(svc.load_projects(demo_store), 0,
                          [com.ScenarioItem(outreach.id), com.ScenarioItem(mentoring.id)],
                          award=county_lines(demo_store), awards=funders.list_awards(demo_store))
    assert result.committed_pence == 6_000_000
    assert result.commitment.by_year == {"2018/19": 1_000_000, "2019/20": 5_000_000}
    rows = {r.project.title: dict(r.by_year) for r in result.rows}
    assert rows["Ipswich county lines outreach"] == {"2018/19": 1_000_000, "2019/20": 3_000_000}
    assert rows["Gangs mentoring"] == {"2019/20": 2_000_000}
    half = com.evaluate(svc.load_projects(demo_store), 0, [com.ScenarioItem(outreach.id, com.Scale(1, 2))],
                        award=county_lines(demo_store))
    assert half.commitment.by_year == {"2018/19": 500_000, "2019/20": 1_500_000}  # scaled, still adds up


def excel_copy_of_sheet(path, sheet):
    """What Excel puts on the clipboard for Ctrl+A, Ctrl+C on a sheet: every row of the used range, tab-separated,
    cells as formatted (a date 01/04/2009, money £125,000.00), a cell of several lines quoted."""
    import datetime

    import openpyxl

    def shown(cell) -> str:
        v = cell.value
        if v is None:
            return ""
        if isinstance(v, datetime.datetime):
            return v.strftime("%d/%m/%Y")
        if isinstance(v, (int, float)) and "£" in cell.number_format:
            return f"£{v:,.2f}"
        text = str(v)
        return '"' + text.replace('"', '""') + '"' if "\n" in text or '"' in text else text

    ws = openpyxl.load_workbook(path)[sheet]
    return "".join("\t".join(shown(c) for c in row) + "\r\n" for row in ws.iter_rows())


def test_the_registers_own_workbook_copied_whole_pastes_back_under_its_title(demo_window, tmp_path, qtbot):
    """The export's workbook has its title above the headings ("Project register — Example office"): Ctrl+A, Ctrl+C
    there and Paste rows asked whether the title was a row of headings, then read the headings as a project and
    refused every row ("“Status date” is not a date", "“P1” is not an amount of money")."""
    from tests.projects.test_paste_round25 import pasted

    page = demo_window.show_tab("projects").register
    target = tmp_path / "register.xlsx"
    svc.export_register(demo_window.session.store, target)
    dialog = pasted(page, qtbot, excel_copy_of_sheet(target, "Projects"))
    assert not dialog.question.isVisibleTo(dialog)  # the headings are known: nothing to ask
    assert [c.currentText() for c in dialog.mapping][:3] == ["Ref", "Title", "Description"]
    # Round 35 (reg): pasted into the file they came from, their refs are the register's own: refused by row until the
    # Ref column is left out (two projects "5. Suffolk ELEV8" made the board paper ambiguous).
    assert "Row 5: Ref: “5” is the ref of 5. Suffolk ELEV8, already in the register" in dialog.problems.text()
    assert not dialog.add_button.isEnabled()
    dialog.mapping[0].setCurrentIndex(dialog.mapping[0].findData(""))
    assert dialog.add_button.text() == "&Add 23 projects" and dialog.add_button.isEnabled()
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    titles = [p.title for p in page.model.rows]
    assert len(titles) == 46 and titles.count("Suffolk ELEV8") == 2
    assert not any(t.startswith("Project register") or t == "Title" for t in titles)
    twins = [p for p in page.model.rows if p.title == "Sexual Exploitation of Adults / Children in Off-street Premises"]
    assert {p.cost_text for p in twins} == {"£54,372 - £62,372"}


def test_a_list_of_titles_with_one_called_project_is_not_cut_at_it():
    reading = svc.read_paste([["Nightsafe"], ["Project"], ["Street pastors"]])
    assert [r[0] for r in reading.data_rows] == ["Nightsafe", "Project", "Street pastors"]
    under = svc.read_paste([["Safer Suffolk: bids 2009/10"], ["Project", "Cost"], ["Nightsafe", "£4,000"]])
    assert under.heading_row is True and under.data_rows == [("Nightsafe", "£4,000")]


def choose_scenario(page, name):
    page.scenarios.setCurrentIndex(page.scenarios.findText(name))
    page.scenarios.activated.emit(page.scenarios.currentIndex())
    assert page.presenter.loaded.name == name


def test_undo_of_another_scenarios_save_leaves_the_scenario_in_view_as_it_is(demo_window, qtbot, prompts):
    """Recre8 ticked into the retained budget's scenario and saved, then the copy chosen to look at, then Edit >
    Undo (of the save): the page took the retained budget for the scenario in view while showing the copy's ticks and
    name ("⚠ changed since saved", the retained budget in the list), so Save refused the copy's own name as taken and
    choosing the copy asked about changes never made."""
    from tests.projects.test_commissioning_page import RETAINED, tick

    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Copy of the retained budget")
    prompts.texts.append("Copy of the retained budget")  # Save as new… asks the name
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    choose_scenario(page, RETAINED)
    tick(page, qtbot, "7")  # Recre8
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    choose_scenario(page, "Copy of the retained budget")
    summary = page.summary.text()
    stack = demo_window.session.undo_stack
    assert stack.undoText() == f"Save scenario “{RETAINED}”"
    stack.undo()
    store = demo_window.session.store
    recre8 = next(p.id for p in svc.load_projects(store) if p.ref == "7")
    retained = next(s for s in com.list_scenarios(store) if s.name == RETAINED)
    assert recre8 not in {i.project_id for i in retained.items}  # the save is undone in the file
    assert page.presenter.loaded.name == "Copy of the retained budget"
    assert page.scenarios.currentText() == "Copy of the retained budget" and page.status.text() == "✓ as saved"
    assert page.summary.text() == summary and not demo_window.isWindowModified()
    stack.redo()
    assert page.presenter.loaded.name == "Copy of the retained budget" and page.status.text() == "✓ as saved"
    choose_scenario(page, RETAINED)  # the redo is in the file
    assert "committed £91,000" in page.summary.text() and not prompts.unsaved_questions


def test_undo_of_a_delete_leaves_the_scenario_in_view_as_it_is(demo_window, qtbot, prompts):
    from tests.projects.test_commissioning_page import RETAINED

    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    page.name.selectAll()
    qtbot.keyClicks(page.name, "Copy of the retained budget")
    prompts.texts.append("Copy of the retained budget")  # Save as new… asks the name
    qtbot.mouseClick(page.save_new_button, Qt.MouseButton.LeftButton)
    choose_scenario(page, RETAINED)
    prompts.answers.append(True)
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert RETAINED not in {s.name for s in com.list_scenarios(page.session.store)}
    prompts.unsaved_answers.append("discard")
    choose_scenario(page, "Copy of the retained budget")
    stack = demo_window.session.undo_stack
    stack.undo()
    assert RETAINED in {s.name for s in com.list_scenarios(page.session.store)}
    assert page.presenter.loaded.name == "Copy of the retained budget" and page.status.text() == "✓ as saved"
    stack.redo()  # the retained budget deleted again: the copy in view is still saved
    assert page.presenter.loaded.name == "Copy of the retained budget" and page.status.text() == "✓ as saved"


def test_a_share_of_a_range_is_read_back_against_both_ends(demo_window):
    """The Sexual Exploitation project costs £54,372 - £62,372: a £60,000 share was read back as "of £62,372
    (96.2%)" with "Other funders: £2,372", as if the cost were its upper end, and nothing said that at its lower end
    the share is more than the whole cost."""
    page = demo_window.show_tab("projects").register
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).cost_text
                             == "£54,372 - £62,372"))
    sources = page.editor.widgets["funding_sources"]
    sources.setPlainText("OPCC (2009/10): £42,000")
    assert page.editor.funders.text() == ("OPCC (2009/10): £42,000 of £54,372 - £62,372 (77.2% of the lower end, "
                                          "67.3% of the upper)\nOther funders for 2009/10: £12,372 - £20,372.")
    sources.setPlainText("OPCC (2009/10): £60,000")
    assert page.editor.funders.text() == (
        "OPCC (2009/10): £60,000 of £54,372 - £62,372 (110.4% of the lower end, 96.2% of the upper)\n"
        "⚠ The shares for 2009/10 add up to £60,000, more than the lower end of the cost (£54,372): other funders "
        "pay up to £2,372.")


def test_saving_other_fields_of_a_project_whose_status_has_no_date_leaves_it_undated():
    """The first form save of an undated project (pasted, or merged so) stamped today on its status though the status
    was not changed: two offices that changed only its cost were in conflict over two dates nobody chose ("only in it
    “status proposed on …”"). A new project is still dated, and so is a status changed."""
    from dataclasses import replace
    from datetime import date

    undated = svc.project_from_fields({"title": "Youth work", "cost": "£5,000"}, today=date(2025, 4, 1))
    undated = replace(undated, status_history=())
    saved = svc.project_from_fields({"cost": "£30,000"}, base=undated, today=date(2025, 6, 1))
    assert saved.cost_text == "£30,000" and saved.status_history == ()
    changed = svc.project_from_fields({"status": "live"}, base=undated, today=date(2025, 6, 1))
    assert [(c.status, c.changed_on) for c in changed.status_history] == [("live", "2025-06-01")]
    new = svc.project_from_fields({"title": "New work"}, today=date(2025, 6, 1))
    assert [(c.status, c.changed_on) for c in new.status_history] == [("proposed", "2025-06-01")]
