import pytest
from PySide6.QtCore import Qt

from safer_desk.services import reference as ref


def test_reference_dialog_adds_and_removes_with_undo(window, store, qtbot, prompts):
    window.set_store(store)
    window.reference_action.trigger()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    page = dialog.districts
    qtbot.keyClicks(page.name_edit, "Babergh")
    qtbot.keyClicks(page.code_edit, "E07000200")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [d.name for d in ref.list_districts(store)] == ["Babergh"]
    assert page.model.rowCount() == 1 and page.proxy.index(0, 1).data() == "E07000200"
    window.undo_action.trigger()
    assert ref.list_districts(store) == [] and page.model.rowCount() == 0
    window.redo_action.trigger()
    assert [d.name for d in ref.list_districts(store)] == ["Babergh"]

    partners = dialog.partnerships
    partners.district_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(partners.name_edit, "Babergh CSP")
    qtbot.mouseClick(partners.add_button, Qt.MouseButton.LeftButton)
    assert [d.name for d in ref.partnership_districts(store, "partnership:babergh-csp")] == ["Babergh"]

    page.view.selectRow(0)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and "still used in a partnership's districts" in prompts.errors[-1][1]
    assert len(ref.list_districts(store)) == 1

    partners.view.selectRow(0)
    qtbot.mouseClick(partners.remove_button, Qt.MouseButton.LeftButton)
    assert ref.list_partnerships(store) == []
    window.undo_action.trigger()
    assert [d.name for d in ref.partnership_districts(store, "partnership:babergh-csp")] == ["Babergh"]


def test_duplicate_names_are_refused(window, store, qtbot, prompts):
    ref.add_organisation(store, "Suffolk County Council")
    window.set_store(store)
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.organisations.name_edit, "Suffolk County Council")
    qtbot.mouseClick(dialog.organisations.add_button, Qt.MouseButton.LeftButton)
    assert "already an organisation" in prompts.errors[-1][1]


def test_read_only_file_cannot_be_edited(window, tmp_path, qtbot):
    from safer_desk.storage.store import open_store

    path = tmp_path / "ro.sqlite"
    open_store(path, create=True).close()
    window.set_store(open_store(path, read_only=True))
    window.show_reference()
    qtbot.addWidget(window._reference_dialog)
    assert not window._reference_dialog.districts.add_button.isEnabled()


def test_removing_unknown_reference_is_refused(store):
    with pytest.raises(ref.ReferenceError):
        ref.remove_reference(store, "district", "district:nowhere")


def test_reference_models_pass_the_model_tester(window, demo_store, qtbot, qtmodeltester):
    window.set_store(demo_store)
    window.show_reference()
    dialog = window._reference_dialog
    qtbot.addWidget(dialog)
    for page in (dialog.districts, dialog.organisations, dialog.partnerships):
        qtmodeltester.check(page.model)
        qtmodeltester.check(page.proxy)


def test_an_area_the_office_names_as_its_own_cannot_be_removed(demo_store):
    """Found by using it: removing the Safer Suffolk Partnership Board (nothing but the office's scope refers to
    it) was allowed, and left the office naming a partnership with no districts: "Districts 2026/27: none", so
    every list, the "All areas" report and the county's view of the office lost Suffolk's districts."""
    from safer_desk.domain.periods import FinancialYear

    scope = ref.office_scope(demo_store)
    board = scope.partnerships[0]
    before = ref.office_districts(demo_store, FinancialYear(2025))
    with pytest.raises(ref.ReferenceError, match="one of the office's areas"):
        ref.remove_reference(demo_store, "partnership", board.id)
    assert ref.office_districts(demo_store, FinancialYear(2025)) == before != []
    ref.set_office_scope(demo_store, partnerships=[], districts=["Babergh"])  # the board would cover it (round 34)
    with pytest.raises(ref.ReferenceError, match="Babergh cannot be removed: it is one of the office's areas"):
        ref.remove_reference(demo_store, "district", "district:babergh")


def test_an_area_a_budget_plan_is_for_cannot_be_removed(store):
    """A plan names its area by id with no foreign key: removing the partnership left the plan pointing nowhere."""
    from safer_desk.services import budgets

    ref.add_district(store, "Babergh")
    ref.add_partnership(store, "Babergh CSP")
    budgets.create_plan(store, "Babergh CSP plan", columns=["2025/26"], area_id="Babergh CSP")
    with pytest.raises(ref.ReferenceError, match=r"Babergh CSP cannot be removed: it is still used in budget plans "
                                                 r"\(Budgets\)\."):
        ref.remove_reference(store, "partnership", "partnership:babergh-csp")
    assert ref.remove_reference(store, "district", "district:babergh")["row"]["name"] == "Babergh"


def _every_table(store) -> dict[str, list[tuple]]:
    names = [r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'audit%' "
                                      "AND name NOT LIKE 'sqlite%' AND name NOT LIKE '\\_%' ESCAPE '\\'")]
    return {t: sorted(tuple(r) for r in store.rows(f'SELECT * FROM "{t}"')) for t in names}


