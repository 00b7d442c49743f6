"""The board report: collecting sections, HTML with inline SVG charts, PDF through Qt, the command."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest
from hypothesis import given
from hypothesis import strategies as st

from safer_desk.exchange.report_html import chart_svg, nice_ticks, render_html, write_html
from safer_desk.services.report import ReportError, area_choices, build_report
from safer_desk.services.report_model import ReportChart, ReportSection, ReportSeries, ReportTable
from tests.exchange.helpers import cli_output
from tests.exchange.report_samples import sample_document

SVG = "{http://www.w3.org/2000/svg}"


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


def test_report_collects_the_tabs_sections_for_a_year_and_area(demo_store, monkeypatch):
    from safer_desk.services import report_sections

    seen = {}

    def fake_sections(store, *, year=None, areas=None, **hooks):
        seen.update(year=year, areas=areas)
        return [ReportSection("Empty"), ReportSection("Allocation", paragraphs=["Figures"])]

    monkeypatch.setattr(report_sections, "all_sections", fake_sections)
    doc = build_report(demo_store, year="2009/10", area="western csp")
    assert seen["year"].label == "2009/10" and seen["areas"].kind == "partnership"
    assert seen["areas"].partnership_ids == {"partnership:western-csp"}
    assert seen["areas"].district_ids == {"district:mid-suffolk", "district:forest-heath", "district:st-edmundsbury"}
    assert [s.title for s in doc.sections] == ["Allocation"]  # empty sections are left out
    assert (doc.year_label, doc.area_label) == ("2009/10", "Western CSP")
    assert doc.office_name == "Example office (seed papers)"
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", doc.prepared_on)
    assert build_report(demo_store, area="Babergh").area_label == "Babergh"


def test_report_title_and_meeting_date_as_on_the_seed_papers(demo_store):
    doc = build_report(demo_store, title="Report to the Safer Suffolk Partnership Board", meeting="2018-09-20")
    assert doc.title == "Report to the Safer Suffolk Partnership Board" and doc.meeting_date == "20/09/2018"
    html = render_html(doc)
    assert "Date of meeting: 20/09/2018" in html and "<h1>Report to the Safer Suffolk Partnership Board</h1>" in html
    assert build_report(demo_store, title="  ").title == "Community Safety Partnership board report"
    with pytest.raises(ReportError, match="not a date"):
        build_report(demo_store, meeting="next Tuesday")


def test_report_refuses_unknown_years_and_areas(demo_store):
    with pytest.raises(ReportError, match="2016/17"):
        build_report(demo_store, year="last year")
    with pytest.raises(ReportError, match="Narnia.*Babergh"):  # names the office's own areas
        build_report(demo_store, area="Narnia")
    names = [c.name for c in area_choices(demo_store)]
    assert names[0] == "All areas" and "Western Suffolk CSP" in names and "Mid Suffolk" in names


def test_report_with_no_figures_says_so(store):
    doc = build_report(store)
    assert [s.title for s in doc.sections] == ["No figures"] or all(not s.is_empty for s in doc.sections)


def test_html_is_self_contained_with_every_table_and_chart():
    doc = sample_document()
    html = render_html(doc)
    assert html.startswith("<!DOCTYPE html>")
    for n, section in enumerate(doc.sections, start=1):
        assert f"<h2>{n}. {section.title}</h2>" in html
    assert html.count("<svg ") == sum(len(s.charts) for s in doc.sections) == 3
    assert "<script" not in html and " src=" not in html and "<link" not in html
    assert "589,608" in html and "-65,512" in html and 'class="total"' in html
    assert "page-break-before" in html and "Financial year 2016/17" in html
    # Every chart's figures are also given as a table (not by colour or shape alone).
    assert html.count("Figures in this chart") == 3


def test_html_escapes_text():
    doc = sample_document()
    doc.sections = [ReportSection("<b>Risky & co</b>", paragraphs=["<script>alert(1)</script>"],
                                  tables=[ReportTable("t", ["a<b"], [["x & y"]])])]
    html = render_html(doc)
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;Risky &amp; co" in html


def test_write_html_is_atomic_and_utf8(tmp_path):
    folder = tmp_path / "reports"
    out = write_html(sample_document(), folder / "report.html")
    text = out.read_text(encoding="utf-8")
    assert "£65,512" in text and "−74" in text
    assert [p.name for p in folder.iterdir()] == ["report.html"]


def parse_svg(chart: ReportChart) -> ET.Element:
    return ET.fromstring(chart_svg(chart))


def test_chart_svg_draws_bars_lines_gaps_and_a_legend():
    chart = ReportChart("Spend", ["Apr-18", "May-18", "Jun-18", "Jul-18"],
                        [ReportSeries("Budget", [100.0, 200.0, None, 50.0], "bar"),
                         ReportSeries("Trend", [10.0, None, 30.0, 40.0], "line"),
                         ReportSeries("Forecast", [None, None, 30.0, 20.0], "dashed"),
                         ReportSeries("Balance", [500.0, 400.0, 300.0, 200.0], "step")],
                        y_label="£")
    root = parse_svg(chart)
    assert root.find(f"{SVG}title").text == "Spend" and root.get("aria-label") == "Spend"
    polylines = root.findall(f"{SVG}polyline")
    # Trend has a gap (two runs), Forecast one run, Balance one run drawn as steps.
    assert len(polylines) == 4
    dashed = [p for p in polylines if p.get("stroke-dasharray")]
    assert len(dashed) == 1
    step_points = polylines[-1].get("points").split()
    assert len(step_points) == 2 * 4 - 1  # a horizontal then a vertical move per month
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert {"Apr-18", "Jul-18", "Budget", "Trend", "Forecast", "Balance", "£"} <= set(texts)
    bars = [r for r in root.findall(f"{SVG}rect") if r.get("fill") == "#0072B2" and r.get("width") != "14"]
    assert len(bars) == 3  # the None month has no bar


def test_negative_bars_hang_below_zero():
    chart = ReportChart("Variance", ["A", "B"], [ReportSeries("Variance", [-6957.0, 1000.0], "bar")])
    root = parse_svg(chart)
    bars = [r for r in root.findall(f"{SVG}rect") if r.get("fill") == "#0072B2" and r.get("width") != "14"]
    tops = sorted(float(b.get("y")) for b in bars)
    assert len(bars) == 2 and tops[0] < tops[1]  # the positive bar rises above where the negative one starts


@given(st.floats(-1e9, 1e9, allow_nan=False), st.floats(-1e9, 1e9, allow_nan=False))
def test_nice_ticks_cover_the_range_in_equal_steps(a, b):
    low, high = min(a, b), max(a, b)
    ticks = nice_ticks(low, high)
    assert 2 <= len(ticks) <= 13
    steps = [y - x for x, y in zip(ticks, ticks[1:])]
    step = steps[0]
    assert step > 0 and max(steps) - min(steps) <= 1e-6 * step
    # Covers the range (to within a billionth of a step: what a chart can show).
    assert ticks[0] <= low + 1e-9 * step and ticks[-1] >= high - 1e-9 * step


def test_counts_get_whole_number_ticks():
    assert nice_ticks(0, 1, whole=True) == [0, 1]
    assert nice_ticks(0, 12, whole=True) == [0, 5, 10, 15]
    assert nice_ticks(0, 1) == pytest.approx([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    chart = ReportChart("Robbery", ["Apr-25", "May-25"], [ReportSeries("2025/26", [0.0, 1.0], "bar")])
    labels = [t.text for t in parse_svg(chart).iter(f"{SVG}text")]
    assert "0.2" not in labels and "1" in labels


def test_pdf_has_a_title_page_numbered_pages_and_every_section(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    out = tmp_path / "board.pdf"
    pages = write_pdf(sample_document(), out)
    assert out.read_bytes().startswith(b"%PDF")
    assert pages == 5  # the title page, then each of the four sections from a new page
    text = pdf_text(out)
    assert text.count("\f") >= pages - 1
    first, *rest = text.split("\f")
    assert "Community Safety Partnership board" in first and "Contents" in first and "Page 1" not in first
    assert "Financial year 2016/17" in first
    for n, page in enumerate(rest[:pages - 1], start=2):
        assert f"Page {n} of {pages}" in page
    assert "589,608" in rest[1] and "-65,512" in rest[1]  # the allocation table's total row
    assert "4. Performance indicators, April to November 2016" in rest[3]


def test_pdf_chart_images_are_drawn(qapp):
    from PySide6.QtGui import QColor

    from safer_desk.ui.exchange.report_pdf import render_chart_image

    chart = sample_document().sections[1].charts[0]
    image = render_chart_image(chart, 400, 200, scale=1)
    colours = {image.pixelColor(x, y).name() for x in range(0, 400, 4) for y in range(0, 200, 4)}
    assert QColor("#0072B2").name() in colours and QColor("#D55E00").name() in colours


def test_report_command_writes_html_and_pdf(demo_path, tmp_path):
    code, out, err = cli_output(["report", str(demo_path), str(tmp_path / "board.html"), "--year", "2016/17"])
    assert code == 0, err
    html = (tmp_path / "board.html").read_text(encoding="utf-8")
    assert "Financial year 2016/17" in html
    code, out, err = cli_output(["report", str(demo_path), str(tmp_path / "board.pdf"), "--area", "Babergh",
                                 "--meeting", "20/09/2018"])
    assert code == 0, err
    assert re.search(r"wrote .*board\.pdf \(\d+ pages\)", out)
    text = pdf_text(tmp_path / "board.pdf")
    assert "Babergh" in text and "Date of meeting: 20/09/2018" in text


@pytest.mark.parametrize("args, message", [
    (["--year", "2016"], "financial year"),
    (["--area", "Atlantis"], "no district, partnership or county"),
])
def test_report_command_refuses_bad_options(demo_path, tmp_path, args, message):
    code, _, err = cli_output(["report", str(demo_path), str(tmp_path / "r.html"), *args])
    assert code == 1 and message in err
    assert not (tmp_path / "r.html").exists()


def test_report_command_refuses_other_formats(demo_path, tmp_path):
    code, _, err = cli_output(["report", str(demo_path), str(tmp_path / "r.docx")])
    assert code == 1 and ".pdf or .html" in err


def test_pdf_columns_fit_their_longest_words_even_in_wide_tables(qapp):
    from safer_desk.ui.exchange.report_pdf import _measure, table_layout

    wide = ReportTable("Scenario", ["Ref", "Project / Initiative"] + [f"Criterion {i}?" for i in range(8)]
                       + ["Committed", "2009/10", "2010/11"],
                       [["10", "Supported accommodation for young offenders"] + ["√ (in some areas)"] * 8
                        + ["£105,000", "£35,000", "£70,000"]],
                       total_row=["", "Total committed"] + [""] * 8 + ["£105,000", "£35,000", "£70,000"])
    size, widths = table_layout(wide, 680)
    assert abs(sum(widths) - 100) < 1e-6 and size < 8
    words, _ = _measure(wide, size, None)
    assert all(w / 680 * 100 <= width + 1e-6 for w, width in zip(words, widths))
    narrow = ReportTable("Two", ["Partnership", "Total (£)"], [["Babergh", "63,768"]])
    size, widths = table_layout(narrow, 680)
    assert size == 9.0 and abs(sum(widths) - 100) < 1e-6
