"""Round 31, files from outside the office as they arrive: a sheet or a police.uk file still open in Excel on
Windows (which refuses other programs its bytes: PermissionError), and counts worked out by Excel formulas."""

from __future__ import annotations

import pathlib
from pathlib import Path

import pytest

STREET_HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
                 "Last outcome category,Context")
STREET_ROW = ("abc,2025-01,Suffolk Constabulary,Suffolk Constabulary,0.9,52.1,On or near X,E01029876,Babergh 001A,"
              "Burglary,,")


def _locked(monkeypatch, locked: Path, method: str) -> None:
    """`locked` refused as Windows refuses a file Excel has open: "[WinError 32] The process cannot access the
    file because it is being used by another process" (a PermissionError)."""
    real = getattr(pathlib.Path, method)

    def refuse(self, *args, **kwargs):
        if Path(self) == locked:
            raise PermissionError(13, "The process cannot access the file because it is being used by another "
                                      "process", str(self))
        return real(self, *args, **kwargs)

    monkeypatch.setattr(pathlib.Path, method, refuse)


def test_a_figures_sheet_open_in_excel_is_refused_by_name_saying_to_close_it(demo_window, prompts, tmp_path,
                                                                            monkeypatch):
    # Import Figures… on a sheet still open in Excel showed "[Errno 13] The process cannot access the file because
    # it is being used by another process: 'C:\\Users\\…\\figures.csv'": the path in Python's words, and nothing
    # said what to do.
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    store = demo_window.session.store
    before = store.scalar("SELECT count(*) FROM indicator_values")
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\nAll crime,Plymouth,2016-04,1400\n", encoding="utf-8")
    _locked(monkeypatch, path, "read_bytes")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert not dialog.load(path)
    [(title, text)] = prompts.errors
    assert title == "Figures not imported"
    assert text.startswith("figures.csv cannot be read (The process cannot access the file because it is being used "
                           "by another process)"), text
    assert "close it" in text and "Excel" in text and "[Errno" not in text and str(tmp_path) not in text, text
    assert store.scalar("SELECT count(*) FROM indicator_values") == before
    dialog.close()


def test_a_street_file_open_in_excel_is_refused_saying_to_close_it(store, tmp_path, monkeypatch):
    # A street file opened in Excel to look at, then imported: "… cannot be read (Permission denied); nothing was
    # imported." said nothing of Excel, or what to do.
    from safer_desk.exchange.police_uk import PoliceFileError
    from safer_desk.services.police_import import import_police_files

    path = tmp_path / "2025-01-suffolk-street.csv"
    path.write_text(f"{STREET_HEADER}\n{STREET_ROW}\n", encoding="utf-8")
    _locked(monkeypatch, path, "open")
    with pytest.raises(PoliceFileError) as caught:
        import_police_files(store, [path])
    text = str(caught.value)
    assert text.startswith("2025-01-suffolk-street.csv cannot be read"), text
    assert "close it" in text and "Excel" in text and text.endswith("nothing was imported."), text
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0


def test_a_street_file_locked_once_its_header_is_read_says_to_close_it(tmp_path, monkeypatch):
    # Excel opening the file between its header being read and its bytes: the counting's own message.
    from safer_desk.exchange import police_count

    path = tmp_path / "2025-01-suffolk-street.csv"
    path.write_text(f"{STREET_HEADER}\n{STREET_ROW}\n", encoding="utf-8")

    def refuse(_path):
        raise PermissionError(13, "Permission denied", str(_path))

    monkeypatch.setattr(police_count, "_read_bytes", refuse)
    data, (_digest, problem) = police_count._read_file(
        police_count.FileToCount(path, tuple(STREET_HEADER.split(",")), path.name))
    assert data is None and problem is not None
    assert "close it" in str(problem) and "Excel" in str(problem), problem


