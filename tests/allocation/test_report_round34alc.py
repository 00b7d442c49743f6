"""The allocation in the board report, round 34 (alc): an allocation to partnerships the file's reference data does
not place (a new file with no office set-up, names typed as the board paper has them, partnerships that had ended
by the scenario's year) is the office's own business, and the office's report shows it rather than leaving it out.
"""

from fractions import Fraction

import pytest
from hypothesis import assume, given, settings, strategies as st

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services import reference as ref
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store


def _titles(document) -> list[str]:
    return [s.title for s in document.sections]


def _rows():
    return [PartnershipInput("North CSP", 1, {"basis": Fraction(2_848)}, 23_248_00),
            PartnershipInput("South CSP", 1, {"basis": Fraction(6_067)}, 66_951_00)]


def test_a_new_files_allocation_is_in_its_board_report(tmp_path):
    """Was: a file with no office set-up and no reference data has nothing to place "North CSP" in, and the board
    report left the allocation out without a word."""
    store = open_store(tmp_path / "new.sqlite", create=True)
    try:
        service.save_scenario(store, "Plan A", "2024/25", _rows(), AllocationOptions(pot_pence=90_199_00))
        for year in (None, "2024/25"):
            doc = build_report(store, year=year)
            assert "Allocation 2024/25" in _titles(doc)
            section = next(s for s in doc.sections if s.title == "Allocation 2024/25")
            assert [r[0] for r in section.tables[0].rows] == ["North CSP", "South CSP"]
        assert "Allocation 2024/25" not in _titles(build_report(store, year="2023/24"))
    finally:
        store.close()


def _next_year(store) -> None:
    """The example's agreed 2009/10 allocation (Babergh CSP … Western CSP) saved again for 2010/11."""
    agreed = service.load_scenario(store, service.adopted_scenario(store, "2009/10").id)
    service.save_scenario(store, "Next year", "2010/11", agreed.partnerships, agreed.options)


def test_the_next_years_allocation_to_partnerships_that_ended_is_in_the_offices_report(demo_store):
    """The example's 2009/10 partnerships end with 2009/10 in its reference data: the office's 2010/11 allocation to
    them (the board paper's names kept) was left out of the 2010/11 report, and of the report for all years."""
    _next_year(demo_store)
    assert "Allocation 2010/11" in _titles(build_report(demo_store, year="2010/11"))
    assert "Allocation 2010/11" in _titles(build_report(demo_store))


def test_another_offices_report_still_leaves_it_out(demo_store):
    _next_year(demo_store)
    ref.set_office_scope(demo_store, partnerships=["Safer Plymouth"], county="Devon")
    assert not [t for t in _titles(build_report(demo_store)) if t.startswith("Allocation")]
    # An area asked for by name is that area's report, not the office's own business.
    assert not [t for t in _titles(build_report(demo_store, area="Plymouth")) if t.startswith("Allocation")]


def test_an_allocation_placed_in_another_offices_districts_is_not_the_offices_own(demo_store):
    """The 2009/10 scenarios place their partnerships in Suffolk's districts: still not a Plymouth office's."""
    ref.set_office_scope(demo_store, partnerships=["Safer Plymouth"], county="Devon")
    assert not [t for t in _titles(build_report(demo_store, year="2009/10")) if t.startswith("Allocation")]


def test_saved_in_the_window_the_allocation_is_in_the_report(qtbot, window, tmp_path):
    """Through the real widgets: a new file, two partnerships typed and pasted, saved as a scenario."""
    path = tmp_path / "typed.sqlite"
    open_store(path, create=True).close()
    window.open_path(path)
    window.show()
    tab = window.show_tab("allocation")
    tab.pot_given.click()
    tab.option_edits["pot"].setText("£90,199")
    tab.option_edits["pot"].editingFinished.emit()
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs("Partnership\tFixed units\tbasis\tLast year\nNorth CSP\t1\t2,848\t£23,248\n"
                     "South CSP\t1\t6,067\t£66,951\n")
    assert tab.result is not None and tab.result.total_pence == 90_199_00
    tab.scenario_name.setText("Plan A")
    tab.scenario_year.setText("2024/25")
    tab.save_new_button.click()
    assert tab.scenario_combo.count() >= 1
    doc = build_report(window.session.store, year="2024/25")
    section = next(s for s in doc.sections if s.title == "Allocation 2024/25")
    assert section.tables[0].total_row[-3:] == ["£90,199", "£90,199", "£0"]


