"""Pooled funds, round 44 (co4): the spread of spend per victim says which band a victim on a boundary is in.

Per victim (the page and the fund report's workbook) read "£100–£200" and "£200–£300": a victim supported with
£200.00 (a lock and a letterbox at their usual prices, say) is counted in the first, but the labels put it in both.
The bands now read "up to £100", "over £100 to £200", "over £200 to £300" …, as they are counted.
"""

from __future__ import annotations

from safer_desk.domain import funds


def test_each_band_says_where_its_boundary_goes():
    bands = funds.distribution([10_000, 10_001, 20_000, 20_001, 50_000, 50_001])
    assert bands == [("up to £100", 1), ("over £100 to £200", 2), ("over £200 to £300", 1),
                     ("over £300 to £500", 1), ("over £500", 1)]


def test_the_page_s_table_reads_so(demo_store):
    from datetime import date

    from safer_desk.services import funds as fund_service

    fund = fund_service.fund_by_name(demo_store, "Suffolk Target Hardening Pilot")
    figures = fund_service.fund_figures(demo_store, fund.id, today=date(2018, 7, 20))
    assert dict(figures.distribution) == {"up to £100": 0, "over £100 to £200": 14, "over £200 to £300": 1,
                                          "over £300 to £500": 0, "over £500": 0}
