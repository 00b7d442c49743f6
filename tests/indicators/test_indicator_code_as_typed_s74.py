"""Session 74 (figures): a county return heading its rows by the indicator's code as partners write it, "NI32" or
"ni-32" for NI 32 (Repeat cases at MARAC), was refused line by line with "There is no indicator called “NI32” (add it
first)", though "NI 32" was taken: nothing said it was the spacing. A code written with other spacing, dots or a dash
is the indicator whose code it is, when only one indicator's is; the preview shows that indicator's name."""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import apply_values, preview_values

MARAC = "indicator:repeat-cases-at-marac"


@pytest.mark.parametrize("written", ["NI32", "ni-32", "N.I. 32", "NI  32"])
def test_a_code_written_without_its_space_is_the_indicator_whose_code_it_is(demo_store, tmp_path, written):
    sheet = tmp_path / "return.csv"
    sheet.write_text(f"indicator,area,period,value\n{written},Suffolk,2009/10 Q1,25%\n", encoding="utf-8")
    preview = preview_values(demo_store, sheet)
    assert preview.refused == [], preview.report()
    assert [g.indicator_id for g in preview.good] == [MARAC]
    assert apply_values(demo_store, preview) == 1
    view = svc.year_view(demo_store, svc.get_indicator(demo_store, MARAC), "county:suffolk",
                         svc.FinancialYear(2009))
    assert view.values[0] == 25


def test_a_code_two_indicators_could_be_is_not_taken(store):
    svc.save_indicator(store, "Repeat cases", code="NI 32")
    svc.save_indicator(store, "Other repeats", code="NI-32")
    with pytest.raises(svc.IndicatorError):
        svc.get_indicator(store, "NI32")
    assert svc.get_indicator(store, "NI 32").name == "Repeat cases"  # as written: as before
