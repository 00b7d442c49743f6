"""Session 74: `dhr-costs --correct` raising a billed review's cost said nothing of the part not yet billed.

The example's review WSCSP-DHR-2017-01 was billed £7,525.58, its cost to the penny. Its overview report writer's
£650 corrected to "£1,234.5" (the writer's second invoice) printed only "amount £650 → £1,234.50": the review now
costs £584.50 more than the partners were billed, which the window's Edit cost line… says before saving (a cost
raised now is billed with Bill partners (charge)…) and the Reviews list shows as Not yet billed, but an officer
correcting it from the command line was not told. It is now said on the same line, as the window words it.
"""

from __future__ import annotations

from tests.costs.test_cli import run
from tests.costs.test_cli_correct_cost_line_s72 import CASE, _ledger, _lines


def _writer(rows: list[dict]) -> str:
    return next(r["line"] for r in rows if r["category"] == "Overview report writer")


def test_a_cost_raised_says_what_is_not_yet_billed(demo_path, capsys):
    line = _writer(_lines(capsys, demo_path))
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--amount", "£1,234.5")
    assert code == 0, err
    assert out.strip() == (f"corrected the Overview report writer cost of £650 for {CASE}: amount £650 → £1,234.50; "
                           "£584.50 of the review's costs is not yet billed to the partners: Bill partners (charge)… "
                           "in the window bills it as further invoices")
    assert _ledger(demo_path) == (811008, 752558, 58450)


def test_a_cost_corrected_with_nothing_more_to_bill_says_none(demo_path, capsys):
    line = _writer(_lines(capsys, demo_path))
    code, out, err = run(capsys, "dhr-costs", str(demo_path), CASE, "--correct", line, "--supplier", "A Writer Ltd")
    assert code == 0, err
    assert out.strip() == (f"corrected the Overview report writer cost of £650 for {CASE}: supplier “Independent DHR "
                           "chair” → “A Writer Ltd”")
