"""The county lead opens the county file merged from the districts' exports: the Indicators tab opened on Babergh, the
first district, where the board report and the workbook lead with Suffolk, whose figures are added up from its
districts' (a county file holds none of its own for the county)."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import district_exports, merge


def test_the_indicators_tab_of_a_county_file_opens_on_its_county(tmp_path):
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        assert not merge(county, district_exports(tmp_path, ["Babergh", "Mid Suffolk"], own_rows=False)).conflicts
        p = IndicatorsPresenter(county)
        p.load()
        assert (p.area_id, p.year) == ("county:suffolk", FinancialYear(2025))
        assert any(r.indicator.label == "All crime" and r.view.ytd is not None for r in p.rows)
    finally:
        county.close()
