"""`safer-desk import-figures FILE SHEET_OR_CSV`: Import Figures… of the Indicators tab on the command line. The same
service reads and saves the sheet; a refused row, or one the grid would query, stops the import (exit 1, the lines
as the window lists them, nothing written) unless an option says what to do; usage errors exit 2."""

from __future__ import annotations

import hashlib

import pytest

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.files import Sheet, write_xlsx
from safer_desk.services import indicators as svc


@pytest.fixture
def office(tmp_path):
    """A file with Mid Suffolk, a count, a rate over its population and a percentage; one figure stored."""
    from safer_desk.storage.store import open_store

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    try:
        area = svc.ensure_area(store, "Mid Suffolk", "district")
        svc.save_indicator(store, "Burglary")
        svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
        svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")
        svc.set_population(store, area, FinancialYear(2016), 104000)
        burglary = svc.get_indicator(store, "Burglary").id
        svc.save_values(store, burglary, area, [svc.PeriodValue("2016-04", 9)])
    finally:
        store.close()
    return path


def _sheet(tmp_path, text: str, name: str = "figures.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _figures(path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["indicators", str(path), "--sources"]) == 0
    return capsys.readouterr().out.splitlines()[1:]


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_good_csv_is_imported_and_summed_up(office, tmp_path, capsys):
    sheet = _sheet(tmp_path, "indicator,area,period,value,numerator,denominator,comment\n"
                             "Burglary,Mid Suffolk,2016-04,12,,,Up on March\n"
                             "Burglary,Mid Suffolk,2016-05,\"1,234\",,,\n"
                             "Violent crime rate,Mid Suffolk,2016-05,,26,,\n")
    assert main(["import-figures", str(office), str(sheet)]) == 0
    out, err = capsys.readouterr()
    # The stored (typed) 9 it replaces is named (round 25: it was replaced without a word).
    assert out == ("3 rows imported from figures.csv (1 of them replacing a figure the file held); 0 refused.\n"
                   "Replaced 1 figure the file held:\n  Line 2: Burglary, Mid Suffolk, Apr-16: 9 (typed) → 12\n")
    assert err == ""
    assert _figures(office, capsys) == [  # the stored 9 for April replaced, as the window replaces it
        "Burglary,Mid Suffolk,2016-04,12,Imported from figures.csv",
        "Burglary,Mid Suffolk,2016-05,1234,Imported from figures.csv",
        "Violent crime rate,Mid Suffolk,2016-05,0.25,Imported from figures.csv"]


def test_a_good_workbook_is_imported(office, tmp_path, capsys):
    xlsx = tmp_path / "figures.xlsx"
    write_xlsx(xlsx, [Sheet("Figures", ["Indicator", "Area", "Period", "Value"],
                            [["Burglary", "Mid Suffolk", "2016-05", 7], ["Satisfaction", "Mid Suffolk", "2016-05",
                                                                         88.5]])])
    assert main(["import-figures", str(office), str(xlsx)]) == 0
    assert capsys.readouterr().out == "2 rows imported from figures.xlsx; 0 refused.\n"
    assert "Satisfaction,Mid Suffolk,2016-05,88.5,Imported from figures.xlsx" in _figures(office, capsys)


def test_a_refused_row_stops_the_import_with_the_windows_lines_and_writes_nothing(office, tmp_path, capsys):
    sheet = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,2016-05,7\n"
                             "Burglery,Mid Suffolk,2016-05,7\nBurglary,Mid Suffolk,2016-06,12.5\n")
    before = _digest(office)
    assert main(["import-figures", str(office), str(sheet)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines()[0] == "safer-desk: 1 row of figures.csv can be imported, 2 refused. Nothing was imported."
    assert err.splitlines()[1] == ("Line 3: There is no indicator called “Burglery”: did you mean “Burglary”? Write "
                                   "the indicator's name as the file has it (or add it first, if it is another).")
    assert err.splitlines()[2].startswith("Line 4: ")
    assert "--skip-refused" in err.splitlines()[-1]
    assert _digest(office) == before


def test_skip_refused_imports_the_good_rows_as_import_good_rows_does(office, tmp_path, capsys):
    sheet = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,2016-05,7\n"
                             "Burglary,Nowhere,2016-05,7\n")
    assert main(["import-figures", str(office), str(sheet), "--skip-refused"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "1 row imported from figures.csv; 1 refused.",
        "Line 3: There is no district, partnership or county called “Nowhere”."]
    assert "Burglary,Mid Suffolk,2016-05,7,Imported from figures.csv" in _figures(office, capsys)
    # A sheet of refused rows only has nothing to import, whatever the option says.
    bad = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Nowhere,2016-05,7\n", "bad.csv")
    before = _digest(office)
    assert main(["import-figures", str(office), str(bad), "--skip-refused"]) == 1
    assert "There is no good row to import" in capsys.readouterr().err
    assert _digest(office) == before


def test_rows_the_grid_would_query_are_imported_only_when_accepted(office, tmp_path, capsys):
    sheet = _sheet(tmp_path, "indicator,area,period,value\nSatisfaction,Mid Suffolk,2016-05,950\n"
                             "Burglary,Mid Suffolk,2016-05,7\n")
    before = _digest(office)
    assert main(["import-figures", str(office), str(sheet)]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[0] == "safer-desk: 2 rows of figures.csv can be imported, 0 refused, 1 to check. Nothing was imported."
    assert err[1] == "Line 2 (check): 950% is more than 100%: is that what you meant?"
    assert "--accept-queried" in err[-1]
    assert _digest(office) == before
    assert main(["import-figures", str(office), str(sheet), "--accept-queried"]) == 0
    assert capsys.readouterr().out.splitlines() == [
        "2 rows imported from figures.csv (1 to check: imported as they are); 0 refused.",
        "Line 2 (check): 950% is more than 100%: is that what you meant?"]
    assert "Satisfaction,Mid Suffolk,2016-05,950,Imported from figures.csv" in _figures(office, capsys)


@pytest.mark.parametrize("name, content, says", [
    ("figures.csv", "indicator;area;period;value\nBurglary;Mid Suffolk;2016-05;7\n",
     "figures.csv has its columns separated by semicolons, not commas"),
    ("figures.csv", "indicator,area,period,vaule\nBurglary,Mid Suffolk,2016-05,7\n",
     "column D of figures.csv is headed “vaule”: did you mean value?"),
    ("figures.csv", "indicator,area,period,value\n", "figures.csv has no figures below its headings."),
    ("figures.xlsx", "", "figures.xlsx is empty"),
])
def test_a_sheet_that_cannot_be_read_is_refused_whole(office, tmp_path, capsys, name, content, says):
    sheet = _sheet(tmp_path, content, name)
    before = _digest(office)
    assert main(["import-figures", str(office), str(sheet)]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"safer-desk: {says}") and "Nothing was imported." in err
    assert _digest(office) == before


def test_a_workbook_with_a_heading_given_twice_is_refused(office, tmp_path, capsys):
    xlsx = tmp_path / "figures.xlsx"
    write_xlsx(xlsx, [Sheet("Figures", ["Indicator", "Area", "Period", "Value", "Value"],
                            [["Burglary", "Mid Suffolk", "2016-05", 5, 7]])])
    before = _digest(office)
    assert main(["import-figures", str(office), str(xlsx)]) == 1
    assert "figures.xlsx has two columns headed value (D and E)" in capsys.readouterr().err
    assert _digest(office) == before


def test_a_failure_while_saving_leaves_every_figure_as_it_was(office, tmp_path, capsys, monkeypatch):
    # The second indicator's figures fail as they are saved: the first's are not left saved on their own.
    sheet = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,2016-04,12\n"
                             "Satisfaction,Mid Suffolk,2016-05,80\n")
    real = svc.save_values

    def failing(store, indicator_id, *args, **kwargs):
        if svc.get_indicator(store, indicator_id).name == "Satisfaction":
            raise svc.IndicatorError("Satisfaction could not be saved.")
        return real(store, indicator_id, *args, **kwargs)

    monkeypatch.setattr(svc, "save_values", failing)
    assert main(["import-figures", str(office), str(sheet)]) == 1
    assert "Satisfaction could not be saved. Nothing was imported." in capsys.readouterr().err
    monkeypatch.setattr(svc, "save_values", real)
    assert _figures(office, capsys) == ["Burglary,Mid Suffolk,2016-04,9,Typed"]


def test_missing_files_and_bad_usage(office, tmp_path, capsys):
    sheet = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Mid Suffolk,2016-05,7\n")
    assert main(["import-figures", str(office), str(tmp_path / "nothere.csv")]) == 1
    assert "there is no file at" in capsys.readouterr().err
    assert main(["import-figures", str(tmp_path / "new.sqlite"), str(sheet)]) == 1  # no indicators in a new file
    assert "there is no file at" in capsys.readouterr().err
    assert not (tmp_path / "new.sqlite").exists()
    assert main(["import-figures", str(office), str(tmp_path)]) == 1
    assert "is a folder" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        main(["import-figures", str(office)])
    assert usage.value.code == 2
    with pytest.raises(SystemExit) as usage:
        main(["import-figures", str(office), str(sheet), "--replace"])
    assert usage.value.code == 2


def test_an_older_file_is_upgraded_and_that_is_said(tmp_path, capsys):
    from tests.safety.helpers import make_older_file

    older = make_older_file(tmp_path / "older.sqlite")
    sheet = _sheet(tmp_path, "indicator,area,period,value\nBurglary,Babergh,2016-05,7\n")
    assert main(["import-figures", str(older), str(sheet)]) == 1  # it has no indicators yet
    err = capsys.readouterr().err
    assert "has been upgraded" in err and "before-upgrade.sqlite" in err
    assert "Line 2: There is no indicator called “Burglary” (add it first)" in err


def test_the_figures_the_indicators_command_prints_import_back_without_changing_the_file(demo_path, tmp_path, capsys):
    # The percentages print as 88.8889 for a paper's 16 of 18: imported back they replaced the paper's ratios (and
    # its source) with the rounded percentages, and the year to date of Plymouth's satisfaction moved from 60 of 68
    # (88.2%) to an average of percentages (88.1%).
    assert main(["indicators", str(demo_path)]) == 0
    sheet = tmp_path / "figures.csv"
    sheet.write_text(capsys.readouterr().out, encoding="utf-8")
    before = _digest(demo_path)
    assert main(["import-figures", str(demo_path), str(sheet)]) == 0
    out = capsys.readouterr().out  # round 25: said as nothing imported, not "2,605 rows imported"
    assert out.startswith("0 rows imported from figures.csv, ") and out.endswith(" already as the file held them; "
                                                                                  "0 refused.\n")
    assert _digest(demo_path) == before
