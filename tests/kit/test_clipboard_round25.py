"""Paste with nothing to read: the clipboard empty, or a web page's table with no text (Outlook, some sites). The
register said why; the Allocation and Indicators grids pasted nothing and said nothing, so the copy seemed lost."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from safer_desk.domain.periods import FinancialYear

WEB_TABLE = ("The clipboard holds a web page's table but no text: copy the rows from Excel, or paste them into Excel "
             "first and copy them from there.")


def web_table_on_the_clipboard() -> None:
    mime = QMimeData()
    mime.setHtml("<table><tr><td>Babergh CSP</td><td>2</td></tr></table>")
    QGuiApplication.clipboard().setMimeData(mime)


def test_the_allocation_inputs_say_why_a_web_page_table_does_not_paste(demo_window, prompts):
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    before = tab.state
    web_table_on_the_clipboard()
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.inputs_view.paste_rows()
    assert prompts.errors and prompts.errors[-1][1] == WEB_TABLE
    assert tab.state == before
    QGuiApplication.clipboard().clear()
    tab.inputs_view.paste_rows()
    assert prompts.errors[-1][1] == "The clipboard is empty: copy the rows in Excel first, then paste them here."


def test_the_indicators_grid_says_why_a_web_page_table_does_not_paste(demo_window):
    demo_window.show()
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:plymouth")
    tab.select_year(FinancialYear(2016))
    tab.grid.setCurrentCell(0, 8)
    web_table_on_the_clipboard()
    assert not tab.grid.paste_rows()
    assert tab.presenter.figures.form_message == WEB_TABLE
    assert not tab.presenter.figures.is_dirty


def test_an_empty_cell_copied_from_excel_still_pastes_as_an_empty_cell(demo_window):
    """Excel puts an empty cell on the clipboard as a blank line beside its HTML: that is text (it empties the cell
    it lands on), not a web page's table."""
    from safer_desk.ui.kit import clipboard_without_text

    mime = QMimeData()
    mime.setText("\r\n")
    mime.setHtml("<table><tr><td></td></tr></table>")
    assert clipboard_without_text(mime) == ""
