"""A council's figures sheet headed the way its own reports head them ("Indicator, District, Month, Value") was
refused with "it has no area or period column", though the sheet plainly has a District and a Month column: the
officer was left to guess which of their columns were wanted under which name. The refusal now names the columns
that look meant as the ones missing and what to head them, and still imports nothing (session 61)."""

from __future__ import annotations

import pytest

from safer_desk.exchange.indicator_import import ValuesFileError, read_long_rows
from tests.cli_run import run

ROW = "Police recorded hate crime,Plymouth,Dec-16,30\n"


@pytest.mark.parametrize("header, said", [
    ("Indicator,District,Month,Value", "it has no area or period column. If column B (“District”) holds the "
                                       "area and column C (“Month”) the period, head them area and period, and "
                                       "import again."),
    ("Measure,Area,Date,Value", "it has no indicator or period column. If column A (“Measure”) holds the "
                                "indicator and column C (“Date”) the period, head them indicator and period, and "
                                "import again."),
    ("Indicator,Local authority,Period,Value", "it has no area column. If column B (“Local authority”) holds the "
                                               "area, head it area, and import again."),
])
def test_columns_headed_another_way_are_named_with_the_heading_wanted(tmp_path, demo_path, capsys, header, said):
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"{header}\n{ROW}", encoding="utf-8")
    code, out, err = run(capsys, "import-figures", demo_path, sheet)
    assert code == 1 and out == ""
    assert said in err, err
    assert "Nothing was imported" in err


def test_a_value_column_headed_count_is_named(tmp_path):
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"Indicator,Area,Period,Count\n{ROW}", encoding="utf-8")
    with pytest.raises(ValuesFileError) as refused:
        read_long_rows(sheet)
    assert str(refused.value) == ("figures.csv needs a value column, or a numerator column (with a denominator "
                                  "column, or a rate's count alone). If column D (“Count”) holds the figures, "
                                  "head it value, and import again.")


@pytest.mark.parametrize("header", [
    "Indicator,Area,Year,Month,Value",  # two columns that could be the period: neither is named as it
    "foo,bar",  # nothing like the columns wanted
])
def test_no_column_is_named_where_none_or_two_could_be_meant(tmp_path, header):
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"{header}\n{ROW}", encoding="utf-8")
    with pytest.raises(ValuesFileError) as refused:
        read_long_rows(sheet)
    assert str(refused.value).endswith("column.") and "head" not in str(refused.value)


def test_a_sheet_with_its_own_columns_beside_those_read_still_imports(tmp_path):
    # "District" and "Count" beside area and value are the sheet's own columns, passed over as before.
    sheet = tmp_path / "figures.csv"
    sheet.write_text(f"indicator,area,period,value,District,Count\n{ROW.strip()},Plymouth,30\n", encoding="utf-8")
    rows = read_long_rows(sheet)
    assert [r.fields["area"] for r in rows] == ["Plymouth"]
