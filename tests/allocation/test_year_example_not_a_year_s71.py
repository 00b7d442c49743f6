"""Session 71 (coordinator): Save with Working on's year left blank said "Year: none given" while the field showed
this financial year.

The year field shows this year ("2026/27") in grey as an example of the form to type. An officer who took it for the
scenario's year pressed Save and read "Year: none given; type the financial year it is for (a form like 2018/19).",
which the field beside it seemed to contradict. The refusal says the year shown is only an example and that it is
typed there.
"""

from __future__ import annotations

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import AllocationPresenter, year_example
from safer_desk.services import allocation as service


def test_save_with_no_year_says_the_year_shown_is_an_example(demo_store):
    presenter = AllocationPresenter(demo_store, perform=ActionLog())
    before = service.list_scenarios(demo_store)
    assert not presenter.save_as_new("Next year", "")
    assert not presenter.save("Next year", "  ")
    assert service.list_scenarios(demo_store) == before
    shown = year_example()
    assert presenter.error == (f"Not saved: no year typed. The {shown} shown in grey beside the name is an example "
                               f"of the form, not a year given: type the financial year this allocation is for "
                               f"there (as {shown}).")
    assert "none given" not in presenter.error
