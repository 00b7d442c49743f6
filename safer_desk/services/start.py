"""What a file holds, for the window's start page (Qt-free; reads only)."""

from __future__ import annotations

from safer_desk.storage.store import Store

# A file with a row in any of these holds an office's own work; the rest (lookups, settings, the
# districts a new file starts with) come with every new file.
WORK_TABLES = ("projects", "allocation_scenarios", "allocation_top_slices", "dhr_cases", "funds", "indicators",
               "indicator_values", "_police_counts", "budget_plans", "funding_awards", "commissioning_scenarios")


def holds_work(store: Store) -> bool:
    """True when the file holds any of an office's own work (a project, a review, an indicator, police counts …)."""
    present = {r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    for table in WORK_TABLES:
        if table in present and store.scalar(f'SELECT EXISTS (SELECT 1 FROM "{table}")'):
            return True
    return False


def has_merged(store: Store) -> bool:
    """True when the file has merged a district export or registered an office's signing key (a county file)."""
    present = {r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return any(table in present and store.scalar(f'SELECT EXISTS (SELECT 1 FROM "{table}")')
               for table in ("_county_imports", "_county_keys"))
