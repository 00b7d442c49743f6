"""Session 69: a form's Revert (the project editor, the Costs forms, the Indicator dialogs: the kit's FormView) threw
away what was typed at one click, without a word, and Edit > Undo cannot bring it back (nothing was saved to undo),
while Discard Typed on the Indicators tab asks first. One rule now: what destroys typing that cannot be undone asks,
as LibreOffice's File > Reload does ("Do you want to discard all changes?"); Enter answers Cancel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
from tests.kit.test_forms import Dialog, type_into


def _presenter():
    fields = [Field("what", "&What", FieldKind.CHOICE, choices=(("chair", "Independent chair"), ("admin", "Admin"))),
              Field("amount", "&Amount", FieldKind.MONEY, required=True), Field("notes", "&Notes", FieldKind.LONG_TEXT)]
    p = FormPresenter(fields, save_fn=lambda values, parsed: None, title="Cost line for WSCSP-DHR-2026-07")
    p.load({"what": "chair", "amount": "£1,000"}, heading="Cost line for WSCSP-DHR-2026-07")
    return p


def test_the_presenter_asks_before_it_discards_what_was_typed():
    p = _presenter()
    asked = []
    p.set_value("amount", "£5")
    assert not p.discard_asked(lambda text: asked.append(text) or False)  # Cancel: the typing stays
    assert p.value("amount") == "£5" and p.is_dirty
    assert asked == ["Cost line for WSCSP-DHR-2026-07 has unsaved changes to Amount. Discard them? "
                     "Edit > Undo cannot bring them back."]
    assert p.discard_asked(lambda text: True) and p.value("amount") == "£1,000" and not p.is_dirty
    assert p.discard_asked(lambda text: pytest.fail("nothing typed: nothing to ask"))


@pytest.fixture
def dialog(qtbot):
    d = Dialog(_presenter())
    qtbot.addWidget(d)
    d.show()
    qtbot.waitExposed(d)
    return d


def test_revert_asks_and_cancel_keeps_the_typing(dialog, qtbot, prompts):
    view = dialog.view
    type_into(qtbot, view.widgets["amount"], "£5")
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert prompts.questions == [("Revert", "Cost line for WSCSP-DHR-2026-07 has unsaved changes to Amount. "
                                            "Discard them? Edit > Undo cannot bring them back.")]
    assert view.widgets["amount"].text() == "£5" and view.presenter.is_dirty  # Cancel (the default): kept
    prompts.answers.append(True)
    qtbot.mouseClick(view.discard_button, Qt.MouseButton.LeftButton)
    assert view.widgets["amount"].text() == "£1,000" and not view.presenter.is_dirty


def test_a_costs_form_asks_in_words_that_agree():
    """Seen under Xvfb: a new cost line's Revert asked "Cost line for WSCSP-DHR-2017-01 has not been saved. Discard
    them? Edit > Undo cannot bring them back." ("them" of nothing named): the question says what is typed."""
    from safer_desk.presenters.costs import CostForm

    form = CostForm([Field("amount", "&Amount", FieldKind.MONEY, required=True)],
                    title="Cost line for WSCSP-DHR-2017-01", heading="Cost line for WSCSP-DHR-2017-01",
                    commit=lambda parsed: None, values={"amount": ""})
    form.set_value("amount", "900")
    asked = []
    assert not form.discard_asked(lambda text: asked.append(text) or False)
    assert asked == ["Cost line for WSCSP-DHR-2017-01 has not been saved. Discard what is typed? "
                     "Edit > Undo cannot bring it back."]
