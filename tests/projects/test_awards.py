"""View > Funders' Awards…: an office records the awards it commissions against, corrects and deletes them, each
one step of Edit > Undo; refusals are said beside the field; commissioning then counts the funder's share.

Before this, the awards of the example (Plymouth's PCC £400,568 a year …) were the only ones a file could hold:
nothing in the window or on the command line added one, so a new office could not commission against its own.
"""

from __future__ import annotations

import pytest

from safer_desk.exchange.county_schema import content_checksums, data_tables
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as projects_service


def content(store) -> dict[str, str]:
    return content_checksums(store.conn, data_tables(store.conn))[1]


def fill(form, **values: str) -> bool:
    for key, text in values.items():
        form.set_value(key, text)
    return form.save()


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def awards(store, log):  # a new office's file: no awards yet
    return AwardsPresenter(store, perform=log)


def test_a_new_office_adds_its_award_and_undo_takes_it_out(store, awards, log):
    assert awards.rows() == [] and awards.summary().startswith("No awards yet.")
    before = content(store)
    form = awards.new_form()
    years = "2017/18: £400,568\n2018\u201319 £400,568"  # the second as Word writes it: an en dash, no colon
    assert fill(form, funder="OPCC", name="PCC grant 2017-19", years=years,
                conditions="A standstill on this year's award"), form.form_message
    (award,) = awards.rows()
    assert (award.funder, award.name, award.years) == ("OPCC", "PCC grant 2017-19",
                                                       {"2017/18": 40056800, "2018/19": 40056800})
    assert (award.first_year, award.last_year) == ("2017/18", "2018/19")
    assert awards.amounts_text(award) == "£400,568 a year (2017/18, 2018/19)"
    assert awards.editor is None  # the dialog closes on Save
    assert log.undo_text == "Undo add award PCC grant 2017-19"
    log.undo()
    assert awards.rows() == [] and content(store) == before
    log.redo()
    assert [a.id for a in awards.rows()] == [award.id]


@pytest.mark.parametrize("values, field, words", [
    ({"funder": "", "name": "Grant"}, "funder", "This field is needed."),
    ({"funder": "OPCC", "name": "Grant", "years": "£400,568"}, "years", "should read like “2017/18: £400,568”"),
    ({"funder": "OPCC", "name": "Grant", "years": "2017/18: £1\n2017/18: £2"}, "years", "2017/18 is given twice"),
    ({"funder": "OPCC", "name": "Grant", "years": "2017/18: lots"}, "years", "Amount for 2017/18"),
    ({"funder": "OPCC", "name": "Grant", "years": "2017/18:"}, "years", "give the amount"),
    ({"funder": "OPCC", "name": "Grant", "total": "-£5"}, "total", ""),
    ({"funder": "OPCC", "name": "Grant", "revenue": "69"}, "revenue", "give both percentages"),
    ({"funder": "OPCC", "name": "Grant", "revenue": "69", "capital": "21"}, "revenue", "do not add up to 100%"),
    ({"funder": "OPCC", "name": "Grant", "first_year": "2019/20", "last_year": "2018/19"}, "last_year",
     "cannot end before it starts"),
])
def test_a_refusal_is_said_beside_its_field_and_nothing_is_written(store, awards, log, values, field, words):
    before = content(store)
    form = awards.new_form()
    assert not fill(form, **values)
    assert words in form.message(field), (form.message(field), form.form_message)
    assert content(store) == before and log.done == [] and awards.editor is form  # the dialog stays open


def test_a_second_award_of_the_same_name_is_refused(store, awards):
    assert fill(awards.new_form(), funder="OPCC", name="Grant", years="2017/18: £10")
    form = awards.new_form()
    assert not fill(form, funder="Home Office", name="grant", years="2017/18: £20")
    assert "already an award called “Grant”" in form.message("name")
    assert len(awards.rows()) == 1


def test_a_stated_total_the_years_do_not_add_up_to_is_asked_about_once(store, awards):
    form = awards.new_form()
    assert not fill(form, funder="OPCC", name="Grant", years="2017/18: £250,000\n2018/19: £250,000",
                    total="£516,244")
    assert "the years add up to £500,000 but the award is stated as £516,244" in form.message("total")
    assert awards.rows() == []
    assert form.save()  # Save again keeps it, as the paper states it
    (award,) = awards.rows()
    assert award.total_pence == 51624400 and award.checks()


