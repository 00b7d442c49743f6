"""Round 40 (qbr): the board report's top-slice says how the odd pence fall, as the window and the command line do.

A top-slice of £100.05 over seven partners leaves £45.02 to share: the report's table said "Each of 7 partners
(equal share) £6.43" and nothing more, and 7 × £6.43 is £45.01: a penny of the partners' pot was nowhere in the
board's paper. `safer-desk top-slice` and the Allocation tab say "£45.02 does not split into 7 equal shares to the
penny: exactly, 6 get £6.43 and 1 gets £6.44"; the report now says it too, under its table. The seed's £145,034.60
splits exactly and reads as before.
"""

from __future__ import annotations

from datetime import date
from fractions import Fraction

from safer_desk.services import allocation
from safer_desk.services.report import build_report

ODD = ("£45.02 does not split into 7 equal shares to the penny: exactly, 6 get £6.43 and 1 gets £6.44; "
       "“Each of 7 partners (equal share)” is the rounded £6.43.")


def _top_slice_words(store, year: str, name: str) -> str:
    report = build_report(store, year=year, today=date(2026, 12, 1))
    section = next(s for s in report.sections if s.title == f"Top-slice: {name}")
    return " ".join(section.paragraphs)


def test_a_top_slice_that_does_not_split_equally_says_where_the_odd_penny_goes(demo_store):
    allocation.save_top_slice(demo_store, "Small grant", "2012/13", 10005, slices=(("LSP share", Fraction(1, 2)),),
                              remainder_label="SSP share", retained=Fraction(1, 10), partners=7,
                              scenario=Fraction(1, 5))
    words = _top_slice_words(demo_store, "2012/13", "Small grant")
    assert ODD in words, words


def test_the_seed_top_slice_splits_exactly_and_says_nothing_more(demo_store):
    words = _top_slice_words(demo_store, "2009/10", "Performance Reward Grant 2009-10")
    assert words == ("Each of the 9 partners plans on £145,034.60, and on ±20% (£174,041.52 and £116,027.68)."), words
