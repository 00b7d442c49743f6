"""Round 38 (cfx): the Conflicts window says the office that raised a conflict once.

Two offices made from the example file each changed the same things their own way (a project's cost, a review's
date, a share, a payment, a partner's name, a fund's contribution, a plan's cell, a commissioning scenario), and a
project the county edited since it was merged; merged by the county lead. The window's line under the list said
"#5 (Projects, from Mid Suffolk office): Project 'Suffolk ELEV8': cost £30,000 from Babergh office, £40,000 from Mid
Suffolk office": the office twice. It names the office only where the conflict's words do not.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from safer_desk.services.county import ConflictsPresenter, conflicts_text, list_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, office_from
from tests.exchange.helpers import merge_accepting

EDITS = {
    "Babergh": ["UPDATE projects SET cost_min_pence = 3000000, cost_max_pence = 3000000 WHERE title = 'Suffolk ELEV8'",
                "UPDATE dhr_cases SET notified_on = '2017-01-05' WHERE reference = 'WSCSP-DHR-2017-02'",
                "UPDATE dhr_shares SET amount_pence = 68000 WHERE id = (SELECT min(id) FROM dhr_shares)",
                "UPDATE dhr_payments SET amount_pence = 600 WHERE id = (SELECT min(id) FROM dhr_payments)",
                "UPDATE organisations SET name = 'Suffolk Police' WHERE id = 'org:suffolk-constabulary'",
                "UPDATE fund_contributions SET amount_pence = amount_pence + 100 "
                "WHERE id = (SELECT min(id) FROM fund_contributions)",
                "UPDATE budget_cells SET amount_pence = 123400, text = '' WHERE id = "
                "(SELECT min(id) FROM budget_cells WHERE amount_pence IS NOT NULL)",
                "UPDATE commissioning_scenarios SET notes = 'Babergh view'"],
    "Mid Suffolk": ["UPDATE projects SET cost_min_pence = 4000000, cost_max_pence = 4000000 "
                    "WHERE title = 'Suffolk ELEV8'",
                    "UPDATE dhr_cases SET notified_on = '2017-01-09' WHERE reference = 'WSCSP-DHR-2017-02'",
                    "UPDATE dhr_shares SET amount_pence = 67000 WHERE id = (SELECT min(id) FROM dhr_shares)",
                    "UPDATE dhr_payments SET amount_pence = 500 WHERE id = (SELECT min(id) FROM dhr_payments)",
                    "UPDATE organisations SET name = 'Suffolk Constab.' WHERE id = 'org:suffolk-constabulary'",
                    "UPDATE fund_contributions SET amount_pence = amount_pence + 200 "
                    "WHERE id = (SELECT min(id) FROM fund_contributions)",
                    "UPDATE budget_cells SET amount_pence = 567800, text = '' WHERE id = "
                    "(SELECT min(id) FROM budget_cells WHERE amount_pence IS NOT NULL)",
                    "UPDATE commissioning_scenarios SET notes = 'Mid Suffolk view'"],
}


def _office(demo_master: Path, folder: Path, name: str):
    return office_from(demo_master, folder / f"{name}.sqlite", f"{name} office", districts=[name])


def _edit(store, sqls: list[str]) -> None:
    with store.transaction():
        for sql in sqls:
            store.conn.execute(sql)


@pytest.fixture
def county_path(demo_master, tmp_path) -> Path:
    """A county file with the two offices' conflicting exports merged, and one project edited at the county."""
    offices = {name: _office(demo_master, tmp_path, name) for name in EDITS}
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [export(offices["Babergh"], tmp_path / "babergh-1.sqlite")])
        _edit(county, ["UPDATE projects SET cost_min_pence = 100000, cost_max_pence = 100000 "
                       "WHERE title = 'Homeshield Plus'"])
        for name, sqls in EDITS.items():
            _edit(offices[name], sqls)
        _edit(offices["Babergh"], ["UPDATE projects SET cost_min_pence = 200000, cost_max_pence = 200000 "
                                   "WHERE title = 'Homeshield Plus'"])
        merge_accepting(county, [export(offices["Babergh"], tmp_path / "babergh-2.sqlite"),
                                 export(offices["Mid Suffolk"], tmp_path / "mid-1.sqlite")])
    finally:
        for store in (county, *offices.values()):
            store.close()
    return tmp_path / "county.sqlite"


@pytest.fixture
def presenter(county_path):
    store = open_store(county_path)
    yield ConflictsPresenter(store)
    store.close()


def test_every_kind_of_conflict_is_raised(presenter):
    """The file the tests below read holds a conflict of each kind they are about."""
    groups = {c.group for c in presenter.conflicts}
    assert {"project", "dhr", "dhr-share", "fund", "budget", "allocation", "reference",
            "edited-at-county"} <= groups, conflicts_text(presenter.conflicts)


def test_the_selected_conflict_names_its_office_once(presenter):
    for c in presenter.conflicts:
        said = presenter.selected_words(c)
        assert c.office_name in c.detail, c.detail  # every conflict's words say whose version is whose
        assert said.count(c.office_name) == c.detail.count(c.office_name), said
        assert said == f"#{c.id} ({c.group_words}): {c.detail}. Until you decide, the county's version is kept."


def test_a_conflict_whose_words_do_not_name_its_office_is_said_with_it(presenter):
    from dataclasses import replace

    c = replace(presenter.conflicts[0], detail="Project 'Suffolk ELEV8': cost £30,000 in the county file")
    assert presenter.selected_words(c).startswith(f"#{c.id} ({c.group_words}, from {c.office_name}): Project ")
    # a longer name ending in the office's name ("Mid Suffolk office") is not the office ("Suffolk office")
    other = replace(c, office_name="Suffolk office", detail="Project 'X': £1 from Babergh office, £2 from Mid "
                                                            "Suffolk office")
    assert presenter.selected_words(other).startswith(f"#{c.id} ({c.group_words}, from Suffolk office): ")


def test_the_command_line_says_each_office_once(county_path):
    listed = subprocess.run([sys.executable, "-m", "safer_desk", "conflicts", str(county_path)], capture_output=True,
                            text=True, check=True).stdout
    store = open_store(county_path)
    try:
        conflicts = list_conflicts(store)
    finally:
        store.close()
    for c in conflicts:
        [line] = [line for line in listed.splitlines() if line.startswith(f"  #{c.id} ")]
        assert line == f"  #{c.id} {c.detail}" and line.count(c.office_name) == c.detail.count(c.office_name)


def test_the_window_names_the_office_once_for_every_conflict(county_path, tmp_path, window, qtbot):
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    opened = tmp_path / "opened.sqlite"
    shutil.copyfile(county_path, opened)
    assert window.open_path(opened)
    dialog = ConflictsDialog(window.session, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() >= 9
    for row in range(dialog.model.rowCount()):
        dialog.view.setCurrentIndex(dialog.proxy.index(row, 1))
        c = dialog.selected()
        shown = dialog.detail_label.text()
        assert shown == f"#{c.id} ({c.group_words}): {c.detail}. Until you decide, the county's version is kept."
        assert shown.count(c.office_name) == c.detail.count(c.office_name) >= 1, shown
    dialog.close()
