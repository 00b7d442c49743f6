"""Fixtures the Budgets tab's window tests share."""

import pytest


@pytest.fixture
def empty_tab(new_file_window):
    """The Budgets tab of a new, empty file (tests/conftest.py's new_file_window)."""
    return new_file_window.show_tab("budgets")


def choose_mtfp(tab):
    """The East Sussex MTFP chosen in the plan list: the plan these tests were written on (the example, a Suffolk
    office's file, opens on its own Western Suffolk plan, East Sussex's listed after it)."""
    at = next(i for i in range(tab.plan_list.count()) if "MTFP" in tab.plan_list.item(i).text())
    tab.plan_list.setCurrentRow(at)
    assert "MTFP" in tab.presenter.view.plan.name
    return tab


def mtfp(presenter):
    """The presenter on the East Sussex MTFP (as ``choose_mtfp``)."""
    presenter.select(next(p.id for p in presenter.plans if "MTFP" in p.name))
    return presenter


@pytest.fixture
def tab(demo_window):
    """The example's Budgets tab in a desk-sized window, on the East Sussex MTFP (``choose_mtfp``)."""
    demo_window.resize(1280, 800)
    demo_window.show()
    return choose_mtfp(demo_window.show_tab("budgets"))
