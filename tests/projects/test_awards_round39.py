"""Round 39 (awf): View > Funders' Awards… as a finance officer types into it.

1. An award opened in a file open read-only said "Editing the award …" at its top, above a form with Close only
   that says it can be read, not changed: it now says "Viewing the award …".
2. Every refusal make_award can give sits beside its field: "Total: …" (the Total stated field's) went to the top of
   the form, and a negative award said "Amount: …" whether the total or a year's amount was negative.
3. A year's amount typed as the papers leave it ("TBC", "N/A", "-") was refused in the generic words ("is not an
   amount of money (try a form like £1,234.56)"): it now says what the words mean and what to do, on the year's line
   (leave the line out until the amount is known, or type £0 for none).
4. An award saved by an older version with its last year alone ("£500,000 (to 2019/20)") counted every year's shares,
   those after its last year too: it is no one year's money (amount_for is None) and covers the years up to its last.
5. A revenue / capital split copied from cells formatted as numbers (0.69 and 0.31) says the percentages to type.
6. `safer-desk awards --year 2017/18=TBC` said to leave the amount blank, which --year refuses: leave the year out.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from safer_desk.domain.commissioning import Award, FundingError
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.awards import FIELDS, AwardsPresenter
from safer_desk.presenters.forms import FormError

KEYS = {f.key for f in FIELDS}


def fill(form, **values: str) -> bool:
    for key, text in values.items():
        form.set_value(key, text)
    return form.save()


# -- 1. read-only: viewed, not edited -------------------------------------------------------------------------------

def test_an_award_opened_in_a_read_only_file_says_it_is_viewed(qtbot, window, demo_path):
    from safer_desk.ui.projects.awards import AwardsDialog

    assert window.open_path(demo_path, read_only=True)
    dialog = AwardsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.isVisible)
    dialog.view.selectRow(0)
    dialog.edit_button.click()
    qtbot.waitUntil(lambda: dialog.dialog is not None and dialog.dialog.isVisible())
    view = dialog.dialog.view
    QApplication.processEvents()
    assert view.heading.text().startswith("Viewing the award "), view.heading.text()
    assert view.read_only_note is not None and view.save_button.isHidden()


def test_an_award_in_a_writable_file_is_still_edited(demo_store):
    awards = AwardsPresenter(demo_store, perform=ActionLog())
    pcc = next(a for a in awards.rows() if a.funder == "OPCC")
    assert awards.edit_form(pcc.id).heading == f"Editing the award {pcc.name} (OPCC)."


# -- 2. every refusal beside its field ------------------------------------------------------------------------------

@pytest.mark.parametrize("values, field", [
    ({"total": "-£5"}, "total"),  # as the command line and a merge give it: text, not the form's pence
    ({"total": "TBC"}, "total"),
    ({"total": -500}, "total"),
    ({"years": "2017/18: -£5"}, "years"),
    ({"years": "2017/18: N/A"}, "years"),
    ({"years": "2017/18:"}, "years"),
    ({"years": "£400,568"}, "years"),
    ({"years": "2017/18: £1\n2017/18: £2"}, "years"),
    ({"first_year": "2030"}, "first_year"),
    ({"last_year": "2019/20"}, "first_year"),
    ({"first_year": "2019/20", "last_year": "2018/19"}, "last_year"),
    ({"years": "2017/18: £5", "first_year": "2018/19"}, "first_year"),
    ({"years": "2019/20: £5", "last_year": "2018/19", "first_year": "2017/18"}, "last_year"),
    ({"revenue": "69"}, "revenue"),
    ({"revenue": "69", "capital": "21"}, "revenue"),
    ({"revenue": "169", "capital": "-69"}, "revenue"),
    ({"revenue": "69", "capital": "lots"}, "capital"),
    ({"funder": ""}, "funder"),
    ({"name": " "}, "name"),
])
def test_every_refusal_of_the_award_is_tied_to_its_field(store, values, field):
    awards = AwardsPresenter(store, perform=ActionLog())
    typed = {k: "" for k in KEYS} | {"funder": "OPCC", "name": "Grant"} | values
    with pytest.raises(FormError) as caught:
        awards._read(typed, None)
    assert list(caught.value.by_field) == [field] and not caught.value.message, (caught.value.by_field,
                                                                                 caught.value.message)


def test_a_negative_award_names_the_year_or_the_total():
    with pytest.raises(FundingError, match=r"^Amount for 2017/18: an award cannot be negative\.$"):
        Award("a", "OPCC", "Grant", {"2017/18": -1, "2018/19": 5})
    with pytest.raises(FundingError, match=r"^Total: an award cannot be negative\.$"):
        Award("a", "OPCC", "Grant", total_pence=-1)


# -- 3. "TBC", "N/A" and "-" for a year's amount ---------------------------------------------------------------------

@pytest.mark.parametrize("typed, words", [
    ("TBC", "“TBC” is not an amount of money: it says the figure is not known yet. Leave the year's line out until "
            "it is known (type £0 only if there is none)."),
    ("t.b.c.", "“t.b.c.” is not an amount of money: it says the figure is not known yet."),
    ("TBA", "“TBA” is not an amount of money: it says the figure is not known yet."),
    ("tbd", "“tbd” is not an amount of money: it says the figure is not known yet."),
    ("N/A", "“N/A” is not an amount of money: it stands for no figure (none, or one not known yet). Type £0 for "
            "none, or leave the year's line out until it is known."),
    ("-", "“-” is not an amount of money: it stands for no figure"),
])
def test_a_years_amount_not_known_yet_says_to_leave_the_line_out(store, typed, words):
    awards = AwardsPresenter(store, perform=ActionLog())
    form = awards.new_form()
    assert not fill(form, funder="OPCC", name="Grant", years=f"2017/18: £400,568\n2018/19: {typed}")
    assert form.message("years").startswith(f"Amount for 2018/19: {words}"), form.message("years")
    assert awards.rows() == []
    assert fill(form, years="2017/18: £400,568"), form.form_message  # the line left out: saved


@pytest.mark.parametrize("typed", ["TBC", "N/A", "-", "tba"])
def test_a_total_not_known_yet_says_to_leave_it_blank_beside_the_total(store, typed):
    awards = AwardsPresenter(store, perform=ActionLog())
    form = awards.new_form()
    assert not fill(form, funder="OPCC", name="Grant", years="2017/18: £400,568", total=typed)
    assert "leave the amount blank until it is known" in form.message("total").casefold(), form.message("total")
    assert fill(form, total=""), form.form_message


# -- 4. a total that holds its last year alone ----------------------------------------------------------------------

COUNTY_LINES = "County Lines and Urban Street Gangs 2018-2020"  # seed 002: £500,000 for 2018/19 to 2019/20
LEADERS = "Suffolk Public Sector Leaders"


def to_its_last_year(store) -> Award:
    """County Lines as an older version saved it, its first year not asked for: "£500,000 (to 2019/20)"."""
    from dataclasses import replace

    from safer_desk.services import funders

    lines = next(a for a in funders.list_awards(store) if a.name == COUNTY_LINES)
    return funders.save_award(store, replace(lines, first_year=""))


def shares_either_side_of_its_last_year(store):
    """Project 4 with the Leaders' £20,000 for 2018/19 (within the award) and £5,000 for 2020/21 (after it)."""
    from dataclasses import replace

    from safer_desk.services import projects as svc
    from safer_desk.services.projects import parse_funding_sources

    problems: list = []
    sources = parse_funding_sources(f"{LEADERS} — County Lines (2018/19): £20,000\n"
                                    f"{LEADERS} — County Lines (2020/21): £5,000", problems)
    assert problems == []
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    svc.save_project(store, replace(p4, funding_sources=sources))
    return next(p for p in svc.load_projects(store) if p.ref == "4")


