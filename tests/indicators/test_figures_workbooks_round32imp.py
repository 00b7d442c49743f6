"""Import Figures (round 32): workbooks as councils keep them. Each is read right, to the digit and the month, or
refused on its line (or as a whole) saying what to do: a second sheet of figures is never left out unsaid, a
formula whose result was never saved is not called a blank, a "-" or "*" says what it means, a totals row and a
near-miss indicator name say what they are, and months across the sheet are named as such."""

from __future__ import annotations

import datetime as dt

import pytest
import xlsxwriter
from openpyxl import Workbook

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.indicator_import import ValuesFileError
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import apply_values, preview_values
from safer_desk.storage.store import open_store

FY16 = FinancialYear(2016)
VIOLENCE = "Violence with injury (excluding domestic abuse)"


def _office(store) -> None:
    for name in ("Babergh", "Ipswich"):
        svc.ensure_area(store, name, "district")
    svc.save_indicator(store, "Burglary")
    svc.save_indicator(store, VIOLENCE)
    svc.save_indicator(store, "Satisfaction", unit="percentage", polarity="higher")


@pytest.fixture
def office(store):
    _office(store)
    return store


@pytest.fixture
def office_path(tmp_path):
    path = tmp_path / "office.sqlite"
    s = open_store(path, create=True)
    _office(s)
    s.close()
    return path


def _sheet(tmp_path, rows, head=("indicator", "area", "period", "value"), name="figures.xlsx", edit=None):
    wb = Workbook()
    ws = wb.active
    ws.append(list(head))
    for row in rows:
        ws.append(list(row))
    if edit:
        edit(wb, ws)
    wb.save(tmp_path / name)
    return tmp_path / name


def _stored(store, indicator: str, area: str) -> dict[str, float]:
    ind = svc.get_indicator(store, indicator).id
    area_id = svc.find_area(store, area).id
    return {r["period"]: r["value"] for r in store.rows("SELECT period, value FROM indicator_values WHERE "
                                                       "indicator_id = ? AND area_id = ?", (ind, area_id))}


def _refused(preview) -> dict[int, str]:
    return dict(preview.refused)


# What held: read to the digit and the month.

def test_months_as_excel_dates_shown_mmm_yy_land_in_their_own_month(office, tmp_path):
    months = [dt.datetime(2016 + (m < 4), m, 1) for m in (4, 5, 6, 7, 8, 9, 10, 11, 12, 1, 2, 3)]

    def mmm_yy(wb, ws):
        for cell in ws["C"][1:]:
            cell.number_format = "mmm-yy"

    path = _sheet(tmp_path, [("Burglary", "Babergh", d, 100 + i) for i, d in enumerate(months)], edit=mmm_yy)
    preview = preview_values(office, path)
    assert preview.refused == []
    apply_values(office, preview)
    assert _stored(office, "Burglary", "Babergh") == {m.iso: 100 + i for i, m in enumerate(FY16.months)}


def test_text_months_are_read_as_the_month_they_name_and_a_month_with_no_year_is_refused(office, tmp_path):
    path = _sheet(tmp_path, [("Burglary", "Babergh", "Apr", 1), ("Burglary", "Babergh", "May 2016", 2),
                             ("Burglary", "Babergh", "Jun-16", 3), ("Burglary", "Babergh", "2016-07", 4),
                             ("Burglary", "Babergh", "August 2016", 5)])
    preview = preview_values(office, path)
    assert list(_refused(preview)) == [2]
    apply_values(office, preview)
    assert _stored(office, "Burglary", "Babergh") == {"2016-05": 2, "2016-06": 3, "2016-07": 4, "2016-08": 5}


def test_a_percentage_cell_and_a_typed_percentage_are_the_same_figure(office, tmp_path):
    def percent(wb, ws):
        ws["D2"].number_format = "0.0%"

    path = _sheet(tmp_path, [("Satisfaction", "Babergh", "2016-04", 0.882), ("Satisfaction", "Babergh", "2016-05",
                                                                             88.2),
                             ("Satisfaction", "Babergh", "2016-06", "88.2%")], edit=percent)
    preview = preview_values(office, path)
    assert preview.refused == [] and preview.queried == {}
    apply_values(office, preview)
    assert _stored(office, "Satisfaction", "Babergh") == {"2016-04": 88.2, "2016-05": 88.2, "2016-06": 88.2}


