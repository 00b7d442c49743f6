"""One shape for every change a person makes: a named action built from a service's do/undo pair.

Presenters build an ``Action`` and hand it to their ``perform`` function. In the window that
function pushes it on the undo stack as one ``QUndoCommand`` (``ui.kit.undo.push_action``), so
Edit > Undo names it and brings its tab into view; in tests it simply runs ``do``.
"""

from __future__ import annotations

from typing import Any, Callable


def user_action(label: str):
    """``services.history.user_action``, imported on the first action: the history (its records and readers) is
    start-up time the first screen does not need."""
    from safer_desk.services.history import user_action as grouped

    return grouped(label)


class Action:
    """``text`` names the action as the Edit menu says it ("Save project Suffolk Strive").

    ``do`` performs it (and is called again on redo), ``undo`` reverses it, ``after`` refreshes
    the screen after either; ``tab`` is the key of the tab where it happened.

    A plain class: this module loads at every start, and Python 3.11 compiles a dataclass's methods as it is made
    (2 M instructions); no action is made before the first screen.
    """

    def __init__(self, text: str, do: Callable[[], Any], undo: Callable[[], Any], tab: str = "",
                 after: Callable[[], None] | None = None, changed_nothing: bool = False) -> None:
        self.text = text
        self.do = do
        self.undo = undo
        self.tab = tab
        self.after = after
        # Set by its first ``do`` when the file is as it was (figures saved as held): no step to undo, Redo kept.
        self.changed_nothing = changed_nothing
        # Where on its tab it happened ("register" on Projects), and the records it changed (the projects' ids): an
        # undo asks only about unsaved edits there, and chooses every one of them again.
        self.page = ""
        self.keys: tuple[str, ...] = ()

    def perform_do(self) -> Any:
        """``do``, with every audit entry it writes grouped as this one action in the file's history."""
        with user_action(self.text):
            return self.do()

    def perform_redo(self) -> Any:
        """``do`` again after an undo, named "Redo …" in the history (as the Edit menu says it), so a redo does not
        read as the action made a second time by hand."""
        with user_action(f"Redo {lower_first(self.text)}"):
            return self.do()

    def perform_undo(self) -> Any:
        with user_action(f"Undo {lower_first(self.text)}"):  # as the Edit menu says it
            return self.undo()


def run_now(action: Action) -> Any:
    """The ``perform`` used without a window: do the action and refresh."""
    result = action.perform_do()
    if action.after is not None:
        action.after()
    return result


def snapshot_action(text: str, *, key: Any, snap: Callable[[Any], Any], restore: Callable[[Any], None],
                    absent: Callable[[Any], Any], change: Callable[[], Any],
                    after: Callable[[Any], None], tab: str = "") -> Action:
    """One undoable step whose undo and redo put back the rows of one record (or several) as they were.

    The first ``do`` makes the change through the service (a refusal raises, nothing is done);
    redo and undo restore the snapshots taken either side, so a redo gives back the very rows the change made
    (a new row's id included, which later actions on the stack name). ``key`` names the record (or a tuple of
    records), or None when the change creates it (its id is what the change returns); ``after`` gets that key;
    ``tab``: where it happened.
    """
    state: dict[str, Any] = {}

    def do() -> Any:
        if "after" in state:
            restore(state["after"])
            return state["result"]
        before = snap(key) if key else None
        result = change()
        k = key or result
        state.update(before=before if before is not None else absent(k), after=snap(k), key=k, result=result)
        action.changed_nothing = state["before"] == state["after"]
        return result

    def undo() -> None:
        restore(state["before"])

    action = Action(text, do, undo, tab, after=lambda: after(state.get("key")))
    return action


class ActionLog:
    """A ``perform`` for tests: does each action and keeps it, so a test can undo and redo it."""

    def __init__(self) -> None:
        self.done: list[Action] = []
        self.undone: list[Action] = []

    def __call__(self, action: Action) -> Any:
        result = run_now(action)
        if action.changed_nothing:  # as the window's stack keeps it: not a step
            return result
        self.done.append(action)
        self.undone.clear()
        return result

    @property
    def undo_text(self) -> str:
        return f"Undo {lower_first(self.done[-1].text)}" if self.done else ""

    def undo(self) -> Action:
        """Undo the last action; refused (it raises), it stays the one to undo, as Edit > Undo keeps offering it."""
        action = self.done[-1]
        action.perform_undo()
        self.done.pop()
        if action.after is not None:
            action.after()
        self.undone.append(action)
        return action

    def redo(self) -> Action:
        """Redo the last action undone; refused (it raises), it stays the one to redo."""
        action = self.undone[-1]
        action.perform_redo()
        self.undone.pop()
        if action.after is not None:
            action.after()
        self.done.append(action)
        return action


def lower_first(text: str) -> str:
    """"Save project X" → "save project X", but "DHR …" stays as it is (an acronym)."""
    if len(text) > 1 and text[0].isupper() and text[1].islower():
        return text[0].lower() + text[1:]
    return text


def change_text(changed: list[tuple[str, str | None]], of: str) -> str:
    """A correction as Edit > Undo and the History of Changes name it, saying what it changed: one field with its new
    value ("Change cost of 17. Outreach worker to £30,000"; "" taken out, said "to (blank)" as the History's detail
    says it; None where the value is not said, free text or people's names: "Change notes of …"), two or three by
    name ("Change cost and status of …"), more counted ("Change cost, status and 2 more of …"). ``changed``: (the
    field's words, its new value) in the form's order."""
    names = [name for name, _value in changed]
    if len(names) == 1:
        value = changed[0][1]
        return f"Change {names[0]} of {of}" + ("" if value is None else f" to {value or '(blank)'}")
    if len(names) > 3:
        names = [*names[:2], f"{len(changed) - 2} more"]
    return f"Change {', '.join(names[:-1])} and {names[-1]} of {of}"
