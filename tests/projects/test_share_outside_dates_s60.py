"""Projects, round s60: a funder's share for a year the project does not run in.

The PCC awarded Plymouth £400,568 for each of 2017/18 and 2018/19 (seed 003). The Plymouth Domestic Abuse contract
runs 01/04/2017 to 31/03/2018; typing a second share, "OPCC (2018/19): £110,000", was read back under the field
without a word ("OPCC (2018/19): £110,000 of £501,753 (21.9%)"), and a scenario against the award's 2018/19 then
committed £110,000 of it to a contract that had ended. The editor now says, under the field, which shares are for a
year before the project starts or after it ends (a slip of the year, or dates to correct); it refuses nothing.
"""

from __future__ import annotations

from safer_desk.presenters.funders import shares_summary
from safer_desk.presenters.projects import ProjectsPresenter


def test_a_share_for_a_year_after_the_project_ends_is_said():
    said = shares_summary("OPCC (2017/18): £110,000\nOPCC (2018/19): £110,000", "£501,753",
                          start="01/04/2017", end="31/03/2018")
    assert "⚠ OPCC (2018/19) is for a year after the project ends (31/03/2018)." in said.splitlines()
    assert not any("2017/18) is for" in line for line in said.splitlines())


def test_a_share_for_a_year_before_it_starts_is_said_and_dates_not_typed_say_nothing():
    said = shares_summary("Lottery (2016/17): £5,000", "£20,000", start="1/4/2017", end="")
    assert "⚠ Lottery (2016/17) is for a year before the project starts (01/04/2017)." in said.splitlines()
    assert "is for a year" not in shares_summary("Lottery (2016/17): £5,000", "£20,000")
    assert "is for a year" not in shares_summary("Lottery (2016/17): £5,000", "£20,000", start="not a date")
    assert "is for a year" not in shares_summary("Lottery: £5,000", "£20,000", start="01/04/2017", end="31/03/2018")


def test_the_editor_says_it_under_funding_sources(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    p1 = next(p for p in presenter.rows if p.ref == "P1")
    presenter.select(p1.id)
    editor = presenter.editor
    assert "is for a year" not in editor.funders_summary  # the paper's 2017/18 share, within its dates
    editor.set_value("funding_sources", "OPCC (2017/18): £110,000\nOPCC (2018/19): £110,000")
    assert "⚠ OPCC (2018/19) is for a year after the project ends (31/03/2018)." in editor.funders_summary
    editor.set_value("end_date", "31/03/2019")  # the contract extended: nothing to say
    assert "is for a year" not in editor.funders_summary
