"""Invariants of ``run_given`` (s71): a burn rate's window, widened to the whole stretches of months a paper leaving
the office gives only together, holds whole rows of that table. Whatever the months: the run given holds the run
asked for, begins and ends at a row's edges, and so no published pair (two windows' spend, or one less the months
given alone) is anything but a sum of whole rows: no month given only together with another is told. The totals
are kept: the window's spend is the sum of the rows it holds."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from safer_desk.domain import funds as domain
from safer_desk.domain.disclosure import quarter_start, run_given, spans_with_disclosure_control
from safer_desk.domain.periods import Month

START = Month(2018, 4)
months = st.lists(st.tuples(st.integers(0, 4), st.integers(0, 50_000)), min_size=1, max_size=18)


def _rows(table):
    """The months of the table, the spans it gives them in, and its stretches (first, last month) of two or more."""
    ms = [START.plus(k) for k in range(len(table))]
    spans = spans_with_disclosure_control([v for v, _ in table], [quarter_start(m.iso) for m in ms])
    return ms, spans, [(ms[s.start], ms[s.stop - 1]) for s in spans if len(s) > 1]


def _whole(spans, ms, first, last) -> bool:
    """Every row of the table is wholly inside the run or wholly outside it."""
    return all(all(first <= ms[i] <= last for i in s) or not any(first <= ms[i] <= last for i in s) for s in spans)


@settings(max_examples=200)
@given(months, st.data())
def test_a_run_given_holds_whole_rows_and_no_pair_tells_a_month_joined(table, data):
    ms, spans, stretches = _rows(table)
    runs = []
    for _ in range(2):
        a = data.draw(st.integers(0, len(ms) - 1))
        b = data.draw(st.integers(a, len(ms) - 1))
        first, last = run_given(ms[a], ms[b], stretches)
        assert first <= ms[a] and ms[b] <= last  # it holds the run asked for
        assert _whole(spans, ms, first, last)
        assert run_given(first, last, stretches) == (first, last)
        runs.append({i for i, m in enumerate(ms) if first <= m <= last})
    # Two published sums, or one less the rows given alone: each difference is made of whole rows of the table.
    for diff in (runs[0] - runs[1], runs[1] - runs[0], runs[0] & runs[1]):
        assert all(set(s) <= diff or not set(s) & diff for s in spans)
    # The totals kept: the spans cover every month once.
    assert sorted(i for s in spans for i in s) == list(range(len(ms)))


@settings(max_examples=120)
@given(months, st.sampled_from(domain.FORECAST_WINDOWS + (1,)), st.data())
def test_a_burn_rate_over_the_window_given_is_a_sum_of_whole_rows(table, window, data):
    ms, spans, stretches = _rows(table)
    asked = ms[data.draw(st.integers(0, len(ms) - 1))]
    first = START if window > asked.minus(START) else asked.plus(-(window - 1))
    # A month asked inside a stretch (every month complete here) runs to its end, as fund_figures' shared figures do.
    first, at = run_given(first, asked, stretches)
    widened = at.minus(first) + 1
    monthly = {m: p for m, (_, p) in zip(ms, table)}
    f = domain.forecast_fund(10**9, monthly, start=START, end=ms[-1], as_at=at, window=max(window, widened))
    start = at.plus(-(f.window_months - 1))
    assert _whole(spans, ms, start, at)
    rows = [sum(monthly[ms[i]] for i in s) for s in spans if start <= ms[s.start] and ms[s.stop - 1] <= at]
    assert f.window_spend_pence == sum(rows)
