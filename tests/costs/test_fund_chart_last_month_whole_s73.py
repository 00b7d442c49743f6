"""S73 (funds7): the burn-down chart's last month label is drawn whole.

Babergh's 2026/27 sanctuary fund (£10,000, £501.67 a month, running out in Feb 2028) beside its tables at 1366x768:
the chart runs to Apr 2028, a year past the end of the period, and the label of that last month stood centred on the
chart's right edge, drawn "Apr 202" with the year cut, where it could be any year of the decade. A label at an edge
is now drawn whole inside the chart (moved in from the edge, not cut), and the labels still do not run into each
other.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtGui import QFontMetricsF

from safer_desk.services import funds
from safer_desk.ui.costs.fund_page import FundChart

TODAY = date(2026, 12, 7)


@pytest.fixture
def sanctuary(demo_store):
    s = demo_store
    fund = funds.add_fund(s, name="Babergh sanctuary 2026/27", starts_on="01/04/2026", ends_on="31/03/2027",
                          risk_levels="high,medium")
    for who, amount, day in (("Babergh District Council", "£3,000", "01/04/2026"),
                             ("Mid Suffolk District Council", "£2,000", "01/10/2026"),
                             ("Suffolk County Council", "£5,000", "01/01/2027")):
        funds.add_contribution(s, fund, organisation=who, amount=amount, received_on=day)
    lines = (("05/05/2026", "£475"), ("12/06/2026", "£420"), ("20/07/2026", "£555"), ("03/09/2026", "£670"),
             ("14/10/2026", "£535"), ("02/11/2026", "£300"))
    for n, (day, amount) in enumerate(lines, start=1):
        referral = funds.add_referral(s, fund, reference=f"BS-26-{n:03d}", district="Babergh", referred_on=day,
                                      risk_level="high", at_marac="yes", idva_assigned="yes", perpetrator_resident="no")
        funds.add_spend_line(s, referral, spent_on=day, item="Door chain", amount=amount)
    return funds.fund_figures(s, fund, today=TODAY)


@pytest.mark.parametrize("width", [380, 300, 520])
def test_every_month_label_is_inside_the_chart(qtbot, sanctuary, width):
    chart = FundChart()
    qtbot.addWidget(chart)
    chart.show_forecast(sanctuary)
    chart.resize(width, 420)
    fm = QFontMetricsF(chart.font())
    layout = chart.layout_for(chart.width(), chart.height(), fm)
    labels = [text for _x, text in layout.x_ticks]
    assert labels and labels[-1] == "Apr 2028", labels
    rects = chart.x_label_rects(layout, fm)
    assert [r.left() >= 0 and r.right() <= width for r in rects] == [True] * len(rects), [
        (t, r.left(), r.right()) for (_x, t), r in zip(layout.x_ticks, rects)]
    for a, b in zip(rects, rects[1:]):
        assert a.right() <= b.left(), (a, b)  # none drawn over the next
