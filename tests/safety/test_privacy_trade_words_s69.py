"""s69, privacy: a target-hardening spend line "paid to B Locksmiths" (or "K Glazing", "D Builders") was refused as a
person's name, as "paid to B Ltd" was (f06bb597): after a word that says a person comes next, a capital letter and a
capitalised word were taken for an initial and a surname. A firm's trade ("Locksmiths", "Glazing", "Electrical",
"Builders", "Contractors", "Solutions", "Supplies", "Joinery") is no surname; "paid to J Smith" still names J Smith.
Every sentence of the seeds, the user guide and the tests was read with the words added: nothing else changes."""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name
from tests.safety.test_privacy import _victim_level_writes

FIRMS = ["paid to B Locksmiths", "paid to B Locksmith", "paid to K Glazing for the door", "ordered from J Electrical",
         "paid to D Builders", "paid to S Contractors", "sent to M Solutions", "paid to C Supplies",
         "paid to H Joinery", "paid to E Plumbers", "paid to F Electricians", "paid to G Installations"]


@pytest.mark.parametrize("text", FIRMS)
def test_a_letter_and_a_trade_is_a_firm_not_a_name(text):
    assert find_name(text) is None


def test_a_person_is_still_found():
    assert find_name("paid to J Smith for the locks").words == "J Smith"


def test_the_spend_line_is_saved(demo_store):
    _victim_level_writes(demo_store, "Door chain fitted, paid to B Locksmiths")["cost line description"]()
