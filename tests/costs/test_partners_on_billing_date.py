"""Costs > Reviews: who is billed for a review when the partnership's statutory partners changed.

A partnership's members have dates (the two CCGs left the Western Suffolk CSP on 30/06/2022 when the ICB took their
place on 01/07/2022), but *Bill partners (charge)…* billed every organisation ever a member: a review billed in 2026
sent invoices to the CCGs, gone four years, as well as to the ICB, and each partner paid a twelfth, not a tenth.
The Split grid listed them all the same. DESIGN.md §2.3 and seed 002 §6.2: the review's cost is shared among "the
statutory partners of the CSP", and the Local Authority "invoiced the WSCSP statutory partners": the partners on the
day of the invoices (the billing date). Costs added since, and a refusal's re-split, stay with the partners billed.
"""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safer_desk.domain.dhr import DhrError
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2026, 11, 30)
UNDER_WAY = "WSCSP-DHR-2017-02"
PARTNERSHIP = "Western Suffolk CSP"
CCGS = ("org:ipswich-and-east-ccg", "org:west-suffolk-ccg")
ICB = "org:nhs-suffolk-and-north-east-essex-icb"
ICB_NAME = "NHS Suffolk and North East Essex ICB"
CRC = "org:norfolk-and-suffolk-crc"


def ccgs_became_the_icb(store) -> None:
    """The CCGs left the partnership on 30/06/2022 and the ICB joined it on 01/07/2022: the example holds it (session
    67, with the CRC's seat ended on 25/06/2021); checked here, so a test of the change tests it on the example."""
    days = {(m.organisation_id, m.valid_from, m.valid_to) for m in ref.partnership_members(
        store, "partnership:western-suffolk-csp")}
    assert {(c, date(2017, 4, 1), date(2022, 6, 30)) for c in CCGS} | {(ICB, date(2022, 7, 1), None)} <= days


def costed_case(store) -> str:
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="7525.58")
    return case_id


@pytest.fixture
def changed(demo_store):
    ccgs_became_the_icb(demo_store)
    return demo_store


def test_a_review_billed_after_the_change_bills_the_partners_on_the_invoice_date(changed):
    case_id = costed_case(changed)
    shares = dhr.bill_partners(changed, case_id, invoiced_on="30/11/2026")
    assert ICB in shares and not set(CCGS) & set(shares)
    # Two CCGs out, the ICB in, the CRC out (2021), and the two councils that became West Suffolk Council in 2019
    # one: eight, not twelve.
    assert len(shares) == 8 and sum(shares.values()) == 752558 and CRC not in shares
    assert sorted(shares.values()) == [94069] * 2 + [94070] * 6


def test_a_review_billed_before_the_change_bills_the_ccgs_not_the_icb(changed):
    case_id = costed_case(changed)
    shares = dhr.bill_partners(changed, case_id, invoiced_on="30/06/2022")  # their last day
    # West Suffolk Council since 2019, the CRC gone since 2021: nine
    assert set(CCGS) <= set(shares) and ICB not in shares and CRC not in shares and len(shares) == 9


def test_costs_added_since_go_to_the_partners_billed_when_the_officer_chooses_them(changed):
    case_id = costed_case(changed)
    first = dhr.bill_partners(changed, case_id, invoiced_on="15/06/2022")
    dhr.add_cost_line(changed, case_id, category="Administration", amount="1100")
    further = dhr.bill_partners(changed, case_id, invoiced_on="30/11/2026", sharing=dhr.FIRST_BILLED)
    assert set(further) == set(first) and sum(further.values()) == 110000


def test_costs_added_since_go_by_default_to_the_partners_on_the_invoice_date(changed):
    # s69: the ICB in place of the CCGs shares what was added after it joined (DESIGN.md: the CSP's statutory partners)
    case_id = costed_case(changed)
    dhr.bill_partners(changed, case_id, invoiced_on="15/06/2022")
    dhr.add_cost_line(changed, case_id, category="Administration", amount="1100")
    further = dhr.bill_partners(changed, case_id, invoiced_on="30/11/2026")
    assert set(further) == set(dhr.case_partners(changed, case_id, date(2026, 11, 30)))
    assert not set(CCGS) & set(further) and ICB in further and sum(further.values()) == 110000


def test_no_partner_on_the_invoice_date_is_refused_saying_why(changed):
    case_id = costed_case(changed)
    with pytest.raises(DhrError) as refused:
        dhr.bill_partners(changed, case_id, invoiced_on="01/03/2016")  # the members are partners from 01/04/2017
    said = str(refused.value)
    assert "Western Suffolk CSP" in said and "01/03/2016" in said and "Invoice date" in said
    assert not dhr.list_shares(changed, today=TODAY, case_id=case_id)


def test_a_percentage_for_a_partner_gone_by_the_invoice_date_is_refused_naming_it(changed):
    case_id = costed_case(changed)
    dhr.set_split_rule(changed, case_id, "percentages", on=date(2022, 6, 1),  # set while the CCG was a partner
                       percentages={"West Suffolk CCG": "50", "Suffolk County Council": "50"})
    with pytest.raises(DhrError) as refused:
        dhr.bill_partners(changed, case_id, invoiced_on="30/11/2026")
    assert "West Suffolk CCG" in str(refused.value) and "30/11/2026" in str(refused.value)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(windows=st.lists(st.tuples(st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2027, 1, 1))),
                                  st.one_of(st.none(), st.dates(date(2015, 1, 1), date(2027, 1, 1)))),
                        min_size=13, max_size=13),  # the partnership's thirteen memberships, in any years
       day=st.dates(date(2015, 1, 1), date(2027, 1, 1)), pence=st.integers(1, 5_000_000))
