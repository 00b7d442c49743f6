"""Shared by the register's search tests: the example's register as its presenter reads it, and what a search keeps."""

from __future__ import annotations

import pytest

from safer_desk.presenters.projects import ProjectsPresenter


def kept(register: ProjectsPresenter, text: str) -> list[str]:
    """The titles the register's search for ``text`` keeps, sorted."""
    keep = register.filter_predicate(text=text)
    return sorted(p.title for p in register.rows if keep is None or keep(p))


@pytest.fixture
def register(demo_store):
    presenter = ProjectsPresenter(demo_store)
    presenter.reload()
    return presenter
