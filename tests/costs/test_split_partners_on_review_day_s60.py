"""Costs > Reviews > Split…: the partners a review's cost is shared among are those of its own day, not today's.

WSCSP-DHR-2017-02 was notified on 13/11/2017, when the Western Suffolk CSP had eleven statutory partners (Forest Heath
and St Edmundsbury among them: they became West Suffolk Council on 01/04/2019). Split… listed today's ten, West
Suffolk Council in, Forest Heath and St Edmundsbury out, so the officer keying the review's 2018 invoices could not
give those two councils a percentage at all (refused: "not a statutory partner … on <today>") and a percentage split
saved among today's partners was refused when billed on the review's own date. The grid now lists the partners on the
review's day (said above it, and changeable), the split saved is checked against that day, and Bill partners lists
and bills the same partners when dated then, asking once when its date would bill others.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.dhr import DhrPresenter, SplitKind
from safer_desk.services import dhr
from safer_desk.services import reference as ref
from tests.costs.test_search_choice_round22 import reviews_page

# "Today" for these tests: a day after the one change they are about (two councils became West Suffolk Council on
# 01/04/2019) and before the CRC (25/06/2021) and the CCGs (30/06/2022) left, as the example holds them since
# session 67: today's own partners are tested in test_example_partners_today_s67.
TODAY = date(2021, 3, 31)
UNDER_WAY = "WSCSP-DHR-2017-02"
THEN = {"Forest Heath District Council", "St Edmundsbury Borough Council"}  # partners in 2017, gone by 2019
NOW = "West Suffolk Council"  # a partner from 01/04/2019
COST = 752558


def costed_case(store) -> str:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="7525.58", invoiced_on="2018-09-01")
    return case_id


def costed_case_split_dialog(window, qtbot):
    """The Reviews page of the window as at TODAY, the review under way given a cost, chosen, and its Split… dialog
    opened: (page, case id, dialog); the caller closes the dialog."""
    page = reviews_page(window, qtbot, TODAY)
    case_id = costed_case(page.store)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.presenter.select(case_id)
    return page, case_id, page.split_dialog()


@pytest.fixture
def presenter(demo_store):
    case_id = costed_case(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    return p


def names(store, ids) -> set[str]:
    by_id = {o.id: o.name for o in ref.list_organisations(store)}
    return {by_id[i] for i in ids}


def test_the_split_grid_lists_the_partners_on_the_review_s_day_not_today_s(presenter):
    split = presenter.split_form()
    shown = {r.partner for r in split.rows()}
    assert THEN <= shown and NOW not in shown and len(shown) == 11
    assert split.partners_on == date(2017, 11, 13)
    assert split.preview_total_pence() == COST
    said = split.partners_said()
    assert "13/11/2017" in said and "notified" in said
    # and what billing today would do instead, so the officer dates the invoices knowingly
    assert NOW in said and all(name in said for name in THEN)


def test_a_percentage_split_among_the_review_s_partners_saves_and_bills_as_shown(presenter, demo_store):
    """A part for Forest Heath was refused as not a partner today; it is one on the review's day."""
    split = presenter.split_form()
    split.set_kind(SplitKind.PERCENTAGES)
    split.share_equally()
    preview = {r.organisation_id: r.share_pence for r in split.rows()}
    assert split.problem() == "" and split.save(), split.form_message
    shares = dhr.bill_partners(demo_store, presenter.selected, invoiced_on="20/09/2018")
    assert shares == preview and sum(shares.values()) == COST
    assert THEN <= names(demo_store, shares) and NOW not in names(demo_store, shares)


