"""Round 36 (helper prr): the register's one-ref rule kept below the window.

The Projects window refused a second project whose ref reads the same ("csp 01" beside "CSP-01", "01" beside "1"),
but the services it calls (``save_project``, ``add_projects``) took one from any other caller: a script, a later
command, the example data. The rule is the service's now, with the window's words; a ref kept as the file holds it
is never asked about (a county file's merged districts may each have a "1").
"""

from __future__ import annotations

import pytest

from safer_desk.services import projects as svc

TAKEN_BY_HOMESHIELD = ("“{typed}” is the ref of 1. Homeshield Plus: give this project a ref of its own, or leave Ref "
                       "blank.")


def by_title(store, title: str) -> svc.Project:
    return next(p for p in svc.load_projects(store) if p.title == title)


def test_save_project_refuses_a_new_project_whose_ref_reads_as_one_the_register_has(demo_store):
    before = len(svc.load_projects(demo_store))
    for typed in ("01", " 1 ", "001"):
        new = svc.project_from_fields({"title": "Street pastors", "ref": typed})
        with pytest.raises(svc.FieldProblems) as refused:
            svc.save_project(demo_store, new)
        assert refused.value.by_field == {"ref": TAKEN_BY_HOMESHIELD.format(typed=new.ref)}
        assert str(refused.value) == "Ref: " + TAKEN_BY_HOMESHIELD.format(typed=new.ref)
    assert len(svc.load_projects(demo_store)) == before


def test_save_project_refuses_a_ref_changed_to_anothers_and_keeps_the_file_as_it_was(demo_store):
    elev8 = by_title(demo_store, "Suffolk ELEV8")
    changed = svc.project_from_fields({"ref": "01"}, base=elev8)
    with pytest.raises(svc.FieldProblems) as refused:
        svc.save_project(demo_store, changed, loaded=elev8)
    assert refused.value.by_field == {"ref": TAKEN_BY_HOMESHIELD.format(typed="01")}
    assert by_title(demo_store, "Suffolk ELEV8").ref == "5"
    # Without ``loaded`` (a caller that writes the record whole) it is refused the same way.
    with pytest.raises(svc.FieldProblems):
        svc.save_project(demo_store, changed)
    # Another ref of its own, or a blank one, is saved.
    assert svc.save_project(demo_store, svc.project_from_fields({"ref": "5a"}, base=elev8), loaded=elev8).ref == "5a"


def test_a_ref_kept_as_the_file_holds_it_is_not_asked_about(demo_store):
    """A county file holds two districts' "1": either is edited and saved with its ref as it is."""
    elev8 = by_title(demo_store, "Suffolk ELEV8")
    with demo_store.transaction():  # as a merge of two districts' files leaves it
        demo_store.conn.execute("UPDATE projects SET ref = '01' WHERE id = ?", (elev8.id,))
    elev8 = by_title(demo_store, "Suffolk ELEV8")
    saved = svc.save_project(demo_store, svc.project_from_fields({"notes": "Second year agreed."}, base=elev8),
                             loaded=elev8)
    assert (saved.ref, saved.notes) == ("01", "Second year agreed.")
    assert svc.save_project(demo_store, replace_title(saved, "Suffolk ELEV8 (year 2)")).ref == "01"
    assert svc.add_projects(demo_store, [replace_title(saved, "Suffolk ELEV8 (year 2, again)")]) == [saved.id]


def replace_title(project, title):
    from dataclasses import replace

    return replace(project, title=title)


def test_add_projects_refuses_a_held_ref_or_two_rows_of_one_ref_and_adds_nothing(demo_store):
    before = len(svc.load_projects(demo_store))
    one = svc.project_from_fields({"title": "Street pastors", "ref": "CSP-01"})
    two = svc.project_from_fields({"title": "Night safety", "ref": "csp 01"})
    held = svc.project_from_fields({"title": "Homeshield again", "ref": "1"})
    with pytest.raises(svc.FieldProblems) as refused:
        svc.add_projects(demo_store, [one, two])
    assert refused.value.by_field == {"ref": "“csp 01” is the ref of CSP-01. Street pastors, also being added: give "
                                             "this project a ref of its own, or leave Ref blank."}
    with pytest.raises(svc.FieldProblems) as refused:
        svc.add_projects(demo_store, [one, held])
    assert refused.value.by_field == {"ref": TAKEN_BY_HOMESHIELD.format(typed="1")}
    assert len(svc.load_projects(demo_store)) == before
    blank = svc.project_from_fields({"title": "Night safety"})
    assert svc.add_projects(demo_store, [one, blank]) == [one.id, blank.id]
    assert len(svc.load_projects(demo_store)) == before + 2


def test_the_example_data_and_a_fresh_file_take_their_projects(tmp_path):
    from safer_desk.services.demo import build_demo
    from safer_desk.storage.store import open_store

    store = open_store(build_demo(tmp_path / "example.sqlite"))
    try:
        refs = [p.ref for p in svc.load_projects(store)]
    finally:
        store.close()
    assert len(refs) == 23 and len({svc.ref_key(r) for r in refs}) == 23
