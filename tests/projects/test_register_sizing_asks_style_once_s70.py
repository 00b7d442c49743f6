"""Session 70, start-up: sizing the Projects register's columns to their headings as the style draws them (bold,
beside the sort arrow) asked the header for its size hint once per column, and again for Title and Status (twice)
when the title was fitted: each asking goes through every column's heading (SortProxy.headerData calls doubled,
776 to 1,579) and together they put about 38 M instructions on the way to the own file's first screen (1,378.6 M,
1,340.7 M once asked once per sizing). The widths are those each heading alone gives."""

from __future__ import annotations

from safer_desk.ui.kit.table_view import heading_width


def _counting_size_hints(header) -> list[int]:
    asked: list[int] = []
    size_hint = header.sizeHint

    def counted():
        asked.append(1)
        return size_hint()

    header.sizeHint = counted  # the Python callers only: what Qt asks itself is not ours to count
    return asked


def test_sizing_the_register_asks_the_header_once_and_keeps_each_headings_width(demo_window, qtbot):
    page = demo_window.show_tab("projects").register
    demo_window.resize(1093, 582)
    demo_window.show()
    qtbot.waitExposed(demo_window)
    header = page.view.horizontalHeader()
    asked = _counting_size_hints(header)
    page._size_columns()
    assert len(asked) == 2  # once for the columns, once for the title and Status it fits
    del header.sizeHint
    for c, column in enumerate(page.model.columns):
        if not page.view.isColumnHidden(c) and c != page.model.columnCount() - 1:
            assert page.view.columnWidth(c) >= heading_width(header, column.header), column.header
