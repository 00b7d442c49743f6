"""The Projects presenter without a window: the nine behaviours where they apply to the register."""

from datetime import date

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.presenters.screens import UnsavedChoice
from safer_desk.services import projects as svc


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    p = ProjectsPresenter(demo_store, perform=log, today=lambda: date(2026, 4, 1))
    p.reload()
    return p


def count(store):
    return store.scalar("SELECT count(*) FROM projects")


def by_title(p, start):
    return next(r for r in p.rows if r.title.startswith(start))


def test_a_new_project_is_shown_and_written_only_when_saved(presenter, demo_store, log):
    before = count(demo_store)
    presenter.add_project()
    assert presenter.editor.is_new and presenter.editor.title == "New project"
    assert presenter.has_unsaved_changes() and "is new" in presenter.describe_unsaved()
    assert count(demo_store) == before  # nothing written on Add
    presenter.editor.set_value("title", "Nightsafe")
    assert presenter.save()
    assert count(demo_store) == before + 1
    assert presenter.selected_project.title == "Nightsafe" and not presenter.has_unsaved_changes()
    assert log.undo_text == "Undo add project Nightsafe"
    log.undo()
    assert count(demo_store) == before


def test_discarding_a_new_project_writes_nothing(presenter, demo_store):
    before = count(demo_store)
    presenter.add_project()
    presenter.editor.set_value("title", "Never saved")
    assert presenter.may_leave(lambda text: UnsavedChoice.DISCARD)
    assert count(demo_store) == before


def test_leaving_an_edited_record_asks_and_cancel_keeps_the_edit(presenter):
    p = by_title(presenter, "Homeshield")
    presenter.select(p.id)
    presenter.editor.set_value("title", "Homeshield Plus (renamed)")
    asked = []
    assert not presenter.may_leave(lambda text: asked.append(text) or UnsavedChoice.CANCEL)
    assert asked == ["Project Homeshield Plus has unsaved changes to Title."]
    assert presenter.editor.value("title") == "Homeshield Plus (renamed)"
    assert presenter.may_leave(lambda text: UnsavedChoice.SAVE)
    assert svc.get_project(presenter.store, p.id).title == "Homeshield Plus (renamed)"


def test_errors_sit_beside_their_fields_and_nothing_is_saved(presenter, log):
    presenter.select(by_title(presenter, "Homeshield").id)
    presenter.editor.set_value("cost", "£3.250")
    presenter.editor.set_value("start_date", "31/02/2026")
    assert not presenter.save()
    assert "£3,250" in presenter.editor.message("cost")
    assert "not a date" in presenter.editor.message("start_date")
    assert presenter.editor.message("title") == ""
    assert log.done == []


def test_a_date_far_from_the_year_in_view_is_queried_then_kept(presenter, log):
    p = by_title(presenter, "Homeshield")
    presenter.select(p.id)
    presenter.editor.set_value("end_date", "")  # the paper's year (2009/10) would end before it starts
    presenter.editor.set_value("start_date", "01/04/2106")
    assert not presenter.save()  # asked first
    assert "more than 10 years" in presenter.editor.message("start_date")
    assert presenter.save()  # Save again keeps it
    assert svc.get_project(presenter.store, p.id).start_date == "2106-04-01"
    presenter.editor.set_value("start_date", "01/04/2206")  # past the years a date can be in: refused outright
    assert not presenter.save() and not presenter.save()
    assert "the years 1900 to 2200" in presenter.editor.message("start_date")


def test_undo_names_the_action_and_its_tab(presenter, log):
    p = by_title(presenter, "Suffolk ELEV8")
    presenter.select(p.id)
    presenter.editor.set_value("cost_note", "checked")
    assert presenter.save()
    assert log.undo_text == "Undo change cost note of Suffolk ELEV8" and log.done[-1].tab == "projects"
    log.undo()
    assert svc.get_project(presenter.store, p.id).cost_note == ""
    assert presenter.editor.value("cost_note") == ""  # the editor shows the file again


def test_delete_and_paste_are_named_actions(presenter, demo_store, log):
    p = by_title(presenter, "Homeshield")
    presenter.delete([p.id])
    assert log.undo_text == "Undo delete project Homeshield Plus" and presenter.project(p.id) is None
    log.undo()
    assert presenter.project(p.id) is not None
    preview = presenter.paste_preview([["Title", "Cost"], ["Nightsafe", "£4,000"]])
    presenter.add_pasted(preview.projects())
    assert log.undo_text == "Undo paste project Nightsafe"  # named (session 72)


