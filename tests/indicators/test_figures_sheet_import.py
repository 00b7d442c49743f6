"""Import Figures: the heading row of a figures sheet as officers type it by hand, and files saved or named
another way. A sheet's figures are read the same whatever columns it holds beside them, or it is refused
naming the column."""

from __future__ import annotations

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.files import Sheet, write_xlsx
from safer_desk.exchange.indicator_import import ValuesFileError
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import apply_values, preview_values

FY16 = FinancialYear(2016)


@pytest.fixture
def area(store):
    area = svc.ensure_area(store, "Mid Suffolk", "district")
    svc.save_indicator(store, "Burglary")
    svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.set_population(store, area, FY16, 104000)
    return area


def _csv(tmp_path, text: str, name: str = "figures.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _good(preview):
    return [(g.line, g.value.value, g.value.numerator, g.value.denominator) for g in preview.good]


def test_a_rates_count_alone_is_read_the_same_without_an_empty_denominator_column(store, area, tmp_path):
    # The guide: a rate's count may be given alone. With an empty denominator column it was read over the
    # population; without the column the whole sheet was refused ("needs a value column, or numerator and
    # denominator columns").
    with_column = _csv(tmp_path, "indicator,area,period,numerator,denominator\n"
                                 "Violent crime rate,Mid Suffolk,2016-05,26,\n", "with.csv")
    without = _csv(tmp_path, "indicator,area,period,numerator\nViolent crime rate,Mid Suffolk,2016-05,26\n",
                   "without.csv")
    assert _good(preview_values(store, with_column)) == [(2, None, 26, 104000)]
    preview = preview_values(store, without)
    assert _good(preview) == [(2, None, 26, 104000)] and preview.refused == []
    assert apply_values(store, preview) == 1


def test_a_sheet_with_neither_a_value_nor_a_numerator_column_says_what_it_needs(store, area, tmp_path):
    path = _csv(tmp_path, "indicator,area,period,denominator\nViolent crime rate,Mid Suffolk,2016-05,104000\n")
    with pytest.raises(ValuesFileError) as refused:
        preview_values(store, path)
    assert str(refused.value) == ("figures.csv needs a value column, or a numerator column (with a denominator "
                                  "column, or a rate's count alone).")


@pytest.mark.parametrize("sheet, says", [
    ("indicator,area,period,value,Value\nBurglary,Mid Suffolk,2016-05,5,7\n",
     "figures.csv has two columns headed value (D and E)"),
    ("indicator,area,period,value, VALUE ,comment\nBurglary,Mid Suffolk,2016-05,5,7,\n",
     "figures.csv has two columns headed value (D and E)"),
    ("Period,indicator,area,value,period\n2016-05,Burglary,Mid Suffolk,5,2016-06\n",
     "figures.csv has two columns headed period (A and E)"),
])
def test_a_heading_given_twice_is_refused_naming_both_columns(store, area, tmp_path, sheet, says):
    # Two value columns: the later one was taken without a word (7 saved where the sheet's first value says 5).
    with pytest.raises(ValuesFileError) as refused:
        preview_values(store, _csv(tmp_path, sheet))
    assert str(refused.value).startswith(says)
    assert "keep one" in str(refused.value)


def test_a_heading_given_twice_in_a_workbook_is_refused_too(store, area, tmp_path):
    xlsx = tmp_path / "figures.xlsx"
    write_xlsx(xlsx, [Sheet("Figures", ["Indicator", "Area", "Period", "Value", "Value"],
                            [["Burglary", "Mid Suffolk", "2016-05", 5, 7]])])
    with pytest.raises(ValuesFileError, match="figures.xlsx has two columns headed value \\(D and E\\)"):
        preview_values(store, xlsx)


@pytest.mark.parametrize("heading, says", [
    # A misspelt column was passed over without a word: the comment lost, or every line refused as having no
    # value, or the sheet refused without naming the heading that was typed.
    ("indicator,area,period,value,comments", "Column E of figures.csv is headed “comments”: did you mean comment?"),
    ("indicator,area,period,vaule", "Column D of figures.csv is headed “vaule”: did you mean value?"),
    ("indicator,area,period,value,numerater,denominator",
     "Column E of figures.csv is headed “numerater”: did you mean numerator?"),
    ("Indicater,area,period,value", "Column A of figures.csv is headed “Indicater”: did you mean indicator?"),
    ("indicator,area,period,Value (count)",
     "Column D of figures.csv is headed “Value (count)”: did you mean value?"),
    ("indicator,area,period,numerator,Population",
     "Column E of figures.csv is headed “Population”: did you mean denominator (a rate's population)?"),
])
def test_a_misspelt_heading_is_refused_naming_it_and_the_one_expected(store, area, tmp_path, heading, says):
    path = _csv(tmp_path, f"{heading}\nBurglary,Mid Suffolk,2016-05,5,6,7\n")
    with pytest.raises(ValuesFileError) as refused:
        preview_values(store, path)
    assert str(refused.value).startswith(says)
    assert "indicator, area, period, value, numerator, denominator and comment" in str(refused.value)


def test_columns_safer_desk_does_not_read_are_still_passed_over(store, area, tmp_path):
    # What `safer-desk indicators --sources --derived` prints, and a sheet's own notes, import as before.
    path = _csv(tmp_path, "indicator,area,period,value,source,derived_from,notes,population,\n"
                          "Burglary,Mid Suffolk,2016-05,5,Typed,,checked,104000,\n")
    preview = preview_values(store, path)
    assert _good(preview) == [(2, 5, None, None)] and preview.refused == []


def test_a_workbook_saved_with_a_csv_name_is_read_as_the_workbook_it_is(store, area, tmp_path):
    # An .xlsx renamed .csv was refused as "not text a spreadsheet writes (neither UTF-8 nor Windows-1252)", which
    # sent the officer to save as CSV a file Safer Desk reads anyway.
    xlsx = tmp_path / "figures.xlsx"
    write_xlsx(xlsx, [Sheet("Figures", ["Indicator", "Area", "Period", "Value"],
                            [["Burglary", "Mid Suffolk", "2016-05", 1234]])])
    renamed = tmp_path / "figures.csv"
    renamed.write_bytes(xlsx.read_bytes())
    preview = preview_values(store, renamed)
    assert _good(preview) == [(2, 1234, None, None)] and preview.refused == []


def test_a_csv_saved_with_an_xlsx_name_is_read_as_the_text_it_is(store, area, tmp_path):
    # It was called "not a whole Excel workbook (it may be damaged, or cut short …)".
    path = _csv(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,2016-05,\"1,234\"\n", "figures.xlsx")
    preview = preview_values(store, path)
    assert _good(preview) == [(2, 1234, None, None)] and preview.refused == []


def test_a_figure_split_by_an_unquoted_comma_into_the_comment_column_is_refused_on_its_line(store, area, tmp_path):
    # "1,234" typed without quotes in a text editor, on a sheet with a comment column left empty: the line had as
    # many values as the heading row has columns, so 1 was saved with the comment "234".
    path = _csv(tmp_path, "indicator,area,period,value,comment\nBurglary,Mid Suffolk,2016-05,1,234\n"
                          "Burglary,Mid Suffolk,2016-06,\"1,234\",\nBurglary,Mid Suffolk,2016-07,12,Up 100 on May\n"
                          "Burglary,Mid Suffolk,2016-08,3,\n")
    preview = preview_values(store, path)
    assert _good(preview) == [(3, 1234, None, None), (4, 12, None, None), (5, 3, None, None)]
    assert preview.refused == [(2, "The value “1” and the comment “234” look like one figure split by a comma "
                                   "(1,234): a figure with a comma in it must be in quotes, as Excel's “CSV UTF-8” "
                                   "writes it, or typed without the comma")]
    # A numerator and its denominator side by side are two figures, as the heading row says.
    path = _csv(tmp_path, "indicator,area,period,numerator,denominator,comment\n"
                          "Violent crime rate,Mid Suffolk,2016-05,1,234,\n", "ratio.csv")
    assert _good(preview_values(store, path)) == [(2, None, 1, 234)]


def test_a_value_that_disagrees_with_its_numerator_and_denominator_is_refused_not_dropped(store, area, tmp_path):
    # A sheet giving 50% and 1 of 4 saved 25% without a word (and a rate of 9 beside a count of 26 saved 0.25 per
    # 1,000): one of the sheet's figures was dropped. A value agreeing to the places it is written in is kept.
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    path = _csv(tmp_path, "indicator,area,period,value,numerator,denominator\n"
                          "Satisfaction,Mid Suffolk,2016-05,50,1,4\n"
                          "Satisfaction,Mid Suffolk,2016-06,88.9%,16,18\n"
                          "Satisfaction,Mid Suffolk,2016-07,89,16,18\n"
                          "Satisfaction,Mid Suffolk,2016-08,88.88888889,16,18\n"
                          "Violent crime rate,Mid Suffolk,2016-05,9,26,\n"
                          "Violent crime rate,Mid Suffolk,2016-06,0.25,26,\n"
                          "Violent crime rate,Mid Suffolk,2016-07,0.4,26,\n")
    preview = preview_values(store, path)
    assert [g.line for g in preview.good] == [3, 4, 5, 7]
    assert preview.refused == [
        (2, "The value 50 is not what the numerator and denominator give (1 / 4 → 25): leave one of them out, or "
            "correct the sheet"),
        (6, "The value 9 is not what the numerator and denominator give (26 / 104,000 → 0.25, the population "
            "for the year): leave one of them out, or correct the sheet"),
        (8, "The value 0.4 is not what the numerator and denominator give (26 / 104,000 → 0.25, the population "
            "for the year): leave one of them out, or correct the sheet")]


def test_an_excel_date_cell_showing_no_year_is_refused_not_given_the_year_excel_guessed(store, area, tmp_path):
    # Excel takes "Apr-19" typed into a cell as 19 April of the current year and shows "19-Apr": the cell holds a
    # date in a year nobody typed, and it was imported as that year's April. The same cell saved as CSV ("19-Apr")
    # is refused; a cell showing its year ("Apr-19" as mmm-yy, 01/04/2019) is read as before.
    from datetime import datetime

    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "area", "period", "value"])
    sheet.append(["Burglary", "Mid Suffolk", datetime(2026, 4, 19), 12])
    sheet.append(["Burglary", "Mid Suffolk", datetime(2019, 5, 1), 13])
    sheet.append(["Burglary", "Mid Suffolk", datetime(2019, 6, 1), 14])
    sheet.cell(row=2, column=3).number_format = "d-mmm"
    sheet.cell(row=3, column=3).number_format = "mmm-yy"
    sheet.cell(row=4, column=3).number_format = "dd/mm/yyyy"
    book.save(tmp_path / "figures.xlsx")
    preview = preview_values(store, tmp_path / "figures.xlsx")
    assert [(g.line, g.value.period) for g in preview.good] == [(3, "2019-05"), (4, "2019-06")]
    assert [line for line, _ in preview.refused] == [2]
    assert "“19-Apr”" in preview.refused[0][1] and "no year" in preview.refused[0][1]


