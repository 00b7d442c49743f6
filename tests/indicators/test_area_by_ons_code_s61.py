"""s61: an area could not be found by its ONS code (E07000202 is Ipswich), in Find or in Import Figures' area
column, though council sheets often carry codes: "No area's name contains “E07000202”", "there is no district …
called “E07000202”". A code names its district."""

from __future__ import annotations

from PySide6.QtCore import Qt

from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import preview_values
from tests.indicators.test_cli_import_figures import _sheet


def test_find_takes_an_ons_code(demo_store):
    p = IndicatorsPresenter(demo_store)
    p.load()
    for typed in ("E07000202", " e07000202 "):
        choice, why = p.find_area(typed)
        assert why == "" and choice is not None and (choice.id, choice.label) == ("district:ipswich", "Ipswich")


def test_a_code_no_district_has_is_still_said(demo_store):
    p = IndicatorsPresenter(demo_store)
    p.load()
    choice, why = p.find_area("E07999999")
    assert choice is None and why.startswith("No area's name contains “E07999999”")
    assert svc.area_by_code(demo_store, "Ipswich") is None


def test_import_figures_reads_a_code_in_the_area_column(demo_store, tmp_path):
    sheet = _sheet(tmp_path, "indicator,area,period,value\nAll crime,E07000202,2016-12,7\n")
    preview = preview_values(demo_store, sheet)
    assert preview.refused == []
    assert [(g.area_id, g.area_name) for g in preview.good] == [("district:ipswich", "Ipswich")]


def test_the_window_s_find_goes_to_it(demo_window, qtbot):
    tab = demo_window.show_tab("indicators")
    qtbot.keyClicks(tab.area_search, "E07000202")
    qtbot.keyClick(tab.area_search, Qt.Key.Key_Return)
    assert tab.presenter.area_id == "district:ipswich"
    assert tab.area_combo.currentText() == "Ipswich" and not tab.find_note.isVisible()
