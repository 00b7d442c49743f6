"""Indicators, targets, RAG, imports of figures, the command output and the board report section."""

from __future__ import annotations

import csv
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from safer_desk.cli import main
from safer_desk.domain import indicators as dom
from safer_desk.domain.indicators import Change, Figure, IndicatorError, Rag, rag_status
from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.files import Sheet, write_xlsx
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import CommentRequired, PeriodValue
from safer_desk.exchange.indicator_import import ValuesFileError
from safer_desk.services.indicators_import import apply_values, preview_values
from safer_desk.services.report_sections.indicators import board_report_sections

FY16 = FinancialYear(2016)


def test_blank_file_has_the_indicator_tables(store):
    def columns(table):
        return [r[1] for r in store.rows(f"PRAGMA table_info({table})")]

    assert columns("indicator_areas") == ["id", "name", "kind", "ons_code", "population"]
    assert columns("indicators") == ["id", "name", "code", "unit", "rate_per", "polarity", "frequency", "source",
                                     "area_id", "tolerance_pct", "description", "sort_order", "tolerance_kind",
                                     "measure", "figure_basis"]
    assert columns("indicator_values") == ["id", "indicator_id", "area_id", "period", "value", "numerator",
                                           "denominator", "comment", "source"]
    assert columns("indicator_targets") == ["id", "indicator_id", "area_id", "year", "kind", "value", "profile",
                                            "note", "status", "withdrawn_on", "withdrawn_reason"]
    assert columns("indicator_baselines") == ["id", "indicator_id", "area_id", "period", "value", "note"]
    assert columns("indicator_benchmarks") == ["id", "indicator_id", "area_id", "period", "kind", "name", "value",
                                               "note"]
    assert columns("indicator_milestones") == ["id", "indicator_id", "area_id", "year", "due", "achieved_on", "note"]
    assert columns("indicator_estimates") == ["id", "indicator_id", "area_id", "year", "rag", "basis", "stated_on"]
    assert columns("indicator_populations") == ["id", "area_id", "year", "population", "source"]
    assert columns("indicator_trajectory") == ["id", "target_id", "period", "cumulative"]
    assert columns("_police_counts") == ["force", "month", "source_district", "crime_type", "area_id", "count"]
    assert "WITHOUT ROWID" in store.scalar("SELECT sql FROM sqlite_master WHERE name = '_police_counts'")
    uniques = [r for r in store.rows("PRAGMA index_list(indicator_values)") if r["unique"]]
    cols = [[c["name"] for c in store.rows(f"PRAGMA index_info('{u['name']}')")] for u in uniques]
    assert ["indicator_id", "area_id", "period"] in cols
    assert all("STRICT" in store.scalar("SELECT sql FROM sqlite_master WHERE name = ?", (t,))
               for t in ("indicators", "indicator_values", "_police_counts", "indicator_baselines",
                         "indicator_benchmarks", "indicator_milestones", "indicator_estimates",
                         "indicator_populations"))


@pytest.fixture
def area(store):
    return svc.ensure_area(store, "Mid Suffolk", "district")


def test_indicator_ids_are_deterministic(store, tmp_path):
    from safer_desk.storage.store import open_store

    other = open_store(tmp_path / "other.sqlite", create=True)
    try:
        assert svc.save_indicator(store, "Burglary") == svc.save_indicator(other, "Burglary") == "indicator:burglary"
        assert svc.ensure_area(store, "Babergh") == svc.ensure_area(other, "Babergh") == "district:babergh"
    finally:
        other.close()


def test_bad_indicator_input_is_refused(store, area):
    with pytest.raises(IndicatorError, match="unit"):
        svc.save_indicator(store, "X", unit="pounds")
    ind = svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    with pytest.raises(IndicatorError, match="over 100%"):
        svc.save_values(store, ind, area, [PeriodValue("2016-04", numerator=11, denominator=10)])
    with pytest.raises(IndicatorError, match="both a numerator and a denominator"):
        svc.save_values(store, ind, area, [PeriodValue("2016-04", numerator=1)])
    with pytest.raises(IndicatorError, match="quarterly period"):
        svc.save_values(store, ind, area, [PeriodValue("2016-Q1", 5)])
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0


