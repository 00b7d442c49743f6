"""A row copied from a board paper's table in Excel with its label cell ("Police recorded hate crime", then April to
December) and pasted on the grid's April pasted the label into April and every figure a month late, May to January,
with nothing said under the grid (session 61): the guide promises that no copied figure lands in the wrong month. A
row whose first cell copied is words, with figures after it, is now refused, saying to copy the figures without the
label; a paste of the figures alone, a no-figure mark ("n/a") or a rate as the grid shows it pastes as before."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc

HATE = "Police recorded hate crime"
FIGURES = "17\t25\t32\t54\t37\t45\t42\t35\t40"


def _tab(demo_window):
    tab = demo_window.show_tab("indicators")
    assert tab.select_area("district:plymouth") and tab.select_year(FinancialYear(2016)) and tab.select_indicator(HATE)
    return tab


def _paste(tab, key: str, col: int, text: str) -> bool:
    tab.grid.setFocus()
    tab.grid.setCurrentCell(tab.grid.keys.index(key), col)
    QApplication.clipboard().setText(text)
    return tab.paste_rows()


def _row(tab, key: str) -> list[str]:
    r = tab.grid.keys.index(key)
    return [tab.grid.item(r, c).text() for c in range(tab.grid.columnCount())]


def test_a_row_copied_with_its_label_is_not_pasted_a_month_late(demo_window):
    tab = _tab(demo_window)
    before = _row(tab, svc.GRID_VALUE)
    assert not _paste(tab, svc.GRID_VALUE, 0, f"{HATE}\t{FIGURES}\r\n")
    assert _row(tab, svc.GRID_VALUE) == before and not tab.presenter.figures.is_dirty
    said = tab.grid_messages.text()
    assert said.startswith(f"Nothing was pasted: the first cell copied, “{HATE}”, is words, not a figure"), said
    assert "a month late" in said and "copy the figures without it" in said


def test_the_figures_alone_and_a_no_figure_mark_paste_as_before(demo_window):
    tab = _tab(demo_window)
    assert _paste(tab, svc.GRID_VALUE, 0, f"{FIGURES}\r\n")
    assert _row(tab, svc.GRID_VALUE)[:9] == ["17", "25", "32", "54", "37", "45", "42", "35", "40"]
    tab.discard_figures()
    assert _paste(tab, svc.GRID_VALUE, 8, "n/a\t41")  # a sheet's mark for no figure: said on Save, as before
    assert _row(tab, svc.GRID_VALUE)[8:10] == ["n/a", "41"]


def test_a_comment_row_pastes_words_as_before(demo_window):
    tab = _tab(demo_window)
    assert _paste(tab, svc.GRID_COMMENT, 8, "Christmas events\t41 reports")
    assert _row(tab, svc.GRID_COMMENT)[8:10] == ["Christmas events", "41 reports"]


def _answering(monkeypatch, answer):
    """The Paste Without It / Paste All / Cancel question answered with ``answer``; what it asked."""
    from safer_desk.ui.indicators import grid

    asked = []
    monkeypatch.setattr(grid, "ask_paste_total", lambda _parent, text: asked.append(text) or answer)
    return asked


def test_a_row_copied_with_its_year_to_date_total_is_asked_about(demo_window, monkeypatch):
    # A board paper's row runs Apr to Nov and then its year-to-date column (287): pasted on April, the total was
    # taken as December's figure, with nothing said; then (earlier in s61) it was refused outright, though a month
    # can equal the sum by chance (2, 3, 5, 10) and could then not be pasted at all. It is asked: Cancel pastes
    # nothing.
    from safer_desk.presenters.indicators import PasteTotal

    asked = _answering(monkeypatch, PasteTotal.CANCEL)
    tab = _tab(demo_window)
    before = _row(tab, svc.GRID_VALUE)
    assert not _paste(tab, svc.GRID_VALUE, 0, "17\t25\t32\t54\t37\t45\t42\t35\t287\r\n")
    assert asked == ["The last cell copied, 287, is the sum of the 8 figures before it (a total?): pasted here, it "
                     "would be saved as Dec-16's figure. Paste the figures without it, or all of them if it is "
                     "Dec-16's own figure?"]
    assert _row(tab, svc.GRID_VALUE) == before and not tab.presenter.figures.is_dirty
    assert tab.grid_messages.text() == "Nothing was pasted."


def test_paste_without_it_leaves_the_total_s_month_as_it_was(demo_window, monkeypatch):
    from safer_desk.presenters.indicators import PasteTotal

    _answering(monkeypatch, PasteTotal.WITHOUT)
    tab = _tab(demo_window)
    before = _row(tab, svc.GRID_VALUE)
    assert _paste(tab, svc.GRID_VALUE, 0, "17\t25\t32\t54\t37\t45\t42\t35\t287\r\n")
    after = _row(tab, svc.GRID_VALUE)
    assert after[:8] == ["17", "25", "32", "54", "37", "45", "42", "35"] and after[8:] == before[8:]


def test_paste_all_pastes_a_month_that_equals_the_sum_by_chance(demo_window, monkeypatch):
    from safer_desk.presenters.indicators import PasteTotal

    asked = _answering(monkeypatch, PasteTotal.ALL)
    tab = _tab(demo_window)
    assert _paste(tab, svc.GRID_VALUE, 0, "2\t3\t5\t10\r\n")
    assert len(asked) == 1 and _row(tab, svc.GRID_VALUE)[:4] == ["2", "3", "5", "10"]


def test_with_no_one_to_ask_it_is_refused_as_before(demo_store):
    from safer_desk.presenters.indicators import IndicatorsPresenter

    p = IndicatorsPresenter(demo_store)
    p.load("district:plymouth", FinancialYear(2016))
    assert p.choose_indicator(svc.get_indicator(demo_store, HATE).id, lambda _t: True)
    assert p.figures.paste(svc.GRID_VALUE, 0, [["17", "25", "32", "54", "37", "45", "42", "35", "287"]]) == 0
    assert p.figures.form_message.startswith("Nothing was pasted: the last cell copied, 287, is the sum of the 8 "
                                             "figures before it (a total?): pasted here, it would be saved as "
                                             "Dec-16's figure. In Excel, copy the figures without it")


def test_a_last_figure_that_is_not_their_sum_pastes(demo_window):
    tab = _tab(demo_window)
    assert _paste(tab, svc.GRID_VALUE, 0, "17\t25\t32\t54\t37\t45\t42\t35\t40\r\n")
    assert _row(tab, svc.GRID_VALUE)[8] == "40"
    tab.discard_figures()
    assert _paste(tab, svc.GRID_VALUE, 8, "0\t0\t0")  # nothing counted in three months: no total among them
    assert _row(tab, svc.GRID_VALUE)[8:11] == ["0", "0", "0"]
    tab.discard_figures()
    # A rare crime's few a month can add up by chance: a month is taken for a total only beside three months
    # with some and a total of 10 or more.
    for few in ("5\t0\t0\t5", "1\t1\t1\t3", "2\t3\t4\t9"):
        assert _paste(tab, svc.GRID_VALUE, 0, few), tab.grid_messages.text()
        assert _row(tab, svc.GRID_VALUE)[:4] == few.split("\t")
        tab.discard_figures()
