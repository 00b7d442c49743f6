"""Session 71: first names common in Wales are on the list of first names.

A Welsh office's officer could keep "Ffion Hughes", "Osian Roberts" or "Cerys Evans" in a review's notes: the list
of first names (resources/privacy) is England's and Wales's, from ONS's tables as Faker packages them, but lacks the
Welsh names the ONS counts among the most given in Wales (Ffion, Seren, Cerys, Osian, Tomos …). They are on it
now; "seren" in small letters (Welsh for star) is a word, not a name.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name


@pytest.mark.parametrize("text", ["Ffion Hughes", "Osian Roberts", "Cerys Evans", "Carys Price", "Seren Lloyd",
                                  "Tomos Pritchard", "Mabli Owen", "Harri Morgan", "Alys Parry", "Evan Thomas",
                                  "visited Efa Jenkins at home"])
def test_a_first_name_common_in_wales_with_a_surname_is_a_name(text):
    assert find_name(text) is not None, text


@pytest.mark.parametrize("text", ["seren Cymru", "Bwrdd Diogelu Rhanbarthol Caerdydd a'r Fro",
                                  "Cyfieithu Cyf invoice", "Cardiff and Vale Regional Safeguarding Board"])
def test_welsh_words_that_are_no_name_pass(text):
    assert find_name(text) is None, text
