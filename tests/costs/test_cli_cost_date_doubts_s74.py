"""Session 74: `dhr-costs --correct --invoice-date` took a slip of the year without a word.

The example's review WSCSP-DHR-2017-01 was notified on 06/03/2017; its writer's invoice of 29/03/2018 corrected to
29/03/2008 (a slip for 2018) or to 29/03/2031 (not sent yet) printed only the change. Edit cost line… in the window
asks about both once beside the date (before the death was notified; after today, an invoice cannot have been made
yet). The command line now warns in the same words on stderr, as it warns of a supplier's name or a large amount;
the correction is still made (exit 0), as Save again keeps it in the window, and a date kept as it was is not warned.
"""

from __future__ import annotations

from datetime import date, timedelta

from safer_desk.domain.periods import format_uk_date
from tests.costs.test_cli import run
from tests.costs.test_cli_correct_cost_line_s72 import CASE, _lines


def _writer(rows: list[dict]) -> str:
    return next(r["line"] for r in rows if r["category"] == "Overview report writer")


def test_an_invoice_dated_before_the_death_was_notified_is_warned(demo_path, capsys):
    line = _writer(_lines(capsys, demo_path))
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--invoice-date", "29/03/2008")
    assert code == 0, err
    assert "29/03/2018 → 29/03/2008" in out
    assert err.strip() == ("safer-desk: warning: --invoice-date: 29/03/2008 is before the death was notified "
                           "(06/03/2017)."), err


def test_an_invoice_dated_after_today_is_warned(demo_path, capsys):
    line = _writer(_lines(capsys, demo_path))
    later = date.today() + timedelta(days=400)
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--invoice-date",
                         format_uk_date(later))
    assert code == 0, err
    assert err.strip() == (f"safer-desk: warning: --invoice-date: {format_uk_date(later)} is after today "
                           f"({format_uk_date(date.today())}): the invoice cannot have been made yet. Is the date "
                           "right?"), err


def test_a_date_kept_as_it_was_is_not_warned_again(demo_path, capsys):
    line = _writer(_lines(capsys, demo_path))
    run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--invoice-date", "29/03/2008")
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--supplier", "A Writer Ltd")
    assert code == 0 and err == "", err
