"""Round 39 (cux): the Costs tab on a 1366x768 laptop at 150% (the window about 910x480), and at 1093x582 and 1280x690.

The Pooled funds page could be laid out no narrower than 1041 pixels: its row of buttons (962) and its ten figures,
five to a line (1017), were wider than the window. At 910x480 the tab scrolled sideways by 131 pixels, with More,
Export…, the district filter, the list of tables, the right-hand columns of the figures ("Spent", "Median per
victim") and the end of the sentence under them out of view; and once the page had been shown, the Reviews and Ledger
pages scrolled sideways too (a tab widget is as wide as its widest page). The figures go four to a line when five do
not fit, the fund's name gives up width (its list shows every name whole) and the window's label is shorter; a
short window keeps two rows of referrals in view, the sentence under the figures scrolling instead. On the Reviews page
the search box was squeezed to 28 pixels (nothing typed could be read): the reviews' name gives up width instead.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QApplication, QComboBox, QLabel, QLineEdit

from tests.window_sizes import column_titles, columns_out_of_view, resize_window, rows_in_view, widget_in_window

SIZES = [(910, 480), (1093, 582), (1280, 690)]
SIZE_IDS = ["1366x768@150%", "1366x768@125%", "1920x1080@150%"]
MONEY = ["Cost", "Net billed", "Paid", "Outstanding", "Shortfall", "Not yet billed", "Status"]
COLUMNS = {  # the columns that matter, in view without scrolling the table sideways
    "Cases": ["Reference", *MONEY],
    "Ledger per partner": ["Partner", "Outstanding", "Overdue", "Billed", "Paid", "Refused", "Written off",
                           "Refunded"],
    "Cost recovery per case": ["Case", *MONEY],
    "Referrals": ["Reference", "Eligibility", "Spent", "District", "Referred", "Risk", "MARAC", "IDVA",
                  "Perpetrator lives there", "Spend lines"],
}


def settle(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.is_busy(), timeout=20000)
    for _ in range(3):
        QApplication.processEvents()


def every_page_built(window, qtbot):
    """The three pages shown once each (as an officer moving about the tab): the funds page counts on the others."""
    window.resize(1280, 800)
    window.show()
    tab = window.show_tab("costs")
    for index in (2, 1, 0):
        tab.pages.setCurrentIndex(index)
        settle(window, qtbot)
    tab.funds.ensure_chart()
    return tab


def out_of_view(page, window) -> list[str]:
    """Each control of the page shown but not wholly inside the window, or a button narrower than its words."""
    out = []
    for w in page.findChildren(QAbstractButton) + page.findChildren(QComboBox) + page.findChildren(QLineEdit):
        if w.isVisible() and w.window() is window:
            name = w.text() if isinstance(w, QAbstractButton) else w.accessibleName()
            if not widget_in_window(w, window):
                out.append(name)
            elif isinstance(w, QAbstractButton) and w.width() < w.sizeHint().width():
                out.append(f"{name} (cut)")
            elif isinstance(w, QLineEdit) and w.width() < 10 * w.fontMetrics().averageCharWidth():
                out.append(f"{name} (too narrow to type in)")  # the search boxes were squeezed to 28 pixels
    for view in page.findChildren(QAbstractItemView):
        if view.isVisible() and view.window() is window and view.accessibleName() and not widget_in_window(view,
                                                                                                            window):
            out.append(view.accessibleName())
    return out


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
@pytest.mark.parametrize("index", range(3), ids=["reviews", "ledger", "funds"])
def test_each_costs_page_fits_the_laptop_window_without_a_sideways_scroll(demo_window, qtbot, size, index):
    tab = every_page_built(demo_window, qtbot)
    tab.pages.setCurrentIndex(index)
    resize_window(demo_window, size)
    settle(demo_window, qtbot)
    assert (demo_window.width(), demo_window.height()) == size
    area = demo_window.tabs.currentWidget()
    assert area.horizontalScrollBar().maximum() == 0, tab.minimumSizeHint()
    assert area.verticalScrollBar().maximum() == 0, tab.minimumSizeHint()  # nor up and down
    page = (tab.reviews, tab.ledger, tab.funds)[index]
    assert out_of_view(page, demo_window) == []
    for view in page.findChildren(QAbstractItemView):
        if view.isVisible() and view.accessibleName() in COLUMNS:
            wanted = COLUMNS[view.accessibleName()]
            if size == SIZES[0] and view.accessibleName() == "Referrals":  # beside the chart: the last two scrolled to
                wanted, last = wanted[:-2], wanted[-2:]
                bar = view.horizontalScrollBar()
                bar.setValue(bar.maximum())
                header, titles = view.horizontalHeader(), column_titles(view)
                assert all(0 <= header.sectionViewportPosition(titles[t]) and header.sectionViewportPosition(titles[t])
                           + header.sectionSize(titles[t]) <= view.viewport().width() for t in last)
            assert columns_out_of_view(view, wanted) == [], view.accessibleName()
    if page is tab.funds:  # a few referrals in view, not only their headings
        assert rows_in_view(tab.funds.referrals.view) >= 2


@pytest.mark.parametrize("size", SIZES, ids=SIZE_IDS)
def test_every_figure_of_the_fund_and_its_sentence_are_in_view(demo_window, qtbot, size):
    tab = every_page_built(demo_window, qtbot)
    tab.pages.setCurrentIndex(2)
    resize_window(demo_window, size)
    settle(demo_window, qtbot)
    page = tab.funds
    labels = [lab for lab in page.findChildren(QLabel) if lab.isVisible() and lab.text()]
    names = [lab.text() for lab in labels if not widget_in_window(lab, demo_window)]
    assert names == []
    for value in page.figure_labels.values():  # each value whole: as wide as its words, or wrapped within its room
        assert value.width() >= min(value.sizeHint().width(), value.minimumSizeHint().width()), value.text()
    sentence, box = page.sentence, page.sentence_box
    whole = sentence.heightForWidth(box.viewport().width())
    assert sentence.text().startswith("Suffolk Target Hardening Pilot (period ended")
    # whole, or two lines at the least with the rest scrolled to: never cut to nothing
    assert box.viewport().height() >= min(whole, 2 * sentence.fontMetrics().lineSpacing())
    assert box.viewport().height() >= whole or box.verticalScrollBar().maximum() > 0
    if size != SIZES[0]:  # with the room, whole
        assert box.viewport().height() >= whole
