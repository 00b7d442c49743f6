"""Round 25: the reference data as a district officer sets it up (View > Districts, Partnerships and Partners…)."""

import pytest
from PySide6.QtCore import Qt

from safer_desk.services import reference as ref


def test_a_county_typed_in_lower_case_on_a_new_file_takes_the_lookups_spelling(store):
    """`safer-desk office FILE --county suffolk` on a new file stored the office's county as "suffolk" while the
    Suffolk districts it added were filed under "Suffolk": the office named a county no district was filed under
    as spelled. The county now takes the national lookup's spelling."""
    scope = ref.set_office_scope(store, county="suffolk")
    assert scope.county.name == "Suffolk" and scope.county.id == "county:suffolk"
    assert ref.county_names(store) == ["Suffolk"]
    assert store.scalar("SELECT name FROM office_areas WHERE kind = 'county'") == "Suffolk"
    assert ref.county_doubt(store, "suffolk") == ""


def test_a_county_no_lookup_knows_is_kept_as_typed(store):
    """A Welsh county (the lookup is England's) and a file whose districts are all its own keep the county typed."""
    assert ref.set_office_scope(store, county="Powys").county.name == "Powys"
    ref.add_district(store, "Testshire Vale", county="Testshire")
    assert ref.set_office_scope(store, county="testshire").county.name == "Testshire"
    assert ref.set_office_scope(store, county="Otherland").county.name == "Otherland"


def _districts_page(window, store, qtbot):
    window.set_store(store)
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    return dialog.districts


def _add_district(qtbot, page, name, code="", county=""):
    for edit, text in ((page.name_edit, name), (page.code_edit, code), (page.county_edit, county)):
        edit.clear()
        qtbot.keyClicks(edit, text)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)


def test_a_districts_county_typed_in_another_case_is_filed_under_the_files_spelling(window, store, qtbot, prompts):
    """Babergh added under "Suffolk" and Ipswich under "suffolk" (the County box keeps what the last add left, and
    people retype it): the file then had two counties, so a file whose office is not named yet had no county at
    all (its districts "lie in" Suffolk and suffolk), and the office dialog's county list hid one of them."""
    page = _districts_page(window, store, qtbot)
    _add_district(qtbot, page, "Babergh", "E07000200", "Suffolk")
    _add_district(qtbot, page, "Ipswich", "E07000202", "suffolk")
    _add_district(qtbot, page, "Waveney", "E07000206", "SUFFOLK ")
    assert not prompts.errors
    assert ref.county_names(store) == ["Suffolk"]
    assert ref.office_county(store).name == "Suffolk"
    # a county no district of the file lies in yet takes the national lookup's spelling
    _add_district(qtbot, page, "Plymouth", "E06000026", "devon")
    assert ref.county_names(store) == ["Devon", "Suffolk"]
    window.undo_action.trigger()
    assert [d.name for d in ref.list_districts(store)] == ["Babergh", "Ipswich", "Waveney"]


def test_an_ons_code_typed_wrong_is_refused_and_the_form_kept(window, store, qtbot, prompts):
    """East Suffolk's code typed "E0700244" (a digit short) or "E07OOO244" (letter O) was kept as typed; it goes to
    the county in every export, where it is shown as a conflict with the county's E07000244. An ONS code is a
    letter and eight digits: anything else is refused, saying so, and the form keeps what was typed."""
    page = _districts_page(window, store, qtbot)
    for typed in ("E0700244", "E07OOO244", "07000244"):
        _add_district(qtbot, page, "East Suffolk", typed, "Suffolk")
        assert prompts.errors and f"“{typed}”" in prompts.errors[-1][1] and "E07000244" in prompts.errors[-1][1]
        assert ref.list_districts(store) == [] and page.code_edit.text() == typed
    _add_district(qtbot, page, "East Suffolk", " e07000244", "Suffolk")
    assert [(d.name, d.ons_code) for d in ref.list_districts(store)] == [("East Suffolk", "E07000244")]
    with pytest.raises(ref.ReferenceError, match="ONS code"):
        ref.add_district(store, "Waveney", ons_code="E070002O6")


