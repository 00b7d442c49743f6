"""The allocation, round 28: damping limits kept to the penny after rounding to whole pounds; a fixed share of
the whole pot split in whole pounds."""

from fractions import Fraction
from pathlib import Path

from hypothesis import assume, given, settings, strategies as st
from PySide6.QtCore import Qt

from safer_desk.cli import main
from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula
from safer_desk.ui.allocation.models import TOTAL_KEY
from tests.allocation.seed import options, partnerships


def _ash_and_birch():
    # Ash had £23,248 last year: +20% is £27,897.60, so the most it may have in whole pounds is £27,897.
    return [PartnershipInput("Ash", 1, {"basis": Fraction(2_848)}, 23_248_00),
            PartnershipInput("Birch", 1, {"basis": Fraction(6_067)}, 66_951_00)]


def test_a_partnership_held_at_its_damping_limit_is_not_rounded_past_it():
    result = allocate_by_formula(_ash_and_birch(), AllocationOptions(pot_pence=91_000_00, damping=Fraction(1, 5)))
    ash = result.row("Ash")
    assert ash.formula_pence > ash.previous_pence * Fraction(6, 5)  # the formula alone gives it more: it is held
    assert ash.total_pence == 27_897_00  # was £27,898: a rise of 20.0017%, over the ±20% limit
    assert result.row("Birch").total_pence == 63_103_00
    assert result.total_pence == 91_000_00


def test_the_command_keeps_the_damping_limit_too(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("partnership,fixed_units,basis,previous\nAsh,1,2848,23248\nBirch,1,6067,66951\n",
                      encoding="utf-8")
    assert main(["allocate", str(source), "--pot", "91000", "--damping", "20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split(",")[6] == "27897" and lines[2].split(",")[6] == "63103"


def test_the_suffolk_paper_damped_to_12_percent_in_the_window_cuts_waveney_by_no_more(qtbot, demo_window):
    # Waveney had £113,832: −12% is £100,172.16, so £100,172 (a 12.0007% cut) breaks the limit by 16p.
    tab = demo_window.show_tab("allocation")
    edit = tab.option_edits["damping"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "12")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert tab.result.damping_limit == Fraction(12, 100) and not tab.result.notes  # asked for, not widened
    totals = {row["name"]: row["total"] for row in tab.results_model.every_row()}
    assert totals["Waveney CSP"] == 100_173_00
    assert totals[TOTAL_KEY] == 589_608_00
    assert "within the ±12% damping limit = £100,173" in tab.result.explain("Waveney CSP")


@st.composite
def damped_allocations(draw):
    count = draw(st.integers(2, 6))
    previous = st.one_of(st.none(), st.integers(1_000_00, 300_000_00))  # a new partnership has none
    rows = [PartnershipInput(f"P{i}", draw(st.integers(1, 3)), {"basis": Fraction(draw(st.integers(1, 10_000)))},
                             draw(previous)) for i in range(count)]
    known = sum(r.previous_pence or 0 for r in rows)
    assume(known)
    pot = known + draw(st.integers(-known // 40, known // 40))
    unit = draw(st.sampled_from(["pound", "penny"]))
    if unit == "pound":
        pot -= pot % 100
    opts = AllocationOptions(pot_pence=pot, fixed_share=Fraction(draw(st.integers(0, 2)), 3), unit=unit,
                             damping=Fraction(draw(st.integers(3, 30)), 100))
    return rows, opts


@settings(max_examples=300, deadline=None)
@given(damped_allocations())
def test_no_partnership_gains_or_loses_more_than_the_limit_even_by_pence(case):
    rows, opts = case
    result = allocate_by_formula(rows, opts)
    assert result.total_pence == opts.pot_pence
    assume(result.damping_limit == opts.damping)  # not widened (then every one is at its bound exactly)
    for r in result.rows:
        if r.previous_pence:
            assert r.previous_pence * (1 - opts.damping) <= r.total_pence <= r.previous_pence * (1 + opts.damping), r


# -- a fixed share of the whole pot: each unit's fee rounded up would be more than the pot ----------------------

def test_a_fixed_share_of_100_percent_in_whole_pounds_is_split_not_refused():
    # £589,608 over 7 units is £84,229.71: rounded up, 7 × £84,230 = £589,610, £2 more than the pot.
    result = allocate_by_formula(partnerships(), options(fixed_share=Fraction(1), rounding="exact"))
    assert result.fixed_per_unit_pence == 84_229_00
    assert result.fixed_total_pence == 589_603_00 and result.variable_total_pence == 5_00
    assert result.total_pence == 589_608_00
    assert any("rounded down to £84,229" in note for note in result.notes)


def test_the_command_splits_the_whole_pot_per_unit(capsys):
    source = Path(__file__).with_name("suffolk-2009-10-allocation.csv")
    assert main(["allocate", str(source), "--previous-total", "655120", "--retain", "10", "--fixed-share", "100%"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines()[-1].startswith("Totals,7,26895,100.00,589603,5,589608,")
    assert "rounded down to £84,229" in err


def test_typing_100_percent_as_the_fixed_share_in_the_window_splits_the_pot(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    edit = tab.option_edits["fixed_share"]
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "100%")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert tab.problem == ""  # was: “the pot (£589,608) is smaller than the fixed part (7 units × £84,230)”
    assert tab.result.fixed_per_unit_pence == 84_229_00
    assert {row["name"]: row["total"] for row in tab.results_model.every_row()}[TOTAL_KEY] == 589_608_00
    assert "rounded down to £84,229" in tab.summary_label.text()


# -- last year's figures under the tab's own heading ------------------------------------------------------------

def test_the_command_reads_last_year_under_the_tabs_heading(capsys, tmp_path):
    # The inputs table heads the column "Last year" (and reads it so when pasted); the command took only "previous"
    # and passed over the column without a word: no variance, and --damping "changed nothing".
    source = tmp_path / "in.csv"
    source.write_text('Partnership,Fixed units,basis,Last year\nBabergh,1,2442,"£70,725"\nIpswich,1,7937,"£160,607"\n',
                      encoding="utf-8")
    assert main(["allocate", str(source), "--pot", "200000"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[1].split(",")[7:] == ["70725", "-23668"]
    assert lines[-1].split(",")[7] == "231332"


def test_a_previous_column_beside_a_last_year_column_is_refused(capsys, tmp_path):
    source = tmp_path / "in.csv"
    source.write_text("partnership,fixed_units,basis,previous,Last year\nA,1,1,100,200\n", encoding="utf-8")
    assert main(["allocate", str(source), "--pot", "1000"]) == 1
    assert "columns 4 and 5: D and E" in capsys.readouterr().err
