"""s69, privacy: two edges of the name detector.

"paid to B Ltd" in a review cost line's description was refused as a person's name ("B Ltd"): after a word that says
a person comes next, a capital letter and a capitalised word were taken for an initial and a surname, and a firm's word
("Ltd", "Limited", "Plc", "LLP", "CIC") is no surname. A person named before the firm's word still is ("J Smith Ltd").

"ALI-2019" as a review's reference was saved without a word though "Ali-2019" and "OKONKWO-2026" were asked about, and
the user guide names "ALI-2019" as asked about: in capitals a word of four letters or fewer was taken for a code's
letters ("BAB-2025-001", "GLOS-DHR-2019-01"). A short word in capitals that is a first name on the list or one of the
commonest short surnames in England and Wales ("ALI", "KHAN", "SHAH", "LEE") is asked about now; a code's letters still
are not. Every sentence of the seeds, the user guide and the tests was read with the change: nothing else is taken."""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name, surname_alone
from safer_desk.services import dhr
from tests.safety.test_privacy import _victim_level_writes

FIRMS = ["paid to B Ltd", "paid to B Ltd for locks", "invoice from K Limited", "paid to C Plc", "sent to D LLP",
         "paid to E CIC for the sessions", "ordered from F Ltd."]


@pytest.mark.parametrize("text", FIRMS)
def test_a_letter_and_a_firms_word_is_not_a_name(text):
    assert find_name(text) is None


def test_a_person_before_a_firms_word_still_is():
    assert find_name("paid to J Smith Ltd").words == "J Smith"
    assert find_name("paid to J. Smith Ltd").words == "J. Smith"


def test_a_cost_line_naming_a_firm_by_its_letter_is_saved(demo_store):
    _victim_level_writes(demo_store, "paid to B Ltd")["cost line description"]()


@pytest.mark.parametrize("reference,word", {"ALI-2019": "ALI", "KHAN-2019": "KHAN", "SHAH-01": "SHAH",
                                            "LEE-2020": "LEE", "TH-2018-KAUR": "KAUR", "DHR/2026/ALI": "ALI",
                                            "ali-2019": "ali"}.items())
def test_a_short_surname_in_capitals_in_a_reference_is_asked_about(reference, word):
    assert surname_alone(reference) == word


@pytest.mark.parametrize("reference", ["BAB-2025-001", "PLY-DHR-2025-01", "GLOS-DHR-2019-01", "TH-BAB-2018-02",
                                       "MSDC-DHR1-01", "ESCC-2019-01", "WSCSP-DHR-2017-01", "IDVA-2019-01",
                                       "CSP-2020-02", "DARDR-2026-01", "SCC-2019-01", "ECC-DHR-2020"])
def test_a_codes_short_letters_are_still_not_asked_about(reference):
    assert surname_alone(reference) is None


def test_the_review_form_asks_about_it():
    [said] = dhr.reference_warnings("ALI-2019")
    assert said.startswith("Reference: “ALI” may be a surname.")
