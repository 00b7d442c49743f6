"""Allocation, round 43 (tsl): a top-slice's name typed again another way is the name the year has.

Save top-slice… (and `safer-desk top-slice --save`) refused a name the year had only when it was typed exactly as
saved: "performance reward grant 2009–10" (another case, an en dash, two spaces) was saved beside "Performance Reward
Grant 2009-10", and the Saved top-slices list, the board report and the county workbook then held the year's grant
twice, under names nobody could tell apart. A scenario's name was already compared so (any case, dash or spacing);
a top-slice's now is, and the refusal names the top-slice as it was saved.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.services import allocation as service
from tests.allocation.test_allocation_round42exa import type_in_field
from tests.allocation.test_top_slice_cli_save_round43 import office, saved as saved_in  # noqa: F401 (a fixture)
from tests.allocation.test_top_slice_save_round42tsv import PRG, saved, top_slice_page
from tests.cli_run import run

TYPED_AGAIN = "performance reward grant  2009–10"
REFUSED = (f"There is already a 2009/10 top-slice called “{PRG}”; choose another name (a saved top-slice is not "
           "written over).")


def shape(partners: int = 9) -> dict:
    return dict(slices=[("LSP share", Fraction(1, 2))], remainder_label="SSP share", retained=Fraction(1, 10),
                partners=partners, scenario=Fraction(1, 5))


def test_the_service_refuses_the_name_typed_another_way_naming_the_one_saved(demo_store):
    with pytest.raises(service.ScenarioError) as refused:
        service.save_top_slice(demo_store, TYPED_AGAIN, "2009-10", 2_900_000_00, **shape())
    assert str(refused.value) == REFUSED
    assert [t.name for t in service.list_top_slices(demo_store)] == [PRG]
    service.save_top_slice(demo_store, TYPED_AGAIN, "2010/11", 2_900_000_00, **shape())  # another year's: its own


def test_the_window_refuses_it_and_says_how_to_change_the_one_saved(qtbot, demo_window, prompts):
    tab = top_slice_page(demo_window, qtbot)
    type_in_field(qtbot, tab.top_fields["partners"], "8")
    prompts.texts += [TYPED_AGAIN, "2009/10"]
    tab.save_top_slice()
    assert prompts.errors == [("Save top-slice", f"Not saved: {REFUSED} To put the figures on the page in it, choose "
                                                 "it under Saved top-slices and press Replace saved.")]
    assert list(saved(demo_window)) == [f"2009/10 — {PRG}"]


def test_the_command_line_refuses_it_and_leaves_the_file_as_it_was(capsys, office):  # noqa: F811
    before = office.read_bytes()
    code, out, err = run(capsys, "top-slice", "2900692", "--save", TYPED_AGAIN, "--year", "2009/10", "--file", office)
    assert (code, out) == (1, "") and REFUSED[0].lower() + REFUSED[1:] in err  # after "safer-desk: ", in lower case
    assert office.read_bytes() == before and list(saved_in(office)[0]) == [("2009/10", PRG)]
