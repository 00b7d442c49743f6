"""A day after today for the DHR ledger's "as at", round 33 (ism).

Costs > Ledger refused a day after today beside its As at field, while `safer-desk dhr-ledger FILE --as-at DAY` took
one without a word and printed overdue counted at that day. Both now refuse it through one rule, in the same words:
the command line as bad input (exit 1, one line on stderr, nothing on stdout; DESIGN.md §4).

`safer-desk fund FILE NAME --as-at MONTH` names the last month of the burn-rate window. A month after the current
one has no spend yet (spend dated after today is not counted), so its window counted months of £0 and printed a burn
rate of 0 and no run-out month: not a forecast (the forecast already runs on from the as-at month), but a wrong one.
It is refused as well, in its own words; this month (not complete) is still taken, with its warning.
"""

from __future__ import annotations

import csv
import io
from datetime import date, timedelta

from safer_desk.domain.periods import format_uk_date
from safer_desk.presenters.dhr import LedgerPresenter, ledger_day_refusal
from tests.cli_run import run

PILOT = "Suffolk Target Hardening Pilot"


def test_the_command_line_refuses_a_day_after_today_in_the_windows_words(demo_path, capsys):
    today = date.today()
    tomorrow = today + timedelta(days=1)
    before = demo_path.read_bytes()
    for extra in ([], ["--by-case"]):
        code, out, err = run(capsys, "dhr-ledger", demo_path, "--as-at", format_uk_date(tomorrow), *extra)
        assert (code, out) == (1, "")
        assert err.count("\n") == 1 and "Traceback" not in err
        rule = ledger_day_refusal(tomorrow, today)
        assert rule == (f"{format_uk_date(tomorrow)} is after today ({format_uk_date(today)}): the ledger shows what "
                        "had happened by a day, so choose today or an earlier day.")
        assert err == f"safer-desk: --as-at: {rule}\n"
    assert demo_path.read_bytes() == before
    # the window's Ledger says the same words beside its As at field
    window = LedgerPresenter(today=lambda: today)
    assert not window.choose(format_uk_date(tomorrow)) and window.message.startswith(rule)


def test_today_and_earlier_days_are_still_taken(demo_path, capsys):
    today = date.today()
    assert ledger_day_refusal(today, today) == "" and ledger_day_refusal(date(2018, 7, 20), today) == ""
    code, out, err = run(capsys, "dhr-ledger", demo_path, "--as-at", format_uk_date(today))
    assert code == 0 and err == ""
    assert code == 0 and out == run(capsys, "dhr-ledger", demo_path)[1]  # today's position, as without --as-at
    code, out, _ = run(capsys, "dhr-ledger", demo_path, "--as-at", "20/07/2018")
    assert code == 0 and list(csv.DictReader(io.StringIO(out)))[-1]["partner"] == "Total"


def test_fund_refuses_a_burn_rate_month_after_this_one(demo_path, capsys):
    code, out, err = run(capsys, "fund", demo_path, PILOT, "--today", "20/09/2018", "--as-at", "2019-03")
    assert (code, out) == (1, "")
    assert err == ("safer-desk: --as-at: Mar-19 is after Sep-18, the month of today (20/09/2018): the burn rate "
                   "counts spend that has happened, and the forecast runs on from its month, so give Sep-18 or an "
                   "earlier month, or leave --as-at out for the latest complete month.\n")
    # this month is not complete but has begun: still taken, with the warning it had
    code, out, err = run(capsys, "fund", demo_path, PILOT, "--today", "20/09/2018", "--as-at", "2018-09")
    assert code == 0 and "burn_rate_as_at_month,2018-09" in out and "Sep-18, which is not complete" in err
    # a month after the fund ends is refused for that, as before (whatever today is)
    code, out, err = run(capsys, "fund", demo_path, PILOT, "--as-at", "2019-10")
    assert (code, out) == (1, "") and "Oct-19 is after the fund ends (Sep-19)" in err
