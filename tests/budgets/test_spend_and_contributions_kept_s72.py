"""Session 72: a file that already links a fund's spend and its contributions to one line says so, counting neither.

Linking a fund's spend beside its contributions is refused since session 71, but a file made before holds such a
line: seed 002's target-hardening line, linked to Babergh's and Mid Suffolk's contributions (£4,000 in 2018/19) and
to the fund's spend (£2,417 in April–June 2018), still read £6,417 as its actual in the tab, the board report,
`budget --actuals` and the workbook: the money that came in added to the money that went out, a figure of neither,
without a word. Such a line now counts neither of the two (its other links still count), and says why and how to
choose: unlink the one that should not count.
"""

from __future__ import annotations

import csv
import io

import pytest

from safer_desk.cli import main
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.budgets import BudgetsPresenter
from safer_desk.services import budgets as svc
from safer_desk.services.demo_data import budgets as demo
from safer_desk.services.report_sections.budgets import plan_table

LINE = "Target Hardening for High Risk DV Victims"
SAID = ("Fund Suffolk Target Hardening Pilot: its spend and contributions into it are both linked: added, they "
        "would be a figure of neither (the money that went out and the money that came in), so neither counts. "
        "Unlink the one that should not count (right-click the line)")


def _row(store, plan):
    return next(r for r in svc.plan_view(store, plan).rows if r.label == LINE)


@pytest.fixture
def both(demo_store, monkeypatch):
    """The spend linked beside the contributions, as a version before the refusal let it be."""
    plan = svc.plan_id_by_name(demo_store, demo.IMPLICATIONS)
    row = _row(demo_store, plan)
    fund = row.links[0].target_id
    assert [a.pence for a in row.actuals] == [None, 4_000_00, None]
    monkeypatch.setattr(svc, "_refuse_spend_beside_contributions", lambda *a: None)
    svc.link_line(demo_store, row.line_id, fund=fund, measure="spend")
    monkeypatch.undo()
    return plan, row.line_id, fund


def test_the_line_counts_neither_and_says_why(demo_store, both):
    plan, line, fund = both
    row = _row(demo_store, plan)
    assert [a.pence for a in row.actuals] == [None, None, None], [a.text for a in row.actuals]
    assert SAID in row.actuals_note, row.actuals_note
    p = BudgetsPresenter(demo_store, perform=ActionLog())
    p.reload()
    p.select(plan)
    (shown,) = [r for r in p.rows if r.line_id == line]
    assert all(not c.actual for c in shown.cells) and SAID in shown.actuals_note
    assert SAID in plan_table(svc.plan_view(demo_store, plan)).note  # the board report, under the table


def test_the_command_line_says_so_and_prints_no_sum(demo_store, both, capsys):
    plan, line, fund = both
    assert main(["budget", str(demo_store.path), demo.IMPLICATIONS, "--actuals"]) == 0
    out = capsys.readouterr()
    actual = {r["year"]: r["actual"] for r in csv.DictReader(io.StringIO(out.out)) if r["line"] == LINE}
    assert "6417" not in actual.values() and actual.get("2018/19", "") == "", actual
    assert SAID in out.err


def test_unlinking_one_chooses_which_counts(demo_store, both):
    plan, line, fund = both
    spend = next(k for k in svc.line_links(demo_store, plan)[line] if k.measure == "spend")
    svc.unlink_line(demo_store, spend.id)
    row = _row(demo_store, plan)
    assert [a.pence for a in row.actuals] == [None, 4_000_00, None] and SAID not in row.actuals_note
