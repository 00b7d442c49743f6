"""Session 66 (wales2): the county's merge judged a district's own force by the share alone (1 in 100 of its crimes),
not by the name as the import and the Indicators tab do. The Isles of Scilly hold about 1 in 3,700 of Devon & Cornwall
Police's crimes; merged with the Cornwall office's counts, the Isles of Scilly office's typed All crime for Mar 2020
(9, where the force's counts say 2) silently replaced the county's police.uk figure, as a neighbouring force's stray
crimes would, though the tab reads those counts as the islands' own (a typed Cornwall figure is a conflict)."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as ind
from safer_desk.services.police_import import _ensure_crime_indicators, import_police_files
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge
from tests.indicators.police_helpers import fixture

FIGURE_KINDS = ("figure", "police-figure")


def _exports(tmp_path, typed_first: bool) -> list:
    def cornwall():
        store = open_store(tmp_path / "cornwall.sqlite", create=True, office_name="Cornwall office")
        try:
            ref.set_office_scope(store, districts=["Cornwall"], county="Cornwall")
            import_police_files(store, [fixture("devon-and-cornwall-2020-q1", "download-a")])
            return export(store, tmp_path / "cornwall-export.sqlite")
        finally:
            store.close()

    def scilly():
        store = open_store(tmp_path / "scilly.sqlite", create=True, office_name="Isles of Scilly office")
        try:
            ref.set_office_scope(store, districts=["Isles of Scilly"], county="Cornwall")
            _ensure_crime_indicators(store, [])
            ind.save_values(store, "indicator:all-crime", "district:isles-of-scilly", [ind.PeriodValue("2020-03", 9.0)],
                            require_red_comments=False)
            return export(store, tmp_path / "scilly-export.sqlite")
        finally:
            store.close()

    return [scilly(), cornwall()] if typed_first else [cornwall(), scilly()]


@pytest.mark.parametrize("first", ["counts", "typed"])
def test_a_figure_typed_for_the_isles_of_scilly_against_its_own_force_s_counts_is_a_conflict(tmp_path, first):
    order = _exports(tmp_path, typed_first=first == "typed")
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Cornwall county team")
    try:
        report = merge(county, order)
        assert report.refused == []
        got = [c.detail for c in report.conflicts if c.kind in FIGURE_KINDS]
        assert len(got) == 1, report.text()
        assert got[0].startswith("Indicator 'All crime', Isles of Scilly, Mar 2020: "), got
        assert "typed by Isles of Scilly office" in got[0] and "Cornwall office" in got[0]
    finally:
        county.close()
