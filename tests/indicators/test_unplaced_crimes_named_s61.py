"""Session 61: a Devon office's report said of Devon & Cornwall Police's files that "13,658 it placed in districts
outside Devon" — Plymouth and Torbay among them, which are in Devon (unitaries, not Devon County Council's districts,
so not in Devon's figure). The words now name those areas and say they are not the county's districts, not that
they are outside it."""

from __future__ import annotations

from datetime import date

from safer_desk.services import reference as ref
from safer_desk.services.police_import import load_counts
from safer_desk.services.report import build_report

DEVON = {"East Devon": 20, "Exeter": 30, "Mid Devon": 40, "North Devon": 50, "South Hams": 60, "Teignbridge": 10,
         "Torridge": 70, "West Devon": 80}
OTHERS = {"Plymouth": 1000, "Cornwall": 700, "Torbay": 500, "Isles of Scilly": 1}


def test_the_crimes_in_no_district_of_the_county_name_where_police_uk_placed_them(store):
    load_counts(store, [("Devon & Cornwall Police", "2020-01", name, "Burglary", n)
                        for name, n in {**DEVON, **OTHERS}.items()])
    ref.set_office_scope(store, districts=["Teignbridge"], county="Devon")
    doc = build_report(store, year="2019/20", today=date(2020, 2, 20))
    said = " ".join(next(s for s in doc.sections if s.title == "Indicators: Devon").paragraphs)
    assert f"{sum(OTHERS.values()):,} it placed in areas that are not Devon's districts" in said, said
    assert "Plymouth, Cornwall, Torbay and Isles of Scilly" in said, said
    assert "outside Devon" not in said, said
