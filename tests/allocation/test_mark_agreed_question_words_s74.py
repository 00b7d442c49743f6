"""Mark as agreed on the scenario worked on, its inputs changed on screen since it was saved, asks first; its answer
button read "Mark it as saved", which an officer took for saving the figures on screen (and Enter pressed it): the
mark then went on the figures as saved, not those shown. The button says what it does: "Mark the saved one as agreed";
the question still says to save first to agree the figures on screen."""
from __future__ import annotations

import pytest

from safer_desk.services import allocation as service
from safer_desk.ui import prompts as prompts_module


@pytest.fixture
def tab(demo_window):
    return demo_window.show_tab("allocation")


def test_mark_as_agreed_over_changed_inputs_names_the_saved_one(monkeypatch, tab):
    agreed = next(s for s in service.list_scenarios(tab.store) if s.adopted)
    tab.presenter.open(agreed.id)
    tab.adopt_selected_scenario()  # its mark taken off (Unmark as agreed)
    assert not any(s.adopted for s in service.list_scenarios(tab.store))
    assert tab.edit_input(0, "previous", "£80,000")  # the figures on screen are not the saved ones now
    asked = []

    def ask(parent, title, text, **kwargs):
        asked.append((title, text, kwargs))
        return True

    monkeypatch.setattr(prompts_module, "ask", ask)
    tab.adopt_selected_scenario()
    [(title, text, kwargs)] = asked
    assert "not the figures on screen" in text
    assert kwargs["yes"] == "Mark the saved one as agreed"
    assert "as saved" not in kwargs["yes"]
    assert [s.id for s in service.list_scenarios(tab.store) if s.adopted] == [agreed.id]
