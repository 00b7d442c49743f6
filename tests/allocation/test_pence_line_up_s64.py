"""Session 64 (alloc): the Allocation tab's tables showed "£2,900,692" over "£145,034.60" (the Top-slice page of the
example: the seed paper prints £2,900,692.00), and last year's "£100,000" over "£112,345.67" in the results, so the
figures of a column did not line up at the pound. Every other table of the window shows pence for a whole money column
when any of its rows has them (the kit's rule, ``any_pence``); the Allocation tab's own money columns, the signed
Variance, Damping and Difference included, now do too. Whole pounds stay whole pounds."""

from __future__ import annotations

from fractions import Fraction

from PySide6.QtCore import Qt

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput, allocate_by_formula
from safer_desk.services.allocation import ComparisonRow
from safer_desk.ui.allocation.models import ResultsModel, comparison_columns
from safer_desk.ui.kit.tables import RowTableModel


def column(model, header: str) -> list[str]:
    c = next(i for i in range(model.columnCount()) if model.headerData(i, Qt.Orientation.Horizontal) == header)
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_the_top_slice_page_shows_pence_on_every_line_as_the_paper_does(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    amounts = column(tab.top_slice_model, "Amount")
    assert amounts[:5] == ["£2,900,692.00", "£1,450,346.00", "£1,450,346.00", "£145,034.60", "£145,034.60"]
    assert amounts[5:] == ["£174,041.52", "£116,027.68"]


def test_the_seed_results_stay_in_whole_pounds(qtbot, demo_window):
    tab = demo_window.show_tab("allocation")
    assert column(tab.results_model, "This year")[-1] == "£589,608"
    assert column(tab.results_model, "Variance")[:2] == ["-£6,957", "-£16,535"]


def test_a_last_year_with_pence_shows_pence_down_its_column_and_the_variance_keeps_its_sign(qtbot):
    rows = [PartnershipInput("Babergh", 1, {"basis": Fraction(1)}, 10_000_000),
            PartnershipInput("Ipswich", 1, {"basis": Fraction(1)}, 11_234_567)]
    result = allocate_by_formula(rows, AllocationOptions(pot_pence=21_000_000, damping=Fraction(5, 100)))
    model = ResultsModel()
    model.show(result)
    assert column(model, "Last year") == ["£100,000.00", "£112,345.67", "£212,345.67"]
    assert column(model, "This year") == ["£103,271", "£106,729", "£210,000"]  # whole pounds: as they are
    assert column(model, "Variance") == ["+£3,271.00", "-£5,616.67", "-£2,345.67"]
    assert column(model, "Damping") == ["-£1,729", "+£1,729", "£0"]


def test_the_comparison_lines_up_its_difference(qtbot):
    model = RowTableModel(comparison_columns("First", "Second"),
                          [ComparisonRow("Babergh", 6_376_750, 6_376_800), ComparisonRow("Ipswich", 100, 500)])
    assert column(model, "First") == ["£63,767.50", "£1.00"]
    assert column(model, "Second") == ["£63,768", "£5"]  # a column of whole pounds, as every table shows one
    assert column(model, "Difference (second − first)") == ["+£0.50", "+£4.00"]
