"""Office set-up, round 33 (second look sl2): Add district… and End partnership… tried as an officer would.

1. A district typed as councils write it with "&" ("Brighton & Hove", "Kings Lynn & West Norfolk") was refused as
   unknown, "did you mean Brighton and Hove?", where "Mid-Suffolk" was taken as Mid Suffolk: "&" is "and".
2. A partnership ended a second time on a later day (its end typed a year or more wrong the first time, found after
   the file was reopened, when Undo no longer reaches it) ran to the new day, but its districts and members still
   ended on the old one: its figures counted no district for the years between, without a word. Its districts and
   members that ended with it now end with it on the new day; one now in another CSP then is refused, naming it.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref


@pytest.mark.parametrize("typed, spelled", [("Brighton & Hove", "Brighton and Hove"),
                                            ("Kings Lynn & West Norfolk", "King's Lynn and West Norfolk")])
def test_a_district_typed_with_an_ampersand_is_the_district_the_list_spells(store, typed, spelled):
    scope = ref.set_office_scope(store, districts=[typed])
    assert [a.name for a in scope.districts] == [spelled]
    assert ref.add_district(store, typed) == ref.reference_id("district", spelled)
    assert [d.name for d in ref.list_districts(store)] == [spelled]


def test_a_partnership_typed_with_an_ampersand_is_the_one_the_file_holds(store):
    ref.add_district(store, "Babergh", county="Suffolk")
    ref.add_partnership(store, "Babergh and Mid Suffolk CSP", districts=["Babergh"])
    scope = ref.set_office_scope(store, partnerships=["Babergh & Mid Suffolk CSP"])
    assert [a.name for a in scope.partnerships] == ["Babergh and Mid Suffolk CSP"]


def _babergh_csp(store):
    for name in ("Babergh", "Mid Suffolk"):
        ref.add_district(store, name, county="Suffolk")
    ref.add_partnership(store, "Babergh CSP", districts=["Babergh"], valid_from="01/04/2009")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Mid Suffolk"], valid_from="01/04/2009")
    return ref.reference_id("partnership", "Babergh CSP"), ref.reference_id("partnership", "Western Suffolk CSP")


def test_a_partnership_ended_again_on_a_later_day_keeps_its_districts_to_that_day(store):
    babergh_csp, _ = _babergh_csp(store)
    ref.end_partnership(store, babergh_csp, "31/03/2010")  # meant 31/03/2018
    ref.end_partnership(store, babergh_csp, "31/03/2018")
    assert [p.valid_to for p in ref.list_partnerships(store) if p.id == babergh_csp] == ["2018-03-31"]
    assert ref.partnership_district_ids(store, babergh_csp, FinancialYear(2015)) == ["district:babergh"]
    assert ref.partnership_district_ids(store, babergh_csp, FinancialYear(2018)) == []
    assert ref.partnership_district_words(store, babergh_csp) == "Babergh"


def test_a_later_end_is_refused_for_a_district_another_csp_covers_by_then(store):
    babergh_csp, western = _babergh_csp(store)
    ref.end_partnership(store, babergh_csp, "31/03/2010")
    ref.add_partnership_district(store, western, ref.reference_id("district", "Babergh"), "01/04/2012")
    with pytest.raises(ref.MembershipError) as refused:
        ref.end_partnership(store, babergh_csp, "31/03/2018")
    assert refused.value.field == "valid_to" and str(refused.value).startswith(
        "To (31/03/2018) would keep Babergh in Babergh CSP after Western Suffolk CSP took it (from 01/04/2012): ")
    assert "Type Babergh CSP's last day before then (31/03/2012)" in str(refused.value)
    assert [p.valid_to for p in ref.list_partnerships(store) if p.id == babergh_csp] == ["2010-03-31"]
    assert ref.partnership_district_ids(store, babergh_csp, FinancialYear(2009)) == ["district:babergh"]
