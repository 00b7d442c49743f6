"""A threshold target already in a file for a count added up through the year (set before set_target refused it, or
brought in by a county merge): "no more than 1,000 a month" is judged as the annual figure it stands for (1,000 by
April, 2,000 by May …), never the year's running total against one month's 1,000."""

from __future__ import annotations

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.storage.store import open_store

FY16 = FinancialYear(2016)
PLYMOUTH = "district:plymouth"
ASB = "indicator:anti-social-behaviour"  # Plymouth 2016/17: 853, 967, 965, 955, 899, 887, 896, 748 (7,170 to Nov)


def _old_threshold(store, value: float) -> None:
    """The row set_target wrote before it refused a threshold on a monthly count."""
    with store.transaction():
        store.conn.execute("DELETE FROM indicator_targets WHERE indicator_id = ? AND area_id = ? AND year = ?",
                           (ASB, PLYMOUTH, FY16.label))
        store.conn.execute(
            "INSERT INTO indicator_targets(id, indicator_id, area_id, year, kind, value, profile, note, status, "
            "withdrawn_on, withdrawn_reason) VALUES ('old-threshold', ?, ?, ?, 'threshold', ?, 'entered', '', "
            "'set', NULL, '')", (ASB, PLYMOUTH, FY16.label, value))


def test_an_old_threshold_on_a_monthly_count_is_judged_per_month_to_date(demo_store):
    _old_threshold(demo_store, 1000)
    view = svc.year_view(demo_store, ASB, PLYMOUTH, FY16)
    # Every month is under 1,000: green throughout, never red from May (1,820 against 1,000).
    assert [r for r in view.period_rags[:8]] == [Rag.GREEN] * 8 and view.rag is Rag.GREEN
    assert view.target_at[:3] == [1000, 2000, 3000] and view.target_at[-1] == 12000
    assert view.target_words() == "No more than 1,000 a month (12,000 in the year)"
    assert "Against target (8,000 by Nov-16): green." in view.headline()
    grid = svc.entry_grid(demo_store, ASB, PLYMOUTH, FY16)
    assert grid.row(svc.GRID_TARGET).label == "Target (cum.)"
    assert [c.text for c in grid.row(svc.GRID_TARGET).cells[:2]] == ["1,000", "2,000"]
    # The board report says the same.
    from safer_desk.services.report_sections.indicators import board_report_sections
    paragraphs = board_report_sections(demo_store, year=FY16, area_id=PLYMOUTH)[0].paragraphs
    assert any(p.startswith("Anti-social behaviour:") and p.endswith("Against target (8,000 by Nov-16): green.")
               for p in paragraphs)
    # Over it to date (7,170 against 850 a month, 6,800 by Nov) it is judged the same way.
    _old_threshold(demo_store, 850)
    view = svc.year_view(demo_store, ASB, PLYMOUTH, FY16)
    assert view.rag is not Rag.GREEN and view.ytd_target == 6800


def test_the_tab_shows_the_old_threshold_judged_to_date(window, demo_path):
    store = open_store(demo_path)
    try:
        _old_threshold(store, 1000)
    finally:
        store.close()
    assert window.open_path(demo_path)
    tab = window.show_tab("indicators")
    tab.select_area(PLYMOUTH)
    tab.select_year(FY16)
    tab.select_indicator("Anti-social behaviour")
    assert "Against target (8,000 by Nov-16): green." in tab.headline.text()
    row = next(r for r in tab.summary_model.rows if r.indicator.id == ASB)
    assert row.rag is Rag.GREEN
    keys = tab.grid.keys
    assert [tab.grid.item(keys.index(svc.GRID_RAG), c).text() for c in range(8)] == ["\u25cf Green"] * 8
