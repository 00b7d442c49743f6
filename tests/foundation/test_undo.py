import pytest
from PySide6.QtGui import QUndoStack

from safer_desk.ui.kit.undo import push_service_action as push_service_command


class Refused(ValueError):
    pass


def test_an_action_is_done_and_undone_through_the_stack(qtbot):
    stack = QUndoStack()
    state, refreshed = [], []
    push_service_command(stack, "Add", lambda: state.append(1), lambda: state.pop(), lambda: refreshed.append(1))
    assert state == [1] and stack.count() == 1 and stack.undoText() == "Add"
    stack.undo()
    assert state == [] and len(refreshed) == 2
    stack.redo()
    assert state == [1]


def test_a_refused_action_raises_its_own_message_and_leaves_nothing_to_undo(qtbot):
    stack = QUndoStack()
    push_service_command(stack, "First", lambda: None, lambda: None)

    def refuse():
        raise Refused("A payment of £700 is more than the £684.15 outstanding.")

    with pytest.raises(Refused) as err:
        push_service_command(stack, "Pay", refuse, lambda: None)
    assert str(err.value) == "A payment of £700 is more than the £684.15 outstanding."
    assert stack.count() == 1 and stack.undoText() == "First"