def test_a_total_to_its_last_year_is_no_one_years_money_and_covers_the_years_up_to_it(demo_store):
    award = to_its_last_year(demo_store)
    assert award.amount_text() == "£500,000 (to 2019/20)"
    assert [award.amount_for(y) for y in ("2018/19", "2019/20", "2020/21")] == [None, None, None]
    assert award.span == ("", "2019/20") and not award.total_over_years
    assert [award.covers(y) for y in ("2015/16", "2019/20", "2020/21", "")] == [True, True, False, True]
    as_the_paper_gives_it = Award("b", LEADERS, COUNTY_LINES, total_pence=50_000_000, first_year="2018/19",
                                  last_year="2019/20")
    assert as_the_paper_gives_it.span == ("2018/19", "2019/20")
    assert [as_the_paper_gives_it.covers(y) for y in ("2017/18", "2018/19", "2020/21")] == [False, True, False]
    one_year = Award("c", LEADERS, "Youth", total_pence=5_000_000, first_year="2019/20")
    assert one_year.span is None and one_year.amount_for("2019/20") == 5_000_000
    assert [one_year.covers(y) for y in ("2018/19", "2019/20")] == [False, True]


def test_commissioning_against_a_total_to_its_last_year_counts_no_share_after_it(demo_store):
    from safer_desk.presenters.commissioning import CommissioningPresenter
    from safer_desk.services import projects as svc

    award = to_its_last_year(demo_store)
    p4 = shares_either_side_of_its_last_year(demo_store)
    page = CommissioningPresenter(demo_store)
    page.set_projects(svc.load_projects(demo_store))
    page.new()
    page.set_award(award.id, "")
    page.tick(p4.id)
    result = page.evaluation()
    assert page.fund_text == "£500,000" and page.award_years() == []
    # The £5,000 for 2020/21 is after the award's last year: £480,000 left of it, not £475,000.
    assert (result.committed_pence, result.remaining_pence) == (2_000_000, 48_000_000)


