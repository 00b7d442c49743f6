"""Costs > Reviews > Split…: "Share equally" in a percentage split billed six partners unequally (session 73).

Safer Plymouth's six statutory partners share a review's £8,333.35. With "A percentage per partner" chosen, Share
equally filled 16.67% four times and 16.66% twice (100% in hundredths of a percent cannot be six equal parts), and
the grid showed, and Bill partners billed, £1,389.17 to four partners and £1,388.33 to two: 84p apart for what the
officer asked to be an equal split. Where the partners cannot have equal percentages to two decimals, Share equally
now switches the review to Equal shares (each billed £1,388.89 or £1,388.90, within a penny) and says so and why;
where they can (eight partners, 12.5% each), it fills the percentages as before.
"""

from __future__ import annotations

from datetime import date

from hypothesis import given
from PySide6.QtCore import Qt
from hypothesis import strategies as st

from safer_desk.domain.dhr import SplitRule, dhr_cost_shares, equal_percent_bp, format_bp
from safer_desk.presenters.dhr import DhrPresenter, SplitKind
from safer_desk.services import dhr
from tests.costs.test_split_partners_on_review_day_s60 import costed_case_split_dialog

TODAY = date(2024, 12, 7)


def _plymouth_review(store) -> str:
    case_id = dhr.add_case(store, reference="SP-DHR-2024-03", district="Plymouth", partnership="Safer Plymouth",
                           lead_organisation="Plymouth City Council", notified_on="2024-05-02")
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="7000.01", invoiced_on="2024-09-30")
    dhr.add_cost_line(store, case_id, category="Administration", amount="1,333.34", invoiced_on="2024-10-02")
    return case_id


def _split(store, case_id):
    p = DhrPresenter(store, today=lambda: TODAY)
    p.reload()
    p.select(case_id)
    return p.split_form()


def test_share_equally_among_six_bills_them_within_a_penny(demo_store):
    case_id = _plymouth_review(demo_store)
    split = _split(demo_store, case_id)
    assert len(split.rows()) == 6
    split.set_kind(SplitKind.PERCENTAGES)
    split.share_equally()
    shares = [r.share_pence for r in split.rows()]
    assert sum(shares) == 833335 and max(shares) - min(shares) <= 1, shares  # was 138917 ×4 and 138833 ×2
    assert split.kind == SplitKind.EQUAL
    said = split.form_message
    assert "Equal shares" in said and "16.67%" in said and "£1,389.17" in said and "£1,388.89" in said, said
    assert split.problem() == "" and split.save(), split.form_message
    assert dhr.split_rule(demo_store, case_id).kind == "equal"
    billed = dhr.bill_partners(demo_store, case_id, invoiced_on="15/10/2024")
    assert sorted(billed.values()) == [138889] * 5 + [138890]


def test_share_equally_fills_percentages_where_they_can_be_equal(demo_store):
    case_id = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    dhr.add_cost_line(demo_store, case_id, category="Independent chair/author", amount="1000")
    split = _split(demo_store, case_id)
    assert split.set_partners_on("07/12/2024") and len(split.rows()) == 8  # Western Suffolk's eight
    split.set_kind(SplitKind.PERCENTAGES)
    split.share_equally()
    assert split.kind == SplitKind.PERCENTAGES and split.total_text() == "Total 100%" and split.form_message == ""
    assert {r.percent_text for r in split.rows()} == {"12.5"} and {r.share_pence for r in split.rows()} == {12500}


def test_the_window_shows_equal_shares_chosen_and_says_why(demo_window, qtbot):
    page, case_id, dialog = costed_case_split_dialog(demo_window, qtbot)
    try:
        assert len(dialog.split.partners) == 11
        dialog.kind.setCurrentIndex(dialog.kind.findData(SplitKind.PERCENTAGES.value))
        qtbot.mouseClick(dialog.equal_button, Qt.MouseButton.LeftButton)
        assert dialog.kind.currentData() == SplitKind.EQUAL.value and not dialog.equal_button.isEnabled()
        assert dialog.message.isVisible() and "9.1% once and 9.09% 10 times" in dialog.message.text()
        assert not any(edit.isVisible() for edit in dialog.percent_edits.values())
        shares = [dialog.split.rows()[i].share_pence for i in range(11)]
        assert max(shares) - min(shares) <= 1
    finally:
        dialog.reject()


@given(partners=st.integers(1, 40), total=st.integers(0, 10**8))
def test_equal_percentages_are_offered_only_where_they_bill_within_a_penny(partners, total):
    names = [f"p{i}" for i in range(partners)]
    bp = equal_percent_bp(partners)
    if bp is None:
        assert 10000 % partners
        return
    assert bp * partners == 10000
    shares = dhr_cost_shares(total, names, SplitRule("percentages", dict.fromkeys(names, bp)))
    assert sum(shares.values()) == total and max(shares.values()) - min(shares.values()) <= 1


def type_percentages_to_100(split) -> None:
    """Type a part for every partner listed, adding up to 100% (the rest of the hundredths to the first): as Share
    equally filled them before it switched eleven partners to Equal shares, for tests of a percentage split."""
    ids = [oid for oid, _ in split.partners]
    each = 10000 // len(ids)
    for i, oid in enumerate(ids):
        split.set_percent(oid, format_bp(each + (10000 - each * len(ids) if i == 0 else 0)).rstrip("%"))
