"""Session 74: a plan of four sections printed its heading row "Section 4:" at the foot of page 4 and the section's
lines on page 5, the heading apart from the rows it names (and a line's "actual:" row could go over apart from its
line the same way). A plan's section heading and a linked line now stand on a page with the row after them, in the
PDF, and the web page asks a browser's print to keep them so."""

from __future__ import annotations

import pytest

from safer_desk.services.report_model import ReportSection, ReportTable
from tests.exchange.report_samples import sample_document
from tests.exchange.test_report_html_print_breaks_s70 import _declared
from tests.exchange.test_report_pdf_total_row_alone_s68 import row_pages


def plan_document(per_section: int):
    rows, keep = [], []
    for s in range(1, 5):
        keep.append(len(rows))
        rows.append([f"Section {s}:", "", "", ""])
        rows += [[f"  Line {s}-{n}", "£1,000", "£2,000", "£3,000"] for n in range(per_section)]
        rows.append([f"Section {s}: subtotal", f"£{per_section},000", "", ""])
    doc = sample_document()
    doc.sections = [ReportSection("Budgets and plans", paragraphs=["Each plan as its paper sets it out."],
                                  tables=[ReportTable("A plan of four sections", ["", "2017/18", "2018/19", "2019/20"],
                                                      rows, ["l", "r", "r", "r"], note="Amounts in £.",
                                                      keep_with_next=tuple(keep))])]
    return doc, keep


@pytest.mark.timeout(300)
def test_a_plans_section_heading_never_ends_a_page(qapp):
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section

    apart, broken = [], 0
    for per_section in range(8, 26):
        doc, keep = plan_document(per_section)
        buffer = QBuffer()
        assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        writer = _writer(buffer, doc)
        page = QRectF(writer.pageLayout().paintRectPixels(DPI))
        layout = layout_section(doc.sections[0], 1, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
        pages = row_pages(layout)
        broken += pages[-1] > pages[0]
        apart += [(per_section, k) for k in keep if pages[k] != pages[k + 1]]
    assert broken
    assert apart == []


def test_the_plans_table_marks_its_headings_and_linked_lines(demo_store):
    from safer_desk.services import budgets
    from safer_desk.services.demo_data import budgets as demo
    from safer_desk.services.report_sections.budgets import plan_table

    mtfp = plan_table(budgets.plan_view(demo_store, budgets.plan_id_by_name(demo_store, demo.MTFP)))
    assert [mtfp.rows[k][0] for k in mtfp.keep_with_next] == [
        "Community Safety:", "Income and grants:", "Savings:", "Drugs and alcohol:"]
    wscsp = plan_table(budgets.plan_view(demo_store, budgets.plan_id_by_name(demo_store, demo.IMPLICATIONS)))
    kept = [wscsp.rows[k][0].strip() for k in wscsp.keep_with_next]
    assert kept == ["Domestic Homicide Reviews (DHRs)", "Target Hardening for High Risk DV Victims"]
    assert all(wscsp.rows[k + 1][0].startswith("    actual:") for k in wscsp.keep_with_next)


def test_the_web_page_keeps_a_kept_row_with_the_next():
    from safer_desk.exchange.report_html import render_html

    doc, _ = plan_document(3)
    page = render_html(doc)
    assert '<tr class="keep">' in page
    assert _declared("tr.keep", "break-after") == "avoid"
    assert _declared("tr.keep", "page-break-after") == "avoid"
