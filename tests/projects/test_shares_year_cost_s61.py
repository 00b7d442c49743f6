"""Projects, round s61: a funder's share for a year, against the project's cost for that year.

Suffolk ELEV8 (seed 000) costs £101,500: Yr1 2009/10 £46,500 and Yr2 2010/11 £55,000 by its cost lines. Typing the
board's share for the first year as "SSPB (2009/10): £60,000" (a slip: more than the year's £46,500) was read back
under the field as "Other funders for 2009/10: £41,500": the whole two-year cost less the share, as if all of it were
2009/10's, and no word that the share was more than the year costs. A scenario against the 2009/10 retained budget
then committed £60,000 to a project that costs £46,500 that year. Where the cost lines give the share's year a cost,
the shares for that year are weighed against it.
"""

from __future__ import annotations

from safer_desk.presenters.funders import shares_summary
from safer_desk.presenters.projects import ProjectsPresenter

ELEV8_YEARS = {"2009/10": 46_500_00, "2010/11": 55_000_00}


def test_a_share_more_than_its_years_cost_is_said_and_no_other_funders_are_made_up():
    said = shares_summary("SSPB (2009/10): £60,000", "£101,500", year_costs=ELEV8_YEARS).splitlines()
    # of the year's cost its lines give, the whole beside it (session 64: it was "of £101,500 (59.1%)")
    assert said[0] == "SSPB (2009/10): £60,000 of £46,500 for 2009/10 (129.0%; £101,500 in all)"
    assert "⚠ The shares for 2009/10 add up to £60,000, more than its cost for 2009/10 (£46,500)." in said
    assert not any(line.startswith("Other funders") for line in said)


def test_what_other_funders_pay_for_the_year_is_of_the_years_cost():
    said = shares_summary("SSPB (2009/10): £40,000", "£101,500", year_costs=ELEV8_YEARS).splitlines()
    assert "Other funders for 2009/10: £6,500." in said
    said = shares_summary("SSPB (2009/10): £40,000\nLottery (2009/10): Tbc", "£101,500",
                          year_costs=ELEV8_YEARS).splitlines()
    assert "Left for 2009/10: £6,500, for Lottery's part (not known yet) and any other funder." in said


def test_shares_for_each_year_within_each_years_cost_say_nothing_more():
    said = shares_summary("SSPB (2009/10): £46,500\nSSPB (2010/11): £55,000", "£101,500", year_costs=ELEV8_YEARS)
    assert "⚠" not in said


def test_a_year_the_lines_do_not_give_is_weighed_against_the_whole_cost_as_before():
    said = shares_summary("SSPB (2011/12): £40,000", "£101,500", year_costs=ELEV8_YEARS).splitlines()
    assert "Other funders for 2011/12: £61,500." in said


def test_the_editor_weighs_elev8s_share_against_its_cost_lines_for_the_year(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    elev8 = next(p for p in presenter.rows if p.title == "Suffolk ELEV8")
    presenter.select(elev8.id)
    editor = presenter.editor
    editor.set_value("funding_sources", "Safer Suffolk Partnership Board (2009/10): £60,000")
    said = editor.funders_summary.splitlines()
    assert "⚠ The shares for 2009/10 add up to £60,000, more than its cost for 2009/10 (£46,500)." in said
    assert not any(line.startswith("Other funders") for line in said)


def _elev8_against_the_retained_budget(store, share: str):
    from safer_desk.presenters.commissioning import CommissioningPresenter
    from safer_desk.services import projects as svc

    elev8 = next(p for p in svc.load_projects(store) if p.title == "Suffolk ELEV8")
    svc.save_project(store, svc.project_from_fields({"funding_sources": share}, base=elev8))
    page = CommissioningPresenter(store)
    page.set_projects(svc.load_projects(store))
    page.new()
    page.set_award(next(a.id for a in page.awards() if a.name == "SSPB 10% retained budget 2009/10"))
    page.tick(elev8.id)
    return page.result()


def test_commissioning_says_a_share_more_than_its_years_cost_as_the_editor_does(demo_store):
    result = _elev8_against_the_retained_budget(demo_store, "Safer Suffolk Partnership Board (2009/10): £60,000")
    assert result.commitment.committed_pence == 60_000_00  # counted as stated, and said
    assert ("Suffolk ELEV8: Safer Suffolk Partnership Board's share for 2009/10 (£60,000) is more than the project's "
            "cost for 2009/10 of £46,500 (by its cost lines): check the share in the register.") in result.problems
    within = _elev8_against_the_retained_budget(demo_store, "Safer Suffolk Partnership Board (2009/10): £46,500")
    assert not [p for p in within.problems if p.startswith("Suffolk ELEV8")]


def test_a_cost_line_with_no_year_leaves_the_years_unweighed_as_commissioning_does(demo_store):
    """A line with no year may be any year's (a scenario counts it where the whole cost would be): the shares are
    weighed against the whole cost, as before, not against the dated lines alone."""
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    presenter.select(next(p for p in presenter.rows if p.title == "Suffolk ELEV8").id)
    editor = presenter.editor
    editor.set_cost_lines([*editor.value("cost_lines"), ("", "staff", "Sessional worker", "£10,000")])
    editor.set_value("funding_sources", "Safer Suffolk Partnership Board (2009/10): £50,000")
    said = editor.funders_summary
    assert "more than its cost for 2009/10" not in said
    assert "Other funders for 2009/10: £51,500." in said.splitlines()
