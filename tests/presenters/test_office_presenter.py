"""File > Office Details… without a window (issue 13's office scope): a new file can say whose it is, the
example's scope is shown as the command line shows it, saving is one undoable named action."""

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.indicators import IndicatorsPresenter
from safer_desk.presenters.office import ACTION_TEXT, OfficePresenter
from safer_desk.services import reference as ref

TODAY = lambda: date(2026, 11, 28)  # noqa: E731


def chosen(choices):
    return [c.name for c in choices if c.chosen]


def by_name(choices, name):
    return next(c for c in choices if c.name == name)


def test_a_new_file_can_name_its_districts_from_the_current_districts_the_police_import_knows(store):
    log = ActionLog()
    p = OfficePresenter(store, perform=log, today=TODAY)
    assert p.partnerships() == [] and chosen(p.districts()) == [] and p.county() == ""
    names = [c.name for c in p.districts()]
    assert {"Babergh", "Mid Suffolk", "Plymouth", "Cardiff"} <= set(names) and names == sorted(names, key=str.casefold)
    assert "Partnerships: none named" in p.summary() and "County: not named" in p.summary()
    assert "Not named yet" in p.summary() and "--partnership" not in p.summary()

    scope = p.save([], [by_name(p.districts(), "Babergh").id, by_name(p.districts(), "Mid Suffolk").id], "Suffolk")
    assert [a.name for a in scope.districts] == ["Babergh", "Mid Suffolk"] and scope.county.name == "Suffolk"
    assert [a.name for a in ref.office_districts(store, FinancialYear(2026))] == ["Babergh", "Mid Suffolk"]
    row = store.one("SELECT ons_code, county FROM districts WHERE name = 'Babergh'")
    assert row["ons_code"] == "E07000200" and row["county"] == "Suffolk"  # added to the reference data
    assert chosen(p.districts()) == ["Babergh", "Mid Suffolk"] and p.county() == "Suffolk"
    assert "Districts 2026/27: Babergh, Mid Suffolk" in p.summary()
    assert log.undo_text == f"Undo {ACTION_TEXT[0].lower()}{ACTION_TEXT[1:]}"

    log.undo()
    assert chosen(p.districts()) == [] and p.county() == "" and not ref.office_scope(store).is_set
    assert store.scalar("SELECT count(*) FROM districts") == 0  # what the save added to the reference data goes
    assert ref.office_areas(store) == []
    log.redo()
    assert chosen(p.districts()) == ["Babergh", "Mid Suffolk"]


def test_the_examples_scope_is_shown_and_replaced_whole(demo_store):
    log = ActionLog()
    p = OfficePresenter(demo_store, perform=log, today=TODAY)
    assert chosen(p.partnerships()) == ["Safer Suffolk Partnership Board"] and p.county() == "Suffolk"
    assert "Suffolk" in p.counties()
    assert "Districts 2026/27: Babergh, East Suffolk, Ipswich, Mid Suffolk, West Suffolk" in p.summary()
    western = by_name(p.partnerships(), "Western Suffolk CSP")
    p.save([western.id], [], "Suffolk")
    assert chosen(p.partnerships()) == ["Western Suffolk CSP"]
    assert [a.name for a in ref.office_districts(demo_store, FinancialYear(2018))] == [
        "Babergh", "Forest Heath", "Mid Suffolk", "St Edmundsbury"]
    log.undo()
    assert chosen(p.partnerships()) == ["Safer Suffolk Partnership Board"]


def test_an_unknown_district_is_refused_and_nothing_changes(store):
    p = OfficePresenter(store, today=TODAY)
    with pytest.raises(ref.ReferenceError, match="no district called 'Narnia'.*police.uk import knows"):
        p.save([], ["Babergh", "Narnia"], "Suffolk")
    assert not ref.office_scope(store).is_set
    assert store.scalar("SELECT count(*) FROM districts") == 0


def test_indicators_say_how_to_name_the_office_when_the_file_lists_no_area_of_its_own(store):
    from safer_desk.services.police_import import load_counts

    p = IndicatorsPresenter(store, today=TODAY)
    p.load()
    assert "Import police data" in p.empty_message()  # nothing imported yet: that comes first
    load_counts(store, [("Suffolk", "2025-01", "Babergh", "Burglary", 4)])  # figures, none of the office's own
    p.load()
    assert p.area_id is None and "File > Office Details…" in p.empty_message()
    OfficePresenter(store, today=TODAY).save([], ["Babergh"], "")
    p.load()
    assert [c.label for c in p.area_choices()][:1] == ["Babergh"] and "Office Details" not in p.empty_message()
