"""S73 (kitb): under a search or filter, a kit table's totals line read "Total" while it added only the rows shown
(Costs > Reviews searched to 2 of the cases: "Total" over those 2; Pooled funds' Referrals filtered to one district:
"Total" over that district's referrals), and Copy put the same "Total" on the clipboard, so an officer pasting it into
a paper gave a part as the whole. The kit's totals line now says "Total of the 2 shown (of 4 rows)" (s74: as the
exports word it) whenever rows are hidden, in the window and in Copy, on every table using it; with nothing hidden it
reads "Total" as before."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from safer_desk.ui.costs.widgets import make_table, sum_row
from safer_desk.ui.kit.tables import RAW_ROLE, Column, money_column
from tests.clipboard import copied_with_ctrl_c
from tests.costs.test_search_choice_round22 import reviews_page

ROWS = [{"id": i, "name": name, "amount_pence": pence}
        for i, (name, pence) in enumerate([("Babergh", 10_000), ("Ipswich", 20_000), ("Ipswich North", 30_000),
                                           ("Waveney", 4_000)], 1)]


def _total_line(table) -> list[str]:
    shown = table.shown
    last = shown.rowCount() - 1
    return [shown.index(last, c).data() or "" for c in range(shown.columnCount())]


def _table(qtbot, *, large: bool = False):
    table = make_table([Column("name", "Name"), money_column("amount_pence", "Amount")], "Grants",
                       totals=sum_row("name", ["amount_pence"]), large=large)
    qtbot.addWidget(table.view)
    table.set_rows(ROWS)
    return table


def test_a_search_makes_the_total_line_say_of_how_many_shown(qtbot):
    table = _table(qtbot)
    assert _total_line(table) == ["Total", "£640"]
    table.proxy.set_search_text("ipswich")
    assert _total_line(table) == ["Total of the 2 shown (of 4 rows)", "£500"]
    tip = table.shown.index(table.shown.rowCount() - 1, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "The total of the 2 rows shown: a search or filter hides 2 more."
    assert copied_with_ctrl_c(qtbot, table.view)[-1] == ["Total of the 2 shown (of 4 rows)", "500"]
    table.proxy.set_search_text("")
    assert _total_line(table) == ["Total", "£640"]
    assert copied_with_ctrl_c(qtbot, table.view)[-1] == ["Total", "640"]


def test_a_large_table_filtered_in_python_says_so_too(qtbot):
    table = _table(qtbot, large=True)
    table.filter(lambda r: r["name"] != "Waveney")
    assert _total_line(table) == ["Total of the 3 shown (of 4 rows)", "£600"]
    assert copied_with_ctrl_c(qtbot, table.view)[-1] == ["Total of the 3 shown (of 4 rows)", "600"]
    table.set_rows([*ROWS, {"id": 5, "name": "Forest Heath", "amount_pence": 1}])  # read anew, the filter kept
    assert _total_line(table) == ["Total of the 4 shown (of 5 rows)", "£600.01"]
    table.filter(None)
    assert _total_line(table) == ["Total", "£640.01"]


def test_reviews_searched_say_the_total_is_of_the_cases_shown(demo_window, qtbot):
    page = reviews_page(demo_window, qtbot, date(2018, 9, 1))
    everything = len(page.cases.model.rows)
    assert _total_line(page.cases)[0] == "Total"
    page.search.setText("WSCSP-DHR-2017")
    page.refilter()
    shown = len(page.cases.source_rows())
    assert 0 < shown < everything
    assert _total_line(page.cases)[0] == f"Total of the {shown} shown (of {everything} cases)"
    said = f"Total of the {shown} shown (of {everything} cases)"
    assert copied_with_ctrl_c(qtbot, page.cases.view)[-1][0] == said


def test_referrals_of_one_district_say_the_total_is_of_those_shown(demo_window, qtbot, prompts):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.referrals.model.rowCount() > 0,
                    timeout=10000)
    everything = len(page.referrals.rows)
    page.district_filter.setCurrentIndex(page.district_filter.findText("Babergh"))
    shown = len(page.referrals.source_rows())
    assert 0 < shown < everything
    assert _total_line(page.referrals)[0] == f"Total of the {shown} shown (of {everything} referrals)"
    prompts.answers.append(True)  # the victim-level copy: Include it
    said = f"Total of the {shown} shown (of {everything} referrals)"
    assert copied_with_ctrl_c(qtbot, page.referrals.view)[-1][0] == said
    page.district_filter.setCurrentIndex(0)
    assert _total_line(page.referrals)[0] == "Total"


def test_referrals_copied_without_references_keep_the_total_lines_words(demo_window, qtbot, prompts):
    """Answered Leave it out, a copy of the Referrals drops the Reference column, the one saying "Total": the totals
    line pasted as bare figures, a part of the fund's spend with nothing to say it is a total, nor of how many. Its
    words now go in the line's first blank cell copied (under Referred: its figures keep their columns)."""
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.referrals.model.rowCount() > 0,
                    timeout=10000)
    pasted = copied_with_ctrl_c(qtbot, page.referrals.view)  # the question closed: Leave it out
    heading = pasted[0]
    assert "Reference" not in heading and heading[:2] == ["Spent", "Referred"]
    assert pasted[-1][:2] == ["2417", "Total"]  # the fund's £2,417
    page.district_filter.setCurrentIndex(page.district_filter.findText("Babergh"))
    shown = page.referrals.source_rows()
    pasted = copied_with_ctrl_c(qtbot, page.referrals.view)
    said = f"Total of the {len(shown)} shown (of {len(page.referrals.rows)} referrals)"
    assert len(pasted) == len(shown) + 2 and pasted[-1][:2] == ["205", said]
    referred = page.referrals.model.columns[page.referrals.model.column_index("referred_on")]
    assert [row[1] for row in pasted[1:-1]] == [referred.plain(r) for r in shown]  # the rows' own, untouched


