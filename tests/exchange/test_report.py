"""The board report: collecting sections, HTML with inline SVG charts, PDF through Qt, the command."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

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
    # empty sections are left out; the area's want of indicator figures for the year is said (s72)
    assert [s.title for s in doc.sections] == ["Allocation", "Indicators: Western CSP"]
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
    folder.mkdir()
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
    # The title page, then the sections, each from a new page: the last, with a chart, is not a short section that
    # follows the one before (s75: the PDF takes the web page's rule, exchange.report_html.short_section; in s74 any
    # section of half a page followed)
    assert pages == 5
    text = pdf_text(out)
    assert text.count("\f") >= pages - 1
    first, *rest = text.split("\f")
    assert "Community Safety Partnership board" in first and "Contents" in first and "Page 1" not in first
    assert "Financial year 2016/17" in first
    for n, page in enumerate(rest[:pages - 1], start=2):
        assert f"Page {n} of {pages}" in page
    assert "589,608" in rest[1] and "-65,512" in rest[1]  # the allocation table's total row
    assert "3. DHR cost recovery" in rest[2] and "4. Performance indicators, April to November 2016" in rest[3]


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


@pytest.mark.parametrize("args, message, exit_code", [
    (["--year", "2016"], "financial year", 2),  # not a year at all: how the command is used
    (["--area", "Atlantis"], "no district, partnership or county", 1),  # a name the file does not hold: bad input
])
def test_report_command_refuses_bad_options(demo_path, tmp_path, args, message, exit_code):
    code, _, err = cli_output(["report", str(demo_path), str(tmp_path / "r.html"), *args])
    assert code == exit_code and message in err
    assert not (tmp_path / "r.html").exists()


def test_report_command_refuses_other_formats(demo_path, tmp_path):
    code, _, err = cli_output(["report", str(demo_path), str(tmp_path / "r.docx")])
    assert code == 2 and ".pdf or .html" in err  # a usage error, as screenshot's .png


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


LIGATURES = ("\ufb00", "\ufb01", "\ufb02", "\ufb03", "\ufb04")  # ﬀ ﬁ ﬂ ﬃ ﬄ


def ligature_document():
    doc = sample_document()
    doc.title = "Safer Suffolk office: fifty flows"
    doc.sections[1].paragraphs.append("Suffolk Coastal and the official figures, affirmed by the office.")
    doc.sections[1].tables[0].rows.append(["Suffolk Coastal office", "1", "2", "3", "4", "5"])
    doc.sections[1].charts[0].title = "Suffolk offices: fifty flows"
    doc.sections[1].charts[0].series[1].name = "Official figures"
    return doc


def test_pdf_text_extracts_without_ligatures(qapp, tmp_path):
    """pdftotext (what a copy, a search or a screen reader gets) reads "Suffolk", not "Suﬀolk"."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    write_pdf(ligature_document(), tmp_path / "board.pdf")
    text = pdf_text(tmp_path / "board.pdf")
    assert not [c for c in LIGATURES if c in text], text
    for words in ("Safer Suffolk office: fifty flows",  # title page (painter), header
                  "Suffolk Coastal and the official figures, affirmed by the office.",  # a paragraph
                  "Suffolk Coastal office",  # a table cell
                  "Suffolk offices: fifty flows", "Official figures"):  # a chart's title and legend
        assert words in text


def test_pdf_charts_are_vectors_with_their_words_as_text(qapp):
    from safer_desk.ui.exchange.report_pdf import render_pdf

    data, _ = render_pdf(sample_document())
    assert b"/Subtype /Image" not in data  # no picture anywhere: every chart is drawn
    assert len(data) < 150_000  # three charts, four tables and two fonts


