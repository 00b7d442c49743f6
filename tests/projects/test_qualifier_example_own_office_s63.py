"""The project editor's criterion qualifiers showed "qualifier, e.g. for Ipswich only" to every office: a Plymouth or
Cardiff officer was shown a Suffolk district. The example names one of the office's own districts, or, where the
office is one area (or names none yet), the paper's other form, "(in some areas)"."""

from safer_desk.domain.projects import CRITERIA_KEYS
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.services import reference as ref


def test_the_example_names_one_of_the_office_s_own_districts(store):
    presenter = ProjectsPresenter(store)
    assert presenter.editor.qualifier_placeholder == "qualifier, e.g. (in some areas)"  # no office named yet
    ref.set_office_scope(store, districts=["Plymouth"])  # one area: "for Plymouth only" would be all of it
    presenter.file_changed()
    assert presenter.editor.qualifier_placeholder == "qualifier, e.g. (in some areas)"
    ref.set_office_scope(store, districts=["Cardiff", "Vale of Glamorgan"])
    presenter.file_changed()
    assert presenter.editor.qualifier_placeholder == "qualifier, e.g. for Cardiff only"


def test_the_editor_shows_a_cardiff_office_its_own_example(window, qtbot, tmp_path):
    from safer_desk.storage.store import open_store

    path = tmp_path / "cardiff.sqlite"
    store = open_store(path, create=True)
    ref.set_office_scope(store, districts=["Cardiff", "Vale of Glamorgan"])
    store.close()
    assert window.open_path(path)
    page = window.show_tab("projects").register
    page.add_project()
    shown = {page.editor.widgets[f"{key}_note"].placeholderText() for key in CRITERIA_KEYS}
    assert shown == {"qualifier, e.g. for Cardiff only"}
    assert all("Ipswich" not in page.editor.widgets[f"{key}_note"].toolTip() for key in CRITERIA_KEYS)
