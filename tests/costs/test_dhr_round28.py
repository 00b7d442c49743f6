"""Costs > Reviews, round 28.

1. A capped payer already billed its cap was billed past it when a cost line was corrected after billing: the
   chair's £10,000 billed with Suffolk County Council paying 50% up to £5,000 (its £5,000, ten others £500 each),
   then £3,000 of administration added and the chair's line corrected to £8,000. The further £1,000 was split
   equally among all eleven, the county council's £90.91 included: billed £5,090.91 against a cap of £5,000, where
   the guide says a capped payer already at its cap pays no more. The capped payer is now brought at most to its
   share of the split afresh (nothing here), and the others share the rest.
2. Correcting that chair's line from £10,000 to £8,000 was kept without a word, though it left the county council
   billed £5,000 for a capped part that now comes to £4,000 (the Split grid still shows £5,000 under a rule of 50% of
   £8,000). The correction is asked about once, beside the amount, saying so; Save again keeps it. Deleting the
   chair's line (costs enough besides) says it in its question.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given, strategies as st
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, further_shares
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.services import dhr
from tests.costs.test_new_case_then_cost_line import button, field, type_into
from tests.costs.test_search_choice_round22 import reviews_page

TODAY = date(2018, 9, 1)
UNDER_WAY = "WSCSP-DHR-2017-02"
COUNTY = "org:suffolk-county-council"


# -- 1. a capped payer at its cap, after a cost line is corrected --------------------------------------------------

def capped_and_billed(store) -> tuple[str, str]:
    """The chair's £10,000 billed on 01/08/2018 with the county council paying 50% up to £5,000; then £3,000 of
    administration added. Returns the case and the chair's line."""
    case_id = dhr.case_id_by_reference(store, UNDER_WAY)
    chair = dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="10000",
                              invoiced_on="01/07/2018")
    dhr.set_split_rule(store, case_id, "capped", cap_payer="Suffolk County Council", cap_percent="50",
                       cap_amount="5000", on=date(2018, 8, 1))
    dhr.bill_partners(store, case_id, invoiced_on="01/08/2018")
    dhr.add_cost_line(store, case_id, category="Administration", amount="3000", invoiced_on="01/08/2018")
    return case_id, chair


def capped_and_corrected(store) -> str:
    """The chair's £10,000 billed on 01/08/2018 with the county council paying 50% up to £5,000; then £3,000 of
    administration added and the chair's line corrected to £8,000 (£1,000 more than was billed)."""
    case_id, chair = capped_and_billed(store)
    dhr.update_cost_line(store, chair, category="Independent chair/author", amount="8000", invoiced_on="01/07/2018")
    return case_id


def test_a_capped_payer_at_its_cap_is_not_billed_more_after_a_cost_line_is_corrected(demo_store):
    case_id = capped_and_corrected(demo_store)
    further = dhr.shares_to_bill(demo_store, case_id, TODAY)
    assert further[COUNTY] == 0
    assert sum(further.values()) == 100000 and min(further.values()) >= 0
    dhr.bill_partners(demo_store, case_id, invoiced_on=TODAY)
    billed = {p.organisation_id: p.billed_pence for p in dhr.partner_ledger(demo_store, today=TODAY, case_id=case_id)}
    assert billed[COUNTY] == 500000  # its cap, not £5,090.91
    assert sum(billed.values()) == dhr.case_cost_pence(demo_store, case_id) == 1100000
    assert {v for k, v in billed.items() if k != COUNTY} == {60000}  # £6,000 among the other ten


