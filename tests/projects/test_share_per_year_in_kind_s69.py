"""Session 69: shares written as the seed papers write them. Seed 000's ELEV8 is "£18,000 per year for two years";
typed as a share, "OPCC: £18,000 (per year for two years)" was refused with "is not an amount of money (try a form
like £1,234.56)", though £18,000 is plainly an amount: the officer was not told the fix. A share "£5,000 in kind" was
refused the same way. Each is now refused naming what to type: a year's share a line, with its year (the years
named from the share's own year, or the project's start), or "OPCC: in kind" with its value under Notes. "In kind"
alone is still kept as words, counted as no money."""

from __future__ import annotations

import pytest

from safer_desk.services.projects import FieldProblems, parse_funding_sources, project_from_fields


def _said(text: str, **kw) -> list[str]:
    problems: list[tuple[str, str]] = []
    assert parse_funding_sources(text, problems, **kw) == ()
    return [m for _k, m in problems]


@pytest.mark.parametrize("typed", ["£18,000 (per year for two years)", "£18,000 per year for two years",
                                   "£18,000 a year for 2 years", "£18,000 p.a. for two years"])
def test_a_share_a_year_for_two_years_names_the_two_lines_to_type(typed):
    assert _said(f"OPCC (2009/10): {typed}") == [
        f"line 1: “{typed}” is £18,000 a year for two years: give each year's share on its own line, with its "
        "year (“OPCC (2009/10): £18,000”, “OPCC (2010/11): £18,000”)."]


def test_with_no_year_on_the_line_the_projects_start_names_them():
    with pytest.raises(FieldProblems) as raised:
        project_from_fields({"title": "ELEV8", "cost": "£101,500", "start_date": "01/04/2009",
                             "funding_sources": "OPCC: £18,000 (per year for two years)"})
    assert "(“OPCC (2009/10): £18,000”, “OPCC (2010/11): £18,000”)" in str(raised.value)


def test_with_no_year_known_it_says_the_form():
    assert _said("OPCC: £18,000 per year for two years") == [
        "line 1: “£18,000 per year for two years” is £18,000 a year for two years: give each year's share on its own "
        "line, with its year (“OPCC (2009/10): £18,000”, “OPCC (2010/11): £18,000” for a project begun in "
        "2009/10)."]


def test_seed_002s_years_after_it_name_the_lines():
    assert _said("SPSL: £30,000 per year over 3 years, 2018 – 2021") == [
        "line 1: “£30,000 per year over 3 years, 2018 – 2021” is £30,000 a year for three years: give each year's "
        "share on its own line, with its year (“SPSL (2018/19): £30,000”, “SPSL (2019/20): £30,000”, "
        "“SPSL (2020/21): £30,000”)."]


def test_an_amount_over_several_years_is_not_split_by_guess():
    assert _said("SCC (2018/19): £516,244 over two years") == [
        "line 1: “£516,244 over two years” is for two years together: give each year's share on its own line, "
        "with its year (“SCC (2018/19): ” and “SCC (2019/20): ”, each with its amount)."]


@pytest.mark.parametrize("typed", ["£5,000 in kind", "£5,000 (in kind)", "£5,000 (in-kind)"])
def test_a_share_in_kind_with_a_value_names_the_words_to_type(typed):
    assert _said(f"Suffolk Police: {typed}") == [
        f"line 1: “{typed}” is given in kind, not paid: type “Suffolk Police: in kind” (it counts as no money) "
        "and put its value, £5,000, under Notes."]


def test_in_kind_alone_is_kept_as_words():
    problems: list[tuple[str, str]] = []
    (share,) = parse_funding_sources("Suffolk Police (2009/10): in kind", problems)
    assert problems == [] and share.amount_pence is None and share.amount_note == "in kind"


def test_the_editor_says_the_lines_as_it_is_typed():
    from safer_desk.presenters.funders import shares_summary

    said = shares_summary("OPCC: £18,000 (per year for two years)", "£101,500", start="01/04/2009", end="31/03/2011")
    assert "(“OPCC (2009/10): £18,000”, “OPCC (2010/11): £18,000”)" in said, said
