"""Session 61: Edit > Undo named two county decisions alike when each step said several figures.

A decision on a project whose cost and start differ ("Keep Babergh office's version: Project '…': cost £12,000, start
01/04/2024 in the county file; cost £30,000, start 01/05/2024 from Babergh office", services/county.py decision_label
of exchange/county_conflicts.py Describer.sentence) has more parts with figures than 80 characters hold. The parts left
were cut in their middles from their whole words, so "cost £30,000" went and "start 01/04/2024 in the county file"
showed as "start… file": the decisions keeping £30,000 and £45,500 read the same, and words were cut through ("…ork'",
"…ffice"). The area naming an indicator's figure ("Indicator '…', Babergh, Mar 2024: …") was left out as a part telling
least, so Babergh's and Mid Suffolk's figures read alike. A part with a figure is kept whole or left out whole (the
first first, said "…": the last are the office's version); the parts naming the thing (up to the second ": ") are
never left out; only the parts with no figure are cut in their middles, and never to a word's end.
"""

from __future__ import annotations

import re

import pytest

from safer_desk.ui.main_window import STATUS_TEXT_MOST, UNDO_TEXT_MOST, undo_words

TITLE = "Western Suffolk youth work"
PARTNER = "Suffolk Constabulary, Western Area"
INDICATOR = ("People who agree the police and local council are dealing with the anti-social behaviour and crime "
             "issues that matter in their area")


def two_columns(cost: str) -> str:
    return (f"Keep Babergh office's version: Project '{TITLE}': cost £12,000, start 01/04/2024 in the county file; "
            f"cost {cost}, start 01/05/2024 from Babergh office")


def three_columns(cost: str) -> str:
    return (f"Keep Babergh office's version: Project '{TITLE}': cost £12,000, start 01/04/2024, end 31/03/2025 in "
            f"the county file; cost {cost}, start 01/05/2024, end 31/03/2026 from Babergh office")


def partner(phone: str) -> str:
    return (f"Keep Mid Suffolk office's version: Partner '{PARTNER}': phone 01473 613500, email asb@suffolk.police.uk "
            f"in the county file; phone {phone}, email asb-west@suffolk.police.uk from Mid Suffolk office")


def review(cost: str) -> str:
    """A review's subject is its reference, unquoted (exchange/county_conflicts.py Describer.subject)."""
    return (f"Keep Mid Suffolk office's version: Review WSCSP-DHR-2017-02: cost £7,525.58, notified 13/11/2017 in the "
            f"county file; cost {cost}, notified 14/11/2017 from Mid Suffolk office")


def indicator_figure(area: str) -> str:
    """A figure of an indicator: the indicator, the area and the month name it, then the two versions."""
    return (f"Keep Mid Suffolk office's version: Indicator '{INDICATOR}', {area}, Mar 2024: 45 typed by Babergh "
            "office, 38 from police.uk counts sent by Mid Suffolk office")


def whole_words(said: str, step: str) -> None:
    """Every word shown is one of the step's, or the start of one cut with "…" ("Baberg…"), never its end ("ork'",
    "ffice") or a figure cut through."""
    words = re.split(r"[\s,;:]+", step)
    for word in filter(None, re.split(r"[\s,;:]+", said.replace("…", "… "))):
        if word == "…":
            continue
        if word.endswith("…") and not re.search(r"\d", word):
            assert any(w.startswith(word[:-1]) for w in words), (word, said)
        else:
            assert word.rstrip("…") in words, (word, said)


@pytest.mark.parametrize("step, a, b", [
    (two_columns, "£30,000", "£45,500"),
    (three_columns, "£30,000", "£45,500"),
    (partner, "01473 613888", "01473 613999"),
    (review, "£7,925.58", "£8,125.58"),
    # the area naming the figure was left out as telling least: Babergh's and Mid Suffolk's read the same
    (indicator_figure, "Babergh", "Mid Suffolk"),
])
def test_two_decisions_differing_in_one_figure_of_several_are_told_apart(step, a, b):
    for most in (UNDO_TEXT_MOST, STATUS_TEXT_MOST):
        first, second = undo_words(step(a), most), undo_words(step(b), most)
        assert first != second and a in first and b in second, (first, second)
        for said, amount in ((first, a), (second, b)):
            assert len(said) <= most and "……" not in said and "… …" not in said, said
            whole_words(said, step(amount))


def test_the_thing_is_named_and_the_office_s_figures_kept_whole():
    said = undo_words(two_columns("£30,000"))
    assert said.startswith("Keep Babergh") and "Project 'Wester" in said, said
    # the office's version (the figures last) is kept whole; the county's first figures are those left out
    assert "cost £30,000, start 01/05/2024" in said and "£12,000" not in said, said
    said = undo_words(review("£7,925.58"))
    assert "Review WSCSP-DHR-2017-02" in said and "cost £7,925.58, notified 14/11/2017" in said, said
