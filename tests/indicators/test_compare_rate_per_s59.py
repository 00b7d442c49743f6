"""View > Compare Areas… on a percentage or a rate (session 59): "Rate per" stayed a choice there, and choosing per
100,000 changed nothing (only a count is worked out per head of population). It is greyed for them, its tip saying
why, and a choice again for a count."""

from __future__ import annotations

from safer_desk.domain.periods import FinancialYear


def test_rate_per_is_a_choice_for_counts_only(demo_store, qtbot):
    from safer_desk.ui.indicators.comparison import AreaComparisonDialog

    dialog = AreaComparisonDialog(demo_store, indicator_id="indicator:all-crime", year=FinancialYear(2025))
    qtbot.addWidget(dialog)
    assert dialog.per.isEnabled()
    for indicator, unit in (("indicator:alcohol-related-hospital-admissions", "rate"),
                            ("indicator:adults-leaving-drug-treatment-in-a-planned-way", "percentage")):
        dialog.indicator.setCurrentIndex(dialog.indicator.findData(indicator))
        assert dialog.presenter.unit == unit
        assert not dialog.per.isEnabled()
        assert "counts" in dialog.per.toolTip()
    dialog.indicator.setCurrentIndex(dialog.indicator.findData("indicator:burglary"))
    assert dialog.per.isEnabled()
