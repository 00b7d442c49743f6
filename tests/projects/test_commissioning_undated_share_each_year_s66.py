"""Session 66: a funder's share with no year, on a project running in two of a multi-year award's years.

The PCC's award to Safer Plymouth is £400,568 for each of 2017/18 and 2018/19 (seed 003). The community drug and
alcohol treatment programme, dated 01/04/2017 to 31/03/2019, with its share typed "OPCC: £98,500" (no year), was
counted in full against 2017/18 and again in full against 2018/19, and the board report's tables for both years
listed it: £197,000 of the PCC's money for a share of £98,500, without a word. Round 62 stopped the same money being
counted in a year the project had ended; a share with no year on a project running in both years is still counted
in each (it may be a year's money), and now the page, its Print, and the board report say so, naming the years.
"""

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services.report import build_report

PCC = "PCC grant to Safer Plymouth 2017-19"
SAID = ("Community drug and alcohol treatment programme: OPCC's share names no year, and the project runs in 2017/18 "
        f"and 2018/19, both years of {PCC}, so all of it (£98,500) is counted against each: give the share its year "
        "in the register.")


def _p3(store, sources="OPCC: £98,500", end="31/03/2019"):
    p3 = next(p for p in svc.load_projects(store) if p.ref == "P3")
    svc.save_project(store, svc.project_from_fields({"funding_sources": sources, "end_date": end}, base=p3))
    return p3


def _against(store, project, year):
    page = CommissioningPresenter(store)
    page.set_projects(svc.load_projects(store))
    page.new()
    page.set_award(funders.award_by_name(store, PCC).id, year)
    page.tick(project.id)
    return page.result()


def test_a_share_with_no_year_counted_in_two_years_is_said_in_each(demo_store):
    p3 = _p3(demo_store)
    for year in ("2017/18", "2018/19"):
        result = _against(demo_store, p3, year)
        assert result.commitment.committed_pence == 98_500_00  # the figure is as before: it may be a year's money
        assert SAID in result.problems


def test_a_share_for_each_year_or_a_project_of_one_year_says_nothing_of_it(demo_store):
    p3 = _p3(demo_store, "OPCC (2017/18): £98,500\nOPCC (2018/19): £98,500")
    assert not [s for s in _against(demo_store, p3, "2018/19").problems if "names no year" in s]
    p3 = _p3(demo_store, end="31/03/2018")  # the paper's one year
    assert not [s for s in _against(demo_store, p3, "2017/18").problems if "names no year" in s]


def test_the_board_report_says_it_under_each_year_s_table(demo_store):
    _p3(demo_store)
    notes = [t.note for s in build_report(demo_store, area="Plymouth").sections for t in s.tables
             if t.title.startswith(f"{PCC}: ")]
    assert len(notes) == 2 and all(SAID in note for note in notes)
