"""S76 (board report PDF): the plan table of Western Suffolk CSP (seed 002's financial implications) printed its
year headings run together, "2018/19 2019/20" (pdftotext -layout read them as one cell at A4): the 2019/20 column
holds only "N/K", so it was given no more room than its heading, right-aligned against 2018/19's. Every column
whose heading is one word (a year, "Total") now has room for its heading and an em's gap beside it, taken from the
page's spare width, so that headings set right against each other read apart."""

from __future__ import annotations

import pytest


def _widths(table, writer):
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QFontMetricsF

    from safer_desk.ui.exchange.report_pdf import DPI, report_font, table_layout

    width = QRectF(writer.pageLayout().paintRectPixels(DPI)).width()
    size, percent = table_layout(table, width, writer)
    bold = QFontMetricsF(report_font(size, True), writer)
    return [width * p / 100 for p in percent], bold


@pytest.mark.timeout(120)
def test_the_plan_s_year_headings_have_an_em_between_them(qapp, demo_store):
    from PySide6.QtCore import QBuffer, QIODevice

    from safer_desk.services import budgets
    from safer_desk.services.demo_data import budgets as demo
    from safer_desk.services.report_sections.budgets import plan_table
    from safer_desk.ui.exchange.report_pdf import _writer
    from tests.exchange.report_samples import sample_document

    table = plan_table(budgets.plan_view(demo_store, budgets.plan_id_by_name(demo_store, demo.IMPLICATIONS)))
    assert table.header[1:] == ["2017/18", "2018/19", "2019/20", "Total"]
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    widths, bold = _widths(table, _writer(buffer, sample_document()))
    em = bold.horizontalAdvance("M")
    # A column's cell padding and border take 12 px: what is left beside the heading is the gap to the next one.
    short = {h: round(w - 12 - bold.horizontalAdvance(h), 1) for h, w in zip(table.header[1:], widths[1:])
             if w - 12 - bold.horizontalAdvance(h) < em}
    assert short == {}, f"headings with less than an em ({em:.1f} px) beside them: {short}"
