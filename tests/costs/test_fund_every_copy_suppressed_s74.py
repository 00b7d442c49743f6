"""S74 (funds): every way a fund's figures leave the window suppresses small counts as the export does.

The fund's workbook and CSV gave a fund of one victim as "fewer than 3" with no mean, as the board report and the
county export do, but More > Copy figures pasted "victims 1" and "mean_spend_per_victim 160" (the one victim's spend)
into the officer's sheet, and Ctrl+C on the Per district, Per month, Per item and Per victim tables, on the chart and
on a figure gave the page's own counts and months. Each copy now gives what the export gives, from the one place that
builds the export (``FundsPresenter.report_sheets``): the page itself still shows the office its own figures."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.funds import FundsPresenter, copied_sheet_rows
from safer_desk.services import funds
from tests.clipboard import copied_with_ctrl_c

PILOT = "Suffolk Target Hardening Pilot"
FEWER = "fewer than 3"
ONE_VICTIM_DAY = date(2018, 4, 10)  # only TH-2018-001 (£160 on 09/04/2018) helped by then


def _tsv(text: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text), delimiter="\t"))


def _help_again(store) -> str:
    """The pilot with one victim of April helped again in July: July is given only with the months next to it."""
    referral = store.scalar("SELECT id FROM fund_referrals WHERE reference = 'TH-2018-001'")
    funds.add_spend_line(store, referral, spent_on="03/07/2018", item="Door viewer", amount="45")
    return funds.fund_by_name(store, PILOT).id


@pytest.fixture
def helped_again(demo_store):
    return _help_again(demo_store)


def _presenter(store, today):
    p = FundsPresenter(store, perform=ActionLog(), today=lambda: today)
    p.reload(select=funds.fund_by_name(store, PILOT).id)
    return p


def test_copy_figures_of_a_fund_of_one_victim_gives_no_count_and_no_mean(demo_store):
    p = _presenter(demo_store, ONE_VICTIM_DAY)
    assert p.data.figures.victims == 1  # the page's own
    copied = dict(copied_sheet_rows(p.sheet("Figures"), figures=True)[1:])
    assert copied["victims"] == FEWER and copied["mean_spend_per_victim"] == ""
    assert copied["spend"] == "160"


def test_copy_figures_is_the_figures_sheet_of_the_export(demo_store, helped_again):
    """The forecast too: worked out over the months the export gives together, not the page's month by month."""
    p = _presenter(demo_store, date(2018, 8, 20))
    assert p.data.figures.given is not None  # the export's forecast differs from the page's
    sheet = p.sheet("Figures")
    copied = copied_sheet_rows(sheet, figures=True)
    assert copied[0] == ["Figure", "Value"]
    assert [r[0] for r in copied[1:]] == [r[0] for r in sheet.rows]
    given = funds.fund_report_rows(p.data.figures.shared, shared=True)
    assert dict(copied[1:])["monthly_burn_rate"] == dict(given)["monthly_burn_rate"]


@pytest.fixture
def page(demo_window, qtbot):
    demo_window.resize(1366, 768)
    demo_window.show()
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    tab.pages.setCurrentIndex(2)
    page = tab.funds
    page.today = ONE_VICTIM_DAY
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data is not None and page.data.figures is not None,
                    timeout=10000)
    page.ensure_chart()
    return page


def _counts(rows: list[list[str]]) -> set[str]:
    return {r[i] for r in rows[1:] for i, h in enumerate(rows[0]) if "Victims" in h and i < len(r)}


def test_more_copy_figures_on_the_page(page):
    assert page.figure_labels["victims"].text() == "1"  # the office's own page shows it
    copied = dict(_tsv(page.copy_figures())[1:])
    assert copied["victims"] == FEWER and copied["mean_spend_per_victim"] == ""


@pytest.mark.parametrize("title", ["Per district", "Per month", "Per victim"])
def test_ctrl_c_on_a_figures_table_gives_no_count_of_one(page, qtbot, prompts, title):
    page.select_table(title)
    table = {"Per district": page.by_district, "Per month": page.by_month, "Per victim": page.per_victim}[title]
    pasted = copied_with_ctrl_c(qtbot, table.view)
    counts = _counts(pasted)
    assert counts and "1" not in counts and "2" not in counts and FEWER in counts, pasted
    assert prompts.questions == []
    sheet = page.presenter.sheet(title)
    assert pasted[: len(sheet.rows) + 1] == copied_sheet_rows(sheet)


