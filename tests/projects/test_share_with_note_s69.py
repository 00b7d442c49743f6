"""A funder's share typed with the paper's note after it is refused saying the share to type, not "not an amount".

Seed 002 writes a cell "£4,000 (£2,000 per District)", and papers mark a share "(confirmed)" or "(match funding)".
Typed as a share ("SCC: £4,000 (£2,000 per District)") it was refused as "“£4,000 (£2,000 per District)” is not an
amount of money (try a form like £1,234.56)": the officer had typed just such an amount, and was not told that the
note is what is not read, nor where it goes.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.funders import shares_summary
from safer_desk.services.projects import parse_funding_sources


def said(text: str) -> list[str]:
    problems: list[tuple[str, str]] = []
    read = parse_funding_sources(text, problems)
    assert not read
    return [p for _k, p in problems]


@pytest.mark.parametrize("line, share, note", [
    ("SCC: £4,000 (£2,000 per District)", "SCC: £4,000", "£2,000 per District"),
    ("OPCC (2017/18): £110,000 (confirmed)", "OPCC (2017/18): £110,000", "confirmed"),
    ("Lottery: £10,000 (match funding)", "Lottery: £10,000", "match funding"),
])
def test_the_share_alone_is_said_and_the_note_sent_to_notes(line, share, note):
    assert said(line) == [f"line 1: give the share alone (“{share}”): “{note}” is not read as part of it "
                          "(put it under Notes)."]


@pytest.mark.parametrize("line", ["OPCC: £18,000 (per year for two years)", "OPCC: £10,000 (in kind)",
                                  "OPCC: £6,000 (each year)"])
def test_a_note_that_changes_the_amount_is_not_dropped_in_the_message(line):
    assert "give the share alone" not in said(line)[0]


def test_the_editor_says_it_while_typed():
    assert shares_summary("SCC: £4,000 (£2,000 per District)", "£4,000") == (
        "⚠ line 1: give the share alone (“SCC: £4,000”): “£2,000 per District” is not read as part of it "
        "(put it under Notes).")
