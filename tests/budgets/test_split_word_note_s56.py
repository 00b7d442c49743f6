"""A note after a split that says "a borough" turned the split's own word: "£4,000 (£2,000 per District) (was £1,500
a borough in 2016/17)" was shown, and saved back from the editor, as "£2,000 per borough"."""

from __future__ import annotations

import pytest

from safer_desk.domain.budgets import parse_cell


@pytest.mark.parametrize("typed, word", [
    ("£4,000 (£2,000 per District) (was £1,500 a borough in 2016/17)", "district"),
    ("£4,000 (£2,000 per district) (£1,000 per borough)", "district"),
    ("£4,000 (£2,000 per district) (Ipswich pays 3 a borough)", "district"),
    ("£4,000 (£2,000 per Borough)", "borough"),
    ("£4,000 (£2,000 a borough) (was £1,500 per district)", "borough"),
    ("£4,000 (£2,000 per district)", "district"),
])
def test_the_split_keeps_its_own_word_whatever_its_note_says(typed, word):
    cell = parse_cell(typed)
    assert cell.per_district_pence == 200_000
    assert cell.split_word == word
    assert f"£2,000 per {word}" in cell.describe()
