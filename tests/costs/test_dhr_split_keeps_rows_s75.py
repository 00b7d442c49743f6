"""Session 75: a review's split saved keeps its percentages' rows.

Costs > a review > Split…, Save with nothing changed: the save deleted every partner's percentage and added it again
under a new id, so the file's audit trail (what the county is sent, what `safer-desk check` reads) recorded
percentages removed and added that nobody removed or added, and Edit > Undo offered a step that changed nothing.
Now only a percentage added, changed or taken out is written, as an award's years and a project's cost lines are;
the odd penny stays with the partner it was with.
"""

from __future__ import annotations

from datetime import date

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from safer_desk.presenters.actions import ActionLog
from safer_desk.presenters.dhr import DhrPresenter, SplitKind
from safer_desk.services import dhr

TODAY = date(2024, 12, 7)
PARTNERS = ("org:devon-and-cornwall-police", "org:devon-and-cornwall-police-and-crime-commissioner",
            "org:devon-and-somerset-fire-and-rescue-service", "org:nhs-devon-icb", "org:national-probation-service",
            "org:plymouth-city-council")


def _review(store) -> str:
    case_id = dhr.add_case(store, reference="SP-DHR-2024-05", district="Plymouth", partnership="Safer Plymouth",
                           lead_organisation="Plymouth City Council", notified_on="2024-05-02")
    dhr.add_cost_line(store, case_id, category="Independent chair/author", amount="7525.58", invoiced_on="2024-09-30")
    return case_id


def _rows(store, case_id):
    return sorted(map(tuple, store.conn.execute(
        "SELECT id, organisation_id, percent_bp FROM dhr_split_percentages WHERE case_id = ?", (case_id,))))


def _mark(store) -> int:
    return store.scalar("SELECT coalesce(max(id), 0) FROM audit_log")


def _entries_since(store, mark):
    return sorted(map(tuple, store.conn.execute(
        "SELECT table_name, action, column_name FROM audit_log WHERE id > ?", (mark,))))


def test_split_saved_unchanged_writes_nothing_to_the_audit_trail(demo_store):
    case_id = _review(demo_store)
    log = ActionLog()
    reviews = DhrPresenter(demo_store, today=lambda: TODAY, perform=log)
    reviews.reload()
    reviews.select(case_id)
    split = reviews.split_form()
    split.set_kind(SplitKind.PERCENTAGES)
    for oid, pct in zip(PARTNERS, ("30", "20", "15", "15", "10", "10")):
        split.set_percent(oid, pct)
    assert split.save(), split.form_message
    rows, shares, mark = _rows(demo_store, case_id), dhr.proposed_shares(demo_store, case_id), _mark(demo_store)
    steps = [a.text for a in log.done]

    again = reviews.split_form()
    assert again.kind == SplitKind.PERCENTAGES and not again.is_dirty
    assert again.save(), again.form_message
    assert _entries_since(demo_store, mark) == []
    assert [a.text for a in log.done] == steps  # the file as it was: no step of Edit > Undo
    assert _rows(demo_store, case_id) == rows
    assert dhr.proposed_shares(demo_store, case_id) == shares


def test_one_percentage_changed_is_that_one_row_changed(demo_store):
    case_id = _review(demo_store)
    dhr.set_split_rule(demo_store, case_id, "percentages",
                       percentages=dict(zip(PARTNERS, ("30", "20", "15", "15", "10", "10"))))
    ids = {oid: rid for rid, oid, _ in _rows(demo_store, case_id)}
    mark = _mark(demo_store)
    dhr.set_split_rule(demo_store, case_id, "percentages",
                       percentages=dict(zip(PARTNERS, ("25", "25", "15", "15", "10", "10"))))
    assert {oid: rid for rid, oid, _ in _rows(demo_store, case_id)} == ids
    assert _entries_since(demo_store, mark) == [("dhr_split_percentages", "update", "percent_bp")] * 2
    mark = _mark(demo_store)
    dhr.set_split_rule(demo_store, case_id, "equal")  # equal shares: the percentages go, the case's rule changes
    assert _rows(demo_store, case_id) == []
    assert _entries_since(demo_store, mark) == sorted(
        [("dhr_cases", "update", "split_rule")] + [("dhr_split_percentages", "delete", None)] * 6)


def _percentages():
    """Six whole-basis-point percentages adding up to 100%, some maybe 0%."""
    return st.lists(st.integers(0, 10000), min_size=5, max_size=5).map(sorted).map(
        lambda cuts: [b - a for a, b in zip([0, *cuts], [*cuts, 10000])])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(bps=_percentages(), pence=st.integers(0, 5_000_000), reverse=st.booleans())
def test_a_resave_keeps_every_penny_where_it_was(demo_store, bps, pence, reverse):
    case_id = dhr.case_id_by_reference(demo_store, "SP-DHR-2024-05") or _review(demo_store)
    demo_store.conn.execute("UPDATE dhr_cost_lines SET amount_pence = ? WHERE case_id = ?", (pence, case_id))
    typed = dict(zip(PARTNERS, bps))
    dhr.set_split_rule(demo_store, case_id, "percentages", percentages=typed)
    rows, shares, mark = _rows(demo_store, case_id), dhr.proposed_shares(demo_store, case_id), _mark(demo_store)
    assert sum(shares.values()) == pence
    # the same split saved again, the partners given in another order: nothing written, no penny moved
    again = dict(reversed(typed.items())) if reverse else typed
    dhr.set_split_rule(demo_store, case_id, "percentages", percentages=again)
    assert _entries_since(demo_store, mark) == []
    assert _rows(demo_store, case_id) == rows
    assert dhr.proposed_shares(demo_store, case_id) == shares
    assert dhr.split_rule(demo_store, case_id).percent_bp == dict(sorted(typed.items()))
