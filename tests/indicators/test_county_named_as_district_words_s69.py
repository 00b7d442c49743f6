"""A Gwynedd office (the districts Gwynedd and Ynys Môn, the preserved county Gwynedd) with figures for Ynys Môn
only: the workbook's Indicator summary said "Not given for Gwynedd, as its figure is added up from its districts'
… (not held in this file: Gwynedd in Apr-25 to May-25)", the county not given because of itself, to read. The
report's headings already tell the two apart ("Gwynedd (district)"): so do these words now, as they do Cornwall
the county and Cornwall the district of a Devon and Cornwall file."""

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.report_sections.indicators import not_derived_words


def test_the_county_and_its_district_of_one_name_are_told_apart(store):
    ref.set_office_scope(store, districts=["Ynys Môn", "Gwynedd"], county="Gwynedd")
    ind = svc.save_indicator(store, "Anti-social behaviour")
    anglesey = svc.find_area(store, "Ynys Môn")
    svc.save_values(store, ind, anglesey.id, [svc.PeriodValue("2025-04", 31), svc.PeriodValue("2025-05", 32)])
    county = svc.find_area(store, "Gwynedd (county)")
    said = not_derived_words(store, county, FinancialYear(2025), [])
    assert said == ("Not given for Gwynedd (county), as its figure is added up from its districts' and not every one "
                    "of them has a figure: Anti-social behaviour (not held in this file: Gwynedd (district) in Apr-25 "
                    "to May-25).")


def test_a_county_no_district_shares_a_name_with_is_named_alone(store):
    ref.set_office_scope(store, districts=["Newport", "Torfaen"], county="Gwent")
    ind = svc.save_indicator(store, "Anti-social behaviour")
    svc.save_values(store, ind, svc.find_area(store, "Newport").id, [svc.PeriodValue("2025-04", 12)])
    said = not_derived_words(store, svc.find_area(store, "Gwent"), FinancialYear(2025), [])
    assert said.startswith("Not given for Gwent, as its figure") and "Torfaen in Apr-25" in said, said
    assert "(district)" not in said
