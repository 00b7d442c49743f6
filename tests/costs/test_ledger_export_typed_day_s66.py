"""Costs > Ledger: a day typed in As at, then Export ledger… or Copy ledger clicked, gave today's figures.

Session 66's hunt. An officer preparing the board paper's "DHR costs per partner as at 20 June" typed 20/06/2018 in
*As at* and clicked *Export ledger…* straight away. Leaving the field began reading the ledger as at that day, but the
export did not wait for it: the CSV held today's figures (every payment since counted) and "Saved 11 partners …"
said nothing of the day, while the field then showed 20/06/2018. Copy ledger did the same. A day typed and not yet
read is now read before anything leaves the page, so the export and the copy are as at the day the field shows; a
day the field refuses (after today) exports nothing and is said beside the field.
"""

from __future__ import annotations

import csv
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from safer_desk.domain.money import format_pounds_plain
from safer_desk.services import dhr

TODAY = date(2026, 12, 1)
DAY = date(2018, 6, 20)  # the example's invoices are of 15/06/2018; payments came later


def ledger(demo_window, qtbot):
    demo_window.resize(1093, 582)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    tab.reviews.today = TODAY
    page = tab.ledger
    page.today = TODAY
    tab.pages.setCurrentIndex(1)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    return page


def type_day(qtbot, page, text):
    page.as_at.edit.setFocus()
    page.as_at.edit.selectAll()
    qtbot.keyClicks(page.as_at.edit, text)


def click(qtbot, page, words):
    qtbot.mouseClick(next(b for b in page.findChildren(QPushButton) if words in b.text()), Qt.MouseButton.LeftButton)


def outstanding_as_at(store, day):
    return {row.partner: format_pounds_plain(row.outstanding_pence)
            for row in dhr.partner_ledger(store, today=day, as_at=day)}


def test_export_straight_after_typing_the_day_is_as_at_that_day(demo_window, qtbot, tmp_path, prompts):
    page = ledger(demo_window, qtbot)
    wanted = outstanding_as_at(demo_window.session.store, DAY)
    assert wanted != outstanding_as_at(demo_window.session.store, TODAY)  # the day makes a difference
    type_day(qtbot, page, "20/06/2018")
    out = tmp_path / "ledger.csv"
    prompts.file_names.append(str(out))
    click(qtbot, page, "xport ledger")
    with out.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert {r["Partner"]: r["Outstanding"] for r in rows if r["Partner"] != "Total"} == wanted
    assert page.as_at.edit.text() == "20/06/2018"


def test_copy_straight_after_typing_the_day_is_as_at_that_day(demo_window, qtbot):
    page = ledger(demo_window, qtbot)
    type_day(qtbot, page, "20/06/2018")
    click(qtbot, page, "Cop")  # Cop&y ledger
    copied = QApplication.clipboard().text()
    assert copied.splitlines()[0] == "DHR ledger per partner as at 20/06/2018", copied[:200]


def test_a_day_after_today_typed_exports_nothing(demo_window, qtbot, tmp_path, prompts):
    page = ledger(demo_window, qtbot)
    type_day(qtbot, page, "01/01/2027")
    out = tmp_path / "ledger.csv"
    prompts.file_names.append(str(out))
    assert page.export() is None
    assert not out.exists() and "after today" in page.as_at_label.text()
