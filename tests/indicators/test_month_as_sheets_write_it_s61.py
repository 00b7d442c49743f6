"""s61: Import Figures refused "12/2016", a month as council sheets write it (month/year), as "not a month". For a
monthly indicator it can be no other period: it is December 2016. A quarterly or annual indicator still refuses it,
saying it is a month."""

from __future__ import annotations

import pytest

from safer_desk.domain.indicators import IndicatorError
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import preview_values
from tests.indicators.test_cli_import_figures import _sheet, office  # noqa: F401 (a fixture)


@pytest.mark.parametrize("typed, stored", [("12/2016", "2016-12"), ("1/2017", "2017-01"), ("04/2016", "2016-04"),
                                           ("12.2016", "2016-12"), ("12-2016", "2016-12")])
def test_a_month_written_month_slash_year_is_that_month(typed, stored):
    assert svc.parse_period(typed, "monthly") == stored
    assert svc.parse_period(typed) == stored


def test_a_quarterly_indicator_is_told_it_is_a_month():
    with pytest.raises(IndicatorError, match="“12/2016” is a monthly period but the indicator is quarterly"):
        svc.parse_period("12/2016", "quarterly")


def test_thirteen_is_no_month():
    with pytest.raises(IndicatorError, match="is not a month"):
        svc.parse_period("13/2016", "monthly")


def test_import_figures_reads_it(office, tmp_path):  # noqa: F811
    from safer_desk.storage.store import open_store

    sheet = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,12/2016,7\n")
    store = open_store(office)
    try:
        preview = preview_values(store, sheet)
        assert preview.refused == []
        assert [g.value.period for g in preview.good] == ["2016-12"]
    finally:
        store.close()
