"""Round 62: a funder's share with no year, against a year of a multi-year award the project is not running in.

The Plymouth Domestic Abuse contract runs 01/04/2017 to 31/03/2018 (seed 003) and the PCC's award to Safer
Plymouth covers 2017/18 and 2018/19. Typed as "OPCC: £110,000" (no year), the share was committed against both
years: a scenario against the PCC's 2018/19 money counted £110,000 for a contract that had ended, the same money
already counted in 2017/18. A share with no year is the funder's part of the project, so its dates say when it is
spent (as they do for a project that names no share, round s61): it now adds nothing to a year the project is not
running in, and the page says why. A share dated for such a year is still counted as stated, and said (s61).
"""

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import projects as svc

PCC = "PCC grant to Safer Plymouth 2017-19"


def _p1_against_the_pcc(store, year, sources="OPCC: £110,000"):
    p1 = next(p for p in svc.load_projects(store) if p.ref == "P1")
    svc.save_project(store, svc.project_from_fields({"funding_sources": sources}, base=p1))
    page = CommissioningPresenter(store)
    page.set_projects(svc.load_projects(store))
    page.new()
    page.set_award(funders.award_by_name(store, PCC).id, year)
    page.tick(p1.id)
    return page.result()


def test_a_share_with_no_year_adds_nothing_after_the_project_ends(demo_store):
    result = _p1_against_the_pcc(demo_store, "2018/19")
    assert result.commitment.committed_pence == 0
    assert ("Plymouth Domestic Abuse contract: OPCC's share names no year, and the project ended on 31/03/2018, "
            "before 2018/19, so it adds nothing to 2018/19.") in result.problems


def test_a_share_with_no_year_counts_in_the_year_the_project_runs(demo_store):
    result = _p1_against_the_pcc(demo_store, "2017/18")
    assert result.commitment.committed_pence == 110_000_00
    assert not [p for p in result.problems if p.startswith("Plymouth Domestic")]


def test_a_share_dated_for_the_year_after_is_still_counted_as_stated(demo_store):
    result = _p1_against_the_pcc(demo_store, "2018/19", "OPCC (2018/19): £110,000")
    assert result.commitment.committed_pence == 110_000_00


def _pcc_tables(store, year):
    from safer_desk.services.report import build_report

    return {t.title: t for s in build_report(store, area="Plymouth", year=year).sections for t in s.tables
            if t.title.startswith(PCC)}


def test_the_board_report_reads_the_share_as_commissioning_does(demo_store):
    _p1_against_the_pcc(demo_store, "2017/18")
    (in_2017,) = [t for title, t in _pcc_tables(demo_store, "2017/18").items() if "2017/18" in title]
    assert [r for r in in_2017.rows if r[0] == "P1"]
    later = [t for title, t in _pcc_tables(demo_store, "2018/19").items() if "2018/19" in title]
    assert not [r for t in later for r in t.rows if r[0] == "P1"]
