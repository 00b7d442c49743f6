"""Session 66: a funder's shares by year pasted from a sheet headed "OPCC 2017/18", "OPCC 2018/19", "OPCC 2019/20".

A project of three years with the PCC's share for each in its own column (the way a sheet lays it out) has headings
Paste rows does not read by itself; chosen as *Funder's share*, each column's whole heading was taken as the funder,
and the year chosen under the rows given to all: "OPCC 2018/19 (2017/18): £20,000", three funders none of them OPCC,
the 2018/19 and 2019/20 money put in 2017/18, and an award from OPCC counting none of it. Headed "OPCC (2017/18)", as
the register itself writes a share's funder and year, the rows were refused ("a share is for one year …"). A year at
the end of the heading is now the share's year, and the rest of the heading its funder.
"""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.presenters.projects import PastePreview
from safer_desk.services import projects as svc


def _shares(headings):
    rows = [["Title", *headings, "Cost"], ["Youth outreach 2017-20", "£20,000", "£20,000", "Tbc", "£90,000"]]
    preview = PastePreview(svc.read_paste(rows), today=lambda: date(2017, 1, 24))
    preview.set_heading_row(True)
    for c in (1, 2, 3):
        preview.set_key(c, svc.SHARE)
    [project] = preview.projects()
    return preview, [(s.source, s.financial_year, s.amount_pence, s.amount_note) for s in project.funding_sources]


@pytest.mark.parametrize("headings", [
    ["OPCC 2017/18", "OPCC 2018/19", "OPCC 2019/20"], ["OPCC (2017/18)", "OPCC (2018/19)", "OPCC (2019/20)"],
    ["OPCC 2017-18", "OPCC 2018-19", "OPCC 2019-20"]])
def test_a_year_ending_the_heading_is_the_share_s_year(headings):
    preview, shares = _shares(headings)
    assert shares == [("OPCC", "2017/18", 20_000_00, ""), ("OPCC", "2018/19", 20_000_00, ""),
                      ("OPCC", "2019/20", None, "Tbc")]
    assert not preview.asks_share_year()  # each column gives its own year
    assert preview.shares_note().startswith(f"“{headings[0]}” is read as OPCC's share for 2017/18: £20,000 in 1 row.")


def test_a_heading_with_no_year_still_takes_the_year_chosen():
    _, shares = _shares(["OPCC", "CCG", "Home Office"])
    assert [(s[0], s[1]) for s in shares] == [("OPCC", "2016/17"), ("CCG", "2016/17"), ("Home Office", "2016/17")]
