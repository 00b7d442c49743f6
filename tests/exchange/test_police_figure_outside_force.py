"""A force's police.uk counts for a district outside its area are part of that district's figure, not all of it.

Suffolk Constabulary's counts of Jul 2025 hold one crime located in Cornwall. Merged with the Cornwall office's typed
All crime for Cornwall that month (3,000), the county raised "Indicator 'All crime', Cornwall, Jul 2025: 1 from
police.uk counts sent by Babergh office, 3,000 typed by Cornwall office": Suffolk's one stray crime set against
Cornwall's whole figure, whose own force (Devon & Cornwall) the county holds no counts of. A figure typed for a
district of the forces whose counts the county holds is still a conflict when the counts differ.
"""

from __future__ import annotations

import pytest

from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template

FIGURE_KINDS = ("figure", "police-figure")


def _typed_office(base, path, name: str, district: str, county: str, value: float):
    from safer_desk.services import indicators as ind
    from safer_desk.services.police_import import _ensure_crime_indicators

    store = office_from(base, path, name, districts=[district], county=county)
    try:
        _ensure_crime_indicators(store, [])  # "All crime" as an import defines it, so only the figure can differ
        ind.save_values(store, "indicator:all-crime", f"district:{district.lower().replace(' ', '-')}",
                        [ind.PeriodValue("2025-07", value)], require_red_comments=False)
        return export(store, path.with_name(f"{path.stem}-export.sqlite"))
    finally:
        store.close()


def _exports(tmp_path, district: str, county: str, typed_first: bool) -> list:
    """Babergh office's export (Suffolk Constabulary's counts of 2025, which include one crime in Cornwall in Jul
    2025) and an export of an office of `district` with no counts and All crime for Jul 2025 typed as 3,000, in the
    order they are made (the county merges the older first)."""
    base = template(tmp_path)
    (tmp_path / "bare").mkdir()
    bare = template(tmp_path / "bare", police=False)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        if typed_first:
            typed = _typed_office(bare, tmp_path / "typed.sqlite", f"{district} office", district, county, 3000.0)
        counts = export(babergh, tmp_path / "babergh-export.sqlite")
        if not typed_first:
            typed = _typed_office(bare, tmp_path / "typed.sqlite", f"{district} office", district, county, 3000.0)
    finally:
        babergh.close()
    return [typed, counts] if typed_first else [counts, typed]


def _all_crime(store, area: str):
    return store.one("SELECT value, source FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                     "area_id = ? AND period = '2025-07'", (area,))


@pytest.mark.parametrize("first", ["counts", "typed"])
def test_a_forces_stray_crime_in_another_district_is_not_set_against_that_districts_typed_figure(tmp_path, first):
    order = _exports(tmp_path, "Cornwall", "Cornwall", typed_first=first == "typed")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        report = merge(county, order)
        assert report.refused == []
        assert [c.detail for c in report.conflicts if c.kind in FIGURE_KINDS] == [], report.text()
        assert tuple(_all_crime(county, "district:cornwall")) == (3000, "typed")  # the office's figure stands
        police = county.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                               "area_id = 'district:babergh' AND period = '2025-07' AND source = 'police.uk'")
        assert police and police > 100  # Babergh's figure is still worked out from the counts
    finally:
        county.close()


@pytest.mark.parametrize("first", ["counts", "typed"])
def test_a_figure_typed_for_a_district_of_the_forces_counts_is_still_a_conflict(tmp_path, first):
    order = _exports(tmp_path, "Mid Suffolk", "Suffolk", typed_first=first == "typed")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        report = merge(county, order)
        got = [c.detail for c in report.conflicts if c.kind in FIGURE_KINDS]
        assert len(got) == 1, report.text()
        assert got[0].startswith("Indicator 'All crime', Mid Suffolk, Jul 2025: ")
        assert "3,000 typed by Mid Suffolk office" in got[0]
        assert "from police.uk counts sent by Babergh office" in got[0]
    finally:
        county.close()
