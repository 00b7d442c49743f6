"""The Projects tab, round 25: found keeping the register, funders' shares, awards and commissioning against an award
with the example file in the real window."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from safer_desk.domain.money import format_money
from safer_desk.services import funders
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com
from safer_desk.services.projects import FundingSource
from safer_desk.storage.store import open_store
from tests.projects.test_commissioning_page import tick

OLD_SHARE = FundingSource("Lottery 2019/20 round 2", 500_000)  # as code before the year rules stored it


@pytest.fixture
def old_share_path(demo_path):
    """The example file with P1's funding as an earlier version saved it: a funder with a year inside its name."""
    store = open_store(demo_path)
    p1 = next(p for p in svc.load_projects(store) if p.ref == "P1")
    svc.save_project(store, replace(p1, funding_sources=(OLD_SHARE,)))  # written as it was, not through the parser
    store.close()
    return demo_path


def select(page, ref):
    page.clear_filters()
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.project_at(r).ref == ref))


def test_an_unrelated_edit_saves_over_a_stored_funder_the_rules_now_refuse(window, old_share_path, qtbot, prompts):
    """P1 saved by an earlier version with "Lottery 2019/20 round 2: £5,000" in its funding: changing only its
    description, Save was refused ("“2019/20” is inside the funder's name …") over a field nobody touched, and the
    funders' shares under the field said the same instead of the share the file holds."""
    assert window.open_path(old_share_path)
    window.show()
    page = window.show_tab("projects").register
    select(page, "P1")
    editor = page.editor
    assert editor.funders.text().splitlines()[0] == "Lottery 2019/20 round 2: £5,000 of £501,753 (1.0%)"
    editor.widgets["description"].setPlainText("Contract extended to March 2020.")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.presenter.errors and not editor.presenter.form_message
    saved = next(p for p in svc.load_projects(window.session.store) if p.ref == "P1")
    assert saved.description == "Contract extended to March 2020."
    assert saved.funding_sources == (OLD_SHARE,)
    assert funders.shares_text(saved) == "Lottery 2019/20 round 2: £5,000 of £501,753"


def test_the_stored_funder_typed_again_is_still_refused_saying_how_to_write_it(window, old_share_path, qtbot, prompts):
    assert window.open_path(old_share_path)
    window.show()
    page = window.show_tab("projects").register
    select(page, "P1")
    editor = page.editor
    editor.widgets["funding_sources"].setPlainText("Lottery 2019/20 round 2: £5,000\nOPCC (2017/18): £110,000")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert "inside the funder's name" in editor.presenter.errors["funding_sources"]
    saved = next(p for p in svc.load_projects(window.session.store) if p.ref == "P1")
    assert saved.funding_sources == (OLD_SHARE,)


def test_a_stored_funder_an_earlier_version_kept_whole_is_not_read_again_on_an_unrelated_edit(old_share_path):
    """"OPCC 2019/20" stored as a funder with no year (before bare years were read) was silently turned into the
    OPCC's 2019/20 share by saving a change of the title."""
    store = open_store(old_share_path)
    p1 = next(p for p in svc.load_projects(store) if p.ref == "P1")
    kept = (FundingSource("OPCC 2019/20", 500_000),)
    p1 = svc.save_project(store, replace(p1, funding_sources=kept))
    edited = svc.project_from_fields({**svc.project_fields(p1), "title": "Domestic abuse service"}, base=p1)
    assert edited.funding_sources == kept
    store.close()


COUNTY_LINES = "County Lines and Urban Street Gangs 2018-2020"  # £500,000 over 2018/19 to 2019/20, not split by year


def choose_award(page, name):
    index = next(i for i in range(page.award.count()) if name in page.award.itemText(i))
    page.award.setCurrentIndex(index)
    page.award.activated.emit(index)


