"""A pot given with a retained % (this year's grant less a top-slice the county keeps), typed in the window as
`allocate --pot 600000 --retain 10` takes it: the window split the whole £600,000, its Retained % greyed."""

import pytest

from safer_desk.presenters.allocation import summary_text
from safer_desk.services import allocation_workbench as bench
from safer_desk.ui.allocation.models import TOTAL_KEY
from tests.allocation.test_tab_scenarios import type_option


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def test_a_given_pot_takes_a_retained_share_typed_in_the_window(qtbot, tab):
    tab.pot_given.click()
    assert tab.option_edits["retain"].isEnabled()
    type_option(qtbot, tab, "pot", "£600,000")
    type_option(qtbot, tab, "retain", "10")
    result = tab.result
    assert (result.grant_pence, result.retained_pence, result.pot_pence) == (600_000_00, 60_000_00, 540_000_00)
    totals = {row["name"]: row["total"] for row in tab.results_model.every_row()}
    assert totals[TOTAL_KEY] == 540_000_00
    assert "Pot £540,000 (this year's £600,000 less 10% retained, £60,000)" in tab.summary_label.text()
    # Typing another grant keeps the retained %: it is this year's grant's top-slice, not last year's.
    type_option(qtbot, tab, "pot", "£700,000")
    assert tab.option_edits["retain"].text() == "10"
    assert tab.result.pot_pence == 630_000_00
    tab.window().undo_action.trigger()
    assert tab.result.pot_pence == 540_000_00


def test_the_same_split_as_the_command_line():
    from safer_desk.services.allocation import build_options
    given = bench.with_option(bench.with_option(bench.empty_state(), "pot", "£600,000"), "retain", "10")
    cli = build_options(pot="600000", retain="10")
    assert (given.options.pot_pence, given.options.retain) == (cli.pot_pence, cli.retain)
    assert given.options.pot_and_retained() == cli.pot_and_retained() == (540_000_00, 60_000_00)
    assert bench.with_option(given, "pot", "£700,000").options.retain == cli.retain


def test_the_line_above_the_table_names_the_grant():
    from fractions import Fraction
    from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula
    options = AllocationOptions(pot_pence=100_000_00, retain=Fraction(1, 10))
    result = allocate_by_formula([PartnershipInput("A", 1, {"basis": Fraction(1)})], options)
    assert summary_text(result).startswith("Pot £90,000 (this year's £100,000 less 10% retained, £10,000);")
