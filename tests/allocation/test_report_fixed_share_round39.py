"""The board report says the fixed share of the pot as the tab's Fixed share field shows it (round 39): "25% of the
pot", as the field and the words under the chart say it, where the report said "1/4"; the paper's 1/3 stays 1/3."""

from fractions import Fraction

import pytest

from safer_desk.domain.allocation import AllocationOptions, PartnershipInput
from safer_desk.services import allocation as service
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store


@pytest.mark.parametrize("share, said", [(Fraction(1, 4), "25% of the pot"), (Fraction(1, 3), "1/3 of the pot")])
def test_the_report_says_the_fixed_share_as_the_field_shows_it(tmp_path, share, said):
    store = open_store(tmp_path / "new.sqlite", create=True)
    try:
        rows = [PartnershipInput("North CSP", 1, {"basis": Fraction(2_848)}, 23_248_00),
                PartnershipInput("South CSP", 1, {"basis": Fraction(6_067)}, 66_951_00)]
        service.save_scenario(store, "Plan A", "2024/25", rows, AllocationOptions(pot_pence=90_000_00,
                                                                                  fixed_share=share))
        section = next(s for s in build_report(store, year="2024/25").sections if s.title == "Allocation 2024/25")
        text = " ".join(p for p in section.paragraphs if isinstance(p, str))
        assert f"({said})" in text
    finally:
        store.close()
