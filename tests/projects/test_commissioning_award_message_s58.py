"""Session 58: what Commissioning says of the award's fund is of the award and year the page is against.

A scenario saved against the PCC's 2017/18 money, the award corrected since to £390,000 for 2017/18: the page says so
when it is opened. Choosing 2018/19 (or another award) kept saying "… now gives £390,000 for 2017/18; the scenario
was saved with £400,568" above a summary of 2018/19's £400,568: two funds on one page, one of them not the fund in
use.
"""

from __future__ import annotations

from safer_desk.domain.money import format_money
from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services.projects import load_projects

PCC = "PCC grant to Safer Plymouth 2017-19"


def _opened_after_a_correction(store) -> tuple[CommissioningPresenter, object]:
    page = CommissioningPresenter(store)
    page.set_projects(load_projects(store))
    award = funders.award_by_name(store, PCC)
    page.set_award(award.id, "2017/18")
    page.tick(next(p.id for p in page.projects if p.ref == "P1"))
    page.set_name("Against the PCC")
    assert page.save()
    funders.save_award(store, funders.make_award(
        funder=award.funder, name=award.name, award_id=award.id,
        years={**{y: format_money(p) for y, p in award.years.items()}, "2017/18": "£390,000"}))
    page.load(page.loaded.id)
    assert "now gives £390,000 for 2017/18" in page.message
    return page, award


def test_another_year_chosen_says_nothing_of_the_year_left(demo_store):
    page, award = _opened_after_a_correction(demo_store)
    page.set_award_year("2018/19")
    assert page.fund_pence() == 40_056_800
    assert "2017/18" not in page.message and "£390,000" not in page.message


def test_the_fund_typed_chosen_instead_says_nothing_of_the_award(demo_store):
    page, _ = _opened_after_a_correction(demo_store)
    page.set_award(None)
    assert "now gives" not in page.message


def test_the_same_award_and_year_chosen_again_keeps_it_said(demo_store):
    page, award = _opened_after_a_correction(demo_store)
    page.set_award(award.id)
    assert "now gives £390,000 for 2017/18" in page.message
