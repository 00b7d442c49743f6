"""A tester's findings (h26j): a financial year whose months no date can be in (“1850/51”) was taken where it is typed
in the window (a project's cost line, a funder's share, an award's years, Allocation's year, Budgets' Add year…) and
in an indicators file, and then failed later (the file's figures for it stopped the import preview with a
traceback). It is refused where typed, in the words the command line uses."""

from __future__ import annotations

import pytest

from safer_desk.cli.common import read_financial_year
from safer_desk.domain.budgets import BudgetError
from safer_desk.domain.commissioning import FundingError
from safer_desk.domain.periods import FinancialYear, PeriodError
from safer_desk.services import allocation, funders
from safer_desk.services import indicators_import
from safer_desk.services import projects as svc

OUT = "“{}” is not a year Safer Desk can hold (the years 1900/01 to 2199/00)."


@pytest.mark.parametrize("typed", ["1850/51", "1899/00", "1899-1900", "2200/01", "2500/01"])
def test_a_year_no_date_can_be_in_is_refused_in_the_command_lines_words(typed):
    with pytest.raises(PeriodError) as refused:
        FinancialYear.parse(f" {typed} ")
    assert str(refused.value) == OUT.format(typed)
    with pytest.raises(PeriodError) as cli:
        read_financial_year(typed)
    assert str(cli.value) == str(refused.value)


@pytest.mark.parametrize("typed, label", [("1900/01", "1900/01"), ("2199/00", "2199/00"), ("2199/2200", "2199/00"),
                                          ("99/00", "1999/00"), ("2018\u201319", "2018/19")])
def test_the_years_a_date_can_be_in_are_still_read(typed, label):
    year = FinancialYear.parse(typed)
    assert year.label == label
    assert len(year.months) == 12


def test_a_projects_cost_line_and_funders_share_refuse_it_with_those_words():
    with pytest.raises(svc.FieldProblems) as refused:
        svc.project_from_fields({"title": "Sanctuary scheme", "funding_sources": "OPCC 1850/51: £5,000"},
                                cost_lines=[("1850/51", "Staff", "IDVA", "£5,000")])
    assert refused.value.by_field["cost_line_0"] == OUT.format("1850/51")
    # not “type the year … as in OPCC (1850/51)”, which is refused again
    assert refused.value.by_field["funding_sources"] == "line 1: " + OUT.format("1850/51")


def test_an_awards_years_and_allocations_year_refuse_it():
    with pytest.raises(FundingError, match="^Year: " + OUT.format("1850/51").replace("(", r"\(").replace(")", r"\)")):
        funders.make_award(funder="OPCC", name="PCC grant", years=funders.years_from_text("1850/51: £400,568"))
    with pytest.raises(allocation.ScenarioError, match="not a year Safer Desk can hold"):
        allocation._year_label("1850/51")


def test_budgets_add_year_refuses_it(store):
    from safer_desk.presenters.actions import ActionLog
    from safer_desk.presenters.budgets import BudgetsPresenter
    from safer_desk.services import budgets

    budgets.create_plan(store, "MTFP", columns=["2011/12", "2012/13"])
    p = BudgetsPresenter(store, perform=ActionLog())
    p.reload()
    assert not p.add_year("1850/51")
    assert "1850/51" in p.error
    assert p.columns == ["2011/12", "2012/13"]
    with pytest.raises(BudgetError):
        budgets.add_column(store, p.selected, "1850/51", position=0)


def test_an_indicators_file_with_the_year_refuses_that_row_not_the_whole_preview(demo_store, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\nHome Shield referrals,Suffolk,1850/51,5\n"
                    "Home Shield referrals,Suffolk,2019/20,5\n", encoding="utf-8")
    preview = indicators_import.preview_values(demo_store, path)  # stopped with a traceback (PeriodError)
    assert [g.value.period for g in preview.good] == ["2019/20"]
    assert [line for line, _ in preview.refused] == [2]
