"""A tester's finding (h26p) on the project editor's Funding sources: a share not known yet written after the
papers' spaced dash (“OPCC 2017/18 – Tbc”) was refused with advice to type “OPCC – Tbc (2017/18)”, and
“OPCC – Tbc” was saved as a funder called “OPCC – Tbc” with no share; the colon form (“OPCC (2017/18): Tbc”)
was read as meant."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import projects as svc
from safer_desk.services.projects import FundingSource
from tests.projects.test_funders_editor import plymouth_new_funding_line


def parse(text: str) -> tuple[tuple[FundingSource, ...], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    return svc.parse_funding_sources(text, problems), problems


@pytest.mark.parametrize("dash", ["\u2013", "\u2014", "-"])
@pytest.mark.parametrize("words", ["Tbc", "TBC", "tbc.", "N/K", "n/k", "Not known", "To be confirmed",
                                   "Awaiting confirmation"])
def test_words_for_a_share_not_known_yet_after_a_spaced_dash_read_as_after_a_colon(dash, words):
    assert parse(f"OPCC 2017/18 {dash} {words}") == parse(f"OPCC (2017/18): {words}") == (
        (FundingSource("OPCC", None, words, "2017/18"),), [])
    assert parse(f"OPCC {dash} {words}") == parse(f"OPCC: {words}") == ((FundingSource("OPCC", None, words),), [])


@pytest.mark.parametrize("words", ["nil", "Nil", "NIL", "£nil", "none"])
def test_a_nil_share_after_a_spaced_dash_is_nothing_as_after_a_colon(words):
    assert parse(f"OPCC 2018/19 \u2013 {words}") == parse(f"OPCC (2018/19): {words}") == (
        (FundingSource("OPCC", 0, "", "2018/19"),), [])


def test_a_funder_whose_name_has_a_spaced_dash_keeps_its_name():
    assert parse("Safer Suffolk \u2013 County Lines") == ((FundingSource("Safer Suffolk \u2013 County Lines"),), [])
    assert parse("Home Office \u2013 Violence Reduction Unit \u2013 Tbc") == (
        (FundingSource("Home Office \u2013 Violence Reduction Unit", None, "Tbc"),), [])
    assert parse("Safer Suffolk \u2013 Tbc Fund") == ((FundingSource("Safer Suffolk \u2013 Tbc Fund"),), [])
    assert parse("OPCC\u2013Tbc") == ((FundingSource("OPCC\u2013Tbc"),), [])  # no space either side: not a separator


def test_the_editor_reads_back_and_saves_a_share_not_known_yet_typed_with_the_papers_dash(demo_window, qtbot):
    page, project, sources = plymouth_new_funding_line(demo_window, qtbot)
    qtbot.keyClicks(sources, "OPCC (2018/19): Tbc")
    colon_reading = page.editor.funders.text()
    for _ in "OPCC (2018/19): Tbc":
        qtbot.keyClick(sources, Qt.Key.Key_Backspace)
    qtbot.keyClicks(sources, "OPCC 2018/19 ")
    sources.insertPlainText("\u2013")  # as Word's AutoCorrect leaves it in a pasted line (QTest types Latin-1 only)
    qtbot.keyClicks(sources, " Tbc")
    assert page.editor.funders.text() == colon_reading
    assert "inside the funder's name" not in page.editor.funders.text()
    qtbot.mouseClick(page.editor.save_button, Qt.MouseButton.LeftButton)
    assert svc.get_project(page.session.store, project.id).funding_sources[-1] == FundingSource(
        "OPCC", None, "Tbc", "2018/19")
