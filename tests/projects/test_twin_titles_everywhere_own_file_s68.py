"""Session 68: in an office's own file, two projects of one title are told apart by their refs wherever a sentence
names them, as the register's Delete and Undo already do.

A district office keeps an "Outreach worker" 16 (this year's, no cost yet) and an "Outreach worker" 17 (next year's
bid). Commissioning said "Tick Outreach worker" in Edit > Undo and "Outreach worker: no cost is stated, so it cannot
be committed yet." of either, and the board report's notes named them by title alone: the officer could not tell
which was meant. Now each is named by its ref and title ("16. Outreach worker"); a title no other project has is
said as before, and a county file names its twins with their offices as before.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services.projects import add_projects, load_projects, project_from_fields
from safer_desk.services.provenance import NOT_A_COUNTY_FILE, PROJECTS, RowOrigins, row_origins, titles_said
from safer_desk.storage.store import open_store


@pytest.fixture
def office(tmp_path):
    store = open_store(tmp_path / "babergh.sqlite", create=True, office_name="Babergh office")
    add_projects(store, [project_from_fields({"title": "Outreach worker", "ref": "16"}),
                         project_from_fields({"title": "Outreach worker", "ref": "17",
                                              "cost": "£10,000 - £12,000"}),
                         project_from_fields({"title": "Youth diversion", "ref": "3", "cost": "£1,000 - £2,000"})])
    yield store
    store.close()


def _by_ref(projects, ref):
    return next(p for p in projects if p.ref == ref)


def test_the_one_rule_names_own_file_twins_by_ref_and_county_twins_by_office():
    a, b, c = (project_from_fields({"title": "Outreach worker", "ref": "16"}),
               project_from_fields({"title": "Outreach worker", "ref": "17"}),
               project_from_fields({"title": "Youth diversion", "ref": "3"}))
    assert titles_said([a, b, c], NOT_A_COUNTY_FILE) == {a.id: "16. Outreach worker", b.id: "17. Outreach worker"}
    county = RowOrigins({a.id: "Babergh office", b.id: "Mid Suffolk office"}, True, "Typed in the county file")
    assert titles_said([a, b, c], county) == {a.id: "Outreach worker (merged from Babergh office)",
                                              b.id: "Outreach worker (merged from Mid Suffolk office)"}
    # twins of one ref too: the ref tells nothing more, the title is said as it was
    same = project_from_fields({"title": "Outreach worker", "ref": "16"})
    assert titles_said([a, same], NOT_A_COUNTY_FILE) == {}


def test_commissioning_ticks_and_messages_say_which_outreach_worker(office):
    p = CommissioningPresenter(office)
    p.set_projects(load_projects(office), row_origins(office, PROJECTS))
    w16, w17, youth = (_by_ref(p.projects, r).id for r in ("16", "17", "3"))
    p.set_fund("£20,000")
    p.tick(w16)
    assert p.message == "16. Outreach worker: no cost is stated, so it cannot be committed yet."
    assert p.tick_undo_text == "Tick 16. Outreach worker"
    p.tick(w17)
    assert p.tick_undo_text == "Tick 17. Outreach worker"
    p.tick(youth)
    assert p.tick_undo_text == "Tick Youth diversion"  # a title no other project has: as before
    result = p.result()
    assert "16. Outreach worker: no cost is stated, so it adds nothing to the commitment." in result.problems
    assert "17. Outreach worker: counts the upper end of £10,000 - £12,000." in result.notes
    assert "Youth diversion: counts the upper end of £1,000 - £2,000." in result.notes
    assert not p.set_scale(w17, "£13,000")  # more than the whole: asked about, naming which
    assert p.message.startswith("17. Outreach worker: £13,000 of £12,000")
    p.tick(w17, False)
    assert p.tick_undo_text == "Untick 17. Outreach worker"


def test_the_board_report_s_notes_say_which_outreach_worker(tmp_path):
    """The funder's table and the saved scenario's notes named a share and a project by title alone."""
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services import funders
    from safer_desk.services import projects_commissioning as com
    from safer_desk.services.report_sections.projects import board_report_sections

    store = open_store(tmp_path / "babergh.sqlite", create=True, office_name="Babergh office")
    try:
        add_projects(store, [
            project_from_fields({"title": "Outreach worker", "ref": str(ref), "cost": "£10,000 - £12,000",
                                 "funding_route": "OPCC", "funding_sources": "OPCC (2025/26): £5,000; OPCC: £1,000"},
                                cost_lines=[("2025/26", "staff", "worker", "£10,000")]) for ref in (16, 17)])
        funders.save_award(store, funders.make_award(funder="OPCC", name="OPCC grant", years={"2025/26": "£20,000"}))
        ids = [p.id for p in load_projects(store)]
        com.save_scenario(store, com.new_scenario("Both workers", 3_000_000, [com.ScenarioItem(i) for i in ids]))
        sections = board_report_sections(store, year=FinancialYear.parse("2025/26"))
    finally:
        store.close()
    said = " ".join([*(p for s in sections for p in s.paragraphs), *(t.note for s in sections for t in s.tables)])
    assert "16. Outreach worker" in said and "17. Outreach worker" in said
    assert "Outreach worker:" not in said.replace("16. Outreach worker:", "").replace("17. Outreach worker:", "")


def test_an_award_s_delete_and_funder_questions_say_which_outreach_worker(office):
    """Delete's question said "Shares of 2 projects (Outreach worker, Outreach worker) name it": the same words
    twice; and "The share of Outreach worker is from OPCC" of one, without saying which."""
    from safer_desk.presenters.awards import AwardsPresenter
    from safer_desk.services import funders
    from safer_desk.services.projects import FundingSource

    projects = load_projects(office)
    w16, w17 = _by_ref(projects, "16"), _by_ref(projects, "17")
    award = funders.make_award(funder="OPCC", name="OPCC grant", years={"2025/26": "£20,000"})
    funders.save_award(office, award)
    for p in (w16, w17):
        funders.set_project_funding(office, p.id, [FundingSource("OPCC — OPCC grant", 500_000, "", "2025/26")])
    awards = AwardsPresenter(office)
    award = funders.award_by_name(office, "OPCC grant")
    assert "Shares of 2 projects (16. Outreach worker, 17. Outreach worker) name it" in awards.delete_question(award.id)
    funders.set_project_funding(office, w16.id, [])
    funders.set_project_funding(office, w17.id, [FundingSource("OPCC", 500_000, "", "2025/26")])
    form = awards.edit_form(award.id)
    form.set_value("funder", "Office of the Police and Crime Commissioner")
    assert not form.save()
    assert form.message("funder").startswith("The share of 17. Outreach worker is from OPCC:")


def test_the_history_of_changes_says_which_outreach_worker(office):
    """History said "Changed the cost of project Outreach worker from £10,000 - £12,000 to £12,500" and "Added
    funding source OPCC of Outreach worker, 2025/26" of 17, which 16 could have been."""
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.history import history_lines
    from safer_desk.presenters.projects import ProjectsPresenter
    from safer_desk.services import funders
    from safer_desk.services.projects import FundingSource

    register = ProjectsPresenter(office, perform=ActionLog())
    register.reload()
    w17 = _by_ref(register.rows, "17")
    register.select(w17.id)
    register.editor.set_value("cost", "£12,500")
    assert register.editor.save()
    funders.set_project_funding(office, w17.id, [FundingSource("OPCC", 500_000, "", "2025/26")])
    shares, saved = history_lines(office)[:2]
    assert shares.summary == "Added funding source OPCC of 17. Outreach worker, 2025/26"
    assert saved.summary == "Changed the cost of project 17. Outreach worker from £10,000 - £12,000 to £12,500"
    register.select(_by_ref(register.rows, "3").id)
    register.editor.set_value("cost", "£5,000")
    assert register.editor.save()
    assert history_lines(office)[0].summary == "Changed the cost of project Youth diversion from £1,000 - £2,000 to " \
        "£5,000"  # a title no other project has: as before


def test_commissioning_against_an_award_says_whose_share(office):
    """Against the OPCC's award, a share not known yet was said "Outreach worker: OPCC's share …" of either."""
    from safer_desk.services import funders
    from safer_desk.services.projects import FundingSource

    projects = load_projects(office)
    funders.save_award(office, funders.make_award(funder="OPCC", name="OPCC grant", years={"2025/26": "£20,000"}))
    w17 = _by_ref(projects, "17")
    funders.set_project_funding(office, w17.id, [FundingSource("OPCC", None, "to be confirmed", "2025/26")])
    p = CommissioningPresenter(office)
    p.set_projects(load_projects(office), row_origins(office, PROJECTS))
    p.set_award(funders.award_by_name(office, "OPCC grant").id, "2025/26")
    p.tick(w17.id)
    said = " ".join([*p.result().problems, *p.result().notes])
    assert "17. Outreach worker: OPCC's share" in said and "Outreach worker: OPCC's share" not in said.replace(
        "17. Outreach worker: OPCC's share", "")
