"""Round 28: figures sheets as officers make them, rates over populations, Compare Areas.

- A figures sheet giving the same indicator, area and period twice with different figures imported the first line
  (--skip-refused, Import Good Rows) and refused only the second: one of two contradictory figures, chosen by
  position. Both are refused now, each naming the other; a line repeated with the same figure is imported once.
- Compare Areas showed a rate under 0.05 per 1,000 (3 homicides among 104,000 people) as "0 per 1,000".
- A rate's count typed alone while only an earlier year's population was recorded stays over that population; once
  the year's was recorded (a county merge brings it) the sentence named the new one, not the one the figure is over.
- A percentage held in a sheet as a fraction (0.85 for 85%, a cell not formatted as a percentage) was imported as
  0.85% without a word; it is queried now.
"""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.indicators_import import apply_values, preview_values

FY16 = FinancialYear(2016)


@pytest.fixture
def office(tmp_path):
    """A file with Mid Suffolk, a count and a rate over its population; Burglary Apr-16 stored as 9."""
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        area = svc.ensure_area(store, "Mid Suffolk", "district")
        burglary = svc.save_indicator(store, "Burglary")
        svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
        svc.set_population(store, area, FY16, 104000)
        svc.save_values(store, burglary, area, [PeriodValue("2016-04", 9)])
    finally:
        store.close()
    return path


