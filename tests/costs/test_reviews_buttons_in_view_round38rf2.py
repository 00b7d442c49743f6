"""Round 38 (rf2): the Reviews page's row of buttons, Refund… among them, whole and in view at the laptop sizes.

Refund… joined the row beside Payment… (schema step 28). At 1093×582 (a 1366×768 laptop at 125%) and 1280×690 (a
1920×1080 screen at 150%) each button is shown whole (as wide as its words need) inside the window, with Refund…
usable on a partner that overpaid; the window is the size asked for (a row too wide would have made it wider); and no
two of the page's controls answer the same Alt key.
"""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QTabBar

from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window, widget_in_window

TODAY = date(2026, 12, 1)
BABERGH = "org:babergh-district-council"


def _overpaid_page(window, qtbot):
    from tests.costs.test_refunds_round38 import bill_again_below_what_five_paid
    from tests.costs.test_search_choice_round22 import reviews_page

    page = reviews_page(window, qtbot, TODAY)
    case = bill_again_below_what_five_paid(page.store)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.select_case(case)
    page.details.setCurrentIndex(2)
    assert page.shares.select_where(lambda s: s.organisation_id == BABERGH and s.paid_pence)
    return page


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_every_button_of_the_row_is_whole_and_in_view(demo_window, qtbot, size):
    page = _overpaid_page(demo_window, qtbot)
    demo_window.show_tab("costs").pages.setCurrentIndex(0)  # Reviews
    resize_window(demo_window, size)
    assert (demo_window.width(), demo_window.height()) == size
    assert page.refund_button.isEnabled()
    buttons = [*page.edit_buttons, page.more]
    assert "Refund excess…" in [b.text().replace("&", "") for b in buttons]  # Alt+X since round 39
    out = [b.text() for b in buttons if not widget_in_window(b, demo_window)]
    cut = [b.text() for b in buttons if b.width() < b.sizeHint().width()]
    assert out == [] and cut == []


def test_the_pages_alt_keys_are_each_one_control_s(demo_window, qtbot):
    page = _overpaid_page(demo_window, qtbot)
    resize_window(demo_window, LAPTOP_SIZES[0])
    QApplication.processEvents()
    keys: dict[str, list[str]] = {}
    for w in [*page.findChildren(QAbstractButton), *page.findChildren(QLabel)]:
        if not w.isVisible():
            continue
        if (m := re.search(r"&([^&])", w.text().replace("&&", ""))):
            keys.setdefault(m.group(1).lower(), []).append(w.text())
    # the menu bar's and the tabs' own keys (the window's, the Costs pages', the review's details), which the page's
    # controls must not take
    others = [a.text() for a in demo_window.menuBar().actions()]
    bars = [bar for bar in demo_window.findChildren(QTabBar) if bar.isVisible()]
    others += [bar.tabText(i) for bar in bars for i in range(bar.count())]
    assert "&Costs" in others and "&1 Stages" in others
    for text in others:
        if (m := re.search(r"&([^&])", text.replace("&&", ""))):
            keys.setdefault(m.group(1).lower(), []).append(text)
    assert {k: v for k, v in keys.items() if len(v) > 1} == {}
