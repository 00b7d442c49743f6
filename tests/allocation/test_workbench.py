"""The tab's edits without a window: each is a pure step from one working state to the next."""

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationError
from safer_desk.services import allocation_workbench as bench
from safer_desk.services.demo_data.allocation import suffolk_inputs, suffolk_options


@pytest.fixture
def state():
    return bench.WorkState(tuple(suffolk_inputs()), suffolk_options())


def test_columns_and_cells(state):
    assert state.input_headers() == ["Partnership", "Fixed units", "BCS comparator offences 2007-08", "Last year"]
    west = state.partnerships[4]
    assert [bench.cell_text(west, k) for k in state.input_columns()] == ["Western CSP", "3", "8,335", "£223,181"]


def test_cell_edits_are_read_as_typed_or_refused_with_the_row(state):
    changed = bench.with_cell(state, 0, "factor:basis", "2,500")
    assert changed.partnerships[0].values["basis"] == 2500 and state.partnerships[0].values["basis"] == 2442
    assert bench.with_cell(state, 0, bench.PREVIOUS, "").partnerships[0].previous_pence is None
    assert bench.with_cell(state, 0, bench.PREVIOUS, "£70,000.50").partnerships[0].previous_pence == 70_000_50
    for key, text, message in ((bench.UNITS, "two", r"Row 1 \(Babergh CSP\), fixed units"),
                               (bench.PREVIOUS, "£3.250", "£3,250"), (bench.NAME, "Ipswich CSP", "already"),
                               ("factor:basis", "-1", "negative"), (bench.NAME, " ", "needs a name")):
        with pytest.raises(AllocationError, match=message):
            bench.with_cell(state, 0, key, text)


def test_paste_skips_a_header_and_adds_rows(state):
    table = [["Partnership", "Fixed units", "Basis", "Last year"], ["A new CSP", "2", "1,000", "£5,000"]]
    pasted = bench.with_pasted(state, 5, 0, table)
    assert pasted.partnerships[-1].name == "A new CSP" and pasted.partnerships[-1].fixed_units == 2
    only_counts = bench.with_pasted(state, 0, 2, [["1"], ["2"]])
    assert [p.values["basis"] for p in only_counts.partnerships[:3]] == [1, 2, 4857]
    with pytest.raises(AllocationError, match="twice"):
        bench.with_pasted(state, 0, 0, [["Ipswich CSP"]])


def test_an_empty_cell_pasted_blanks_its_own_row_as_typing_nothing_does(state):
    table = [["£70,725"], [""], ["£113,832"], ["£86,775"], ["£223,181"]]
    pasted = bench.with_pasted(state, 0, 3, table)
    assert [p.previous_pence for p in pasted.partnerships] == [70_725_00, None, 113_832_00, 86_775_00, 223_181_00]
    assert bench.with_cell(state, 1, bench.PREVIOUS, "").partnerships[1].previous_pence is None  # the same typed
    # Empty rows copied below the last figure, past the end of the table, add no partnership taking a fixed fee.
    assert len(bench.with_pasted(state, 4, 3, [["£1"], [""], [""]]).partnerships) == 5
    assert [p.previous_pence for p in bench.with_pasted(state, 4, 3, [["£1"], [""], ["£2"]]).partnerships[4:]] == [
        1_00, None, 2_00]


def test_options_switch_between_pot_and_last_years_total(state):
    given = bench.with_option(state, "pot_mode", "pot")
    assert given.options.pot_pence == 589_608_00 and given.options.previous_total_pence is None
    back = bench.with_option(given, "pot_mode", "previous")
    assert back.options.previous_total_pence == 655_120_00  # the sum of the Last year column
    assert bench.with_option(state, "fixed_share", "£30,000").options.fixed_per_unit_pence == 30_000_00
    assert bench.with_option(state, "damping", "").options.damping is None
    assert bench.with_option(state, "damping", "5%").options.damping == Fraction(1, 20)
    with pytest.raises(AllocationError, match="Retained %"):
        bench.with_option(state, "retain", "lots")
    assert bench.option_text(state.options, "fixed_share") == "1/3"
    assert bench.option_text(state.options, "retain") == "10"


