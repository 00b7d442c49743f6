"""Round 25: correcting a district in place (Edit district…), and a partnership figures refer to kept."""

from datetime import date

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import indicators as svc
from safer_desk.services import reference as ref

SUFFOLK_NOW = ("Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk")


@pytest.fixture
def suffolk(store):
    """A Suffolk file as the police.uk lookup sets it up (today's districts, no dates), with Waveney added by hand
    with no To and no Became, and All crime figures for every district in Apr-18 and Apr-25."""
    ref.set_office_scope(store, county="Suffolk")
    ref.add_district(store, "Waveney", ons_code="E07000206", county="Suffolk")
    indicator = svc.save_indicator(store, "All crime")
    for name in (*SUFFOLK_NOW, "Waveney"):
        svc.save_values(store, indicator, svc.ensure_area(store, name, "district"),
                        [svc.PeriodValue("2018-04", 100), svc.PeriodValue("2025-04", 100)])
    store.indicator = indicator
    return store


def _county(store) -> dict:
    figures = svc.derive_figures(store, store.indicator, "county:suffolk", ["2018-04", "2025-04"])
    return {period: (d.figure.value if d.figure else None, d.used) for period, d in figures.items()}


def _row(store, district_id):
    return dict(store.one("SELECT * FROM districts WHERE id = ?", (district_id,)))


def test_a_districts_dates_and_what_it_became_are_corrected_and_the_county_follows(suffolk):
    """Waveney with no To stood in Suffolk's 2025 figures beside East Suffolk (600, not 500), and East Suffolk with no
    From stood in 2018's beside Waveney: only removing and adding them again could correct it, and that is refused
    once figures refer to them."""
    assert _county(suffolk)["2025-04"][0] == 600 and _county(suffolk)["2018-04"][0] == 600
    ref.edit_district(suffolk, "district:waveney", name="Waveney", ons_code="E07000206", county="Suffolk",
                      successor="East Suffolk", valid_to="31/03/2019")
    ref.edit_district(suffolk, "district:east-suffolk", name="East Suffolk", ons_code="E07000244", county="Suffolk",
                      valid_from=date(2019, 4, 1))
    assert _row(suffolk, "district:waveney") == {
        "id": "district:waveney", "name": "Waveney", "ons_code": "E07000206", "county": "Suffolk",
        "successor_id": "district:east-suffolk", "valid_from": None, "valid_to": "2019-03-31"}
    assert _row(suffolk, "district:east-suffolk")["valid_from"] == "2019-04-01"
    county = _county(suffolk)
    assert county["2025-04"] == (500, ("Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"))
    assert county["2018-04"] == (500, ("Babergh", "Ipswich", "Mid Suffolk", "Waveney", "West Suffolk"))
    assert "Waveney" not in [a.name for a in ref.office_districts(suffolk, svc.FinancialYear(2025))]


def test_a_correction_is_checked_as_add_checks_and_refused_beside_its_field(suffolk):
    waveney = _row(suffolk, "district:waveney")

    def refused(field, match, **changes):
        values = {"name": "Waveney", "ons_code": "E07000206", "county": "Suffolk"} | changes
        with pytest.raises(ref.DistrictError, match=match) as caught:
            ref.edit_district(suffolk, "district:waveney", **values)
        assert caught.value.field == field
        assert _row(suffolk, "district:waveney") == waveney

    refused("ons_code", "E0700206", ons_code="E0700206")
    refused("valid_to", "31/02/2019", valid_to="31/02/2019")
    refused("valid_to", "before From", valid_from="01/04/1974", valid_to="31/03/1973")
    refused("valid_to", "last day before it became East Suffolk", successor="East Suffolk")
    refused("successor", "no other district called Waveney", successor="Waveney", valid_to="31/03/2019")
    refused("successor", "no other district called Lowestoft", successor="Lowestoft", valid_to="31/03/2019")
    refused("name", "A district needs a name", name=" ")
    # a name that gives another id: figures, imports and the county's merge find a district by its name's id
    refused("name", "add Lowestoft, then give Waveney a To and Became Lowestoft", name="Lowestoft")
    refused("name", "Became Ipswich", name="Ipswich")
    # East Suffolk cannot have become Waveney once Waveney became East Suffolk
    ref.edit_district(suffolk, "district:waveney", name="Waveney", successor="district:east-suffolk",
                      valid_to="31/03/2019")
    with pytest.raises(ref.DistrictError, match="cannot have become Waveney") as caught:
        ref.edit_district(suffolk, "district:east-suffolk", name="East Suffolk", successor="Waveney",
                          valid_to="31/03/2020")
    assert caught.value.field == "successor"