def test_the_ledger_searched_says_so_in_the_window_in_ctrl_c_and_in_copy_ledger(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(1)
    page = tab.ledger
    qtbot.waitUntil(lambda: not tab.is_busy() and page.partners.model.rowCount() > 1, timeout=10000)
    everything = len(page.partners.rows)
    page.search.setText("council")
    shown = len(page.partners.source_rows())
    assert 0 < shown < everything
    assert _total_line(page.partners)[0] == f"Total of the {shown} shown (of {everything} partners)"
    said = f"Total of the {shown} shown (of {everything} partners)"
    assert copied_with_ctrl_c(qtbot, page.partners.view)[-1][0] == said
    assert f"Total of the {shown} shown (of {everything} partners)" in page.copy_all()  # the export's words


def test_the_total_stays_of_the_rows_shown_when_rows_change_under_a_search(qtbot):
    """A row edited, added or read anew while a search was on put the totals line back over every row, hidden ones
    too: "Ipswich" searched showed its 2 rows (£500) over a totals line of £650 once a hidden row was corrected."""
    table = _table(qtbot)
    table.proxy.set_search_text("ipswich")
    table.model.replace_row(0, {**ROWS[0], "amount_pence": 11_000})  # Babergh, hidden, corrected
    assert _total_line(table) == ["Total of the 2 shown (of 4 rows)", "£500"]
    table.model.replace_row(1, {**ROWS[1], "amount_pence": 21_000})  # Ipswich, shown
    assert _total_line(table) == ["Total of the 2 shown (of 4 rows)", "£510"]
    table.model.insert_row(0, {"id": 9, "name": "Ipswich South", "amount_pence": 100})
    assert _total_line(table) == ["Total of the 3 shown (of 5 rows)", "£511"]
    table.set_rows(ROWS)  # the file read anew (after a change, or an undo)
    assert _total_line(table) == ["Total of the 2 shown (of 4 rows)", "£500"]
    assert copied_with_ctrl_c(qtbot, table.view)[-1] == ["Total of the 2 shown (of 4 rows)", "500"]
    table.proxy.set_search_text("nobody")  # a search keeping nothing: a line saying so, no figures (s74)
    assert _total_line(table) == ["None shown (of 4 rows)", ""]
    table.set_rows(ROWS)
    assert _total_line(table) == ["None shown (of 4 rows)", ""]
    table.proxy.set_search_text("")
    assert _total_line(table) == ["Total", "£640"]


def test_the_ledger_read_anew_under_a_search_totals_the_partners_shown(demo_window, qtbot):
    """The ledger read anew (a payment recorded, an undo, another day chosen) while searched: its totals line went
    back to every partner's sums under the partners the search shows."""
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(1)
    page = tab.ledger
    qtbot.waitUntil(lambda: not tab.is_busy() and page.partners.model.rowCount() > 1, timeout=10000)
    page.search.setText("council")
    shown = page.partners.source_rows()
    page.refresh()
    assert page.is_busy()  # read off the window's thread
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert [p.partner for p in page.partners.source_rows()] == [p.partner for p in shown]
    proxy = page.partners.proxy
    column = page.partners.model.column_index("billed")
    assert _total_line(page.partners)[0] == f"Total of the {len(shown)} shown (of {len(page.partners.rows)} partners)"
    assert proxy.index(proxy.rowCount() - 1, column).data(RAW_ROLE) == sum(p.billed_pence for p in shown)
