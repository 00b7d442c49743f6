"""Session 60: the Redistribute page shared back more than the board retained without a word.

Seed 000: "The Safer Suffolk Partnership Board have undertaken to redistribute any of the retained funding that is
not committed by September 2009 … the £65,512 available". What is shared back is retained money not committed, so at
most the £65,512 retained: £655,120 typed (last year's total, in the field by mistake) was split as if the board held
it, the table looking like any other. The page still shows the split (the amount may be meant: the board may add an
underspend), and says under it, with the amount over, that it is more than was retained. The odd pence of an amount
typed with pence are still named (round 39's £65,512.50, 50p more than retained, keeps that sentence).
"""

from __future__ import annotations

from safer_desk.domain.allocation import allocate_by_formula
from safer_desk.presenters.allocation import redistribution
from tests.allocation.seed import options as seed_options, partnerships

OVER = ("⚠ That is £589,608 more than the £65,512 retained: only retained money not committed by the deadline is "
        "shared back. Check the amount (leave it blank for the retained amount).")


# Exact shares: under the paper's rounding the note also says the shares are the printed percentages (session 73,
# test_redistribute_printed_shares_s73); what is said of the amount over comes after it the same way.
def test_more_than_retained_is_said_and_the_split_still_shown():
    result = allocate_by_formula(partnerships(), seed_options(rounding="exact"))
    rows, note = redistribution(result, "£655,120", "basis")
    assert rows[-1] == ("Total", 655_120_00)
    assert note == f"£655,120 shared back; the shares add up exactly. {OVER}"


def test_pence_over_are_said_with_the_odd_pence():
    result = allocate_by_formula(partnerships(), seed_options(rounding="exact"))
    rows, note = redistribution(result, "£65,512.50", "basis")
    odd = [name for name, pence in rows[:-1] if pence % 100]
    assert note == ("£65,512.50 shared back; the shares add up exactly. In whole pounds the odd 50p goes to "
                    f"{odd[0]} (the next in line for a whole pound, by largest remainder). ⚠ That is 50p more than "
                    "the £65,512 retained: only retained money not committed by the deadline is shared back. Check "
                    "the amount (leave it blank for the retained amount).")


def test_the_retained_amount_or_less_says_nothing_more():
    result = allocate_by_formula(partnerships(), seed_options())
    for text in ("", "£65,512", "£10,000.01"):
        assert "⚠" not in redistribution(result, text, "basis")[1], text


def test_more_than_retained_is_said_under_the_papers_rounding_too():
    result = allocate_by_formula(partnerships(), seed_options())
    rows, note = redistribution(result, "£655,120", "basis")
    assert rows[-1] == ("Total", 655_120_00)
    assert note.startswith("£655,120 shared back by the shares as printed") and note.endswith(f"exactly to it. {OVER}")


def test_with_nothing_retained_any_amount_is_shared_unsaid():
    """A pot given with nothing retained by the formula: the money shared back is held elsewhere, so there is
    nothing here to measure it against."""
    result = allocate_by_formula(partnerships(), seed_options(previous_total_pence=None, retain=0,
                                                              pot_pence=589_608_00, rounding="exact"))
    assert result.retained_pence == 0
    assert redistribution(result, "£20,000", "basis")[1] == "£20,000 shared back; the shares add up exactly."


def test_the_page_says_it(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    tab.redistribute_amount.setText("£655,120")
    tab.redistribute_amount.editingFinished.emit()
    assert dict(tab.redistribute_model.rows)["Total"] == 655_120_00
    assert tab.redistribute_note.text().endswith(OVER)
