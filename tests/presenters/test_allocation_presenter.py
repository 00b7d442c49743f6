"""The Allocation presenter without a window: Save and Save as new (a loaded scenario is never overwritten under
another name), the working set compared with its saved scenario, the money helper's warnings."""

from fractions import Fraction

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.allocation import CHANGED, NOT_SAVED, AllocationPresenter
from safer_desk.services import allocation as service
from safer_desk.services import allocation_workbench as bench


@pytest.fixture
def log():
    return ActionLog()


@pytest.fixture
def presenter(demo_store, log):
    return AllocationPresenter(demo_store, perform=log)


def titles(store):
    return sorted(s.title for s in service.list_scenarios(store))


def test_opens_on_the_agreed_scenario_as_saved(presenter):
    assert presenter.loaded is not None and presenter.loaded.adopted
    assert presenter.status_text() == "" and "✓ as saved" in presenter.scenario_label()
    assert presenter.result.total_pence == 589_608_00


def test_an_edit_says_changed_since_saved_and_undo_takes_it_back(presenter, log):
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    assert presenter.status_text() == CHANGED and CHANGED in presenter.scenario_label()
    assert not presenter.has_unsaved_changes()  # kept in the file as the working draft: nothing to lose
    assert log.undo_text == "Undo change Retained %"
    log.undo()
    assert presenter.status_text() == ""


def test_the_draft_remembers_which_scenario_it_came_from(presenter, demo_store):
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    again = AllocationPresenter(demo_store)
    assert again.loaded.id == presenter.loaded.id and again.status_text() == CHANGED


def test_inputs_whose_scenario_was_deleted_are_still_not_saved_after_a_restart(presenter, demo_store, log):
    """Found by the allocation walk: the inputs of a scenario just deleted read "not saved"; opened again they
    read "as saved" as another scenario holding the same inputs, though nobody had chosen it."""
    twin = presenter.loaded
    assert presenter.save("Twin of the agreed", "2009/10")  # the same inputs under another name
    presenter.delete(presenter.loaded.id)
    assert presenter.loaded is None and presenter.status_text() == NOT_SAVED
    again = AllocationPresenter(demo_store)
    assert again.loaded is None and again.status_text() == NOT_SAVED and again.state == presenter.state
    presenter.open(twin.id)  # chosen again: it is that scenario's inputs, as saved, now and after a restart
    assert AllocationPresenter(demo_store).loaded.id == twin.id


def test_a_draft_from_before_its_origin_was_kept_finds_the_scenario_it_matches(presenter, demo_store):
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    presenter.edit(lambda s: bench.with_option(s, "retain", "10"), "Change Retained % back")
    with demo_store.transaction():  # a file whose draft never recorded where it came from
        demo_store.conn.execute("DELETE FROM _allocation_draft WHERE key = 'scenario'")
    assert AllocationPresenter(demo_store).loaded.id == presenter.loaded.id


def test_a_partnership_or_factor_removed_from_the_middle_is_saved(presenter, demo_store, log):
    """Found by the allocation walk: Save after removing a partnership above the last stopped with "UNIQUE
    constraint failed" (each row kept its place's id, so the one below took a name its old row still held)."""
    agreed = presenter.loaded
    names = [p.name for p in presenter.state.partnerships]
    assert presenter.edit(lambda s: bench.without_rows(s, [1]), "Remove Partnership")
    assert presenter.save(agreed.name, agreed.year), presenter.error
    saved = service.load_scenario(demo_store, agreed.id)
    assert [p.name for p in saved.partnerships] == names[:1] + names[2:]
    assert presenter.result.total_pence == 589_608_00 and presenter.status_text() == ""
    log.undo()
    assert service.load_scenario(demo_store, agreed.id) == agreed
    log.redo()
    assert [p.name for p in service.load_scenario(demo_store, agreed.id).partnerships] == names[:1] + names[2:]
    presenter.edit(lambda s: bench.with_new_factor(s, "Population"), "Add factor")
    added = presenter.state.options.factors[-1].name
    for row in range(len(presenter.state.partnerships)):
        presenter.edit(lambda s, row=row: bench.with_cell(s, row, f"factor:{added}", str(1000 + row)), "Type")
    assert presenter.save(agreed.name, agreed.year), presenter.error
    first = presenter.state.options.factors[0].name
    presenter.edit(lambda s: bench.without_factor(s, 0), "Remove factor")
    assert presenter.save(agreed.name, agreed.year), presenter.error
    assert first not in [f.name for f in service.load_scenario(demo_store, agreed.id).options.factors]


