"""Round 38 (awy): a share, an award and a fund read money as the papers write it, by one rule: "FY 2017/18" and
seed 000's "Yr 1 2009/10" before the amount, the year in brackets after it, and "50% of £20,000" refused saying the
amount to type (the papers state a fund's amount beside its percentage: seed 000's 10% retained is "£65,512")."""

from __future__ import annotations

import pytest

from safer_desk.domain.commissioning import FundingError
from safer_desk.domain.money import MoneyError, parse_pence
from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.presenters.forms import FormError
from safer_desk.services import funders
from safer_desk.services.projects import parse_funding_sources
from tests.cli_run import run


def shares(text: str):
    problems: list[tuple[str, str]] = []
    return parse_funding_sources(text, problems), [p for _k, p in problems]


def award(years: str = "", **kw):
    return funders.make_award(funder="OPCC", name="T", years=funders.years_from_text(years), **kw)


@pytest.mark.parametrize("line, share", [
    ("FY 2017/18: £5", "OPCC FY 2017/18: £5"), ("FY 2017/18 – £5", "OPCC FY 2017/18 – £5"),
    ("Yr 1 2017/18 £5", "OPCC (Yr 1 2017/18): £5"), ("Yr1 2017/18: £5", "Yr1 2017/18 OPCC: £5"),
    ("2017/18: £5 (2017/18)", "OPCC 2017/18: £5 (2017/18)"), ("£5 (FY 2017/18)", "OPCC: £5 (FY 2017/18)")])
def test_an_awards_year_reads_as_a_shares_does(line, share):
    assert award(line).years == {"2017/18": 500}
    found, problems = shares(share)
    assert problems == [] and [(s.source, s.amount_pence, s.financial_year) for s in found] == [("OPCC", 500,
                                                                                                  "2017/18")]


def test_seed_000s_years_of_elev8_read_as_the_paper_prints_them():
    assert award("Yr 1 2009/10  £ 46,500\nYr 2 2010/11 £ 55,000   ").years == {"2009/10": 4_650_000,
                                                                              "2010/11": 5_500_000}


def test_a_share_of_fy_alone_says_whose_money_it_is_not_a_funder_called_fy():
    assert shares("FY 2017/18: £5") == ((), ["line 1: say who the money comes from before the colon."])
    found, problems = shares("Yr1 2009/10 OPCC: £5")
    assert problems == [] and [(s.source, s.financial_year) for s in found] == [("OPCC", "2009/10")]


def test_two_years_on_an_awards_line_are_said_as_a_share_says_them():
    with pytest.raises(FundingError) as caught:
        award("2017/18: £10,000 (2009/10)")
    assert str(caught.value) == ("Year: two years, 2017/18 before the amount and 2009/10 after it: give the year the "
                                 "amount is for once (“2009/10: £10,000”).")
    assert shares("OPCC 2017/18: £10,000 (2009/10)")[1] == [
        "line 1: two years, 2017/18 before the amount and 2009/10 after it: give the year the share is for once "
        "(“OPCC (2009/10): £10,000”)."]


def test_an_award_with_only_its_last_year_says_to_give_its_first():
    with pytest.raises(FundingError) as caught:
        award(total="£500,000", last_year="2019/20")
    assert str(caught.value) == ("First year: the award ends in 2019/20 but does not say when it starts: give its "
                                 "first year too (2019/20 again for one year's money).")
    assert award(total="£500,000", first_year="2018/19", last_year="2019/20").describe() == \
        "OPCC: £500,000 (2018/19 to 2019/20)"


PERCENT = "“50% of £20,000” is a percentage of an amount: type the amount itself (£10,000)."


def test_a_percentage_of_an_amount_is_refused_saying_the_amount_everywhere():
    with pytest.raises(FundingError) as caught:
        award("2017/18: 50% of £20,000")
    assert str(caught.value) == f"Amount for 2017/18: {PERCENT}"
    with pytest.raises(FundingError) as caught:
        award(total="50% of £20,000", first_year="2017/18")
    assert str(caught.value) == f"Total: {PERCENT}"
    with pytest.raises(MoneyError) as caught:
        parse_pence("10% of £655,120")  # seed 000: the board's retained 10%, as a fund or an award
    assert str(caught.value).endswith("type the amount itself (£65,512).")
    with pytest.raises(MoneyError) as caught:
        parse_pence("10% of £30k")
    assert str(caught.value).endswith("type the amount itself (£3,000).")


def test_a_share_as_a_percentage_is_refused_as_before():
    assert shares("OPCC: 50% of £20,000")[1] == [
        "line 1: give the share in pounds (“OPCC: £10,000”, 50% of £20,000), not as a part of the cost."]


def test_the_awards_form_says_it_beside_amounts_by_year(demo_store):
    presenter = AwardsPresenter(demo_store)
    values = {"funder": "OPCC", "name": "T", "years": "2017/18: £10,000 (2009/10)", "total": "", "first_year": "",
              "last_year": "", "revenue": "", "capital": "", "conditions": "", "notes": ""}
    with pytest.raises(FormError) as caught:
        presenter._read(values, None)
    assert caught.value.by_field == {"years": "Year: two years, 2017/18 before the amount and 2009/10 after it: give "
                                            "the year the amount is for once (“2009/10: £10,000”)."}


@pytest.mark.parametrize("args, words", [
    (["--year", "2017/18=50% of £20,000"], f"--year: the amount for 2017/18: {PERCENT}"),
    (["--year", "2017/18=£10,000 (2009/10)"], "--year: two years, 2017/18 before the amount and 2009/10 after it: "
                                              "give the year the amount is for once (“2009/10: £10,000”)."),
    (["--total", "50% of £20,000", "--first-year", "2017/18"], f"--total: {PERCENT}"),
    (["--total", "£500,000", "--last-year", "2019/20"], "--first-year: the award ends in 2019/20 but does not say "
                                                        "when it starts: give its first year too (2019/20 again for "
                                                        "one year's money)."),
])
def test_awards_add_refuses_them_in_the_same_words(demo_path, capsys, args, words):
    code, out, err = run(capsys, "awards", demo_path, "--add", "T", "--funder", "OPCC", *args)
    assert code == 2 and out == "" and words in err, err


def test_awards_add_reads_fy_before_the_year(demo_path, capsys):
    code, out, err = run(capsys, "awards", demo_path, "--add", "T", "--funder", "OPCC", "--year", "FY 2017/18=£5")
    assert (code, err) == (0, "") and out == "added OPCC: £5 for 2017/18 (T)\n"
