"""The Budgets tab's new-plan fields showed every office "Western Suffolk CSP financial implications" and the years
"2017/18, 2018/19, 2019/20": a Plymouth or Cardiff officer was shown another partnership's paper, and years long
past. The examples are a format to follow: a plan's name with its year, and this year and the next two."""

from datetime import date

from safer_desk.presenters.budgets import plan_examples


def test_the_examples_are_this_year_s_and_name_no_partnership():
    name, years = plan_examples(date(2026, 12, 6))
    assert (name, years) == ("e.g. CSP budget 2026/27", "2026/27, 2027/28, 2028/29")
    assert plan_examples(date(2027, 3, 31)) == ("e.g. CSP budget 2026/27", "2026/27, 2027/28, 2028/29")


def test_a_new_office_s_tab_shows_them(empty_tab):
    shown = (empty_tab.plan_name.placeholderText(), empty_tab.plan_years.placeholderText())
    assert "Suffolk" not in shown[0] and "2017/18" not in shown[1]
    assert shown == plan_examples()
    assert empty_tab.presenter.new_plan("CSP budget", shown[1])  # the years' example is one the tab reads
