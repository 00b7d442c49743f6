"""A new file whose office names no districts yet, before and after Import Police Data… (session 59). Before, the
Indicators tab said "Import police data (File > Import Police Data…) brings its own areas"; after the import the Area
list was still empty and the tab said to name the office's districts: the promise was not kept. What the tab says
before the import is what happens after it: the districts are listed once the office names them, the others found
with Find."""

from __future__ import annotations

from tests.indicators.police_helpers import fixture, import_in_window

PROMISE = ("Import police data (File > Import Police Data…) first if you like: the office's districts are listed "
           "once they are named, any other area found by typing its name in Find.")


def test_what_the_new_file_says_of_police_data_is_what_the_import_does(new_file_window, qtbot, prompts):
    tab = new_file_window.show_tab("indicators")
    before = tab.empty_state.text()
    assert "brings its own areas" not in before and before.endswith(PROMISE), before
    infos, errors = import_in_window(new_file_window, prompts, qtbot, fixture("suffolk-2025"), folder=True)
    assert errors == [] and infos
    qtbot.waitUntil(lambda: "lists no areas of its own" in tab.empty_state.text(), timeout=5000)
    assert tab.area_combo.count() == 0  # as said: none listed until the office names its districts
    tab.area_search.setText("Babergh")
    tab.area_search.returnPressed.emit()
    assert tab.presenter.area_id == "district:babergh"  # and found with Find
