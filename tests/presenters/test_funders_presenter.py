"""Funders' shares as the project editor reads them back while typed (seed 003: the PCC's part of each line)."""

from safer_desk.presenters.funders import funder_shares, shares_summary


def test_each_share_against_the_cost():
    text = shares_summary("OPCC (2017/18): £110,000", "£501,753")
    assert text.splitlines() == ["OPCC (2017/18): £110,000 of £501,753 (21.9%)", "Other funders for 2017/18: £391,753."]


def test_a_share_not_yet_known_and_no_shares():
    assert shares_summary("OPCC: Tbc", "£75,000") == "OPCC: Tbc"
    assert shares_summary("", "£75,000").startswith("No funders' shares yet")


def test_shares_above_the_cost_are_queried():
    text = shares_summary("OPCC (2017/18): £60,000\nCity Council (2017/18): £20,000", "£75,000")
    assert "⚠ The shares for 2017/18 add up to £80,000, more than the cost £75,000." in text
    assert [s.funder for s in funder_shares("OPCC (2017/18): £60,000\nCity Council (2017/18): £20,000")] == \
        ["OPCC", "City Council"]


def test_a_line_that_cannot_be_read_is_said_as_it_is_typed():
    # "OPCC: 50%" said "No funders' shares yet", as if nothing had been typed; Save then refused it.
    text = shares_summary("OPCC: 50%\nSCC: £5,000", "£10,000")
    assert text.splitlines()[0] == "SCC: £5,000 of £10,000 (50.0%)"
    assert "⚠ line 1: give the share in pounds" in text
    assert shares_summary("OPCC: 50%", "£10,000").startswith("⚠ line 1: give the share in pounds")
    # Once Save has refused the line, the field says so in red: the summary does not say it twice.
    assert "⚠" not in shares_summary("OPCC: 50%\nSCC: £5,000", "£10,000", say_unread=False)


def test_a_share_s_percentage_is_rounded_as_a_spreadsheet_rounds():
    # £12,500 of £1,000,000 is 1.25%: shown 1.2% (a float's rounding), where Excel and the rest of Safer Desk say 1.3%.
    assert shares_summary("OPCC: £12,500", "£1,000,000").splitlines()[0] == "OPCC: £12,500 of £1,000,000 (1.3%)"
    assert shares_summary("OPCC: £1", "£8").splitlines()[0] == "OPCC: £1 of £8 (12.5%)"
    assert shares_summary("OPCC: £3", "£16").splitlines()[0] == "OPCC: £3 of £16 (18.8%)"  # 18.75


def test_a_funder_whose_part_is_not_known_is_not_left_out_of_what_is_left():
    """Session 59: with "Lottery (2017/18): Tbc" beside OPCC's £60,000 of £100,000, the editor said "Other funders
    for 2017/18: £40,000", as though the Lottery, a funder named in the list, paid none of it. What is left is now
    said to be the Lottery's part (not known yet) and any other funder's."""
    text = shares_summary("OPCC (2017/18): £60,000\nLottery (2017/18): Tbc", "£100,000")
    assert text.splitlines()[-1] == ("Left for 2017/18: £40,000, for Lottery's part (not known yet) and any "
                                     "other funder."), text
    # A funder's own second line not known (its part may grow): its name is said too, once.
    text = shares_summary("OPCC (2017/18): £60,000\nOPCC: Tbc\nLottery: Tbc", "£100,000")
    assert text.splitlines()[-1] == ("Left for 2017/18: £40,000, for OPCC's and Lottery's parts (not known yet) "
                                     "and any other funder."), text
    # A Tbc for another year says nothing of this year's rest.
    text = shares_summary("OPCC (2017/18): £60,000\nLottery (2018/19): Tbc", "£100,000")
    assert text.splitlines()[-1] == "Other funders for 2017/18: £40,000.", text
