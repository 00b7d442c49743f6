"""Session 72: two saves of one indicator's year read alike in Edit > Undo and the History of Changes.

All crime for Plymouth, 2016/17: April saved as 1,480, then May as 1,234, and Edit > Undo, Redo and the History's
Action column said "Save figures of All crime for Plymouth, 2016/17" for each: which one would Ctrl+Z take back?
A save of figures now says what it changed, as a project's save does ("Change cost of … to £30,000"): the month
and the figure typed, "Change Apr 2016 of All crime for Plymouth, 2016/17 to 1,480"; two or three named, more
counted; a comment named without its words."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.history import history_lines
from safer_desk.presenters.indicators import IndicatorsPresenter

OF = "All crime for Plymouth, 2016/17"


def _page(demo_store):
    log = ActionLog()
    page = IndicatorsPresenter(demo_store, perform=log, today=lambda: date(2026, 11, 28))
    page.load("district:plymouth", FinancialYear(2016))
    return page, log


def test_two_saves_of_one_year_are_told_apart_by_their_month_and_figure(demo_store):
    page, log = _page(demo_store)
    page.figures.set_text("value", 0, "1,480")
    assert page.save(), page.figures.messages()
    page.figures.set_text("value", 1, "1234")  # said as the grid shows it once saved
    assert page.save(), page.figures.messages()
    assert [a.text for a in log.done] == [f"Change Apr 2016 of {OF} to 1,480", f"Change May 2016 of {OF} to 1,234"]
    assert log.undo_text == f"Undo change May 2016 of {OF} to 1,234"
    assert [line.action for line in history_lines(demo_store)[:2]] == [
        f"Change May 2016 of {OF} to 1,234", f"Change Apr 2016 of {OF} to 1,480"]


def test_several_months_are_named_then_counted_and_a_comment_is_named_without_its_words(demo_store):
    page, log = _page(demo_store)
    page.figures.set_text("value", 0, "1,480")
    page.figures.set_text("value", 1, "1,234")
    assert page.save(), page.figures.messages()
    for col, figure in enumerate(("1,400", "1,300", "1,200", "1,100")):
        page.figures.set_text("value", col, figure)
    assert page.save(), page.figures.messages()
    page.figures.set_text("comment", 2, "Two burglary series charged")
    assert page.save(), page.figures.messages()
    assert [a.text for a in log.done] == [
        f"Change Apr 2016 and May 2016 of {OF}",
        f"Change Apr 2016, May 2016 and 2 more of {OF}",
        f"Change Jun 2016 comment of {OF}"]
