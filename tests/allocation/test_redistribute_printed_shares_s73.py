"""Session 73: money not committed by the deadline, shared back by the crime share under the paper's rounding.

Seed 000: the retained money not commissioned by September 2009 "should be shared proportionately amongst CSPs, on the
basis of the formula used to allocate funding according to distribution of BCS comparator crimes … The table below
shows the BCS allocation method used for 2009/10", the table of shares as printed (9.08%, 29.51%, 18.06%, 12.36%,
30.99%). With the allocation rounded as that spreadsheet rounds (two-decimal percentages), the Redistribute page
shared back by the exact shares instead: of £27,000 not committed it gave Babergh £2,451 where the paper's 9.08%
gives £2,451.60, £2,452, and West £8,368 where its 30.99% gives £8,367.30, £8,367: figures the officer could not
work out from the Results page beside them. Exact rounding still shares by the exact shares.
"""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from safer_desk.domain.allocation import allocate_by_formula, redistribute_uncommitted, redistribution_shares
from safer_desk.presenters.allocation import redistribution
from tests.allocation.seed import options as seed_options, partnerships

# £27,000 × the paper's percentages: 2,451.60, 7,967.70, 4,876.20, 3,337.20, 8,367.30, rounded to the pound
PRINTED = {"Babergh": 2_452_00, "Ipswich": 7_968_00, "Waveney": 4_876_00, "Suffolk Coastal": 3_337_00,
           "West": 8_367_00}
# £27,000 × 2,442 / 26,895 = 2,451.48 …, by largest remainder
EXACT = {"Babergh": 2_451_00, "Ipswich": 7_968_00, "Waveney": 4_876_00, "Suffolk Coastal": 3_337_00,
         "West": 8_368_00}


def test_the_papers_rounding_shares_back_by_the_printed_percentages():
    result = allocate_by_formula(partnerships(), seed_options())
    assert redistribute_uncommitted(27_000_00, result, method="basis") == PRINTED
    assert sum(PRINTED.values()) == 27_000_00


def test_exact_rounding_shares_back_by_the_exact_shares():
    result = allocate_by_formula(partnerships(), seed_options(rounding="exact"))
    assert redistribute_uncommitted(27_000_00, result, method="basis") == EXACT


def test_the_retained_65512_is_shared_as_the_paper_would():
    """£65,512 × 9.08% … rounds to £65,511: the pound short goes to West (£20,302.17, furthest below its exact
    £20,302.75), and the page says so."""
    result = allocate_by_formula(partnerships(), seed_options())
    shares, note = redistribution_shares(65_512_00, result)
    assert shares == {"Babergh": 5_948_00, "Ipswich": 19_333_00, "Waveney": 11_831_00, "Suffolk Coastal": 8_097_00,
                      "West": 20_303_00}
    assert note == ("The two-decimal percentages did not add up to the amount shared back: £1 was added in steps of "
                    "£1 by largest remainder so that the shares add up exactly to it.")


def test_the_page_says_which_shares():
    result = allocate_by_formula(partnerships(), seed_options())
    rows, note = redistribution(result, "£27,000", "basis")
    assert dict(rows) == {**PRINTED, "Total": 27_000_00}
    assert note == ("£27,000 shared back by the shares as printed (percentages to two decimals, as this allocation "
                    "is rounded); the shares add up exactly.")
    exact = allocate_by_formula(partnerships(), seed_options(rounding="exact"))
    assert redistribution(exact, "£27,000", "basis")[1] == "£27,000 shared back; the shares add up exactly."
    # pro rata to this year's allocation is the same under either rounding: no word of percentages
    assert redistribution(result, "£27,000", "allocation")[1] == "£27,000 shared back; the shares add up exactly."


def test_odd_pence_are_said_once():
    result = allocate_by_formula(partnerships(), seed_options())
    rows, note = redistribution(result, "£27,000.50", "basis")
    odd = [name for name, pence in rows[:-1] if pence % 100]
    assert len(odd) == 1 and rows[-1] == ("Total", 27_000_50)
    assert note.count("odd 50p") == 1 and f"the odd 50p to {odd[0]}" in note


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 10**6), min_size=1, max_size=9).filter(any), st.integers(0, 10**9),
       st.sampled_from(["pound", "penny"]))
def test_printed_shares_add_up_exactly_and_are_never_negative(counts, amount, unit):
    from safer_desk.domain.allocation import PartnershipInput

    rows = [PartnershipInput(f"P{i}", 1, {"basis": c}, None) for i, c in enumerate(counts)]
    result = allocate_by_formula(rows, seed_options(previous_total_pence=None, pot_pence=10_000_000_00, retain=0,
                                                    unit=unit))
    shares = redistribute_uncommitted(amount, result, method="basis")
    assert sum(shares.values()) == amount
    assert all(v >= 0 for v in shares.values())
    assert set(shares) == {f"P{i}" for i in range(len(counts))}


def test_the_page_says_how_the_printed_shares_were_made_to_add_up():
    result = allocate_by_formula(partnerships(), seed_options())
    rows, note = redistribution(result, "", "basis")
    assert rows[-1] == ("Total", 65_512_00) and dict(rows)["West"] == 20_303_00
    assert note == ("£65,512 shared back by the shares as printed (percentages to two decimals, as this allocation is "
                    "rounded). The two-decimal percentages did not add up to the amount shared back: £1 was added in "
                    "steps of £1 by largest remainder so that the shares add up exactly to it. (The retained amount; "
                    "type another to change it.)")


def test_the_window_shares_back_by_the_rounding_chosen(demo_window, qtbot):
    """The example's 2009/10 scenario is the paper's (shares to 0.01%): £27,000 typed gives Babergh £2,452; Exact
    shares chosen gives £2,451, and the page's words follow."""
    tab = demo_window.show_tab("allocation")
    assert tab.rounding_combo.currentText() == "Shares to 0.01%"
    tab.redistribute_amount.setText("£27,000")
    tab.redistribute_amount.editingFinished.emit()
    shares = dict(tab.redistribute_model.rows)
    assert shares["Babergh CSP"] == 2_452_00 and shares["Western CSP"] == 8_367_00 and shares["Total"] == 27_000_00
    assert "by the shares as printed" in tab.redistribute_note.text()
    tab.rounding_combo.setCurrentIndex(tab.rounding_combo.findText("Exact shares"))
    qtbot.waitUntil(lambda: dict(tab.redistribute_model.rows)["Babergh CSP"] == 2_451_00)
    assert dict(tab.redistribute_model.rows)["Western CSP"] == 8_368_00
    assert tab.redistribute_note.text() == "£27,000 shared back; the shares add up exactly."