def test_saving_under_a_new_name_never_overwrites_the_loaded_scenario(presenter, demo_store, log):
    agreed = presenter.loaded
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    assert presenter.save("Keep 5%", "2009/10")
    assert service.load_scenario(demo_store, agreed.id) == agreed
    assert presenter.loaded.name == "Keep 5%" and presenter.status_text() == ""
    assert log.undo_text == "Undo save new scenario Keep 5%"
    log.undo()
    assert not any("Keep 5%" in t for t in titles(demo_store)) and presenter.loaded == agreed


def test_save_under_its_own_name_writes_the_loaded_scenario_and_undo_puts_it_back(presenter, demo_store, log):
    agreed = presenter.loaded
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    assert presenter.save(agreed.name, agreed.year)
    again = service.load_scenario(demo_store, agreed.id)
    assert again.options.retain == Fraction(5, 100) and again.adopted and again.name == agreed.name
    assert len(titles(demo_store)) == 2 and presenter.status_text() == ""
    log.undo()
    assert service.load_scenario(demo_store, agreed.id).options.retain == agreed.options.retain


def test_save_as_new_with_the_loaded_name_is_refused(presenter, demo_store):
    before = titles(demo_store)
    assert not presenter.save_as_new(presenter.loaded.name, presenter.loaded.year)
    assert "already" in presenter.error and titles(demo_store) == before
    assert not presenter.save("", "2009/10") and "needs a name" in presenter.error


def test_a_working_set_from_nothing_is_not_saved(store):
    p = AllocationPresenter(store)
    assert p.loaded is None and p.status_text() == ""
    p.edit(bench.with_new_row, "Add partnership")
    assert p.status_text() == NOT_SAVED


def test_the_money_helpers_warnings_are_offered(presenter):
    assert presenter.warnings() == ()
    presenter.edit(lambda s: bench.with_factor_weight(s, 0, "50"), "Change factor")
    assert any("has the weight 50; as the only factor it was counted as 100%" in w for w in presenter.warnings())


def test_the_result_pages_words_without_a_window(presenter, demo_store):
    from safer_desk.presenters.allocation import comparison_note, redistribution, summary_text, top_slice_rows

    r = presenter.result
    assert summary_text(r).startswith("Pot £589,608 (last year's £655,120 less 10% retained, £65,512)")
    assert summary_text(None, "no partnerships") == "No result yet: no partnerships"
    rows, note = redistribution(r, "", "basis")
    assert rows[-1] == ("Total", 65_512_00) and "The retained amount" in note
    rows, note = redistribution(r, "£1,000", "Pro rata to this year's allocation")
    assert rows[-1] == ("Total", 1_000_00) and note.startswith("£1,000 shared back")
    assert redistribution(r, "lots", "basis")[1].startswith("⚠") and redistribution(None, "", "basis")[0] == []
    rows, problem = top_slice_rows({"total": "£2,900,692", "slice": "50", "slice_label": "LSP share",
                                    "retained": "10", "partners": "9", "scenario": "20"}, "Delivery partners")
    assert problem == "" and dict(rows)["LSP share"] == 1_450_346_00 and dict(rows)["Each plus 20%"] == 174_041_52
    assert top_slice_rows({"total": "x", "slice": "50", "slice_label": "", "retained": "10", "partners": "9",
                           "scenario": "20"}, "Rest")[1].startswith("⚠ Total grant")
    assert "not a whole number" in top_slice_rows({"total": "£1", "slice": "50", "slice_label": "", "retained": "10",
                                                   "partners": "nine", "scenario": "20"}, "Rest")[1]
    first, second = [service.load_scenario(demo_store, s.id) for s in service.list_scenarios(demo_store)[:2]]
    assert comparison_note(first, second).startswith("Differences in the options: rounding")
    assert comparison_note(first, first) == "The same scenario is chosen twice."


def _content(store):
    from safer_desk.exchange.county_schema import content_checksums, data_tables

    return content_checksums(store.conn, data_tables(store.conn))[1]


def test_save_delete_undo_and_redo_give_the_scenario_back_exactly_ids_and_all(presenter, demo_store, log):
    """Every save deleted the scenario and wrote it again, its partnerships' rows and factors under new ids (the
    history and the county saw every row removed and added), and undo and redo wrote new ids again."""
    def child_ids(scenario_id):
        return [r[0] for t in ("allocation_scenario_rows", "allocation_scenario_factors")
                for r in demo_store.rows(f"SELECT id FROM {t} WHERE scenario_id = ? ORDER BY position", (scenario_id,))]

    agreed = presenter.loaded
    ids = child_ids(agreed.id)
    before = _content(demo_store)
    presenter.edit(lambda s: bench.with_option(s, "retain", "5"), "Change Retained %")
    assert presenter.save(agreed.name, agreed.year)
    assert child_ids(agreed.id) == ids
    after = _content(demo_store)
    log.undo()
    assert _content(demo_store) == before
    log.redo()
    assert _content(demo_store) == after
    presenter.delete(agreed.id)
    log.undo()
    assert _content(demo_store) == after and child_ids(agreed.id) == ids


