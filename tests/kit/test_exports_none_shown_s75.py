"""s75: the register's Export… says, when a search hides every row, the words the grid says (``Shown.saved_to``).
The Indicators and DHR ledger exports (and the History of Changes') still built "Saved 0 of 11 partners (as filtered:
search “zzzz”) to X." themselves: "Saved 0 of …" read as a file of nothing saved by mistake. They now use the kit's
``saved_to``: the empty table's own words, then what the file holds (the indicators' headings only; the ledger's
totals line saying none is shown) and how to export the rows."""

from __future__ import annotations

import csv

from safer_desk.domain.periods import FinancialYear
from safer_desk.ui.kit.exports import Shown
from tests.kit.test_exports_round25 import ledger  # noqa: F401 (the Costs tab's ledger on the example)


def test_saved_to_words_a_file_with_a_totals_line():
    none = Shown(0, 11, "partner", filters="search “zzzz”")
    assert none.saved_to("ledger.csv", totals_line=True) == (
        "None shown (of 11 partners, as filtered: search “zzzz”): ledger.csv holds no partner, only its totals line "
        "saying so. Clear the search and filters to export the partners.")
    assert Shown(5, 11, "partner", filters="search “c”").saved_to("x.csv", totals_line=True) == (
        "Saved 5 of 11 partners (as filtered: search “c”) to x.csv.")


def test_the_ledger_export_of_no_partner_says_it_as_the_grid(ledger, qtbot, tmp_path, prompts):  # noqa: F811
    ledger.search.setFocus()
    qtbot.keyClicks(ledger.search, "zzzz")
    qtbot.waitUntil(lambda: not ledger.partners.proxy.source_rows())
    out = ledger.export(str(tmp_path / "ledger.csv"))
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[-1][0] == "None shown (of 11 partners)"
    assert prompts.infos == [("Export", f"None shown (of 11 partners, as filtered: search “zzzz”): {out} holds no "
                                        "partner, only its totals line saying so. Clear the search and filters to "
                                        "export the partners.")]
    prompts.infos.clear()
    book = ledger.export(str(tmp_path / "ledger.xlsx"))
    said = prompts.infos[0][1]
    assert said.startswith("None shown (of 11 partners, as filtered: search “zzzz”): ") and "Saved 0" not in said
    assert said.endswith(f"export the partners. Saved 4 cases to {book}."), said  # the search is the partners'


def test_the_indicators_export_of_no_indicator_says_it_as_the_grid(demo_window, tmp_path, prompts):
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016))
    every = tab.summary_proxy.rowCount()
    tab.summary_proxy.set_column_filter(1, "zzzz")
    assert not tab.summary_proxy.source_rows()
    target = tmp_path / "indicators.csv"
    prompts.file_names.append(str(target))
    tab.export_summary()
    heading = tab.summary_model.columns[1].header
    assert prompts.infos == [("Export", f"None shown (of {every} indicators, as filtered: {heading} “zzzz”): {target} "
                                        "holds the headings only, no indicator. Clear the search and filters to export "
                                        "the indicators.")]
    assert len(list(csv.reader(target.open(encoding="utf-8-sig")))) == 1
