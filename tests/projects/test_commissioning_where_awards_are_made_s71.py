"""Session 71 (coordinator): a new office's Commissioning page said "Type a fund or choose a funder's award, then tick
projects." while Against award offered only "(none: the fund typed)", and nothing on the page said where an award is
made. Plymouth's coordinator, with the PCC's £400,568 to commission against, was left to find View > Funders'
Awards… alone. With no award in the file, the page says where to add one; once one is there, the words are as before.
"""

from __future__ import annotations

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services import reference as ref

WHERE = ("To commission against a funder's award (the PCC's grant), add it in View > Funders' Awards… and choose it "
         "under Against award.")


def test_with_no_award_the_page_says_where_one_is_added(store):
    ref.set_office_scope(store, districts=["Plymouth"], county="Devon")
    presenter = CommissioningPresenter(store)
    assert presenter.awards() == []
    assert presenter.no_fund_words() == f"Type a fund, then tick projects. {WHERE}"


def test_a_file_naming_no_office_yet_is_offered_the_papers_funds_too(store):
    assert CommissioningPresenter(store).no_fund_words() == (
        f"Type a fund or choose one from the papers, then tick projects. {WHERE}")


def test_once_an_award_is_there_the_page_says_to_choose_it(store):
    ref.set_office_scope(store, districts=["Plymouth"], county="Devon")
    funders.save_award(store, funders.make_award(funder="OPCC", name="Integrated commissioning 2017-19",
                                                 years={"2017/18": "£400,568", "2018/19": "£400,568"}))
    assert CommissioningPresenter(store).no_fund_words() == (
        "Type a fund or choose a funder's award, then tick projects.")


def test_the_window_shows_it(window, tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "plymouth.sqlite"
    s = open_store(path, create=True)
    ref.set_office_scope(s, districts=["Plymouth"], county="Devon")
    s.close()
    assert window.open_path(path)
    page = window.show_tab("projects").show_commissioning()
    assert "View > Funders' Awards…" in page.summary.text()
