"""Round 30, a second look at names in codes: what an officer really types, refused or taken rightly.

- A place's name with a letter, as districts and CCGs code their areas ("CCG-Ipswich-A", "Suffolk-A-2019",
  "DHR-A-Babergh"), was refused as a surname with its initial, so the referral or the review could not be saved;
  before this round it was taken. A surname with its initial ("Khan A", "A Khan") is still refused.
- The people of a review are written as DHR reports write them, a role and a letter ("Mother A", "Son C",
  "Person A"): at the end of a note or a description in capitals ("Interpreter For Son C") it was refused.
- The letters of case work's teams and schemes with a letter ("PPO-A-2019", "MAPPA-A-01") and a fund's round or pilot
  ("Safer Streets Fund Round B") were refused as a surname and its initial.
- A doctor's title in small letters joined to a surname ("dr_patel_2019", "dr-patel") was taken as a reference,
  where "DR-PATEL-2019" and "Dr Patel" are refused; "Dr/Cr balance" was refused as a title and a surname."""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError, check_reference
from safer_desk.domain.privacy import PrivacyError, find_name, refuse_names
from safer_desk.services import dhr, funds
from tests.costs.test_costs_gui import tab  # noqa: F401 (the Costs tab of the example, as a fixture)
from tests.safety.test_privacy_round30 import referral_saved_with

PILOT = "Suffolk Target Hardening Pilot"

PLACE_CODES = ["CCG-Ipswich-A", "Ipswich-A-01", "IPSWICH-A", "TH-Ipswich-A-2018", "Suffolk-A-2019", "Babergh-A",
               "Babergh B 2019", "A-Ipswich-2019", "DHR-A-Babergh", "TH-A-IPSWICH", "HMP-Norwich-A", "P2-Ipswich-B",
               "Waveney C", "CCG Ipswich A"]
BRIEF_CODES = ["SCC-DV-2019-07", "IPS/ASB/2018/12", "TH 2018 Ipswich 4", "Lowestoft-TH-01", "MARAC-2018-Q2",
               "Op Sceptre 2019", "St Edmundsbury-01"]
NAMES = ["Mrs O'Brien", "MRS-O-BRIEN", "dr_patel_2019", "Khan A", "A Khan", "J.Smith-2019", "dr-patel", "dr.patel",
         "TH-2018-dr_patel", "miss_brown_2019", "KHAN-A", "khan_a_2019", "Smith-J", "J-SMITH-1985"]
ROLES = ["Mother A", "Son C", "Daughter B", "Person A", "Subject A", "Sibling D", "Family Member C", "Witness A",
         "Panel member B", "Interpreter C", "Translator B", "Hotel C", "Refuge B", "Hostel A", "Interpreter For Son C",
         "Statement From Mother A", "Husband B", "Neighbour A"]


@pytest.mark.parametrize("reference", PLACE_CODES + BRIEF_CODES)
def test_a_place_with_a_letter_is_a_code(reference):
    assert find_name(reference) is None
    assert check_reference(reference) == reference


@pytest.mark.parametrize("reference", NAMES)
def test_names_in_codes_are_still_refused(reference):
    with pytest.raises(DhrError, match="looks like a person's name"):
        check_reference(reference)


@pytest.mark.parametrize("text", ROLES + ["Plan B agreed", "Part A of the report", "see Annex C"])
def test_a_role_and_a_letter_in_free_text_is_not_a_name(text):
    assert refuse_names(text, "Notes") == text


def test_a_small_dr_in_prose_is_a_title_too():
    with pytest.raises(PrivacyError, match="“dr patel”"):
        refuse_names("spoke to dr patel at the surgery", "Notes")
    for text in ("Dr/Cr balance", "Dr/Cr", "dr 500 cr 200", "Independent chair/author", "Seen by Dr/Nurse at the GP"):
        assert refuse_names(text, "Notes") == text


def test_the_services_take_the_place_codes_and_the_role_letters(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT)
    funds.add_referral(demo_store, fund.id, reference="CCG-Ipswich-A", district="Ipswich", referred_on="01/07/2018",
                       risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
    case_id = dhr.add_case(demo_store, reference="DHR-A-Babergh", district="Babergh")
    dhr.add_panel_meeting(demo_store, case_id, "01/07/2018", note="Statement From Mother A")
    assert demo_store.scalar("SELECT count(*) FROM fund_referrals WHERE reference = 'CCG-Ipswich-A'") == 1
    assert demo_store.scalar("SELECT count(*) FROM dhr_panel_meetings WHERE note = 'Statement From Mother A'") == 1
    with pytest.raises(DhrError, match="person's name"):
        dhr.add_case(demo_store, reference="dr_patel_2019", district="Babergh")


@pytest.mark.parametrize("reference", ["PPO-A-2019", "YOT-B-01", "DVA-A-2019", "CSE-A-01", "SARC-B-2019", "PCSO-A",
                                       "IOM-B-2019", "MAPPA-A-01", "DVPO-A-2019", "B-MAPPA-01", "TH-2018-PPO-A"])
def test_the_letters_of_case_works_teams_with_a_letter_are_a_code(reference):
    assert check_reference(reference) == reference


def test_the_referral_dialog_saves_a_place_code(tab, qtbot):  # noqa: F811 (the fixture)
    dialog, page = referral_saved_with(tab, qtbot, "CCG-Ipswich-A")
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=10000)
    assert page.store.scalar("SELECT count(*) FROM fund_referrals WHERE reference = 'CCG-Ipswich-A'") == 1


@pytest.mark.parametrize("text", ["Safer Streets Fund Round B", "Target Hardening Pilot B", "Sanctuary Pilot A Round 2",
                                  "Tranche B", "Wave 2 Cohort A", "Project B", "Bid B 2019"])
def test_a_funds_round_or_pilot_with_a_letter_is_not_a_name(text):
    """A fund's or a catalogue's name written with capitals, ending in a round's or a pilot's letter, was a surname and
    its initial ("Round B", "Pilot B"), so the fund could not be saved."""
    assert refuse_names(text, "Name") == text


def test_a_catalogue_item_named_for_its_pilot_is_saved(demo_store):
    before = demo_store.scalar("SELECT count(*) FROM fund_items")
    funds.save_item(demo_store, "Sanctuary Pilot B", usual_price="45.00")
    assert demo_store.scalar("SELECT count(*) FROM fund_items") == before + 1


@pytest.mark.parametrize("reference", ["Smith J", "TH-2018-SMITH-J", "MS-SMITH-J-2019", "Ipswich-Smith-J",
                                       "MARAC SMITH J", "J Smith", "TH 2018 J SMITH", "Victim Smith J",
                                       "Case Khan A", "Client J Smith", "Referral Khan A 2019"])
def test_a_surname_after_a_code_part_is_still_a_name(reference):
    assert find_name(reference) is not None