def test_an_unrecognised_heading_row_is_asked_about_never_stored(presenter):
    preview = presenter.paste_preview([["Scheme", "Money", "Who"], ["Nightsafe", "£4,000", "SSPB"],
                                       ["Street pastors", "£2,500", "SSPB"]])
    assert preview.needs_heading_answer and preview.reading.unknown_headings == ("Scheme", "Money", "Who")
    with pytest.raises(svc.ProjectError):
        preview.projects()
    preview.set_heading_row(True)
    for column, key in enumerate(("title", "cost", "funding_route")):
        preview.set_key(column, key)
    titles = [p.title for p in preview.projects()]
    assert titles == ["Nightsafe", "Street pastors"]  # the heading row is not a project
    preview.set_key(1, "title")  # a field moves to the column chosen last
    assert preview.keys[:2] == [None, "title"]


def test_filters_and_export(presenter, tmp_path):
    keep = presenter.filter_predicate(criterion="all")
    assert [p.ref for p in presenter.rows if keep(p)] == ["2", "6", "7", "10"]
    assert presenter.filter_predicate() is None
    out = presenter.export(tmp_path / "r.tsv")
    # UTF-8 with a byte-order mark, as the CSV: without it Excel reads a tab-separated file's £ as "Â£".
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("\ufeffRef\tTitle")


def test_opening_and_selecting_writes_nothing(demo_store):
    version = demo_store.scalar("PRAGMA data_version")
    changes = demo_store.conn.total_changes
    p = ProjectsPresenter(demo_store)
    p.reload()
    for row in p.rows:
        p.select(row.id)
    p.add_project()
    p.editor.discard()
    assert demo_store.conn.total_changes == changes and demo_store.scalar("PRAGMA data_version") == version


def test_problems_found_across_fields_sit_beside_the_field_to_change(presenter, log):
    strive = by_title(presenter, "Suffolk Strive")  # £29,000, 01/04/2009 to 31/03/2010
    presenter.select(strive.id)
    e = presenter.editor
    e.set_value("end_date", "31/3/2008")
    assert not presenter.save()
    assert e.message("end_date") == "The project ends before it starts." and log.done == []
    e.set_value("end_date", e.saved_values["end_date"])  # as the file has it (a date typed now is queried)
    e.set_value("capital", "£1,000")
    e.set_value("revenue", "£20,000")  # with the capital, not the £29,000 cost
    assert not presenter.save()
    assert e.message("revenue") == "£1,000 + £20,000 = £21,000, not the cost of £29,000."
    assert e.form_message == "Not saved: correct the field marked."
    e.set_value("revenue", "£28,000")
    assert presenter.save() and log.undo_text == "Undo change capital and revenue of Suffolk Strive"


def test_cost_lines_typed_in_the_editor_are_checked_line_by_line(presenter, demo_store, log):
    elev8 = by_title(presenter, "Suffolk ELEV8")
    presenter.select(elev8.id)
    e = presenter.editor
    lines = list(e.value("cost_lines"))
    e.set_cost_lines(lines + [("2010/11", "Venue", "hire", "")])  # a line without an amount
    assert e.is_dirty and not presenter.save()
    assert e.cost_line_messages() == {len(lines): "give an amount."}
    e.set_cost_lines(lines + [("2010/11", "Venue", "hire", "£1,000")])
    assert presenter.save()
    saved = svc.get_project(demo_store, elev8.id)
    assert len(saved.cost_lines) == len(lines) + 1 and saved.cost_lines[-1].amount.text == "£1,000"


def test_the_selection_follows_the_rows_when_they_change(presenter, demo_store):
    gone, kept = by_title(presenter, "Homeshield"), by_title(presenter, "Suffolk ELEV8")
    presenter.select(kept.id)
    seen = []
    presenter.selection_changed.connect(seen.append)
    svc.save_project(demo_store, svc.get_project(demo_store, kept.id).__class__(
        **{**vars(svc.get_project(demo_store, kept.id)), "cost_note": "agreed"}))
    presenter.refresh([kept.id])  # the selected project re-read: the editor shows the file's version
    assert seen == [kept.id] and presenter.editor.value("cost_note") == "agreed"
    presenter.select(gone.id)
    svc.delete_projects(demo_store, [gone.id])  # removed elsewhere (another window, the command line)
    presenter.reload()
    assert presenter.selected is None and seen[-1] is None and not presenter.editor.enabled
    presenter.select(kept.id)
    presenter.refresh([gone.id])  # a refresh of other rows leaves the selection alone
    assert presenter.selected == kept.id


