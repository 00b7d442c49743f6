"""A tester's findings (h26j) on the project editor's Funding sources: a funder's year and its share written with the
spaced dash Word puts between them (“OPCC 2017/18 – £110,000”), as the papers write an amount after its label."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import projects as svc
from safer_desk.services.projects import FundingSource
from tests.projects.test_funders_editor import plymouth_new_funding_line


def parse(text: str) -> tuple[tuple[FundingSource, ...], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    return svc.parse_funding_sources(text, problems), problems


@pytest.mark.parametrize("typed", ["OPCC 2017/18 \u2013 £110,000", "OPCC 2017/18 \u2014 £110,000",
                                   "OPCC 2017/18 - £110,000", "OPCC (2017/18) \u2013 £110,000",
                                   "OPCC 2017\u201318 \u2013 £110,000", "OPCC, FY 2017/18 \u2013 £110k"])
def test_a_year_and_its_share_with_a_dash_between_read_as_the_funder_the_year_and_the_share(typed):
    """Refused with advice to type “OPCC 2017/18 –: £110,000”, which would not have been OPCC's share either."""
    assert parse(typed) == ((FundingSource("OPCC", 11_000_000, "", "2017/18"),), [])


def test_a_funder_and_its_share_with_a_dash_between_read_as_the_share():
    assert parse("Home Office \u2013 Violence Reduction Unit \u2013 £5,000") == (
        (FundingSource("Home Office \u2013 Violence Reduction Unit", 500_000),), [])
    assert parse("Section 106 - £5,000\nOPCC 2018/19 \u2013 £0") == (
        (FundingSource("Section 106", 500_000), FundingSource("OPCC", 0, "", "2018/19")), [])


@pytest.mark.parametrize("typed", ["OPCC 2017/18 \u2013 -£5", "OPCC 2017/18 - \u2013£5", "OPCC 2017/18 \u2013 (£5)",
                                   "OPCC 2017/18 -£5", "OPCC -£5"])
def test_a_negative_share_is_still_refused(typed):
    sources, problems = parse(typed)
    assert sources == ()
    assert len(problems) == 1
    if "\u2013" in typed or " - " in typed:
        assert "cannot be negative" in problems[0][1]
    else:  # no colon and no separating dash: the minus is the amount's, the advice keeps it
        assert problems[0][1] == "line 1: put a colon between the funder and the amount (“OPCC" + \
            (" 2017/18" if "2017" in typed else "") + ": -£5”)."


@pytest.mark.parametrize("typed", ["OPCC 2017/18 \u2013 2019/20: £5,000", "OPCC 2017/18 - 2019/20 \u2013 £5,000",
                                   "OPCC 2017/18 \u2013 2019/20"])
def test_a_range_of_years_is_still_one_share_for_two_years_refused(typed):
    sources, problems = parse(typed)
    assert sources == ()
    assert [m for _, m in problems] == ["line 1: a share is for one year: put each year's share on its own line "
                                        "(“OPCC (2017/18): £5,000” on one, “OPCC (2018/19): £5,000” on the next)."]


def test_no_advice_names_a_funder_ending_in_a_dash():
    for typed in ("OPCC 2017/18 \u2013 £110,000 SCC \u2013 £2,000", "Lottery £5,000 \u2013 £8,000",
                  "OPCC 2017/18 \u2013 £30,000 \u2013 £38,000"):
        sources, problems = parse(typed)
        assert sources == () and problems, typed
        assert not any(f"{dash}:" in m for _, m in problems for dash in "-\u2013\u2014"), problems


def test_the_editor_reads_back_and_saves_a_share_typed_with_the_papers_dash(demo_window, qtbot):
    """Seed 003's Plymouth contract: the City Council's share typed “Plymouth City Council 2017/18 – £391,753”."""
    page, project, sources = plymouth_new_funding_line(demo_window, qtbot)
    qtbot.keyClicks(sources, "Plymouth City Council 2017/18 ")
    sources.insertPlainText("\u2013")  # as Word's AutoCorrect leaves it in a pasted line (QTest types Latin-1 only)
    qtbot.keyClicks(sources, " £391,753")
    assert "Plymouth City Council (2017/18): £391,753 of £501,753 (78.1%)" in page.editor.funders.text()
    assert "\u26a0" not in page.editor.funders.text()
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_project(page.session.store, project.id).funding_sources[-1] == FundingSource(
        "Plymouth City Council", 39_175_300, "", "2017/18")