def test_a_merged_district_is_recorded_with_what_it_became_and_its_dates(window, store, qtbot, prompts):
    """A Suffolk office whose 2018 partnership covered Waveney and Suffolk Coastal adds them (its new file has East
    Suffolk from the county): the Districts page had no Became, From or To, so they stood as current districts for
    ever: Suffolk's 2025 figures were blank ("not every district of Suffolk") for want of Waveney's. The page now
    takes what each became and its last day; From and To are typed dd/mm/yyyy; each add is one undoable step."""
    from safer_desk.domain.periods import FinancialYear
    from safer_desk.services import indicators as svc

    ref.set_office_scope(store, county="Suffolk")
    indicator = svc.save_indicator(store, "All crime")
    for name in ("Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"):
        svc.save_values(store, indicator, svc.ensure_area(store, name, "district"), [svc.PeriodValue("2025-04", 100)])
    page = _districts_page(window, store, qtbot)
    assert page.successor_combo.findText("East Suffolk") >= 0
    for name, code in (("Waveney", "E07000206"), ("Suffolk Coastal", "E07000205")):
        page.successor_combo.setCurrentText("East Suffolk")
        qtbot.keyClicks(page.to_edit, "31/03/2019")
        _add_district(qtbot, page, name, code, "Suffolk")
        assert not prompts.errors and page.to_edit.text() == "" and page.successor_combo.currentText() == ""
    waveney = next(d for d in ref.list_districts(store) if d.name == "Waveney")
    assert waveney.successor_id == "district:east-suffolk"
    assert store.scalar("SELECT valid_to FROM districts WHERE id = 'district:waveney'") == "2019-03-31"
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "Waveney")
    assert [page.proxy.index(row, c).data() for c in (4, 5)] == ["31/03/2019", "East Suffolk"]
    assert {"Suffolk Coastal", "Waveney"} <= {a.name for a in ref.office_districts(store, FinancialYear(2018))}
    assert "Waveney" not in [a.name for a in ref.office_districts(store, FinancialYear(2025))]
    assert svc.derive_figures(store, indicator, "county:suffolk", ["2025-04"])["2025-04"].figure.value == 500
    window.undo_action.trigger()
    assert "Suffolk Coastal" not in [d.name for d in ref.list_districts(store)]

    # what it became with no last day, a day that is not one, or a last day before its first: refused, form kept
    page.successor_combo.setCurrentText("East Suffolk")
    _add_district(qtbot, page, "Suffolk Coastal", "E07000205", "Suffolk")
    assert "To" in prompts.errors[-1][1] and "31/03/2019" in prompts.errors[-1][1]
    qtbot.keyClicks(page.from_edit, "01/04/1974")
    qtbot.keyClicks(page.to_edit, "31/02/2019")
    _add_district(qtbot, page, "Suffolk Coastal", "E07000205", "Suffolk")
    assert "31/02/2019" in prompts.errors[-1][1]
    page.to_edit.setText("31/03/1973")
    _add_district(qtbot, page, "Suffolk Coastal", "E07000205", "Suffolk")
    assert "before" in prompts.errors[-1][1]
    assert "Suffolk Coastal" not in [d.name for d in ref.list_districts(store)]
    assert page.from_edit.text() == "01/04/1974" and page.successor_combo.currentText() == "East Suffolk"


def test_a_district_with_figures_cannot_be_removed(window, store, qtbot, prompts):
    """Removing Babergh from a Suffolk file whose figures include Babergh's was allowed without a word: Suffolk's
    figures all went blank ("the file does not hold every district of Suffolk") and Babergh's figures were left
    under an area the office no longer had. It is refused, saying what refers to it, as for a partnership's
    districts."""
    from safer_desk.services import indicators as svc

    ref.set_office_scope(store, county="Suffolk")
    indicator = svc.save_indicator(store, "All crime")
    for name in ("Babergh", "East Suffolk", "Ipswich", "Mid Suffolk", "West Suffolk"):
        svc.save_values(store, indicator, svc.ensure_area(store, name, "district"), [svc.PeriodValue("2025-04", 100)])
    page = _districts_page(window, store, qtbot)
    page.view.selectRow(next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "Babergh"))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and prompts.errors[-1][1] == ("Babergh cannot be removed: it is still used in figures "
                                                        "(Indicators).")
    assert "Babergh" in [d.name for d in ref.list_districts(store)]
    assert svc.derive_figures(store, indicator, "county:suffolk", ["2025-04"])["2025-04"].figure.value == 500
    _add_district(qtbot, page, "Testshire Vale", "", "Testshire")  # one nothing refers to goes, as before
    page.view.selectRow(next(r for r in range(page.proxy.rowCount())
                             if page.proxy.index(r, 0).data() == "Testshire Vale"))
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert "Testshire Vale" not in [d.name for d in ref.list_districts(store)]


def test_an_area_is_found_by_its_name_as_typed_with_another_apostrophe_or_dash(tmp_path):
    """`safer-desk report FILE OUT --area "King’s Lynn and West Norfolk"` (a curly apostrophe, as a paper or an
    email gives it) was refused while the straight one was found; so was "Stratford–on–Avon" with en dashes."""
    from safer_desk.services import reference as ref
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "office.sqlite", create=True)
    try:
        ref.add_district(store, "King's Lynn and West Norfolk", county="Norfolk")
        ref.add_district(store, "Stratford-on-Avon", county="Warwickshire")
        assert ref.find_area(store, "King\u2019s Lynn and West Norfolk").name == "King's Lynn and West Norfolk"
        assert ref.find_area(store, "Stratford\u2013on\u2013Avon (district)").name == "Stratford-on-Avon"
        assert ref.find_area(store, "Kings Lynn and West Norfolk") is None  # a name typed otherwise is not guessed
    finally:
        store.close()