def test_annual_target_spread_evenly_or_by_last_years_profile(store, area):
    ind = svc.save_indicator(store, "Burglary")
    last = [10, 10, 10, 10, 10, 10, 20, 20, 20, 20, 10, 50]  # 200 in 2015/16
    svc.save_values(store, ind, area, [PeriodValue(m.iso, v) for m, v in zip(FinancialYear(2015).months, last)])
    svc.set_target(store, ind, area, FY16, kind="annual", value=120)
    t = svc.get_target(store, ind, area, FY16)
    assert t.profile == "even" and [t.trajectory[m.iso] for m in FY16.months][:3] == [10, 20, 30]
    svc.set_target(store, ind, area, FY16, kind="annual", value=100, profile="seasonal")
    t = svc.get_target(store, ind, area, FY16)
    cum = [t.trajectory[m.iso] for m in FY16.months]
    assert cum[0] == 5 and cum[5] == 30 and cum[-1] == 100  # last year's shares: 10/200 of 100 …
    assert svc.target_text(svc.get_indicator(store, ind), t) == "100 in the year (in last year's seasonal profile)"
    with pytest.raises(IndicatorError, match="every period of 2016/17"):
        svc.set_target(store, ind, area, FinancialYear(2017), kind="annual", value=100, profile="seasonal")


def test_rag_with_tolerance_and_threshold(store, area):
    ind = svc.save_indicator(store, "Repeat cases at MARAC", code="NI 32", unit="percentage", polarity="lower",
                             frequency="quarterly", tolerance_pct=5, tolerance_kind="relative")
    svc.set_target(store, ind, area, FY16, kind="threshold", value=28)
    assert svc.target_text(svc.get_indicator(store, ind), svc.get_target(store, ind, area, FY16)) == \
        "No more than 28%"
    for pct, expected in ((27, Rag.GREEN), (28, Rag.GREEN), (29.4, Rag.AMBER), (29.5, Rag.RED)):
        svc.save_values(store, ind, area, [PeriodValue("2016-Q1", numerator=pct * 10, denominator=1000,
                                                       comment="why")])
        assert svc.year_view(store, ind, area, FY16).rag is expected, pct
    with pytest.raises(CommentRequired, match="Q1 2016/17"):
        svc.save_values(store, ind, area, [PeriodValue("2016-Q1", numerator=400, denominator=1000, comment="")])


def test_suffolk_and_east_sussex_targets_in_the_demo(demo_store):
    def rag(name, area, year):
        return svc.year_view(demo_store, svc.get_indicator(demo_store, name), area, FinancialYear.parse(year)).rag

    assert rag("NI 30", "county:suffolk", "2010/11") is Rag.AMBER  # 17% against 18%: one point short
    assert rag("NI 32", "county:suffolk", "2010/11") is Rag.GREEN  # 14.4%, no more than 28%
    assert rag("LT6", "county:suffolk", "2010/11") is Rag.GREEN  # 91% against 90%
    assert rag("LT7", "county:suffolk", "2009/10") is Rag.RED  # 1,407 against 1,270
    lt7 = svc.get_indicator(demo_store, "LT7")
    assert svc.get_target(demo_store, lt7.id, "county:suffolk", FinancialYear(2010)).value == 1256
    assert rag("IDVA service users reporting improved safety", "county:east-sussex", "2010/11") is Rag.GREY
    assert rag("Adults leaving drug treatment in a planned way", "county:east-sussex", "2010/11") is Rag.GREEN
    rows = svc.summary(demo_store, "county:east-sussex", FinancialYear(2011))
    assert {r.indicator.name for r in rows if r.view.target is not None} >= {
        "IDVA service users reporting improved safety",
        "Medium and high risk domestic abuse victims engaging with the IDVA service"}


def test_rate_per_thousand_uses_its_population(store, area):
    ind = svc.save_indicator(store, "Violence rate", unit="rate")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", numerator=52, denominator=104000),
                                       PeriodValue("2016-05", numerator=26, denominator=104000)])
    view = svc.year_view(store, ind, area, FY16)
    assert view.values[:2] == [0.5, 0.25]
    assert view.cumulative[1] == pytest.approx(78 / 104000 * 1000)  # the crimes to date per head (test_rates_to_date)
    assert dom.format_value(0.5, "rate") == "0.5 per 1,000"
    # The area's population is the denominator when only the count is given.
    town = svc.ensure_area(store, "Ipswich", population=140000)
    svc.save_values(store, ind, town, [PeriodValue("2016-04", numerator=70)])
    assert svc.year_view(store, ind, town, FY16).values[0] == 0.5


@given(st.lists(st.tuples(st.integers(0, 500), st.integers(1, 500)), min_size=1, max_size=12))
def test_cumulative_percentage_is_always_the_ratio_of_sums(pairs):
    figs = [Figure(min(n, d) / d * 100, min(n, d), d) for n, d in pairs]
    num = sum(f.numerator for f in figs)
    den = sum(f.denominator for f in figs)
    assert dom.cumulative(figs, "percentage")[-1] == pytest.approx(num / den * 100)


