"""The board report's allocation table reads as a paper's headings: a factor saved without a label (the calculator's
"basis", as `allocate`'s INPUT.csv names the column) was headed "basis" and "basis as % of the total", and its
sentence said the variable part "is shared by basis"."""

from __future__ import annotations

from fractions import Fraction

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report import build_report

ROWS = [PartnershipInput("Babergh", 1, {"basis": 2442}, 70_725_00),
        PartnershipInput("Ipswich", 1, {"basis": 7937}, 160_607_00)]


def _allocation(store, factors):
    service.save_scenario(store, "Option 2", "2009/10", ROWS, AllocationOptions(pot_pence=200_000_00, factors=factors))
    doc = build_report(store, year="2009/10")
    return next(s for s in doc.sections if s.title.startswith("Allocation"))


def test_an_unlabelled_factor_is_headed_as_a_heading_and_said_in_words(store):
    section = _allocation(store, (Factor("basis"),))
    header = section.tables[0].header
    assert "Basis" in header and "Basis as % of the total" in header
    assert not any(h.startswith("basis") for h in header)
    assert "shared by basis" not in section.paragraphs[0]
    assert "shared in proportion to each partnership's basis figure" in section.paragraphs[0]


def test_a_labelled_factor_keeps_its_label_as_the_paper_names_it(store):
    section = _allocation(store, (Factor("basis", label="BCS comparator offences 2007-08"),))
    header = section.tables[0].header
    assert "BCS comparator offences 2007-08" in header
    assert "BCS comparator offences 2007-08 as % of the total" in header
    assert "shared in proportion to BCS comparator offences 2007-08" in section.paragraphs[0]


def test_a_label_typed_in_lower_case_is_headed_with_a_capital_but_said_as_typed(store):
    factors = (Factor("crime", Fraction(1, 2), "crime counts"), Factor("population", Fraction(1, 2)))
    rows = [PartnershipInput("Babergh", 1, {"crime": 3, "population": 1}, 0),
            PartnershipInput("Ipswich", 1, {"crime": 1, "population": 3}, 0)]
    service.save_scenario(store, "Two factors", "2009/10", rows,
                          AllocationOptions(pot_pence=400_00, factors=factors))
    section = next(s for s in build_report(store, year="2009/10").sections if s.title.startswith("Allocation"))
    header = section.tables[1].header  # with two factors, the factors are a table of their own
    assert {"Crime counts", "Crime counts as % of the total", "Population", "Population as % of the total"} <= set(
        header)
    assert ("shared in proportion to crime counts (weighted 50%) and each partnership's population figure "
            "(weighted 50%)") in section.paragraphs[0]
