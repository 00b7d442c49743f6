"""Session 74 (ind1): 98 violent crimes in April among Babergh's 100,000 people are 0.98 per 1,000, but a rate kept
one place, so the grid, the summary export and the board report said "1 per 1,000" (and 0.944 read "0.9", a twentieth
out). A rate now keeps the places it has up to two (0.98 stays 0.98), and one worked out with more places is shown
with two under 10 (0.944 is 0.94) and one from 10 up (12.3), the same in the window, the CSV and the board report."""

from __future__ import annotations

import csv
from datetime import date

import pytest

from safer_desk.domain import indicators as dom
from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)


@pytest.mark.parametrize(("value", "shown"), [
    (0.98, "0.98 per 1,000"),
    (0.944, "0.94 per 1,000"),
    (4.25, "4.25 per 1,000"),
    (4.2, "4.2 per 1,000"),
    (12.34, "12.34 per 1,000"),   # typed with two places: kept
    (12.345678, "12.3 per 1,000"),  # worked out, from 10 up: one place
    (0.0385, "0.04 per 1,000"),
    (3.0, "3 per 1,000"),
])
def test_a_rate_reads_with_the_places_that_keep_it_true(value, shown):
    assert dom.format_value(value, "rate", rate_per=1000) == shown


@pytest.fixture
def babergh(store):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower")
    svc.set_population(store, area, FY16, 100000)
    svc.set_target(store, ind, area, FY16, kind="annual", value=36)
    svc.save_values(store, ind, area, [PeriodValue("2016-04", numerator=98)])
    return store, area, ind


def test_the_grid_export_and_report_say_0_98(babergh, tmp_path):
    from safer_desk.exchange.report_html import render_html
    from safer_desk.services.report import build_report

    store, area, ind = babergh
    p = IndicatorsPresenter(store, perform=ActionLog(), today=lambda: date(2017, 1, 10))
    p.load(area, FY16)
    p.choose_indicator(ind, lambda *a: True)
    grid = p.figures
    assert grid.cell(svc.GRID_CUMULATIVE, 0).text == "0.98 per 1,000"
    assert grid.cell(svc.GRID_TARGET, 0).text == "3.00 per 1,000"  # the figure's places (s75)
    assert grid.cell(svc.GRID_GAP, 0).text == "\u22122.02"
    assert p.view.ytd_text() == "0.98 per 1,000"
    exported = list(csv.reader(p.export_summary(tmp_path / "summary.csv").open(encoding="utf-8-sig")))
    assert "1" not in exported[1] and any("0.98" in cell for cell in exported[1])
    report = render_html(build_report(store, year=FY16, area="Babergh"))
    assert "0.98 per 1,000" in report and "Violent crime rate 1 per 1,000" not in report
