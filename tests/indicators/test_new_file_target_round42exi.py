"""Round 42 (exi): an indicator and its target added in a new file that names no area yet.

The tab's place for the chart says to add an indicator and its target (Indicator and Target…). In a file whose office
is not named yet there is no area on the tab: the indicator was saved, and the target typed for it (1,200 in the
year) was dropped without a word, the tab still showing nothing. The form now refuses the target beside its field
and says what to do; the tab says first to name the office's districts.
"""

from __future__ import annotations

from safer_desk.services import indicators as svc


def _new_file_tab(window, tmp_path):
    assert window.open_path(tmp_path / "new.sqlite", create=True)
    return window.show_tab("indicators")


def _form(tab):
    """The Indicator and Target dialog the tab's button opens, typed in."""
    tab.indicator_button.click()
    form = tab._indicator_dialog.presenter
    for key, value in (("name", "ASB incidents"), ("target_kind", "annual"), ("target_value", "1,200")):
        form.set_value(key, value)
    return form


def test_a_target_with_no_area_chosen_is_refused_beside_its_field_not_dropped(window, tmp_path):
    tab = _new_file_tab(window, tmp_path)
    assert tab.presenter.area_id is None and tab.area_combo.count() == 0
    said = tab.empty_state.text()
    assert said.startswith("This file does not say whose it is yet, so it has no area to show: name the office's "
                           "partnership or districts (File > Office Details…), then add an indicator and its target"), \
        said
    form = _form(tab)
    assert not form.save()
    assert form.errors["target_kind"].startswith("No area is chosen on the tab, so the target has no area to be "
                                                 "kept for: choose No target to save the indicator alone.")
    store = window.session.store
    assert svc.list_indicators(store) == []  # nothing written
    form.set_value("target_kind", "")
    form.set_value("target_value", "")
    assert form.save(), (form.errors, form.form_message)
    assert [i.name for i in svc.list_indicators(store)] == ["ASB incidents"]


def test_with_the_office_named_the_target_is_kept(window, tmp_path):
    from safer_desk.presenters.office import OfficePresenter

    tab = _new_file_tab(window, tmp_path)
    OfficePresenter(window.session.store).save([], ["Babergh"], "")
    window.session.notify("indicators")
    assert tab.select_area("district:babergh")
    form = _form(tab)
    assert form.save(), (form.errors, form.form_message)
    target = svc.get_target(window.session.store, "indicator:asb-incidents", "district:babergh", tab.presenter.year)
    assert target is not None and target.value == 1200



def test_a_sheets_figures_for_a_district_the_new_file_does_not_hold_say_how_to_bring_it_in(window, tmp_path):
    """Every line naming Babergh was refused as if there were no such district, saying nothing of what to do."""
    from safer_desk.presenters.office import OfficePresenter
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    tab = _new_file_tab(window, tmp_path)
    store = window.session.store
    svc.save_indicator(store, "ASB incidents")
    sheet = tmp_path / "figures.csv"
    sheet.write_text("indicator,area,period,value\nASB incidents,Babergh,2025-04,12\n"
                     "ASB incidents,Narnia,2025-04,3\n", encoding="utf-8")
    dialog = ImportFiguresDialog(window.session, tab)
    assert dialog.load(sheet)
    why = [dialog.model.rows[r]["why"] for r in range(len(dialog.model.rows))]
    assert why == ["There is no district, partnership or county called “Babergh” in this file yet: Babergh is a "
                   "district, so add it to the office's districts (File > Office Details…) and import again.",
                   "There is no district, partnership or county called “Narnia”."]  # sentences, as the CLI says them
    dialog.reject()
    OfficePresenter(store).save([], ["Babergh"], "")  # as it says
    dialog = ImportFiguresDialog(window.session, tab)
    assert dialog.load(sheet)
    assert [row["why"] for row in dialog.model.rows][0] == ""
    dialog.reject()
