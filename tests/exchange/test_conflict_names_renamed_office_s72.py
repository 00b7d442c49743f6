"""Another office's open conflict names a renamed office by its new name (guide, exchange: an office renamed "is the
same office: ... its open conflicts and its keys in the register take the new name, and what the county says from
then on of the rows it sent names it so").

Found merging four Suffolk offices: East Suffolk office typed Ipswich's domestic abuse figure for Feb 2025 as 70
where Ipswich office had sent 51: conflict #7, "51 imported from fi.csv by Ipswich office, 70 imported from fe2.csv
by East Suffolk office". Ipswich office was then renamed "Ipswich Borough CSP office" and its next file merged (the
summary said "The office is now called Ipswich Borough CSP office (was Ipswich office)", and the key register and
Ipswich's own conflicts took the name), but #7 still said "by Ipswich office" in `safer-desk conflicts`, the
Conflicts window and the board report: an office the county file no longer lists.
"""

from __future__ import annotations

from safer_desk.services import indicators as ind
from safer_desk.services.county import list_conflicts
from safer_desk.services.reference import set_office_name
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template


def test_a_conflict_about_a_renamed_offices_figure_names_it_by_its_new_name(tmp_path):
    base = template(tmp_path, police=False)
    start = open_store(base)
    try:
        indicator = ind.save_indicator(start, "Domestic abuse crimes and incidents")
    finally:
        start.close()
    ipswich = office_from(base, tmp_path / "ipswich.sqlite", "Ipswich office", districts=["Ipswich"])
    east = office_from(base, tmp_path / "east.sqlite", "East Suffolk office", districts=["East Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        for store, value in ((ipswich, 51.0), (east, 70.0)):
            ind.save_values(store, indicator, "district:ipswich", [ind.PeriodValue("2025-02", value)],
                            require_red_comments=False)
        merge(county, [export(ipswich, tmp_path / "ipswich-1.sqlite"), export(east, tmp_path / "east-1.sqlite")])
        (conflict,) = list_conflicts(county)
        assert conflict.office_name == "East Suffolk office"
        assert conflict.county_side == "51 typed by Ipswich office"

        set_office_name(ipswich, "Ipswich Borough CSP office")
        report = merge(county, [export(ipswich, tmp_path / "ipswich-2.sqlite")])
        assert "The office is now called Ipswich Borough CSP office (was Ipswich office)." in \
            report.merged[-1].conflict_notes

        (again,) = list_conflicts(county)
        assert again.id == conflict.id
        assert again.county_side == "51 typed by Ipswich Borough CSP office"
        assert again.other == "Ipswich Borough CSP office"
        assert "Ipswich office" not in again.detail
        assert again.district_side == "70 typed by East Suffolk office"
    finally:
        for store in (ipswich, east, county):
            store.close()
