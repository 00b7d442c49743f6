"""Round 62: two lines for the same funder and year on one project ("OPCC (2017/18): £50,000" and, further down,
"OPCC (2017/18): £60,000") were kept as two shares and summed silently: the editor showed each, Commissioning counted
£110,000 against the OPCC's award, and nothing asked whether the second line corrected the first or was more money.
The second line is now refused with words naming both; a known share beside one not known yet ("Tbc", a second
tranche) is still the paper's "part known", and shares for other years or naming other awards are other shares."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.funders import shares_summary
from safer_desk.services import projects as svc
from safer_desk.services.projects import FundingSource
from tests.projects.test_funders_editor import plymouth_new_funding_line


def _read(text: str):
    problems: list = []
    return svc.parse_funding_sources(text, problems), [m for f, m in problems if f == "funding_sources"]


@pytest.mark.parametrize("first, second", [
    ("OPCC (2017/18): £50,000", "OPCC (2017/18): £60,000"),
    ("OPCC (2017/18): £50,000", "the opcc 2017/18: £60,000"),  # the same funder as matched everywhere else
    ("OPCC: £50,000", "OPCC: £60,000"),  # no year on either: both count in every year
])
def test_the_same_funder_and_year_twice_is_refused_with_both_named(first, second):
    sources, problems = _read(f"{first}\nLottery (2017/18): £5,000\n{second}")
    assert len(problems) == 1
    message = problems[0]
    assert message.startswith("line 3: ")
    assert "£50,000" in message and "£60,000" in message and "line 1" in message
    assert "once" in message  # what to do: give the year's share once (or name the award each is from)
    assert FundingSource("OPCC", 5_000_000, "", "2017/18" if "(" in first else "") in sources


@pytest.mark.parametrize("text", [
    "OPCC (2017/18): £110,000\nOPCC (2017/18): Tbc",  # a second tranche not known yet: "part known"
    "OPCC (2017/18): £110,000\nOPCC (2018/19): £110,000",  # two years
    "Suffolk Public Sector Leaders — County Lines (2018/19): £20,000\n"
    "Suffolk Public Sector Leaders — CSP funding (2018/19): £10,000",  # two awards of one funder, each named
    "OPCC (2017/18): £110,000\nLottery (2017/18): £110,000",
])
def test_other_shares_are_still_read(text):
    sources, problems = _read(text)
    assert problems == [] and len(sources) == 2


def test_the_editor_says_it_under_the_field_and_save_keeps_the_file_as_it_was(demo_window, qtbot):
    page, project, sources = plymouth_new_funding_line(demo_window, qtbot)
    qtbot.keyClicks(sources, "OPCC (2017/18): £60,000")
    said = page.editor.funders.text()
    assert "line 2: " in said and "£110,000" in said and "£60,000" in said
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_project(page.session.store, project.id).funding_sources == project.funding_sources
    assert "£60,000" in page.presenter.editor.message("funding_sources")
    assert "OPCC (2017/18): £60,000" in sources.toPlainText()  # what was typed is kept to correct


def test_the_summary_does_not_add_the_two_together():
    said = shares_summary("OPCC (2017/18): £50,000\nOPCC (2017/18): £60,000", "£501,753")
    assert "£391,753" not in said and "line 2: " in said


def test_a_file_that_already_holds_the_same_funder_and_year_twice_says_so_in_the_editor(window, demo_path, qtbot):
    """A file saved before this round may hold both lines: shown as the file holds them (Save keeps them unread), the
    editor now says they are added together, so the officer can give the year's share once."""
    from dataclasses import replace

    from safer_desk.storage.store import open_store

    store = open_store(demo_path)
    project = next(p for p in svc.load_projects(store) if p.title == "Plymouth Domestic Abuse contract")
    svc.save_project(store, replace(project, funding_sources=(
        FundingSource("OPCC", 11_000_000, "", "2017/18"), FundingSource("OPCC", 2_000_000, "", "2017/18"))))
    store.close()
    assert window.open_path(demo_path)
    page, _, _ = plymouth_new_funding_line(window, qtbot)
    said = page.editor.funders.text()
    assert "line 2: OPCC (2017/18) is given twice (£110,000 on line 1, £20,000 here)" in said
    assert "“OPCC (2017/18): £130,000” if both are its" in said
