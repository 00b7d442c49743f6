"""The allocation, round 29.

1. A table's total line under another label ("Suffolk", "Suffolk total"), read from the command's CSV or pasted in
   the window, was a partnership taking half the pot.
2. On a 1366x768 laptop at 150% (the window about 910x480) the tab needed a sideways scroll of 160 pixels.
"""

from pathlib import Path

import pytest
from PySide6.QtWidgets import QPushButton

from safer_desk.cli import main
from safer_desk.services import allocation_workbench as bench
from tests.window_sizes import resize_window

EXAMPLE = Path(__file__).resolve().parents[2] / "resources" / "example" / "suffolk-2009-10-allocation.csv"
PAPER_ROWS = ("Babergh CSP\t1\t2,442\t£70,725\nIpswich CSP\t1\t7,937\t£160,607\nWaveney CSP\t1\t4,857\t£113,832\n"
              "Suffolk Coastal CSP\t1\t3,324\t£86,775\nWestern CSP\t3\t8,335\t£223,181\n")


@pytest.mark.parametrize("label", ["Suffolk", "Suffolk total", "All CSPs"])
def test_the_commands_csv_with_its_total_line_under_another_label_is_refused(tmp_path, capsys, label):
    """The row "Suffolk,7,26895,655120" under the partnerships was a sixth partnership: £294,784 of the £589,608,
    every real partnership's figure halved, exit code 0."""
    source = tmp_path / "in.csv"
    source.write_text(EXAMPLE.read_text(encoding="utf-8") + f'{label},7,"26,895","655,120"\n', encoding="utf-8")
    code = main(["allocate", str(source), "--previous-total", "655120", "--retain", "10", "--fixed-share", "1/3"])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert f"row 7 ({label})" in err and "total line" in err


def test_a_real_partnership_is_not_taken_for_a_total_line(tmp_path, capsys):
    # Fixed units the sum of the others' (7), but its own offences and last year: a partnership, as typed.
    source = tmp_path / "in.csv"
    source.write_text(EXAMPLE.read_text(encoding="utf-8") + "County Lines,7,1000,50000\n", encoding="utf-8")
    assert main(["allocate", str(source), "--pot", "600000", "--fixed-share", "1/3"]) == 0
    assert "County Lines,7," in capsys.readouterr().out


@pytest.fixture
def tab(demo_window):
    demo_window.show()
    return demo_window.show_tab("allocation")


@pytest.mark.parametrize("label", ["Suffolk", "Suffolk total"])
def test_the_papers_table_pasted_with_its_total_line_under_another_label_is_refused(tab, prompts, label):
    before = tab.state
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs(PAPER_ROWS + f"{label}\t7\t26,895\t£655,120\n")
    assert tab.state == before
    assert prompts.errors and "total line" in prompts.errors[-1][1] and label in prompts.errors[-1][1]


def test_the_papers_table_pasted_without_its_total_line_is_taken(tab, prompts):
    tab.inputs_view.setCurrentIndex(tab.inputs_model.index(0, 0))
    tab.paste_inputs(PAPER_ROWS + "New CSP\t1\t1,000\t£50,000\n")
    assert not prompts.errors
    assert [p.name for p in tab.state.partnerships][-1] == "New CSP"


def test_a_total_line_pasted_over_a_partnerships_row_is_refused_too(demo_window):
    state = demo_window.show_tab("allocation").state
    with_sixth = bench.with_pasted(state, 5, 0, [["Mid Suffolk CSP", "1", "100", "£1,000"]])
    with pytest.raises(bench.AllocationError, match="total line"):
        bench.with_pasted(with_sixth, 5, 0, [["Suffolk", "7", "26,895", "£655,120"]])


AT_150 = (910, 480)  # 1366x768 at 150%; the window's least height is 500


def across_in_view(widget, area) -> bool:
    """The widget is shown and lies wholly within the tab's area from left to right (the area may scroll down)."""
    left = widget.mapTo(area.viewport(), widget.rect().topLeft()).x()
    return widget.isVisible() and left >= 0 and left + widget.width() <= area.viewport().width()


def test_the_tab_needs_no_sideways_scroll_on_a_laptop_at_150_percent(demo_window, qtbot):
    """At 910 wide the tab needed 1,056: Export…, Copy Table, Save as new, the factors and their buttons were off
    the right edge, reached only by scrolling sideways. Rounding, Unit and Damping go under the pot's fields there."""
    tab = demo_window.show_tab("allocation")
    resize_window(demo_window, AT_150)
    area = demo_window.tabs.currentWidget()
    qtbot.waitUntil(lambda: area.widget().width() <= area.viewport().width(), timeout=2000)
    assert area.horizontalScrollBar().maximum() == 0
    buttons = {b.accessibleName(): b for b in tab.findChildren(QPushButton)}
    controls = [tab.scenario_combo, tab.scenario_name, tab.scenario_year, tab.rounding_combo, tab.unit_combo,
                tab.factors_table, *tab.option_edits.values(), tab.inputs_view, tab.pages,
                *(buttons[name] for name in ("Open", "Rename scenario", "Delete", "Export", "Copy Table", "Save",
                                             "Save as new", "Add Factor",
                                             "Remove Factor", "Add Partnership", "Remove Partnership", "Paste"))]
    assert [w.accessibleName() for w in controls if not across_in_view(w, area)] == []
    resize_window(demo_window, (1093, 582))  # wider again: side by side, and nothing scrolls
    qtbot.waitUntil(lambda: tab.rounding_combo.x() > tab.option_edits["pot"].x(), timeout=2000)
    qtbot.waitUntil(lambda: not area.horizontalScrollBar().isVisible() and not area.verticalScrollBar().isVisible(),
                    timeout=2000)


def test_every_stop_of_tab_on_the_tab_has_a_name_for_a_screen_reader(demo_window, qtbot):
    """The pages (Results, Compare scenarios …) and the scrolling explanation of the selected partnership's figure
    were stops of Tab with no name: a screen reader said nothing there."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QWidget

    tab = demo_window.show_tab("allocation")
    resize_window(demo_window, (1093, 582))
    unnamed = set()
    for page in range(tab.pages.count()):
        tab.pages.setCurrentIndex(page)
        for widget in tab.findChildren(QWidget):
            stop = widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            if stop and not QAccessible.queryAccessibleInterface(widget).text(QAccessible.Text.Name):
                unnamed.add(type(widget).__name__)
    assert unnamed == set()


@pytest.mark.parametrize("typed", ["-", " £ -   ", "£-"])
def test_excels_accounting_zero_in_last_year_is_nothing_last_year(demo_window, typed):
    """A partnership new this year shows last year's £0 as Excel's accounting format does ("£ -"): pasted or typed
    in Last year it was refused as "negative twice" or as not an amount, though a factor's "-" is read as 0."""
    state = demo_window.show_tab("allocation").state
    assert bench.with_pasted(state, 0, 3, [[typed]]).partnerships[0].previous_pence == 0
    assert bench.with_cell(state, 0, bench.PREVIOUS, typed).partnerships[0].previous_pence == 0


def test_the_commands_csv_reads_excels_accounting_zero_in_previous(tmp_path, capsys):
    source = tmp_path / "in.csv"
    source.write_text('partnership,fixed_units,basis,previous\nAsh,1,2848," £ -   "\nBirch,1,6067,66951\n',
                      encoding="utf-8")
    assert main(["allocate", str(source), "--pot", "91000"]) == 0
    ash = capsys.readouterr().out.splitlines()[1].split(",")
    assert ash[0] == "Ash" and ash[7] == "0"
