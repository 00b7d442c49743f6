"""Session 61: Compare scenarios across the 2019 merger at 1093x582 scrolled West Suffolk CSP and the Totals row out
of sight.

2009/10's Option 2 (five partnerships) against 2019/20 after the merger (four, two of them new): seven partnerships
and the Totals, under the row choosing the two scenarios and over the two lines naming the partnerships one scenario
has alone. The inputs above were at their least, so the table had six rows' room for eight. The two scenarios are
chosen in the row of the pages' tabs now (with the Compare page only), and every row is in sight.
"""

from __future__ import annotations

import pytest

from tests.allocation.test_compare_in_view_s60 import _compared_in_sight
from tests.allocation.test_report_csp_names_s60 import save_after_the_merger
from tests.allocation.test_results_in_view_round38nhd import _in_sight, _settle
from tests.window_sizes import LAPTOP_SIZES, SIZE_IDS, resize_window

BOTH = ["Babergh CSP", "Ipswich CSP", "Waveney CSP", "Suffolk Coastal CSP", "Western CSP", "East Suffolk CSP",
        "West Suffolk CSP", "Total"]


def choose(combo, words: str) -> None:
    combo.setCurrentIndex(next(i for i in range(combo.count()) if words in combo.itemText(i)))


@pytest.mark.parametrize("size", LAPTOP_SIZES, ids=SIZE_IDS)
def test_the_scenarios_compared_across_the_merger_are_all_in_sight_with_the_totals(demo_window, size):
    save_after_the_merger(demo_window.session.store)
    tab = demo_window.show_tab("allocation")
    resize_window(demo_window, size)
    tab.pages.setCurrentIndex(tab.pages.indexOf(tab.compare_view.parentWidget()))
    _settle()
    choose(tab.compare_first, "updated crime figures")
    choose(tab.compare_second, "After the merger")
    _settle()
    assert _compared_in_sight(tab) == BOTH
    assert "Only in the first" in tab.compare_note.text() and _in_sight(tab.compare_note, tab.compare_note.rect())
    for combo in (tab.compare_first, tab.compare_second):  # chosen in sight, the whole title in its tip
        assert _in_sight(combo, combo.rect()) and combo.toolTip() == combo.currentText()
    assert tab.pages.tabBar().width() >= tab.pages.tabBar().sizeHint().width()  # every page's tab whole
    tab.pages.setCurrentIndex(0)  # the Results: the scenarios to compare are the Compare page's
    _settle()
    assert not tab.compare_first.isVisible()
