"""Session 61, privacy: a name broken over two lines went through.

A review's case notes or panel-meeting note pasted from an e-mail keep its hard line breaks (plain-text mail is
wrapped at about 72 characters), and a name falls across one as often as not: "…the panel heard from Jane⏎Smith,
the victim's sister". The detector read a line break as the end of a sentence, so "Jane⏎Smith", "Mrs⏎Smith" and
"J.⏎Smith" were taken when typed and passed the export's check again, while "Jane Smith" on one line is refused. A
single line break now joins the words as a space does; a blank line between them still separates them (a list of
paragraphs), and ordinary case text over several lines still passes.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.privacy import find_name
from safer_desk.services import dhr
from tests.exchange.helpers import cli_output, edit_outside


@pytest.mark.parametrize(("text", "words"), [
    ("The panel heard from Jane\nSmith, the victim's sister.", "Jane Smith"),
    ("The panel heard from Jane\r\nSmith, the victim's sister.", "Jane Smith"),
    ("Letter from Mrs\nSmith to the chair", "Mrs Smith"),
    ("Statement taken by J.\nSmith on 2 May", "J. Smith"),
    ("Agreed with Jane  \n  Smith", "Jane Smith"),
])
def test_a_name_across_a_line_break_is_a_name(text, words):
    found = find_name(text)
    assert found is not None and found.words == words, found


@pytest.mark.parametrize("text", [
    "Jane\n\nSmith House is the venue",  # a blank line: another paragraph
    "MARAC referral: high risk\nMid Suffolk DHR 2017\nProbation to attend",
    "Panel met in June\nPolice and Probation attended\nVictoria Road visited",
])
def test_ordinary_text_over_several_lines_still_passes(text):
    assert find_name(text) is None


def test_a_wrapped_name_is_refused_when_typed_and_when_it_would_leave_the_office(demo_store, tmp_path):
    case = next(iter(dhr.case_ids(demo_store)))
    with pytest.raises(ValueError, match="“Jane Smith's” looks like a person's name"):
        dhr.add_recommendation(demo_store, case, "Share the learning with Jane\nSmith's GP practice")
    office = demo_store.path
    rec = demo_store.scalar("SELECT id FROM dhr_recommendations ORDER BY id")
    demo_store.close()
    edit_outside(office, "UPDATE dhr_recommendations SET text = ? WHERE id = ?",
                 ("Share the learning with Jane\nSmith's GP practice", rec))
    code, _, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 1 and "looks like a person's name" in err and "Smith" not in err, err
    assert not (tmp_path / "out.sqlite").exists()
