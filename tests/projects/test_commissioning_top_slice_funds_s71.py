"""Session 71 (coordinator): a top-slice worked out and saved on the Allocation tab was not offered as a fund on the
Commissioning page.

Seed 000's delivery partnerships each bid for an equal share of the Performance Reward Grant and show what they would
do with 20% more or less. A coordinator who saved the county's top-slice (Allocation > Top-slice > Save top-slice…:
£2,900,692 over seven partners, £186,473.06 each, £223,767.67 and £149,178.45) found only Suffolk's 2009/10 figures
for nine partners under "Choose a fund from the papers…" (and, in another county's office, no box at all), and typed
the share again by hand. Each saved top-slice's partner share and its ± scenarios are now offered there.
"""

from __future__ import annotations

from fractions import Fraction

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import allocation
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store

SEVEN = [("PRG 2017/18 (2017/18) — each of 7 partners", 186_473_06),
         ("PRG 2017/18 (2017/18) — each of 7 partners +20%", 223_767_67),
         ("PRG 2017/18 (2017/18) — each of 7 partners -20%", 149_178_45)]


def _save_top_slice(store) -> None:
    allocation.save_top_slice(store, "PRG 2017/18", "2017/18", 2_900_692_00, slices=(("LSP share", Fraction(1, 2)),),
                              remainder_label="Remainder", retained=Fraction(1, 10), partners=7,
                              scenario=Fraction(1, 5))


def test_a_saved_top_slice_s_shares_are_offered_as_funds(store):
    ref.set_office_scope(store, districts=["Plymouth"], county="Devon")
    presenter = CommissioningPresenter(store)
    assert presenter.fund_presets() == []
    _save_top_slice(store)
    assert CommissioningPresenter(store).fund_presets() == SEVEN


def test_a_suffolk_office_has_the_papers_funds_and_its_own(demo_store):
    _save_top_slice(demo_store)
    presenter = CommissioningPresenter(demo_store)
    offered = presenter.fund_presets()
    assert offered[0] == ("Board retained budget 2009/10", 65_512_00)
    assert offered[4:] == SEVEN
    # The example's own saved 2009/10 top-slice gives the papers' PRG shares: offered once, under the papers' names.
    assert len({pence for _, pence in offered}) == len(offered) == 7
    assert presenter.fund_presets_prompt() == "Choose a fund from the papers or a saved top-slice…"


def test_the_page_offers_them_and_one_chosen_is_the_fund(window, tmp_path, qtbot):
    path = tmp_path / "plymouth.sqlite"
    s = open_store(path, create=True)
    ref.set_office_scope(s, districts=["Plymouth"], county="Devon")
    _save_top_slice(s)
    s.close()
    assert window.open_path(path)
    window.show()
    page = window.show_tab("projects").show_commissioning()
    assert page.presets.isVisibleTo(page)
    assert page.presets.itemText(0) == "Choose a fund from a saved top-slice…"
    index = page.presets.findText("PRG 2017/18 (2017/18) — each of 7 partners +20%: £223,767.67")
    assert index > 0
    page.presets.setCurrentIndex(index)
    page.presets.activated.emit(index)
    assert page.fund.text() == "£223,767.67"
    assert page.presenter.fund_label == "PRG 2017/18 (2017/18) — each of 7 partners +20%"
    assert page.presenter.fund_pence() == 223_767_67


def test_one_saved_on_the_allocation_tab_is_offered_when_commissioning_is_shown_again(window, tmp_path):
    path = tmp_path / "plymouth.sqlite"
    s = open_store(path, create=True)
    ref.set_office_scope(s, districts=["Plymouth"], county="Devon")
    s.close()
    assert window.open_path(path)
    window.show()
    projects = window.show_tab("projects")
    page = projects.show_commissioning()
    assert not page.presets.isVisibleTo(page)  # nothing to offer another county's office yet
    tab = window.show_tab("allocation")
    assert tab.presenter.save_top_slice("PRG", "2017/18", tab._top_slice_fields(), tab._remainder_label)
    window.show_tab("projects")
    assert page.presets.isVisibleTo(page)
    assert page.presets.findText("PRG (2017/18) — each of 9 partners: £145,034.60") > 0
