"""Round 39 (rpx): a county file's workbook says which conflicts are still open, and the refund held back.

The county workbook of a county file with two conflicts open (Babergh office's refund of £250 that the county's
ledger holds no overpayment for, ``refund-cannot-take``, and the review's cost line edited at the county) read as
settled figures: its Reviews sheet had no Refunded column and nothing anywhere said a refund was held back or that
the lead had decisions to make. Its Contents sheet now counts the open conflicts by what they are about and gives
each refund not merged in the Conflicts window's words, as the board report does
(test_report_open_conflicts_round39rpx).
An office's own workbook has no such line.
"""

from __future__ import annotations

import openpyxl

from safer_desk.services.county import export_for_county, list_conflicts
from tests.exchange.test_report_open_conflicts_round39rpx import files  # noqa: F401 (the fixture)


def _facts(path) -> dict:
    rows = openpyxl.load_workbook(path)["Contents"].iter_rows(values_only=True)
    return {r[0]: r[1] for r in rows if r and r[0] and len(r) > 1 and r[1] is not None}


def test_the_contents_count_the_open_conflicts_and_say_the_refund_not_merged(files, tmp_path):  # noqa: F811
    county, babergh = files
    [refund] = [c for c in list_conflicts(county) if c.kind == "refund-cannot-take"]
    export_for_county(county, tmp_path / "county.xlsx")
    facts = _facts(tmp_path / "county.xlsx")
    assert facts["Conflicts still open"] == (
        "2 (reviews and their costs: 1; rows edited at the county since they were merged: 1): until the county lead "
        "decides them (File > Conflicts…), the sheets give the county file's side of each"), facts
    assert facts["Refund not merged"] == f"{refund.detail}. It is not in the Reviews sheet's figures.", facts
    export_for_county(babergh, tmp_path / "babergh.xlsx")
    own = _facts(tmp_path / "babergh.xlsx")
    assert "Conflicts still open" not in own and "Refund not merged" not in own, own
