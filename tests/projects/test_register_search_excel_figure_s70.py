"""Session 70: the register's search finds a project by a bare figure as a spreadsheet writes it ("125000" for the
£125,000 shown), but not one with pence: the export's Cost min for £75,000.50 is 75000.5, which Excel shows so, and
"75000.5" found nothing (though "£75,000.5" and "75000.50" did). A figure with one decimal place is the amount too."""

from __future__ import annotations

import pytest

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.storage.store import open_store


@pytest.fixture
def register(tmp_path):
    store = open_store(tmp_path / "plymouth.sqlite", create=True, office_name="Plymouth office")
    presenter = ProjectsPresenter(store, perform=ActionLog())
    presenter.reload()
    for title, cost in [("Therapeutic counselling", "£75,000.50"), ("Healthy relationships", "£75,000")]:
        presenter.add_project()
        presenter.editor.set_value("title", title)
        presenter.editor.set_value("cost", cost)
        assert presenter.editor.save()
    yield presenter
    store.close()


def _found(register, text: str) -> list[str]:
    accept = register.filter_predicate(text=text)
    return sorted(p.title for p in register.rows if accept(p))


@pytest.mark.parametrize("typed", ["75000.5", "75,000.5", "75000.50", "£75,000.5"])
def test_a_figure_with_pence_as_a_spreadsheet_shows_it_finds_the_project(register, typed):
    assert _found(register, typed) == ["Therapeutic counselling"]


def test_a_whole_figure_still_finds_only_the_whole_amount(register):
    assert _found(register, "75000") == ["Healthy relationships"]
