"""Compare scenarios across the 2019 merger: the partnerships in one scenario only are said (s60)."""

from safer_desk.presenters.allocation import comparison_note
from safer_desk.services import allocation as service
from tests.allocation.test_report_csp_names_s60 import save_after_the_merger


def test_partnerships_in_one_scenario_only_are_named_under_the_comparison(demo_store):
    """Found by a coordinator comparing 2009/10 with 2019/20: Waveney CSP and Suffolk Coastal CSP had no figure in
    the second, East Suffolk CSP none in the first, and their Difference cells were blank with not a word why (read
    as "no change"), while the Totals row's difference counted them all."""
    store = save_after_the_merger(demo_store)
    by_name = {s.name: s.id for s in service.list_scenarios(store)}
    first = service.load_scenario(store, by_name["Option 2 - As per 2008/09 with updated crime figures, 10% retained"])
    second = service.load_scenario(store, by_name["After the merger"])
    note = comparison_note(first, second)
    assert note.startswith("Differences in the options: last year's total: £655,120 → £589,608;")
    assert note.endswith("basis 1. Only in the first: Waveney CSP, Suffolk Coastal CSP and Western CSP; only in the "
                         "second: East Suffolk CSP and West Suffolk CSP (no difference for them; the Total compares "
                         "the pots).")
    assert "Only in" not in comparison_note(first, first)
