"""A tester's finding (h18): a split written as papers also write it ("£2,000 per Borough", "£2,000 per district,
agreed") was kept as a note only, so a split that does not go into the amount ("£4,000 (£1,500 per Borough)") was not
flagged, though the guide reads "£4,000 (£2,000 per District)" as two districts. They are read as splits now."""

import pytest

from safer_desk.domain.budgets import parse_cell
from safer_desk.services import budgets as svc


@pytest.mark.parametrize("text, note", [("£4,000 (£2,000 per Borough)", ""), ("£4,000 (£2,000 each district)", ""),
                                        ("£4,000 (£2,000 per district, agreed)", "agreed"),
                                        ("£4,000 (£2,000 per borough; agreed at the board)", "agreed at the board"),
                                        ("£4,000 (£2,000 per District) (Agreed at the board)", "Agreed at the board")])
def test_the_common_ways_of_writing_a_split_are_read_as_one(text, note):
    cell = parse_cell(text)
    assert (cell.per_district_pence, cell.districts, cell.note) == (200_000, 2, note)
    again = parse_cell(cell.edit_text())  # what the grid's editor shows reads the same again
    assert (again.per_district_pence, again.note) == (200_000, note)


def test_a_split_per_borough_keeps_the_papers_word():
    assert parse_cell("£4,000 (£2,000 per Borough)").describe() == "£4,000 (£2,000 per borough)"
    assert parse_cell("£4,000 (£2,000 per District)").describe() == "£4,000 (£2,000 per district)"


def test_a_split_per_borough_that_does_not_go_into_the_amount_is_flagged(store):
    plan = svc.create_plan(store, "Implications", columns=["2017/18"])
    line = svc.add_line(store, svc.add_section(store, plan, "Spend"), "Target hardening")
    svc.set_cell(store, line, "2017/18", "£4,000 (£1,500 per Borough)")
    warnings = svc.plan_view(store, plan).warnings
    assert warnings == ("Target hardening, 2017/18: £4,000 is not a whole number of £1,500 borough shares.",)


def test_other_words_in_brackets_stay_a_note():
    for text in ("£4,000 (£2,000 each)", "£4,000 (£2,000 per partner)", "£4,000 (Cost per district to follow)"):
        cell = parse_cell(text)
        assert cell.per_district_pence is None and cell.note == text.split("(", 1)[1][:-1]