def _sheet(tmp_path: Path, rows: list[list]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    path = tmp_path / "figures.xlsx"
    book.save(path)
    return path


def test_a_count_worked_out_by_an_excel_formula_is_read_as_excel_shows_it(demo_store, tmp_path):
    # A count worked out in the sheet (=7%*100, =B2*C2/1000) is a double a hair off the whole number: Excel keeps
    # 7.000000000000001 and shows 7, Safer Desk refused the row with "a count is a whole number, and 7 is not".
    # Excel shows (and calculates with) 15 significant figures; a figure it shows as whole is read whole.
    from safer_desk.services.indicators_import import apply_values, preview_values

    da = "Domestic abuse crimes and incidents"
    path = _sheet(tmp_path, [["indicator", "area", "period", "value"],
                             [da, "Plymouth", "2016-04", 0.07 * 100],
                             [da, "Plymouth", "2016-05", 299.99999999999994],
                             [da, "Plymouth", "2016-06", 512.0]])
    preview = preview_values(demo_store, path)
    assert preview.refused == []
    assert [(g.line, g.value.value) for g in preview.good] == [(2, 7), (3, 300), (4, 512)]
    with demo_store.action("Import figures"):
        apply_values(demo_store, preview)
    assert [r[0] for r in demo_store.rows(
        "SELECT value FROM indicator_values WHERE indicator_id = 'indicator:domestic-abuse-crimes-and-incidents' "
        "AND area_id = 'district:plymouth' AND period IN ('2016-04', '2016-05', '2016-06') ORDER BY period")] == [
        7, 300, 512]


def test_a_count_that_is_not_whole_in_excel_is_still_refused_and_a_rate_keeps_its_figures(demo_store, tmp_path):
    from safer_desk.services.indicators_import import preview_values

    da = "Domestic abuse crimes and incidents"
    path = _sheet(tmp_path, [["indicator", "area", "period", "value"],
                             [da, "Plymouth", "2016-04", 500.0000000001],  # Excel shows 500.0000000001
                             ["Level Two “ist” incidents satisfaction", "Plymouth", "2016-10", 6 / 7 * 100]])
    preview = preview_values(demo_store, path)
    assert [line for line, _ in preview.refused] == [2] and "whole number" in preview.refused[0][1]
    assert [(g.line, g.value.value) for g in preview.good] == [(3, 6 / 7 * 100)]  # every figure, as before



def _with_dimension(path: Path, ref: str) -> Path:
    """The workbook with its sheet's used range stated as `ref`: some programs that write .xlsx (report exporters,
    streaming writers) state "A1", or a range from before rows were added; Excel reads every row regardless."""
    import re
    import zipfile

    out = path.with_name(f"dimension {ref.replace(':', '-')}.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data, n = re.subn(rb'<dimension ref="[^"]*" ?/>', f'<dimension ref="{ref}"/>'.encode(), data)
                assert n == 1
            target.writestr(item, data)
    return out


@pytest.mark.parametrize("ref", ["A1:D3", "A1"])
def test_every_row_of_a_workbook_is_read_whatever_used_range_it_states(demo_store, tmp_path, ref):
    # A workbook stating a used range smaller than its rows: with "A1:D3" the rows below row 3 were dropped without a
    # word ("2 rows imported", the year's other months not), with "A1" the sheet "has no area, period column".
    from safer_desk.services.indicators_import import preview_values

    da = "Domestic abuse crimes and incidents"
    path = _with_dimension(_sheet(tmp_path, [["indicator", "area", "period", "value"],
                                             *([da, "Plymouth", f"2016-0{m}", 500 + m] for m in range(4, 8))]), ref)
    preview = preview_values(demo_store, path)
    assert preview.refused == []
    assert [(g.line, g.value.period, g.value.value) for g in preview.good] == [
        (2, "2016-04", 504), (3, "2016-05", 505), (4, "2016-06", 506), (5, "2016-07", 507)]


def test_a_download_cut_short_says_to_download_it_again(store, tmp_path):
    # "download.zip is damaged or is not a zip file (File is not a zip file); nothing was imported." said nothing of
    # what to do.
    import io
    import zipfile

    from safer_desk.exchange.police_uk import PoliceFileError
    from safer_desk.services.police_import import import_police_files

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2025-01/2025-01-suffolk-street.csv", f"{STREET_HEADER}\n" + f"{STREET_ROW}\n" * 2000)
    path = tmp_path / "download.zip"
    path.write_bytes(buffer.getvalue()[:len(buffer.getvalue()) // 2])
    with pytest.raises(PoliceFileError) as caught:
        import_police_files(store, [path])
    assert "download.zip is damaged" in str(caught.value) and "Download it again" in str(caught.value), caught.value
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0


def test_a_download_zip_that_cannot_be_opened_is_not_called_damaged(store, tmp_path, monkeypatch):
    from safer_desk.exchange import police_uk
    from safer_desk.exchange.police_uk import PoliceFileError

    path = tmp_path / "download.zip"
    path.write_bytes(b"PK\x03\x04")

    def refuse(*_args, **_kwargs):
        raise PermissionError(13, "Permission denied", str(path))

    monkeypatch.setattr(police_uk.zipfile, "ZipFile", refuse)
    with pytest.raises(PoliceFileError) as caught:
        police_uk._unpack_zip(path, police_uk.FoundFiles(), lambda: tmp_path, 1)
    assert str(caught.value).startswith("download.zip cannot be read (Permission denied): if it is open"), caught.value


def test_a_name_given_once_for_a_block_of_rows_says_to_give_it_on_every_row(demo_store, tmp_path):
    # A sheet laid out for reading, the indicator in a cell merged down its months (or typed once above them): every
    # row below the first was refused with "The indicator is blank", on a sheet that shows it beside each of them.
    from openpyxl import Workbook

    from safer_desk.services.indicators_import import preview_values

    da = "Domestic abuse crimes and incidents"
    book = Workbook()
    for row in (["indicator", "area", "period", "value"], [da, "Plymouth", "2016-04", 500],
                [None, "Plymouth", "2016-05", 510], [None, None, "2016-06", 520]):
        book.active.append(row)
    book.active.merge_cells("A2:A4")
    book.save(tmp_path / "figures.xlsx")
    preview = preview_values(demo_store, tmp_path / "figures.xlsx")
    assert [line for line, _ in preview.refused] == [3, 4]
    for _, why in preview.refused:
        assert "blank" in why and "merged" in why and "every row" in why, why