@given(st.integers(0, 10**6), st.integers(1, 10**6), st.sampled_from(dom.POLARITIES))
def test_change_is_this_year_minus_last_and_the_words_agree(this, last, polarity):
    c = Change(this, last, "count", polarity)
    assert c.difference == this - last
    words = c.words()
    if this > last:
        assert words.startswith("an increase of") and c.signed_text().startswith("+")
    elif this < last:
        assert words.startswith("a reduction of") and c.signed_text().startswith("\u2212")
    else:
        assert words.startswith("no change")
    assert c.percent == Fraction(this - last, last) * 100


@given(st.floats(0, 1000), st.floats(1, 1000), st.sampled_from(("lower", "higher")), st.floats(0, 50))
@example(1.0000000000000002, 1.0, "lower", 0.0)  # one float step worse is float noise, not a miss: green
@example(0.1 + 0.2, 0.3, "lower", 0.0)
@example(1.000000002, 1.0, "lower", 0.0)  # worse in the ninth decimal: not green
def test_rag_is_green_when_at_or_better_than_target(actual, target, polarity, tolerance):
    r = rag_status(actual, target, polarity, tolerance)
    # Compared to nine decimals (worse_by), far finer than any figure a board sees: float noise is no miss.
    a, t = round(actual, 9), round(target, 9)
    better_or_equal = a <= t if polarity == "lower" else a >= t
    assert (r is Rag.GREEN) == better_or_equal
    assert rag_status(actual, None, polarity, tolerance) is Rag.GREY
    assert rag_status(actual, target, "monitor", tolerance) is Rag.MONITOR


def test_a_workbook_with_notes_before_its_figures_is_read_from_the_sheet_with_the_headings(store, area, tmp_path):
    # A council return often opens on a notes or cover sheet: it was refused as having no indicator column.
    svc.save_indicator(store, "Burglary")
    xlsx, row = tmp_path / "return.xlsx", ["Burglary", "Mid Suffolk", "2016-04", 12]
    write_xlsx(xlsx, [Sheet("Notes", ["About these figures"], [["Returned by the Community Safety team"]]),
                      Sheet("Blank", [], []),
                      Sheet("Data", ["Indicator", "Area", "Period", "Value"], [row])])
    preview = preview_values(store, xlsx)
    assert [(g.line, g.value.period, g.value.value) for g in preview.good] == [(2, "2016-04", 12)]
    write_xlsx(xlsx, [Sheet("Notes", ["About these figures"], [["Returned by the Community Safety team"]]),
                      Sheet("Data", ["Indicator", "District", "Month", "Value"], [row])])
    with pytest.raises(ValueError) as caught:
        preview_values(store, xlsx)
    assert str(caught.value).startswith(
        "No sheet of return.xlsx has the columns indicator, area and period: “Notes” has none (its first row reads "
        "“About these figures”); “Data” has none (its first row reads “Indicator”, “District”, “Month”, “Value”).")


def test_import_figures_from_xlsx(store, area, tmp_path):
    svc.save_indicator(store, "Burglary")
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    xlsx = tmp_path / "f.xlsx"
    write_xlsx(xlsx, [Sheet("Figures", ["Indicator", "Area", "Period", "Value", "Numerator", "Denominator"], [
        ["Burglary", "Mid Suffolk", "2016-04", 12, None, None],
        ["Satisfaction", "Mid Suffolk", "Apr-16", None, 9, 10],
        ["Satisfaction", "Mid Suffolk", "May-16", None, 11, 10],
        ["Burglary", "Mid Suffolk", "2016-13", 1, None, None],
    ])])
    preview = preview_values(store, xlsx)
    assert [g.line for g in preview.good] == [2, 3]
    assert [line for line, _ in preview.refused] == [4, 5]
    assert "over 100%" in dict(preview.refused)[4]
    assert "not a month" in dict(preview.refused)[5]
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0  # a preview writes nothing
    assert apply_values(store, preview) == 2
    sat = svc.year_view(store, svc.get_indicator(store, "Satisfaction"), area, FY16)
    assert sat.this_year[0] == Figure(90.0, 9, 10)


def test_cli_prints_months_quarters_and_years(demo_path, capsys):
    assert main(["indicators", str(demo_path)]) == 0
    rows = list(csv.reader(capsys.readouterr().out.splitlines()))
    assert rows[0] == ["indicator", "area", "period", "value"]
    assert ["Anti-social behaviour", "Plymouth", "2016-11", "748"] in rows
    assert ["Referrals to domestic abuse services", "Plymouth", "2016/17-Q2", "526"] in rows
    assert ["Serious violent crime in a public place where alcohol or substance misuse was a factor",
            "Suffolk", "2009/10", "1407"] in rows
    assert ["Level Two \u201cist\u201d incidents satisfaction", "Plymouth", "2016-05", "88.8889"] in rows


def test_cli_needs_an_existing_file(tmp_path, capsys):
    assert main(["indicators", str(tmp_path / "none.sqlite")]) == 1
    assert "no file" in capsys.readouterr().err


