"""The board report's allocation with several factors (DESIGN.md 2.2: Thames Valley weighs five, Oxfordshire three):
printed on A4 with every figure whole."""

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationOptions, Factor, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store

NAMES = ["Babergh", "Ipswich", "East Suffolk", "Mid Suffolk", "West Suffolk", "Norwich Community Safety Partnership",
         "Breckland", "Broadland", "Great Yarmouth", "King's Lynn and West Norfolk", "North Norfolk", "South Norfolk"]
FACTORS = (Factor("population", Fraction(1, 2), "Resident population mid-2018"),
           Factor("crime", Fraction(1, 4), "Recorded crime 2018-19 excluding fraud"),
           Factor("demand", Fraction(1, 4), "Non-crime demand (ASB incidents) 2018-19"))


@pytest.fixture
def three_factors(demo_path):
    """Oxfordshire's shape (population 50%, crime 25%, non-crime demand 25%), damped to ±10%, twelve partnerships
    with last year's figures in pence, agreed for 2019/20."""
    store = open_store(demo_path)
    partnerships = [PartnershipInput(n, 1, {"population": 90_000 + i * 7_919, "crime": 3_000 + i * 1_237 % 5_000,
                                            "demand": 1_000 + i * 333}, 100_000_00 + i * 12_345_67)
                    for i, n in enumerate(NAMES)]
    options = AllocationOptions(previous_total_pence=sum(p.previous_pence for p in partnerships),
                                retain=Fraction(1, 20), fixed_share=Fraction(1, 4), rounding="exact", unit="pound",
                                factors=FACTORS, damping=Fraction(1, 10))
    service.set_adopted(store, service.save_scenario(store, "Three factors, damped", "2019/20", partnerships,
                                                     options))
    yield store
    store.close()


def test_no_figure_of_an_allocation_by_three_factors_is_broken_in_the_pdf(qapp, three_factors):
    """Found by a county coordinator: an allocation by three factors, damped, printed as one table of 16 columns
    across A4 portrait, even at the smallest type, broke money and headings mid-word ("£478,5" over "24",
    "-£100,74" over "1", "Partnersh" over "ip"). The money keeps the paper's columns; the factors, their shares
    and the weighted share are a table of their own beneath it."""
    from PySide6.QtCore import QBuffer, QIODevice, QRectF

    from safer_desk.ui.exchange.report_pdf import DPI, FOOTER_H, HEADER_H, _writer, layout_section
    from tests.exchange.test_report_round25 import broken_words

    document = build_report(three_factors, year="2019/20")
    number, section = next((n, s) for n, s in enumerate(document.sections, 1) if s.title == "Allocation 2019/20")
    money, factors = section.tables
    assert money.header == ["Partnership", "Fixed units", "Fixed fee", "Variable fee", "Damping", "Weighted share %",
                            "This year", "Last year", "Variance"]
    assert money.rows[0][0] == "Babergh" and money.total_row[-4:] == ["100.00%", "£1,914,073.22", "£2,014,814.22",
                                                                     "-£100,741.00"]
    assert factors.header == ["Partnership", "Resident population mid-2018",
                              "Resident population mid-2018 as % of the total",
                              "Recorded crime 2018-19 excluding fraud",
                              "Recorded crime 2018-19 excluding fraud as % of the total",
                              "Non-crime demand (ASB incidents) 2018-19",
                              "Non-crime demand (ASB incidents) 2018-19 as % of the total", "Weighted share %"]
    assert factors.rows[0] == ["Babergh", "90,000", "5.62%", "3,000", "4.44%", "1,000", "2.94%", "4.65%"]
    assert factors.total_row[0] == "Totals" and factors.title.startswith("Three factors, damped: ")
    buffer = QBuffer()
    assert buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _writer(buffer, document)
    page = QRectF(writer.pageLayout().paintRectPixels(DPI))
    layout = layout_section(section, number, page.width(), page.height() - HEADER_H - FOOTER_H, writer)
    assert broken_words(layout.document) == []


def test_one_factor_keeps_the_papers_single_table(demo_store):
    """Seed 000's table as the paper printed it: one table, the offences and their share among the money."""
    section = next(s for s in build_report(demo_store, year="2009/10").sections if s.title == "Allocation 2009/10")
    table, = section.tables
    assert table.header[4:6] == ["BCS comparator offences 2007-08", "BCS comparator offences 2007-08 as % of the total"]