def test_the_split_grid_opened_again_shows_the_partners_its_saved_parts_are_for(presenter):
    split = presenter.split_form()
    split.set_partners_on(TODAY.strftime("%d/%m/%Y"))  # the officer chose today's partners instead
    assert NOW in {r.partner for r in split.rows()} and not THEN & {r.partner for r in split.rows()}
    split.set_kind(SplitKind.PERCENTAGES)
    split.share_equally()
    assert split.save(), split.form_message
    presenter.close_form(split)
    again = presenter.split_form()
    assert again.partners_on == TODAY
    assert {r.partner for r in again.rows()} == {r.partner for r in split.rows()}
    assert all(r.percent_text for r in again.rows())  # every part saved is in the grid, none dropped


def test_a_day_typed_that_is_not_a_date_is_refused_and_the_grid_kept(presenter):
    split = presenter.split_form()
    before = [r.partner for r in split.rows()]
    assert not split.set_partners_on("31/02/2018")
    assert split.partners_message and [r.partner for r in split.rows()] == before


def test_a_review_notified_before_its_partnership_had_partners_lists_its_first_partners(demo_store):
    """The Western Suffolk CSP's partners are members from 01/04/2017: a death notified in March 2017 is shared among
    them (as WSCSP-DHR-2017-01's was), not said to have nobody to share it."""
    case_id = dhr.add_case(demo_store, reference="WSCSP-DHR-2017-09", district="Mid Suffolk",
                           partnership="Western Suffolk CSP", notified_on="2017-03-01", decision="hold")
    dhr.add_cost_line(demo_store, case_id, category="Administration", amount="1100", invoiced_on="2018-01-10")
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    split = p.split_form()
    assert split.partners_on == date(2017, 4, 1) and split.no_partners_why() == ""
    assert THEN <= {r.partner for r in split.rows()} and split.preview_total_pence() == 110000


def test_the_bill_form_lists_the_split_s_partners_and_asks_before_billing_others(presenter, demo_store):
    form = presenter.bill_form()
    assert all(name in form.note for name in THEN) and NOW not in form.note
    assert not form.save()  # dated today: asked once, naming who would and would not be billed
    said = form.message("invoiced_on")
    assert NOW in said and all(name in said for name in THEN)
    assert not dhr.list_shares(demo_store, today=TODAY, case_id=presenter.selected)
    form.set_value("invoiced_on", "20/09/2018")  # the review's own time: billed as listed, nothing asked
    assert form.save(), form.message("invoiced_on")
    billed = {s.partner for s in dhr.list_shares(demo_store, today=TODAY, case_id=presenter.selected)}
    assert THEN <= billed and NOW not in billed and len(billed) == 11


def test_the_window_split_dialog_shows_the_review_s_partners_and_takes_another_day(demo_window, qtbot):
    page, case_id, dialog = costed_case_split_dialog(demo_window, qtbot)
    try:
        assert dialog.partners_on.text() == "13/11/2017"
        shown = {r.partner for r in dialog.split.rows()}
        assert THEN <= shown and NOW not in shown
        assert len(dialog.share_labels) == 11 and dialog.partners_note.isVisibleTo(dialog)
        dialog.partners_on.setFocus()
        dialog.partners_on.edit.selectAll()
        qtbot.keyClicks(dialog.partners_on.edit, TODAY.strftime("%d/%m/%Y"))
        qtbot.keyClick(dialog.partners_on.edit, "\r")
        assert len(dialog.share_labels) == 10 and NOW in {r.partner for r in dialog.split.rows()}
        assert dialog.cap_payer.findText(NOW) >= 0 and dialog.cap_payer.findText("Forest Heath District Council") < 0
        assert dialog.preview_total.text() == "£7,525.58"
    finally:
        dialog.reject()


def test_a_day_with_no_partners_says_to_choose_another_day(presenter):
    """A day typed before the partnership had partners emptied the grid with advice to choose another partnership
    or record its partners, where the day typed is what is wrong."""
    split = presenter.split_form()
    assert split.set_partners_on("01/01/2010")
    assert split.partners == [] and not split.editable
    said = split.no_partners_why()
    assert "01/01/2010" in said and "Partners on" in said and "members from 01/04/2017" in said