def test_save_of_the_scenario_as_saved_writes_nothing(presenter, demo_store, log):
    agreed = presenter.loaded
    changes = demo_store.conn.total_changes
    assert presenter.save(agreed.name, agreed.year)
    assert demo_store.conn.total_changes == changes and not log.done
    assert service.load_scenario(demo_store, agreed.id) == agreed


def _every_table(store):
    """Every table's rows (the internal draft of the working inputs too), for "undo puts the file back exactly". Not
    the name and year typed in Working on, which no undo puts back: they are kept as the window shows them (s58)."""
    names = [r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' "
                                      "AND name NOT LIKE 'sqlite_%' "
                                      "AND name NOT IN ('audit_log', '_sqlite_migrations') ORDER BY name")]
    return {t: sorted((row for row in map(tuple, store.rows(f'SELECT * FROM "{t}"'))
                       if not (t == "_allocation_draft" and row[0] == "working_on")), key=repr) for t in names}


def test_undo_of_save_new_scenario_puts_every_table_back_exactly(presenter, demo_store, log):
    """Found by a tester: undoing "Save new scenario" left a row in the working inputs' draft table (its origin),
    written by the undo's refresh."""
    before = _every_table(demo_store)
    assert presenter.save_as_new("Option 3", "2009/10")
    after = _every_table(demo_store)
    log.undo()
    assert _every_table(demo_store) == before
    assert service.load_draft_working_on(demo_store) == ("Option 3", "2009/10")  # as Working on still shows
    log.redo()
    assert _every_table(demo_store) == after
    presenter.edit(lambda s: bench.with_option(s, "retain", "12"), "Change Retained %")  # an edit, undone, too
    log.undo()
    assert _every_table(demo_store) == after


def test_the_typed_name_is_kept_through_edits_and_save_adds_a_new_scenario(presenter, demo_store, log):
    """Found by a tester: a name typed for a variant went back to the loaded scenario's at the next edit, and Save
    then overwrote the loaded scenario."""
    exact = next(s for s in service.list_scenarios(demo_store) if "exact" in s.title)
    presenter.open(exact.id)
    assert (presenter.name, presenter.year) == (exact.name, exact.year)
    presenter.set_name("Option 3 - 12% retained")
    presenter.edit(lambda s: bench.with_option(s, "retain", "12"), "Change Retained %")
    assert presenter.name == "Option 3 - 12% retained" and presenter.year == exact.year
    loaded = presenter.loaded
    assert presenter.save(presenter.name, presenter.year)
    assert service.load_scenario(demo_store, exact.id) == loaded  # not overwritten
    assert presenter.loaded.name == "Option 3 - 12% retained" and len(titles(demo_store)) == 3
    log.undo()  # the save
    assert presenter.name == "Option 3 - 12% retained"  # the typed name stays, as before the save
    log.undo()
    log.undo()  # the open: the name it replaced comes back
    assert presenter.name == presenter.loaded.name != exact.name


def test_the_result_pages_speak_the_lists_words_and_say_how_odd_pence_fall(presenter, demo_store):
    from safer_desk.presenters.allocation import comparison_note, top_slice_note

    first, second = [service.load_scenario(demo_store, s.id) for s in service.list_scenarios(demo_store)[:2]]
    note = comparison_note(first, second)
    assert "exact" not in note.replace("Exact", "") and "percent-2dp" not in note
    assert "Exact shares" in note and "Shares to 0.01%" in note
    fields = {"total": "£2,900,692", "slice": "50", "slice_label": "LSP share", "retained": "10", "partners": "7",
              "scenario": "20"}
    note = top_slice_note(fields)
    assert "£1,305,311.40 does not split into 7 equal shares to the penny" in note
    assert "2 get £186,473.05 and 5 get £186,473.06" in note
    assert top_slice_note({**fields, "partners": "9"}) == "" and top_slice_note({**fields, "partners": "x"}) == ""


def test_undo_of_a_delete_or_an_agreed_mark_names_the_scenario(presenter, demo_store, log):
    """Edit > Undo read "Undo delete scenario": with several saved, nobody could tell which one it brings back."""
    agreed = presenter.loaded
    assert presenter.save("Keep 5%", agreed.year)
    kept = presenter.loaded
    presenter.adopt(kept.id)
    assert log.undo_text == f"Undo mark scenario {kept.title} as agreed"
    presenter.unadopt(kept.id)
    assert log.undo_text == f"Undo unmark scenario {kept.title} as agreed"
    presenter.delete(kept.id)
    assert log.undo_text == f"Undo delete scenario {kept.title}"
    log.undo()
    assert service.load_scenario(demo_store, kept.id).name == "Keep 5%"
