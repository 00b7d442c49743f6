"""The board report's costs sections: DHR cost recovery per case and per partner, the fund's burn-down."""

from datetime import date

from safer_desk.services.report_sections import all_sections
from safer_desk.services.report_sections.costs import board_report_sections


def test_cost_recovery_and_burn_down(demo_store):
    sections = board_report_sections(demo_store, today=date(2018, 9, 1))
    recovery, burn = sections
    assert recovery.title == "Domestic Homicide Reviews: cost recovery"
    per_case, per_partner = recovery.tables
    row = next(r for r in per_case.rows if r[0] == "WSCSP-DHR-2017-01")
    assert row[5:] == ["£7,525.58", "£6,841.44", "£3,820.73 (illustrative)", "£3,020.71", "£684.14", "£0.00"]
    # Pence throughout a table when any figure in it has them, as the window's Costs tables show them (the
    # paper read "£684.14" over "£0" in one column).
    unknown = next(r for r in per_case.rows if r[0] == "WSCSP-DHR-2017-02")
    assert unknown[5:] == ["Not yet known", "£0.00", "£0.00", "£0.00", "£0.00", "£0.00"]
    assert all("." in cell for r in per_partner.rows for cell in r[1:]), per_partner.rows
    assert per_partner.total_row == ["Total", "£7,525.58", "£3,820.73", "£684.14", "£3,020.71", "£3,020.71"]
    assert burn.title == "Suffolk Target Hardening Pilot: burn-down"
    assert "runs out in Apr-20" in burn.paragraphs[1] and "£5,497.95 would be left" in burn.paragraphs[1]
    chart = burn.charts[0]
    assert chart.categories[0] == "Apr-18" and chart.categories[-1] == "Apr-20"
    actual, forecast, level = chart.series
    assert actual.values[:3] == [795.0, 1630.0, 2417.0] and actual.values[3] is None
    assert forecast.values[2] == 2417.0 and forecast.values[-1] >= 20000
    assert len(actual.values) == len(forecast.values) == len(level.values) == len(chart.categories)
    assert burn.tables[0].total_row == ["Total", "15", "£2,417"]


def test_sections_are_in_the_whole_report(demo_store):
    titles = [s.title for s in all_sections(demo_store)]
    assert "Suffolk Target Hardening Pilot: burn-down" in titles


def test_empty_file_has_no_costs_sections(store):
    assert board_report_sections(store) == []


def test_the_board_papers_count_in_words_not_in_brackets(demo_store):
    # "3 review(s) and 1 learning review(s)", "supporting 15 victim(s)": what a board paper should not print.
    from safer_desk.domain.text import counted

    assert [counted(n, "review") for n in (0, 1, 2)] == ["0 reviews", "1 review", "2 reviews"]
    assert counted(1_234, "row") == "1,234 rows" and counted(1, "district", "districts") == "1 district"
    recovery, burn = board_report_sections(demo_store, today=date(2018, 9, 1))
    text = " ".join([*recovery.paragraphs, *burn.paragraphs])
    assert "(s)" not in text
    assert recovery.paragraphs[0].startswith("3 reviews and 1 learning review.")
    assert "supporting 15 victims" in burn.paragraphs[0]
