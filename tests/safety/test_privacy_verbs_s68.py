"""s68, privacy: "helped J Smith move out" and "supported J Smith at court" in a note were taken.

A capital letter and a capitalised surname are an initial and a surname only after a word that says a person comes
next (``BEFORE_A_PERSON``): "see", "met", "saw", "called", "phoned", "told" and "asked" were among them, "helped" and
"supported" (the words a support worker writes most) were not, nor "emailed", "referred", "accompanied", nor the
words of a note's reminder ("meet J Smith", "call J Smith"). Every sentence of the seeds, the user guide and the
tests was read with the words added: none is taken as a name that was not before."""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name

NAMES = ["helped J Smith move out", "supported J Smith at court", "emailed K Okonkwo the plan",
         "referred J Smith to the IDVA", "accompanied M Ali to the hearing", "informed P Jones of the date",
         "escorted J Smith home", "chased J Smith for the form", "meet J Smith on Friday", "call J Smith back",
         "ask J Smith about it", "tell J Smith", "help J Smith with the form", "support J Smith at court",
         "visit J Smith at home", "contact J Smith", "phone J Smith", "email J Smith the form",
         "see J Smith about it"]
LABELS = ["helped B Team leader", "supported C Ward staff", "call E Safety line", "contact X Ray unit",
          "help A Ward staff", "support B Plan leads", "visit B Block at the hospital", "referred to Q3 Panel",
          "emailed Plan B Review", "supported Partner B Suffolk"]


@pytest.mark.parametrize("text", NAMES)
def test_a_capital_initial_and_surname_after_a_verb_for_a_person_is_a_name(text):
    found = find_name(text)
    assert found is not None and found.shape == "initials and surname", text


@pytest.mark.parametrize("text", LABELS)
def test_a_capital_letter_that_labels_something_after_such_a_verb_is_not_an_initial(text):
    assert find_name(text) is None