def test_the_report_counts_a_total_to_its_last_year_as_commissioning_does(demo_store):
    from safer_desk.services.report import build_report

    to_its_last_year(demo_store)
    shares_either_side_of_its_last_year(demo_store)
    (table,) = [t for s in build_report(demo_store).sections for t in s.tables if t.title.startswith(COUNTY_LINES)]
    assert table.title == f"{COUNTY_LINES}: to 2019/20 (£500,000)"
    assert [r[:3] for r in table.rows] == [["4", "Local Domestic Violence Coordinators", "£20,000"]]
    assert table.note.startswith(f"{LEADERS}' shares come to £20,000 of the £500,000 awarded for the years to "
                                 "2019/20: £480,000 left."), table.note


# -- more of the same kind ------------------------------------------------------------------------------------------

def test_a_split_copied_as_fractions_says_the_percentages_to_type(store):
    # 69% and 31% in cells formatted as numbers copy as 0.69 and 0.31: "0.69% and 0.31% do not add up to 100%".
    awards = AwardsPresenter(store, perform=ActionLog())
    form = awards.new_form()
    assert not fill(form, funder="OPCC", name="Grant", years="2009/10: £65,512", revenue="0.69", capital="0.31")
    assert form.message("revenue") == ("Revenue/capital: 0.69% and 0.31% add up to 1%, not 100%: a sheet holds 69% as "
                                       "0.69. For 69% and 31%, type 69 and 31.")
    assert fill(form, revenue="69", capital="31"), form.form_message


def test_the_command_line_says_to_leave_out_a_year_not_known_yet(demo_path, capsys):
    from tests.cli_run import run

    code, _out, err = run(capsys, "awards", demo_path, "--add", "T", "--funder", "OPCC", "--year", "2017/18=TBC")
    assert code == 2
    assert ("--year: the amount for 2017/18: “TBC” is not an amount of money: it says the figure is not known yet. "
            "Leave out --year 2017/18 until it is known (type £0 only if there is none).") in err, err