def test_pdf_chart_words_are_in_the_text(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    write_pdf(sample_document(), tmp_path / "board.pdf")
    text = pdf_text(tmp_path / "board.pdf")
    for words in ("Hate incidents: cumulative against target", "Incidents", "2015/16", "Apr-18", "Spend to date",
                  "Allocation against last year", "Suffolk Coastal"):
        assert words in text


def test_split_chart_svg_hands_the_words_to_the_painter():
    from safer_desk.ui.exchange.report_pdf import split_chart_svg

    chart = sample_document().sections[3].charts[0]
    shapes, words = split_chart_svg(chart_svg(chart, 680, 290, show_title=True))
    assert b"<text" not in shapes and ET.fromstring(shapes).tag == f"{SVG}svg"
    by_text = {w.text: w for w in words}
    title = by_text["Hate incidents: cumulative against target"]
    assert title.bold and title.size == 13 and title.anchor == "start"
    assert by_text["Incidents"].rotate is not None and by_text["Incidents"].rotate[0] == -90
    assert by_text["Apr"].anchor == "middle" and by_text["0"].anchor == "end"
    assert {"Target", "2016/17", "2015/16"} <= set(by_text)


def test_every_paragraph_is_in_the_pdf_once(qapp, tmp_path):
    """Qt draws the last line before a page break again, clipped, on the next page; that text must not
    reach the PDF twice (paragraphs a break would split start on the next page)."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    doc = sample_document()
    doc.sections = [ReportSection("Many paragraphs", paragraphs=[
        f"Paragraph {n}: " + "the partnership's figures for the year, set out for the board. " * (1 + n % 4)
        for n in range(1, 121)])]
    pages = write_pdf(doc, tmp_path / "long.pdf")
    text = pdf_text(tmp_path / "long.pdf")
    assert pages >= 4
    for n in range(1, 121):
        assert len(re.findall(rf"Paragraph {n}:", text)) == 1, n
    assert text.count("board.") == sum(1 + n % 4 for n in range(1, 121))  # every sentence once (lines wrap)


def test_every_chart_is_drawn_once(qapp, tmp_path):
    """A chart at the foot of a page is not drawn again (clipped away) at the top of the next."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    chart = sample_document().sections[1].charts[0]
    doc = sample_document()
    doc.sections = [ReportSection("Charts", paragraphs=["Some text first, so charts meet page ends unevenly."] * 3,
                                  charts=[ReportChart(f"Chart number {n}", chart.categories, chart.series)
                                          for n in range(1, 11)])]
    pages = write_pdf(doc, tmp_path / "charts.pdf")
    text = pdf_text(tmp_path / "charts.pdf")
    assert pages >= 4
    for n in range(1, 11):
        assert len(re.findall(rf"Chart number {n}\b", text)) == 1, n


def test_pdf_title_page_lists_the_page_each_section_starts_on(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import write_pdf

    doc = sample_document()
    doc.sections.insert(1, ReportSection("A long section", paragraphs=[f"Line {n} of the long section."
                                                                       for n in range(150)]))
    write_pdf(doc, tmp_path / "board.pdf")
    first, *pages = pdf_text(tmp_path / "board.pdf").split("\f")
    for number, section in enumerate(doc.sections, start=1):
        listed = re.search(rf"{number}\.\s+{re.escape(section.title)}\s+(\d+)", first)
        assert listed, section.title
        page = int(listed.group(1))
        assert f"{number}. {section.title}" in pages[page - 2]  # pages[0] is page 2


def test_pdf_says_its_title_author_and_language(qapp, tmp_path):
    from safer_desk.ui.exchange.report_pdf import check_pdf, pdf_page_count, write_pdf

    out = tmp_path / "board.pdf"
    pages = write_pdf(sample_document(), out)
    data = out.read_bytes()
    # The language and "show the title" are added to the catalog as an incremental update: its cross-
    # reference points at the new catalog, and the trailer at the update's cross-reference.
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    assert data[start:start + 4] == b"xref"
    root = re.findall(rb"/Root (\d+) 0 R", data)[-1]
    offset = int(re.search(rb"\n%s 1\n(\d{10}) 00000 n" % root, data[start:]).group(1))
    catalog = data[offset:data.index(b"endobj", offset)]
    assert catalog.startswith(root + b" 0 obj") and b"/Type /Catalog" in catalog
    assert b"/Lang (en-GB)" in catalog and b"/DisplayDocTitle true" in catalog
    assert b'pdfaid:part="1"' in data and pdf_page_count(data) == pages
    check_pdf(data, pages)
    if shutil.which("pdfinfo") is None:
        pytest.skip("pdfinfo (poppler-utils) is not installed")
    info = subprocess.run(["pdfinfo", str(out)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"Title:\s+Community Safety Partnership board report — All areas · 2016/17", info)
    assert re.search(r"Author:\s+Suffolk county team", info) or "Author:" not in info  # Qt 6.9 writes it
    assert re.search(r"Creator:\s+Safer Desk", info) and re.search(rf"Pages:\s+{pages}\b", info)


def test_catalog_entries_leave_a_pdf_they_do_not_understand_alone():
    from safer_desk.ui.exchange.report_pdf import with_catalog_entries

    odd = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages << /Kids [] >> >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
    assert with_catalog_entries(odd, {"/Lang": "(en-GB)"}) == odd


def test_the_example_report_is_sized_for_email(demo_store, tmp_path):
    """The dialog's default report (all years, all areas) of the example file: well under 2 MB."""
    from safer_desk.ui.exchange.report_pdf import write_pdf

    out = tmp_path / "board.pdf"
    pages = write_pdf(build_report(demo_store), out)
    assert pages > 50 and out.stat().st_size < 2_000_000


def test_the_full_2025_report_is_sized_for_email(demo_store, tmp_path):
    """The biggest realistic report: the example file with a year of Suffolk's police.uk data, 2025/26."""
    from tests.conftest import shared_data

    suffolk = shared_data("police-uk", "suffolk-2025")
    from safer_desk.services.police_import import import_police_files
    from safer_desk.ui.exchange.report_pdf import write_pdf

    import_police_files(demo_store, [suffolk])
    out = tmp_path / "board.pdf"
    pages = write_pdf(build_report(demo_store, year="2025/26"), out)
    assert pages > 40 and out.stat().st_size < 2_000_000  # 50 since its indicator sentences say no row again (s73)
    text = pdf_text(out)
    assert "Indicators: Suffolk" in text and not [c for c in LIGATURES if c in text]


class _Outline(HTMLParser):
    """The accessibility-relevant structure of an HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.ids: set[str] = set()
        self.empty_headers = 0
        self._open_th = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.tags.append((tag, attributes))
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "th":
            self._open_th = ""

    def handle_data(self, data):
        if self._open_th is not None:
            self._open_th += data

    def handle_endtag(self, tag):
        if tag == "th":
            self.empty_headers += not self._open_th.strip()
            self._open_th = None

    def all(self, tag: str) -> list[dict]:
        return [a for t, a in self.tags if t == tag]


def test_html_report_is_the_accessible_one():
    doc = sample_document()
    outline = _Outline()
    outline.feed(render_html(doc))
    assert outline.all("html")[0]["lang"] == "en-GB"
    assert len(outline.all("h1")) == 1 and len(outline.all("main")) == 1 and outline.all("nav")
    # The contents link to the sections.
    links = [a["href"] for a in outline.all("a")]
    assert links == [f"#section-{n}" for n in range(1, len(doc.sections) + 1)]
    assert all(link[1:] in outline.ids for link in links)
    # Every table has a name and column headers; no header cell is empty.
    tables = outline.all("table")
    assert len(tables) == sum(len(s.tables) + len(s.charts) for s in doc.sections)
    for table in tables:
        assert table.get("aria-label") or table.get("aria-labelledby") in outline.ids
    assert {a.get("scope") for a in outline.all("th")} <= {"col", "row"} and outline.empty_headers == 0
    # Every chart is an image named by its title.
    for svg in outline.all("svg"):
        assert svg["role"] == "img" and svg["aria-label"]
    assert len(outline.all("title")) == 1 + len(outline.all("svg"))  # the page's, then one per chart


def test_a_long_title_in_the_running_header_is_shortened_before_the_date(qapp):
    """A 680-character title ran through the date at the top right of every page and off the paper."""
    from dataclasses import replace

    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF, QImage, QPainter

    from safer_desk.ui.exchange.report_pdf import _header

    class Recording(QPainter):
        def __init__(self, device):
            super().__init__(device)
            self.texts = []

        def drawText(self, point, text):  # noqa: N802 (Qt's name)
            self.texts.append((point.x(), text, QFontMetricsF(self.font()).horizontalAdvance(text)))
            super().drawText(point, text)

    image = QImage(800, 100, QImage.Format.Format_ARGB32)
    page = QRectF(40, 0, 700, 100)
    for title, whole in (("Community Safety " * 40, False), ("Board report", True)):
        painter = Recording(image)
        _header(painter, replace(sample_document(), title=title), page)
        painter.end()
        (left_x, left, left_w), (date_x, date, _) = painter.texts
        assert date == sample_document().prepared_on and left_x + left_w < date_x - 8
        assert left.startswith(title[:20]) and ("…" in left) != whole
        assert left.endswith(f" — {sample_document().subtitle}")  # s70: the title gives up room, not the area


@pytest.mark.parametrize("typed, why", [("31/02/2019", "February 2019 has 28 days"),
                                        ("next Tuesday", "use a form like 01/04/2018")])
def test_a_meeting_date_that_is_not_one_says_why(typed, why):
    # "Meeting date '31/02/2019' is not a date: write it like 20/09/2018", of a date written just so.
    from safer_desk.services.report import ReportError, report_choices

    with pytest.raises(ReportError) as refused:
        report_choices(None, typed)
    assert str(refused.value).startswith("Meeting date: ") and why in str(refused.value)
    assert report_choices(None, "1/4/19 10:00") == (None, "01/04/2019")