def test_against_a_total_over_two_years_the_fund_is_the_total_not_the_fund_typed_before(window, demo_path, qtbot,
                                                                                       prompts):
    """The example's County Lines award (£500,000 for 2018/19 to 2019/20, not split by year) chosen under *Against
    award* said "County Lines and Urban Street Gangs 2018-2020 £65,512 for 2018/19" (the retained budget's fund typed
    before, as if it were the award's money) and "… gives no amount for 2018/19; the fund typed is used"; a
    project's share from the funder for 2019/20 counted nothing."""
    store = open_store(demo_path)
    p4 = next(p for p in svc.load_projects(store) if p.ref == "4")
    svc.save_project(store, replace(p4, funding_sources=(
        FundingSource("Suffolk Public Sector Leaders", 2_000_000, "", "2018/19"),
        FundingSource("Suffolk Public Sector Leaders", 1_000_000, "", "2019/20"),
        FundingSource("Suffolk Public Sector Leaders", 700_000, "", "2020/21"))))  # after the award's years
    p6 = next(p for p in svc.load_projects(store) if p.ref == "6")
    svc.save_project(store, replace(p6, funding_sources=(
        FundingSource("Suffolk Public Sector Leaders", 500_000, "", "2020/21"),)))
    store.close()
    assert window.open_path(demo_path)
    window.show()
    page = window.show_tab("projects").show_commissioning()
    page.new_scenario()
    page.fund.setText("£65,512")
    choose_award(page, COUNTY_LINES)
    tick(page, qtbot, "4")
    tick(page, qtbot, "6")
    assert page.summary.text() == (f"✓ {COUNTY_LINES} £500,000 for 2018/19 to 2019/20; committed £30,000 of "
                                   "Suffolk Public Sector Leaders' money; remaining £470,000")
    said = page.presenter.evaluation()
    assert not any("gives no amount" in x for x in said.problems)
    assert any("is stated for 2020/21 only, so it adds nothing to 2018/19 to 2019/20." in x for x in said.problems)
    assert [page.award_year.itemText(i) for i in range(page.award_year.count())] == []
    page.name.setText("County Lines")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.status.text() == "✓ as saved"


def test_a_set_against_an_award_deleted_since_saves_against_the_fund_it_now_shows(window, demo_path, qtbot, prompts):
    """A scenario saved against the PCC's award, the award then deleted in View > Funders' Awards… (the guide: the
    scenarios against it keep their fund): Commissioning showed "(none: the fund typed)", but a tick added and saved
    was refused, "The award the scenario is against is no longer in the file.", with nothing on the page to change."""
    assert window.open_path(demo_path)
    window.show()
    tab = window.show_tab("projects")
    page = tab.show_commissioning()
    page.new_scenario()
    choose_award(page, "PCC grant")
    tick(page, qtbot, "P1")
    page.name.setText("Against the PCC")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    window.show_awards()
    awards = window._awards_dialog.presenter
    awards.delete(next(a.id for a in awards.rows() if a.name == "PCC grant to Safer Plymouth 2017-19"))
    tab.show_commissioning()
    page.reload_if_stale()
    assert page.award.currentText() == "(none: the fund typed)"
    assert page.status.text() == "✓ as saved"  # the file's scenario lost its link too
    tick(page, qtbot, "P2")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors and page.status.text() == "✓ as saved"
    saved = next(s for s in com.list_scenarios(window.session.store) if s.name == "Against the PCC")
    assert saved.award_id is None and saved.fund_pence == 40_056_800 and len(saved.items) == 2


def test_a_scenario_whose_award_was_corrected_since_shows_the_awards_amount_and_says_so(demo_path):
    """A scenario saved against an award whose amount was corrected later showed the saved amount in the fund box
    while its summary counted the award's new amount: two funds on one page."""
    from safer_desk.presenters.commissioning import CommissioningPresenter
    from safer_desk.services import funders as fund_service
    from safer_desk.services.projects import load_projects

    store = open_store(demo_path)
    try:
        page = CommissioningPresenter(store)
        page.set_projects(load_projects(store))
        award = next(a for a in fund_service.list_awards(store) if a.name == "PCC grant to Safer Plymouth 2017-19")
        page.set_award(award.id, "2017/18")
        saved_fund = page.fund_pence()
        page.tick(page.projects[0].id)
        page.set_name("Against the PCC")
        assert page.save()
        corrected = fund_service.make_award(funder=award.funder, name=award.name, award_id=award.id,
                                            years={**{y: format_money(p) for y, p in award.years.items()},
                                                   "2017/18": "£390,000"})
        fund_service.save_award(store, corrected)
        page.load(page.loaded.id)
        assert page.fund_pence() == 390_000_00 != saved_fund
        assert page.result().fund_pence == 390_000_00
        assert "now gives £390,000 for 2017/18" in page.message and format_money(saved_fund) in page.message
        assert page.is_modified()  # Save keeps the award's amount in the file's scenario
    finally:
        store.close()