def test_a_read_only_file_offers_no_changes(demo_store, log):
    p = ProjectsPresenter(demo_store, perform=log, read_only=True)
    p.reload()
    first = p.rows[0]
    p.select(first.id)
    assert p.editor.read_only and not p.editor.save()
    p.add_project()
    p.delete([first.id])
    p.add_pasted(p.paste_preview([["Title"], ["Nightsafe"]]).projects())
    p.accept_suggestion(0)
    assert log.done == [] and p.selected == first.id


def test_describing_and_filtering_several_projects(presenter):
    ids = [r.id for r in presenter.rows[:4]]
    assert presenter.describe_many(ids) == "4 projects"  # up to three named (session 72)
    assert presenter.describe_many([ids[0]]) == f"project {presenter.rows[0].title}"
    ssp = presenter.filter_predicate(route="SSPB", area="Ipswich")
    assert {p.funding_route for p in presenter.rows if ssp(p)} == {"SSPB"}
    # Ipswich's own, and the county-wide Suffolk projects that cover it too (session 64)
    assert all({"Ipswich", "Countywide"} & set(p.areas) for p in presenter.rows if ssp(p))
    live = presenter.filter_predicate(status="live")
    assert [p for p in presenter.rows if live(p)] == []
    four = presenter.filter_predicate(criterion="4")
    assert all(p.criteria_met >= 4 for p in presenter.rows if four(p))
    laa = presenter.filter_predicate(criterion="laa_outcome", text="suffolk")
    assert all(p.criterion("laa_outcome").met and "suffolk" in p.search_text for p in presenter.rows if laa(p))


def test_pasted_rows_without_headings_and_dates_far_off_are_asked_about(presenter):
    preview = presenter.paste_preview([["Nightsafe", "£4,000", "1/4/2106"], ["Street pastors", "£2,500", "1/5/26"]])
    assert not preview.needs_heading_answer  # an amount and a date: a row of data, not headings
    assert [preview.column_heading(c) for c in range(3)] == ["Column 1", "Column 2", "Column 3"]
    preview.heading_row = None
    assert preview.problems().startswith("Say whether the first row is headings")
    preview.set_heading_row(False)
    for column, key in enumerate(("title", "cost", "start_date")):
        preview.set_key(column, key)
    assert preview.problems() == ""
    assert preview.slips() == ["Row 1: 01/04/2106 is more than 10 years from the year in view (2026): "
                               "is the year right?"]
    preview.set_key(2, None)  # the column left out
    assert preview.slips() == [] and preview.keys == ["title", "cost", None]
    assert [p.title for p in preview.projects()] == ["Nightsafe", "Street pastors"]


def test_the_delete_question_names_the_scenarios_and_budget_lines_that_count_a_project(presenter, demo_store):
    from safer_desk.services import budgets

    coordinators = by_title(presenter, "Local Domestic Violence")
    alcohol = by_title(presenter, "PPO alcohol")
    line = demo_store.scalar("SELECT id FROM budget_lines ORDER BY id LIMIT 1")
    label = demo_store.scalar("SELECT label FROM budget_lines WHERE id = ?", (line,))
    budgets.link_line(demo_store, line, project=alcohol.id)
    assert svc.what_counts(demo_store, [alcohol.id]) == [f"linked to the budget line “{label}” of "
                                                          f"“{budgets_plan_of(demo_store, line)}”"]
    question = presenter.delete_question([coordinators.id, alcohol.id])
    assert question.startswith("Delete 2 projects (Local Domestic Violence Coordinators and PPO alcohol worker) "
                               "from the register? They are ticked in the saved scenario "
                               "“Retained budget 2009/10: pilot and DV coordinators” and linked to the budget line")
    assert question.endswith("which will no longer count them. (Edit > Undo puts them back.)")
    assert presenter.delete_question([by_title(presenter, "Suffolk Strive").id]) == (
        "Delete project Suffolk Strive from the register? (Edit > Undo puts it back.)")


