"""The presenters' test stand-in for the undo stack keeps a refused step where it was, as Edit > Undo does."""

import pytest

from safer_desk.presenters.actions import Action, ActionLog


def test_a_refused_undo_or_redo_keeps_its_step():
    state = {"undo refused": True, "redo refused": False, "value": 0}

    def do():
        if state["redo refused"]:
            raise ValueError("redo refused")
        state["value"] = 1

    def undo():
        if state["undo refused"]:
            raise ValueError("undo refused")
        state["value"] = 0

    log = ActionLog()
    log(Action("Set it", do, undo))
    with pytest.raises(ValueError, match="undo refused"):
        log.undo()
    assert log.undo_text == "Undo set it" and state["value"] == 1  # still offered, nothing changed
    state["undo refused"] = False
    log.undo()
    assert state["value"] == 0 and log.undone and not log.done
    state["redo refused"] = True
    with pytest.raises(ValueError, match="redo refused"):
        log.redo()
    assert len(log.undone) == 1 and not log.done
    state["redo refused"] = False
    log.redo()
    assert state["value"] == 1 and log.done and not log.undone
