"""Office set-up, round 34 (ofs): what was left open by the office set-up helper.

A district named on its own that a named partnership already covers was kept by `safer-desk office` and dropped by
File > Office Details… on Save: the window dropped it whenever the partnership had ever had it, so Mid Suffolk
named beside Western Suffolk CSP (from 01/04/2017) left the office no district in 2016/17, and one that had left
the partnership (End district…) left the office for good. One rule now, in services.reference, for both: a district
is dropped only when the partnerships give it (and what it became) in every year, so no total changes.

A district outside the office's county was taken with no word; its figures never count in the county's. The
command line now warns, the window asks before Save.

Moving a partnership's end later ran on every district and member whose To was its old end, one that had left
on that day on its own (End district…) included. The window now asks, naming them.
"""

from __future__ import annotations

from datetime import date

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.office import OfficePresenter
from safer_desk.services import reference as ref
from tests.cli_run import run

MID = ref.reference_id("district", "Mid Suffolk")
BABERGH = ref.reference_id("district", "Babergh")
BRIGHTON = ref.reference_id("district", "Brighton and Hove")
WESTERN = ref.reference_id("partnership", "Western Suffolk CSP")


def western(store, valid_from: str | None = None):
    for name in ("Babergh", "Mid Suffolk"):
        ref.add_district(store, name, county="Suffolk")
    ref.add_partnership(store, "Western Suffolk CSP", districts=["Babergh", "Mid Suffolk"], valid_from=valid_from)


def office_years(store) -> dict:
    return {y: [a.name for a in ref.office_districts(store, FinancialYear(y))] for y in (2015, 2016, 2017, 2020, 2021)}


def cli_and_window(store, tmp_path, capsys) -> tuple[tuple, tuple]:
    """The office named Western Suffolk CSP and Mid Suffolk by `safer-desk office`, then by Office Details…:
    (districts recorded, districts by year) for each."""
    path = store.path
    store.close()
    code, _, err = run(capsys, "office", path, "--partnership", "Western Suffolk CSP", "--district", "Mid Suffolk")
    assert code == 0, err
    from safer_desk.storage.store import open_store

    reopened = open_store(path)
    try:
        by_cli = (tuple(a.name for a in ref.office_scope(reopened).districts), office_years(reopened))
        ref.set_office_scope(reopened, partnerships=[], districts=[])
        OfficePresenter(reopened).save([WESTERN], [MID], "")
        by_window = (tuple(a.name for a in ref.office_scope(reopened).districts), office_years(reopened))
    finally:
        reopened.close()
    return by_cli, by_window


# -- 2. one rule for a district a named partnership covers ------------------------------------------------------------
def test_a_district_the_partnership_covers_in_every_year_is_recorded_once_by_both(store, tmp_path, capsys):
    western(store)
    by_cli, by_window = cli_and_window(store, tmp_path, capsys)
    assert by_cli == by_window
    assert by_cli[0] == () and by_cli[1][2016] == ["Babergh", "Mid Suffolk"]


def test_a_district_from_before_the_partnership_began_is_kept_by_both(store, tmp_path, capsys):
    """Western Suffolk CSP from 01/04/2017: Mid Suffolk named on its own is the office's in 2015/16 and 2016/17."""
    western(store, "01/04/2017")
    by_cli, by_window = cli_and_window(store, tmp_path, capsys)
    assert by_cli == by_window
    assert by_cli[0] == ("Mid Suffolk",) and by_cli[1][2016] == ["Mid Suffolk"]
    assert by_cli[1][2017] == ["Babergh", "Mid Suffolk"]


def test_a_district_that_left_the_partnership_stays_the_offices(store):
    western(store)
    row = next(r for r, words in ref.partnership_district_covers(store, WESTERN) if words.startswith("Mid Suffolk"))
    ref.end_partnership_district(store, row, "31/03/2020")
    presenter = OfficePresenter(store)
    presenter.save([WESTERN], [MID], "")
    assert [a.name for a in ref.office_scope(store).districts] == ["Mid Suffolk"]
    assert office_years(store)[2021] == ["Babergh", "Mid Suffolk"]
    picker = presenter.district_picker()
    assert picker.ticked_names() == ["Mid Suffolk"]  # shown ticked, not "covered by Western Suffolk CSP"


