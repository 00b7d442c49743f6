"""Session 59, privacy of victim-level data: what a referral's reference or a review's free text let through.

A victim is recorded by a pseudonymous reference and district only (DESIGN §2.3), and the address detector
(domain.funds.household_detail) refused "12 Orwell Road" and "12 Main St" but took the same address written as
people write it on a form: "12 Orwell Rd", "3 Mill Ln", and the village addresses of Suffolk, "14 The Street",
"3 The Close"."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.funds import FundError, household_detail
from safer_desk.services import dhr, funds
from tests.safety.helpers import stored_in

PILOT = "Suffolk Target Hardening Pilot"
TODAY = date(2018, 9, 1)


def _referral(store, reference: str, **fields):
    fund = funds.fund_by_name(store, PILOT)
    values = {"reference": reference, "district": "Babergh", "referred_on": "01/07/2018", "risk_level": "high",
              "at_marac": True, "idva_assigned": True, "perpetrator_resident": False}
    return funds.add_referral(store, fund.id, **{**values, **fields})


ABBREVIATED_ADDRESSES = ["12 Orwell Rd", "12 orwell rd.", "12 ORWELL RD", "3 Mill Ln", "7 Elm Cres", "4 Elm Gdns",
                         "9 Elm Tce", "14 The Street", "3 The Close", "5 The Green", "22 THE STREET",
                         "Flat 2, 14 The Street"]


@pytest.mark.parametrize("text", ABBREVIATED_ADDRESSES)
def test_an_address_with_an_abbreviated_street_or_the_street_is_an_address(text):
    assert household_detail(text) is not None
    assert household_detail(f"Locks fitted at {text} on Monday")[1] == "an address"
    assert household_detail(text, reference=True) is not None


@pytest.mark.parametrize("text", ABBREVIATED_ADDRESSES[:2] + ["14 The Street"])
def test_the_services_refuse_it_in_a_reference_and_in_free_text(demo_store, text):
    with pytest.raises(FundError, match="address"):
        _referral(demo_store, text)
    with pytest.raises(FundError, match="Override reason: .*address"):
        _referral(demo_store, "TH-2018-099", risk_level="medium", override_reason=f"Fitted at {text}")
    with pytest.raises(DhrError, match="Notes: .*address"):
        dhr.free_text(f"The family moved from {text}", "Notes")
    assert stored_in(demo_store, text) == []


@pytest.mark.parametrize("text", ["the flat 2 weeks ago", "2 days at the park", "In week 2 the court adjourned",
                                  "3 rd party costs", "Met on the 3rd", "2 The Panel agreed", "item 4 the street team",
                                  "2 door chains fitted", "Rd 2 of funding", "Agreed at the 3 May panel"])
def test_ordinary_text_is_still_not_an_address(text):
    assert household_detail(text) is None


# -- a postcode inside a code ------------------------------------------------------------------------------------
# "IP1 2AB" and "IP12AB" were refused, but the same postcode joined into a code as a reference is written took:
# "TH-IP1-2AB", "TH_2018_IP1_2AB", "TH/IP4/5XY".

JOINED_POSTCODES = ["TH-IP1-2AB", "IP1-2AB", "ip1-2ab", "TH_2018_IP1_2AB", "TH/IP4/5XY", "TH-2018-001-IP1.2AB",
                    "TH-2018-CB2-1TN", "TH_IP12AB"]


@pytest.mark.parametrize("reference", JOINED_POSTCODES)
def test_a_postcode_joined_into_a_reference_is_a_postcode(demo_store, reference):
    assert household_detail(reference, reference=True)[1] == "a postcode"
    with pytest.raises(FundError, match="postcode"):
        _referral(demo_store, reference)
    assert stored_in(demo_store, reference) == []


@pytest.mark.parametrize("reference", ["TH-2018-001", "MSDC-DHR1-03", "WSCSP-DHR-2017-01", "TH/IPS/2018/07",
                                       "IPS-TH-18-003", "TH-BAB-2018-02", "MS-TH-2018-01", "WS-TH-19-001",
                                       "TH-2018-008 MSDC", "DHR 2017/01", "Q2-2018", "TH-A1-2018"])
def test_codes_are_still_not_postcodes(reference):
    assert household_detail(reference, reference=True) is None


# -- a date of birth ------------------------------------------------------------------------------------------------
# A date of birth with a district points at one person as surely as a name, and a form has one beside the name: the
# references and free text took "DOB 01/02/1985", "TH-2018-020 DOB 1/2/85" and "born 1 February 1985".

DATES_OF_BIRTH = ["DOB 01/02/1985", "TH-2018-020 DOB 1/2/85", "d.o.b. 01.02.1985", "D.O.B: 1985-02-01",
                  "date of birth 1 Feb 1985", "Date of Birth: 01-02-1985", "born 1 February 1985",
                  "born on 01/02/1985", "DoB 1st Feb 1985", "DOB 1985"]


@pytest.mark.parametrize("text", DATES_OF_BIRTH)
def test_a_date_of_birth_is_refused_in_a_reference_and_in_free_text(demo_store, text):
    assert household_detail(text, reference=True)[1] == "a date of birth"
    assert household_detail(f"Victim ({text}) moved")[1] == "a date of birth"
    with pytest.raises(FundError, match="date of birth"):
        _referral(demo_store, text)
    with pytest.raises(FundError, match="Override reason: .*date of birth"):
        _referral(demo_store, "TH-2018-099", risk_level="medium", override_reason=f"Victim {text}")
    with pytest.raises(DhrError, match="Notes: .*date of birth"):
        dhr.free_text(f"The victim, {text}, lived alone", "Notes")
    assert stored_in(demo_store, text) == []


@pytest.mark.parametrize("text", ["Referred on 01/02/2018", "Panel met 1 Feb 2018", "Fitted 1st February 2018",
                                  "Born out of the 2017 review", "DOB not known", "Locks fitted; born of need",
                                  "First born child at home"])
def test_other_dates_are_not_a_date_of_birth(text):
    assert household_detail(text) is None


# -- a name in small letters -----------------------------------------------------------------------------------------
# "Smith, Jane" and "SMITH, JANE" were refused, but typed in small letters, "smith, jane", the same name was kept in
# a review's notes or an override reason: the detector promises its shapes whatever the case of the letters.

@pytest.mark.parametrize("text", ["smith, jane", "Visited smith, jane 1985", "called smith, jane.", "khan, mohammed"])
def test_surname_comma_first_name_in_small_letters_is_a_name(demo_store, text):
    from safer_desk.domain.privacy import find_name

    assert find_name(text).shape == "surname, first name"
    with pytest.raises(DhrError, match="Notes: .*person's name"):
        dhr.free_text(text, "Notes")
    with pytest.raises(FundError, match="person's name"):
        _referral(demo_store, "TH-2018-099", risk_level="medium", override_reason=text)
    assert stored_in(demo_store, text) == []


@pytest.mark.parametrize("text", ["locks, door chain, alarm", "fitted in ipswich, april 2019",
                                  "babergh, mark and ipswich", "met the idva, will call back", "items: locks, jack",
                                  "ipswich, grace period agreed"])
def test_lists_in_small_letters_are_not_names(text):
    from safer_desk.domain.privacy import find_name

    assert find_name(text) is None


# -- a name with invisible characters in it ----------------------------------------------------------------------------
# Text pasted from an e-mail or a web page can carry characters no one sees (a zero-width space, a soft hyphen, a
# word joiner) or letters in their full-width form: "Jane\u200b Smith" or "Ja\u00adne Smith" reads on the screen, in
# the export and in the board report as Jane Smith, but the detector saw no name in it.

INVISIBLY_BROKEN = ["Jane\u200b Smith", "Ja\u00adne Smith", "Jane \u2060Smith", "\ufeffJane Smith",
                    "Mrs\u200b Smith", "Ｊａｎｅ Ｓｍｉｔｈ", "SMITH,\u200b Jane"]


@pytest.mark.parametrize("text", INVISIBLY_BROKEN)
def test_a_name_with_invisible_characters_is_still_a_name(demo_store, text):
    from safer_desk.domain.privacy import find_name

    assert find_name(text) is not None
    with pytest.raises(DhrError, match="person's name"):
        dhr.free_text(f"Spoke to {text}.", "Notes")
    with pytest.raises(FundError, match="person's name"):
        _referral(demo_store, text)
    assert stored_in(demo_store, text) == []


@pytest.mark.parametrize("text", ["IP1\u200b 2AB", "12 Acacia\u00ad Avenue", "ｊａｎｅ＠example.com",
                                  "DOB\u200b 01/02/1985"])
def test_a_household_detail_with_invisible_characters_is_still_found(text):
    assert household_detail(text) is not None


# -- a title then a surname in small letters ---------------------------------------------------------------------------
# "Mrs Smith", "MRS SMITH" and "mrs smith" were refused, but "Mrs smith" (the surname in small letters, as a hurried
# note types it) was kept.

@pytest.mark.parametrize("text", ["Mrs smith", "Visited Mr jones at home", "Ms patel called", "Mx taylor 2019",
                                  "Mrs. smith"])
def test_a_title_then_a_surname_in_small_letters_is_a_name(text):
    from safer_desk.domain.privacy import find_name

    assert find_name(text).shape == "title and surname"
    with pytest.raises(DhrError, match="person's name"):
        dhr.free_text(text, "Notes")


@pytest.mark.parametrize("text", ["Miss the deadline", "Miss-sold policy", "Dr appointment booked", "Mr and Mrs",
                                  "MS Word", "Ms to confirm", "Mrs with the IDVA"])
def test_a_title_before_an_ordinary_word_is_not_a_name(text):
    from safer_desk.domain.privacy import find_name

    assert find_name(text) is None


def test_the_refusal_of_a_date_of_birth_says_a_birth_date_is_never_recorded():
    """A date of birth refused said "never their name, where they live or how to reach them": not why it was refused."""
    import pytest

    from safer_desk.domain.funds import FundError, refuse_household_detail

    with pytest.raises(FundError) as refused:
        refuse_household_detail("TH-2018-001 DOB 01/02/1985", "Reference", reference=True)
    assert "looks like a date of birth" in str(refused.value)
    assert "never their name, when they were born, where they live or how to reach them" in str(refused.value)
