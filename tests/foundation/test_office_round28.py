"""Whose file this is, set as a district officer types it (round 28).

Found by naming the office on the command line with names as they are pasted from a board paper or an email: a
curly apostrophe ("King’s Lynn and West Norfolk"), dashes ("Stockton–on–Tees") or a doubled space were refused
with "There is no district called …", though Find and the other commands find the same names as typed. Then Office
Details closed with Save and nothing changed, and a district office's years either side of a merger.
"""

from safer_desk.domain.ids import reference_id
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref
from safer_desk.storage.store import open_store
from tests.cli_run import run


def test_districts_and_partnerships_are_found_as_typed_with_curly_quotes_dashes_and_spaces(demo_path, capsys):
    code, out, err = run(capsys, "office", demo_path, "--partnership", "western  suffolk  CSP",
                         "--district", "King’s Lynn and West Norfolk", "--district", "Stockton–on–Tees")
    # Found, and (round 34) said to lie outside the example office's county, Suffolk.
    assert code == 0 and err.startswith("safer-desk: warning: King's Lynn and West Norfolk (Norfolk) and "
                                        "Stockton-on-Tees (County Durham) are not in Suffolk")
    assert "Partnerships: Western Suffolk CSP" in out
    assert "Districts named: King's Lynn and West Norfolk, Stockton-on-Tees" in out
    store = open_store(demo_path, read_only=True)
    try:
        names = {d.name for d in ref.list_districts(store)}
    finally:
        store.close()
    assert {"King's Lynn and West Norfolk", "Stockton-on-Tees"} <= names
    assert not {"King’s Lynn and West Norfolk", "Stockton–on–Tees"} & names  # the file's spelling, added once


def test_a_district_the_file_holds_is_found_as_typed_too(demo_path, capsys):
    # Beside Western Suffolk CSP (from 2017): the example's Safer Suffolk Partnership Board gives the office St
    # Edmundsbury in every year, so named on its own as well it would not be recorded (round 34).
    code, out, err = run(capsys, "office", demo_path, "--partnership", "Western Suffolk CSP", "--district",
                         "st  edmundsbury", "--year", "2018/19")
    assert code == 0 and "warning" not in err, err  # a narrower scope's note only
    assert "Districts named: St Edmundsbury" in out


def _office_dialog(window, qtbot):
    from PySide6.QtWidgets import QDialog

    window.office_details()
    dialog = next(d for d in window.findChildren(QDialog) if d.isVisible() and d.windowTitle() == "Office Details")
    qtbot.addWidget(dialog)
    return dialog


def test_save_with_nothing_changed_leaves_no_undo_step_and_no_history_line(demo_window, qtbot, prompts):
    """Office Details opened to look and closed with Save (as people close a form) pushed an Undo step that did
    nothing ("Undo Set whose file this is": the next Ctrl+Z seemed to do nothing) and a History line "Nothing a
    person would see changed (only positions or time stamps)"."""
    from PySide6.QtCore import Qt

    from safer_desk.presenters.history import history_lines

    demo_window.show()
    store = demo_window.session.store
    before = history_lines(store, limit=1)[0]
    undo_text = demo_window.session.undo_stack.undoText()
    dialog = _office_dialog(demo_window, qtbot)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and prompts.errors == []
    assert demo_window.session.undo_stack.undoText() == undo_text
    assert history_lines(store, limit=1)[0] == before

    dialog = _office_dialog(demo_window, qtbot)  # a real change is still one step, undone by Edit > Undo
    dialog.county_combo.setCurrentIndex(dialog.county_combo.findData(""))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert demo_window.session.undo_stack.undoText() == "Set whose file this is"
    assert history_lines(store, limit=1)[0].summary == "Deleted office area Suffolk"
    demo_window.session.undo_stack.undo()
    assert store.scalar("SELECT name FROM office_areas WHERE kind = 'county'") == "Suffolk"


def test_a_year_a_district_merged_in_counts_both_it_and_what_it_became(demo_path, capsys):
    """A merger on a day inside a financial year (Waveney and Suffolk Coastal to 30/09/2019, East Suffolk from
    01/10/2019): 2019/20's districts named Waveney and Suffolk Coastal only, so East Suffolk's six months were in
    no list of the office's areas, nor in its partnerships' or "All areas"."""
    store = open_store(demo_path)
    try:
        for old, code in (("Waveney", "E07000206"), ("Suffolk Coastal", "E07000205")):
            ref.edit_district(store, reference_id("district", old), name=old, ons_code=code, county="Suffolk",
                              successor="district:east-suffolk", valid_from=None, valid_to="30/09/2019")
        ref.edit_district(store, "district:east-suffolk", name="East Suffolk", ons_code="E07000244",
                          county="Suffolk", successor="", valid_from="01/10/2019", valid_to=None)
        year = FinancialYear.parse("2019/20")
        assert [a.name for a in ref.office_districts(store, year)] == [
            "Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "Suffolk Coastal", "Waveney", "West Suffolk"]
        assert ref.area_district_ids(store, ref.AreaRef("district:waveney", "Waveney", "district"), year) == [
            "district:waveney", "district:east-suffolk"]
        assert [a.name for a in ref.office_districts(store, FinancialYear.parse("2020/21"))] == [
            "Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"]
        assert [a.name for a in ref.office_districts(store, FinancialYear.parse("2018/19"))] == [
            "Babergh", "Forest Heath", "Ipswich", "Mid Suffolk", "St Edmundsbury", "Suffolk Coastal", "Waveney"]
    finally:
        store.close()
    code, out, err = run(capsys, "office", demo_path, "--year", "2019/20")
    assert (code, err) == (0, "")
    assert "Districts 2019/20: Babergh, East Suffolk, Ipswich, Mid Suffolk, Suffolk Coastal, Waveney, West Suffolk" \
        in out


def test_a_year_before_the_named_district_began_means_the_districts_it_was_made_from(demo_path, tmp_path, capsys):
    """An office that names West Suffolk (from 01/04/2019) had no districts in 2017/18, so its board report's "All
    areas" for that year left out its own review held under Forest Heath, which --area "West Suffolk" shows."""
    from safer_desk.services import dhr

    code, _, err = run(capsys, "office", demo_path, "--clear", "--district", "West Suffolk")
    assert code == 0 and "warning" not in err, err  # a narrower scope's note only
    store = open_store(demo_path)
    try:
        dhr.add_case(store, reference="WS-DHR-2017-09", district="Forest Heath", notified_on="01/06/2017")
        # West Suffolk too: police.uk figures of 2017 are filed under today's district
        assert [a.name for a in ref.office_districts(store, FinancialYear.parse("2017/18"))] == [
            "Forest Heath", "St Edmundsbury", "West Suffolk"]
        assert [a.name for a in ref.office_districts(store, FinancialYear.parse("2019/20"))] == ["West Suffolk"]
        assert "Western Suffolk CSP" in [a.name for a in ref.office_areas(store, FinancialYear.parse("2017/18"))]
    finally:
        store.close()
    code, out, err = run(capsys, "office", demo_path, "--year", "2017/18")
    assert "Districts 2017/18: Forest Heath, St Edmundsbury, West Suffolk" in out
    everything, chosen = tmp_path / "all.html", tmp_path / "west.html"
    assert run(capsys, "report", demo_path, everything, "--year", "2017/18")[0] == 0
    assert run(capsys, "report", demo_path, chosen, "--year", "2017/18", "--area", "West Suffolk")[0] == 0
    assert "WS-DHR-2017-09" in chosen.read_text(encoding="utf-8")
    assert "WS-DHR-2017-09" in everything.read_text(encoding="utf-8")