@pytest.fixture
def demo_store(demo_path):
    store = open_store(demo_path)
    yield store
    store.close()


# -- damping that whole pounds cannot keep, in the board paper ----------------------------------------------------

def _freeze(unit: str = "pound") -> AllocationOptions:
    return AllocationOptions(pot_pence=100_200_00, damping=Fraction(0), unit=unit)


def _frozen_rows():
    # A cash freeze (±0%) on last year's figures in pence: no whole pound keeps Ash or Birch at last year's.
    return [PartnershipInput("Ash", 1, {"basis": Fraction(2_848)}, 23_248_50),
            PartnershipInput("Birch", 1, {"basis": Fraction(6_067)}, 66_951_50),
            PartnershipInput("Cedar", 1, {"basis": Fraction(100)}, None)]


def _allocation_words(store) -> str:
    section = next(s for s in build_report(store).sections if s.title.startswith("Allocation"))
    return section.paragraphs[0]


def test_the_report_does_not_say_a_limit_is_kept_when_whole_pounds_break_it(tmp_path):
    """Was: "No partnership's change from last year exceeds ±0%." above the table's -£0.50 and £0.50, and above the
    note naming Ash and Birch as off the limit: the board paper contradicted itself."""
    store = open_store(tmp_path / "freeze.sqlite", create=True)
    try:
        service.save_scenario(store, "Freeze", "2024/25", _frozen_rows(), _freeze())
        said = _allocation_words(store)
        assert "No partnership's change from last year exceeds" not in said
        assert "±0%" in said and "as nearly as whole pounds allow" in said
    finally:
        store.close()


def test_in_pence_the_limit_kept_is_said_as_before(tmp_path):
    store = open_store(tmp_path / "freeze.sqlite", create=True)
    try:
        service.save_scenario(store, "Freeze", "2024/25", _frozen_rows(), _freeze("penny"))
        assert "No partnership's change from last year exceeds ±0%." in _allocation_words(store)
    finally:
        store.close()


def test_a_freeze_typed_in_the_window_is_reported_as_whole_pounds_allow(qtbot, window, tmp_path):
    path = tmp_path / "freeze.sqlite"
    open_store(path, create=True).close()
    window.open_path(path)
    window.show()
    tab = window.show_tab("allocation")
    tab.pot_given.click()
    for key, text in (("pot", "£90,200"), ("damping", "0")):
        tab.option_edits[key].setText(text)
        tab.option_edits[key].editingFinished.emit()
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs("Ash\t1\t2,848\t£23,248.50\nBirch\t1\t6,067\t£66,951.50\n")
    assert [r.total_pence for r in tab.result.rows] == [23_248_00, 66_952_00]
    tab.scenario_name.setText("Freeze")
    tab.scenario_year.setText("2024/25")
    tab.save_new_button.click()
    assert "as nearly as whole pounds allow" in _allocation_words(window.session.store)
    tab.unit_combo.setCurrentIndex(tab.unit_combo.findData("penny"))
    assert [r.total_pence for r in tab.result.rows] == [23_248_50, 66_951_50]
    tab.save_button.click()
    assert "No partnership's change from last year exceeds ±0%." in _allocation_words(window.session.store)


# -- a refusal says what to do -----------------------------------------------------------------------------------

def _refusal(rows, options) -> str:
    from safer_desk.domain.allocation import AllocationError, allocate_by_formula

    with pytest.raises(AllocationError) as caught:
        allocate_by_formula(rows, options)
    return str(caught.value)


def test_a_pot_smaller_than_the_fixed_amounts_says_the_most_a_unit_can_have():
    said = _refusal(_rows(), AllocationOptions(pot_pence=50_000_00, fixed_per_unit_pence=30_000_00))
    assert "smaller than the fixed part" in said
    assert "at most £25,000 a unit" in said and "larger pot" in said


def test_a_factor_adding_up_to_zero_says_to_type_its_figures():
    rows = [PartnershipInput("North CSP", 1, {"basis": Fraction(0)}), PartnershipInput("South CSP", 1, {"basis": 0})]
    said = _refusal(rows, AllocationOptions(pot_pence=100_00))
    assert "nothing to share by" in said and "type the partnerships' basis figures" in said


