"""Session 76 (figures): a count's annual target spread evenly through the year read "53.3", "106.7", "160",
"213.3" … "640" along the Target (cum.) row, whole months' targets without the place the others have, as a rate's
and a percentage's did before they were given one number of places along a row. A count's targets now read with the
most places any of them needs ("160.0" beside "106.7"); the counts themselves stay whole, and a count's targets that
are all whole stay whole."""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue

FY16 = FinancialYear(2016)


def _grid(store, annual):
    area = svc.ensure_area(store, "Babergh", "district")
    ind = svc.save_indicator(store, "Burglary", polarity="lower")
    svc.set_target(store, ind, area, FY16, kind="annual", value=annual)
    svc.save_values(store, ind, area, [PeriodValue("2016-04", value=50), PeriodValue("2016-05", value=57),
                                       PeriodValue("2016-06", value=60)], require_red_comments=False)
    return svc.entry_grid(store, ind, area, FY16, today=date(2016, 7, 10))


def texts(grid, key):
    return [c.text for c in grid.row(key).cells]


def test_a_counts_target_row_reads_with_one_number_of_places(store):
    grid = _grid(store, 640)
    assert texts(grid, svc.GRID_TARGET) == ["53.3", "106.7", "160.0", "213.3", "266.7", "320.0", "373.3", "426.7",
                                            "480.0", "533.3", "586.7", "640.0"]  # were "160", "320" … "640"
    assert texts(grid, svc.GRID_CUMULATIVE)[:3] == ["50", "107", "167"]  # the counts stay whole
    assert texts(grid, svc.GRID_GAP)[:3] == ["\u22123.3", "+0.3", "+7.0"]  # 167 against "160.0": as read
    assert grid.view.ytd_target_text() == "160.0"


def test_whole_targets_stay_whole(store):
    grid = _grid(store, 600)
    assert texts(grid, svc.GRID_TARGET)[:3] == ["50", "100", "150"]
    assert texts(grid, svc.GRID_GAP)[:3] == ["0", "+7", "+17"]
