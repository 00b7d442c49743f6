"""A share typed over several years, as a paper writes a grant's span ("OPCC (2017/18 to 2018/19): £10,000"), or with
its year twice ("OPCC (2017/18) (2018/19)"): refused saying a share is for one year, never read as a funder called
"OPCC (2017/18)" nor answered with a name taken apart ("OPCC ( to 2018/19) (2017/18)")."""

import pytest

from safer_desk.services import projects as svc

ONE_YEAR = ("a share is for one year: put each year's share on its own line (“OPCC (2017/18): £5,000” on one, "
            "“OPCC (2018/19): £5,000” on the next).")


@pytest.mark.parametrize("typed", ["OPCC (2017/18 to 2018/19): £10,000", "OPCC (2017/18 - 2018/19): £10,000",
                                   "OPCC (2017/18–2018/19): £10,000", "OPCC (2017/18 and 2018/19): £10,000",
                                   "OPCC (2017/18, 2018/19): £10,000", "OPCC (2017/18) (2018/19): £10,000",
                                   "OPCC 2017/18 to 2018/19: £10,000"])
def test_a_share_over_two_years_is_refused_naming_its_funder_and_years(typed):
    problems = []
    assert svc.parse_funding_sources(typed, problems) == ()
    assert problems == [("funding_sources", f"line 1: {ONE_YEAR}")]


@pytest.mark.parametrize("typed, name", [("OPCC (for 2017/18): £5,000", "OPCC (2017/18)"),
                                         ("Lottery (round 2, 2019/20): £5,000", "Lottery (round 2) (2019/20)")])
def test_a_year_in_brackets_with_words_is_suggested_as_the_shares_year(typed, name):
    """The suggestion was the name taken apart: "OPCC (for ) (2017/18)"."""
    problems = []
    assert svc.parse_funding_sources(typed, problems) == ()
    assert problems[0][1].endswith(f"the year its share is for (“{name}”).")


def test_a_funder_whose_name_holds_a_range_of_ages_keeps_it():
    problems = []
    shares = svc.parse_funding_sources("11-19 Youth Trust (2018/19): £5", problems)
    assert [(s.source, s.financial_year) for s in shares] == [("11-19 Youth Trust", "2018/19")]
    assert problems == []


@pytest.mark.parametrize("name", ["Leaders — CSP funding (2018-2021)", "Leaders — CSP funding (2018-21)"])
def test_a_share_naming_an_award_whose_name_gives_its_span_in_brackets_is_read_as_before(name):
    problems = []
    shares = svc.parse_funding_sources(f"{name} (2018/19): £5,000", problems)
    assert [(s.source, s.financial_year, s.amount_pence) for s in shares] == [(name, "2018/19", 5_000_00)]
    assert problems == []


def test_a_year_in_brackets_beside_a_dash_or_and_in_a_name_is_not_taken_for_a_span():
    for typed, name in [("Big Lottery (Reaching Communities - 2019/20): £5",
                         "Big Lottery (Reaching Communities) (2019/20)"),
                        ("DfE (Children and Families 2019/20): £5", "DfE (Children and Families) (2019/20)")]:
        problems = []
        assert svc.parse_funding_sources(typed, problems) == ()
        assert problems[0][1].endswith(f"the year its share is for (“{name}”)."), typed