def test_board_report_section_like_the_paper(demo_store):
    from safer_desk.services.report import report_areas

    sections = board_report_sections(demo_store, year=FY16, areas=report_areas(demo_store, "Plymouth", FY16))
    assert len(sections) == 1
    s = sections[0]
    table = s.tables[0]
    assert table.header[:3] == ["RAG", "Indicator", "Period"]
    asb = [r for r in table.rows if r[1] == "Anti-social behaviour"][0]
    assert asb[2:7] == ["Apr-16 to Nov-16", "7,170", "6,803", "+367", "+5.4%"]
    assert table.rows[0][0].endswith("Amber")  # sorted by RAG
    # the sentence says what the row does not, from its start (s73): "Anti-social behaviour: An increase of 367 …"
    assert any("Anti-social behaviour: An increase of 367 (5.4%) on the same period last year" in p
               for p in s.paragraphs)
    chart = [c for c in s.charts if c.title.startswith("Level Two \u201cist\u201d incidents reported: 2016/17 cumulative")][0]
    assert chart.series[1].values[-1] == 640 and chart.series[1].style == "dashed"
    assert chart.categories[0] == "Apr"  # the month: the title names the year ("Apr-16" read as a date)
    assert board_report_sections(demo_store)  # all areas: not empty


def test_rolling_12_months_has_no_figure_across_a_gap(store, area):
    ind = svc.save_indicator(store, "Burglary")
    months = [m for y in (FinancialYear(2015), FY16) for m in y.months]
    svc.save_values(store, ind, area, [PeriodValue(m.iso, float(i + 1)) for i, m in enumerate(months) if i != 14])
    rolling = dict(svc.rolling_12_months(store, svc.get_indicator(store, ind), area))
    assert rolling["2016-03"] == sum(range(1, 13))
    assert rolling["2016-05"] == sum(range(3, 15))  # Jun-15 to May-16
    assert rolling["2016-06"] is None and rolling["2017-03"] is None  # June 2016 is missing
    pct = svc.save_indicator(store, "Sat", unit="percentage", polarity="higher")
    svc.save_values(store, pct, area, [PeriodValue(m.iso, numerator=1, denominator=2 + (i % 2))
                                       for i, m in enumerate(months)])
    r = dict(svc.rolling_12_months(store, svc.get_indicator(store, pct), area))
    assert r["2016-03"] == pytest.approx(12 / 30 * 100)


def test_months_missing_before_the_latest_are_named_and_never_judged(store, area):
    # An office that imported only January to March 2020 held three months of 2019/20: the year-to-date total is
    # those three months, said as such, and a lower-is-better count is not judged green against twelve months'
    # target because nine months are missing.
    ind = svc.save_indicator(store, "Burglary", polarity="lower")
    fy = FinancialYear(2019)
    svc.set_target(store, ind, area, fy, kind="annual", value=1200)
    svc.save_values(store, ind, area, [PeriodValue(m, 100) for m in ("2020-01", "2020-02", "2020-03")])
    v = svc.year_view(store, ind, area, fy)
    assert v.ytd.value == 300
    assert v.range_text() == "Jan-20 to Mar-20 (no figures for Apr-19 to Dec-19)"
    assert v.rag is Rag.INCOMPLETE and not v.rag.judged and v.status_label() == "\u25cb Figures missing"
    assert v.period_rags[-1] is Rag.INCOMPLETE and v.period_rags[:9] == [Rag.NO_FIGURE] * 9
    assert v.headline() == ("Jan-20 to Mar-20 (no figures for Apr-19 to Dec-19): 300 in total. Not judged against "
                            "target (100 in the year): figures are missing for Apr-19 to Dec-19.".replace(
                                "100 in the year", svc.target_text(v.indicator, v.target).lower()))
    # A gap in the middle: judged up to the gap, not after it; the months either side are named.
    svc.save_values(store, ind, area, [PeriodValue(m.iso, 100) for m in fy.months[:9] if m.iso != "2019-06"])
    v = svc.year_view(store, ind, area, fy)
    assert v.range_text() == "Apr-19 to Mar-20 (no figures for Jun-19)"
    assert v.period_rags[:2] == [Rag.GREEN, Rag.GREEN] and v.period_rags[2] is Rag.NO_FIGURE
    assert set(v.period_rags[3:]) == {Rag.INCOMPLETE} and v.rag is Rag.INCOMPLETE
    # Filled in: a whole year is judged as before, and the period is the year's.
    svc.save_values(store, ind, area, [PeriodValue("2019-06", 100)])
    v = svc.year_view(store, ind, area, fy)
    assert v.range_text() == "Apr-19 to Mar-20" and v.rag is Rag.GREEN and v.ytd.value == 1200
    # A percentage is a ratio of the periods held: still judged, the missing periods named.
    pct = svc.save_indicator(store, "Repeats", unit="percentage", polarity="lower", frequency="quarterly")
    svc.set_target(store, pct, area, fy, kind="threshold", value=28)
    svc.save_values(store, pct, area, [PeriodValue("2019-Q1", numerator=20, denominator=100),
                                       PeriodValue("2019-Q3", numerator=20, denominator=100, comment="")])
    v = svc.year_view(store, pct, area, fy)
    assert v.rag is Rag.GREEN and v.range_text() == "Q1 2019/20 to Q3 2019/20 (no figures for Q2 2019/20)"


