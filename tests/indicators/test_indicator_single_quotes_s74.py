"""Session 74 (figures): a partner's sheet naming Plymouth's Level Two “ist” incidents satisfaction with single quotes,
'ist', had every line refused ("There is no indicator called …: did you mean …?"), though "ist" in straight double
quotes was taken. Single and double quotes around a word are the same name as typed."""

from __future__ import annotations

from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import preview_values

SATISFACTION = "indicator:level-two-ist-incidents-satisfaction"


def test_single_quotes_name_the_indicator_with_double_ones(demo_store, tmp_path):
    sheet = tmp_path / "return.csv"
    sheet.write_text("indicator,area,period,value\nLevel Two 'ist' incidents satisfaction,Plymouth,2016-11,85%\n"
                     "Level Two ‘ist’ incidents satisfaction,Plymouth,2016-12,86%\n", encoding="utf-8")
    preview = preview_values(demo_store, sheet)
    assert preview.refused == [], preview.report()
    assert [g.indicator_id for g in preview.good] == [SATISFACTION, SATISFACTION]



def test_an_indicator_named_with_an_apostrophe_is_found_as_before(store):
    svc.save_indicator(store, "Victims' satisfaction")
    assert svc.get_indicator(store, "Victims’ satisfaction").name == "Victims' satisfaction"
    assert svc.get_indicator(store, "victims' satisfaction").name == "Victims' satisfaction"
