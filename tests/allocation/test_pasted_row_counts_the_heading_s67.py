"""s67: the paper's table copied from Excel with its headings (Partnership, Fixed units, basis, Last year), Babergh,
Ipswich and its Total line, was refused as "Pasted row 3: “Total” looks like the table's total line", though Total is
the fourth line copied (the heading line was skipped before counting), and a bad figure likewise one line early. The
lines are now counted as copied, the heading line the first."""

from __future__ import annotations

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.services import allocation_workbench as bench

HEADINGS = ["Partnership", "Fixed units", "basis", "Last year"]


def test_a_total_line_under_headings_is_counted_as_copied():
    with pytest.raises(AllocationError) as refused:
        bench.with_pasted(bench.empty_state(), 0, 0, [HEADINGS, ["Babergh", "1", "2,442", "£70,725"],
                                                      ["Ipswich", "1", "7,937", "£160,607"],
                                                      ["Total", "2", "10,379", "£231,332"]])
    assert str(refused.value).startswith("Pasted row 4: “Total” looks like the table's total line"), refused.value


def test_a_bad_figure_under_headings_is_counted_as_copied():
    with pytest.raises(AllocationError) as refused:
        bench.with_pasted(bench.empty_state(), 0, 0, [HEADINGS, ["Babergh", "1", "2,442", "£70,725"],
                                                      ["Ipswich", "1", "lots", "£160,607"]])
    assert str(refused.value).startswith("Pasted row 3, basis: “lots” is not a number"), refused.value


def test_without_headings_the_first_line_is_row_1_as_before():
    with pytest.raises(AllocationError) as refused:
        bench.with_pasted(bench.empty_state(), 0, 0, [["Babergh", "1", "lots", "£70,725"]])
    assert str(refused.value).startswith("Pasted row 1, basis:"), refused.value


def test_a_factor_refused_under_its_headings_is_counted_as_copied():
    with pytest.raises(AllocationError) as refused:
        bench.with_factors_pasted(bench.empty_state(), 0, 0, [["Factor", "Weight"], ["crime", "50%"],
                                                              ["population", "half"]])
    assert str(refused.value).startswith("Pasted row 3: "), refused.value
