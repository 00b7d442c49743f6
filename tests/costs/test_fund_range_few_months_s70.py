"""S70 (fund3): a fund with one complete month of spend said the same month four times.

Babergh's fund, begun in December with £3,000 spent that month, read on 05/01/2027: "Over 3-, 6- and 12-month windows
the fund runs out in Jun-27 on each window: Jun-27 on 3 months (only 1 month of spend); Jun-27 on 6 months (only 1
month of spend); Jun-27 on 12 months (only 1 month of spend)." Every window counts the one month there is, so they
are one forecast: said once, with why.
"""

from __future__ import annotations

from safer_desk.domain.funds import forecast_range
from safer_desk.domain.periods import Month


def test_windows_that_all_count_the_same_few_months_are_said_once():
    ranges = forecast_range(2_000_000, {Month(2026, 12): 300_000}, start=Month(2026, 12), end=Month(2027, 11))
    assert ranges.describe() == "runs out in Jun-27 on each window, each counting the only 1 month of spend there is"
    two = forecast_range(2_000_000, {Month(2026, 12): 300_000, Month(2027, 1): 300_000}, start=Month(2026, 12),
                         end=Month(2027, 11))
    assert two.describe() == "runs out in Jun-27 on each window, each counting the only 2 months of spend there are"


def test_windows_that_differ_are_each_said_as_before():
    spend = {Month(2026, m): 100_000 * m for m in range(4, 10)}  # six months, rising
    described = forecast_range(2_000_000, spend, start=Month(2026, 4), end=Month(2027, 3)).describe()
    assert "on 3 months" in described and "on 6 months" in described and "(only 6 months of spend)" in described