def test_figures_beyond_a_short_trajectory_are_not_said_to_be_missing(store, area):
    # Six trajectory points (a trajectory may have up to twelve) and figures for eight months: October and November
    # have a figure but no target, which is not "no figure yet".
    ind = svc.save_indicator(store, "Hate incidents", polarity="higher")
    svc.set_target(store, ind, area, FY16, kind="trajectory", trajectory=[55, 108, 162, 214, 270, 320])
    svc.save_values(store, ind, area, [PeriodValue(m.iso, v) for m, v in
                                       zip(FY16.months, [60, 50, 55, 50, 60, 50, 40, 45])], require_red_comments=False)
    v = svc.year_view(store, ind, area, FY16)
    assert v.period_rags[:6] == [Rag.GREEN] * 6
    assert v.period_rags[6:8] == [Rag.GREY] * 2 and v.rag is Rag.GREY and v.status_label() == "\u25cb No target"
    assert v.period_rags[8:] == [Rag.GREY] * 4  # no figure and no target either
    assert v.headline() == ("Apr-16 to Nov-16: 410 in total. Target: cumulative trajectory to 320 by Sep-16 "
                            "(325 by then: green); no target for Oct-16 to Nov-16.")
    # A trajectory point with no figure yet is still "no figure yet".
    svc.save_values(store, ind, area, [PeriodValue(m.iso, None) for m in FY16.months[4:8]])
    v = svc.year_view(store, ind, area, FY16)
    assert v.period_rags[4:6] == [Rag.NO_FIGURE] * 2 and v.rag is Rag.GREEN


@pytest.mark.parametrize("data, words", [
    ("indicator;area;period;value\nBurglary;Mid Suffolk;2016-04;12\n".encode("utf-8"), "separated by semicolons"),
    ("indicator;area;period;value\nBurglary;Mid Suffolk;2016-04;12\n".encode("utf-16"), "separated by semicolons"),
    (b"indicator,area,period,value\nBurglary,Mid Suffolk,2016-04,12\x81\n", "neither UTF-8 nor Windows-1252"),
])
def test_a_figures_file_saved_another_way_is_refused_saying_how_to_save_it(store, area, tmp_path, data, words):
    # Excel in another locale writes semicolons (in "Unicode Text" too); its tab-separated text is read (s73).
    svc.save_indicator(store, "Burglary")
    path = tmp_path / "figures.csv"
    path.write_bytes(data)
    with pytest.raises(ValueError, match=words) as caught:
        preview_values(store, path)
    assert "CSV UTF-8" in str(caught.value) and "figures.csv" in str(caught.value)
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # how an Excel 97-2003 workbook, or one with a password, begins


@pytest.mark.parametrize("name, data, says", [
    ("figures.xlsx", OLE + bytes(600), "Excel 97-2003 workbook (.xls) or a workbook protected with a password"),
    ("figures.xls", OLE + bytes(600), "Excel 97-2003 workbook (.xls) or a workbook protected with a password"),
    ("figures.csv", OLE + bytes(600), "Excel 97-2003 workbook (.xls) or a workbook protected with a password"),
    ("figures.ods", b"PK\x03\x04\x14\x00\x00\x08\x00\x00mimetypeapplication/vnd.oasis.opendocument.spreadsheet",
     "OpenDocument spreadsheet"),
    ("figures.xlsx", b"", "empty (0 bytes)"),
    ("figures.csv", b"", "empty (0 bytes)"),
    ("figures.csv", b"%PDF-1.7\n", "a PDF"),
    ("figures.csv", b"SQLite format 3\x00" + bytes(100), "an SQLite database (a Safer Desk file?), not a spreadsheet"),
    ("figures.xlsx", b"PK\x03\x04cut short", "not a whole Excel workbook"),
])
def test_a_file_of_another_kind_is_named_as_such(store, tmp_path, name, data, says):
    # An .xls or a workbook with a password was "not a zip file", or "not text a spreadsheet writes"; an .ods
    # "needs the columns indicator, area …": none said what the file was, or what to do.
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ValuesFileError) as refused:
        preview_values(store, path)
    assert says in str(refused.value) and name in str(refused.value)
    if "whole" not in says and "empty" not in says and "SQLite" not in says:
        assert "“Excel Workbook (.xlsx)” (without a password) or as “CSV UTF-8" in str(refused.value)
    else:  # nothing Excel could open: an empty file (the figures are elsewhere), or an office's own file
        assert "Excel (or LibreOffice)" not in str(refused.value)
    assert "zip" not in str(refused.value)


