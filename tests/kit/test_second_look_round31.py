"""Round 31, a second look at a list's value the list does not offer (kit forms, presenters/forms.py)."""

from __future__ import annotations

from safer_desk.presenters.forms import Field, FieldKind, FormPresenter
from safer_desk.ui.kit.forms import NOT_IN_LIST
from tests.kit.test_choice_values_round31 import _category, _cost_line_dialog


def test_a_category_held_in_other_capitals_is_kept_as_held_when_only_the_amount_is_corrected(demo_window, qtbot):
    """A cost line typed at the command line as "independent chair/author" is not the capped category (the capped
    payer's base counts "Independent chair/author" lines only). The dialog shows it as held, not in the list; the
    officer corrects only its amount, and Save wrote "Independent chair/author" without a word: the line moved into
    the capped base, and the capped payer's share with it."""
    page, line, dialog = _cost_line_dialog(demo_window, qtbot, "independent chair/author")
    assert dialog.view.widgets["category"].currentText() == "independent chair/author" + NOT_IN_LIST
    dialog.view.type_into("amount", "1,200")
    assert dialog.save()
    assert _category(page.store, line) == "independent chair/author"


def test_a_choice_typed_in_other_capitals_is_still_read_as_the_list_s_choice():
    saved: list = []
    form = FormPresenter([Field("fruit", "&Fruit", FieldKind.CHOICE, choices=(("a", "Apple"), ("b", "Banana")))],
                         save_fn=lambda values, parsed: saved.append(parsed))
    form.load({"fruit": "durian"})
    form.set_value("fruit", "BANANA")
    assert form.save() and saved[-1]["fruit"] == "b"
    form.load({"fruit": "Banana"})  # held as the list's label: that choice, as the box shows it
    assert form.save() and saved[-1]["fruit"] == "b"
