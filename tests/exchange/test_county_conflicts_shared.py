"""Conflicts about something several offices hold (issue 13), on the real schema.

Babergh and Mid Suffolk both started from a file with the county-wide project 'Western Suffolk youth work' and
both sent it unchanged, so the county holds it for both. Then each changed its cost. Found by a random walk of
office edits, exports, merges and decisions:
- such a conflict was filed under "Reference data and shared definitions" (a project, a review's date, a share of
  a review's cost all were), not with the projects or the reviews, and its words were the table's columns
  ("cost kind amount, cost min £30,000, cost max £30,000");
- keeping "the district's version" of a group holding both offices' versions of the project kept Mid Suffolk's and
  recorded Babergh's as kept too; the next merge of Babergh's file raised it again;
- once the county's version changed (a decision kept one office's version, or the owner's newer file replaced it),
  the other office's open conflict still showed the county's old version: a decision on it was taken on a version
  the county no longer held, and the next merge raised it again.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from safer_desk.services import dhr
from safer_desk.services import projects as ps
from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from safer_desk.ui.main_window import undo_words
from tests.exchange.district_offices import Offices, export, merge, office_from, template

TITLE = "Western Suffolk youth work"
ALIKE = "in the county file, sent alike by Babergh office and Mid Suffolk office"  # both sent it (schema step 27)
# Both sent it, and Mid Suffolk now sends another version: the county's is Babergh's alone to ring about (round 49).
BABERGH = "from Babergh office"


def set_cost(store, text: str) -> None:
    p = ps.get_project(store, "p-shared")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": text}, base=p))


def mid_disagrees(offices: Offices) -> Path:
    """Babergh's project alone at the county; Mid Suffolk then sends it with a cost of £40,000 (its export)."""
    merge(offices.county, [offices.send(offices.babergh)])
    set_cost(offices.mid, "£40,000")
    sent = offices.send(offices.mid)
    merge(offices.county, [sent])
    return sent


@pytest.fixture
def both_changed(offices):
    """Both offices sent the project alike (the county holds it for both), then each changed its cost."""
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    set_cost(offices.babergh, "£30,000")
    set_cost(offices.mid, "£40,000")
    offices.b2, offices.m2 = offices.send(offices.babergh), offices.send(offices.mid)
    report = merge(offices.county, [offices.b2, offices.m2])
    assert report.refused == []
    return offices


def test_a_change_to_something_both_offices_hold_is_filed_with_its_kind_in_plain_words(both_changed):
    found = both_changed.about("projects")
    assert [(c.group, c.kind, c.office_name) for c in found] == [
        ("project", "differs", "Babergh office"), ("project", "differs", "Mid Suffolk office")]
    assert [c.detail for c in found] == [
        f"Project '{TITLE}': cost not stated {ALIKE}, £30,000 from Babergh office",
        f"Project '{TITLE}': cost not stated {ALIKE}, £40,000 from Mid Suffolk office"]
    assert both_changed.county_cost() is None  # nothing overwritten


def test_keeping_the_district_version_of_two_offices_different_versions_at_once_is_refused(both_changed):
    with pytest.raises(CountyError, match="Babergh office and Mid Suffolk office sent different versions") as caught:
        resolve_conflicts(both_changed.county, "district", which="project")
    numbers = [f"#{c.id}" for c in both_changed.about("projects")]
    assert all(n in str(caught.value) for n in numbers) and "Nothing was changed" in str(caught.value)
    assert len(both_changed.about("projects")) == 2 and both_changed.county_cost() is None
    # Keeping the county's version of both at once is one choice, and stands.
    resolve_conflicts(both_changed.county, "county", which="project")
    again = merge(both_changed.county, [both_changed.b2, both_changed.m2])
    assert again.conflicts == [] and both_changed.about("projects") == [], again.text()