def test_the_import_dialog_says_which_columns_repeat_and_saves_nothing(demo_window, prompts, tmp_path):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    store = demo_window.session.store
    before = store.scalar("SELECT count(*) FROM indicator_values")
    path = _csv(tmp_path, "Indicator,Area,Period,Value,Comment,Value\nAll crime,Plymouth,2016-04,1400,,1500\n")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert not dialog.load(path)
    assert prompts.errors == [("Figures not imported", "figures.csv has two columns headed value (D and F): keep one "
                                                       "(delete or rename the other) and import again.")]
    assert store.scalar("SELECT count(*) FROM indicator_values") == before
    dialog.close()


def test_a_percentage_given_as_the_stored_ratio_shows_it_keeps_the_numerator_and_denominator(store, area, tmp_path):
    # A sheet repeating the year's months as percentages (88.9 for a paper's 16 of 18) replaced the paper's ratio
    # with the rounded percentage, and without a word the year to date became an average of percentages (88.1%)
    # instead of the paper's 60 of 68 (88.2%). A figure the sheet changes (90 for 8 of 9) is still replaced.
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
    ind = svc.get_indicator(store, "Satisfaction").id
    svc.save_values(store, ind, area, [svc.PeriodValue("2016-05", None, 16, 18),
                                      svc.PeriodValue("2016-06", None, 8, 9)],
                    source="seed 003")
    path = _csv(tmp_path, "indicator,area,period,value\nSatisfaction,Mid Suffolk,2016-05,88.9\n"
                          "Satisfaction,Mid Suffolk,2016-06,90\n")
    preview = preview_values(store, path)
    assert _good(preview) == [(2, None, 16, 18), (3, 90, None, None)] and preview.refused == []
    apply_values(store, preview)
    rows = svc.value_rows(store, ind, area, ["2016-05", "2016-06"])
    assert [(r["value"], r["numerator"], r["denominator"], r["source"]) for r in rows.values()] == [
        (pytest.approx(88.8889, abs=1e-4), 16, 18, "seed 003"), (90, None, None, "file:figures.csv")]
