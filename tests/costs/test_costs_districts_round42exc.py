"""Costs and Districts…, round 42 (exc).

A district added or corrected in Districts… (View > Districts, Organisations and Partnerships) did not reach Costs:
the Reviews' and the fund's district filters still offered the old names (the corrected one chosen, the list showed
nothing), and the lists kept the old spelling until something in Costs changed.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt


@pytest.fixture
def costs(costs_tab, qtbot):
    tab = costs_tab
    tab.pages.setCurrentIndex(2)
    qtbot.waitUntil(lambda: not tab.is_busy() and tab.funds.data is not None, timeout=10000)
    tab.pages.setCurrentIndex(0)
    return tab


def _districts_page(window, qtbot):
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    dialog.pages.setCurrentWidget(dialog.districts)
    return dialog.districts


def _offered(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_a_district_added_in_districts_is_offered_by_the_costs_filters(costs, demo_window, qtbot, prompts):
    page = _districts_page(demo_window, qtbot)
    page.name_edit.setText("Broadland")
    page.county_edit.setText("Norfolk")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors
    qtbot.waitUntil(lambda: not costs.is_busy(), timeout=10000)
    assert "Broadland" in _offered(costs.reviews.district_filter)
    assert "Broadland" in _offered(costs.funds.district_filter)


def _shown(table) -> set[str]:
    return {table.shown.index(r, 0).data() for r in range(table.shown.rowCount())}


def test_a_district_corrected_in_districts_is_shown_and_filtered_by_its_new_name(costs, demo_window, qtbot, prompts):
    reviews, funds = costs.reviews, costs.funds
    reviews.district_filter.setCurrentIndex(reviews.district_filter.findText("Mid Suffolk"))
    funds.district_filter.setCurrentIndex(funds.district_filter.findText("Mid Suffolk"))
    page = _districts_page(demo_window, qtbot)
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "Mid Suffolk")
    page.view.selectRow(row)
    page.edit_selected()
    form = page.edit_dialog
    form.set_value("name", "Mid-Suffolk")
    assert form.save() and not prompts.errors
    qtbot.waitUntil(lambda: not costs.is_busy(), timeout=10000)
    for combo in (reviews.district_filter, funds.district_filter):
        offered = _offered(combo)
        assert "Mid-Suffolk" in offered and "Mid Suffolk" not in offered
        assert combo.currentText() == "Mid-Suffolk"  # the district chosen, by its new name
    # its reviews and referrals still shown under the filter, by the new name (not an empty list)
    assert {"WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02"} <= _shown(reviews.cases)
    assert {c.district for c in reviews.presenter.rows} >= {"Mid-Suffolk"}
    assert "Mid Suffolk" not in {c.district for c in reviews.presenter.rows}
    assert _shown(funds.referrals) >= {"TH-2018-003", "TH-2018-011"}
    assert "Mid Suffolk" not in {r["district"] for r in funds.data.referrals}
    # Edit > Undo puts the old name back everywhere
    demo_window.undo_action.trigger()
    qtbot.waitUntil(lambda: not costs.is_busy(), timeout=10000)
    assert reviews.district_filter.currentText() == "Mid Suffolk"
    assert {"WSCSP-DHR-2017-01", "WSCSP-DHR-2017-02"} <= _shown(reviews.cases)
