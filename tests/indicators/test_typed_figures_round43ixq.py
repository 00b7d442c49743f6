"""Session 43 (ixq): figures and populations as an officer types them, and Find beside Area, checked through the
window, the presenter and the command line."""

from __future__ import annotations

from decimal import Decimal

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.indicators import IndicatorError
from safer_desk.services import indicators as svc
from tests.indicators.test_tab import plymouth_tab


def test_a_count_typed_with_a_point_between_thousands_is_refused_saying_so_never_saved_as_a_small_one(
        demo_window, prompts):
    # "1.234" (as many European sheets write 1,234) for a count was refused as "A count is a whole number.", which
    # never said the point was read as a decimal point; "2.000" was saved as 2 crimes without a word.
    store = demo_window.session.store
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Anti-social behaviour")
    before = store.conn.total_changes
    for typed, meant in (("1.234", "1,234"), ("2.000", "2,000"), ("1.234.567", "1,234,567")):
        tab.grid.edit_text(svc.GRID_VALUE, 9, typed)
        assert not tab.save_figures(), typed
        message = tab.grid_messages.text()
        assert "Jan-17" in message and f"type {meant}" in message and "point" in message, message
    assert store.conn.total_changes == before and tab.view.values[9] is None
    tab.grid.edit_text(svc.GRID_VALUE, 9, "2,000")
    assert tab.save_figures()
    assert tab.view.values[9] == 2000


