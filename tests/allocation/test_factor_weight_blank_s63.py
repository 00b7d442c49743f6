"""A factor's weight cleared in the factors table (or pasted blank) said “the weight “” is not a number”: nothing was
typed, so there was no number to be wrong. It says no weight was given, and what to type or do instead."""
import pytest

from safer_desk.domain.allocation import AllocationError, parse_weight


@pytest.mark.parametrize("typed", ["", "   ", "%", " % "])
def test_a_blank_weight_says_none_was_given(typed):
    with pytest.raises(AllocationError) as caught:
        parse_weight(typed, what="Factor Population")
    said = str(caught.value)
    assert said == ("Factor Population: no weight was given: type a weight above zero (to leave a factor out, "
                    "remove it).")
    assert "not a number" not in said and "“”" not in said


def test_words_are_still_not_a_number():
    with pytest.raises(AllocationError, match="the weight “abc” is not a number"):
        parse_weight("abc", what="Factor Population")
