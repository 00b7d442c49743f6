"""The board report and the workbook of a file whose office names no areas yet (round 34, rpi).

A new office that had not done File > Office Details… typed figures and a target for Babergh and imported a month of
Suffolk Constabulary's police.uk data: `safer-desk report` said "This file has no projects, allocations, costs or
indicator figures for all areas in any year yet" and `safer-desk export FILE OUT.xlsx` wrote only its Contents sheet.
The figures are the office's own business until it names its areas: shown, with words saying the office names no
areas and what to do; another force's few crimes in areas outside its own are not taken for the office's areas.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import openpyxl
import pytest

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.report_html import render_html
from safer_desk.services import dhr
from safer_desk.services import indicators as svc
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store

POLICE = Path("/work/shared/data/police-uk/suffolk-2021-01")
SET_UP = "File > Office Details"


def _text(page: str) -> str:
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


@pytest.fixture
def new_file(tmp_path):
    """A new office's file: ASB figures and a target typed for Babergh, a review with no area, and (when the
    shared data is there) a month of Suffolk's police.uk data naming districts of other forces too."""
    path = tmp_path / "new.sqlite"
    store = open_store(path, create=True, office_name="Babergh office")
    try:
        asb = svc.save_indicator(store, "ASB incidents", unit="count", polarity="lower", frequency="monthly")
        area = svc.ensure_area(store, "Babergh")
        svc.save_values(store, asb, area, [svc.PeriodValue("2025-04", 40), svc.PeriodValue("2025-05", 35)])
        svc.set_target(store, asb, area, FinancialYear(2025), kind="annual", value=400)
        dhr.add_case(store, reference="BDH-DHR-2025-01", notified_on="2025-06-02")
    finally:
        store.close()
    if POLICE.exists():
        assert main(["import-police", str(path), str(POLICE)]) == 0
    return path


def test_the_report_shows_the_figures_and_says_the_office_names_no_areas(new_file, tmp_path):
    out = tmp_path / "report.html"
    assert main(["report", str(new_file), str(out)]) == 0
    page = _text(out.read_text(encoding="utf-8"))
    assert "has no projects, allocations, costs, budgets or indicator figures" not in page
    assert "Performance summary, Babergh, 2025/26" in page
    assert "ASB incidents" in page
    assert SET_UP in page and "names no districts" in page
    assert "BDH-DHR-2025-01" in page  # a review naming no area is the office's own business
    if POLICE.exists():
        assert "Performance summary, Ipswich, 2020/21" in render_html(build_report(
            open_store(new_file, read_only=True), year="2020/21"))
        assert "Indicators: Barking and Dagenham" not in page  # one Suffolk crime there: not an office area


def test_the_workbook_has_the_figures_and_says_the_office_names_no_areas(new_file, tmp_path):
    out = tmp_path / "export.xlsx"
    assert main(["export", str(new_file), str(out)]) == 0
    book = openpyxl.load_workbook(out)
    assert "Indicator summary" in book.sheetnames
    sheet = book["Indicator summary"]
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    assert "Babergh" in cells and "ASB incidents" in cells
    assert any(SET_UP in c and "names no districts" in c for c in cells)
    if POLICE.exists():
        assert "Barking and Dagenham" not in cells


def test_a_file_with_no_figures_at_all_still_says_so_and_what_to_do(tmp_path):
    store = open_store(tmp_path / "empty.sqlite", create=True, office_name="Babergh office")
    try:
        document = build_report(store)
    finally:
        store.close()
    words = " ".join(p for s in document.sections for p in s.paragraphs)
    assert "has no projects, allocations, costs, budgets or indicator figures" in words
    assert SET_UP in words


def test_a_review_naming_no_area_is_in_the_office_report_not_in_another_area(demo_store):
    """A review recorded before its district was chosen vanished from the office's report, set up or not."""
    dhr.add_case(demo_store, reference="SSP-DHR-2025-09", notified_on="2025-06-02")

    def reviews(document) -> list[str]:
        return [row[0] for s in document.sections for t in s.tables for row in t.rows]

    assert "SSP-DHR-2025-09" in reviews(build_report(demo_store))
    assert "SSP-DHR-2025-09" not in reviews(build_report(demo_store, area="Plymouth"))  # not the office's area


def test_file_board_report_in_the_window_says_the_same(window, new_file, qtbot, prompts, tmp_path):
    from PySide6.QtCore import Qt

    assert window.open_path(new_file)
    window.exchange_actions["report"].trigger()
    dialog = window.report_dialog
    assert dialog.area_combo.currentText() == "All areas"
    target = tmp_path / "board.html"
    dialog.path_edit.setText(str(target))
    with qtbot.waitSignal(dialog.written, timeout=20000):
        qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    page = _text(target.read_text(encoding="utf-8"))
    assert "Performance summary, Babergh, 2025/26" in page and "BDH-DHR-2025-01" in page
    assert SET_UP in page and "names no districts" in page
    assert "has no projects, allocations, costs, budgets or indicator figures" not in page


def test_an_unnamed_offices_report_names_its_file_without_the_folders_it_lies_in(tmp_path):
    """Round 74: an office file with no name (called after its file) printed its full path in the report's "The
    office's areas" sentence, a folder holding the user's name, which means nothing to a board. The report and the
    workbook now say the office is still called after its file, and give the file's name alone."""
    folder = tmp_path / "jo-smith" / "Documents"
    folder.mkdir(parents=True)
    path = folder / "new office.sqlite"
    store = open_store(path, create=True)
    try:
        asb = svc.save_indicator(store, "ASB incidents", unit="count", polarity="lower", frequency="monthly")
        svc.save_values(store, asb, svc.ensure_area(store, "Babergh"), [svc.PeriodValue("2025-04", 40)])
        document = build_report(store)
    finally:
        store.close()
    words = " ".join(p for s in document.sections if s.title == "The office's areas" for p in s.paragraphs)
    assert "still called “new office” after its file" in words
    assert "safer-desk office 'new office.sqlite' --district NAME" in words
    assert "jo-smith" not in words and str(tmp_path) not in words
    out = tmp_path / "export.xlsx"
    assert main(["export", str(path), str(out)]) == 0
    cells = [c for ws in openpyxl.load_workbook(out) for row in ws.iter_rows(values_only=True) for c in row
             if isinstance(c, str) and "names no districts" in c]
    assert cells and not any("jo-smith" in c for c in cells)
