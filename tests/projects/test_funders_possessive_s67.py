"""The project editor's note under Funding sources said what is left "for Suffolk Public Sector Leaders's part (not
known yet)", where everything else (Commissioning, the board report) says "Suffolk Public Sector Leaders' share"
(noticed by session 67's Commissioning hunt)."""

from __future__ import annotations

from safer_desk.presenters.funders import shares_summary


def test_what_is_left_names_a_funder_ending_in_s_as_its_owner_the_way_commissioning_does():
    said = shares_summary("Suffolk Public Sector Leaders (2018/19): Tbc\nOPCC (2018/19): £5,000", "£20,000")
    assert said.splitlines()[-1] == ("Left for 2018/19: £15,000, for Suffolk Public Sector Leaders' part (not known "
                                     "yet) and any other funder.")
    said = shares_summary("OPCC: Tbc\nChildren's Trust: Tbc\nLottery: £5,000", "£20,000")
    assert said.splitlines()[-1] == ("Left: £15,000, for OPCC's and Children's Trust's parts (not known yet) and any "
                                     "other funder.")
