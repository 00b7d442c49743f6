"""The board report's allocation chart named its bars "2009/10" and "Last year", where the tab's chart names both
years ("2009/10", "2008/09"): the same figures, named two ways (noticed by session 58's Allocation hunt)."""

from __future__ import annotations

from safer_desk.services import allocation as service
from safer_desk.services.report_sections.allocation import allocation_section


def test_the_report_chart_names_the_year_before(demo_store):
    agreed = service.adopted_scenario(demo_store, "2009/10")
    (chart,) = allocation_section(service.load_scenario(demo_store, agreed.id)).charts
    assert [series.name for series in chart.series] == ["2009/10", "2008/09"]
    assert chart.title == "Allocation 2009/10 against 2008/09"
