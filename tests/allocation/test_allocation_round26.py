"""The Allocation tab, round 26: what an officer meets opening, editing and pasting into saved allocations."""

from dataclasses import replace

import pytest

from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation as service
from safer_desk.storage.store import open_store
from tests.allocation import seed


# -- a saved allocation kept under names that are now one name spelt two ways --------------------------------------

def _near_duplicates_saved(path) -> str:
    """An allocation saved by an older version under "Mid Suffolk – Babergh" and "Mid Suffolk - Babergh" (rows 1 and
    4), agreed, with no working inputs kept: the file opens on it. Returns its id."""
    store = open_store(path)
    try:
        rows = seed.partnerships()
        rows[0] = replace(rows[0], name="Kept apart")
        rows[3] = replace(rows[3], name="Mid Suffolk - Babergh")
        scenario_id = service.save_scenario(store, "Old names", "2009/10", rows, seed.options())
        with store.transaction():  # as the older version wrote it, before one name under two spellings was refused
            store.conn.execute("UPDATE allocation_scenario_rows SET partnership = ? WHERE partnership = 'Kept apart'",
                               ("Mid Suffolk \u2013 Babergh",))
            store.conn.execute("UPDATE allocation_scenarios SET adopted = (id = ?)", (scenario_id,))
            store.conn.execute("DELETE FROM _allocation_draft")
    finally:
        store.close()
    return scenario_id


@pytest.fixture
def clash_tab(window, demo_path):
    _near_duplicates_saved(demo_path)
    assert window.open_path(demo_path)
    window.show()
    return window.show_tab("allocation")


def test_the_problem_names_both_rows_and_how_to_put_it_right(clash_tab):
    names = [p.name for p in clash_tab.state.partnerships]
    assert names[0] == "Mid Suffolk \u2013 Babergh" and names[3] == "Mid Suffolk - Babergh"
    text = clash_tab.problem_label.text()
    # Which rows, spelt as they are, and the way forward (the domain's "listed twice" named one spelling only).
    assert "Rows 1 and 4" in text and "Mid Suffolk \u2013 Babergh" in text and "Mid Suffolk - Babergh" in text
    assert "rename" in text.casefold()


def test_a_paste_away_from_the_two_names_goes_in(clash_tab, prompts):
    # Every paste was refused ("Pasting would list Mid Suffolk – Babergh twice") though it touched neither name.
    clash_tab.inputs_view.setCurrentIndex(clash_tab.inputs_model.index(1, 1))
    clash_tab.paste_inputs("2\n")
    assert not prompts.errors
    assert clash_tab.state.partnerships[1].fixed_units == 2


def test_the_table_copied_and_pasted_back_as_it_is_goes_in(clash_tab, prompts):
    clash_tab.inputs_view.selectAll()
    text = clash_tab.inputs_view.selected_rows_text().replace("\t2442\t", "\t2500\t")
    clash_tab.inputs_view.setCurrentIndex(clash_tab.inputs_model.index(0, 0))
    clash_tab.paste_inputs(text)
    assert not prompts.errors
    assert clash_tab.state.partnerships[0].value("basis") == 2500


def test_a_paste_that_spells_one_more_partnership_the_same_is_still_refused(clash_tab, prompts):
    before = clash_tab.state
    clash_tab.inputs_view.setCurrentIndex(clash_tab.inputs_model.index(1, 0))
    clash_tab.paste_inputs("MID SUFFOLK - BABERGH\n")
    assert clash_tab.state == before and "twice" in prompts.errors[-1][1]


def test_renaming_one_puts_it_right_and_save_then_works(clash_tab, prompts):
    assert clash_tab.edit_input(0, "name", "Babergh")
    assert clash_tab.result is not None and not clash_tab.problem_label.text()
    clash_tab.save_scenario()
    assert not prompts.errors


def test_saving_before_renaming_says_which_rows_to_rename(clash_tab, prompts):
    clash_tab.edit_input(1, "fixed_units", "2")
    clash_tab.save_scenario()
    assert prompts.errors and "Rows 1 and 4" in prompts.errors[-1][1]