def test_a_figures_file_saved_as_excels_csv_comma_delimited_is_read_in_windows_1252(store, tmp_path):
    # "CSV (Comma delimited)" on a British Windows writes Windows-1252: "Ynys Môn" and the comment's "£" are one byte
    # each. It was refused as "not UTF-8 text".
    svc.save_indicator(store, "Burglary")
    svc.ensure_area(store, "Ynys Môn", "district")
    path = tmp_path / "figures.csv"
    path.write_bytes("indicator,area,period,value,comment\r\nBurglary,Ynys Môn,2016-04,12,£300 of damage\r\n"
                     .encode("cp1252"))
    preview = preview_values(store, path)
    assert preview.refused == []
    assert [(g.area_name, g.value.period, g.value.value, g.value.comment) for g in preview.good] == [
        ("Ynys Môn", "2016-04", 12, "£300 of damage")]


def test_a_quarter_of_a_calendar_year_in_a_figures_sheet_is_refused_saying_how_to_write_it(store, area, tmp_path):
    # "Q3 2016" was stored as Q3 2016/17 (October to December 2016) and "2017 Q1" as April to June 2017.
    svc.save_indicator(store, "Referrals", frequency="quarterly")
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\nReferrals,Mid Suffolk,Q3 2016,500\n"
                    "Referrals,Mid Suffolk,2017 Q1,510\nReferrals,Mid Suffolk,2016-Q2,505\n"
                    "Referrals,Mid Suffolk,2016/17 Q4,520\n", encoding="utf-8")
    preview = preview_values(store, path)
    assert [(g.line, g.value.period, g.value.value) for g in preview.good] == [(5, "2016-Q4", 520)]
    assert preview.refused == [
        (2, "“Q3 2016” could mean July to September 2016 (write 2016/17 Q2) or October to December 2016 "
            "(write 2016/17 Q3): a quarter is written with its financial year (Q1 is April to June)."),
        (3, "“2017 Q1” could mean January to March 2017 (write 2016/17 Q4) or April to June 2017 "
            "(write 2017/18 Q1): a quarter is written with its financial year (Q1 is April to June)."),
        (4, "“2016-Q2” could mean April to June 2016 (write 2016/17 Q1) or July to September 2016 "
            "(write 2016/17 Q2): a quarter is written with its financial year (Q1 is April to June).")]
    # A monthly indicator is told the same, not that the text is no period at all.
    with pytest.raises(IndicatorError, match="“Q3 2016” could mean July to September 2016"):
        svc.parse_period("Q3 2016", "monthly")


def test_a_percent_sign_is_read_only_for_a_percentage_as_in_the_grid(store, area, tmp_path):
    # "12%" for a count was imported as 12 crimes, where the grid refuses it, saying it is a percentage.
    from openpyxl import Workbook

    from safer_desk.domain.checks import NumberError

    burglary = svc.get_indicator(store, svc.save_indicator(store, "Burglary"))
    satisfaction = svc.get_indicator(store, svc.save_indicator(store, "Satisfaction", unit="percentage",
                                                              polarity="higher"))
    with pytest.raises(NumberError, match="“12%” is a percentage, but this indicator is a count"):
        svc.parse_figure(burglary, "12%")
    assert svc.parse_figure(satisfaction, "88.5%") == Fraction(885, 10)
    with pytest.raises(NumberError, match="“12%” is a percentage, but a numerator is a number counted"):
        svc.parse_figure(satisfaction, "12%", svc.GRID_NUMERATOR)
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value,numerator,denominator\nBurglary,Mid Suffolk,2016-04,12%,,\n"
                    "Satisfaction,Mid Suffolk,2016-04,88.5%,,\nSatisfaction,Mid Suffolk,2016-05,,12%,100\n"
                    "Burglary,Mid Suffolk,2016-05,12,,\n", encoding="utf-8")
    preview = preview_values(store, path)
    assert [(g.line, g.value.value) for g in preview.good] == [(3, 88.5), (5, 12)]
    assert preview.refused == [
        (2, "The value “12%” is not read: “12%” is a percentage, but this indicator is a count: give the figure "
            "itself (not its change), or choose the unit Percentage (Indicator and Target…)."),
        (4, "The numerator “12%” is not read: “12%” is a percentage, but a numerator is a number counted: give the "
            "count itself (16 of 18 is a numerator of 16 and a denominator of 18).")]
    # A cell Excel shows as 12% is the same: 12 for a percentage, refused for a count.
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "area", "period", "value"])
    sheet.append(["Burglary", "Mid Suffolk", "2016-06", 0.12])
    sheet.append(["Satisfaction", "Mid Suffolk", "2016-06", 0.12])
    for row in (2, 3):
        sheet.cell(row=row, column=4).number_format = "0%"
    book.save(tmp_path / "figures.xlsx")
    preview = preview_values(store, tmp_path / "figures.xlsx")
    assert [(g.line, g.indicator, g.value.value) for g in preview.good] == [(3, "Satisfaction", 12)]
    assert preview.refused == [
        (2, "The value “12%” is not read: “12%” is a percentage, but this indicator is a count: give the figure "
            "itself (not its change), or choose the unit Percentage (Indicator and Target…).")]


