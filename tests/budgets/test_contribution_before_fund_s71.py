"""Session 71: seed 002's target-hardening line (£0 in 2017/18, £4,000 (£2,000 per District) in 2018/19) is linked to
Babergh's and Mid Suffolk's contributions to the pooled fund that began in April 2018. Babergh's £2,000 paid on
28/03/2018, before the pilot began, is the fund's from its first month (Costs counts it in April 2018), but the line's
actual put it in 2017/18: £2,000 against the £0 planned, an overspend that never was, and £2,000 short in 2018/19.
The actual now counts a contribution where the fund counts it (``services.funds.receipts``)."""

from __future__ import annotations

import csv
import io

from safer_desk.cli import main
from safer_desk.services import budgets as svc
from safer_desk.services import funds
from safer_desk.services.demo_data import budgets as demo
from safer_desk.storage.store import open_store

FUND = "Suffolk Target Hardening Pilot"
LINE = "Target Hardening for High Risk DV Victims"


def _paid_early(store) -> None:
    fund = next(f for f in funds.list_funds(store) if f.name == FUND)
    (paid,) = [c for c in funds.contributions(store, fund.id) if c["organisation"] == "Babergh District Council"]
    funds.update_contribution(store, paid["id"], organisation="Babergh District Council", amount="2000",
                              received_on="28/03/2018")
    assert [m.financial_year.label for m, _, who in funds.receipts(store, fund) if who.startswith("Babergh")] == [
        "2018/19"]  # the fund's, from its first month


def test_a_contribution_paid_before_the_fund_began_counts_in_the_funds_first_year(demo_store):
    _paid_early(demo_store)
    plan = svc.plan_id_by_name(demo_store, demo.IMPLICATIONS)
    (row,) = [r for r in svc.plan_view(demo_store, plan).rows if r.label == LINE]
    assert [a.pence for a in row.actuals] == [None, 4_000_00, None]


def test_and_the_command_line_shows_no_overspend_in_2017_18(demo_path, capsys):
    store = open_store(demo_path)
    try:
        _paid_early(store)
    finally:
        store.close()
    assert main(["budget", str(demo_path), demo.IMPLICATIONS, "--actuals"]) == 0
    rows = {r["year"]: r for r in csv.DictReader(io.StringIO(capsys.readouterr().out)) if r["line"] == LINE}
    assert (rows["2017/18"]["actual"], rows["2017/18"]["difference"]) == ("", "")
    assert (rows["2018/19"]["actual"], rows["2018/19"]["difference"]) == ("4000", "0")
