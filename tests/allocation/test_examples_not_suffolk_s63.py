"""A Plymouth office's Allocation tab showed Suffolk's 2009/10 paper as its examples: Pot "£589,608", Last year
"£655,120", Working on "2009/10" (and Save top-slice asked for a year "as 2009/10"). The examples are a format to
follow, not another county's figures: a round amount, and this financial year."""

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters import allocation as presenter
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store

SUFFOLK = ("589,608", "655,120", "2009/10")


def test_the_examples_are_a_format_not_suffolk_s_figures():
    this_year = FinancialYear.of(date.today()).label
    assert presenter.year_example() == this_year
    assert presenter.year_example(date(2019, 3, 31)) == "2018/19"
    for example in (presenter.POT_EXAMPLE, presenter.PREVIOUS_TOTAL_EXAMPLE):
        assert example.startswith("e.g. £") and not any(s in example for s in SUFFOLK)


def test_a_plymouth_office_is_not_shown_suffolk_s_paper(window, qtbot, tmp_path):
    path = tmp_path / "plymouth.sqlite"
    store = open_store(path, create=True)
    ref.set_office_scope(store, districts=["Plymouth"], county="Devon")
    store.close()
    assert window.open_path(path)
    tab = window.show_tab("allocation")
    tab.pot_given.setChecked(True)
    shown = [tab.option_edits["pot"].placeholderText(), tab.option_edits["previous_total"].placeholderText(),
             tab.scenario_year.placeholderText()]
    assert not any(s in text for text in shown for s in SUFFOLK), shown
    assert shown == [presenter.POT_EXAMPLE, presenter.PREVIOUS_TOTAL_EXAMPLE, presenter.year_example()]
