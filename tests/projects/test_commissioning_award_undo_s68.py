"""Edit > Undo on the Commissioning page after choosing an award: a step covered only the ticks, so tick Recre8,
then choose the PCC's award, then Ctrl+Z unticked Recre8 and left the award chosen (its £400,568 in the Fund box, the
£50,000 typed before gone). The award, its year and the end of a range counted are steps of the page too, taken back
in turn; a fund typed since a step is never lost (session 68)."""

from safer_desk.presenters.commissioning import CommissioningPresenter
from safer_desk.services import funders
from safer_desk.services.projects import load_projects
from tests.projects.test_commissioning_page import page, tick  # noqa: F401 - the fixture

__all__ = ["page"]
PCC = "PCC grant to Safer Plymouth 2017-19"


def _choose(combo, words):
    index = next(i for i in range(combo.count()) if words in combo.itemText(i))
    combo.setCurrentIndex(index)
    combo.activated.emit(index)


def test_undo_takes_back_the_award_chosen_after_a_tick_then_the_tick(demo_window, page, qtbot):  # noqa: F811
    presenter = page.presenter
    page.new_button.click()
    page.fund.setFocus()
    page.fund.selectAll()
    qtbot.keyClicks(page.fund, "£50,000")
    tick(page, qtbot, "7")  # Recre8
    recre8 = set(presenter.ticks)
    _choose(page.award, PCC)
    assert page.fund.text() == "£400,568"
    assert demo_window.undo_action.text() == f"&Undo choose award {PCC} for 2017/18"
    demo_window.undo_action.trigger()
    assert page.award.currentText() == "(none: the fund typed)" and presenter.award_id is None
    assert page.fund.text() == "£50,000" and page.fund.isEnabled()
    assert set(presenter.ticks) == recre8  # the tick stands: only the award went
    assert demo_window.undo_action.text().startswith("&Undo tick ")
    demo_window.undo_action.trigger()
    assert presenter.ticks == {} and page.fund.text() == "£50,000"
    demo_window.redo_action.trigger()
    demo_window.redo_action.trigger()
    assert PCC in page.award.currentText() and page.fund.text() == "£400,568" and set(presenter.ticks) == recre8


def test_year_and_range_end_are_steps_and_a_fund_typed_since_is_kept(demo_store):
    p = CommissioningPresenter(demo_store)
    p.set_projects(load_projects(demo_store))
    award = next(a for a in funders.list_awards(demo_store) if a.name == "CSP funding 2018-2021")
    project = next(q for q in p.shown_projects() if q.planning_pence)
    p.tick(project.id)
    p.set_award(award.id)
    p.set_award_year("2019/20")
    p.set_range_end("lower")
    assert p.tick_undo_text == "Count cost ranges at their lower end"
    assert p.undo_tick() and p.range_end == "upper" and p.award_year == "2019/20"
    assert p.undo_tick() == f"Choose 2019/20 of {award.name}" and p.award_year == "2018/19"
    p.set_award(None)  # the fund typed: the award's £30,000 stays in the box, to type over
    p.set_fund("£60,000")
    assert p.tick_undo_text == "Choose no award (the fund typed)"
    assert p.undo_tick() and p.award_id == award.id and p.fund_text == "£30,000"  # the award's money, as counted
    assert p.redo_tick() and p.award_id is None and p.fund_text == "£60,000"  # what was typed is back
    assert p.undo_tick() and p.undo_tick() == f"Choose award {award.name} for 2018/19"
    assert p.award_id is None and p.fund_text == "" and set(p.ticks) == {project.id}
    p.set_fund("£70,000")  # typed after the tick: taking back the tick leaves it
    assert p.undo_tick() == f"Tick {project.title}" and p.ticks == {} and p.fund_text == "£70,000"
