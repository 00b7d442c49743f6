"""With every count at 0 and a 100% fixed share (`safer-desk allocate --fixed-share 100%`), the Totals row printed
basis_share_pct 100.00 under rows that each say 0.00; the tab's and the report's totals said 100.00% too. The total
share is now the rows' shares added up: 0.00 when there is nothing to share by, 100.00 as before otherwise (seed 000's
9.08 … 30.99 rounded shares still total 100.00, as the paper prints)."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from tests.cli_run import run


def _zero_counts(tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nA,1,0\nB,1,0\n", encoding="utf-8")
    return path


def test_the_command_lines_total_share_is_the_rows_added_up(capsys, tmp_path):
    code, out, err = run(capsys, "allocate", _zero_counts(tmp_path), "--pot", "1000", "--fixed-share", "100%")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[1:] == ["A,1,0,0.00,500,0,500,,", "B,1,0,0.00,500,0,500,,", "Totals,2,0,0.00,1000,0,1000,,"]


def test_the_tables_total_share_is_the_rows_added_up_too():
    rows = [PartnershipInput("A", 1, {"basis": Fraction(0)}), PartnershipInput("B", 1, {"basis": Fraction(0)})]
    result = service.calculate(rows, AllocationOptions(pot_pence=1000_00, fixed_share=Fraction(1)))
    *_, totals = service.table_rows(result)
    header = service.table_header(result)
    assert totals[header.index("basis as % of the total")] == "0.00%"


def test_with_counts_the_total_stays_100(capsys, tmp_path):
    path = tmp_path / "input.csv"
    path.write_text("partnership,fixed_units,basis\nA,1,2\nB,1,3\n", encoding="utf-8")
    code, out, _ = run(capsys, "allocate", path, "--pot", "1000", "--fixed-share", "100%")
    assert out.splitlines()[-1] == "Totals,2,5,100.00,1000,0,1000,,"


def test_the_tabs_weighted_share_total_is_the_rows_added_up():
    from safer_desk.domain.allocation import Factor
    from safer_desk.ui.allocation.models import result_rows, totals_row

    rows = [PartnershipInput("A", 1, {"crime": Fraction(0), "pop": Fraction(0)}),
            PartnershipInput("B", 1, {"crime": Fraction(0), "pop": Fraction(0)})]
    options = AllocationOptions(pot_pence=1000_00, fixed_share=Fraction(1),
                                factors=(Factor("crime", Fraction(1)), Factor("pop", Fraction(1))))
    result = service.calculate(rows, options)
    shown = result_rows(result)
    assert [r["share"] for r in shown] == ["0.00", "0.00"]
    assert totals_row(result, shown)["share"] == "0.00"
