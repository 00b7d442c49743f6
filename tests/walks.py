"""What the random walks of the tests share: hypothesis's settings for a walk, and one step with its undo and redo."""

from __future__ import annotations

import contextlib
import os
import random
from typing import Any, Callable

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st


def walk_settings(examples: int):
    """A walk is drawn from a seed: no shrinking (a shorter walk is another walk), no deadline.
    SAFER_DESK_WALK_EXAMPLES=N runs every walk N times instead (a longer hunt than the suite's)."""
    examples = int(os.environ.get("SAFER_DESK_WALK_EXAMPLES") or examples)
    return settings(max_examples=examples, deadline=None, phases=(Phase.explicit, Phase.reuse, Phase.generate),
                    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def walk_test(examples: int):
    """A walk of up to forty steps on its own copy of a file: hypothesis draws the seed and the number of steps
    (the test takes ``seed`` and ``steps``, and usually opens ``walked_copy``)."""
    def wrap(test):
        return walk_settings(examples)(given(seed=st.integers(0, 2**32 - 1), steps=st.integers(10, 40))(test))
    return wrap


@contextlib.contextmanager
def walked_copy(tmp_path_factory, source, seed: int):
    """``walk_on_copy``, closed when the walk ends however it ends."""
    store, rng = walk_on_copy(tmp_path_factory, source, seed)
    try:
        yield store, rng
    finally:
        store.close()


def walk_step(log, rng: random.Random, state: Callable[[], Any], check: Callable[[], None], done: list[str],
              take_step: Callable[[], str | None], history: list | None = None) -> None:
    """One thing a person does through a presenter whose ``perform`` is ``log`` (an ActionLog), then checked.

    A step that did nothing (refused, or nothing to change) leaves ``state()`` as it was; otherwise, now and then,
    Edit > Undo must give back the state before it exactly, and Redo the state after it. A step that changed
    something adds its states before and after to ``history``, for ``unwind`` at the walk's end.
    """
    before, size = state(), len(log.done)
    said = take_step()
    if said is not None:
        done.append(said)
    if len(log.done) == size:
        assert state() == before, done
        check()
        return
    assert len(log.done) == size + 1, ("one step of Edit > Undo for one change", done)
    after = state()
    if history is not None:
        history.append((before, after))
    check()
    if rng.random() < 0.3:
        log.undo()
        done.append("undo")
        assert state() == before, done
        check()
        log.redo()
        done.append("redo")
        assert state() == after, done
        check()


def unwind(log, history: list, state: Callable[[], Any], check: Callable[[], None], done: list[str]) -> None:
    """The walk's end: Edit > Undo all the way back, then Redo all the way forward. Each undo, however many steps
    came after its own, must give back exactly the state before its step, and each redo the state after it."""
    assert len(log.done) >= len(history) and not log.undone, done  # the log may hold steps from before the walk
    for i, (before, after) in reversed(list(enumerate(history))):
        assert state() == after, (f"before undoing step {i + 1} of {len(history)}", done)
        log.undo()
        check()
        assert state() == before, (f"undoing step {i + 1} of {len(history)}, all later steps undone", done)
    for i, (before, after) in enumerate(history):
        log.redo()
        check()
        assert state() == after, (f"redoing step {i + 1} of {len(history)}, all earlier steps redone", done)


def walk_on_copy(tmp_path_factory, source, seed: int):
    """A walk's own copy of a file, opened, and the random numbers its steps are drawn from."""
    import shutil

    from safer_desk.storage.store import open_store

    path = tmp_path_factory.mktemp("walk") / "office.sqlite"
    shutil.copyfile(source, path)
    return open_store(path), random.Random(seed)
