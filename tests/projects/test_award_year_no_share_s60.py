"""Projects, round s60: a project with no share from the funder, committed against one year of an award.

Suffolk ELEV8 costs Yr1 2009/10 £46,500 and Yr2 2010/11 £55,000 (seed 000). Ticked against the board's retained
budget for 2009/10 (£65,512, "to be used during the 2009/10 financial year"), it counted its whole £101,500 and
said the fund was over-committed by £35,988, and *Committed by financial year* put all £101,500 under 2009/10,
though ELEV8's own lines put £55,000 in 2010/11 (the same scenario against the fund typed splits it rightly). A
scenario against one year of an award is that year's money: a project with no share from the funder now counts its
cost for that year (by its cost lines), and says what it leaves out; one with no cost in that year counts nothing
and is listed, as a share stated for another year is.
"""

from __future__ import annotations

from safer_desk.domain.commissioning import Award
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com

RETAINED = "SSPB 10% retained budget 2009/10"
SSPB = "Safer Suffolk Partnership Board"


def _ref(store, ref):
    return next(p for p in svc.load_projects(store) if p.ref == ref)


def test_elev8_against_the_retained_budget_for_2009_10_counts_its_2009_10_cost(demo_store):
    elev8 = _ref(demo_store, "5")
    award = funders.award_by_name(demo_store, RETAINED)
    result = com.evaluate([elev8], 0, [com.ScenarioItem(elev8.id)], award=award, award_year="2009/10")
    assert (result.committed_pence, result.remaining_pence) == (4_650_000, 1_901_200)  # £46,500; £19,012 left
    assert result.commitment.by_year == {"2009/10": 4_650_000}
    assert result.rows[0].counted == "its cost for 2009/10"
    assert (f"Suffolk ELEV8: no share from {SSPB} is stated, so its cost for 2009/10 is counted: £46,500 of its "
            "£101,500 (the rest is for 2010/11).") in result.problems
    whole = com.evaluate([elev8], 6_551_200, [com.ScenarioItem(elev8.id)])  # the fund typed: no year, all of it
    assert (whole.committed_pence, whole.commitment.by_year) == (
        10_150_000, {"2009/10": 4_650_000, "2010/11": 5_500_000})


def test_a_year_the_project_has_no_cost_in_counts_nothing_and_is_said(demo_store):
    elev8 = _ref(demo_store, "5")
    later = Award(id="x", funder=SSPB, name="Retained budget 2010-12",
                  years={"2010/11": 6_000_000, "2011/12": 6_000_000})
    second = com.evaluate([elev8], 0, [com.ScenarioItem(elev8.id)], award=later, award_year="2010/11")
    assert second.committed_pence == 5_500_000  # Yr2's £55,000
    third = com.evaluate([elev8], 0, [com.ScenarioItem(elev8.id)], award=later, award_year="2011/12")
    assert third.committed_pence == 0
    assert (f"Suffolk ELEV8: no share from {SSPB} is stated, and its cost is for 2009/10 and 2010/11, so it adds "
            "nothing to 2011/12.") in third.problems


def test_a_project_whose_cost_is_all_in_the_awards_year_still_counts_in_full(demo_store):
    homeshield = _ref(demo_store, "1")  # no cost lines; it starts 01/04/2009
    award = funders.award_by_name(demo_store, RETAINED)
    result = com.evaluate([homeshield], 0, [com.ScenarioItem(homeshield.id, )], award=award, award_year="2009/10")
    assert result.committed_pence == 12_500_000
    assert f"Homeshield Plus: no share from {SSPB} is stated, so its whole cost is counted." in result.problems
