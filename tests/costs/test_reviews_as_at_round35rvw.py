"""Costs > Reviews "as at" a day, round 35 (rvw): the reviews as they stood on the board paper's day.

The Ledger page and the board report read the reviews as at a day (`dhr-ledger --as-at`, `report --as-at`); the
Reviews page showed only today, so a coordinator preparing the June board could not see the reviews as they stood on
31/03. The page now has the Ledger's As at field (its day, its refusal of a day to come, its words): each review as it
stood that day, a review notified after it left out and counted, the figures those of `dhr-ledger --as-at` and
`report --as-at` to the penny. A change is made on today's list: asked first, never on a past day's figures.
"""

from __future__ import annotations

import csv
import io
from datetime import date

from PySide6.QtCore import Qt

from safer_desk.domain.money import format_pounds_plain, table_money
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter, LedgerPresenter, ledger_day_refusal
from safer_desk.services import dhr
from tests.cli_run import run

TODAY = date(2026, 12, 1)
# The example's reviews were notified on 10/03/2014, 06/03/2017, 04/09/2017 (the learning review) and 13/11/2017;
# WSCSP-DHR-2017-01's costs are dated 29/03/2018, its partners billed on 15/06/2018 and paid in June to August.
PAID_SOME = date(2018, 7, 20)


def reviews(store, today: date = TODAY) -> DhrPresenter:
    p = DhrPresenter(store, today=lambda: today)
    p.reload()
    return p


def by_case_cli(capsys, path, day: str) -> dict[str, dict]:
    code, out, err = run(capsys, "dhr-ledger", path, "--as-at", day, "--by-case")
    assert code == 0, err
    return {r["case"]: r for r in csv.DictReader(io.StringIO(out))}