def test_formulas_with_their_results_saved_by_excel_are_read_as_those_results(office, tmp_path):
    path = tmp_path / "excel.xlsx"
    book = xlsxwriter.Workbook(str(path))
    sheet = book.add_worksheet()
    sheet.write_row(0, 0, ["indicator", "area", "period", "value"])
    sheet.write_row(1, 0, ["Burglary", "Babergh", "2016-04"])
    sheet.write_formula(1, 3, "=10+2", None, 12)
    sheet.write_row(2, 0, ["Burglary", "Babergh", "2016-05"])
    sheet.write_formula(2, 3, "=D2*2", None, 24)
    book.close()
    apply_values(office, preview_values(office, path))
    assert _stored(office, "Burglary", "Babergh") == {"2016-04": 12, "2016-05": 24}


def test_a_windows_1252_csv_with_a_pound_sign_and_a_quoted_thousand_is_read(office, tmp_path):
    path = tmp_path / "excel.csv"
    path.write_bytes("indicator,area,period,value,comment\r\nBurglary,Babergh,Apr-16,\"1,234\",Cost £1\r\n"
                     .encode("cp1252"))
    preview = preview_values(office, path)
    assert preview.refused == [] and preview.good[0].value.comment == "Cost £1"
    apply_values(office, preview)
    assert _stored(office, "Burglary", "Babergh") == {"2016-04": 1234}


def test_importing_again_replaces_and_a_refused_import_changes_nothing(office_path, tmp_path, capsys):
    good = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", 5), ("Burglary", "Ipswich", "2016-04", 7)])
    assert main(["import-figures", str(office_path), str(good)]) == 0
    assert main(["import-figures", str(office_path), str(good)]) == 0
    assert "0 rows imported from figures.xlsx, 2 already as the file held them" in capsys.readouterr().out
    again = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", 6)], name="again.xlsx")
    assert main(["import-figures", str(office_path), str(again)]) == 0
    before = office_path.read_bytes()
    bad = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", 9), ("Burglary", "Nowhere", "2016-04", 1)],
                 name="bad.xlsx")
    assert main(["import-figures", str(office_path), str(bad)]) == 1
    assert office_path.read_bytes() == before
    s = open_store(office_path)
    try:
        assert _stored(s, "Burglary", "Babergh") == {"2016-04": 6}  # replaced, never added to
        assert _stored(s, "Burglary", "Ipswich") == {"2016-04": 7}
    finally:
        s.close()


# What broke.

def test_a_workbook_with_figures_on_two_sheets_is_refused_naming_them_not_half_imported(office_path, tmp_path,
                                                                                      capsys):
    def second_sheet(wb, ws):
        ws.title = "Babergh"
        other = wb.create_sheet("Ipswich")
        other.append(["indicator", "area", "period", "value"])
        other.append(["Burglary", "Ipswich", "2016-04", 4])

    path = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", 3)], edit=second_sheet)
    before = office_path.read_bytes()
    assert main(["import-figures", str(office_path), str(path)]) == 1
    err = capsys.readouterr().err
    assert "“Babergh” and “Ipswich”" in err and "one sheet" in err and "Nothing was imported." in err
    assert office_path.read_bytes() == before


def test_a_formula_whose_result_was_never_saved_is_refused_saying_so_not_called_blank(office, tmp_path):
    path = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", 5), ("Burglary", "Babergh", "2016-05", "=D2*2")])
    refused = _refused(preview_values(office, path))
    assert list(refused) == [3]
    assert "D3 holds the formula =D2*2" in refused[3] and "open it in Excel, save it" in refused[3]
    assert "blank" not in refused[3]


@pytest.mark.parametrize("shown, says", [("-", "no figure"), ("N/A", "not applicable"), ("n/k", "not known"),
                                         ("*", "held back")])
def test_a_marker_for_no_figure_is_refused_saying_what_it_means(office, tmp_path, shown, says):
    path = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", shown)])
    why = _refused(preview_values(office, path))[2]
    assert f"“{shown}”" in why and says in why and "leaves the figure the file holds" in why