def test_after_one_office_s_version_is_kept_the_other_office_s_conflict_reads_the_county_as_it_now_is(both_changed):
    babergh, mid = both_changed.about("projects")
    resolve_conflicts(both_changed.county, "district", which=babergh.id)
    assert both_changed.county_cost() == 3_000_000
    [left] = both_changed.about("projects")
    assert left.id == mid.id
    assert left.detail == f"Project '{TITLE}': cost £30,000 in the county file, £40,000 from Mid Suffolk office"
    # Decided on what the county holds, it stands when both files are merged again.
    resolve_conflicts(both_changed.county, "county", which=left.id)
    again = merge(both_changed.county, [both_changed.b2, both_changed.m2])
    assert again.conflicts == [] and list_conflicts(both_changed.county) == [], again.text()
    assert both_changed.county_cost() == 3_000_000


def test_a_conflict_whose_version_the_county_comes_to_hold_is_closed(offices):
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    set_cost(offices.babergh, "£30,000")
    set_cost(offices.mid, "£30,000")
    b2, m2 = offices.send(offices.babergh), offices.send(offices.mid)
    merge(offices.county, [b2])
    assert len(offices.about("projects")) == 1  # Mid Suffolk's file still says "not stated": a disagreement
    # Once both offices that hold it send £30,000, the county takes it: nothing is left to decide (s67).
    merge(offices.county, [m2])
    assert offices.about("projects") == [] and offices.county_cost() == 3_000_000
    assert merge(offices.county, [b2, m2]).conflicts == []


def test_a_newer_file_from_the_owner_updates_the_other_office_s_open_conflict(offices):
    m1 = mid_disagrees(offices)
    [before] = offices.about("projects")
    assert before.detail == f"Project '{TITLE}': cost not stated from Babergh office, £40,000 from Mid Suffolk office"
    # Babergh changes it: its own row, replaced at the county. Mid Suffolk's conflict now reads the new version.
    set_cost(offices.babergh, "£30,000")
    report = merge(offices.county, [offices.send(offices.babergh)])
    assert report.merged[0].replaced == 1 and offices.county_cost() == 3_000_000
    [after] = offices.about("projects")
    assert after.id == before.id
    assert after.detail == f"Project '{TITLE}': cost £30,000 from Babergh office, £40,000 from Mid Suffolk office"
    resolve_conflicts(offices.county, "county", which=after.id)
    assert merge(offices.county, [m1]).conflicts == [] and offices.about("projects") == []


def test_a_refusal_of_a_share_both_offices_hold_is_a_share_conflict_in_the_ledger_s_words(offices):
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    police = offices.mid.scalar("SELECT s.id FROM dhr_shares s JOIN organisations o ON o.id = s.organisation_id "
                                "WHERE o.name = 'Suffolk Constabulary'")
    dhr.refuse_share(offices.mid, police, on="2025-10-02", reason="not ours")
    dhr.update_case(offices.mid, dhr.case_id_by_reference(offices.mid, "WSCSP-DHR-2025-01"), notified_on="2025-05-30")
    merge(offices.county, [offices.send(offices.mid)])
    assert [(c.group, c.detail) for c in list_conflicts(offices.county)] == [
        ("dhr-share", f"Suffolk Constabulary's share of WSCSP-DHR-2025-01: status invoiced {BABERGH}, refused on "
                      "02/10/2025 (“not ours”) from Mid Suffolk office"),
        ("dhr", f"Review WSCSP-DHR-2025-01: notified on 02/06/2025 {BABERGH}, 30/05/2025 from Mid Suffolk office")]


def test_when_the_owner_removes_the_row_the_other_office_s_conflict_closes_and_its_version_comes_in(offices):
    m1 = mid_disagrees(offices)
    [conflict] = offices.about("projects")
    ps.delete_projects(offices.babergh, ["p-shared"])
    report = merge(offices.county, [offices.send(offices.babergh)])
    assert report.merged[0].removed >= 1 and offices.about("projects") == []
    assert (f"  Project '{TITLE}': no longer in the county file (Babergh office removed it), so conflict "
            f"#{conflict.id} with Mid Suffolk office is closed; Mid Suffolk office's version comes in when its file "
            "is merged again.") in report.text().splitlines()
    again = merge(offices.county, [m1])
    assert again.conflicts == [] and offices.county_cost() == 4_000_000


