"""A partnership as large as the others together was refused as "the table's total line" wherever it stood: a county
of three whose middle partnership has as many people as the other two (50,000 / 100,000 / 50,000), with last year's
money split the same way (£100 / £200 / £100), could not be allocated at all, by the command line or the window
(session 75). A board paper's total line stands below the partnerships (or above them), never between two: a row
with partnerships on both sides is a partnership."""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import PartnershipInput, others_total_message
from safer_desk.services.allocation import read_input_csv


def _three(middle_units: int = 1) -> list[PartnershipInput]:
    return [PartnershipInput("Babergh", 1, {"basis": Fraction(50000)}, 10000),
            PartnershipInput("Ipswich", middle_units, {"basis": Fraction(100000)}, 20000),
            PartnershipInput("Waveney", 1, {"basis": Fraction(50000)}, 10000)]


@pytest.mark.parametrize("units", [1, 2])
def test_a_middle_partnership_as_large_as_the_others_is_a_partnership(units):
    assert others_total_message(_three(units), 1) is None


def test_the_same_figures_last_are_still_taken_for_a_total_line():
    rows = _three(2)
    rows.append(rows.pop(1))
    assert others_total_message(rows, 2).startswith("“Ipswich” holds the total of the other partnerships' figures")


def test_the_command_line_reads_the_middle_partnership(tmp_path):
    path = tmp_path / "three.csv"
    path.write_text("partnership,fixed_units,basis,previous\nBabergh,1,50000,100\nIpswich,1,100000,200\n"
                    "Waveney,1,50000,100\n", encoding="utf-8")
    rows = read_input_csv(path)
    assert [p.name for p in rows] == ["Babergh", "Ipswich", "Waveney"]


def test_the_window_takes_the_three_pasted_from_excel():
    from safer_desk.services.allocation_workbench import empty_state, with_option, with_pasted

    table = [["Babergh", "1", "50,000", "100"], ["Ipswich", "1", "100,000", "200"], ["Waveney", "1", "50,000", "100"]]
    state = with_pasted(empty_state(), 0, 0, table)
    assert [(p.name, p.values["basis"]) for p in state.partnerships] == [
        ("Babergh", 50000), ("Ipswich", 100000), ("Waveney", 50000)]
    result, why = with_option(state, "pot", "400").calculate()
    assert why == ""
    assert [r.total_pence for r in result.rows] == [10000, 20000, 10000]
