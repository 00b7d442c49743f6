"""Where an amount cannot be blank, the refusal of "TBC" says so in its own words, not rewritten (round 40, cwx).

The Awards presenter and `safer-desk awards --year` each rewrote money's "leave the amount blank" afterwards; the
words for where the amount was typed now go to the money refusal itself (``parse_pence(…, blank=…)``).
"""

from __future__ import annotations

import pytest

from safer_desk.domain.commissioning import FundingError
from safer_desk.services import funders
from tests.cli_run import run


def test_an_awards_year_not_known_yet_is_said_by_the_service_itself():
    with pytest.raises(FundingError) as said:
        funders.make_award(funder="OPCC", name="Grant", years={"2017/18": "£400,568", "2018/19": "TBC"})
    assert str(said.value) == ("Amount for 2018/19: “TBC” is not an amount of money: it says the figure is not known "
                               "yet. Leave the year's line out until it is known (type £0 only if there is none).")


def test_the_command_line_says_leave_the_year_out(capsys, demo_path):
    code, _, err = run(capsys, "awards", demo_path, "--add", "T", "--funder", "OPCC", "--year", "2017/18=TBC")
    assert code == 2
    assert ("--year: the amount for 2017/18: “TBC” is not an amount of money: it says the figure is not known yet. "
            "Leave out --year 2017/18 until it is known (type £0 only if there is none).") in err
