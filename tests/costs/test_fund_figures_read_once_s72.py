"""S72 (privacy5): the Pooled funds page reads a fund's figures from the file once, also when months are joined.

With a month of one victim (July 2018, £150) the Per month table a paper leaving the office gives joins it with the
next, and ``fund_figures`` worked out the figures such a paper gives by calling itself again: every statement reading
the fund (its spend by district and month, its spend per victim, its contributions …) ran twice each time the page
loaded on its worker thread. The reads are now made once and both sets of figures worked out from them; what the
page is handed holds values only, no connection (it crosses from the worker thread to the window's).
"""

from __future__ import annotations

import pickle
from collections import Counter
from datetime import date

from safer_desk.presenters.funds import load_fund_data
from safer_desk.services import funds
from tests.costs.test_fund_burn_rate_joined_months_s71 import PILOT, _victims

AS_AT = date(2018, 11, 20)


def _statements(store, work) -> Counter:
    ran: Counter = Counter()
    store.conn.set_trace_callback(lambda sql: ran.update([sql]))
    try:
        work()
    finally:
        store.conn.set_trace_callback(None)
    return ran


def test_the_figures_of_a_fund_whose_months_are_joined_read_the_file_once(demo_store):
    fund = funds.fund_by_name(demo_store, PILOT).id
    _victims(demo_store, fund, 7, ["150"])
    _victims(demo_store, fund, 8, ["100", "120", "140"])
    _victims(demo_store, fund, 9, ["110", "110", "110"])
    _victims(demo_store, fund, 10, ["80", "90", "100"])
    held = {}
    ran = _statements(demo_store, lambda: held.update(f=funds.fund_figures(demo_store, fund, today=AS_AT)))
    figures = held["f"]
    # Months are joined: the figures a paper gives differ from the office's (the 4 months to Oct-18, not 3)
    assert figures.given is not None and figures.shared.forecast.window_months == 4
    assert figures.forecast.window_months == 3
    twice = {sql: n for sql, n in ran.items() if n > 1 and sql.lstrip().upper().startswith("SELECT")}
    assert not twice, twice
    # What the page's worker hands the window holds values only (a connection cannot be pickled)
    data = load_fund_data(demo_store, fund, window=3, today=AS_AT)
    assert pickle.loads(pickle.dumps(data.figures)) == data.figures
