"""View > History of Changes says stored codes as the screens say them (round 28).

Found by reading the History of the example file: an allocation row's factors read as the file's JSON
(`factor values {"basis": "2442"}`) where the Allocation tab heads the column 'BCS comparator offences 2007-08';
an indicator read 'unit rate', 'polarity lower', 'frequency annual', 'tolerance pct 5' where the Indicator and
Target… form says 'Rate per population', 'Lower is better', 'Annual', '5% of target'; a budget read 'unit pound',
'kind expenditure', 'sign -1' and 'status amount' where the Budgets tab and Plan settings… say them in words.
"""

from safer_desk.domain.budgets import STATUS_WORDS
from safer_desk.domain.indicators import FREQUENCY_LABELS, POLARITY_LABELS, UNIT_LABELS
from safer_desk.presenters.budgets import SECTION_KINDS, UNIT_CHOICES
from safer_desk.presenters.history import history_lines
from safer_desk.services import budgets
from safer_desk.services import indicators as ind


def _all_details(store) -> str:
    return "\n".join(d for line in history_lines(store, limit=500) for d in line.details)


def test_an_allocation_rows_factors_read_by_their_titles(demo_store):
    demo = _all_details(demo_store)
    assert "factor values {" not in demo
    assert ("partnership Babergh CSP; fixed units 1; factor values BCS comparator offences 2007-08 2,442; "
            "previous £70,725") in demo


def test_an_indicator_reads_as_its_form_says_it(demo_store):
    demo = _all_details(demo_store)
    assert ("Added indicator Serious acquisitive crime: unit Count; polarity Monitor only; frequency Monthly; source "
            "Safer Plymouth performance report (January 2017); tolerance 5% of target; measure Performance against "
            "a target …") in demo
    for stored in ("unit count", "polarity lower", "frequency monthly", "tolerance pct", "unit rate"):
        assert stored not in demo
    ind.save_indicator(demo_store, "Serious acquisitive crime", unit="count", polarity="lower", frequency="monthly",
                       source="Safer Plymouth performance report (January 2017)", tolerance_pct=10)
    line = history_lines(demo_store, limit=1)[0]
    assert line.details == (
        f"Changed the polarity of indicator Serious acquisitive crime from {POLARITY_LABELS['monitor']} to "
        f"{POLARITY_LABELS['lower']}",
        "Changed the tolerance of indicator Serious acquisitive crime from 5% of target to 10% of target")
    assert UNIT_LABELS["count"] == "Count" and FREQUENCY_LABELS["monthly"] == "Monthly"


def test_a_budget_reads_as_the_budgets_tab_says_it(demo_store):
    demo = _all_details(demo_store)
    pound, expenditure = dict(UNIT_CHOICES)["pound"], dict(SECTION_KINDS)["expenditure"]
    assert f"unit {pound}; total label Community Safety Base Budget" in demo
    assert (f"Added budget section Community Safety: plan East Sussex Community Safety MTFP 2011/12 – 2014/15; "
            f"kind {expenditure}; total label Total Expenditure") in demo
    assert "Drugs and alcohol: plan East Sussex Community Safety MTFP 2011/12 – 2014/15; kind Outside the total; " \
           "total label" in demo
    assert ("Added budget figure of 2011/12, Employees, East Sussex Community Safety MTFP 2011/12 – 2014/15: "
            "line Employees; column 2011/12; amount £327,800") in demo
    for stored in ("unit pound", "kind expenditure", "kind income", "sign 1", "sign -1", "status amount"):
        assert stored not in demo
    row = demo_store.one("SELECT s.id, l.id AS line_id FROM budget_sections s "
                         "JOIN budget_lines l ON l.section_id = s.id WHERE s.name = 'Savings'")
    budgets.update_section(demo_store, row["id"], kind="other")
    line = history_lines(demo_store, limit=1)[0]
    assert line.details == (
        f"Changed the kind of budget section Savings from {dict(SECTION_KINDS)['savings']} to "
        f"{dict(SECTION_KINDS)['other']}",
        "Changed the effect on the total of budget section Savings from takes away to none (outside the total)")
    budgets.set_cell(demo_store, row["line_id"], "2012/13", "TBC")
    line = history_lines(demo_store, limit=1)[0]
    assert (f"Changed the status of budget figure of 2012/13, Savings to be identified, East Sussex Community Safety "
            f"MTFP 2011/12 – 2014/15 from an amount to {STATUS_WORDS['tbc']}") in line.details
