"""Session 58: an award kept with a stated total its years do not add up to stays flagged.

Save asks once about a total the years do not add up to (£250,000 + £250,000 against the paper's £516,244), and Save
again keeps it, as the paper states it. From then on nothing showed it: View > Funders' Awards… listed "£250,000 a
year (2017/18, 2018/19)", and the board report's table for the award counted £500,000 without a word, while
`safer-desk awards` printed the total beside the years. DESIGN 2.5: a total a paper states that differs from its
lines is kept and flagged.
"""

from __future__ import annotations

from safer_desk.presenters.awards import AwardsPresenter
from safer_desk.services import funders
from safer_desk.services.report import build_report

PCC = "PCC grant to Safer Plymouth 2017-19"


def _state_total(store, total: str):
    awards = AwardsPresenter(store)
    award = funders.award_by_name(store, PCC)
    form = awards.edit_form(award.id)
    form.set_value("total", total)
    form.save()
    form.save()  # kept, as the paper states it
    return awards, funders.get_award(store, award.id)


def test_the_list_flags_a_stated_total_the_years_do_not_add_up_to(demo_store):
    awards, award = _state_total(demo_store, "£816,244")
    assert award.total_pence == 81_624_400
    assert awards.amounts_text(award) == (
        "£400,568 a year (2017/18, 2018/19) ⚠ stated as £816,244 in total; the years add up to £801,136")


def test_a_stated_total_the_years_add_up_to_is_not_flagged(demo_store):
    awards, award = _state_total(demo_store, "£801,136")
    assert awards.amounts_text(award) == "£400,568 a year (2017/18, 2018/19)"


def test_the_reports_award_tables_say_it(demo_store):
    _state_total(demo_store, "£816,244")
    (table,) = [t for s in build_report(demo_store, area="Plymouth", year="2017/18").sections for t in s.tables
                if t.title.startswith(f"{PCC}: 2017/18")]
    assert (f"{PCC}: the years add up to £801,136 but the award is stated as £816,244.") in table.note
