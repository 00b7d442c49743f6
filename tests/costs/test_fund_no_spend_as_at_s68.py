"""A pooled fund nothing is spent from yet, its burn rate asked as at a month chosen (`safer-desk fund FILE NAME
--as-at 2024-01`): the warning read "No spend is recorded after Jan-24, though Feb-24 to Mar-25 are over … Until
then the forecast runs from Jan-24.", as though spend was recorded up to January, with April 2023 to January 2024
(months over with no spend as well) left unsaid. It now names the months from the fund's start, and what the burn
rate counts as £0."""

from __future__ import annotations

import csv
import io
from datetime import date

from safer_desk.cli import main
from safer_desk.domain.funds import forecast_fund
from safer_desk.domain.periods import Month
from safer_desk.services import funds

START, END = Month(2023, 4), Month(2025, 3)


def test_a_fund_with_no_spend_as_at_a_month_chosen_says_its_months_from_the_start():
    f = forecast_fund(1_000_000, {}, start=START, end=END, as_at=Month(2024, 1), incomplete_from=Month(2026, 12))
    [said] = f.warnings
    assert said.startswith("No spend is recorded from Apr-23, when the fund starts, to Mar-25, though those months "
                           "are over: if spend is still to be keyed, key it;")
    assert "after Jan-24" not in said and "forecast runs from" not in said
    assert said.endswith("Until then, the burn rate to Jan-24 counts Nov-23 to Jan-24 as £0 though nothing says "
                         "they are keyed.")
    assert f.burn_rate_pence == 0 and f.exhaustion_month is None


def test_a_fund_with_spend_before_the_month_chosen_is_said_as_before():
    f = forecast_fund(1_000_000, {Month(2023, 5): 10_000}, start=START, end=END, as_at=Month(2023, 6),
                      incomplete_from=Month(2026, 12))
    assert any(w.startswith("No spend is recorded after May-23, though Jun-23 to Mar-25 are over") for w in f.warnings)


def test_the_one_month_of_a_fund_with_no_spend_is_said_in_the_singular():
    f = forecast_fund(1_000_000, {}, start=START, end=START, as_at=START, incomplete_from=Month(2026, 12))
    assert f.warnings[0].startswith("No spend is recorded in Apr-23, when the fund starts, though that month is over")
    assert f.warnings[0].endswith("the burn rate to Apr-23 counts Apr-23 as £0 though nothing says it is keyed.")


def test_the_command_says_it_for_a_fund_with_no_spend(demo_path, capsys):
    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    try:
        fund_id = funds.add_fund(store, name="Empty Fund", starts_on=date(2023, 4, 1), ends_on=date(2025, 3, 31))
        funds.add_contribution(store, fund_id, organisation="Suffolk County Council", amount="10000",
                               received_on=date(2023, 4, 1))
    finally:
        store.close()
    assert main(["fund", str(demo_path), "Empty Fund", "--as-at", "2024-01"]) == 0
    out, err = capsys.readouterr()
    rows = dict(list(csv.reader(io.StringIO(out)))[1:])
    assert rows["forecast_warnings"].startswith("No spend is recorded from Apr-23, when the fund starts, to Mar-25")
    assert "No spend is recorded after" not in err and "from Apr-23, when the fund starts" in err
