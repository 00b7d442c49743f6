"""Round 30, fourth look: a new, empty file's Indicators tab after district files are merged into it (or police.uk
figures imported into it) chooses an area and year as opening the file does, not a blank Area box on an empty table."""

from __future__ import annotations

from safer_desk.storage.store import open_store


def _merge_in_window(window, qtbot, paths) -> None:
    import sqlite3

    from safer_desk.ui.exchange.dialogs import import_district_files
    from tests.exchange.helpers import officer_keys

    accept = list(officer_keys())
    for path in paths:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            accept.append((accept[0], conn.execute(
                "SELECT value FROM _export_manifest WHERE key = 'office_id'").fetchone()[0]))
        finally:
            conn.close()
    window.merge_result = None
    with qtbot.waitSignal(window.session.data_changed, timeout=30000):
        import_district_files(window, [str(p) for p in paths], accept_keys=accept)
    qtbot.waitUntil(lambda: getattr(window, "merge_result", None) is not None, timeout=30000)
    window.merge_result.close()


def _shown(tab):
    names = {tab.summary_proxy.index(r, 1).data() for r in range(tab.summary_proxy.rowCount())}
    return tab.area_combo.currentData(), tab.year_combo.currentData(), names


def _reopened(window):
    """What the tab shows when the file is opened again (its presenter's first load)."""
    from safer_desk.presenters.indicators import IndicatorsPresenter

    p = IndicatorsPresenter(window.session.store)
    p.load()
    return p.area_id, p.year.start_year, {r.indicator.name for r in p.rows}


def test_a_merge_into_an_empty_county_file_shows_the_first_area_and_its_latest_year(window, qtbot, tmp_path):
    """County > Merge District Files… into a new county file: the Area box stayed blank, the year on this year and
    the table empty, where reopening the file showed the first area, its latest year and its indicators."""
    from tests.exchange.district_offices import district_exports

    paths = district_exports(tmp_path, ["Babergh", "Ipswich"], own_rows=False)
    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team").close()
    assert window.open_path(tmp_path / "county.sqlite")
    tab = window.show_tab("indicators")
    assert tab.area_combo.currentData() is None and tab.summary_proxy.rowCount() == 0
    _merge_in_window(window, qtbot, paths)
    qtbot.waitUntil(lambda: tab.summary_proxy.rowCount() > 0, timeout=5000)
    area, year, names = _shown(tab)
    # The county, Suffolk, whose figures are its districts' added up (session 61: it opened on Babergh)
    assert area == "county:suffolk" and "All crime (derived)" in names
    assert (area, year, {n.removesuffix(" (derived)") for n in names}) == _reopened(window)


def test_the_officers_own_choice_of_area_and_year_is_kept_after_the_next_merge(window, qtbot, tmp_path):
    from tests.exchange.district_offices import district_exports

    first, second = district_exports(tmp_path, ["Babergh", "Ipswich"], own_rows=False)
    open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team").close()
    assert window.open_path(tmp_path / "county.sqlite")
    tab = window.show_tab("indicators")
    _merge_in_window(window, qtbot, [first])
    qtbot.waitUntil(lambda: tab.summary_proxy.rowCount() > 0, timeout=5000)
    other = next(c.id for c in tab.presenter.area_choices() if c.id != tab.presenter.area_id)
    assert tab.select_area(other)
    year = tab.presenter.years()[0]
    assert tab.select_year(year)
    _merge_in_window(window, qtbot, [second])
    assert (tab.area_combo.currentData(), tab.year_combo.currentData()) == (other, year.start_year)


def _import_police(window, qtbot, prompts, folder: str, name: str) -> None:
    from tests.conftest import shared_data

    prompts.file_names.append(str(shared_data("police-uk", folder, name)))
    files_action, _ = window.import_police_actions
    with qtbot.waitSignal(window.session.data_changed, timeout=30000):
        files_action.trigger()
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=30000)
    assert not prompts.errors, prompts.errors


def test_police_data_imported_into_a_new_office_file_shows_its_latest_year(window, qtbot, prompts, tmp_path):
    """Import Police Data into a new office file (its district named): the tab stayed on this year, empty, where
    reopening the file showed the year of the figures imported."""
    from safer_desk.services import reference

    store = open_store(tmp_path / "office.sqlite", create=True, office_name="East Suffolk office")
    try:
        reference.set_office_scope(store, districts=["East Suffolk"], county="Suffolk")
    finally:
        store.close()
    assert window.open_path(tmp_path / "office.sqlite")
    tab = window.show_tab("indicators")
    before = _shown(tab)
    _import_police(window, qtbot, prompts, "suffolk-2021-01", "2021-01-suffolk-street.csv")
    assert before[2] == set()
    qtbot.waitUntil(lambda: tab.summary_proxy.rowCount() > 0, timeout=5000)
    assert _shown(tab) == _reopened(window) == ("district:east-suffolk", 2020, _reopened(window)[2])
    assert "All crime" in _shown(tab)[2]
