"""Round 35: a board report as at a day marks as illustrative only the example payments made by that day.

As at 31/03/2018 (the 2017/18 report) nothing had been paid on the example's costed review, yet its Recovered cell
read "£0.00 (illustrative)" and the report said payments marked so were example figures: a mark on no payment.
"""

from __future__ import annotations

from tests.exchange.helpers import cli_output
from tests.exchange.test_report_as_at_round34rda import page

REVIEW = "WSCSP-DHR-2017-01"


def recovered(tables, reference: str) -> str:
    """The Paid cell (headed Recovered until session 62) of a review's row in the report's table of reviews."""
    for rows in tables.tables.values():
        if rows and "Paid" in rows[0]:
            row = next((r for r in rows[1:] if r and r[0] == reference), None)
            if row is not None:
                return row[rows[0].index("Paid")]
    raise AssertionError(f"{reference} is not in the report's reviews")


def report(demo_path, tmp_path, *extra: str):
    out = tmp_path / "report.html"
    code, _, err = cli_output(["report", str(demo_path), str(out), *extra])
    assert code == 0, err
    return page(out)


def test_no_payment_by_the_day_is_not_marked_illustrative(demo_path, tmp_path):
    tables = report(demo_path, tmp_path, "--year", "2017/18")  # as at 31/03/2018: billed in June 2018
    assert recovered(tables, REVIEW) == "£0.00"
    assert not any("Payments marked (illustrative)" in p for p in tables.paragraphs)


def test_an_example_payment_made_by_the_day_is_marked(demo_path, tmp_path):
    tables = report(demo_path, tmp_path, "--year", "2018/19", "--as-at", "30/06/2018")  # Mid Suffolk paid 20/06
    assert recovered(tables, REVIEW) == "£684.15 (illustrative)"
    assert any("Payments marked (illustrative)" in p for p in tables.paragraphs)