def test_the_reviews_as_at_a_day_are_the_ledgers_and_the_reports_to_the_penny(demo_store, demo_path, capsys):
    from safer_desk.services.report import build_report

    p = reviews(demo_store)
    assert not p.as_at.past and p.shown.note == ""  # today: the list as it is, nothing said
    now = [(c.reference, c.recovered_pence) for c in p.rows]
    assert p.choose_day("20/07/2018") and p.as_at.past
    assert p.shown.day == PAID_SOME and [(c.reference, c.recovered_pence) for c in p.rows] != now
    # every review had been notified by then: the Ledger page's per-case rows, the same objects
    ledger = LedgerPresenter(today=lambda: TODAY)
    ledger.choose("20/07/2018")
    assert p.rows == ledger.read(demo_store).cases
    cli = by_case_cli(capsys, demo_path, "20/07/2018")
    assert set(cli) == {c.reference for c in p.rows} | {"Total"}  # and the Total row the CLI ends with
    for c in p.rows:
        assert [cli[c.reference][k] for k in ("paid", "outstanding", "shortfall", "unbilled", "net_billed")] == [
            format_pounds_plain(v) for v in (c.recovered_pence, c.outstanding_pence, c.shortfall_pence,
                                             c.unbilled_pence, c.net_billed_pence)], c.reference
    # the board report as at the same day: the same rows and the same totals
    section = next(s for s in build_report(demo_store, as_at=PAID_SOME, today=TODAY).sections
                   if s.title.endswith("cost recovery"))
    table = next(t for t in section.tables if t.title == "Cost recovery per case")
    money = table_money(v for c in p.rows for v in (c.cost_pence, c.net_billed_pence, c.recovered_pence,
                                                    c.outstanding_pence, c.shortfall_pence, c.unbilled_pence))
    def plain(text: str) -> str:  # "£684.15 (illustrative)": the report marks example figures
        return text.split(" (")[0]

    assert [[r[0], r[3], r[4], *map(plain, r[5:])] for r in table.rows] == [
        [c.reference, c.current_stage, c.flag, money(c.cost_pence) if c.cost_known else "Not yet known",
         *(money(v) for v in (c.net_billed_pence, c.recovered_pence, c.outstanding_pence, c.shortfall_pence,
                              c.unbilled_pence))] for c in p.rows]
    assert table.total_row[6:] == [money(sum(getattr(c, f) for c in p.rows)) for f in (
        "net_billed_pence", "recovered_pence", "outstanding_pence", "shortfall_pence", "unbilled_pence")]
    # the selected review's detail is as at the day too: its shares paid by then, its stages reached by then
    p.select(dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-01"))
    d = p.details()
    assert d.shares == dhr.list_shares(demo_store, today=PAID_SOME, case_id=p.selected, as_at=PAID_SOME)
    assert d.stages == dhr.case_stages(demo_store, p.selected, today=PAID_SOME, as_at=PAID_SOME)
    assert sum(s.paid_pence for s in d.shares) == p.selected_case.recovered_pence


def test_a_review_notified_after_the_day_is_left_out_and_counted(demo_store):
    p = reviews(demo_store)
    assert p.choose_day("31/03/2017")
    assert [c.reference for c in p.rows] == ["WSCSP-DHR-2014-01", "WSCSP-DHR-2017-01"]
    assert p.shown.later == 2
    note = p.shown.note
    assert note.startswith("As at 31/03/2017, not today's list:")
    assert "2 reviews notified after 31/03/2017 are left out." in note
    # the 31st of March and the 1st of April differ only by what happened on the 1st: here nothing
    assert p.choose_day("1/4/17") and p.shown.day == date(2017, 4, 1) and p.shown.later == 2
    # a day before any review: nothing listed, and the page says why (not "No cases yet: add the first")
    assert p.choose_day("2014-03-09") and p.rows == [] and p.shown.later == 4
    assert "4 reviews notified after 09/03/2014 are left out" in p.shown.note
    assert p.selected is None and p.details().shares == []
    # the day of the first notification: that review, not started yet in its stages beyond notification
    assert p.choose_day("10/03/2014") and [c.reference for c in p.rows] == ["WSCSP-DHR-2014-01"]
    assert "3 reviews notified after 10/03/2014 are left out" in p.shown.note
    assert p.choose_day("12/11/2017") and "1 review notified after 12/11/2017 is left out" in p.shown.note


def test_days_typed_every_way_and_refused_in_the_ledgers_words(demo_store):
    p = reviews(demo_store)
    assert p.choose_day("2018-03-31") and p.shown.day == date(2018, 3, 31)
    assert p.choose_day("31/3/18") and p.shown.day == date(2018, 3, 31)
    assert p.choose_day("29/02/2016") and p.shown.day == date(2016, 2, 29)
    assert not p.choose_day("29/02/2017")
    assert p.as_at.message == ("“29/02/2017” is not a date: February 2017 has 28 days. Still showing the list of "
                               "reviews as at 29/02/2016.")
    assert p.shown.day == date(2016, 2, 29)
    assert not p.choose_day("02/12/2026")
    assert p.as_at.message == (ledger_day_refusal(date(2026, 12, 2), TODAY, what="the list of reviews")
                               + " Still showing it as at 29/02/2016.")
    assert p.as_at.message.startswith("02/12/2026 is after today (01/12/2026): the list of reviews shows what had "
                                      "happened by a day, so choose today or an earlier day.")
    # the Ledger's words are the Ledger's still
    assert ledger_day_refusal(date(2026, 12, 2), TODAY).startswith("02/12/2026 is after today (01/12/2026): the "
                                                                   "ledger shows")
    # today typed, or the field cleared, is today's list
    assert p.choose_day("01/12/2026") and not p.as_at.past and p.shown.note == ""
    p.choose_day("31/03/2017")
    assert p.choose_day("") and not p.as_at.past and len(p.rows) == 4


def test_an_undo_while_as_at_a_day_shows_todays_list_with_the_change(demo_store):
    log = ActionLog()
    p = DhrPresenter(demo_store, today=lambda: TODAY, perform=log)
    p.reload()
    case = dhr.case_id_by_reference(demo_store, "WSCSP-DHR-2017-02")
    p.select(case)
    p.case_action("Delete case WSCSP-DHR-2017-02", case, lambda: dhr.delete_case(demo_store, case))
    assert p.case(case) is None
    p.choose_day("31/03/2017")
    assert p.as_at.past
    log.undo()  # Edit > Undo while the page is as at 31/03/2017: the review comes back, notified 13/11/2017
    assert not p.as_at.past and p.selected == case and p.case(case) is not None
    assert "today's list" in p.notice
    # asked before a change while as at a day: the question names the day
    p.choose_day("31/03/2017")
    assert "31/03/2017" in p.past_question() and "today" in p.past_question()
    p.show_today()
    assert not p.as_at.past and p.notice == ""


def test_the_page_through_its_real_widgets_as_at_a_day(demo_window, qtbot, monkeypatch):
    """Keyboard only: Alt+W to the Reviews as at field (Alt+T is Edit case… here), a day typed, Enter; the list and
    its note follow; a change asked first; Esc puts the day shown back; Yes to the question, today's list."""
    from safer_desk.ui import prompts

    demo_window.resize(1366, 728)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    page = tab.reviews
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert page.as_at_note.isHidden() and page.cases.model.rowCount() >= 4
    demo_window.activateWindow()
    page.cases.view.setFocus()
    qtbot.keyClick(page.cases.view, Qt.Key.Key_W, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: page.as_at.edit.hasFocus(), timeout=5000)
    page.as_at.edit.selectAll()
    qtbot.keyClicks(page.as_at.edit, "31/3/17")
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not page.is_busy() and page.presenter.as_at.past, timeout=10000)
    qtbot.waitUntil(lambda: page.cases.source_rows() and len(page.cases.source_rows()) == 2, timeout=10000)
    assert page.as_at.text() == "31/03/2017"
    assert not page.as_at_note.isHidden() and "not today's list" in page.as_at_note.text()
    assert "2 reviews notified after 31/03/2017" in page.as_at_note.text()
    assert page.empty_note.isHidden()
    # a change asked first: No keeps the day and opens nothing
    asked: list[str] = []
    monkeypatch.setattr(prompts, "ask", lambda _p, _t, text, **_k: asked.append(text) or False)
    next(b for b in page.edit_buttons if b.text() == "&New case…").click()
    assert asked and "31/03/2017" in asked[0] and page.presenter.as_at.past and page.presenter.editor is None
    # Del on a review in the list, as at the day: asked the same, never the past day's figures in a delete question
    page.cases.view.setFocus()
    page.cases.select_where(lambda c: c.reference == "WSCSP-DHR-2017-01")
    qtbot.keyClick(page.cases.view, Qt.Key.Key_Delete)
    assert len(asked) == 2 and asked[1] == page.presenter.past_question()
    assert dhr.case_id_by_reference(demo_window.session.store, "WSCSP-DHR-2017-01") is not None
    # Esc in the field puts back the day shown
    page.as_at.edit.setFocus()
    page.as_at.edit.selectAll()
    qtbot.keyClicks(page.as_at.edit, "01/01/20")
    qtbot.keyClick(page.as_at.edit, Qt.Key.Key_Escape)
    assert page.as_at.text() == "31/03/2017" and page.presenter.as_at.past
    # Yes: today's list, then the form opens on it
    monkeypatch.setattr(prompts, "ask", lambda *_a, **_k: True)
    dialog = next(b for b in page.edit_buttons if b.text() == "&New case…")
    dialog.click()
    qtbot.waitUntil(lambda: not page.presenter.as_at.past and page.presenter.editor is not None, timeout=10000)
    assert page.as_at.text() == "" and page.as_at_note.isHidden() and len(page.cases.source_rows()) >= 4
    page.presenter.close_form(page.presenter.editor)
