"""Round 59 (ref): a district merged into another is not in two CSPs through its old partnership.

Waveney CSP covering Waveney with no end (its end not recorded), Waveney ending 31/03/2019 and Became East Suffolk:
from 01/04/2019 the partnership counts East Suffolk, its figures all of East Suffolk's (Suffolk Coastal's part too).
East Suffolk CSP was then added covering East Suffolk from 01/04/2019 without a word, so both partnerships counted
East Suffolk, each with all its figures. The one-CSP-at-a-time rule now sees the cover a partnership has through a
district that became another, whichever is recorded first.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref

WAVENEY_CSP, EAST_CSP = "partnership:waveney-csp", "partnership:east-suffolk-csp"


@pytest.fixture
def suffolk(store):
    ref.set_office_scope(store, county="Suffolk")
    ref.edit_district(store, "district:east-suffolk", name="East Suffolk", ons_code="E07000244", county="Suffolk",
                      valid_from="01/04/2019")
    ref.add_district(store, "Waveney", county="Suffolk", successor="East Suffolk", valid_to="31/03/2019")
    return store


def _partnerships_of_east_suffolk(store, year):
    return [p.name for p in ref.partnerships_of(store, ["district:east-suffolk"], FinancialYear(year))]


def test_a_csp_for_the_new_district_is_refused_while_the_old_districts_csp_runs_on(suffolk):
    ref.add_partnership(suffolk, "Waveney CSP", districts=["Waveney"], valid_from="01/04/2009")
    with pytest.raises(ref.ReferenceError) as caught:
        ref.add_partnership(suffolk, "East Suffolk CSP", districts=["East Suffolk"], valid_from="01/04/2019")
    said = str(caught.value)
    assert said.startswith("East Suffolk is in Waveney CSP from 01/04/2019 with no end (it covers Waveney, which "
                           "became East Suffolk)"), said
    assert "End Waveney CSP on its last day first" in said
    assert EAST_CSP not in {p.id for p in ref.list_partnerships(suffolk)}
    assert _partnerships_of_east_suffolk(suffolk, 2020) == ["Waveney CSP"]

    ref.end_partnership(suffolk, WAVENEY_CSP, date(2019, 3, 31))  # the end recorded: then the new CSP is taken
    ref.add_partnership(suffolk, "East Suffolk CSP", districts=["East Suffolk"], valid_from="01/04/2019")
    assert _partnerships_of_east_suffolk(suffolk, 2020) == ["East Suffolk CSP"]


def test_the_old_district_added_with_no_end_beside_the_new_districts_csp_is_refused(suffolk):
    ref.add_partnership(suffolk, "East Suffolk CSP", districts=["East Suffolk"], valid_from="01/04/2019")
    ref.add_partnership(suffolk, "Waveney CSP", valid_from="01/04/2009")
    with pytest.raises(ref.MembershipError) as caught:
        ref.add_partnership_district(suffolk, WAVENEY_CSP, "district:waveney", date(2009, 4, 1))
    said = str(caught.value)
    assert said.startswith("East Suffolk is in East Suffolk CSP from 01/04/2019 with no end: Waveney became East "
                           "Suffolk, so Waveney CSP would cover it from then"), said
    assert "give Waveney a To in Waveney CSP of 31/03/2019" in said
    ref.add_partnership_district(suffolk, WAVENEY_CSP, "district:waveney", date(2009, 4, 1), date(2019, 3, 31))
    assert _partnerships_of_east_suffolk(suffolk, 2020) == ["East Suffolk CSP"]
    assert [p.name for p in ref.partnerships_of(suffolk, ["district:waveney"], FinancialYear(2018))] == ["Waveney CSP"]


def test_giving_the_old_district_its_end_and_what_it_became_is_refused_while_its_csp_runs_on(store):
    """Waveney added by hand with no dates, in Waveney CSP with no end; East Suffolk CSP from 01/04/2019. Edit
    district… giving Waveney its To and Became East Suffolk put East Suffolk in both: refused beside Became, and
    nothing changed; once Waveney's cover ends, the same correction is kept."""
    ref.set_office_scope(store, county="Suffolk")
    ref.edit_district(store, "district:east-suffolk", name="East Suffolk", ons_code="E07000244", county="Suffolk",
                      valid_from="01/04/2019")
    ref.add_district(store, "Waveney", county="Suffolk")
    ref.add_partnership(store, "Waveney CSP", districts=["Waveney"], valid_from="01/04/2009")
    ref.add_partnership(store, "East Suffolk CSP", districts=["East Suffolk"], valid_from="01/04/2019")
    with pytest.raises(ref.DistrictError) as caught:
        ref.edit_district(store, "district:waveney", name="Waveney", county="Suffolk", successor="East Suffolk",
                          valid_to="31/03/2019")
    assert caught.value.field == "successor"
    assert "so Waveney CSP would cover it from then" in str(caught.value)
    waveney = store.one("SELECT successor_id, valid_to FROM districts WHERE id = 'district:waveney'")
    assert tuple(waveney) == (None, None)
    [(row_id, _)] = ref.partnership_district_covers(store, WAVENEY_CSP)
    ref.end_partnership_district(store, row_id, "31/03/2019")
    ref.edit_district(store, "district:waveney", name="Waveney", county="Suffolk", successor="East Suffolk",
                      valid_to="31/03/2019")
    assert _partnerships_of_east_suffolk(store, 2020) == ["East Suffolk CSP"]
