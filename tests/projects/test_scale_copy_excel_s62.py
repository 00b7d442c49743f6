"""Round 62: Commissioning's rows copied into Excel with a pilot scaled to 1/3.

Copy gave Excel the scale as "1/3", which Excel (and LibreOffice) reads as a date: pasted, the young offenders'
pilot showed 01-Mar (and 1/2, half a post, 01-Feb), beside a Committed figure that no longer matched anything on
the sheet. A fraction is now copied as Excel's own way of typing one ("0 1/3": shown as 1/3, and a number the sheet
can multiply by); months, an amount and "in full" are copied as shown, as before.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.projects import Scale

YOUNG_OFFENDERS = "Supported accommodation for young offenders."  # 1/3 in the example's saved scenario (seed 000)


@pytest.mark.parametrize("scale, copied", [
    (Scale(1, 3), "0 1/3"), (Scale(2, 4), "0 1/2"), (Scale(3, 2), "1 1/2"),
    (Scale(6, 12, months=True), "6 of 12 months"), (Scale(), "in full"), (Scale(0, 1), "none"),
    (Scale(amount_pence=3_500_000), "£35,000"),
])
def test_a_scale_is_copied_as_excel_reads_it(scale, copied):
    from safer_desk.ui.projects.scenario_models import scale_for_excel

    assert scale_for_excel(scale) == copied


def test_the_pilot_copied_from_the_page_is_not_a_date_in_excel(demo_window, qtbot):
    demo_window.resize(1280, 800)
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    page.view.selectAll()
    page.view.setFocus()
    QGuiApplication.clipboard().setText("(before)")
    qtbot.keyClick(page.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    rows = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
    scale, title, committed = (rows[0].index(h) for h in ("Scale", "Project / initiative", "Committed"))
    pilot = next(r for r in rows if r[title] == YOUNG_OFFENDERS)
    assert (pilot[scale], pilot[committed]) == ("0 1/3", "35000")
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 2).data() == YOUNG_OFFENDERS)
    assert page.proxy.index(row, page.model.SCALE).data() == "1/3"  # the page still shows it as the paper writes it
