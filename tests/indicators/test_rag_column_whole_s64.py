"""S64 (left): at 1093x582 the summary's RAG words are whole.

East Sussex's 2014/15 targets read "○ No figure r…" and "○ Target to b…" in the RAG column, capped at 104 pixels so
that RAG to Target fit a laptop. Every grey state has the same symbol and tint, so the word is all that tells
"No figure recorded" from "Target to be confirmed" (nothing said by colour alone). The RAG column now fits its
longest word, taking the room from the indicator names (cut short as before), so RAG to Target still fit.
"""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear
from tests.window_sizes import columns_out_of_view, resize_window

KEY_COLUMNS = ["RAG", "Indicator", "Year to date", "Change", "Target"]
CELL_PAD = 16  # the kit's cell margins (ui.kit.table_view.CELL_PAD)


def _cut_rag_words(tab) -> list[str]:
    view, proxy = tab.summary_view, tab.summary_proxy
    rag = tab.summary_model.column_index("rag")
    metrics = view.fontMetrics()
    return [text for r in range(proxy.rowCount())
            if metrics.horizontalAdvance(text := proxy.index(r, rag).data()) + CELL_PAD > view.columnWidth(rag)]


def test_long_rag_words_are_whole_and_the_key_columns_still_fit(demo_window):
    resize_window(demo_window, (1093, 582))
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("county:east-sussex") and tab.select_year(FinancialYear(2014))
    words = {tab.summary_proxy.index(r, 0).data() for r in range(tab.summary_proxy.rowCount())}
    assert {"○ No figure recorded", "○ Target to be confirmed"} <= words
    assert _cut_rag_words(tab) == []
    assert columns_out_of_view(tab.summary_view, KEY_COLUMNS) == []
    # a year of short words keeps the names' room as before
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))
    assert _cut_rag_words(tab) == []
    assert tab.summary_view.columnWidth(tab.summary_model.column_index("name")) >= 160  # 168 at most, as before