def budgets_plan_of(store, line_id):
    return store.scalar("SELECT b.name FROM budget_lines l JOIN budget_sections c ON c.id = l.section_id "
                        "JOIN budget_plans b ON b.id = c.plan_id WHERE l.id = ?", (line_id,))


def test_save_with_nothing_changed_writes_nothing_and_adds_no_undo_step(presenter, demo_store, log):
    """Ctrl+S on a project as it is wrote it again: a new 'updated' time, an entry in the audit trail and the
    History of Changes, a changed row for the county, and an Edit > Undo step that undid nothing."""
    for project in presenter.rows[::4]:  # projects with ranges, shares, officers, criteria and none
        presenter.select(project.id)
        before = svc.snapshot(demo_store, project.id)
        changes = demo_store.conn.total_changes
        assert presenter.editor.save(), project.title
        assert svc.snapshot(demo_store, project.id) == before, project.title
        assert demo_store.conn.total_changes == changes and not log.done, project.title
        assert not presenter.editor.is_dirty
    presenter.select(presenter.rows[0].id)
    presenter.editor.set_value("notes", "Checked at the March board.")
    assert presenter.editor.save() and len(log.done) == 1  # a real change is still saved, and undoable


def test_a_new_status_without_its_own_date_is_dated_today_not_with_the_old_status_date(demo_store, log):
    """Shortlisted on 10/05/2024, then changed to Commissioned on 01/09/2024 without touching "since": the
    history read "commissioned 2024-05-10", the old status's date. The "since" field is emptied when the status
    changes (its placeholder says "today if blank") and put back if the status is changed back."""
    today = [date(2024, 5, 10)]
    p = ProjectsPresenter(demo_store, perform=log, today=lambda: today[0])
    p.reload()
    project = by_title(p, "Homeshield")
    p.select(project.id)
    p.editor.set_value("status", "shortlisted")
    assert p.editor.value("status_date") == ""
    assert p.save()
    assert p.editor.value("status_date") == "10/05/2024"
    today[0] = date(2024, 9, 1)
    p.editor.set_value("status", "commissioned")
    assert p.editor.value("status_date") == ""
    p.editor.set_value("status", "shortlisted")  # changed back: its own date again
    assert p.editor.value("status_date") == "10/05/2024" and not p.editor.is_dirty
    p.editor.set_value("status", "commissioned")
    assert p.save()
    history = svc.get_project(demo_store, project.id).status_history
    assert [(h.status, h.changed_on) for h in history[-2:]] == [("shortlisted", "2024-05-10"),
                                                               ("commissioned", "2024-09-01")]
    p.editor.set_value("status", "live")
    p.editor.set_value("status_date", "15/09/2024")  # a date typed is kept
    assert p.save()
    assert svc.get_project(demo_store, project.id).status_history[-1].changed_on == "2024-09-15"


def test_a_column_under_a_heading_no_field_takes_is_said_to_be_left_out(presenter):
    preview = presenter.paste_preview([["Title", "Cost", "Start date", "Budget holder"],
                                       ["Nightsafe", "£4,000", "01/04/2009", "J Smith"]])
    assert preview.keys[2] == "start_date"  # the editor's own words for the field
    assert preview.left_out() == ("Left out: “Budget holder” (a heading the register does not know); choose a "
                                  "field above a column to add it.")
    preview.set_key(3, "notes")
    assert preview.left_out() == ""


def test_the_editor_gives_the_date_of_each_status_change(demo_store, log):
    """The guide's *History* line: every status the project has had, each with its date, under Status."""
    today = [date(2024, 6, 1)]
    p = ProjectsPresenter(demo_store, perform=log, today=lambda: today[0])
    p.reload()
    project = by_title(p, "Homeshield")
    p.select(project.id)
    first = svc.get_project(demo_store, project.id).status_history
    p.editor.set_value("status", "shortlisted")
    assert p.save()
    today[0] = date(2026, 11, 30)
    p.editor.set_value("status", "commissioned")
    assert p.save()
    earlier = " → ".join(f"{h.status} {date.fromisoformat(h.changed_on):%d/%m/%Y}" if h.changed_on else h.status
                         for h in first)
    assert p.editor.history == f"History: {earlier} → shortlisted 01/06/2024 → commissioned 30/11/2026"
    log.undo()
    assert p.editor.history == f"History: {earlier} → shortlisted 01/06/2024"
    p.add_project()
    assert p.editor.history == ""