# -- 1. a district outside the office's county ------------------------------------------------------------------------
def test_the_command_line_warns_of_a_district_outside_the_county(store, capsys):
    western(store)
    path = store.path
    store.close()
    code, out, err = run(capsys, "office", path, "--county", "Suffolk", "--district", "Brighton & Hove")
    assert code == 0 and "Districts named: Brighton and Hove" in out
    assert err == ("safer-desk: warning: Brighton and Hove is in East Sussex, not Suffolk (the office's county): it is "
                   "listed among the office's areas, but its figures are not counted in Suffolk's. If it was "
                   "named by mistake, name the districts again without it (safer-desk office FILE --district NAME "
                   "…).\n")
    code, out, err = run(capsys, "office", path, "--district", "Babergh")
    assert code == 0 and err == ""


def test_office_details_asks_before_saving_a_district_outside_the_county(window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    from safer_desk.ui.office_dialog import OfficeDialog

    western(store)
    ref.set_office_scope(store, county="Suffolk")
    window.set_store(store)
    dialog = OfficeDialog(window.session, window)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.district_filter, "brighton")
    dialog.set_checked(dialog.district_list, "Brighton and Hove")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # answered No: back to the form
    assert prompts.questions == [("Office Details", "Brighton and Hove is in East Sussex, not Suffolk (the office's "
                                                    "county): it would be listed among the office's areas, but its "
                                                    "figures would not be counted in Suffolk's. Save it anyway?")]
    assert ref.office_scope(store).districts == () and not window.session.undo_stack.canUndo()
    prompts.answers.append(True)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert [a.name for a in ref.office_scope(store).districts] == ["Brighton and Hove"]


# -- 4. moving a partnership's end later ------------------------------------------------------------------------------
def test_a_district_that_left_on_the_partnerships_last_day_is_not_run_on_when_asked(store):
    western(store)
    police = ref.add_organisation(store, "Suffolk Constabulary", "police")
    ref.add_membership(store, WESTERN, police, "01/04/2010")
    row = next(r for r, words in ref.partnership_district_covers(store, WESTERN) if words.startswith("Mid Suffolk"))
    ref.end_partnership_district(store, row, "31/03/2020")  # Mid Suffolk left on its own
    ref.end_partnership(store, WESTERN, "31/03/2020")  # the partnership's end, typed a year early
    assert ref.ended_with_partnership(store, WESTERN, "31/03/2021") == ["Babergh", "Mid Suffolk",
                                                                         "Suffolk Constabulary"]
    assert ref.ended_with_partnership(store, WESTERN, "31/03/2020") == []  # not later: nothing to run on
    ref.end_partnership(store, WESTERN, "31/03/2021", run_on=False)
    assert ref.partnership_district_words(store, WESTERN) == "Babergh (to 31/03/2020), Mid Suffolk (to 31/03/2020)"
    assert [m.valid_to for m in ref.partnership_members(store, WESTERN)] == [date(2020, 3, 31)]
    ref.end_partnership_district(store, cover_row(store, "Babergh"), "31/03/2021")  # runs the one that went on
    assert ref.partnership_district_words(store, WESTERN) == "Babergh, Mid Suffolk (to 31/03/2020)"


def cover_row(store, name: str) -> str:
    return next(r for r, words in ref.partnership_district_covers(store, WESTERN) if words.startswith(name))


