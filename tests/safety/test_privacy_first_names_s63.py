"""Round 63 (priv): "Mohammed Khan" in a review's notes was refused, "Muhammad Khan" went through, and with it "Fatima
Begum", "Priya Patel", "Piotr Nowak" and "Isla Brown": the first names the detector knows were one old list that lacks
many names common in England and Wales today. They are added (not words of their own, so a capital is not needed),
and ordinary case text that holds them as words or codes still passes."""

from __future__ import annotations

import pytest

from safer_desk.domain.dhr import DhrError
from safer_desk.domain.privacy import find_name
from safer_desk.services import dhr

NAMES = ["Muhammad Khan", "muhammad khan", "KHAN, Muhammad", "Fatima Begum", "Aisha Ahmed", "Priya Patel",
         "Harpreet Kaur", "Piotr Nowak", "Agnieszka Kowalska", "Isla Brown", "Noah Williams", "Freya Clarke"]


@pytest.mark.parametrize("text", NAMES)
def test_common_first_names_with_a_surname_are_names(text):
    assert find_name(text) is not None
    if "," not in text:  # "Smith, Jane" is a name ending there, or before a date (not "Babergh, Mark and Ipswich")
        assert find_name(f"Spoke to {text} at the surgery") is not None


def test_refused_in_a_reviews_notes(demo_store):
    case = next(iter(dhr.case_ids(demo_store)))
    with pytest.raises(DhrError, match="“Muhammad Khan” looks like a person's name"):
        dhr.update_case(demo_store, case, notes="Panel heard from Muhammad Khan, the victim's brother")


@pytest.mark.parametrize("text", ["Oscar Road visited", "Theo Centre booked", "AVA training for the panel",
                                  "TH-2018-001", "Noah's Ark nursery"])
def test_ordinary_text_still_passes(text):
    assert find_name(text) is None
