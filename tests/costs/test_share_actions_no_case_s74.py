"""Payment… with no review chosen (session 74): on a new file's Costs tab (no reviews yet), or with the search
matching none, Payment… and Refused… are lit, and pressing one (Alt+Y, Alt+D, or More > Write off a share…) failed
inside the program ("'NoneType' object has no attribute 'counted'") instead of saying what to do. Each action on a
partner's share now says to select a case first, as Edit case… and Cost line… do, and opens nothing."""

from __future__ import annotations

import pytest

from safer_desk.presenters.dhr import DhrPresenter

SHARE_FORMS = ["payment_form", "refuse_form", "write_off_form", "resolve_form", "delete_payment_form", "refund_form"]


@pytest.mark.parametrize("form", SHARE_FORMS)
def test_a_share_form_with_no_case_chosen_asks_for_one(store, form):
    presenter = DhrPresenter(store)
    assert presenter.selected_case is None
    with pytest.raises(LookupError, match="Select a case in the list first"):
        getattr(presenter, form)(None)


def test_payment_and_refused_on_a_new_files_costs_tab_say_to_choose_a_case(new_file_window, qtbot, prompts):
    window = new_file_window
    tab = window.show_tab("costs")
    qtbot.waitUntil(lambda: not tab.is_busy(), timeout=10000)
    page = tab.reviews
    assert page.current_case() is None
    pressed = [b for b in page.edit_buttons if b.text().replace("&", "") in ("Payment…", "Refused…")]
    assert len(pressed) == 2 and all(b.isEnabled() for b in pressed)
    for button in pressed:
        button.click()
    page.more_actions["write_off"].trigger()
    assert prompts.errors == [("Choose first", "Select a case in the list first.")] * 3
    assert page.dialog is None or not page.dialog.isVisible()