def test_the_partners_billed_are_those_on_the_invoice_date_and_add_up_to_the_penny(tmp_path_factory, demo_master,
                                                                                   windows, day, pence):
    path = tmp_path_factory.mktemp("billdate") / "office.sqlite"
    shutil.copyfile(demo_master, path)
    store = open_store(path)
    try:
        members = [r["organisation_id"] for r in store.rows(
            "SELECT organisation_id FROM partnership_members WHERE partnership_id = 'partnership:western-suffolk-csp' "
            "ORDER BY organisation_id")]
        with store.transaction():
            for org, (start, end) in zip(members, windows):
                store.conn.execute("UPDATE partnership_members SET valid_from = ?, valid_to = ? WHERE organisation_id "
                                   "= ? AND partnership_id = 'partnership:western-suffolk-csp'",
                                   (start and start.isoformat(), end and end.isoformat(), org))
        assert len(members) == len(windows)
        on_the_day = {org for org, (start, end) in zip(members, windows)
                      if (start is None or start <= day) and (end is None or day <= end)}
        case_id = dhr.case_id_by_reference(store, UNDER_WAY)
        dhr.add_cost_line(store, case_id, category="Administration", amount=f"{pence / 100:.2f}")
        if not on_the_day:
            with pytest.raises(DhrError, match="no statutory partners on"):
                dhr.bill_partners(store, case_id, invoiced_on=day)
            return
        shares = dhr.bill_partners(store, case_id, invoiced_on=day)
        assert set(shares) == on_the_day and sum(shares.values()) == pence
        assert max(shares.values()) - min(shares.values()) <= 1
    finally:
        store.close()


# -- the Split grid and the Bill form: the partners that would be billed --------------------------------------------

@pytest.fixture
def presenter(changed):
    case_id = costed_case(changed)
    p = DhrPresenter(changed, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    return p


def test_the_split_grid_lists_the_partners_billed_if_billed_on_its_day(presenter):
    """The grid lists the partners on the review's day (session 60: notified 13/11/2017, the CCGs then), and, today
    chosen in Partners on, today's: billed on the day shown, the partners billed are those shown."""
    split = presenter.split_form()
    on_its_day = {r.organisation_id for r in split.rows()}
    assert set(CCGS) <= on_its_day and ICB not in on_its_day
    assert split.set_partners_on(TODAY.strftime("%d/%m/%Y"))
    rows = split.rows()
    shown = {r.organisation_id for r in rows}
    assert ICB in shown and not set(CCGS) & shown and len(rows) == 8
    assert split.preview_total_pence() == 752558
    split.set_kind("percentages")
    split.share_equally()  # the percentages shared among the partners shown add up to 100%
    assert split.total_text() == "Total 100%" and split.save()
    assert set(dhr.bill_partners(presenter.store, presenter.selected, invoiced_on=TODAY)) == shown


def test_the_bill_form_names_the_partners_on_the_date_typed(presenter, changed):
    """The form lists the shares of the partners the Split grid lists: a split saved among today's lists today's;
    an equal split, the review's day's (session 60). A date whose partners differ is asked about once."""
    split = presenter.split_form()
    assert split.set_partners_on(TODAY.strftime("%d/%m/%Y"))
    split.set_kind("capped")
    split.set_cap(payer=ICB, percent="50")
    assert split.save(), split.form_message
    presenter.close_form(split)
    assert ICB_NAME in presenter.bill_form().note and "West Suffolk CCG" not in presenter.bill_form().note
    dhr.set_split_rule(changed, presenter.selected, "equal", on=TODAY)
    form = presenter.bill_form()  # the review's day (13/11/2017): the CCGs
    assert "West Suffolk CCG" in form.note and ICB_NAME not in form.note
    assert not form.save()  # dated today: asked about once, naming who is billed and who is not
    said = form.message("invoiced_on")
    assert "West Suffolk CCG" in said and ICB_NAME in said
    assert not dhr.list_shares(changed, today=TODAY, case_id=presenter.selected)
    form.set_value("invoiced_on", "20/09/2018")  # the review's own time: billed as listed, nothing asked
    assert form.save(), form.message("invoiced_on")
    billed = {s.organisation_id for s in dhr.list_shares(changed, today=TODAY, case_id=presenter.selected)}
    assert set(CCGS) <= billed and ICB not in billed


def test_the_window_split_dialog_shows_the_partners_on_the_review_s_day(demo_window, qtbot):
    """Session 60: the partners of 13/11/2017, when the death was notified (the CCGs, Forest Heath and St Edmundsbury),
    not today's."""
    page = reviews_page(demo_window, qtbot, TODAY)
    ccgs_became_the_icb(page.store)
    case_id = costed_case(page.store)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    page.presenter.select(case_id)
    dialog = page.split_dialog()
    shown = {r.partner for r in dialog.split.rows()}
    assert ICB_NAME not in shown and "West Suffolk CCG" in shown and len(shown) == 11
    dialog.reject()