def test_ctrl_c_on_a_victim_figure_gives_what_the_export_gives(demo_window, page, qtbot):
    for key, given in (("victims", FEWER), ("mean", "—"), ("median", "—")):
        label = page.figure_labels[key]
        QGuiApplication.clipboard().setText("before")
        label.setFocus(Qt.FocusReason.MouseFocusReason)
        qtbot.waitUntil(label.hasFocus, timeout=5000)
        demo_window.copy_action.trigger()
        assert QGuiApplication.clipboard().text().split("\t")[1].strip() == given, key


def test_ctrl_c_on_the_chart_gives_the_forecast_sheet(page, qtbot, demo_window):
    """The months the export gives only together have no spend to date in the copy either."""
    _help_again(page.presenter.store)
    page.today = date(2018, 8, 20)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.today == date(2018, 8, 20), timeout=10000)
    sheet = page.presenter.sheet("Forecast")
    withheld = [r for r in sheet.rows if r[2] == "actual" and r[1] is None]
    assert withheld  # the export gives July's spend to date only with August's
    chart = page.ensure_chart()
    QGuiApplication.clipboard().setText("before")
    chart.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(chart.hasFocus, timeout=5000)
    demo_window.copy_action.trigger()
    pasted = _tsv(QGuiApplication.clipboard().text())
    assert pasted == copied_sheet_rows(sheet)
    assert len([r for r in pasted if r[2] == "actual" and r[1] == ""]) == len(withheld)


def test_ctrl_c_on_the_items_names_no_item_bought_for_one_victim(page, qtbot, prompts):
    page.select_table("Per item")
    own = [r[0] for r in page.by_item.source_rows() if isinstance(r, tuple)]
    pasted = copied_with_ctrl_c(qtbot, page.by_item.view)
    assert own and not set(own) & {r[0] for r in pasted if r}
    assert pasted[-1] == [page.presenter.sheet("Per item").title]  # the words saying why


def test_ctrl_c_pressed_on_the_victims_figure_with_its_text_selected(page, qtbot):
    """The key, not only Edit > Copy: a label's own copy of its selected text would give the page's "1"."""
    label = page.figure_labels["victims"]
    label.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(label.hasFocus, timeout=5000)
    qtbot.mouseDClick(label, Qt.MouseButton.LeftButton)  # a double-click selects a figure's word
    assert not label.hasSelectedText()  # withheld: nothing of it to select (nor a right-click Copy of it)
    QGuiApplication.clipboard().setText("before")
    qtbot.keyClick(label, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() in ("before", f"Victims supported\t{FEWER}\n")
    assert label.contextMenuPolicy() != Qt.ContextMenuPolicy.DefaultContextMenu or not (
        label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse)


def test_a_fund_of_three_keeps_its_figures_selectable(page, qtbot):
    page.today = date(2018, 4, 20)  # three victims helped by then
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.today == date(2018, 4, 20), timeout=10000)
    assert page.data.figures.victims >= 3
    label = page.figure_labels["victims"]
    assert label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse


def test_ctrl_c_on_the_burn_rate_gives_the_rate_over_the_months_the_export_joins(demo_window, page, qtbot):
    """July's one victim (£150) is given only with August: the page's rate over the 3 months to October less
    September and October told August's spend, and the joined row less it July's. The copy gives the export's rate,
    over the 4 months to October (tests/costs/test_fund_burn_rate_joined_months_s71.py)."""
    from tests.costs.test_fund_burn_rate_joined_months_s71 import _victims

    store = page.presenter.store
    fund = funds.fund_by_name(store, PILOT).id
    for month, amounts in ((7, ["150"]), (8, ["100", "120", "140"]), (9, ["110"] * 3), (10, ["80", "90", "100"])):
        _victims(store, fund, month, amounts)
    page.today = date(2018, 11, 20)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy() and page.data.figures.today == date(2018, 11, 20), timeout=10000)
    label = page.figure_labels["burn"]
    assert label.text() == "£320 a month"  # the office's own: the 3 months to October
    assert not label.textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
    QGuiApplication.clipboard().setText("before")
    label.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.waitUntil(label.hasFocus, timeout=5000)
    demo_window.copy_action.trigger()
    copied = QGuiApplication.clipboard().text().strip().split("\t")[1]
    figures = dict((r[0], r[1]) for r in page.presenter.sheet("Figures").rows)
    assert copied == f"£{figures['monthly_burn_rate'] / 100:,.2f} a month" != "£320 a month"
    assert page.figure_labels["balance"].textInteractionFlags() & Qt.TextInteractionFlag.TextSelectableByMouse
