"""Round 63 (priv): "SMITH, J", the way police and court lists write a person, went through.

"Smith J" and "SMITH J.A." in a code are refused (a surname and initials), and so is "SMITH, Jane" (a surname, a
comma and a first name), but the same surname with a comma before the initials ("SMITH, J", "Smith, J.",
"TH-2018-SMITH,J-01") passed a referral's or a review's reference and a review's notes, and left the office with the
export. The comma after the surname is now read as the space or dash is. A district's, a document's or a code's
letters before a comma and a letter ("Babergh, A", "Annex, B", "MSDC, A") are still not a name, nor is prose.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError, check_reference
from safer_desk.domain.funds import FundError
from safer_desk.domain.privacy import find_name
from safer_desk.services import dhr, funds


@pytest.mark.parametrize(("text", "words"), [
    ("SMITH, J", "SMITH, J"),
    ("Smith, J.", "Smith, J"),
    ("SMITH,J", "SMITH,J"),
    ("Smith, J.A.", "Smith, J.A"),
    ("TH-2018-SMITH, J-01", "SMITH, J"),
    ("SMITH, J 1985", "SMITH, J"),
])
def test_a_surname_a_comma_and_initials_is_a_name(text, words):
    found = find_name(text)
    assert found is not None and found.words == words and found.shape == "surname and initial", found


@pytest.mark.parametrize("text", [
    "Babergh, A", "Annex, B", "MSDC, A", "Plan B, C", "Costs, B", "Ipswich, Babergh, A",
    "Spoke to Smith, J about the venue",  # prose: the shape is a code's, as "Smith J" is
])
def test_places_documents_codes_and_prose_are_not_names(text):
    assert find_name(text) is None


def test_refused_in_a_review_reference_and_its_notes(demo_store):
    with pytest.raises(DhrError, match="looks like a person's name"):
        check_reference("SMITH, J")
    case = next(iter(dhr.case_ids(demo_store)))
    with pytest.raises(DhrError, match="^Notes: “SMITH, J” looks like a person's name"):
        dhr.update_case(demo_store, case, notes="SMITH, J")


def test_refused_in_a_referral_reference(demo_store):
    [fund] = funds.list_funds(demo_store)
    with pytest.raises((FundError, DhrError), match="looks like a person's name"):
        funds.add_referral(demo_store, fund.id, reference="Smith, J.", district="Babergh", referred_on="05/06/2018",
                           risk_level="high", at_marac=True, idva_assigned=True, perpetrator_resident=False)