def _sheet(tmp_path, text: str, name: str = "figures.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def _figures(path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["indicators", str(path)]) == 0
    return capsys.readouterr().out.splitlines()[1:]


# -- the same figure given twice ----------------------------------------------------------------------------------
def test_two_lines_giving_different_figures_for_one_period_are_both_refused(office, tmp_path, capsys):
    sheet = _sheet(tmp_path, "indicator,area,period,value\n"
                             "Burglary,Mid Suffolk,2016-05,20\n"
                             "Burglary,Mid Suffolk,2016-05,30\n"
                             "Burglary,Mid Suffolk,2016-06,14\n")
    assert main(["import-figures", str(office), str(sheet), "--skip-refused"]) == 0
    out = capsys.readouterr().out
    assert "1 row imported" in out and "2 refused" in out
    said = "Burglary, Mid Suffolk, May-16 is given different figures on lines 2 and 3 (20 and 30): neither is imported"
    assert f"Line 2: {said}" in out and f"Line 3: {said}" in out
    figures = _figures(office, capsys)
    assert not [f for f in figures if "2016-05" in f]  # was 20, the first line's, without a word
    assert "Burglary,Mid Suffolk,2016-06,14" in figures


def test_a_line_given_again_with_the_same_figure_is_imported_once(office, tmp_path):
    from safer_desk.storage.store import open_store

    sheet = _sheet(tmp_path, "indicator,area,period,value\n"
                             "Burglary,Mid Suffolk,2016-05,20\n"
                             "Burglary,Mid Suffolk,2016-05,20\n"
                             "Burglary,Mid Suffolk,2016-05,30\n")
    store = open_store(office)
    try:
        preview = preview_values(store, sheet)
        # The third line contradicts the first two: none of them goes in.
        assert preview.good == []
        assert [line for line, _ in preview.refused] == [2, 3, 4]
        assert "on lines 2, 3 and 4 (20, 20 and 30): none is imported" in dict(preview.refused)[3]
        sheet = _sheet(tmp_path, "indicator,area,period,value\n"
                                 "Burglary,Mid Suffolk,2016-05,20\n"
                                 "Burglary,Mid Suffolk,2016-05,20\n")
        preview = preview_values(store, sheet)
        assert [g.line for g in preview.good] == [2]
        assert dict(preview.refused)[3].endswith("is also on line 2, the same figure (imported once)")
        assert apply_values(store, preview) == 1
    finally:
        store.close()


def test_import_good_rows_in_the_window_leaves_both_contradictory_lines_out(demo_window, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    store = demo_window.session.store
    before = svc.value_rows(store, "indicator:burglary", "district:babergh", ["2025-01"])["2025-01"]["value"]
    path = _sheet(tmp_path, "Indicator,Area,Period,Value\nBurglary,Babergh,Jan-25,20\nBurglary,Babergh,2025-01,30\n"
                            "Burglary,Babergh,2025-02,20\n")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    statuses = [dialog.model.rows[i]["status"] for i in range(2)]
    assert statuses == ["Refused", "Refused"]
    assert "on lines 2 and 3 (20 and 30): neither is imported" in dialog.model.rows[0]["why"]
    assert dialog.summary.text().startswith("1 row can be imported")
    assert dialog.apply()
    after = svc.value_rows(store, "indicator:burglary", "district:babergh", ["2025-01", "2025-02"])
    assert after["2025-01"]["value"] == before  # the police.uk count stands; was 20, the first line's
    assert after["2025-02"]["value"] == 20


# -- Compare Areas: a small rate is never shown as 0 ----------------------------------------------------------------
def test_compare_areas_shows_a_rate_under_a_twentieth_as_itself_not_0(store):
    from safer_desk.presenters.area_comparison import AreaComparisonPresenter

    area = svc.ensure_area(store, "Mid Suffolk", "district")
    homicide = svc.save_indicator(store, "Homicide", unit="count", polarity="lower")
    svc.set_population(store, area, FY16, 104000)
    svc.save_values(store, homicide, area, [PeriodValue("2016-04", 3)])  # 0.0288… per 1,000
    presenter = AreaComparisonPresenter(store)
    presenter.load(homicide)
    [row] = presenter.rows
    assert row.rate_text == "0.03 per 1,000"  # was "0 per 1,000": read as no homicides at all
    assert presenter.bar_texts() == ["0.03 per 1,000"]
    assert "(0.03 per 1,000)" in presenter.summary()
    presenter.set_rate_per(100000)
    assert presenter.rows[0].rate_text == "2.88 per 100,000"  # a rate under 10 reads with two places (s74)


# -- a rate's count over an earlier year's population, the year's recorded later --------------------------------------
def test_a_rate_over_last_years_population_names_it_once_this_years_is_recorded(store):
    """A count typed alone while only 2015/16's population was recorded is over it; when 2016/17's comes in later (a
    county merge brings it), the figure is still over 2015/16's, and the sentence named the new population."""
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    svc.set_population(store, area, FinancialYear(2015), 100000, source="ONS mid-2015")
    rate = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.save_values(store, rate, area, [PeriodValue("2016-04", None, 26.0, None)])
    svc.set_population(store, area, FY16, 104000, source="ONS mid-2016")  # as a merge records it
    view = svc.year_view(store, rate, area, FY16)
    assert view.ytd.value == pytest.approx(0.26)  # 26 over 100,000, as typed
    assert view.population_text() == ("per 1,000 of a population 100,000, as the figures give it (104,000 is "
                                      "recorded for 2016/17)")
    # May typed once the year's population is in: the figures to date are over two populations, both named.
    svc.save_values(store, rate, area, [PeriodValue("2016-05", None, 26.0, None)])
    view = svc.year_view(store, rate, area, FY16)
    assert view.population_text() == ("per 1,000 of populations of 100,000 and 104,000, as the figures give them "
                                      "(104,000 is recorded for 2016/17)")
    # Once April is given again over the year's population, the sentence is as before.
    svc.save_values(store, rate, area, [PeriodValue("2016-04", None, 26.0, None)])
    view = svc.year_view(store, rate, area, FY16)
    assert view.population_text() == "per 1,000 of a population 104,000 (ONS mid-2016)"


# -- a percentage held as a fraction --------------------------------------------------------------------------------
def test_a_percentage_given_as_a_fraction_of_one_is_queried(store, tmp_path):
    """A sheet whose satisfaction column holds 0.85 for 85% (a formula's ratio in a cell not formatted as a
    percentage) imported 0.85% without a word; a figure written with its % sign is read as written."""
    from openpyxl import Workbook

    area = svc.ensure_area(store, "Mid Suffolk", "district")
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    wb = Workbook()
    ws = wb.active
    ws.append(["indicator", "area", "period", "value"])
    for period, value in (("2016-04", 0.85), ("2016-05", 0.5), ("2016-06", 85), ("2016-07", 0)):
        ws.append(["Satisfaction", "Mid Suffolk", period, value])
    ws.append(["Satisfaction", "Mid Suffolk", "2016-08", 0.005])
    ws["D6"].number_format = "0.0%"  # 0.5% as Excel shows it: 0.5 written with its sign
    path = tmp_path / "satisfaction.xlsx"
    wb.save(path)
    preview = preview_values(store, path, today=svc.period_span("2017-03")[1])
    assert [g.value.value for g in preview.good] == [0.85, 0.5, 85, 0, 0.5]
    assert preview.queried[2] == ("0.85% is less than 1%: if the sheet holds 85% as 0.85 (a cell not formatted as a "
                                  "percentage), give it as 85, or format the cell as a percentage")
    assert 3 in preview.queried and set(preview.queried) == {2, 3}  # 85, 0 and 0.5% typed with its sign are not
    assert area
