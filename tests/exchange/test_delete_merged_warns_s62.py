"""S62 (county2): deleting at the county a record an office sent says, before it is done, that it will come back.

A county lead deleted Babergh's project from the county file's register (and Babergh's review from Costs > Reviews):
the window asked only "Delete project Babergh youth diversion from the register? (Edit > Undo puts it back.)". The
next merge of Babergh's export added it again, said only then, in the merge's words ("Added again, though deleted in
the county file since it was merged …"). A pooled fund merged from an office is refused outright ("It is the
office's to delete"); a project or review may be deleted, but the question now says first that the office's file
still has it and its next export puts it back, unless the office deletes it in its own file. A row typed in the county
file, and an office's own file, are asked about as before.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.ids import new_id
from safer_desk.presenters.dhr import DhrPresenter
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as service
from safer_desk.services.projects import Project
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import add_own_rows, export, merge, office_from, template

COMES_BACK = ("It was merged from Babergh office, whose file still has it: its next export, merged, puts it back. "
              "To remove it for good, ask Babergh office to delete it in its own file.")


@pytest.fixture
def county(tmp_path):
    base = template(tmp_path, months=["2025-04"], police=False)
    office = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        add_own_rows(office, "Babergh", fund=False)
        sent = export(office, tmp_path / "babergh-export.sqlite")
    finally:
        office.close()
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(store, [sent])
    store.sent = sent
    yield store
    store.close()


def _project_id(store, title):
    return next(p.id for p in service.load_projects(store) if p.title == title)


def test_deleting_an_offices_project_at_the_county_says_its_next_export_puts_it_back(county):
    presenter = ProjectsPresenter(county)
    presenter.reload()
    merged = _project_id(county, "Babergh youth diversion")
    question = presenter.delete_question([merged])
    assert question == (f"Delete project Babergh youth diversion from the register? {COMES_BACK} "
                        "(Edit > Undo puts it back.)")
    # What the question warns of is what happens: deleted here, it is added again by the office's next export.
    presenter.delete([merged])
    assert "Babergh youth diversion" not in [p.title for p in service.load_projects(county)]
    merge(county, [county.sent])
    assert "Babergh youth diversion" in [p.title for p in service.load_projects(county)]


def test_a_project_typed_in_the_county_file_is_asked_about_as_before(county):
    typed = Project(id=new_id(), title="County-wide review of diversion", areas=("Countywide",))
    service.add_projects(county, [typed])
    presenter = ProjectsPresenter(county)
    presenter.reload()
    assert presenter.delete_question([typed.id]) == ("Delete project County-wide review of diversion from the "
                                                     "register? (Edit > Undo puts it back.)")
    several = presenter.delete_question([typed.id, _project_id(county, "Babergh youth diversion")])
    assert several == ("Delete 2 projects (County-wide review of diversion and Babergh youth diversion) from the "
                       "register? 1 of them was merged from Babergh office, whose file "
                       "still has it: its next export, merged, puts it back. To remove it for good, ask Babergh office "
                       "to delete it in its own file. (Edit > Undo puts them back.)")


def test_deleting_an_offices_review_at_the_county_says_its_next_export_puts_it_back(county):
    presenter = DhrPresenter(county)
    presenter.reload()
    presenter.select(next(c.id for c in presenter.rows if c.reference == "BABERGH-DHR-2025-01"))
    question = presenter.delete_case_question()
    assert question.startswith(f"Delete BABERGH-DHR-2025-01 with its costs, shares and payments? {COMES_BACK} ")
    assert question.endswith("(Edit > Undo brings it back).")


def test_an_offices_own_file_is_asked_about_as_before(tmp_path):
    base = template(tmp_path, months=["2025-04"], police=False)
    office = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    try:
        add_own_rows(office, "Babergh", fund=False, review=False)
        presenter = ProjectsPresenter(office)
        presenter.reload()
        assert presenter.delete_question([_project_id(office, "Babergh youth diversion")]) == (
            "Delete project Babergh youth diversion from the register? (Edit > Undo puts it back.)")
    finally:
        office.close()


def test_deleting_an_offices_plan_at_the_county_says_its_next_export_puts_it_back(tmp_path):
    from safer_desk.presenters.budgets import BudgetsPresenter
    from safer_desk.services import budgets as b
    from tests.exchange.test_plans_at_the_county_s52 import office_plan

    sent = office_plan(tmp_path, "Babergh office", "A", plan="Babergh plan 2017/18 – 2019/20")
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(store, [sent])
        presenter = BudgetsPresenter(store)
        presenter.reload()
        presenter.select(b.plan_id_by_name(store, "Babergh plan 2017/18 – 2019/20"))
        assert presenter.delete_plan_question() == ("Delete the plan “Babergh plan 2017/18 – 2019/20” with its 3 "
                                                    f"lines? {COMES_BACK} Edit > Undo brings it back.")
    finally:
        store.close()