def test_a_correction_keeps_what_it_does_not_change_and_undo_gives_the_award_back(demo_store, log):
    awards = AwardsPresenter(demo_store, perform=log)
    pcc = funders.award_by_name(demo_store, "PCC grant to Safer Plymouth 2017-19")
    before = content(demo_store)
    form = awards.edit_form(pcc.id)
    assert form.values["years"] == "2017/18: £400,568\n2018/19: £400,568"
    assert form.save() and log.done == [] and content(demo_store) == before  # saved unchanged: nothing written
    form = awards.edit_form(pcc.id)
    assert fill(form, years="2017/18: £400,568\n2018/19: £380,000")
    changed = awards.award(pcc.id)
    assert changed.years["2018/19"] == 38000000 and changed.conditions == pcc.conditions
    assert (changed.first_year, changed.last_year) == ("2017/18", "2018/19")
    form = awards.edit_form(pcc.id)
    assert fill(form, years=form.values["years"] + "\n2019/20: £380,000")  # the last year follows the years
    assert awards.award(pcc.id).last_year == "2019/20"
    log.undo()
    log.undo()
    assert awards.award(pcc.id) == pcc and content(demo_store) == before


def test_every_award_of_the_example_saved_unchanged_changes_nothing(demo_store, log):
    awards = AwardsPresenter(demo_store, perform=log)
    before = content(demo_store)
    for award in awards.rows():
        form = awards.edit_form(award.id)
        assert not form.is_dirty, award.name
        for f in form.fields:  # typed again as shown: still the same award
            form.set_value(f.key, form.values[f.key] + " ")
            form.set_value(f.key, form.values[f.key].rstrip())
        assert form.save(), (award.name, form.form_message, {k: form.message(k) for k in form.values})
        assert awards.award(award.id) == award, award.name
    assert content(demo_store) == before


def scenario_against_the_pcc(store, log, year: str):
    """The example's PCC award, with a commissioning scenario saved against it for ``year``."""
    commissioning = CommissioningPresenter(store, perform=log)
    commissioning.set_projects(projects_service.load_projects(store))
    pcc = funders.award_by_name(store, "PCC grant to Safer Plymouth 2017-19")
    commissioning.set_award(pcc.id, year)
    commissioning.name = f"Against the PCC {year}"
    assert commissioning.save_as_new() or commissioning.save_as_new(), commissioning.error
    return AwardsPresenter(store, perform=log), pcc


def test_deleting_an_award_unlinks_its_scenarios_and_undo_links_them_again(demo_store, log):
    awards, pcc = scenario_against_the_pcc(demo_store, log, "2017/18")
    assert awards.delete_question(pcc.id) == ("Delete the award PCC grant to Safer Plymouth 2017-19 (OPCC)? "
                                              "1 commissioning scenario against it keeps its fund and no longer "
                                              "counts the funder's share only.")
    before = content(demo_store)
    awards.delete(pcc.id)
    assert funders.award_by_name(demo_store, pcc.name) is None
    assert funders.scenarios_against(demo_store, pcc.id) == 0
    log.undo()
    assert content(demo_store) == before and funders.scenarios_against(demo_store, pcc.id) == 1


def test_an_award_added_is_offered_to_commissioning_as_its_fund(store, awards, log):
    assert fill(awards.new_form(), funder="OPCC", name="PCC grant", years="2017/18: £400,568\n2018/19: £380,000")
    commissioning = CommissioningPresenter(store, perform=log)
    (award,) = commissioning.awards()
    commissioning.set_award(award.id, "2018/19")
    assert (commissioning.fund_text, commissioning.fund_label, commissioning.award_year) == (
        "£380,000", "PCC grant", "2018/19")


def test_a_file_open_read_only_shows_its_awards_and_changes_nothing(demo_path, log):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path, read_only=True)
    try:
        awards = AwardsPresenter(store, perform=log)
        assert awards.read_only and awards.rows()
        form = awards.edit_form(awards.rows()[0].id)
        assert form.read_only
    finally:
        store.close()


def test_taking_out_a_year_a_scenario_is_against_is_asked_about_once(demo_store, log):
    awards, pcc = scenario_against_the_pcc(demo_store, log, "2018/19")
    form = awards.edit_form(pcc.id)
    assert not fill(form, years="2017/18: £400,568")
    assert form.message("years") == ("1 commissioning scenario is against 2018/19: without that year, it counts the "
                                     "fund it was saved with. Save again to keep it as it is.")
    assert awards.award(pcc.id).years == pcc.years  # nothing written yet
    assert form.save()
    assert list(awards.award(pcc.id).years) == ["2017/18"]
    form = awards.edit_form(pcc.id)
    assert fill(form, years="2017/18: £390,000")  # a year no scenario is against: not asked


def test_a_year_written_short_reads_as_in_the_first_year_field(store, awards):
    # "19/20: £30,000" was refused ("should read like 2017/18: £400,568") where First year took "19/20", as the
    # Budgets tab's years and the projects' shares "(19/20)" do.
    assert funders.years_from_text("19/20: £30,000\n20-21 £30,000") == {"2019/20": "£30,000", "2020/21": "£30,000"}
    form = awards.new_form()
    assert fill(form, funder="Suffolk Public Sector Leaders", name="CSP funding", years="19/20: £30,000",
                first_year="19/20"), form.form_message
    (award,) = awards.rows()
    assert (award.years, award.first_year, award.last_year) == ({"2019/20": 3_000_000}, "2019/20", "2019/20")