def test_when_the_owner_comes_to_send_what_the_other_office_sent_the_conflict_closes_and_the_summary_says_so(offices):
    mid_disagrees(offices)
    [conflict] = offices.about("projects")
    set_cost(offices.babergh, "£40,000")
    report = merge(offices.county, [offices.send(offices.babergh)])
    assert offices.about("projects") == [] and offices.county_cost() == 4_000_000
    assert (f"  Project '{TITLE}': Babergh office now sends what Mid Suffolk office sent, so conflict #{conflict.id} "
            "is closed.") in report.text().splitlines()


def test_the_conflicts_window_says_why_before_asking_and_then_decides_one_by_one(both_changed, window, qtbot,
                                                                                 prompts):
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    both_changed.county.close()
    assert window.open_path(both_changed.county.path)
    dialog = open_conflicts_dialog(window)
    dialog.groups.setCurrentRow(1)
    assert dialog.groups.item(1).text() == "Projects (2)" and dialog.model.rowCount() == 2
    qtbot.mouseClick(dialog.group_district_button, Qt.MouseButton.LeftButton)
    assert prompts.questions == []  # nothing to confirm: it would be refused
    assert "sent different versions, and only one can be kept" in prompts.errors[-1][1]
    assert dialog.model.rowCount() == 2
    # Babergh's version, by its own button; Mid Suffolk's conflict then reads against it.
    dialog.view.setCurrentIndex(dialog.proxy.index(0, 1))
    assert "£30,000 from Babergh office" in dialog.detail_label.text()
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_district_button, Qt.MouseButton.LeftButton)
    assert [dialog.model.row(i).detail for i in range(dialog.model.rowCount())] == [
        f"Project '{TITLE}': cost £30,000 in the county file, £40,000 from Mid Suffolk office"]
    assert window.session.store.scalar("SELECT cost_min_pence FROM projects WHERE id = 'p-shared'") == 3_000_000
    dialog.close()


def test_an_edit_at_the_county_to_a_row_in_conflict_is_what_the_conflict_then_reads_and_decides(offices):
    from safer_desk.services.county import ConflictsPresenter

    m1 = mid_disagrees(offices)
    set_cost(offices.county, "£35,000")  # the county lead's own figure, typed in the county file
    presenter = ConflictsPresenter(offices.county)
    assert [c.detail for c in presenter.conflicts] == [
        f"Project '{TITLE}': cost £35,000 at the county (edited there since it came from Babergh office), £40,000 "
        "from Mid Suffolk office"]
    presenter.keep("county", conflict=presenter.conflicts[0])
    assert merge(offices.county, [m1]).conflicts == [] and offices.county_cost() == 3_500_000


def test_the_conflicts_command_lists_them_against_an_edit_made_in_the_county_file(offices):
    from tests.exchange.helpers import cli_output

    mid_disagrees(offices)
    set_cost(offices.county, "£35,000")
    offices.county.close()
    code, out, err = cli_output(["conflicts", str(offices.folder / "county.sqlite")])
    assert code == 0, err
    assert (f"Project '{TITLE}': cost £35,000 at the county (edited there since it came from Babergh office), "
            "£40,000 from Mid Suffolk office") in out


