"""The detail pane's copy without a window (session 69): an action holding victim-level detail is copied without it,
whatever part of its full text was selected, unless asked for; another action's selection is copied as selected."""

from __future__ import annotations

from safer_desk.presenters.history import HistoryPresenter, history_lines
from tests.presenters.test_history_privacy_round32hst import NOTE, _victim_level_actions


def test_the_detail_copied_leaves_the_victim_level_detail_out_unless_asked(demo_store):
    _victim_level_actions(demo_store)
    presenter = HistoryPresenter(demo_store)
    lines = history_lines(demo_store, limit=4)
    [case] = [line for line in lines if line.action.startswith("Save case")]
    full = presenter.detail_text(case)
    assert NOTE in full
    copied = presenter.detail_copied(case, NOTE[:20])  # a few words selected
    assert "Met the victim" not in copied and "victim-level detail left out" in copied
    assert copied == presenter.detail_text(case.shared)
    assert presenter.detail_copied(case, full, victim_level=True) == full
    [plain] = [line for line in lines if line.action.startswith("Rename plan")]
    assert presenter.detail_copied(plain, "ESCC") == "ESCC"