def test_a_totals_row_is_refused_as_a_totals_row(office, tmp_path):
    path = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", 5), ("Total", None, None, 5),
                             ("Burglary", "Babergh", "Total", 5)])
    refused = _refused(preview_values(office, path))
    assert set(refused) == {3, 4}
    assert all("totals row" in why and "add it first" not in why for why in refused.values())


def test_an_indicator_spelt_slightly_differently_is_refused_naming_the_one_meant(office, tmp_path):
    path = _sheet(tmp_path, [("Violence with injury (excl. DA)", "Babergh", "2016-04", 5)])
    why = _refused(preview_values(office, path))[2]
    assert f"did you mean “{VIOLENCE}”" in why


@pytest.mark.parametrize("layout", ["two heading rows", "dates across"])
def test_months_across_the_sheet_are_refused_saying_one_figure_a_row(office, tmp_path, layout):
    wb = Workbook()
    ws = wb.active
    if layout == "two heading rows":
        ws.append(["Indicator", "Area", "2016/17"] + [None] * 11 + ["YTD"])
        ws.merge_cells("C1:N1")
        ws.append([None, None, "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "Jan", "Feb", "Mar"])
    else:
        ws.append(["Indicator", "Area"] + [dt.datetime(2016 + (m < 4), m, 1) for m in (4, 5, 6, 7, 8, 9, 10, 11, 12,
                                                                                       1, 2, 3)])
        for cell in ws[1][2:]:
            cell.number_format = "mmm-yy"
    ws.append(["Burglary", "Babergh"] + list(range(1, 13)))
    wb.save(tmp_path / "wide.xlsx")
    with pytest.raises(ValuesFileError) as exc:
        preview_values(office, tmp_path / "wide.xlsx")
    row = 2 if layout == "two heading rows" else 1
    assert f"the months across the sheet (row {row}, columns C to N)" in str(exc.value)
    assert "one row for each figure" in str(exc.value)


def test_the_window_lists_what_the_command_line_says(demo_window, demo_path, tmp_path, capsys):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = _sheet(tmp_path, [("All crime", "Plymouth", "2016-04", 1500), ("All crime", "Plymouth", "2016-05", "*"),
                             ("Violence with injury (excl DA)", "Plymouth", "2016-04", 3)])
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    shown = {r["line"]: (r["status"], r["why"]) for r in dialog.model.rows}
    dialog.close()
    copy = tmp_path / "copy.sqlite"
    copy.write_bytes(demo_path.read_bytes())
    assert main(["import-figures", str(copy), str(path)]) == 1
    err = capsys.readouterr().err
    for line in (3, 4):
        assert shown[line][0] == "Refused" and f"Line {line}: {shown[line][1]}" in err


def test_a_hidden_row_is_marked_to_check_and_named_as_hidden_when_refused(office_path, tmp_path, capsys):
    def hide(wb, ws):
        ws.row_dimensions[2].hidden = True  # last year's figure for April, hidden rather than deleted
        ws.row_dimensions[4].hidden = True

    path = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", 5), ("Burglary", "Babergh", "2016-04", 7),
                             ("Burglary", "Ipswich", "2016-05", 8), ("Burglary", "Ipswich", "2016-06", 9)], edit=hide)
    office = open_store(office_path)
    try:
        preview = preview_values(office, path)
    finally:
        office.close()
    assert [line for line, _ in preview.refused] == [2, 3]
    assert "row 2 is hidden in the sheet" in dict(preview.refused)[2]
    assert "hidden" not in dict(preview.refused)[3]
    assert list(preview.queried) == [4] and "Row 4 is hidden in the sheet" in preview.queried[4]
    assert [g.line for g in preview.good] == [4, 5]
    assert main(["import-figures", str(office_path), str(path), "--skip-refused"]) == 1  # the hidden row to check
    assert "Line 4 (check): " in capsys.readouterr().err
    assert main(["import-figures", str(office_path), str(path), "--skip-refused", "--accept-queried"]) == 0


def test_a_rate_given_for_a_count_is_refused_as_a_rate_not_for_its_comma(office, tmp_path):
    path = _sheet(tmp_path, [("Burglary", "Babergh", "2016-04", "12.3 per 1,000")])
    why = _refused(preview_values(office, path))[2]
    assert "is a rate per 1,000, but Burglary is a count" in why and "thousands separator" not in why
