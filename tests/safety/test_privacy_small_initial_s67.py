"""s67, privacy: "j smith" in a note was taken.

An officer typing quickly writes a victim as an initial and a surname in small letters ("visited j smith at home",
"J smith"): the detector needed a full stop and a capital ("J. Smith"), so the note was saved with the name in it. Now
it is refused, in words that say what was seen, while letters that label things ("plan b agreed", "e mail", "B and C
keep") still pass."""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name
from tests.safety.test_privacy import _victim_level_writes

SMALL_NAMES = ["j smith", "J smith", "visited j smith at home", "j. smith visited", "spoke to J smith", "(j smith)",
               "victim j smith's door", "TH-2018 j smith"]
LETTERS = ["plan b agreed", "e mail sent to the idva", "x ray at the hospital", "t shirt", "e.g. someone came",
           "met at 3 p.m. today", "i think so", "a smith", "round b bids", "vitamin d deficiency", "b and q voucher",
           "q and a session", "option c chosen", "B and C keep £500 each", "Partner B commits £2,000", "u turn",
           "A&E department", "Ctrl+Z undoes", "£30K aprox", "took 4 s either way", "30 p each", "c/o the idva"]


@pytest.mark.parametrize("text", SMALL_NAMES)
def test_an_initial_and_a_surname_in_small_letters_is_a_name(text):
    found = find_name(text)
    assert found is not None and "smith" in found.words.casefold()


@pytest.mark.parametrize("text", LETTERS)
def test_a_letter_before_a_word_is_not_always_an_initial(text):
    assert find_name(text) is None


@pytest.mark.parametrize("field", ["case notes", "recommendation", "override reason", "spend line invoice"])
def test_the_free_text_fields_refuse_it_and_change_nothing(demo_store, field):
    before = [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")]
    with pytest.raises(ValueError, match="“j smith” looks like a person's name"):
        _victim_level_writes(demo_store, "Locks fitted for j smith")[field]()
    assert [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")] == before
