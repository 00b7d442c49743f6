"""S74 (kit): a table with no totals line (the Projects register, the Fund's Catalogue and Per victim) went blank when
a search or a heading's filter hid every row: an empty grid that read as an empty file, and Ctrl+C copied nothing.
The view now says "None shown (of 4 catalogue items)" in it, as a totals table's line says it
(``domain.text.shown_total_label``), Ctrl+C copies the headings and those words, and the register's count says the
same words."""

from __future__ import annotations

from PySide6.QtGui import QImage

from safer_desk.ui.costs.widgets import make_table
from safer_desk.ui.kit.tables import Column, money_column
from tests.clipboard import copied_with_ctrl_c

ROWS = [{"id": i, "name": name, "usual_price_pence": pence}
        for i, (name, pence) in enumerate([("Door chain", 1_500), ("Window lock", 2_000), ("Video doorbell", 9_000),
                                           ("Alarm", 12_000)], 1)]


def _table(qtbot, **kw):
    table = make_table([Column("name", "Item"), money_column("usual_price_pence", "Usual price")], "Catalogue", **kw)
    qtbot.addWidget(table.view)
    table.view.resize(420, 240)
    table.set_rows(ROWS)
    return table


def _colours(view) -> int:
    image = view.viewport().grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return len({image.pixel(x, y) for x in range(0, image.width(), 2) for y in range(0, image.height(), 2)})


def test_a_filter_hiding_every_row_says_none_shown_in_the_view_and_the_copy(qtbot):
    table = _table(qtbot, noun="catalogue item")
    table.proxy.set_search_text("no such item")
    assert table.proxy.rowCount() == 0
    said = "None shown (of 4 catalogue items)"
    assert table.view.none_shown_words() == said
    assert _colours(table.view) > 1  # the words are painted (an empty grid is one colour)
    assert table.view.accessibleDescription() == said  # and read out
    assert copied_with_ctrl_c(qtbot, table.view) == [["Item", "Usual price"], [said, ""]]  # was nothing at all
    table.proxy.set_search_text("")
    assert table.view.none_shown_words() is None and table.view.accessibleDescription() == ""


def test_a_table_with_no_rows_at_all_stays_plain(qtbot):
    table = _table(qtbot, noun="catalogue item")
    table.set_rows([])
    assert table.view.none_shown_words() is None
    assert _colours(table.view) == 1
    assert copied_with_ctrl_c(qtbot, table.view) == [["(nothing copied)"]]


def test_a_totals_table_keeps_its_own_line(qtbot):
    from safer_desk.ui.costs.widgets import sum_row

    table = _table(qtbot, noun="catalogue item", totals=sum_row("name", ["usual_price_pence"]))
    table.proxy.set_search_text("no such item")
    assert table.view.none_shown_words() is None  # the totals line says it, once
    assert copied_with_ctrl_c(qtbot, table.view) == [["Item", "Usual price"], ["None shown (of 4 catalogue items)", ""]]


def test_the_funds_catalogue_and_per_victim_filtered_to_nothing_say_so(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    funds = tab.funds
    tab.pages.setCurrentWidget(funds)
    qtbot.waitUntil(lambda: not tab.is_busy() and bool(funds.items.rows) and bool(funds.per_victim.rows), timeout=10000)
    for table, noun in ((funds.items, "catalogue item"), (funds.per_victim, "band")):
        assert table.rows, noun
        table.view.filter_column(0, "no such thing")
        assert table.view.none_shown_words() == f"None shown (of {len(table.rows)} {noun}s)"


def test_the_register_searched_to_nothing_says_none_shown(demo_window, qtbot):
    demo_window.show()
    qtbot.waitExposed(demo_window)
    page = demo_window.show_tab("projects").register
    qtbot.waitUntil(lambda: bool(page.model.rows), timeout=10000)
    whole = len(page.model.rows)
    page.search.setText("zzqqxx")
    qtbot.waitUntil(lambda: page.proxy.rowCount() == 0)
    said = f"None shown (of {whole} projects)"
    assert page.count.text() == said  # was "0 of 23 projects", beside a blank register
    assert page.view.none_shown_words() == said


def test_the_register_exported_searched_to_nothing_says_none_shown_in_its_title(demo_window, qtbot, prompts, tmp_path):
    from openpyxl import load_workbook

    demo_window.show()
    qtbot.waitExposed(demo_window)
    page = demo_window.show_tab("projects").register
    qtbot.waitUntil(lambda: bool(page.model.rows), timeout=10000)
    whole = len(page.model.rows)
    page.search.setText("zzqqxx")
    target = tmp_path / "register.xlsx"
    prompts.file_names.append(str(target))
    page.export_register()
    assert not prompts.errors
    sheet = load_workbook(target).worksheets[0]
    title = next(str(c.value) for row in sheet.iter_rows() for c in row if c.value)
    # was "…: 0 of 23 projects (as filtered: search “zzqqxx”)" over an empty register
    assert title.endswith(f": None shown (of {whole} projects, as filtered: search “zzqqxx”)"), title