def test_a_decision_in_the_window_is_undone_and_redone_exactly(both_changed, window, qtbot, prompts):
    """A click on Keep District Version changed the county file with no way back: Edit > Undo offered whatever
    came before it. It is one undoable step now, and undo gives back the rows, the open conflicts and the
    decisions exactly (redo too)."""
    from PySide6.QtCore import Qt

    from safer_desk.exchange.county_schema import content_checksums, data_tables
    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    both_changed.county.close()
    assert window.open_path(both_changed.county.path)
    store = window.session.store

    def state():
        internal = {t: [tuple(r) for r in store.rows(f"SELECT * FROM {t} ORDER BY 1")]
                    for t in ("_county_conflicts", "_county_decisions", "_county_origins")}
        return content_checksums(store.conn, data_tables(store.conn))[1], internal

    before = state()
    dialog = open_conflicts_dialog(window)
    dialog.groups.setCurrentRow(1)
    dialog.view.setCurrentIndex(dialog.proxy.index(0, 1))
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_district_button, Qt.MouseButton.LeftButton)
    after = state()
    assert after != before and store.scalar("SELECT cost_min_pence FROM projects WHERE id = 'p-shared'") == 3_000_000
    assert window.session.undo_stack.undoText() == (f"Keep Babergh office's version: Project '{TITLE}': cost not "
                                                    f"stated {ALIKE}, £30,000 from Babergh office")
    # the Edit menu shortens a step this long where it tells least (tests/foundation/test_undo_step_names_s60.py)
    assert window.undo_action.text() == "&Undo " + undo_words(f"keep Babergh office's version: Project '{TITLE}': "
                                                              f"cost not stated {ALIKE}, £30,000 from Babergh office")
    assert f"version: Project '{TITLE}': " in window.undo_action.text() and "£30,000" in window.undo_action.text()
    window.undo_action.trigger()
    assert state() == before and dialog.model.rowCount() == 2
    window.redo_action.trigger()
    assert state() == after and dialog.model.rowCount() == 1
    dialog.close()
    window.undo_action.trigger()  # with the window closed too
    assert state() == before


@pytest.mark.parametrize("police_first", [True, False])
@pytest.mark.parametrize("choice", ["district", "county"])
def test_undoing_a_figure_decision_puts_back_every_area_s_figures_of_that_month(tmp_path, police_first, choice):
    """Keeping the police.uk figure over a typed one works the partnerships' and the county's figures out again:
    the undo (ConflictsPresenter.rows and put_back, what the window's undo step runs) puts them all back."""
    from safer_desk.exchange.county_schema import content_checksums, data_tables
    from safer_desk.services import indicators as ind
    from safer_desk.services.county import ConflictsPresenter
    from tests.exchange.district_offices import load_police

    base = template(tmp_path, police=False)
    a = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    b = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    county = open_store(tmp_path / "county.sqlite", create=True)
    try:
        load_police(a, ["2025-01"])
        load_police(b, ["2025-04"])
        ind.save_values(a, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", 1335.0)],
                        require_red_comments=False)
        files = [export(b, tmp_path / "b.sqlite"), export(a, tmp_path / "a.sqlite")]
        merge(county, files if police_first else files[::-1])
        presenter = ConflictsPresenter(county)
        [figure] = presenter.conflicts

        def state():
            return (content_checksums(county.conn, data_tables(county.conn))[1],
                    [tuple(r) for r in county.rows("SELECT * FROM _county_conflicts ORDER BY id")],
                    [tuple(r) for r in county.rows("SELECT * FROM _county_decisions ORDER BY id")])

        assert figure.table == "indicator_values"
        plan = presenter.plan(choice, conflict=figure)
        before_rows, before = presenter.rows(plan), state()
        presenter.keep(choice, conflict=figure)
        after_rows, after = presenter.rows(plan), state()
        assert after != before and presenter.conflicts == []
        presenter.put_back(before_rows)
        assert state() == before
        presenter.put_back(after_rows)
        assert state() == after
    finally:
        for store in (a, b, county):
            store.close()


def test_the_history_says_a_decision_and_an_accepted_key_in_words(both_changed):
    """View > History of Changes read "conflict decided: … row p-shared; table projects" and "key accepted: …
    office id 9f3c…": internal names and ids where the issue asks for names."""
    from safer_desk.presenters.history import history_lines

    babergh = both_changed.about("projects")[0]
    resolve_conflicts(both_changed.county, "district", which=babergh.id)
    lines = history_lines(both_changed.county, limit=20)
    decision = next(line for line in lines if line.action.startswith("Keep Babergh office's version"))
    assert decision.details[-1] == f"Kept Babergh office's version: {babergh.detail}"
    accepted = [d for line in lines for d in line.details if d.startswith("Accepted the signing key")]
    assert accepted and all("Babergh office" in d or "Mid Suffolk office" in d for d in accepted)
    text = " ".join(d for line in lines for d in (line.summary, *line.details))
    assert "office id" not in text and "row p-shared" not in text and "table projects" not in text
