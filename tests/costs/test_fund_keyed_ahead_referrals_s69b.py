"""S69: spend keyed ahead of today counted in the Referrals table, not in the fund's figures.

A fund of £5,000; referral TH-2025-901 has £450 spent on 10/08/2025 and £300 keyed for 20/09/2025. On 15/09/2025
the page's Spent, Per district and Per victim said £450, while the Referrals table's total said £750 and deleting the
referral said "The fund's spend goes down by that much" (£750). The Referrals table's Spent is now the spend by the
page's day, as the figures count it, with what is keyed ahead in its tooltip; the delete question names both; and the
command line, the export and Copy figures give the spend keyed ahead as a row, spend_dated_after_today."""

from __future__ import annotations

import csv
import io
from datetime import date

from PySide6.QtCore import Qt

from safer_desk.presenters.funds import FundsPresenter, copied_sheet_rows
from safer_desk.services import funds
from tests.costs.test_cli import run

TODAY = date(2025, 9, 15)
NAME = "Keyed ahead pot"


def _fund(store) -> str:
    fund = funds.add_fund(store, name=NAME, starts_on="01/04/2025", ends_on="31/03/2026", risk_levels="high")
    funds.add_contribution(store, fund, organisation="Suffolk County Council", amount="£5,000",
                           received_on="01/04/2025")
    referral = funds.add_referral(store, fund, reference="TH-2025-901", district="Ipswich", referred_on="01/08/2025",
                                  risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
    funds.add_spend_line(store, referral, spent_on="10/08/2025", item="Door chain", amount="£450")
    funds.add_spend_line(store, referral, spent_on="20/09/2025", item="Door chain", amount="£300")
    return fund


def _presenter(store, fund: str) -> FundsPresenter:
    presenter = FundsPresenter(store, today=lambda: TODAY)
    presenter.reload(select=fund)
    return presenter


def test_a_referral_s_spent_is_the_spend_by_today_as_the_figures_count_it(demo_store):
    presenter = _presenter(demo_store, _fund(demo_store))
    data = presenter.data
    assert data.figures.spent_pence == 45_000 and data.figures.not_spent_pence == 30_000
    (referral,) = data.referrals
    assert (referral["spent_pence"], referral["spent_later_pence"], referral["lines"]) == (45_000, 30_000, 2)
    assert sum(r["spent_pence"] for r in data.referrals) == data.figures.spent_pence
    assert sum(v for _, _, v in data.figures.by_district) == sum(data.figures.per_victim) == 45_000


def test_deleting_the_referral_says_what_the_fund_s_spend_goes_down_by(demo_store):
    presenter = _presenter(demo_store, _fund(demo_store))
    question = presenter.delete_referral_question(presenter.data.referrals[0])
    assert question == ("Delete referral TH-2025-901 and its 2 spend lines (£750: £450 spent by today and "
                        "£300 dated after it)? The fund's spend goes down by £450, and the £300 keyed ahead "
                        "is deleted with it.")


def test_the_command_line_export_and_copy_name_the_spend_keyed_ahead(demo_store, demo_path, capsys, tmp_path):
    fund = _fund(demo_store)
    code, out, err = run(capsys, "fund", str(demo_path), NAME, "--today", "15/09/2025")
    assert code == 0, err
    values = dict(csv.reader(io.StringIO(out)))
    assert (values["spend"], values["spend_dated_after_today"]) == ("450", "300")
    presenter = _presenter(demo_store, fund)
    assert dict(copied_sheet_rows(presenter.sheet("Figures"), figures=True))["spend_dated_after_today"] == "300"
    exported = presenter.export(tmp_path / "fund.csv").read_text(encoding="utf-8-sig")
    assert dict(csv.reader(io.StringIO(exported)))["spend_dated_after_today"] == "300"


def test_the_page_s_referrals_total_agrees_with_spent(demo_window, qtbot):
    from tests.costs.test_fund_page_round30d import _page_on

    _fund(demo_window.session.store)
    page = _page_on(demo_window, qtbot, TODAY, NAME)
    model = page.referrals.view.model()
    spent = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Spent")
    last = model.rowCount() - 1
    assert model.index(last, 0).data() == "Total"
    assert model.index(last, spent).data() == page.figure_labels["spent"].text() == "£450"
    assert "£300 more is keyed for after today" in model.index(0, spent).data(Qt.ItemDataRole.ToolTipRole)
