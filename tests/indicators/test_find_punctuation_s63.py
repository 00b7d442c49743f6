"""Session 63: Find on the Indicators tab, with a name typed without its apostrophe, hyphens or comma.

Suffolk's police files place crimes in King's Lynn and West Norfolk, Stoke-on-Trent and Southend-on-Sea. Typed as
an officer types them, "Kings Lynn" was "No area's name contains “Kings Lynn”" with no word of King's Lynn, and
"Stoke on Trent" asked "did you mean “Stoke-on-Trent”?" for the officer to type it again with its hyphens. An
apostrophe, a hyphen, a comma or a full stop typed or left out does not tell one area's name from another.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.indicators import IndicatorsPresenter


@pytest.fixture
def presenter(demo_store):
    p = IndicatorsPresenter(demo_store)
    p.load()
    return p


@pytest.mark.parametrize(("typed", "found"), [
    ("Kings Lynn", "King's Lynn and West Norfolk"),
    ("kings lynn and west norfolk", "King's Lynn and West Norfolk"),
    ("Stoke on Trent", "Stoke-on-Trent"),
    ("southend on sea", "Southend-on-Sea"),
    ("Newcastle under Lyme", "Newcastle-under-Lyme"),
])
def test_a_name_typed_without_its_punctuation_is_found(presenter, typed, found):
    chosen, why = presenter.find_area(typed)
    assert (chosen.label if chosen else why) == found


def test_the_name_typed_with_it_is_found_as_before(presenter):
    chosen, why = presenter.find_area("King's Lynn")
    assert chosen.label == "King's Lynn and West Norfolk" and why == ""


def test_punctuation_alone_finds_no_area_at_random(presenter):
    """A full stop alone is looked for as typed (no area's name holds one), not as the empty name every name holds."""
    chosen, why = presenter.find_area(".")
    assert chosen is None and why.startswith("No area's name contains “.”")