def test_a_fixed_share_with_no_fixed_units_says_to_give_them():
    rows = [PartnershipInput("North CSP", 0, {"basis": Fraction(1)}), PartnershipInput("South CSP", 0, {"basis": 2})]
    said = _refusal(rows, AllocationOptions(pot_pence=100_00, fixed_share=Fraction(1, 3)))
    assert "no partnership has a fixed unit" in said and "Fixed units" in said and "fixed share" in said


def test_the_window_says_what_to_do_with_figures_that_add_up_to_nothing(qtbot, window, tmp_path):
    path = tmp_path / "zero.sqlite"
    open_store(path, create=True).close()
    window.open_path(path)
    window.show()
    tab = window.show_tab("allocation")
    assert "add the partnerships" in tab.summary_label.text()  # a new file: nothing to split between yet
    tab.pot_given.click()
    tab.option_edits["pot"].setText("£1,000")
    tab.option_edits["pot"].editingFinished.emit()
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs("North CSP\t1\t0\nSouth CSP\t1\t0\n")
    assert tab.result is None
    assert "type the partnerships' basis figures" in tab.problem_label.text()


def test_a_weight_of_nought_says_to_remove_the_factor_instead():
    from safer_desk.domain.allocation import AllocationError, parse_weight

    with pytest.raises(AllocationError, match=r"above zero \(to leave a factor out, remove it\)"):
        parse_weight("0", what="Factor Population")


def test_a_weight_of_nought_typed_in_the_window_is_refused_with_the_way_and_nothing_changes(qtbot, demo_window,
                                                                                           prompts):
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    tab.add_factor()
    before = tab.state
    tab.factors_table.item(1, 1).setText("0%")
    assert tab.state == before and tab.factors_table.item(1, 1).text() == "1"
    assert "above zero (to leave a factor out, remove it)" in prompts.errors[-1][1]


# -- the odd pence: who gets them, and by what rule -----------------------------------------------------------------

_RULE = {"exact": "the next in line for a whole pound, by largest remainder",
         "percent-2dp": "the furthest below its exact share"}


@pytest.mark.parametrize("rounding", ["exact", "percent-2dp"])
def test_the_warning_states_the_rule_for_the_odd_pence(rounding):
    from safer_desk.domain.allocation import allocate_by_formula

    rows = [PartnershipInput(n, 1, {"basis": Fraction(1)}, 100_00) for n in ("Ash", "Birch", "Cedar")]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=100_01, rounding=rounding))
    odd = [w for w in result.warnings if "pence over" in w]
    assert len(odd) == 1 and _RULE[rounding] in odd[0], odd


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 9_999), min_size=2, max_size=7), st.integers(0, 10**7),
       st.sampled_from(["exact", "percent-2dp"]), st.randoms())
def test_the_odd_pence_go_to_one_partnership_whatever_the_order_of_the_rows(bases, pot, rounding, rnd):
    """Every penny is given, the parts add up, and the odd pence land on the same partnership in any row order."""
    from safer_desk.domain.allocation import allocate_by_formula

    assume(sum(bases))
    rows = [PartnershipInput(f"P{i}", 1, {"basis": Fraction(b)}) for i, b in enumerate(bases)]
    options = AllocationOptions(pot_pence=pot, rounding=rounding, fixed_share=Fraction(1, 3))
    first = allocate_by_formula(rows, options)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    again = allocate_by_formula(shuffled, options)
    assert sum(r.total_pence for r in first.rows) == pot
    assert {r.name: r.total_pence for r in first.rows} == {r.name: r.total_pence for r in again.rows}
    assert [r.name for r in first.rows if r.total_pence % 100] == sorted(
        r.name for r in again.rows if r.total_pence % 100)
    assert len([r for r in first.rows if r.total_pence % 100]) == (1 if pot % 100 else 0)


def test_the_window_says_who_has_the_odd_pence_and_why(qtbot, demo_window):
    demo_window.show()
    tab = demo_window.show_tab("allocation")
    tab.pot_given.click()
    tab.option_edits["pot"].setText("£589,608.50")
    tab.option_edits["pot"].editingFinished.emit()
    assert tab.result.total_pence == 589_608_50
    assert "has the odd 50p (the furthest below its exact share)" in tab.summary_label.text()  # the paper's rounding
    tab.rounding_combo.setCurrentIndex(tab.rounding_combo.findData("exact"))
    assert "has the odd 50p (the next in line for a whole pound, by largest remainder)" in tab.summary_label.text()
