"""Session 71: a first name typed with its accent is the name on the list.

A Welsh office's officer typed a victim's name in a review's notes, "Siân Jones": Safer Desk kept it, though
"Sian Jones" (and "Gareth Jones") is refused, because the list of first names (ONS's, resources/privacy) holds Sian
without its circumflex. Any name spelt with an accent (Siân, Zoë, Chloë) passed likewise. A first name is now
compared without its accents, as Find compares names (domain.text.folded).
"""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name


@pytest.mark.parametrize("text", ["Siân Jones", "SIÂN JONES", "siân jones", "Zoë Smith", "Chloë Davies",
                                  "visited Siân Jones at home"])
def test_an_accented_first_name_with_a_surname_is_a_name(text):
    assert find_name(text) is not None, text


@pytest.mark.parametrize("text", ["Café Nero", "Ŵyl Dinas Powys", "Ynys Môn CSP", "Adolygiad Diogelu Unedig Sengl"])
def test_accented_words_that_are_no_first_name_pass(text):
    assert find_name(text) is None, text


def test_a_review_note_with_a_welsh_spelt_name_is_refused(demo_store):
    from safer_desk.services import dhr

    case = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01")
    with pytest.raises(dhr.DhrError, match="“Siân Jones” looks like a person's name"):
        dhr.update_case(demo_store, case, notes="Siân Jones")
