"""The Allocation tab's scenarios and saved draft, round 28: what an officer meets saving over the agreed scenario,
marking changed inputs as agreed, reopening a file with the pot given, and typing what Excel shows."""

import json
from fractions import Fraction

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.allocation import parse_number
from safer_desk.presenters.allocation import AllocationPresenter
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench
from safer_desk.storage.store import open_store
from tests.allocation import seed


@pytest.fixture
def tab(demo_window):
    demo_window.resize(1280, 800)
    demo_window.show()
    return demo_window.show_tab("allocation")


def type_option(qtbot, tab, key, text):
    edit = tab.option_edits[key]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, text)
    qtbot.keyClick(edit, Qt.Key.Key_Return)


def choose(tab, words):
    combo = tab.scenario_combo
    combo.setCurrentIndex(next(i for i in range(combo.count()) if words in combo.itemText(i)))


# -- (1) Save on the agreed scenario asks first ------------------------------------------------------------------

def test_save_on_the_agreed_scenario_asks_first_and_cancel_leaves_the_boards_figures(qtbot, tab, prompts):
    """Found by a tester: Save with the agreed scenario loaded wrote over it, kept its agreed mark, and the board
    report's agreed figures changed with no question asked."""
    store = tab.store
    agreed = tab.presenter.loaded
    assert agreed.adopted
    type_option(qtbot, tab, "retain", "5")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # answered Cancel
    text = prompts.questions[-1][1]
    assert "agreed" in text and "board report" in text and "Save as new" in text
    assert service.load_scenario(store, agreed.id) == agreed
    assert tab.scenario_status.text().endswith("⚠ changed since saved") and not prompts.errors
    prompts.answers.append(True)
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    again = service.load_scenario(store, agreed.id)
    assert again.options.retain == Fraction(1, 20) and again.adopted
    assert tab.scenario_status.text() == "✓ as saved"


def test_save_on_a_scenario_not_agreed_asks_nothing(qtbot, tab, prompts):
    choose(tab, "exact shares")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    exact = tab.presenter.loaded
    type_option(qtbot, tab, "retain", "5")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert not prompts.questions and not prompts.errors
    assert service.load_scenario(tab.store, exact.id).options.retain == Fraction(1, 20)


def test_save_asks_too_on_a_scenario_marked_as_agreed_after_it_was_opened(qtbot, tab, prompts):
    choose(tab, "exact shares")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    exact = tab.presenter.loaded
    qtbot.mouseClick(tab.adopt_button, Qt.MouseButton.LeftButton)
    type_option(qtbot, tab, "retain", "5")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)  # answered Cancel
    assert prompts.questions and "board report" in prompts.questions[-1][1]
    assert service.load_scenario(tab.store, exact.id).options.retain == Fraction(1, 10)


# -- (2) Mark as agreed with the inputs changed since saved ----------------------------------------------------

def test_mark_as_agreed_with_the_inputs_changed_since_saved_says_which_figures_are_agreed(qtbot, tab, prompts):
    """Found by a tester: the inputs on screen said "changed since saved", Mark as agreed marked the scenario as
    saved, and the officer thought the board's figures were the ones on screen."""
    choose(tab, "exact shares")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    exact = tab.presenter.loaded
    type_option(qtbot, tab, "retain", "5")
    choose(tab, "exact shares")
    qtbot.mouseClick(tab.adopt_button, Qt.MouseButton.LeftButton)  # answered Cancel
    text = prompts.questions[-1][1]
    assert "changed since" in text and "as saved" in text and "Save" in text
    assert not service.load_scenario(tab.store, exact.id).adopted
    prompts.answers.append(True)
    choose(tab, "exact shares")
    qtbot.mouseClick(tab.adopt_button, Qt.MouseButton.LeftButton)
    assert service.load_scenario(tab.store, exact.id).adopted


def test_mark_as_agreed_on_the_inputs_as_saved_asks_nothing(qtbot, tab, prompts):
    choose(tab, "exact shares")
    qtbot.mouseClick(tab.open_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.adopt_button, Qt.MouseButton.LeftButton)
    assert not prompts.questions and service.load_scenario(tab.store, tab.presenter.loaded.id).adopted


# -- (3) the pot given, the file closed and reopened ---------------------------------------------------------------

def test_the_total_and_retained_share_behind_a_given_pot_survive_reopening_the_file(demo_path):
    store = open_store(demo_path)
    try:
        presenter = AllocationPresenter(store)
        presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
        presenter.edit(lambda s: bench.with_option(s, "pot_mode", "pot"), "Pot given")
        assert presenter.state.options.pot_pence == 622_364_00
    finally:
        store.close()
    store = open_store(demo_path)
    try:
        presenter = AllocationPresenter(store)
        presenter.edit(lambda s: bench.with_option(s, "pot_mode", "previous"), "Last year's total less retained")
        options = presenter.state.options
        assert (options.previous_total_pence, options.retain) == (655_120_00, Fraction(1, 20))
        assert presenter.result.pot_pence == 622_364_00
    finally:
        store.close()


def test_a_draft_kept_before_the_set_aside_total_still_loads(store):
    text = service.inputs_to_json(seed.partnerships(), seed.options())
    older = json.loads(text)
    older.pop("set_aside", None)
    assert service.inputs_from_json(json.dumps(older)) == (seed.partnerships(), seed.options())
    with store.transaction():
        store.conn.execute("INSERT INTO _allocation_draft(key, value) VALUES ('inputs', ?)", (json.dumps(older),))
    presenter = AllocationPresenter(store)
    assert presenter.state.partnerships == tuple(seed.partnerships()) and presenter.state.set_aside is None


# -- (4) Excel's accounting zero --------------------------------------------------------------------------------

def test_excels_accounting_zero_pasted_into_a_factor_cell_is_read_as_0(tab, prompts):
    assert parse_number("-") == 0 and parse_number(" -   ") == 0
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 2))
    tab.paste_inputs(" -   \n")
    assert not prompts.errors
    assert tab.state.partnerships[0].value("basis") == 0
    with pytest.raises(ValueError, match="negative"):
        parse_number("-5")


# -- (5) a fixed share typed with decimals ----------------------------------------------------------------------

def test_a_fixed_share_typed_as_a_decimal_percentage_reads_back_as_typed(qtbot, tab):
    type_option(qtbot, tab, "fixed_share", "33.3%")
    assert tab.state.options.fixed_share == Fraction(333, 1000)
    assert tab.option_edits["fixed_share"].text() == "33.3%"
    for typed, shown in (("1/3", "1/3"), ("0.25", "25%"), ("12.5%", "12.5%"), ("0", "0"), ("100%", "100%")):
        options = bench.with_option(tab.state, "fixed_share", typed).options
        assert bench.option_text(options, "fixed_share") == shown
        assert bench.with_option(tab.state, "fixed_share", shown).options.fixed_share == options.fixed_share
