"""s69: on the scenario the board agreed, the button reads "Unmark as agreed" and takes the mark off, but a screen
reader named it "Mark as agreed" (its accessible name was set once, from its first words): someone working by
keyboard with a screen reader, on the example's agreed Option 2, heard that pressing it would mark the scenario agreed
and took its mark off. The name now follows the words shown."""

from __future__ import annotations


def test_the_agreed_buttons_name_says_what_it_does(demo_window):
    tab = demo_window.show_tab("allocation")
    combo, button = tab.scenario_combo, tab.adopt_button
    titles = [combo.itemText(i) for i in range(combo.count())]
    agreed = next(i for i, title in enumerate(titles) if "✓ agreed" in title)
    other = next(i for i in range(combo.count()) if i != agreed)
    combo.setCurrentIndex(agreed)
    assert (button.text(), button.accessibleName()) == ("Un&mark as agreed", "Unmark as agreed")
    combo.setCurrentIndex(other)
    assert (button.text(), button.accessibleName()) == ("&Mark as agreed", "Mark as agreed")
    combo.setCurrentIndex(agreed)
    assert button.accessibleName() == "Unmark as agreed"
