"""The Top-slice page reads Equal shares as `safer-desk top-slice --partners` reads it (session 72).

"9.0" (a count as a sheet's cell gives it) was refused on the page as “9.0” is not a whole number, beside a command
that read it as 9; "1_0" was read as ten partners and "+9" as nine, both refused by the command; "9%" was said to be no
whole number rather than a percentage where a count is asked. The page now reads the count with the domain's own
reading of a count (``parse_units``), as Fixed units are read, and says the same as the command.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.allocation import top_slice_rows
from tests.cli_run import run

FIELDS = {"total": "£2,900,692", "slice": "50", "slice_label": "LSP share", "retained": "10", "partners": "9",
          "scenario": "20"}


def _page(partners: str):
    return top_slice_rows({**FIELDS, "partners": partners}, "Rest")


@pytest.mark.parametrize("typed", ["9.0", " 9 ", "9.00"])
def test_a_whole_count_written_with_a_point_is_read_as_the_command_reads_it(capsys, typed):
    rows, problem = _page(typed)
    assert problem == "" and rows == _page("9")[0]
    assert dict(rows)["Each of 9 partners (equal share)"] == 145_034_60
    code, _, err = run(capsys, "top-slice", "2900692", "--partners", typed)
    assert code == 0, err


@pytest.mark.parametrize(("typed", "said"), [
    ("1_0", "Equal shares: “1_0” is not a whole number."),
    ("+9", "Equal shares: “+9” is not a whole number."),
    ("9.5", "Equal shares: “9.5” is not a whole number."),
    ("9%", "Equal shares: “9%” is a percentage, but a count or measure is asked for here, not a share: type the "
           "figure without the % sign (9)."),
    ("0", "Equal shares: there must be at least one partner to share with."),
    ("-3", "Equal shares: there must be at least one partner to share with."),
])
def test_what_the_command_refuses_the_page_refuses(capsys, typed, said):
    rows, problem = _page(typed)
    assert rows == [] and problem == f"⚠ {said}"
    code, _, _ = run(capsys, "top-slice", "2900692", "--partners", typed)
    assert code == 2