def test_a_figure_split_by_an_unquoted_comma_is_refused_on_its_line(store, area, tmp_path):
    # "1,234" without quotes is two cells: read by position the figure would be 1 and the rest dropped. The line
    # is refused; the others are kept (a quoted one, and trailing empty cells, are read as written).
    svc.save_indicator(store, "Burglary")
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\nBurglary,Mid Suffolk,2016-04,1,234\n"
                    "Burglary,Mid Suffolk,2016-05,\"1,234\",,\n", encoding="utf-8")
    preview = preview_values(store, path)
    assert [(g.line, g.value.value) for g in preview.good] == [(3, 1234)]
    [(line, why)] = preview.refused
    assert line == 2 and "5 values" in why and "4 columns" in why and "quotes" in why


def test_a_count_is_a_whole_number_and_excel_float_noise_is_read_as_excel_shows_it(store, area, tmp_path):
    # An .xlsx cell holding 1652.0000000000002 (what a formula leaves) shows as 1652 in Excel and is read as
    # 1652; 0.1 + 0.2 as 0.3. A count of 0.3 crimes is refused on its line, never stored.
    from openpyxl import Workbook

    svc.save_indicator(store, "Burglary")
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "area", "period", "value"])
    sheet.append(["Burglary", "Mid Suffolk", "2016-04", 1652.0000000000002])
    sheet.append(["Burglary", "Mid Suffolk", "2016-05", 0.1 + 0.2])
    book.save(tmp_path / "figures.xlsx")
    preview = preview_values(store, tmp_path / "figures.xlsx")
    assert [(g.line, g.value.value) for g in preview.good] == [(2, 1652)]
    [(line, why)] = preview.refused
    assert line == 3 and "whole number" in why and "0.3" in why
    burglary = svc.get_indicator(store, "Burglary")
    with pytest.raises(IndicatorError, match="whole number"):
        svc.save_values(store, burglary.id, area, [PeriodValue("2016-06", 12.5)])


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_title_above_the_headings_is_passed_over_and_lines_keep_their_numbers(store, area, tmp_path, suffix):
    # Council sheets often carry a title and a blank row above the headings; the headings on row 3 are found
    # (within the first ten rows), and a refused line is named by its row in the sheet.
    from openpyxl import Workbook

    svc.save_indicator(store, "Burglary")
    rows = [["Community safety indicators 2016/17 (Mid Suffolk)"], [], ["Indicator", "Area", "Period", "Value"],
            ["Burglary", "Mid Suffolk", "2016-04", 12], ["Burglary", "Nowhere", "2016-05", 13]]
    path = tmp_path / f"figures{suffix}"
    if suffix == ".xlsx":
        book = Workbook()
        for row in rows:
            book.active.append(row)
        book.save(path)
    else:
        path.write_text("\n".join(",".join(str(c) for c in row) for row in rows) + "\n", encoding="utf-8")
    preview = preview_values(store, path)
    assert [(g.line, g.value.value) for g in preview.good] == [(4, 12)]
    assert [line for line, _ in preview.refused] == [5]


