"""Session 68: "Not stated" typed in a project's Cost.

The register's Cost column shows "Not stated" for a project whose paper gives no figure (Plymouth's P4 to P8, seed
003). An officer typing those words in the editor's Cost was told "“Not stated” is not an amount of money (try a
form like £1,234.56)", as if a figure had to be made up; "Tbc" there was already told to leave the amount blank
until it is known. "Not stated" (and "not given", "not specified") is now said the same way; left blank with the
words in Cost note, the project saves and the register shows them.
"""

from __future__ import annotations

import pytest

from safer_desk.domain.money import MoneyError, parse_cost
from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.projects import ProjectsPresenter
from safer_desk.storage.store import open_store

LEAVE_IT_BLANK = ("is not an amount of money: it says the figure is not known yet. Leave the amount blank until it "
                  "is known (type £0 only if there is none).")


@pytest.mark.parametrize("typed", ["Not stated", "not stated.", "Not given", "Not specified", "not yet stated"])
def test_not_stated_is_said_as_a_figure_not_known(typed):
    with pytest.raises(MoneyError) as said:
        parse_cost(typed)
    assert str(said.value) == f"“{typed}” {LEAVE_IT_BLANK}"


def test_the_editor_says_leave_cost_blank_and_saves_the_words_as_its_note(tmp_path):
    store = open_store(tmp_path / "plymouth.sqlite", create=True, office_name="Plymouth office")
    try:
        register = ProjectsPresenter(store, perform=ActionLog())
        register.reload()
        register.add_project()
        register.editor.set_value("title", "Anti-social behaviour case management")
        register.editor.set_value("cost", "Not stated")
        assert not register.editor.save()
        assert register.editor.errors == {"cost": f"“Not stated” {LEAVE_IT_BLANK}"}
        register.editor.set_value("cost", "")
        register.editor.set_value("cost_note", "Not stated")
        assert register.editor.save()
        saved = register.rows[0]
        assert (saved.cost, saved.cost_note) == (None, "Not stated")
    finally:
        store.close()
