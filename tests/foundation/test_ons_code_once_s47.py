"""Session 47: an ONS code names one district at a time.

Seen in the window: Add district “Ipswich Borough” with Ipswich's code, E07000202, was added beside Ipswich, both
standing for every day. A district renamed keeping its code (Shepway became Folkestone and Hythe on 01/04/2018, still
E07000112) shares it once the old one has ended."""

import pytest

from safer_desk.services import reference as ref
from safer_desk.services.reference import DistrictError


def _codes(store) -> dict[str, str | None]:
    return {d.name: d.ons_code for d in ref.list_districts(store)}


def test_adding_a_district_with_a_code_another_holds_for_the_same_days_is_refused_naming_it(demo_store):
    before = _codes(demo_store)
    with pytest.raises(DistrictError) as refused:
        ref.add_district(demo_store, "Ipswich Borough", ons_code="e07000202", county="Suffolk")
    assert refused.value.field == "ons_code"
    assert "E07000202 is already Ipswich's" in str(refused.value)
    assert _codes(demo_store) == before  # nothing added


def test_a_code_passes_to_the_district_a_renamed_one_became_once_the_old_one_has_ended(store):
    ref.add_district(store, "Shepway", ons_code="E07000112", county="Kent")
    with pytest.raises(DistrictError) as refused:  # Shepway still stands for every day
        ref.add_district(store, "Folkestone and Hythe", ons_code="E07000112", county="Kent", valid_from="01/04/2018")
    assert "give Shepway a To and Became Folkestone and Hythe first" in str(refused.value)
    # As the refusal says: add it without the code, end Shepway, then give it the code.
    folkestone = ref.add_district(store, "Folkestone and Hythe", county="Kent", valid_from="01/04/2018")
    ref.edit_district(store, "district:shepway", name="Shepway", ons_code="E07000112", county="Kent",
                      successor="Folkestone and Hythe", valid_to="31/03/2018")
    ref.edit_district(store, folkestone, name="Folkestone and Hythe", ons_code="E07000112", county="Kent",
                      valid_from="01/04/2018")
    assert _codes(store) == {"Folkestone and Hythe": "E07000112", "Shepway": "E07000112"}
    # and Shepway's To moved past Folkestone and Hythe's From would have both hold it for the same days
    with pytest.raises(DistrictError, match="E07000112 is already Folkestone and Hythe's"):
        ref.edit_district(store, "district:shepway", name="Shepway", ons_code="E07000112", county="Kent",
                          successor="Folkestone and Hythe", valid_to="31/03/2019")


def test_correcting_a_district_a_file_already_shares_a_code_with_is_not_blocked_by_it(store):
    """A file written before codes were checked may hold two districts with one code: correcting one's county (or
    anything else) is not refused for that, though giving the code to a third district is."""
    ref.add_district(store, "Ipswich", ons_code="E07000202", county="Suffolk")
    ref.add_district(store, "Ipswich Borough", county="Suffolk")
    with store.transaction():
        store.conn.execute("UPDATE districts SET ons_code = 'E07000202' WHERE id = 'district:ipswich-borough'")
    ref.edit_district(store, "district:ipswich-borough", name="Ipswich Borough", ons_code="E07000202",
                      county="Suffolk", valid_to="31/03/2020")
    assert _codes(store)["Ipswich Borough"] == "E07000202"
    ref.add_district(store, "Babergh", county="Suffolk")
    with pytest.raises(DistrictError, match="E07000202 is already"):
        ref.edit_district(store, "district:babergh", name="Babergh", ons_code="E07000202", county="Suffolk")


def test_the_window_says_the_refusal_and_adds_nothing(demo_window, qtbot, prompts):
    from PySide6.QtCore import Qt

    demo_window.show_reference()
    dialog = demo_window._reference_dialog
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentWidget(dialog.districts)
    page = dialog.districts
    rows = page.proxy.rowCount()
    qtbot.keyClicks(page.name_edit, "Ipswich Borough")
    qtbot.keyClicks(page.code_edit, "E07000202")
    qtbot.keyClicks(page.county_edit, "Suffolk")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.proxy.rowCount() == rows
    assert prompts.errors and "E07000202 is already Ipswich's" in prompts.errors[-1][1]
    assert page.name_edit.text() == "Ipswich Borough"  # the form kept, to correct
