"""Session 69, seen in the real window at 1366x768: Bill partners for a review billed before, with costs added since
and its partners changed (the ICB in place of the CCGs), opened with a scroll bar over its fields although the window
had room: its note (seven lines naming each partner's further invoice and who shares the costs) was taller than the
60 pixels the dialog allowed a note, and nothing grew it until a message appeared. It now opens with every field in
view."""

from __future__ import annotations

from tests.costs.test_dhr_partner_joined_further_billing_s69 import bill_dialog_opened
from tests.costs.test_form_dialog_grows_s62 import _settled


def test_bill_partners_opens_with_its_long_note_and_every_field_in_view(demo_window, qtbot):
    from tests.costs.test_new_case_then_cost_line import field

    _page, _case_id, dialog = bill_dialog_opened(demo_window, qtbot)
    assert field(dialog, "Shared by").isVisible()
    _settled()
    qtbot.waitUntil(lambda: dialog.view.scroll.verticalScrollBar().maximum() == 0, timeout=3000)
    assert dialog.height() <= demo_window.height()
    dialog.reject()
