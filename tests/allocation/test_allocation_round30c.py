"""The Allocation calculator, round 30 (a second look).

1. Export… to .xlsx wrote each exact share as its two-decimal print (1/3 as 0.3333): the column of shares added up
   to 99.99% under a Totals row of 100.00%, and a share times the variable part gave £99.99 for an allocation of
   £100. Shown with Excel's 0.00% format it still reads 33.33%; held exactly it adds up. The legacy two-decimal
   rounding keeps the rounded share, the one its spreadsheet multiplied by.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.exchange.tables import write_table
from safer_desk.services import allocation as service


def _shares(tmp_path, rounding: str):
    import openpyxl

    rows = [PartnershipInput(name, 1, {"basis": 1}, 100_00) for name in ("Babergh", "Ipswich", "Waveney")]
    result = service.calculate(rows, AllocationOptions(pot_pence=300_00, fixed_share=Fraction(0), rounding=rounding))
    path = write_table(tmp_path / "allocation.xlsx", service.result_sheets(result, shares_as_numbers=True))
    sheet = openpyxl.load_workbook(path)["Allocation"]
    cells = [list(row) for row in sheet.iter_rows()]
    header = next(r for r in cells if r[0].value == "Partnership")
    column = next(i for i, c in enumerate(header) if str(c.value).endswith("as % of the total"))
    body = cells[cells.index(header) + 1:]
    return [r[column] for r in body[:-1]], body[-1][column]


def test_exact_shares_in_the_workbook_add_up_to_the_totals_row(tmp_path):
    shares, total = _shares(tmp_path, "exact")
    assert total.value == 1 and total.number_format == "0.00%"
    assert all(c.number_format == "0.00%" for c in shares)  # still shown as 33.33%
    assert sum(c.value for c in shares) == pytest.approx(1, abs=1e-12)  # was 0.9999 under a Totals row of 1
    assert shares[0].value * 300 == pytest.approx(100, abs=1e-9)  # the share times the variable part: £100


def test_the_legacy_rounding_keeps_the_two_decimal_share_its_spreadsheet_used(tmp_path):
    shares, _ = _shares(tmp_path, "percent-2dp")
    assert [c.value for c in shares] == [0.3333] * 3