def test_redo_of_adds_writes_what_was_first_written(window, store, qtbot, prompts):
    """Redo puts back the very rows each add wrote (ids too), whatever the forms hold by then."""
    window.set_store(store)
    window.show_reference()
    dialog = window._reference_dialog  # a child of the window, deleted below
    before = _every_table(store)
    districts, organisations, partnerships = dialog.districts, dialog.organisations, dialog.partnerships
    qtbot.keyClicks(districts.name_edit, "Testshire Vale")
    qtbot.keyClicks(districts.code_edit, "E07999999")
    qtbot.keyClicks(districts.county_edit, "Testshire")
    qtbot.mouseClick(districts.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(organisations.name_edit, "Testshire Police")
    organisations.kind_combo.setCurrentText("police")
    qtbot.mouseClick(organisations.add_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(partnerships.name_edit, "Testshire CSP")
    partnerships.kind_combo.setCurrentText("county board")
    for widget, name in ((partnerships.district_list, "Testshire Vale"),
                         (partnerships.member_list, "Testshire Police")):
        widget.findItems(name, Qt.MatchFlag.MatchExactly)[0].setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(partnerships.from_edit, "2020-04-01")
    qtbot.keyClicks(partnerships.to_edit, "2024-03-31")
    qtbot.mouseClick(partnerships.add_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors
    after = _every_table(store)
    assert after["districts"] == [("district:testshire-vale", "Testshire Vale", "E07999999", "Testshire", None, None,
                                   None)]
    assert after["partnerships"][0][2:5] == ("county board", "2020-04-01", "2024-03-31")
    # the person goes on typing in the forms without adding
    districts.county_edit.setText("Elsewhere")
    organisations.kind_combo.setCurrentText("other")
    partnerships.kind_combo.setCurrentText("csp")
    partnerships.from_edit.clear()
    partnerships.to_edit.clear()
    for _ in range(3):
        window.undo_action.trigger()
    assert _every_table(store) == before
    for _ in range(3):
        window.redo_action.trigger()
    assert _every_table(store) == after
    # and with the dialog gone (the main window drops it when it opens another)
    for _ in range(3):
        window.undo_action.trigger()
    dialog.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(dialog))
    for _ in range(3):
        window.redo_action.trigger()
    assert _every_table(store) == after


def test_undo_of_an_add_or_a_remove_names_the_district(window, store, qtbot, prompts):
    """Edit > Undo read "Undo remove district": with several removed, nobody could tell which one it brings back."""
    ref.add_district(store, "Babergh")
    ref.add_district(store, "Mid Suffolk")
    window.set_store(store)
    window.show_reference()
    page = window._reference_dialog.districts
    qtbot.keyClicks(page.name_edit, "Ipswich")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert window.undo_action.text() == "&Undo add district Ipswich"
    row = next(r for r in range(page.proxy.rowCount()) if page.proxy.index(r, 0).data() == "Mid Suffolk")
    page.view.selectRow(row)
    qtbot.mouseClick(page.remove_button, Qt.MouseButton.LeftButton)
    assert not prompts.errors and window.undo_action.text() == "&Undo remove district Mid Suffolk"
    window.undo_action.trigger()
    assert window.redo_action.text() == "&Redo remove district Mid Suffolk"
    assert "Mid Suffolk" in [d.name for d in ref.list_districts(store)]


def test_statutory_partners_on_a_day_are_the_members_then(store):
    """A member's From and To days count (both included): the CCGs to 30/06/2022, the ICB from 01/07/2022."""
    from datetime import date

    for name in ("Suffolk County Council", "West Suffolk CCG", "Suffolk and North East Essex ICB"):
        ref.add_organisation(store, name)
    ref.add_partnership(store, "Western Suffolk CSP", members=[("Suffolk County Council", True)])
    ref.add_partnership(store, "Western Suffolk CSP", members=[("West Suffolk CCG", True)], valid_to="2022-06-30")
    ref.add_partnership(store, "Western Suffolk CSP", members=[("Suffolk and North East Essex ICB", True)],
                        valid_from="2022-07-01")
    pid = "partnership:western-suffolk-csp"

    def names(on=None):
        return [o.name for o in ref.statutory_partners(store, pid, on)]

    assert names(date(2022, 6, 30)) == ["Suffolk County Council", "West Suffolk CCG"]
    assert names(date(2022, 7, 1)) == ["Suffolk County Council", "Suffolk and North East Essex ICB"]
    assert names() == ["Suffolk County Council", "Suffolk and North East Essex ICB", "West Suffolk CCG"]


def test_a_partnership_dated_as_typed_in_the_dialog_is_read_by_date(window, store, qtbot, prompts):
    """From "01/07/2022", typed as every other date in Safer Desk, was kept as typed: reading the partners on a day
    (the partners a review is billed to) then failed ("Invalid isoformat string"). It is kept as 2022-07-01; a date
    that is not one is refused, saying so."""
    from datetime import date

    ref.add_district(store, "Babergh")
    ref.add_organisation(store, "Suffolk County Council")
    window.set_store(store)
    window.show_reference()
    page = window._reference_dialog.partnerships
    qtbot.addWidget(window._reference_dialog)
    page.member_list.item(0).setCheckState(Qt.CheckState.Checked)
    qtbot.keyClicks(page.name_edit, "Babergh CSP")
    qtbot.keyClicks(page.from_edit, "31/02/2022")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert prompts.errors and "31/02/2022" in prompts.errors[-1][1] and "From" in prompts.errors[-1][1]
    assert ref.list_partnerships(store) == []
    page.from_edit.clear()
    qtbot.keyClicks(page.from_edit, "01/07/2022")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert [p.valid_from for p in ref.list_partnerships(store)] == ["2022-07-01"]
    pid = "partnership:babergh-csp"
    assert [o.name for o in ref.statutory_partners(store, pid, date(2022, 7, 1))] == ["Suffolk County Council"]
    assert ref.statutory_partners(store, pid, date(2022, 6, 30)) == []
