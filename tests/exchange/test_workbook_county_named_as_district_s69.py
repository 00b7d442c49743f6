"""A Gwynedd office's workbook (the districts Gwynedd and Ynys Môn, the preserved county Gwynedd): Indicator summary
and Indicators by month gave the county's rows as "Gwynedd (derived)" and the district's as "Gwynedd", 81 beside 50
with no word of which was the county, where the board report says "Gwynedd (county)" and "Gwynedd (district)" and
the Indicators tab "Gwynedd (county, derived)". The rows now say the kind where a county and a district share a
name (Cornwall's too); a name no other area has is said as before ("Isle of Anglesey", "Suffolk (derived)")."""

from safer_desk.services import county_workbook as wb
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref


def first_cells(sheet):
    return [row[0] for block in sheet.blocks for row in block.rows]


def test_a_county_and_a_district_of_one_name_say_which_in_the_workbook(store):
    ref.set_office_scope(store, districts=["Ynys Môn", "Gwynedd"], county="Gwynedd")
    ind = svc.save_indicator(store, "Anti-social behaviour")
    svc.save_values(store, ind, svc.find_area(store, "Ynys Môn").id, [svc.PeriodValue("2025-04", 31)])
    svc.save_values(store, ind, svc.find_area(store, "Gwynedd (district)").id, [svc.PeriodValue("2025-04", 50)])
    assert first_cells(wb.indicator_summary_sheet(store)) == [
        "Gwynedd (county, derived)", "Gwynedd (district)", "Isle of Anglesey"]
    assert first_cells(wb.indicators_sheet(store)) == [
        "Gwynedd (county, derived)", "Gwynedd (district)", "Isle of Anglesey"]
