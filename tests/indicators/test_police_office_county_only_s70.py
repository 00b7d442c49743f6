"""Session 70 (ind2): an office whose file names only its county (`safer-desk office FILE --county Suffolk`, whose
districts are then Suffolk's five: Babergh, East Suffolk, Ipswich, Mid Suffolk, West Suffolk) imported Thames
Valley's January 2022 download by mistake and heard only "Imported 15,691 rows from 1 file … Forces: Thames Valley
Police.": the line saying that the force polices none of the office's districts was said only where the office
named a partnership or a district, so its own months stayed empty without a word."""

from __future__ import annotations

from safer_desk.services.police_import import import_police_files
from safer_desk.services.reference import set_office_scope
from tests.conftest import shared_data

OUTSIDE = "none of this office's districts"
THAMES_VALLEY = ("police-uk", "thames-valley-2022-01", "2022-01-thames-valley-street.csv")


def test_an_office_named_by_its_county_alone_hears_another_forces_download_is_not_its_own(store):
    set_office_scope(store, county="Suffolk")
    lines = import_police_files(store, [shared_data(*THAMES_VALLEY)], other_forces=True).summary_lines()
    said = [line for line in lines if OUTSIDE in line]
    assert len(said) == 1, lines
    assert said[0].startswith("Thames Valley Police polices none of this office's districts (Babergh, East Suffolk, "
                              "Ipswich, Mid Suffolk and West Suffolk)"), said[0]


def test_its_own_forces_month_says_nothing_of_the_sort(store):
    set_office_scope(store, county="Suffolk")
    lines = import_police_files(store, [shared_data("police-uk", "suffolk-2021-01")]).summary_lines()
    assert not any(OUTSIDE in line for line in lines), lines
