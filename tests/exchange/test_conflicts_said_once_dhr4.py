"""One correction at a review every office copied from the example, said once on the county's first merge (dhr4).

Five offices begun with `safer-desk demo` hold WSCSP-DHR-2017-01 alike; Babergh office corrected its £625.58
administration line to £525.58 and billed the partners again on 01/09/2018. The county's first merge of the five
raised 28 conflicts: the cost line from each of the other four offices, and each of the six partners' shares from
each of them, 24 conflicts repeating the billing question the cost line's conflict already asks ("… holds the review
as billed on 15/06/2018 …, not merged while this is open"). They are now said once, naming the offices and every
number; deciding it decides them all, and each is still decidable by its own number.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import date

import pytest

from safer_desk.services import dhr
from safer_desk.services.county import ConflictsPresenter, list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, office_from
from tests.exchange.helpers import merge_accepting

OFFICES = ("Babergh", "Ipswich", "Mid Suffolk", "East Suffolk", "West Suffolk")
ADMIN = "2dc39017c5564349a9294e8d8ba000d1"  # the example's administration line of WSCSP-DHR-2017-01, £625.58


@pytest.fixture
def merged(demo_master, tmp_path):
    offices = {n: office_from(demo_master, tmp_path / f"{n}.sqlite", f"{n} office", districts=[n]) for n in OFFICES}
    try:
        line = next(r for r in dhr.cost_lines(offices["Babergh"], dhr.case_id_by_reference(
            offices["Babergh"], "WSCSP-DHR-2017-01")) if r["id"] == ADMIN)
        dhr.update_cost_line(offices["Babergh"], ADMIN, bill_again_on=date(2018, 9, 1), category=line["category"],
                             amount="525.58", invoiced_on=line["invoiced_on"], description=line["description"],
                             supplier=line["supplier"], invoice_ref=line["invoice_ref"])
        files = [export(o, tmp_path / f"{n}.export.sqlite") for n, o in offices.items()]
    finally:
        for store in offices.values():
            store.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge_accepting(county, files)
    yield county
    county.close()


def by_office(county) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for c in list_conflicts(county):
        found.setdefault(c.office_name, []).append(c.id)
    return {name: sorted(ids) for name, ids in found.items()}


def test_the_first_merge_says_the_correction_once_naming_the_offices_and_every_number(merged):
    county = merged
    assert len(list_conflicts(county)) == 28
    presenter = ConflictsPresenter(county)
    assert [c.table for c in presenter.conflicts] == ["dhr_cost_lines"]
    said = presenter.conflicts[0]
    assert sorted([said.id, *said.said_with]) == sorted(c.id for c in list_conflicts(county))  # none dropped
    assert presenter.heading().startswith("1 open conflict (28 found: those several offices raised alike, or that "
                                          "wait with another, are said once with their numbers).")
    ids = by_office(county)
    lines = {name: [i for i in numbers if i != min(numbers)] for name, numbers in ids.items()}
    assert said.detail.startswith("Cost line 'Administration (Additional administrative support)' of "
                                  "WSCSP-DHR-2017-01: £525.58 from Babergh office, £625.58 from East Suffolk "
                                  "office; East Suffolk office holds the review as billed on 15/06/2018"), said.detail
    assert (f". The same from Ipswich office (#{min(ids['Ipswich office'])}), Mid Suffolk office "
            f"(#{min(ids['Mid Suffolk office'])}) and West Suffolk office (#{min(ids['West Suffolk office'])}). "
            "Decided with it: 24 conflicts about the review's invoices as these offices hold them, waiting with its "
            "cost line (" + ", ".join(f"#{n[0]}–#{n[-1]}" for n in sorted(lines.values())) + ")") in said.detail
    listed = subprocess.run([sys.executable, "-m", "safer_desk", "conflicts", str(county.path)], capture_output=True,
                            text=True, check=True).stdout.splitlines()
    assert listed[0].startswith("28 conflicts, said as 1 (those several offices raised alike, or that wait with "
                                "another, are said once with their numbers): ")
    assert listed[1:3] == ["Reviews and their costs (1) [group dhr]:", f"  #{said.id} {said.detail}"]
    assert len(listed) == 3 + len(said.said_with)  # then each said with it, by number (session 72)


@pytest.mark.parametrize("choice", ["county", "district"])
def test_deciding_it_decides_every_one_said_with_it(merged, choice):
    county = merged
    presenter = ConflictsPresenter(county)
    presenter.keep(choice, conflict=presenter.conflicts[0])
    assert presenter.conflicts == [] and list_conflicts(county) == []
    case_id = dhr.case_id_by_reference(county, "WSCSP-DHR-2017-01")
    kept = county.scalar("SELECT amount_pence FROM dhr_cost_lines WHERE id = ?", (ADMIN,))
    assert kept == (52558 if choice == "county" else 62558)
    shares = dhr.list_shares(county, today=date(2026, 12, 1), case_id=case_id)
    assert sum(s.amount_pence for s in shares) <= next(
        c for c in dhr.list_cases(county, today=date(2026, 12, 1)) if c.id == case_id).cost_pence


def test_each_one_said_with_it_is_still_decidable_by_its_number(merged):
    county = merged
    share = by_office(county)["Mid Suffolk office"][1]
    assert [c.id for c in resolve_conflicts(county, "county", which=share)] == [share]
    assert len(list_conflicts(county)) == 27
    presenter = ConflictsPresenter(county)
    assert len(presenter.conflicts) == 1 and share not in presenter.conflicts[0].said_with


def test_the_conflicts_window_lists_it_once_and_undo_puts_every_one_back(merged, window, qtbot):
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    county = merged
    path = county.path
    county.close()
    assert window.open_path(path)
    dialog = ConflictsDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert "The same from Ipswich office (#" in dialog.detail_label.text(), dialog.detail_label.text()
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_county_button, Qt.MouseButton.LeftButton)
    store = window.session.store
    assert dialog.model.rowCount() == 0 and list_conflicts(store) == []
    window.session.undo_stack.undo()  # one step: every conflict said with it is open again
    assert len(list_conflicts(store)) == 28
    dialog.presenter.refresh()  # as the window does when the file changes under it (_file_changed)
    dialog.refresh()
    assert dialog.model.rowCount() == 1
    dialog.close()
