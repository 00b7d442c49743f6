"""View > History of Changes read as a county lead checking a busy file (round 28).

Found by reading the History of a file whose trail had grown: the window read a fixed number of the trail's rows
(50 per action shown), so an action that wrote more rows than that (an indicator sheet of figures, a paste of many
rows) was counted short ("Added 150 partners" for 160), and the actions before it were left out without the
"older ones are in the file" note, as if the file had no more history.
"""

from safer_desk.presenters.history import HistoryPresenter, history_lines
from safer_desk.services import reference as ref
from safer_desk.services.history import actions, user_action


def _add_partners(store, label: str, count: int) -> None:
    with user_action(label):
        for i in range(count):
            ref.add_organisation(store, f"{label} partner {i:03d}", "other")


def test_an_action_larger_than_the_rows_read_per_action_is_counted_whole_and_older_ones_still_listed(store):
    _add_partners(store, "First", 1)
    _add_partners(store, "Sheet", 160)  # more than the 150 rows (50 per action) once read for 3
    _add_partners(store, "Last", 1)

    read = actions(store, limit=3)
    assert [a.label for a in read] == ["Last", "Sheet", "First"]
    assert len(read[1].entries) == 160

    lines = history_lines(store, limit=3)
    assert [line.action for line in lines] == ["Last", "Sheet", "First"]
    assert lines[1].summary == "Added 160 partners"
    assert len(lines[1].details) == 160 and lines[1].entries == 160


def test_the_window_counts_the_actions_before_a_large_one_and_says_older_ones_are_in_the_file(store):
    _add_partners(store, "Older", 1)
    _add_partners(store, "First", 1)
    _add_partners(store, "Sheet", 160)
    _add_partners(store, "Last", 1)
    presenter = HistoryPresenter(store, limit=3)
    assert [line.action for line in presenter.load()] == ["Last", "Sheet", "First"]
    assert presenter.count_text(3) == "3 actions (the 3 most recent actions; older ones are in the file)"
