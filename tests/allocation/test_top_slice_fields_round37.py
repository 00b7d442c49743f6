"""Allocation, round 37 (alb): the Top-slice page's refusals name the field as the page labels it.

"0" typed in *Equal shares* was refused as "partners: there must be at least one partner to share with" (the
command's word, lower case, for a field the page calls Equal shares), and "-5" in *Total grant* as "The total cannot be
negative" (every other refusal of the field starts "Total grant:"). Qt-free: the page shows what the presenter says.
"""

from __future__ import annotations

import pytest

from safer_desk.presenters.allocation import top_slice_note, top_slice_rows

PRG = {"total": "£2,900,692", "slice": "50", "slice_label": "LSP share", "retained": "10", "partners": "9",
       "scenario": "20"}


@pytest.mark.parametrize(("key", "typed", "said"), [
    ("partners", "0", "⚠ Equal shares: there must be at least one partner to share with."),
    ("partners", "-2", "⚠ Equal shares: there must be at least one partner to share with."),
    ("partners", "1000000", "⚠ Equal shares: 1,000,000 is more partners than a partnership has"),
    ("total", "-5", "⚠ Total grant: “-5” is negative."),
    ("total", "(£500)", "⚠ Total grant: “(£500)” is negative."),
])
def test_a_refusal_names_the_field_as_the_page_labels_it(key, typed, said):
    rows, problem = top_slice_rows({**PRG, key: typed}, "SSP share")
    assert rows == [] and problem.startswith(said), problem
    assert top_slice_note({**PRG, key: typed}) == ""


def test_the_seed_figures_still_come_out():
    rows, problem = top_slice_rows(PRG, "SSP share")
    assert problem == "" and dict(rows)["SSP share"] == 1_450_346_00 and dict(rows)["Each plus 20%"] == 174_041_52