def test_a_names_spelling_is_corrected_keeping_its_id_and_the_copies_of_its_name(suffolk):
    """"east suffolk" typed in lower case: the name's spelling is corrected, its id (which figures, reviews and
    partnerships refer to) unchanged, and the office's scope and the figures' area say the new spelling."""
    ref.set_office_scope(suffolk, districts=["Waveney"])
    before = ref.district_snapshot(suffolk, "district:waveney")
    ref.edit_district(suffolk, "district:waveney", name="WAVENEY", ons_code="e07000206", county="suffolk")
    assert _row(suffolk, "district:waveney")["name"] == "WAVENEY"
    assert _row(suffolk, "district:waveney")["ons_code"] == "E07000206"
    assert _row(suffolk, "district:waveney")["county"] == "Suffolk"  # as the file spells it
    assert [a.name for a in ref.office_scope(suffolk).districts] == ["WAVENEY"]
    assert suffolk.scalar("SELECT name FROM indicator_areas WHERE id = 'district:waveney'") == "WAVENEY"
    ref.put_district_snapshot(suffolk, "district:waveney", before)
    assert ref.district_snapshot(suffolk, "district:waveney") == before


def test_a_partnership_that_figures_refer_to_cannot_be_removed(suffolk):
    """Removing a partnership whose own figures (entered for it, not derived) or targets the file holds was
    allowed without a word: they were left under an area the file no longer had. Refused, as for a district."""
    ref.add_partnership(suffolk, "Western Suffolk CSP", districts=["Babergh"])
    ref.add_partnership(suffolk, "Eastern CSP", districts=["Ipswich"])
    svc.save_values(suffolk, suffolk.indicator, svc.ensure_area(suffolk, "Western Suffolk CSP", "partnership"),
                    [svc.PeriodValue("2025-04", 40)])
    with pytest.raises(ref.ReferenceError, match=r"Western Suffolk CSP cannot be removed: it is still used in "
                                                 r"figures \(Indicators\)"):
        ref.remove_reference(suffolk, "partnership", "partnership:western-suffolk-csp")
    assert "Western Suffolk CSP" in [p.name for p in ref.list_partnerships(suffolk)]
    # a review conducted by it is refused too; one nothing refers to goes as before
    from safer_desk.services import dhr

    dhr.add_case(suffolk, reference="DHR 1/25", partnership="Eastern CSP")
    with pytest.raises(ref.ReferenceError, match=r"reviews \(Costs: DHR 1/25\)"):
        ref.remove_reference(suffolk, "partnership", "partnership:eastern-csp")
    ref.add_partnership(suffolk, "Nobody's CSP", districts=["Mid Suffolk"])
    ref.remove_reference(suffolk, "partnership", "partnership:nobody-s-csp")
    assert "Nobody's CSP" not in [p.name for p in ref.list_partnerships(suffolk)]


# -- the window ---------------------------------------------------------------------------------------
def _page(window, store, qtbot):
    window.set_store(store)
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    return dialog.districts


def _select(page, name) -> int:
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == name)
    page.view.selectRow(row)
    return row


def _cells(page, name) -> list[str]:
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == name)
    return [page.proxy.index(row, c).data() for c in range(page.proxy.columnCount())]


def test_edit_district_corrects_waveney_as_one_undoable_step(window, suffolk, qtbot, prompts):
    page = _page(window, suffolk, qtbot)
    assert not page.edit_button.isEnabled()  # nothing chosen
    _select(page, "Waveney")
    assert page.edit_button.isEnabled()
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    assert form.isVisible() and form.view.heading.text() == "Correct Waveney"
    assert form.editors["ons_code"].text() == "E07000206" and form.editors["county"].text() == "Suffolk"
    # Became with no To: refused beside To, the dialog kept open with what was typed
    form.set_value("successor", "district:east-suffolk")
    assert not form.save() and form.isVisible()
    assert "31/03/2019" in form.form.message("valid_to")
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2019")
    form.editors["ons_code"].clear()
    qtbot.keyClicks(form.editors["ons_code"], "E0700206")
    assert not form.save() and "letter and eight digits" in form.form.message("ons_code")
    form.editors["ons_code"].clear()
    qtbot.keyClicks(form.editors["ons_code"], "E07000206")
    # its Apr-25 figure would be after its To: asked once, then Save again keeps it
    assert not form.save() and "All crime (Apr-25)" in form.form.message("valid_to")
    assert form.save() and not form.isVisible()
    assert not prompts.errors
    assert window.undo_action.text() == "&Undo edit district Waveney: To, Became"
    assert _cells(page, "Waveney")[3:] == ["", "31/03/2019", "East Suffolk"]
    assert _county(suffolk)["2025-04"][0] == 500
    after = _row(suffolk, "district:waveney")
    window.undo_action.trigger()
    assert _row(suffolk, "district:waveney")["successor_id"] is None and _county(suffolk)["2025-04"][0] == 600
    assert _cells(page, "Waveney")[3:] == ["", "", ""]
    window.redo_action.trigger()
    assert _row(suffolk, "district:waveney") == after


