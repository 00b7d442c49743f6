"""The project editor's *Areas covered* field showed "Countywide; Ipswich" as its example to every office: a Plymouth
or Cardiff officer was shown a Suffolk district to type. The example names the office's own areas."""

from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import reference as ref


def test_the_example_names_the_office_s_own_areas(store):
    presenter = ProjectsPresenter(store)
    assert presenter.editor.areas_placeholder == "Countywide, or areas separated by ;"  # no office named yet
    ref.set_office_scope(store, districts=["Plymouth"])  # a unitary naming no county: its county-wide is its own
    presenter.file_changed()
    assert presenter.editor.areas_placeholder == "Plymouth"
    ref.set_office_scope(store, districts=["Cardiff", "Vale of Glamorgan"])
    presenter.file_changed()
    assert presenter.editor.areas_placeholder == "Cardiff; Vale of Glamorgan"
    ref.set_office_scope(store, districts=["Cherwell"], county="Oxfordshire")
    presenter.file_changed()
    assert presenter.editor.areas_placeholder == "Countywide; Cherwell"


def test_the_editor_shows_a_plymouth_office_its_own_example(window, qtbot, tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "plymouth.sqlite"
    store = open_store(path, create=True)
    ref.set_office_scope(store, districts=["Plymouth"])
    store.close()
    assert window.open_path(path)
    page = window.show_tab("projects").register
    page.add_project()
    assert page.editor.widgets["areas"].placeholderText() == "Plymouth"
    assert "Ipswich" not in page.editor.widgets["areas"].placeholderText()
