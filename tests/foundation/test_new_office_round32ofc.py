"""A new office set up as its officer would (round 32): East Suffolk's officer in 2025 makes a file, imports
police.uk files of 2018 (2011 LSOA names: Waveney, Suffolk Coastal) and 2025, names the office in File > Office
Details… with the keyboard alone, records in View > Districts… that East Suffolk began on 01/04/2019 from
Waveney and Suffolk Coastal, and reads East Suffolk's figures for both years and nothing of its neighbours'."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from safer_desk.domain.periods import FinancialYear
from safer_desk.services import reference as ref
from safer_desk.services.police_import import import_police_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "police"


def police_2018(tmp_path: Path) -> Path:
    """The January 2021 file (2011 LSOA names) as May 2018's: the shape of a 2018 download, before East Suffolk."""
    source = FIXTURES / "suffolk-2021-01" / "2021-01-suffolk-street.csv"
    folder = tmp_path / "suffolk-2018"
    folder.mkdir()
    (folder / "2018-05-suffolk-street.csv").write_bytes(source.read_bytes().replace(b",2021-01,", b",2018-05,"))
    return folder


def old_names_crimes(folder: Path) -> int:
    """All crime (no anti-social behaviour) in Waveney and Suffolk Coastal, counted from the file itself."""
    import csv

    with (folder / "2018-05-suffolk-street.csv").open(encoding="utf-8", newline="") as fh:
        return sum(1 for r in csv.DictReader(fh) if r["Crime type"] != "Anti-social behaviour"
                   and r["LSOA name"].rsplit(" ", 1)[0] in ("Waveney", "Suffolk Coastal"))


def combo_texts(combo) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_east_suffolk_set_up_from_nothing_by_keyboard(window, qtbot, prompts, tmp_path):
    window.resize(1366, 728)
    assert window.open_path(tmp_path / "east suffolk.sqlite", create=True)
    store = window.session.store
    old = police_2018(tmp_path)
    import_police_files(store, [old, FIXTURES / "suffolk-2025"])
    window.session.notify("indicators")

    window.exchange_actions["office"].trigger()
    dialog = window.office_dialog
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert QApplication.focusWidget() is dialog.name_box
    dialog.name_box.selectAll()
    qtbot.keyClicks(dialog.name_box, "East Suffolk community safety")
    qtbot.keyClick(dialog.name_box, Qt.Key.Key_D, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClicks(dialog.district_filter, "east suff")
    qtbot.keyClick(dialog.district_filter, Qt.Key.Key_Down)
    assert dialog.district_list.currentItem().text() == "East Suffolk"
    qtbot.keyClick(dialog.district_list, Qt.Key.Key_Space)
    qtbot.keyClick(dialog.district_list, Qt.Key.Key_S, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert prompts.errors == []
    scope = ref.office_scope(store)
    assert [a.name for a in scope.districts] == ["East Suffolk"] and store.office_name == \
        "East Suffolk community safety"

    # View > Districts…: Waveney and Suffolk Coastal became East Suffolk on 01/04/2019.
    window.show_reference()
    reference = window._reference_dialog
    page = reference.districts
    for name in ("Waveney", "Suffolk Coastal"):
        page.name_edit.setFocus()
        qtbot.keyClicks(page.name_edit, name)
        qtbot.keyClicks(page.county_edit, "Suffolk")
        if name == "Waveney":
            qtbot.keyClicks(page.from_edit, "01/04/1974")
        qtbot.keyClicks(page.to_edit, "31/03/2019")
        page.successor_combo.setCurrentText("East Suffolk")
        qtbot.keyClick(page.to_edit, Qt.Key.Key_Return)
        assert prompts.errors == []
    east = ref.reference_id("district", "East Suffolk")
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "East Suffolk")
    page.view.setFocus()
    page.view.selectRow(row)
    qtbot.keyClick(page.view, Qt.Key.Key_Return)
    form = page.edit_dialog
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/1973")  # a slip: before Waveney began
    assert not form.save() and form.isVisible()
    assert "type 01/04/2019" in form.form.message("valid_from")
    form.editors["valid_from"].edit.clear()
    qtbot.keyClicks(form.editors["valid_from"].edit, "01/04/2019")
    assert form.save() and not form.isVisible()  # no question: the 2018 figures stand for Waveney's and its partner's

    assert [(d.name, d.valid_from, d.valid_to) for d in ref.list_districts(store)] == [
        ("East Suffolk", "2019-04-01", None), ("Suffolk Coastal", None, "2019-03-31"),
        ("Waveney", "1974-04-01", "2019-03-31")]

    tab = window.show_tab("indicators")
    own = combo_texts(tab.area_combo)
    assert own[:2] == ["Suffolk (county)", "East Suffolk"] and not {"Babergh", "Ipswich", "Mid Suffolk"} & set(own)
    assert tab.select_area(east)
    for year, crimes in ((FinancialYear(2018), old_names_crimes(old)), (FinancialYear(2024), None)):
        assert tab.select_year(year)
        shown = year_to_date(tab, "All crime")
        assert shown and (crimes is None or shown == f"{crimes:,}")
    assert "Babergh" not in combo_texts(tab.area_combo)

    # Edit > Undo, step by step: the districts added, then the office's details; nothing else goes with them.
    assert window.undo_action.text() == "&Undo edit district East Suffolk: From"
    window.undo_action.trigger()
    assert [d.valid_from for d in ref.list_districts(store) if d.id == east] == [None]
    for text, left in (("Add district Suffolk Coastal", ["East Suffolk", "Waveney"]),
                       ("Add district Waveney", ["East Suffolk"])):
        assert window.undo_action.text() == f"&Undo {text[0].lower()}{text[1:]}"
        window.undo_action.trigger()
        assert [d.name for d in ref.list_districts(store)] == left
    assert window.undo_action.text() == "&Undo set whose file this is"
    window.undo_action.trigger()
    assert not ref.office_scope(store).is_set and store.office_name == "east suffolk"
    assert ref.list_districts(store) == []  # East Suffolk came with the office's details, and went with them


def year_to_date(tab, indicator: str) -> str:
    model = tab.summary_model
    columns = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    for r in range(model.rowCount()):
        if model.data(model.index(r, columns.index("Indicator"))) == indicator:
            return model.data(model.index(r, columns.index("Year to date")))
    return ""
