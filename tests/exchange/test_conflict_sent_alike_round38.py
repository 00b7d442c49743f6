"""Round 38 (cfx): a conflict about a project or review several offices sent alike names the offices that sent it.

Babergh and Mid Suffolk both sent the county-wide project 'Western Suffolk youth work' and the review
WSCSP-DHR-2025-01 alike; then each changed them. Each conflict said the county's version was "in the county file", as
if the county lead had typed it: the county did not keep which offices sent a row alike. Since schema step 27 it does
(``_county_holders``), so the county's side says "in the county file, sent alike by Babergh office and Mid Suffolk
office". A county file merged before step 27 keeps no such record, and says what it said; so does a version the
county holds since a decision kept one office's.
"""

from __future__ import annotations

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts, resolve_conflicts
from tests.exchange.district_offices import merge

TITLE = "Western Suffolk youth work"
ALIKE = "in the county file, sent alike by Babergh office and Mid Suffolk office"


def _change(store, cost: str, notified_on: str) -> None:
    p = ps.get_project(store, "p-shared")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": cost}, base=p))
    with store.transaction():
        store.conn.execute("UPDATE dhr_cases SET notified_on = ? WHERE reference = 'WSCSP-DHR-2025-01'",
                           (notified_on,))


def _both_change(offices, *, forget_holders: bool = False) -> list:
    """Both offices' first exports merged (held alike), then each office's changed version merged."""
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    if forget_holders:  # as a county file merged before step 27 holds it: which offices hold it was not kept
        with offices.county.transaction():
            offices.county.conn.execute("DELETE FROM _county_holders")
    _change(offices.babergh, "£30,000", "2025-06-03")
    _change(offices.mid, "£40,000", "2025-06-04")
    merge(offices.county, [offices.send(offices.babergh), offices.send(offices.mid)])
    return sorted(list_conflicts(offices.county), key=lambda c: (c.table, c.office_name))


def test_the_county_side_names_the_offices_that_sent_it_alike(offices):
    assert [c.detail for c in _both_change(offices)] == [
        f"Review WSCSP-DHR-2025-01: notified on 02/06/2025 {ALIKE}, 03/06/2025 from Babergh office",
        f"Review WSCSP-DHR-2025-01: notified on 02/06/2025 {ALIKE}, 04/06/2025 from Mid Suffolk office",
        f"Project '{TITLE}': cost not stated {ALIKE}, £30,000 from Babergh office",
        f"Project '{TITLE}': cost not stated {ALIKE}, £40,000 from Mid Suffolk office"]


def test_a_county_file_merged_before_the_holders_were_kept_says_what_it_said(offices):
    assert [c.county_side for c in _both_change(offices, forget_holders=True)] == [
        "notified on 02/06/2025 in the county file"] * 2 + ["cost not stated in the county file"] * 2


def test_after_one_office_s_version_is_kept_the_other_s_conflict_does_not_say_sent_alike(offices):
    conflicts = _both_change(offices)
    babergh_project = next(c for c in conflicts if c.table == "projects" and c.office_name == "Babergh office")
    resolve_conflicts(offices.county, "district", which=babergh_project.id)
    [mid_project] = [c for c in list_conflicts(offices.county) if c.table == "projects"]
    assert mid_project.detail == (f"Project '{TITLE}': cost £30,000 in the county file, £40,000 from Mid Suffolk "
                                  "office")


def test_the_conflicts_window_says_who_sent_it_alike(offices, window, qtbot):
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    _both_change(offices)
    offices.county.close()
    assert window.open_path(offices.county.path)
    dialog = ConflictsDialog(window.session, window)
    qtbot.addWidget(dialog)
    dialog.groups.setCurrentRow(next(i for i in range(dialog.groups.count())
                                     if dialog.groups.item(i).text() == "Projects (2)"))
    shown = {}
    for row in range(dialog.model.rowCount()):
        dialog.view.setCurrentIndex(dialog.proxy.index(row, 1))
        shown[dialog.selected().office_name] = (dialog.selected().id, dialog.detail_label.text())
    assert sorted(shown) == ["Babergh office", "Mid Suffolk office"]
    for office, cost in (("Babergh office", "£30,000"), ("Mid Suffolk office", "£40,000")):
        number, text = shown[office]
        assert text == (f"#{number} (Projects): Project '{TITLE}': cost not stated {ALIKE}, {cost} from {office}. "
                        "Until you decide, the county's version is kept.")
    dialog.close()