def test_a_rates_population_typed_with_a_point_between_thousands_is_refused_never_a_thousand_times_too_small(
        demo_window, prompts):
    # The Population row of a rate: "264.000" was saved as 264 people, and the rate came out a thousand times
    # too high.
    svc.save_indicator(demo_window.session.store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    tab = plymouth_tab(demo_window)
    tab.select_indicator("Violent crime rate")
    tab.grid.edit_text(svc.GRID_NUMERATOR, 0, "250")
    tab.grid.edit_text(svc.GRID_DENOMINATOR, 0, "264.000")
    assert not tab.save_figures()
    assert "type 264,000" in tab.grid_messages.text()
    assert tab.view.values[0] is None


@pytest.mark.parametrize("typed, said", [
    ("92.000", "type 92,000"),  # was recorded as a population of 92
    ("£92,000", "£ sign"),  # was refused blaming its comma
    ("£92000", "£ sign"),
])
def test_a_population_typed_with_a_point_between_thousands_or_a_pound_sign_says_what_to_type(typed, said):
    with pytest.raises(IndicatorError) as refused:
        svc.read_population(typed)
    message = str(refused.value)
    assert said in message and typed.lstrip("£") in message, message
    assert "comma" not in message
    assert svc.read_population("92,000") == svc.read_population("92000") == 92_000


def test_the_population_command_says_what_is_wrong_with_a_pound_sign(demo_path, capsys):
    from tests.cli_run import run

    code, out, err = run(capsys, "population", demo_path, "Plymouth", "2016/17", "£92,000")
    assert code != 0 and "£ sign" in err and "(92,000)" in err and "comma" not in err
    code, out, err = run(capsys, "population", demo_path, "Plymouth", "2016/17", "92.000")
    assert code != 0 and "type 92,000" in err


SATISFACTION = "Level Two \u201cist\u201d incidents satisfaction"


def test_nothing_to_count_typed_as_0_of_0_says_to_leave_the_month_blank_with_a_comment(demo_window, prompts):
    # 0 of 0 (nobody asked in December) was refused as "the denominator cannot be 0", and "0 of 0" in the
    # percentage's own cell as "not a percentage (try a form like 1,234 or 88.9)": neither said what to type. A
    # percentage of nothing is no figure: the month is left blank, and its comment says why.
    store = demo_window.session.store
    tab = plymouth_tab(demo_window)
    tab.select_indicator(SATISFACTION)
    before = store.conn.total_changes
    tab.grid.edit_text(svc.GRID_NUMERATOR, 8, "0")
    tab.grid.edit_text(svc.GRID_DENOMINATOR, 8, "0")
    assert not tab.save_figures()
    message = tab.grid_messages.text()
    assert "Dec-16" in message and "0 of 0" in message and "blank" in message and "comment" in message, message
    tab.grid.edit_text(svc.GRID_NUMERATOR, 8, "")
    tab.grid.edit_text(svc.GRID_DENOMINATOR, 8, "")
    for typed in ("0 of 0", "0/0"):
        tab.grid.edit_text(svc.GRID_VALUE, 8, typed)
        assert not tab.save_figures()
        message = tab.grid_messages.text()
        assert "Dec-16" in message and "blank" in message and "comment" in message, message
    assert store.conn.total_changes == before
    # What it says to do is kept: no figure, and the comment.
    tab.grid.edit_text(svc.GRID_VALUE, 8, "")
    tab.grid.edit_text(svc.GRID_COMMENT, 8, "None surveyed")
    assert tab.save_figures()
    assert tab.view.values[8] is None and tab.view.comments[8] == "None surveyed"


def test_a_proportion_typed_in_the_percentages_own_cell_says_which_rows_take_it(demo_window, prompts):
    tab = plymouth_tab(demo_window)
    tab.select_indicator(SATISFACTION)
    tab.grid.edit_text(svc.GRID_VALUE, 8, "16 of 18")
    assert not tab.save_figures()
    message = tab.grid_messages.text()
    assert "numerator" in message and "16" in message and "denominator" in message and "18" in message, message
    assert "1,234" not in message


def test_a_figures_sheets_0_of_0_says_the_same(store):
    ind = svc.save_indicator(store, "Satisfied", unit="percentage", polarity="higher")
    with pytest.raises(IndicatorError) as refused:
        svc.check_value(svc.get_indicator(store, ind), svc.PeriodValue("2016-12", numerator=0, denominator=0))
    assert "0 of 0" in str(refused.value) and "blank" in str(refused.value)


def _find(qtbot, tab, typed: str) -> None:
    tab.area_search.setFocus()
    tab.area_search.clear()
    qtbot.keyClicks(tab.area_search, typed)
    qtbot.keyClick(tab.area_search, Qt.Key.Key_Return)


def test_find_says_when_no_area_is_named_so_and_takes_an_area_of_the_list_too(demo_window, qtbot):
    # Find with a name no area has did nothing, without a word; and an area already in the Area list (Plymouth)
    # was not found by Find either, as if the file had none of that name.
    tab = demo_window.show_tab("indicators")
    tab.select_area("district:babergh")
    _find(qtbot, tab, "Zzyzx")
    assert tab.presenter.area_id == "district:babergh"
    assert tab.find_note.isVisibleTo(tab)
    assert "No area's name contains “Zzyzx”" in tab.find_note.text()
    assert tab.area_search.text() == "Zzyzx"  # kept to correct
    qtbot.keyClick(tab.area_search, Qt.Key.Key_Backspace)
    assert not tab.find_note.isVisibleTo(tab)  # the note goes once the name is changed
    _find(qtbot, tab, "plymouth")
    assert tab.presenter.area_id == "district:plymouth" and tab.area_combo.currentText().startswith("Plymouth")
    assert tab.area_search.text() == "" and not tab.find_note.isVisibleTo(tab)
    _find(qtbot, tab, "Birmingham")  # another area, as before
    assert tab.presenter.area_id == "district:birmingham"


def test_a_counts_target_or_trajectory_typed_with_a_point_between_thousands_is_refused_never_a_small_one():
    # A count's Target figure "19.200" was kept as a target of 19.2 crimes in the year, and a trajectory's
    # "1.200; 2.400" as 1.2 and 2.4, as the grid kept "2.000" as 2.
    from safer_desk.domain.checks import NumberError
    from safer_desk.presenters.indicators import target_figure, trajectory_figures

    value, problem, _ = target_figure("19.200", "count")
    assert value is None and "type 19,200" in problem, problem
    assert target_figure("19,200", "count")[0] == 19_200
    assert target_figure("88.500", "percentage")[0] == Decimal("88.5")  # a percentage's decimals are its own
    with pytest.raises(NumberError, match="type 1,200"):
        trajectory_figures("1.200; 2.400", "count")
    assert trajectory_figures("1,200; 2,400", "count") == [1200, 2400]