def test_excel_dates_and_percentage_cells_are_read_as_excel_shows_them(store, area, tmp_path):
    # Typing "May-16" in Excel makes a date cell (01/05/2016): it was refused as “2016-05-01 00:00:00” is not a
    # month. A cell showing 88.5% holds 0.885: it was stored as 0.885%.
    from datetime import datetime

    from openpyxl import Workbook

    svc.save_indicator(store, "Burglary")
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    svc.save_indicator(store, "Referrals", frequency="quarterly")
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "area", "period", "value"])
    sheet.append(["Burglary", "Mid Suffolk", datetime(2016, 5, 1), 12])
    sheet.append(["Satisfaction", "Mid Suffolk", datetime(2016, 5, 1), 0.885])
    sheet.append(["Referrals", "Mid Suffolk", datetime(2016, 7, 1), 30])
    sheet.append(["Satisfaction", "Mid Suffolk", "Jun-16", 0.07])
    for row in (2, 3, 4):
        sheet.cell(row=row, column=3).number_format = "mmm-yy"
    sheet.cell(row=3, column=4).number_format = "0.0%"
    sheet.cell(row=5, column=4).number_format = "0%"
    book.save(tmp_path / "figures.xlsx")
    preview = preview_values(store, tmp_path / "figures.xlsx")
    assert preview.refused == []
    names = {svc.get_indicator(store, n).id: n for n in ("Burglary", "Satisfaction", "Referrals")}
    assert [(names[g.indicator_id], g.value.period, g.value.value) for g in preview.good] == [
        ("Burglary", "2016-05", 12), ("Satisfaction", "2016-05", 88.5), ("Referrals", "2016-Q2", 30),
        ("Satisfaction", "2016-06", 7)]


@pytest.mark.parametrize("typed, frequency, stored", [
    ("01/05/2016", "monthly", "2016-05"), ("2016-05-01", "monthly", "2016-05"),
    ("2016-05-01 00:00:00", "monthly", "2016-05"), ("15/08/2016", "quarterly", "2016-Q2"),
    ("01/04/2016", "annual", "2016/17"), ("01/05/2016 00:00", "monthly", "2016-05"),
    ("2016-05-01T00:00:00", "monthly", "2016-05"),
])
def test_a_date_names_the_period_it_falls_in(typed, frequency, stored):
    # What Excel writes for a date cell saved as CSV ("01/05/2016"), or an .xlsx date read as text.
    assert svc.parse_period(typed, frequency) == stored


@pytest.mark.parametrize("typed, frequency, words", [
    ("2016/17", "monthly", "“2016/17” is an annual period but the indicator is monthly."),
    ("Q1 2016/17", "monthly", "“Q1 2016/17” is a quarterly period but the indicator is monthly."),
])
def test_a_period_of_another_kind_is_refused_in_plain_words(typed, frequency, words):
    with pytest.raises(svc.IndicatorError) as refused:
        svc.parse_period(typed, frequency)
    assert str(refused.value) == words


def test_a_count_set_to_percentage_rereads_its_figures_and_target_only_when_asked(store, area):
    # An old count target went on being read through its monthly trajectory: "600% by Sep-16", judged green.
    ind = svc.save_indicator(store, "Burglaries", polarity="lower")
    svc.set_target(store, ind, area, FY16, kind="annual", value=1200)
    svc.save_values(store, ind, area, [PeriodValue(m.iso, 100) for m in FY16.months[:6]], require_red_comments=False)
    with pytest.raises(svc.ReinterpretQuestion, match=r"6 figures and 1 target \(Mid Suffolk\) as counts"):
        svc.save_indicator(store, "Burglaries", polarity="lower", unit="percentage")
    assert svc.get_indicator(store, ind).unit == "count"
    svc.save_indicator(store, "Burglaries", polarity="lower", unit="percentage", reinterpret=True)
    view = svc.year_view(store, ind, area, FY16)
    assert view.target_at == [1200] * 12  # a percentage's annual target is the year's figure, not a running total
    assert "600%" not in view.headline()


def test_a_ratio_figure_is_worked_out_again_in_its_new_unit(store, area):
    ind = svc.save_indicator(store, "Satisfied", unit="percentage", polarity="higher")
    svc.save_values(store, ind, area, [PeriodValue("2016-04", numerator=16, denominator=18)])
    svc.save_indicator(store, "Satisfied", unit="rate", polarity="higher", reinterpret=True)
    view = svc.year_view(store, ind, area, FY16)
    assert view.this_year[0].value == pytest.approx(16 / 18 * 1000) and view.ytd.value == view.this_year[0].value


def test_a_frequency_change_spreads_an_annual_target_again_and_refuses_a_trajectory_by_the_old_periods(store, area):
    ind = svc.save_indicator(store, "Arson", polarity="lower")
    svc.set_target(store, ind, area, FY16, kind="annual", value=120)
    svc.save_indicator(store, "Arson", polarity="lower", frequency="quarterly")
    assert svc.year_view(store, ind, area, FY16).target_at == [30, 60, 90, 120]
    hate = svc.save_indicator(store, "Hate incidents", polarity="higher")
    svc.set_target(store, hate, area, FY16, kind="trajectory", trajectory=[55, 108, 162])
    with pytest.raises(IndicatorError, match="2016/17 target for Mid Suffolk is a trajectory by month"):
        svc.save_indicator(store, "Hate incidents", polarity="higher", frequency="quarterly")
    assert svc.get_indicator(store, hate).frequency == "monthly"
