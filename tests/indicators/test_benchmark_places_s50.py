"""A benchmark or baseline a person typed reads with the places it was typed with: a national 0.95 per 1,000 was
printed "national 1 per 1,000" beside the area's 0.75, in the window's sentence and the board report (its sentence
and its Baselines and benchmarks table), though `safer-desk framework` gives 0.95."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.indicators import typed_places
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref
from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store

BABERGH = "district:babergh"


@pytest.fixture
def rate_office(tmp_path):
    store = open_store(tmp_path / "office.sqlite", create=True)
    ref.set_office_name(store, "Test office")
    ref.set_office_scope(store, districts=["Babergh", "Mid Suffolk"])
    svc.sync_reference_areas(store)
    svc.set_population(store, BABERGH, FinancialYear(2025), 104_000, source="ONS 2025")
    rate = svc.save_indicator(store, "Violent crime rate", unit="rate", rate_per=1000, polarity="lower",
                              frequency="monthly")
    svc.save_values(store, rate, BABERGH, [svc.PeriodValue("2025-04", numerator=52),
                                           svc.PeriodValue("2025-05", numerator=26)])
    svc.set_benchmark(store, rate, BABERGH, "2025-05", kind="regional", name="East of England", value=0.7)
    svc.set_benchmark(store, rate, BABERGH, "2025-05", kind="national", name="", value=0.95)
    svc.set_baseline(store, rate, BABERGH, 0.815, period="2024/25")
    yield store
    store.close()


@pytest.mark.parametrize("value, unit, places", [(0.95, "rate", 2), (0.7, "rate", 1), (4.0, "rate", 0),
                                                 (0.815, "rate", 3), (0.816666666, "rate", 1),
                                                 (88.75, "percentage", None), (12, "count", None)])
def test_typed_places(value, unit, places):
    assert typed_places(value, unit) == places


def test_the_sentence_and_the_report_give_a_benchmark_and_a_baseline_as_typed(rate_office):
    (row,) = [r for r in svc.summary(rate_office, BABERGH, FinancialYear(2025), today=date(2025, 6, 15))
              if r.indicator.label == "Violent crime rate"]
    text = row.view.headline()
    assert "Compared with: regional (east of england) 0.7 per 1,000, national 0.95 per 1,000." in text
    assert "Baseline 0.815 per 1,000 (2024/25)." in text
    report = build_report(rate_office, year="2025/26", area="Babergh", today=date(2025, 6, 15))
    (table,) = [t for s in report.sections for t in s.tables if t.title.startswith("Baselines, benchmarks")]
    (line,) = [r for r in table.rows if r[0] == "Violent crime rate"]
    assert line[1] == "0.815 per 1,000 (2024/25)"
    assert "National 0.95 per 1,000" in line[2] and "1 per 1,000" not in line[2]
