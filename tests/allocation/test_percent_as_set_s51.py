"""A percentage the officer set is shown as set (round 51): 12.345% retained read "12.35%" in the field, the line
above the table and the report, though the pot was worked out with 12.345% (12.35% of £655,120 is £32 more than
shown); a saved top-slice chosen again came back with its shares rounded, was worked out from them (another
LSP share than the one saved and reported), and Replace saved said there was nothing to change."""

from __future__ import annotations

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import setting_percent_text
from safer_desk.services import allocation as service


@pytest.mark.parametrize(("share", "said"), [
    (Fraction(12345, 100000), "12.345"), (Fraction(1, 10), "10"), (Fraction(7125, 100000), "7.125"),
    (Fraction(33333, 100000), "33.333"), (Fraction(1, 200), "0.5"), (Fraction(1), "100"),
    (Fraction(1, 3), "33.33"),  # no end to it: two places, as computed shares are shown
])
def test_a_percentage_set_is_written_with_every_decimal_it_has(share, said):
    assert setting_percent_text(share) == said


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def test_retained_and_damping_read_as_typed_in_fields_summary_and_compare(qtbot, demo_window, tab, prompts):
    from safer_desk.presenters.allocation import option_differences

    before = service.load_scenario(tab.store, service.adopted_scenario(tab.store, "2009/10").id)
    tab.edit_option("retain", "12.345")
    tab.edit_option("damping", "7.125")
    assert tab.option_edits["retain"].text() == "12.345"
    assert tab.option_edits["damping"].text() == "7.125"
    summary = tab.summary_label.text()
    assert "less 12.345% retained" in summary and "12.35% retained" not in summary, summary
    assert "±7.125% damping limit" in summary, summary  # as set; widened to the pot's own fall, as worked out
    tab.scenario_name.setText("Keep 12.345")
    tab.scenario_name.editingFinished.emit()
    tab.save_button.click()
    saved = service.load_scenario(tab.store, tab.presenter.loaded.id)
    differences = dict((what, (a, b)) for what, a, b in option_differences(saved, before))
    assert differences["retained"] == ("12.345%", "10%")
    assert differences["damping"] == ("±7.125%", "none")


def test_a_saved_top_slice_chosen_again_is_the_one_saved(qtbot, demo_window, tab, prompts):
    fields = tab.top_fields
    fields["slice"].setText("33.333")
    fields["retained"].setText("12.345")
    fields["scenario"].setText("17.125")
    tab.compute_top_slice()
    typed = dict(tab.top_slice_model.rows)
    prompts.texts.extend(["Odd shares", "2010/11"])
    tab.save_top_slice()
    assert not prompts.errors, prompts.errors
    combo = tab.top_slice_combo
    saved_id = combo.currentData()
    combo.setCurrentIndex(next(i for i in range(combo.count()) if combo.itemData(i) != saved_id))
    combo.setCurrentIndex(combo.findData(saved_id))
    assert {k: fields[k].text() for k in ("slice", "retained", "scenario")} == \
        {"slice": "33.333", "retained": "12.345", "scenario": "17.125"}
    assert dict(tab.top_slice_model.rows) == typed
    item = next(t for t in service.list_top_slices(tab.store) if t.id == saved_id)
    lines = item.result().lines
    assert [line.amount_pence for line in lines] == list(typed.values())[:len(lines)]
    labels = [line.label for line in item.result().lines]
    assert any("12.345%" in label for label in labels), labels
