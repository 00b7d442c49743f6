"""S74 (kit): under a search or filter the window's totals line said "Total of 2 shown" while Export and Copy Table
said "Total of the 2 shown (of 11 partners)": two wordings for one line. One function
(``domain.text.shown_total_label``) now words it for the window, Ctrl+C, screen readers and the exports. A filter
hiding every row left an empty table (or, on the ledger, a totals line of £0.00 that read as real figures) and an
export of bare zeros: the line now says "None shown (of 11 partners)", its figures blank, in all of them."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.domain.text import shown_total_label
from safer_desk.ui.costs.widgets import make_table, sum_row
from safer_desk.ui.kit.exports import shown_rows
from safer_desk.ui.kit.tables import RAW_ROLE, Column, money_column
from tests.clipboard import copied_with_ctrl_c

ROWS = [{"id": i, "name": name, "amount_pence": pence}
        for i, (name, pence) in enumerate([("Babergh", 10_000), ("Ipswich", 20_000), ("Ipswich North", 30_000),
                                           ("Waveney", 4_000)], 1)]


def _line(table, role=Qt.ItemDataRole.DisplayRole) -> list:
    shown = table.shown
    last = shown.rowCount() - 1
    return [shown.index(last, c).data(role) or "" for c in range(shown.columnCount())]


def _table(qtbot, *, large: bool = False, noun: str | None = None):
    kw = {"noun": noun} if noun else {}
    table = make_table([Column("name", "Name"), money_column("amount_pence", "Amount")], "Grants",
                       totals=sum_row("name", ["amount_pence"]), large=large, **kw)
    qtbot.addWidget(table.view)
    table.set_rows(ROWS)
    return table


def test_the_wording_itself():
    assert shown_total_label(4, 4, "partner") == "Total"
    assert shown_total_label(4, 4, "partnership", label="Totals") == "Totals"
    assert shown_total_label(2, 11, "partner") == "Total of the 2 shown (of 11 partners)"
    assert shown_total_label(1, 1_200, "case") == "Total of the 1 shown (of 1,200 cases)"
    assert shown_total_label(0, 11, "partner") == "None shown (of 11 partners)"
    assert shown_total_label(0, 1, "entry", "entries") == "None shown (of 1 entry)"


def test_window_copy_accessible_text_and_export_say_the_same(qtbot):
    table = _table(qtbot, noun="grant")
    table.proxy.set_search_text("ipswich")
    said = shown_rows(table.proxy, "grant").total_label
    assert said == "Total of the 2 shown (of 4 grants)"
    assert _line(table) == [said, "£500"]
    assert _line(table, Qt.ItemDataRole.AccessibleTextRole)[0] == said
    assert copied_with_ctrl_c(qtbot, table.view)[-1] == [said, "500"]


def test_a_table_not_told_its_noun_counts_rows(qtbot):
    table = _table(qtbot, large=True)
    table.filter(lambda r: r["name"] != "Waveney")
    assert _line(table) == ["Total of the 3 shown (of 4 rows)", "£600"]


def test_a_search_keeping_nothing_says_none_shown_with_no_figures(qtbot):
    for large in (False, True):
        table = _table(qtbot, large=large, noun="grant")
        if large:
            table.filter(lambda r: False)
        else:
            table.proxy.set_search_text("nobody")
        assert table.shown.rowCount() == 1, large
        assert _line(table) == ["None shown (of 4 grants)", ""], large
        assert _line(table, RAW_ROLE)[1] == "", large
        assert _line(table, Qt.ItemDataRole.AccessibleTextRole)[0] == "None shown (of 4 grants)"
        assert copied_with_ctrl_c(qtbot, table.view)[1:] == [["None shown (of 4 grants)", ""]], large
        assert table.source_rows() == [] and table.current() is None
        table.filter(None) if large else table.proxy.set_search_text("")
        assert _line(table) == ["Total", "£640"], large


def test_an_empty_table_shows_no_line_as_before(qtbot):
    table = _table(qtbot)
    table.set_rows([])
    assert table.shown.rowCount() == 0


def _ledger(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(1)
    page = tab.ledger
    qtbot.waitUntil(lambda: not tab.is_busy() and page.partners.model.rowCount() > 1, timeout=10000)
    return page


def test_the_ledger_searched_says_one_wording_in_window_copy_and_export(demo_window, qtbot):
    page = _ledger(demo_window, qtbot)
    everything = len(page.partners.rows)
    page.search.setText("council")
    shown = len(page.partners.source_rows())
    said = f"Total of the {shown} shown (of {everything} partners)"
    assert _line(page.partners)[0] == said
    assert copied_with_ctrl_c(qtbot, page.partners.view)[-1][0] == said
    assert page.sheets()[0].rows[-1][0] == said
    assert said in page.copy_all()


def test_the_ledger_searched_to_nothing_shows_no_zero_totals(demo_window, qtbot):
    page = _ledger(demo_window, qtbot)
    everything = len(page.partners.rows)
    page.search.setText("no such partner")
    said = f"None shown (of {everything} partners)"
    assert _line(page.partners) == [said] + [""] * 7  # was "Total", £0.00 …
    assert copied_with_ctrl_c(qtbot, page.partners.view)[1:] == [[said] + [""] * 7]
    assert page.sheets()[0].rows == [[said] + [None] * 7]  # the export: was a line of zeros
    assert page.copy_all().splitlines()[-1].rstrip("\t") == said


def test_allocation_results_filtered_to_nothing_say_none_shown(demo_window, qtbot, prompts, tmp_path):
    import csv

    from PySide6.QtGui import QGuiApplication

    tab = demo_window.show_tab("allocation")
    tab.results_proxy.set_column_filter(tab.results_model.column_index("name"), "no such partnership")
    said = "None shown (of 5 partnerships)"
    assert _line(type("T", (), {"shown": tab.results_proxy})())[0] == said
    tab.copy_results()
    copied = [line.split("\t") for line in QGuiApplication.clipboard().text().splitlines()]
    assert copied[1:] == [[said] + [""] * (len(copied[0]) - 1)]
    target = tmp_path / "allocation.csv"
    prompts.file_names.append(str(target))
    tab.export_results()
    assert not prompts.errors
    with target.open(encoding="utf-8-sig", newline="") as fh:
        rows = [row for row in csv.reader(fh) if row]
    line = next(row for row in rows if row[0].startswith("None shown"))
    assert line[0] == said and not any(cell.strip() for cell in line[1:]), line
    assert not any(row[0] in ("Totals", "Babergh CSP") for row in rows)


def test_the_totals_words_under_a_search_are_read_whole(demo_window, qtbot):
    """The ledger searched for "council": its Partner column, sized to the partners' names, cut the line to "Total of
    the 5 shown (of 11 p…", the count of what was hidden lost. The line's column widens to its words, as a column of
    figures widens to a larger Total."""
    from PySide6.QtGui import QFontMetrics

    page = _ledger(demo_window, qtbot)
    demo_window.resize(1280, 720)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    view = page.partners.view
    page.search.setText("council")
    index = page.partners.shown.index(page.partners.shown.rowCount() - 1, 0)
    words = index.data()
    needed = QFontMetrics(index.data(Qt.ItemDataRole.FontRole)).horizontalAdvance(words) + 16
    qtbot.waitUntil(lambda: view.columnWidth(0) >= needed, timeout=3000)
    page.search.setText("")  # nothing jumps back as the search is emptied
    qtbot.waitUntil(lambda: not view._follow.isActive())
    assert view.columnWidth(0) >= needed