def test_the_presenter_says_the_same_without_a_window(demo_path):
    scenario_id = _near_duplicates_saved(demo_path)
    store = open_store(demo_path)
    try:
        presenter = AllocationPresenter(store)
        assert presenter.loaded is not None and presenter.loaded.id == scenario_id
        assert presenter.result is None and "Rows 1 and 4" in presenter.problem
        assert not presenter.save("Old names again", "2009/10") and "Rows 1 and 4" in presenter.error
    finally:
        store.close()


# -- comparing two scenarios where one partnership is spelt another way -------------------------------------------

def _two_spellings(store):
    first = seed.partnerships()
    first[0] = replace(first[0], name="Mid Suffolk \u2013 Babergh")  # pasted from the paper, with its en dash
    second = seed.partnerships()
    second[0] = replace(second[0], name="Mid Suffolk - Babergh")  # typed
    second[3] = replace(second[3], name="SUFFOLK COASTAL")
    a = service.save_scenario(store, "As printed", "2009/10", first, seed.options())
    b = service.save_scenario(store, "Exact", "2009/10", second, seed.options(rounding="exact"))
    return service.load_scenario(store, a), service.load_scenario(store, b)


def test_compare_sets_one_partnership_spelt_two_ways_on_one_row(store):
    # Each spelling was a row of its own with one figure and no difference: the comparison showed neither change.
    rows = service.compare_scenarios(*_two_spellings(store))
    assert [r.partnership for r in rows] == ["Mid Suffolk \u2013 Babergh", "Ipswich", "Waveney", "Suffolk Coastal",
                                             "West", "Total"]
    by_name = {r.partnership: r for r in rows}
    assert (by_name["Mid Suffolk \u2013 Babergh"].first_pence, by_name["Mid Suffolk \u2013 Babergh"].second_pence) \
        == (63_768_00, 63_767_00)
    assert by_name["Suffolk Coastal"].difference_pence == 76_657_00 - 76_660_00
    assert by_name["Total"].difference_pence == 0


def test_compare_keeps_apart_two_spellings_kept_in_one_scenario(demo_path):
    # An older scenario holding both spellings as two partnerships: neither is merged into the other's figure.
    scenario_id = _near_duplicates_saved(demo_path)
    store = open_store(demo_path)
    try:
        old = service.load_scenario(store, scenario_id)
        rows = service.compare_scenarios(old, old)
        assert [r.partnership for r in rows][:5] == [p.name for p in old.partnerships]
        assert all(r.difference_pence == 0 for r in rows)
    finally:
        store.close()


# -- a column pasted with its heading as the paper spells it -----------------------------------------------------

@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


def test_a_column_pasted_with_the_papers_heading_skips_the_heading(tab, prompts):
    # The paper heads the column "BCS comparator offences 2007–08" (an en dash); the tab's is typed with a hyphen.
    # The heading was not known for the column's own, was read as a count and the paste refused ("not a number").
    assert tab.state.input_headers()[2] == "BCS comparator offences 2007-08"
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 2))
    tab.paste_inputs("BCS comparator offences  2007\u201308\n2500\n8000\n")
    assert not prompts.errors
    assert [p.value("basis") for p in tab.state.partnerships[:3]] == [2500, 8000, 4857]


def test_a_heading_spelt_the_papers_way_over_another_column_is_still_refused(tab, prompts):
    before = tab.state
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs("Partnership\tBCS comparator offences 2007\u201308\nBabergh\t2442\n")
    assert tab.state == before and "would land on the Fixed units column" in prompts.errors[-1][1]


# -- the chart of a partnership with no figure for last year ------------------------------------------------------

def test_the_chart_shows_no_last_year_bar_for_a_partnership_with_no_figure(tab):
    # The table shows an empty Last year and the chart's description leaves it out, but the chart drew a £0 bar
    # and its tooltip read "2008/09 (right bar) … £0": a figure the partnership never had.
    tab.add_partnership()
    assert tab.state.partnerships[-1].previous_pence is None
    assert tab.chart.last_year.getData()[1][-1] is None
    assert tab.chart.last_year_pounds[:5] == [70725, 160607, 113832, 86775, 223181]
    tab.edit_input(len(tab.state.partnerships) - 1, "previous", "0")  # a nil allocation typed is a £0 bar
    assert tab.chart.last_year.getData()[1][-1] == 0
