"""The end-of-merge summary says that conflicts from files merged before are still open, beside the ones these files
raised.

Found merging four Suffolk offices one or two files at a time: with Exeter office's conflict #5 still open, the
merge of Ipswich's and East Suffolk's next files ended "3 conflicts: the county's version is kept until you decide"
(the window: "3 conflicts (Projects 3)"), listing those three, while the county file held five open ones. Nothing
said there were more, so a lead deciding the three listed took the county file for settled; its board report still
said "5 conflicts ... are still open".
"""

from __future__ import annotations

import pytest

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template


def _cost_to(store, text: str) -> None:
    p = ps.get_project(store, "p-home")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": text}, base=p))


@pytest.fixture
def merged(tmp_path):
    """Babergh office's file merged, then Ipswich office's disagreeing about the project (one conflict, open)."""
    start = template(tmp_path, months=["2025-01"])
    store = open_store(start)
    try:
        add_projects(store, [Project(id="p-home", title="Homeshield Plus", areas=("Countywide",))])
    finally:
        store.close()
    offices = {name: office_from(start, tmp_path / f"{name}.sqlite", f"{name} office", districts=[name])
               for name in ("Babergh", "Ipswich", "Mid Suffolk")}
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    _cost_to(offices["Babergh"], "£130,000")
    _cost_to(offices["Ipswich"], "£125,000")
    merge(county, [export(offices["Babergh"], tmp_path / "babergh-1.sqlite")])
    merge(county, [export(offices["Ipswich"], tmp_path / "ipswich-1.sqlite")])
    assert len(list_conflicts(county)) == 1
    yield county, offices, tmp_path
    for s in (county, *offices.values()):
        s.close()


def test_a_merge_raising_none_says_the_conflicts_still_open(merged):
    county, offices, tmp_path = merged
    _cost_to(offices["Mid Suffolk"], "£130,000")  # sent alike with Babergh's: no conflict of its own
    report = merge(county, [export(offices["Mid Suffolk"], tmp_path / "mid-1.sqlite")])
    assert report.conflicts == []
    assert report.text().endswith("\n\n1 conflict from files merged before is still open: File > Conflicts… (or "
                                  "safer-desk conflicts COUNTY_FILE) lists every open conflict.")


def test_a_merge_raising_some_says_the_others_besides(merged):
    county, offices, tmp_path = merged
    _cost_to(offices["Mid Suffolk"], "£140,000")
    report = merge(county, [export(offices["Mid Suffolk"], tmp_path / "mid-1.sqlite")])
    assert len(report.conflicts) == 1 and len(list_conflicts(county)) == 2
    text = report.text()
    assert text.startswith("mid-1.sqlite (Mid Suffolk office)") and "\n1 conflict: the county's version" in text
    assert text.endswith("\nBesides this, 1 conflict from files merged before is still open: File > Conflicts… (or "
                         "safer-desk conflicts COUNTY_FILE) lists every open conflict.")


def test_the_windows_summary_says_them_and_offers_to_decide(merged, qtbot):
    from PySide6.QtWidgets import QLabel

    from safer_desk.ui.exchange.dialogs import MergeResultDialog

    county, offices, tmp_path = merged
    _cost_to(offices["Mid Suffolk"], "£130,000")
    report = merge(county, [export(offices["Mid Suffolk"], tmp_path / "mid-1.sqlite")])
    dialog = MergeResultDialog(report, session=object())
    qtbot.addWidget(dialog)
    said = [label.text() for label in dialog.findChildren(QLabel)]
    assert any(text.startswith("No conflicts. 1 conflict from files merged before is still open") for text in said)
    assert not dialog.decide_button.isHidden()
