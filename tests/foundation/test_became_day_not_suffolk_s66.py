"""Session 66 (wales2): a Somerset office recording that Taunton Deane became Somerset, To left blank, was told
"To: type Taunton Deane's last day before it became Somerset (31/03/2019, the day before East Suffolk began).":
Suffolk's merger's day, shown to every office. Somerset began on 01/04/2023; the example is the day before the successor
began, as the file records it, else as the reorganisations since 2019 made it, and no other area's day otherwise."""

from __future__ import annotations

import pytest

from safer_desk.services import reference as ref


def test_the_day_asked_for_is_the_day_before_the_successor_began(store):
    ref.add_district(store, "Somerset", county="Somerset", valid_from="01/04/2023")
    with pytest.raises(ref.DistrictError) as caught:
        ref.add_district(store, "Taunton Deane", county="Somerset", successor="Somerset")
    assert caught.value.field == "valid_to"
    assert str(caught.value) == ("To: type Taunton Deane's last day before it became Somerset (31/03/2023, the day "
                                 "before Somerset began).")


def test_a_successor_with_no_first_day_is_given_its_reorganisation_s_day(store):
    ref.add_district(store, "Cumberland", county="Cumbria")
    with pytest.raises(ref.DistrictError) as caught:
        ref.add_district(store, "Allerdale", county="Cumbria", successor="Cumberland")
    assert str(caught.value) == ("To: type Allerdale's last day before it became Cumberland (31/03/2023, the day "
                                 "before Cumberland began).")


def test_a_successor_of_no_known_day_gives_no_other_area_s_day(store):
    ref.add_district(store, "Lowestoft", county="Suffolk")
    with pytest.raises(ref.DistrictError) as caught:
        ref.add_district(store, "Waveney", county="Suffolk", successor="Lowestoft")
    assert str(caught.value) == ("To: type Waveney's last day before it became Lowestoft (the day before "
                                 "Lowestoft began).")
