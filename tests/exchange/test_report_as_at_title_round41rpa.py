"""The board report's title page names the day its DHR and pooled-fund figures are as at, and says that only those
follow it: `report --as-at` (or a past --year's end) changed the DHR and fund sections, but the title page said only
the year, so a reader could not tell what the figures were as at. The window's File > Board Report… builds the same
document (ui.exchange.report_dialog.write_board_report), so it says the same."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from html import unescape

import pytest

from safer_desk.domain.periods import format_uk_date
from safer_desk.services.report import build_report
from tests.exchange.helpers import cli_output

BOTH = "Domestic Homicide Reviews and pooled funds: figures as at"


def title_page(path) -> list[str]:
    """The web page's title-page lines under the title (area, year, as-at day, meeting), as a reader sees them."""
    text = path.read_text(encoding="utf-8")
    header = text[text.index('<header class="title-page">'):text.index("</header>")]
    lines = []
    for para in re.findall(r'<p class="subtitle">(.*?)</p>', header, flags=re.S):
        lines += [unescape(re.sub(r"<[^>]+>", "", part)) for part in para.split("<br>")]
    return lines


def _html(demo_path, tmp_path, *extra: str):
    out = tmp_path / "board.html"
    code, _, err = cli_output(["report", str(demo_path), str(out), *extra])
    assert code == 0, err
    return title_page(out)


def test_a_report_as_at_a_past_day_names_the_day_and_what_follows_it_on_its_title_page(demo_path, tmp_path):
    lines = _html(demo_path, tmp_path, "--as-at", "30/06/2018")
    today = format_uk_date(date.today())
    assert lines == ["All areas", "All years",
                     f"{BOTH} 30/06/2018; other figures as recorded on {today}"]


def test_a_past_year_without_as_at_names_the_years_end(demo_path, tmp_path):
    lines = _html(demo_path, tmp_path, "--year", "2018/19", "--meeting", "20/09/2018")
    assert lines[:3] == ["All areas", "Financial year 2018/19", f"{BOTH} 31/03/2019, the end of 2018/19; other figures "
                         f"as recorded on {format_uk_date(date.today())}"]
    assert lines[3] == "Date of meeting: 20/09/2018"  # the meeting's date stays last, as before


def test_a_report_as_at_today_names_today_without_other_figures(demo_store):
    doc = build_report(demo_store, today=date(2026, 12, 2))
    assert doc.as_at_line == f"{BOTH} 02/12/2026"
    assert doc.title_lines == ["All areas", "All years", f"{BOTH} 02/12/2026"]


def test_a_report_with_no_review_and_no_fund_names_no_as_at_day(demo_store):
    doc = build_report(demo_store, year="2009/10", as_at=date(2010, 3, 31), today=date(2026, 12, 2))
    assert not any(s.as_at for s in doc.sections)  # the year of the allocation paper: no review, no fund
    assert doc.as_at_line == ""
    assert doc.title_lines == ["All areas", "Financial year 2009/10"]


def test_only_reviews_or_only_funds_are_named_when_only_they_are_in_the_report(demo_store):
    # 2017/18: the example's review was open in it; the pilot began in April 2018, so no fund ran yet.
    doc = build_report(demo_store, year="2017/18", today=date(2026, 12, 2))
    kinds = {s.as_at for s in doc.sections} - {""}
    assert kinds == {"reviews"}, kinds
    assert doc.as_at_line.startswith("Domestic Homicide Reviews: figures as at 31/03/2018, the end of 2017/18")


def test_the_review_label_of_the_file_is_the_one_named(demo_store):
    from safer_desk.services.dhr import set_review_label

    set_review_label(demo_store, "Domestic Abuse Related Death Review")
    doc = build_report(demo_store, as_at=date(2018, 6, 30), today=date(2026, 12, 2))
    assert doc.as_at_line.startswith("Domestic Abuse Related Death Reviews and pooled funds: figures as at 30/06/2018")


def test_the_windows_board_report_names_the_day_too(demo_store, tmp_path):
    from safer_desk.ui.exchange.report_dialog import ReportRequest, write_board_report

    target = tmp_path / "window.html"
    write_board_report(demo_store, ReportRequest(target, year="2018/19", as_at=date(2018, 6, 30),
                                                 today=date(2026, 12, 2)))
    assert title_page(target)[2] == f"{BOTH} 30/06/2018; other figures as recorded on 02/12/2026"


def test_the_pdf_title_page_names_the_day(demo_path, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = tmp_path / "board.pdf"
    code, _, err = cli_output(["report", str(demo_path), str(out), "--year", "2018/19", "--as-at", "30/06/2018"])
    assert code == 0, err
    first = subprocess.run(["pdftotext", "-l", "1", str(out), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert f"{BOTH} 30/06/2018" in " ".join(first.split())


def test_the_dialogs_as_at_field_says_it_covers_the_funds_and_is_named_on_the_title_page(demo_window):
    from safer_desk.ui.exchange.report_dialog import ReportDialog

    dialog = ReportDialog(demo_window.session, demo_window)
    try:
        tip = dialog.as_at.edit.toolTip()
    finally:
        dialog.deleteLater()
    assert "DHR and pooled-fund figures" in tip and "The title page names the day" in tip
