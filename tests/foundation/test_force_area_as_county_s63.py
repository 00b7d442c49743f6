"""A Welsh or Thames Valley office typing its police force area as its county ("Dyfed-Powys", "South Wales",
"Thames Valley", as the force and the PCC name it) was told only that no district lies in a county of that name, with
no nearest name: the office could not tell what to type. The warning says it is a force area and names its counties."""

import pytest

from safer_desk.services import reference as ref


@pytest.mark.parametrize("typed, counties", [
    ("Dyfed-Powys", "Dyfed and Powys"), ("dyfed powys", "Dyfed and Powys"), ("South Wales", "Mid Glamorgan, "
     "South Glamorgan and West Glamorgan"), ("North Wales", "Clwyd and Gwynedd"),
    ("Thames Valley", "Berkshire, Buckinghamshire and Oxfordshire"),
    ("West Mercia", "Herefordshire, Shropshire and Worcestershire"), ("Devon & Cornwall", "Devon and Cornwall")])
def test_a_police_force_area_typed_as_the_county_names_its_counties(store, typed, counties):
    said = ref.county_doubt(store, typed)
    assert f"“{typed}” is a police force area, not a county: its counties are {counties}" in said, said
    assert "name the office's own county" in said


def test_a_county_is_not_doubted_and_a_slip_is_still_said_so(store):
    assert ref.county_doubt(store, "Gwent") == ""  # the force area and the preserved county are one
    assert "did you mean Suffolk?" in ref.county_doubt(store, "Suffok")
