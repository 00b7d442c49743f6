"""An award found, and refused as a twin, by its name as typed (the command line's --delete, Funders' Awards)."""

import pytest

from safer_desk.domain.commissioning import FundingError
from safer_desk.services import funders as fund_service
from safer_desk.storage.store import open_store



def test_an_award_is_found_and_refused_twice_by_its_name_as_typed(demo_path):
    """`safer-desk awards F --delete "County Lines … 2018–2020"` (an en dash, as pasted from the paper) said there was
    no such award, and the same name with that dash was added beside the hyphenated one: two near-identical awards."""
    store = open_store(demo_path)
    try:
        found = fund_service.award_by_name(store, "county lines and urban street gangs 2018\u20132020")
        assert found is not None and found.name == "County Lines and Urban Street Gangs 2018-2020"
        twin = fund_service.make_award(funder="OPCC", name="County Lines and Urban  Street Gangs 2018\u20132020",
                                       total="£1,000")
        with pytest.raises(FundingError, match="already an award called"):
            fund_service.save_award(store, twin)
        fund_service.save_award(store, found)  # the award itself, saved again under its own name: not a twin
    finally:
        store.close()
