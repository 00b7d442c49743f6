"""s68, privacy: "visited J Smith at home" in a note was taken.

s67 refused an initial before a surname in small letters ("visited j smith", "J smith"); with both capitalised, as
most people type a name, "J Smith" was found only as a code ("TH-2018-J-SMITH", or the whole text), so "visited J
Smith at home", "Locks fitted for J Okonkwo" were saved with the name in them. After a word that says a person comes
next ("visited", "to", "with", "for" …) a capital letter and a capitalised surname are an initial and a surname now;
a capital letter that labels something ("Partner B Suffolk", "Plan B Review", "for B Team") still passes."""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name
from tests.safety.test_privacy import _victim_level_writes

NAMES = ["visited J Smith at home", "Locks fitted for J Okonkwo last week", "spoke to J SMITH about the alarm",
         "met with K O'Brien", "phoned M McDonald twice", "(visited J Smith)", "referral from P Ali's GP"]
LABELS = ["Partner B Suffolk commits £2,000", "Plan B Review agreed", "spoke to the B Team", "sent to B Team leader",
          "for A Smith", "money for E Safety training", "visited B Block at the hospital", "paid to C Ward staff",
          "met with Q Ipswich team", "talked to B Plan leads", "cost of K Locks", "report to Q3 Panel",
          "fitted for X Ray unit", "told A Ward manager", "spoke to B MARAC chair"]


@pytest.mark.parametrize("text", NAMES)
def test_a_capital_initial_and_surname_after_a_word_for_a_person_is_a_name(text):
    found = find_name(text)
    assert found is not None and found.shape == "initials and surname"


@pytest.mark.parametrize("text", LABELS)
def test_a_capital_letter_that_labels_something_is_not_an_initial(text):
    assert find_name(text) is None


@pytest.mark.parametrize("field", ["case notes", "recommendation", "override reason", "spend line invoice"])
def test_the_free_text_fields_refuse_it_and_change_nothing(demo_store, field):
    before = [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")]
    with pytest.raises(ValueError, match="“J Smith” looks like a person's name"):
        _victim_level_writes(demo_store, "Locks fitted for J Smith at home")[field]()
    assert [tuple(r) for r in demo_store.rows("SELECT * FROM audit_log ORDER BY id")] == before
