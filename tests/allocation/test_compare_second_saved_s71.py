"""Session 71 (coordinator): the Compare scenarios page set the first scenario saved beside itself once a second was
saved.

A new office saved "Oxon exact", then changed the rounding and saved "Oxon legacy": Compare scenarios showed
"Oxon exact" with "Oxon exact", every difference £0, and said "The same scenario is chosen twice.", though two
scenarios were there to compare. With two or more saved, the two sides are two different ones: the one saved before
and the newest.
"""

from __future__ import annotations

from safer_desk.services import allocation as service
from safer_desk.storage.store import open_store
from tests.allocation import seed


def test_a_second_scenario_saved_is_compared_with_the_first(window, tmp_path, prompts):
    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    with store.action("Save"):
        service.save_scenario(store, "Oxon exact", "2026/27", seed.partnerships(), seed.options(rounding="exact"))
    store.close()
    assert window.open_path(path)
    tab = window.show_tab("allocation")
    assert tab.compare_first.count() == 1  # one scenario: nothing else to set beside it yet
    tab.scenario_combo.setCurrentIndex(0)
    tab.open_selected_scenario()
    tab.scenario_name.setText("Oxon legacy")
    tab.scenario_year.setText("2026/27")
    tab.save_scenario_as_new()
    assert tab.compare_first.count() == 2
    assert "Oxon exact" in tab.compare_first.currentText()  # the first: the one saved before
    assert "Oxon legacy" in tab.compare_second.currentText()  # the second: the newest, as Difference (second − first)
    assert tab.compare_note.text() != "The same scenario is chosen twice."
    # Chosen by the officer, the same one twice is the officer's to choose: a third save does not undo that choice.
    tab.compare_second.setCurrentIndex(tab.compare_first.currentIndex())
    assert tab.compare_note.text() == "The same scenario is chosen twice."
