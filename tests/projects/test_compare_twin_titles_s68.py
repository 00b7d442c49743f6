"""Compare two saved scenarios where two projects share a title (a second year's bid kept under the first's title, as
the editor allows once asked): the comparison listed "Homeshield Plus" twice, one £125,000 under A, the other under
B, with nothing to say which was which (the page's list has a Ref column; the comparison had none). A title two
rows share is now said with its ref ("1. Homeshield Plus"), as the page's messages name them (session 68)."""

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import projects as svc
from safer_desk.services import projects_commissioning as com


def test_projects_sharing_a_title_are_told_apart_by_their_ref(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.add_project()
    editor = presenter.editor
    editor.set_value("ref", "16")
    editor.set_value("title", "Homeshield Plus")
    editor.set_value("cost", "£40,000")
    assert editor.save() is False and editor.save() is True  # asked once, then kept
    projects = svc.load_projects(demo_store)
    first, second = (p for p in projects if p.title == "Homeshield Plus")
    a = com.evaluate(projects, 100_000_00, [com.ScenarioItem(first.id)], name="A")
    b = com.evaluate(projects, 100_000_00, [com.ScenarioItem(second.id), com.ScenarioItem(
        next(p.id for p in projects if p.title == "Suffolk Strive"))], name="B")
    rows = [(r.title, r.a_pence, r.b_pence) for r in com.compare(a, b)]
    assert rows[:3] == [("1. Homeshield Plus", 125_000_00, None), ("Suffolk Strive", None, 29_000_00),
                        ("16. Homeshield Plus", None, 40_000_00)]
    assert rows[3] == ("Total committed", 125_000_00, 69_000_00)
