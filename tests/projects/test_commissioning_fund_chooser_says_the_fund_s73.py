"""Session 73: the fund chooser kept naming a fund the page no longer commits against.

Seed 000: each delivery partnership may bid for £145,034.60 of Performance Reward Grant. An officer chose "PRG share:
£145,034.60" from "Choose a fund from the papers…", then typed £100,000 in Fund (what the board expects to award): the
summary read "Fund £100,000; … OVER-COMMITTED by …" while the chooser beside it still read "PRG share: £145,034.60",
two funds on one line. Against the PCC's award (seed 003, £400,568) the greyed chooser said the PRG share too. The
chooser now shows the fund chosen from it while that is the fund, and its prompt otherwise.
"""

from __future__ import annotations

from safer_desk.presenters.commissioning import CommissioningPresenter

PRG = "PRG share: £145,034.60"


def _choose(page, text: str) -> None:
    index = page.presets.findText(text)
    assert index > 0, text
    page.presets.setCurrentIndex(index)
    page.presets.activated.emit(index)


def test_the_fund_typed_over_a_chosen_one_takes_the_chooser_back_to_its_prompt(demo_window, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    page.new_scenario()
    _choose(page, PRG)
    assert page.fund.text() == "£145,034.60" and page.presets.currentText() == PRG
    page.fund.setText("£100,000")
    assert page.summary.text().startswith("✓ Fund £100,000;")
    assert page.presets.currentIndex() == 0 and page.presets.currentText().startswith("Choose a fund")
    page.fund.setText("£145,034.60")  # the same amount typed is not the PRG share chosen (no label to export)
    assert page.presets.currentIndex() == 0


def test_an_award_chosen_leaves_no_paper_fund_named_beside_it(demo_window, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    page.new_scenario()
    _choose(page, PRG)
    award = page.award.findText("OPCC: PCC grant to Safer Plymouth 2017-19")
    page.award.setCurrentIndex(award)
    page.award.activated.emit(award)
    assert page.fund.text() == "£400,568" and not page.presets.isEnabled()
    assert page.presets.currentIndex() == 0


def test_a_saved_scenario_with_a_papers_fund_shows_it_chosen(demo_window, qtbot):
    page = demo_window.show_tab("projects").show_commissioning()
    page.new_scenario()
    _choose(page, PRG)
    page.name.setText("PRG bid")
    page.name.editingFinished.emit()
    assert page.presenter.save()
    saved = next(s.id for s in page.presenter.scenarios() if s.name == "PRG bid")
    page.new_scenario()
    assert page.presets.currentIndex() == 0
    page.load_scenario(saved)
    assert page.fund.text() == "£145,034.60" and page.presets.currentText() == PRG


def test_the_presenter_names_the_fund_chosen_only_while_it_is_the_fund(demo_store):
    presenter = CommissioningPresenter(demo_store)
    presenter.set_fund("£145,034.60", "PRG share")
    assert presenter.chosen_preset() == ("PRG share", 145_034_60)
    presenter.set_fund("£100,000")
    assert presenter.chosen_preset() is None