def test_factors_added_weighted_renamed_and_removed(state):
    two = bench.with_new_factor(state, "Population")
    assert [f.title for f in two.options.factors] == ["BCS comparator offences 2007-08", "Population"]
    assert all(p.values[two.options.factors[1].name] == 0 for p in two.partnerships)
    weighted = bench.with_factor_weight(two, 1, "50%")
    assert weighted.options.factors[1].weight == 50
    renamed = bench.with_factor_title(weighted, 1, "Residents")
    assert renamed.options.factors[1].title == "Residents"
    one = bench.without_factor(renamed, 1)
    assert one == state
    with pytest.raises(AllocationError, match="at least one factor"):
        bench.without_factor(one, 0)
    with pytest.raises(AllocationError, match="above zero"):
        bench.with_factor_weight(state, 0, "0")


def test_rows_added_and_removed(state):
    more = bench.with_new_row(state)
    assert len(more.partnerships) == 6 and more.partnerships[-1].name == "Partnership 6"
    assert bench.without_rows(more, [5]) == state
    result, problem = bench.empty_state().calculate()
    assert result is None and "no partnerships" in problem


def test_allocation_chart_is_built_only_when_the_tab_is_opened():
    import subprocess
    import sys
    from pathlib import Path

    code = ("import sys; import safer_desk.ui.main_window, safer_desk.ui.allocation, safer_desk.ui.allocation.models;"
            "print('safer_desk.ui.kit.chart' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=Path(__file__).resolve().parents[2], capture_output=True,
                         text=True, timeout=120, env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


@pytest.mark.parametrize("name", ["Total", "Totals", "TOTAL", "Grand total", "County total", "Total:"])
def test_a_total_line_copied_with_the_table_is_refused_not_made_a_partnership(state, name):
    # Copied from a board paper with its total line, "Total" would be a partnership holding half the basis and
    # taking half the pot.
    table = [["Babergh CSP", "1", "2,442", "£70,725"], [name, "5", "26,895", "£655,120"]]
    with pytest.raises(AllocationError, match="total line"):
        bench.with_pasted(state, 0, 0, table)
    with pytest.raises(AllocationError, match="total line"):
        bench.with_cell(state, 0, bench.NAME, name)
    assert bench.with_cell(state, 0, bench.NAME, "Totalville CSP").partnerships[0].name == "Totalville CSP"


def test_a_retain_under_one_percent_shows_its_percent_sign_so_it_reads_back_the_same(state):
    changed = bench.with_option(state, "retain", "0.5%")
    assert bench.option_text(changed.options, "retain") == "0.5%"
    assert bench.with_option(changed, "retain", bench.option_text(changed.options, "retain")).options.retain \
        == Fraction(1, 200)


def test_a_factor_weight_typed_in_the_window_is_digits_or_refused(state):
    for text in ("inf", "1e999999999"):  # an OverflowError, and a window frozen working out a billion digits
        with pytest.raises(AllocationError, match="not a number"):
            bench.with_factor_weight(state, 0, text)
    assert bench.with_factor_weight(state, 0, "1/3").options.factors[0].weight == Fraction(1, 3)


def test_a_whole_fixed_share_reads_back_as_it_is_shown():
    from fractions import Fraction

    from safer_desk.domain.allocation import AllocationOptions, parse_fraction
    from safer_desk.services.allocation_workbench import option_text

    for share in (Fraction(1), Fraction(1, 3), Fraction(0)):
        shown = option_text(AllocationOptions(pot_pence=100_000, fixed_share=share), "fixed_share")
        assert parse_fraction(shown) == share, shown


@pytest.mark.parametrize("key", [bench.UNITS, "factor"])
def test_a_blank_count_is_refused_as_on_the_command_line_not_read_as_0(state, key):
    """West's fixed units or crime count left blank (typed or pasted) was read as 0: West got £0 and the others'
    fixed fees jumped, without a word. The command line refuses a blank basis; so does the window."""
    key = key if key == bench.UNITS else f"factor:{state.options.factors[0].name}"
    with pytest.raises(AllocationError, match="type 0 if"):
        bench.with_cell(state, 4, key, "")
    with pytest.raises(AllocationError, match="type 0 if"):
        bench.with_pasted(state, 3, state.input_columns().index(key), [["1"], [""]])
    assert bench.with_cell(state, 4, key, "0") is not None