def test_end_partnership_later_in_the_window_asks_which_run_on(window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    from tests.foundation.test_office_districts_round34dst import open_reference

    western(store)
    row = next(r for r, words in ref.partnership_district_covers(store, WESTERN) if words.startswith("Mid Suffolk"))
    ref.end_partnership_district(store, row, "31/03/2020")
    ref.end_partnership(store, WESTERN, "31/03/2020")
    dialog = open_reference(window, store, qtbot, "partnerships")
    page = dialog.partnerships
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "Western Suffolk CSP"))
    qtbot.mouseClick(page.end_partnership_button, Qt.MouseButton.LeftButton)
    form = page.member_dialog
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2021")
    assert form.save() and prompts.errors == []  # answered "Keep their end"
    [(title, text)] = prompts.questions
    assert title == "End Western Suffolk CSP on 31/03/2021"
    assert text == ("Babergh and Mid Suffolk ended on 31/03/2020 with Western Suffolk CSP. Run them on to 31/03/2021 "
                    "with it, or keep their end? One that left on 31/03/2020 on its own keeps its end; End district… "
                    "or End membership… changes one afterwards.")
    assert ref.partnership_district_words(store, WESTERN) == "Babergh (to 31/03/2020), Mid Suffolk (to 31/03/2020)"
    assert date(2021, 3, 31).isoformat() == store.scalar("SELECT valid_to FROM partnerships WHERE id = ?", (WESTERN,))


# -- 3. a merger's day moved in two edits: the overlap between them is asked about once, with its months -------------
def merger(store):
    ref.add_district(store, "West Suffolk", county="Suffolk", valid_from="01/04/2019")
    for name in ("Forest Heath", "St Edmundsbury"):
        ref.add_district(store, name, county="Suffolk", successor="West Suffolk", valid_to="31/03/2019")


def test_a_to_past_the_day_the_successor_began_is_asked_about_naming_its_months(store):
    merger(store)
    ask = ref.district_dates_question
    asked = ask(store, "district:st-edmundsbury", name="St Edmundsbury", county="Suffolk", successor="West Suffolk",
                valid_to="31/03/2020")
    assert asked == {"valid_to": (
        "To (31/03/2020) is after West Suffolk began (01/04/2019), though St Edmundsbury became West Suffolk: for "
        "Apr-19 to Mar-20 partnership and county totals would count St Edmundsbury's figures, not West Suffolk's. If "
        "the merger's day is moving, correct West Suffolk's From to 01/04/2020 next; if not, type 31/03/2019.")}
    asked = ask(store, "district:west-suffolk", name="West Suffolk", county="Suffolk", valid_from="01/04/2018")
    assert asked["valid_from"].startswith("From (01/04/2018) is before the To of Forest Heath and St Edmundsbury "
                                          "(31/03/2019), though Forest Heath and St Edmundsbury became West Suffolk: "
                                          "for Apr-18 to Mar-19 ")
    # Both edits still go through: the merger moved a year later, one district at a time, then West Suffolk's From.
    for name in ("Forest Heath", "St Edmundsbury"):
        ref.edit_district(store, ref.reference_id("district", name), name=name, county="Suffolk",
                          successor="West Suffolk", valid_to="31/03/2020")
    assert ask(store, "district:st-edmundsbury", name="St Edmundsbury", county="Suffolk", successor="West Suffolk",
               valid_to="31/03/2020", ons_code="E07000245") == {}  # the overlap as it was: not asked again
    assert ask(store, "district:west-suffolk", name="West Suffolk", county="Suffolk", valid_from="01/04/2020") == {}
    ref.edit_district(store, "district:west-suffolk", name="West Suffolk", county="Suffolk", valid_from="01/04/2020")
    assert store.scalar("SELECT valid_from FROM districts WHERE id = 'district:west-suffolk'") == "2020-04-01"


def test_edit_district_asks_once_about_the_overlap_and_save_again_keeps_it(window, store, qtbot, prompts):
    from PySide6.QtCore import Qt

    merger(store)
    window.set_store(store)
    window.show_reference()
    page = window._reference_dialog.districts
    qtbot.addWidget(window._reference_dialog)
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "St Edmundsbury"))
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    form.editors["valid_to"].edit.clear()
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2020")
    assert not form.save() and form.isVisible()
    assert "for Apr-19 to Mar-20 partnership and county totals would count St Edmundsbury's figures" in \
        form.form.message("valid_to")
    assert store.scalar("SELECT valid_to FROM districts WHERE id = 'district:st-edmundsbury'") == "2019-03-31"
    assert form.save() and not form.isVisible()
    assert store.scalar("SELECT valid_to FROM districts WHERE id = 'district:st-edmundsbury'") == "2020-03-31"
    assert window.undo_action.text() == "&Undo edit district St Edmundsbury: To"
