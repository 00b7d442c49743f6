"""A tester's findings (h26c) on Commissioning against a funder's award: every problem of a project is said on the
page, as the report's Funders' shares says them, not only the first one found."""

from __future__ import annotations

import pytest

from tests.projects.test_awards_round25 import COUNTY_LINES, CSP, MISNAMED, p4_funded, page, report_table

TWO_SHARES = ("Suffolk Public Sector Leaders (2018/19): £20,000\n"
              "Suffolk Public Sector Leaders — Cuonty Lines (2018/19): £5,000")


@pytest.mark.parametrize("award_name, year", [(COUNTY_LINES, ""), (CSP, "2018/19")])
def test_a_misnamed_share_beside_one_counted_twice_is_said_on_the_page_as_in_the_report(demo_store, award_name, year):
    """Project 4 with the Leaders' £20,000 (counted against each of their awards for 2018/19) and £5,000 “— Cuonty
    Lines” (an award they do not have): the page said only that the £20,000 was counted twice, and the £5,000 was lost
    unsaid there, though the report's table of the same award said both."""
    p4 = p4_funded(demo_store, TWO_SHARES)
    result = page(demo_store, award_name, p4, year)
    assert result.committed_pence == 2_000_000
    misnamed = MISNAMED.format(award=award_name)
    assert any("overstated" in x for x in result.problems)
    assert misnamed in result.problems
    (table,) = [t for t in report_table(demo_store, award_name) if year in t.title]
    assert misnamed in table.note


def test_a_misnamed_share_beside_one_known_in_part_is_said_with_it(demo_store):
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders — County Lines (2018/19): £20,000\n"
                               "Suffolk Public Sector Leaders — County Lines (2018/19): Tbc\n"
                               "Suffolk Public Sector Leaders — Cuonty Lines (2018/19): £5,000")
    result = page(demo_store, COUNTY_LINES, p4)
    assert result.committed_pence == 2_000_000
    assert ("Local Domestic Violence Coordinators: Suffolk Public Sector Leaders' share for 2018/19 to 2019/20 also "
            "includes “Tbc”, so only £20,000 of it is counted so far.") in result.problems
    assert MISNAMED.format(award=COUNTY_LINES) in result.problems


def test_a_project_whose_every_share_names_another_award_is_said_once(demo_store):
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders — County Lines (2018/19): £20,000\n"
                               "Suffolk Public Sector Leaders — Cuonty Lines (2018/19): £5,000")
    result = page(demo_store, CSP, p4, "2018/19")
    assert [x for x in result.problems if "is named for" in x] == [(
        "Local Domestic Violence Coordinators: Suffolk Public Sector Leaders' share is named for “County Lines”, "
        "“Cuonty Lines”, so it adds nothing to CSP funding 2018-2021.")]
    # Against County Lines the £20,000 counts, and the £5,000 named for no award of theirs is said beside it.
    lines = page(demo_store, COUNTY_LINES, p4)
    assert lines.committed_pence == 2_000_000
    assert [x for x in lines.problems if "is named for" in x] == [MISNAMED.format(award=COUNTY_LINES)]


def test_a_misnamed_share_of_another_year_is_not_said_against_this_one(demo_store):
    p4 = p4_funded(demo_store, "Suffolk Public Sector Leaders (2018/19): £20,000\n"
                               "Suffolk Public Sector Leaders — Cuonty Lines (2020/21): £5,000")
    assert not [x for x in page(demo_store, CSP, p4, "2018/19").problems if "is named for" in x]
    assert [x for x in page(demo_store, CSP, p4, "2020/21").problems if "is named for" in x] == [
        MISNAMED.format(award=CSP)]


def test_the_commissioning_page_says_both_problems_under_its_table(window, qtbot, demo_path):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    p4 = p4_funded(store, TWO_SHARES)
    store.close()
    assert window.open_path(demo_path)
    window.show()
    tab = window.show_tab("projects")
    tab.pages.setCurrentWidget(tab._commissioning_holder)
    page = tab.commissioning
    page.presenter.new()  # not the example's saved scenario: project 4 alone
    index = next(i for i in range(page.award.count()) if page.award.itemText(i).endswith(": " + CSP))
    page.award.setCurrentIndex(index)
    page.award.activated.emit(index)
    page.presenter.tick(p4.id)
    qtbot.waitUntil(lambda: "is named for" in page.message.text(), timeout=3000)
    said = page.message.text()
    assert "so what they have left together is overstated" in said
    assert MISNAMED.format(award=CSP) in said
    assert page.summary.text().startswith("✓ CSP funding 2018-2021 £30,000 for 2018/19; committed £20,000")