def test_the_bill_form_says_the_capped_payer_pays_nothing_more(demo_store):
    case_id = capped_and_corrected(demo_store)
    p = DhrPresenter(demo_store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    form = p.bill_form()
    assert "Suffolk County Council" not in form.note and "Babergh District Council £100" in form.note


@given(st.integers(0, 2_000_000), st.integers(0, 2_000_000), st.integers(0, 2_000_000), st.integers(0, 10_000),
       st.integers(0, 1_000_000), st.integers(2, 12))
def test_further_shares_never_take_a_capped_payer_past_its_cap(base, other, more, bp, cap, n):
    """Billed on a chair's cost of ``base`` (and ``other`` besides), then the costs corrected to any total at least
    that billed, the chair's part of it anything: the capped payer ends no higher than its cap, nor than it was
    billed or its fresh share (whichever is more); the further shares add up and none is negative."""
    partners = [f"p{i}" for i in range(n)]
    rule = SplitRule("capped", cap_payer="p0", cap_percent_bp=bp, cap_pence=cap)
    billed = dhr_cost_shares(base + other, partners, rule, capped_base_pence=base)
    total = base + other + more
    for new_base in (0, base // 2, base, total):
        further = further_shares(total, billed, rule, capped_base_pence=new_base)
        assert sum(further.values()) == more and min(further.values()) >= 0
        fresh = dhr_cost_shares(total, partners, rule, capped_base_pence=new_base)
        assert billed["p0"] + further["p0"] <= max(billed["p0"], fresh["p0"]) <= cap


# -- 2. correcting the capped costs of a billed review ----------------------------------------------------------------

def presenter_on(store, case_id: str) -> DhrPresenter:
    p = DhrPresenter(store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    return p


def chair_form(store):
    case_id, chair = capped_and_billed(store)
    p = presenter_on(store, case_id)
    return p, p.edit_cost_line_form(next(line for line in dhr.cost_lines(store, case_id) if line["id"] == chair))


def test_correcting_the_capped_costs_below_what_the_capped_payer_was_billed_is_asked_about_once(demo_store):
    p, form = chair_form(demo_store)
    form.set_value("amount", "8000")
    assert not form.save()
    assert form.message("amount").startswith(
        "Suffolk County Council was billed £5,000 as its capped part; with the independent chair/author costs at "
        "£8,000 it would be £4,000 (£1,000 less). Its invoices stay as sent: nothing is billed back, and it is "
        "billed nothing more.")
    assert dhr.case_cost_pence(demo_store, p.selected) == 1300000  # nothing written yet
    assert form.save()
    assert dhr.case_cost_pence(demo_store, p.selected) == 1100000


def test_the_cost_line_dialog_says_it_beside_the_amount(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id, chair = capped_and_billed(page.store)
    page.presenter.reload()
    assert page.select_case(case_id)
    page.details.setCurrentIndex(1)
    assert page.costs.select_where(lambda line: line["id"] == chair)
    dialog = page.edit_cost_line_dialog()
    type_into(qtbot, field(dialog, "Amount"), "8000")
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    beside = next(label for label in dialog.findChildren(QLabel) if label.accessibleName() == "Message about Amount")
    assert beside.isVisible() and "it would be £4,000 (£1,000 less)" in beside.text()
    assert dhr.case_cost_pence(page.store, case_id) == 1300000
    qtbot.mouseClick(button(dialog, "Save"), Qt.MouseButton.LeftButton)
    assert dhr.case_cost_pence(page.store, case_id) == 1100000


def test_deleting_the_chairs_line_says_it_in_the_question(demo_window, qtbot, prompts):
    page = reviews_page(demo_window, qtbot, TODAY)
    case_id, chair = capped_and_billed(page.store)
    dhr.add_cost_line(page.store, case_id, category="Legal", amount="7000", invoiced_on="01/08/2018")
    page.presenter.reload()
    assert page.select_case(case_id)
    page.details.setCurrentIndex(1)
    assert page.costs.select_where(lambda line: line["id"] == chair)
    prompts.answers.append(False)
    page.delete_cost_line()
    _, question = prompts.questions[-1]
    assert question.startswith(
        "Delete the Independent chair/author cost of £10,000 from WSCSP-DHR-2017-02? Suffolk County Council was "
        "billed £5,000 as its capped part; with the independent chair/author costs at £0 it would be £0 "
        "(£5,000 less).")
    assert dhr.case_cost_pence(page.store, case_id) == 2000000  # not deleted: the answer was no


def test_moving_the_chairs_cost_to_another_category_is_asked_about_too(demo_store):
    _, form = chair_form(demo_store)
    form.set_value("category", "Other")
    assert not form.save()
    said = form.message("amount")
    assert "with the independent chair/author costs at £0 it would be £0 (£5,000 less)" in said


def test_a_correction_that_leaves_the_capped_part_as_billed_is_not_asked_about(demo_store):
    _, form = chair_form(demo_store)
    form.set_value("amount", "12000")  # half is £6,000: still capped at the £5,000 billed
    assert form.save()


def test_the_line_corrected_again_without_taking_the_part_further_down_is_not_asked_about(demo_store):
    p, form = chair_form(demo_store)
    form.set_value("amount", "8000")
    assert not form.save() and form.save()  # asked once, kept
    chair = next(line for line in dhr.cost_lines(demo_store, p.selected) if line["category"].startswith("Independent"))
    form = p.edit_cost_line_form(chair)
    form.set_value("supplier", "Suffolk DHR Chairs Ltd")
    assert form.save()
    form = p.edit_cost_line_form(chair)
    form.set_value("amount", "7000")  # £3,500: below the £4,000 it came to, asked again
    assert not form.save() and "it would be £3,500 (£1,500 less)" in form.message("amount")


def test_an_equal_split_corrected_is_not_asked_about(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, UNDER_WAY)
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="10000")
    dhr.bill_partners(demo_store, case_id, invoiced_on="01/08/2018")
    line = dhr.add_cost_line(demo_store, case_id, category="Administration", amount="3000")
    form = presenter_on(demo_store, case_id).edit_cost_line_form(
        next(r for r in dhr.cost_lines(demo_store, case_id) if r["id"] == line))
    form.set_value("amount", "2000")
    assert form.save()