def test_enter_or_a_double_click_opens_it_and_cancel_changes_nothing(window, suffolk, qtbot, prompts):
    page = _page(window, suffolk, qtbot)
    rows = {d.id: _row(suffolk, d.id) for d in ref.list_districts(suffolk)}
    undo_text = window.undo_action.text()
    _select(page, "East Suffolk")
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    form = page.edit_dialog
    assert form.isVisible() and form.view.heading.text() == "Correct East Suffolk"
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2019")
    form.reject()  # Cancel: the question's Discard (the test's answer) throws the typing away
    assert prompts.unsaved_questions and not form.isVisible()
    assert {d.id: _row(suffolk, d.id) for d in ref.list_districts(suffolk)} == rows
    assert window.undo_action.text() == undo_text
    # a double-click opens it too; Save with nothing changed closes it with nothing to undo
    row = _select(page, "East Suffolk")
    rect = page.view.visualRect(page.proxy.index(row, 0))
    qtbot.mouseClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # a double-click's press
    qtbot.mouseDClick(page.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    form = page.edit_dialog
    assert form.isVisible() and form.view.heading.text() == "Correct East Suffolk"
    assert form.save() and not form.isVisible()
    assert window.undo_action.text() == undo_text
    # Enter in a field saves: East Suffolk's From, and Suffolk's 2018 figures no longer count it beside Waveney
    _select(page, "East Suffolk")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2019")
    qtbot.keyClick(form.editors["valid_from"].edit, Qt.Key.Key_Return)
    assert form.isVisible() and "All crime (Apr-18)" in form.form.message("valid_from")  # asked: Enter again keeps it
    qtbot.keyClick(form.editors["valid_from"].edit, Qt.Key.Key_Return)
    assert not form.isVisible()
    assert window.undo_action.text() == "&Undo edit district East Suffolk: From"
    assert "East Suffolk" not in _county(suffolk)["2018-04"][1]


def test_a_rename_that_would_change_its_id_is_refused_beside_the_name(window, suffolk, qtbot, prompts):
    page = _page(window, suffolk, qtbot)
    _select(page, "Waveney")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    form.editors["name"].clear()
    qtbot.keyClicks(form.editors["name"], "Lowestoft")
    assert not form.save() and "Became Lowestoft" in form.form.message("name")
    assert ref.find_area(suffolk, "district:waveney").name == "Waveney"
    form.editors["name"].clear()
    qtbot.keyClicks(form.editors["name"], "WAVENEY")
    assert form.save()
    assert _row(suffolk, "district:waveney")["name"] == "WAVENEY"
    assert window.undo_action.text() == "&Undo edit district Waveney: name"


def test_a_read_only_file_offers_no_edit(window, tmp_path, qtbot):
    from safer_desk.storage.store import open_store

    path = tmp_path / "ro.sqlite"
    with open_store(path, create=True) as made:
        ref.add_district(made, "Babergh")
    window.set_store(open_store(path, read_only=True))
    window.show_reference()
    page = window._reference_dialog.districts
    qtbot.addWidget(window._reference_dialog)
    _select(page, "Babergh")
    assert not page.edit_button.isEnabled()
    page.edit_selected()
    assert page.edit_dialog is None


# -- a correction that leaves figures outside the district's dates is asked about once -----------------------------
def test_a_to_or_from_that_leaves_figures_outside_is_asked_about_naming_them_and_who_counts_instead(suffolk):
    """Waveney's To 31/03/2019 leaves its Apr-25 figure where no total counts it (East Suffolk's counts), East
    Suffolk's From 01/04/2019 its Apr-18 one (Waveney's counts): asked about beside the date, naming the figures."""
    ask = ref.district_dates_question
    assert ask(suffolk, "district:waveney", name="Waveney", valid_from=None, valid_to=None) == {}
    # Became with no To is refused on Save, beside To: nothing to ask
    assert ask(suffolk, "district:waveney", name="Waveney", successor="East Suffolk") == {}
    questions = ask(suffolk, "district:waveney", name="Waveney", ons_code="E07000206", county="Suffolk",
                    successor="district:east-suffolk", valid_to=date(2019, 3, 31))
    assert list(questions) == ["valid_to"]
    assert questions["valid_to"] == (
        "1 figure of All crime (Apr-25) is after Waveney's To (31/03/2019): partnership and county totals would count "
        "East Suffolk's for that month instead of it.")
    questions = ask(suffolk, "district:waveney", name="Waveney", valid_to="31/03/2019")
    assert "no total would count it" in questions["valid_to"]
    ref.edit_district(suffolk, "district:waveney", name="Waveney", successor="East Suffolk", valid_to="31/03/2019")
    questions = ask(suffolk, "district:east-suffolk", name="East Suffolk", valid_from="01/04/2019")
    assert questions == {"valid_from": (
        "1 figure of All crime (Apr-18) is before East Suffolk's From (01/04/2019): partnership and county totals "
        "would count Waveney's for that month instead of it.")}
    # a figure already outside is not asked about again; a date that leaves none outside is not asked about
    ref.edit_district(suffolk, "district:east-suffolk", name="East Suffolk", valid_from="01/04/2019")
    # (round 34) a From before Waveney's To is asked about as a merger's overlap, not for figures left outside
    assert ask(suffolk, "district:east-suffolk", name="East Suffolk", valid_from="01/05/2017")["valid_from"].startswith(
        "From (01/05/2017) is before Waveney's To (31/03/2019), though Waveney became East Suffolk: for May-17 to ")
    assert ask(suffolk, "district:waveney", name="Waveney", successor="East Suffolk", valid_to="30/04/2025")[
        "valid_to"].startswith("To (30/04/2025) is after East Suffolk began")  # (round 34) a merger's overlap only
    # several indicators and months: counted, named, the months as runs
    other = svc.save_indicator(suffolk, "ASB incidents")
    svc.save_values(suffolk, other, "district:babergh", [svc.PeriodValue(p, 5) for p in
                                                          ("2024-04", "2024-05", "2024-06", "2025-01")])
    questions = ask(suffolk, "district:babergh", name="Babergh", valid_from="01/04/2019", valid_to="31/03/2024")
    assert questions == {
        "valid_to": "5 figures of All crime and ASB incidents (Apr-24 to Jun-24, Jan-25, Apr-25) are after Babergh's "
                    "To (31/03/2024): no total would count them, as no district follows Babergh.",
        "valid_from": "1 figure of All crime (Apr-18) is before Babergh's From (01/04/2019): no total would count it, "
                      "as no district comes before Babergh."}
    for name in ("Burglary", "Drugs", "Robbery"):
        svc.save_values(suffolk, svc.save_indicator(suffolk, name), "district:babergh", [svc.PeriodValue("2025-04", 1)])
    question = ask(suffolk, "district:babergh", name="Babergh", valid_to="31/03/2024")["valid_to"]
    assert question.startswith("8 figures of All crime, ASB incidents, Burglary and 2 other indicators (Apr-24 to ")


def test_edit_district_asks_before_leaving_figures_outside_and_save_again_keeps_it(window, suffolk, qtbot, prompts):
    page = _page(window, suffolk, qtbot)
    undo_text = window.undo_action.text()
    _select(page, "Waveney")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    form.set_value("successor", "district:east-suffolk")
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2019")
    assert not form.save() and form.isVisible()
    assert "All crime (Apr-25)" in form.form.message("valid_to") and "East Suffolk's" in form.form.message("valid_to")
    assert form.form.message("valid_to").endswith("Save again to keep it.")
    assert "Save again" in form.form.form_message
    assert _row(suffolk, "district:waveney")["valid_to"] is None and window.undo_action.text() == undo_text
    # Cancel changes nothing
    form.reject()
    assert prompts.unsaved_questions and not form.isVisible()
    assert _row(suffolk, "district:waveney")["valid_to"] is None and window.undo_action.text() == undo_text
    # asked once: Save again keeps it
    _select(page, "Waveney")
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    form = page.edit_dialog
    form.set_value("successor", "district:east-suffolk")
    qtbot.keyClicks(form.editors["valid_to"].edit, "31/03/2019")
    assert not form.save()
    assert form.save() and not form.isVisible()
    assert _row(suffolk, "district:waveney")["valid_to"] == "2019-03-31"
    assert window.undo_action.text() == "&Undo edit district Waveney: To, Became"
    assert _county(suffolk)["2025-04"][0] == 500
