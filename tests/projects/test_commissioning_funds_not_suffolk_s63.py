"""Commissioning showed a Plymouth office Suffolk's money: the Fund field's example was "£65,512" (Suffolk's 2009/10
retained budget) and "Choose a fund from the papers…" offered "Board retained budget 2009/10: £65,512" and the PRG
shares of seed 000, funds of another county's board. The example is a format to follow, and the seed's funds are
offered to a Suffolk office (and a file naming no office yet) only; the page then says to type a fund or choose an
award."""

from safer_desk.presenters.commissioning import FUND_EXAMPLE, CommissioningPresenter
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store


def test_the_seed_s_funds_are_offered_to_a_suffolk_office_only(store, demo_store):
    assert [label for label, _ in CommissioningPresenter(demo_store).fund_presets()][0] == \
        "Board retained budget 2009/10"
    assert CommissioningPresenter(store).fund_presets()  # no office named yet: as before
    ref.set_office_scope(store, districts=["Plymouth"], county="Devon")
    presenter = CommissioningPresenter(store)
    assert presenter.fund_presets() == []
    # With no award yet, where one is added (session 71): "or choose a funder's award" offered none to choose.
    assert presenter.no_fund_words().startswith("Type a fund, then tick projects. To commission against a funder's")
    ref.set_office_scope(store, districts=["Cardiff"])  # a Welsh office naming no county
    assert CommissioningPresenter(store).fund_presets() == []
    assert "65,512" not in FUND_EXAMPLE and FUND_EXAMPLE.startswith("e.g. £")


def test_a_plymouth_office_s_page_shows_no_suffolk_fund(window, qtbot, tmp_path):
    path = tmp_path / "plymouth.sqlite"
    store = open_store(path, create=True)
    ref.set_office_scope(store, districts=["Plymouth"], county="Devon")
    store.close()
    assert window.open_path(path)
    page = window.show_tab("projects").show_commissioning()
    assert page.fund.placeholderText() == FUND_EXAMPLE
    assert page.presets.isHidden()
    assert "from the papers" not in page.summary.text()


def test_a_suffolk_office_s_page_offers_them_and_keeps_its_focus(demo_window, qtbot):
    # Shown before it was in the page, the box was for a moment a window of its own: Tab from the award no longer
    # went to its year (tests/projects/test_commissioning_year_and_end.py), nor Ctrl+S to the page.
    demo_window.show()
    page = demo_window.show_tab("projects").show_commissioning()
    assert not page.presets.isHidden() and page.presets.window() is demo_window
    assert page.presets.itemText(1) == "Board retained budget 2009/10: £65,512"
