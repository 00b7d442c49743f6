"""Round 29: the window and the command line agreeing to the penny on DHR costs and pooled funds."""

import csv
import io
from datetime import date

import pytest

from safer_desk.cli import main
from safer_desk.services import funds

TODAY = date(2018, 9, 1)
PILOT = "Suffolk Target Hardening Pilot"


@pytest.fixture
def tab(demo_window, qtbot):
    tab = demo_window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    for page in (tab.reviews, tab.ledger, tab.funds):
        page.today = TODAY
    tab.reviews.refresh()
    tab.ledger.refresh()
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    return tab


def cli_values(capsys, *argv) -> dict[str, str]:
    assert main(list(argv)) == 0
    return dict(csv.reader(io.StringIO(capsys.readouterr().out)))


# -- 1. the ledger's workbook: a review whose cost is not yet known is blank, not £0 ----------------------------------

def test_the_exported_ledger_leaves_a_cost_not_yet_known_blank_as_the_window_and_command_line_do(tab, tmp_path,
                                                                                                   capsys, demo_path):
    """*Export ledger…* to Excel wrote a cost of 0 for the reviews whose cost is not yet known (WSCSP-DHR-2017-02,
    the other Mid Suffolk review, "total cost not yet known" in seed 002), where the window reads "Not yet known"
    and `dhr-ledger --by-case` leaves it blank: a board reading the workbook saw a review that cost nothing."""
    import openpyxl

    model = tab.ledger.per_case.model
    row = model.find(lambda c: c.reference == "WSCSP-DHR-2017-02")
    assert model.index(row, model.column_index("cost")).data() == "Not yet known"
    book = openpyxl.load_workbook(tab.ledger.export(str(tmp_path / "ledger.xlsx")))
    cost = {r[0]: r[1] for r in book["Per case"].iter_rows(min_row=2, values_only=True)}
    assert main(["dhr-ledger", str(demo_path), "--by-case"]) == 0
    by_case = {r["case"]: r["cost"] for r in csv.DictReader(io.StringIO(capsys.readouterr().out))}
    assert by_case["WSCSP-DHR-2017-02"] == ""
    assert cost["WSCSP-DHR-2017-02"] is None and cost["WSCSP-DHR-2014-01"] is None
    assert cost["WSCSP-DHR-2017-01"] == 7525.58 and cost["Total"] == 7525.58


# -- 2. no complete month of spend: no burn rate, on the page, on the command line and in the exports ----------------

def fund_page_keyed_to(tab, qtbot, demo_window, keyed_to: str):
    store = demo_window.session.store
    funds.set_spend_keyed_to(store, funds.fund_by_name(store, PILOT).id, keyed_to)
    page = tab.funds
    tab.pages.setCurrentIndex(2)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    qtbot.waitUntil(lambda: page.data is not None and page.data.figures.keyed_to is not None, timeout=10000)
    return page


def test_with_no_complete_month_the_burn_rate_is_blank_on_the_command_line_as_the_window_says_dash(
        tab, qtbot, tmp_path, capsys, demo_window):
    """Spend keyed only to 15/04/2018 (no month of spend complete): the page said the burn rate was "—" and "No
    complete month of spend yet, so no forecast", but `safer-desk fund` (and the page's own CSV and workbook) printed
    a burn rate of 0, and 0 on each of the 3-, 6- and 12-month windows: read alone, £0 a month says the fund is not
    being spent at all."""
    import openpyxl

    page = fund_page_keyed_to(tab, qtbot, demo_window, "15/04/2018")
    # s70: no rate, but what is keyed so far in the months not complete (the command line's incomplete months)
    assert page.figure_labels["burn"].text() == "£2,417 so far (months not complete)"
    assert page.figure_labels["runs_out"].text() == "—"
    assert "No complete month of spend yet" in page.sentence.text()
    values = cli_values(capsys, "fund", str(demo_window.session.store.path), PILOT)
    assert values["burn_rate_as_at_month"] == "" and values["monthly_burn_rate"] == ""
    assert [values[f"monthly_burn_rate_{n}m"] for n in (3, 6, 12)] == ["", "", ""]
    assert values["balance"] == "17583" and values["left_at_period_end"] == ""
    shown = dict(csv.reader(page.presenter.export(tmp_path / "fund.csv").open(encoding="utf-8-sig")))
    assert shown["monthly_burn_rate"] == "" and shown["monthly_burn_rate_3m"] == ""
    book = openpyxl.load_workbook(page.presenter.export(tmp_path / "fund.xlsx"))
    amounts = {r[0]: r[1] for r in book["Figures"].iter_rows(min_row=2, values_only=True)}
    assert amounts["monthly_burn_rate"] is None and amounts["monthly_burn_rate_12m"] is None


def test_a_burn_rate_of_nothing_spent_in_keyed_months_is_still_0(capsys, demo_path):
    """Spend keyed to 28/02/2019 and none since June 2018: there is a rate, and it is £0 a month."""
    values = cli_values(capsys, "fund", str(demo_path), PILOT, "--today", "12/03/2019", "--keyed-to", "28/02/2019")
    assert (values["burn_rate_as_at_month"], values["monthly_burn_rate"]) == ("2019-02", "0")


# -- 3. a closed fund spends no more: it does not run out, and what it holds is what is left -------------------------

def test_a_closed_fund_is_not_forecast_to_run_out_on_the_page_or_the_command_line(tab, qtbot, capsys, demo_window):
    """The pilot closed (Fund settings…, Status closed: no spend can be recorded on it) still said "Runs out: Apr
    2020" and "£5,498 left" at the end of the period, in the window, the board report's sentence and `safer-desk
    fund`: spending at £805.67 a month that the fund refuses to record. Closed, the £17,583 it holds is what is
    left."""
    store = demo_window.session.store
    fund = funds.fund_by_name(store, PILOT)
    funds.update_fund(store, fund.id, status="closed")
    page = tab.funds
    tab.pages.setCurrentIndex(2)
    page.refresh()
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    qtbot.waitUntil(lambda: page.data is not None and page.data.figures.fund.status == "closed", timeout=10000)
    shown = {k: label.text() for k, label in page.figure_labels.items()}
    assert (shown["balance"], shown["burn"]) == ("£17,583", "£805.67 a month")  # the rate it was spent at
    assert (shown["runs_out"], shown["last_funded"], shown["at_end"]) == ("Closed", "—", "£17,583 left")
    assert "runs out" not in page.sentence.text() and "is closed" in page.sentence.text()
    assert page.data.figures.forecast.forecast_line == []  # no dashed spend the fund will not record
    values = cli_values(capsys, "fund", str(store.path), PILOT)
    assert (values["status"], values["monthly_burn_rate"], values["left_at_period_end"]) == ("closed", "805.67",
                                                                                           "17583")
    assert values["forecast_exhaustion_month"] == "" and values["last_fully_funded_month"] == ""
    assert [values[f"forecast_exhaustion_month_{n}m"] for n in (3, 6, 12)] == ["", "", ""]
    assert "is closed" in values["forecast_warnings"]
    funds.update_fund(store, fund.id, status="open")  # opened again: the forecast is back
    figures = funds.fund_figures(store, fund.id)
    assert figures.forecast.exhaustion_month is not None and figures.forecast.left_at_end_pence == 549_795
