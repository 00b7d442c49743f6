"""Conflicts people can act on (issue 13), on the real schema.

Two offices of the Western Suffolk CSP started from the same file (reference data, a county-wide project) and
both record review WSCSP-DHR-2017-01. Between them they disagree once about each kind of thing: a DHR share, an
indicator figure, a project both hold, reference data; and the county edits a row that Babergh then changes
again. Each disagreement is one conflict in plain words; the county lead keeps one side or the other, per
conflict or per group, in the window or on the command line; the decision is audited and stands when the same
files are merged again.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from safer_desk.domain.ids import new_id
from safer_desk.services import dhr
from safer_desk.services import indicators as ind
from safer_desk.services.county import CountyError, list_conflicts, resolve_conflicts
from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import (export, exports_disagreeing_on_one_figure, load_police, merge,
                                             office_from, template)
from tests.exchange.helpers import accept_key_args, cli_output

SHARE = ("Suffolk Constabulary's share of WSCSP-DHR-2017-01: £684.14 from Babergh office, £684.15 from Mid "
         "Suffolk office")
FIGURE = ("Indicator 'All crime', Babergh, Apr 2025: 1,335 typed by Babergh office, 349 from police.uk counts sent "
          "by Mid Suffolk office")
PROJECT = "Project 'Suffolk ELEV8': status live from Babergh office, completed from Mid Suffolk office"
REFERENCE = "District Babergh: ONS code E07000200 from Babergh office, E99999999 from Mid Suffolk office"
EDITED = ("Project 'Babergh youth diversion': status declined at the county (edited there since it was merged), "
          "commissioned from Babergh office")
ALL = {"dhr-share": SHARE, "indicator-figure": FIGURE, "project": PROJECT, "reference": REFERENCE,
       "edited-at-county": EDITED}


@dataclass
class Scenario:
    folder: Path
    county: object
    a1: Path  # Babergh's first export
    b1: Path  # Mid Suffolk's export
    a2: Path  # Babergh's second export (after the county edited its project)
    elev8: str
    youth: str

    def state(self) -> dict:
        c = self.county
        return {
            "share": c.scalar("SELECT s.amount_pence FROM dhr_shares s JOIN organisations o ON o.id = "
                              "s.organisation_id WHERE o.name = 'Suffolk Constabulary'"),
            "shares": c.scalar("SELECT count(*) FROM dhr_shares"),
            "figure": tuple(c.one("SELECT value, source FROM indicator_values WHERE indicator_id = "
                                  "'indicator:all-crime' AND area_id = 'district:babergh' AND period = '2025-04'")),
            "elev8": c.scalar("SELECT status FROM projects WHERE id = ?", (self.elev8,)),
            "ons": c.scalar("SELECT ons_code FROM districts WHERE id = 'district:babergh'"),
            "youth": c.scalar("SELECT status FROM projects WHERE id = ?", (self.youth,)),
        }

    def merge_again(self):
        """The same files merged again (Babergh's first export is older than its second: not again)."""
        return merge(self.county, [self.b1, self.a2])


def record_review(store) -> None:
    case = dhr.add_case(store, reference="WSCSP-DHR-2017-01", district="Mid Suffolk",
                        partnership="Western Suffolk CSP", notified_on="2017-06-02")
    dhr.add_cost_line(store, case, category="Independent chair/author", amount="7525.58")
    dhr.bill_partners(store, case, invoiced_on="2018-01-15")


@pytest.fixture
def scenario(tmp_path) -> Scenario:
    base = template(tmp_path, police=False)
    elev8 = new_id()
    store = open_store(base)
    try:
        add_projects(store, [Project(id=elev8, title="Suffolk ELEV8", areas=("Countywide",))])
    finally:
        store.close()
    a = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    b = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    youth = new_id()
    try:
        for office in (a, b):
            record_review(office)
        # Babergh typed April's all crime (it has the police.uk counts of January only); Mid Suffolk has April's.
        load_police(a, ["2025-01"])
        load_police(b, ["2025-04"])
        ind.save_values(a, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-04", 1335.0)],
                        require_red_comments=False)
        with b.transaction():
            b.conn.execute("UPDATE dhr_shares SET amount_pence = amount_pence + 1 WHERE organisation_id = "
                           "(SELECT id FROM organisations WHERE name = 'Suffolk Constabulary')")
            b.conn.execute("UPDATE districts SET ons_code = 'E99999999' WHERE id = 'district:babergh'")
            b.conn.execute("UPDATE projects SET status = 'completed' WHERE id = ?", (elev8,))
        with a.transaction():
            a.conn.execute("UPDATE projects SET status = 'live' WHERE id = ?", (elev8,))
        add_projects(a, [Project(id=youth, title="Babergh youth diversion", areas=("Babergh",))])
        a1, b1 = export(a, tmp_path / "babergh-1.sqlite"), export(b, tmp_path / "mid-1.sqlite")
        county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
        merge(county, [a1, b1])
        # At the county someone declines Babergh's project; Babergh then commissions it.
        with county.transaction():
            county.conn.execute("UPDATE projects SET status = 'declined' WHERE id = ?", (youth,))
        with a.transaction():
            a.conn.execute("UPDATE projects SET status = 'commissioned' WHERE id = ?", (youth,))
        a2 = export(a, tmp_path / "babergh-2.sqlite")
    finally:
        a.close()
        b.close()
    merge(county, [a2])
    yield Scenario(tmp_path, county, a1, b1, a2, elev8, youth)
    county.close()


def by_group(county) -> dict[str, str]:
    found = list_conflicts(county)
    assert len({c.group for c in found}) == len(found), [c.detail for c in found]
    return {c.group: c.detail for c in found}


COUNTY_KEPT = {"share": 68414, "shares": 11, "figure": (1335.0, "typed"), "elev8": "live", "ons": "E07000200",
               "youth": "declined"}
DISTRICT_KEPT = {"share": 68415, "shares": 11, "figure": (349.0, "police.uk"), "elev8": "completed",
                 "ons": "E99999999", "youth": "commissioned"}


def test_each_kind_of_disagreement_is_one_conflict_in_plain_words(scenario):
    assert by_group(scenario.county) == ALL
    assert scenario.state() == COUNTY_KEPT  # nothing was overwritten
    text = merge(scenario.county, [scenario.b1]).text()
    # The summary groups them by kind, in words, with the number that decides each.
    assert "Shares of review costs (1) [group dhr-share]:" in text and "  #" in text and SHARE in text
    for words in ALL.values():
        assert "pv:" not in words and "_pence" not in words and "district:" not in words


@pytest.mark.parametrize("choice, expected", [("county", COUNTY_KEPT), ("district", DISTRICT_KEPT)])
def test_each_conflict_decided_either_way_stands_when_the_files_are_merged_again(scenario, choice, expected):
    for conflict in list_conflicts(scenario.county):
        decided = resolve_conflicts(scenario.county, choice, which=conflict.id)
        assert [c.detail for c in decided] == [conflict.detail]
    assert list_conflicts(scenario.county) == []
    assert scenario.state() == expected
    again = scenario.merge_again()
    assert again.conflicts == [] and list_conflicts(scenario.county) == [], again.text()
    assert sum(s.decided for s in again.merged) >= 1
    assert scenario.state() == expected
    # Each decision is an action of its own in the audit trail, with a label people can read.
    labels = [r[0] for r in scenario.county.rows(
        "SELECT action_label FROM audit_log WHERE column_name = 'conflict decided' ORDER BY id")]
    assert len(labels) == 5
    if choice == "county":
        assert sorted(labels) == sorted(f"Keep the county's version: {words}" for words in ALL.values())
    else:
        assert f"Keep Mid Suffolk office's version: {SHARE}" in labels
        assert f"Keep Babergh office's version: {EDITED}" in labels


def test_decided_per_group_both_ways_and_not_raised_again(scenario):
    decisions = {"dhr-share": "district", "indicator-figure": "county", "project": "district", "reference": "county",
                 "edited-at-county": "district"}
    for group, choice in decisions.items():
        decided = resolve_conflicts(scenario.county, choice, which=group)
        assert [c.detail for c in decided] == [ALL[group]]
    assert scenario.state() == {"share": 68415, "shares": 11, "figure": (1335.0, "typed"), "elev8": "completed",
                                "ons": "E07000200", "youth": "commissioned"}
    again = scenario.merge_again()
    assert again.conflicts == [], again.text()
    with pytest.raises(CountyError, match="No open conflict"):
        resolve_conflicts(scenario.county, "county", which="dhr-share")


def test_a_new_version_of_a_decided_thing_is_a_new_conflict(scenario, tmp_path):
    resolve_conflicts(scenario.county, "county", which="dhr-share")
    store = open_store(tmp_path / "mid.sqlite")
    try:
        with store.transaction():
            store.conn.execute("UPDATE dhr_shares SET amount_pence = 68500 WHERE organisation_id = "
                               "(SELECT id FROM organisations WHERE name = 'Suffolk Constabulary')")
        b2 = export(store, tmp_path / "mid-2.sqlite")
    finally:
        store.close()
    raised = [c.detail for c in merge(scenario.county, [b2]).conflicts if c.group == "dhr-share"]
    assert raised == ["Suffolk Constabulary's share of WSCSP-DHR-2017-01: £684.14 from Babergh office, £685.00 from "
                      "Mid Suffolk office"]


def test_the_figure_conflict_reads_the_same_whichever_file_came_first(tmp_path):
    a1, b1 = exports_disagreeing_on_one_figure(tmp_path)
    county = open_store(tmp_path / "county.sqlite", create=True)
    try:
        assert merge(county, [b1]).conflicts == []  # Mid Suffolk's police.uk counts first
        report = merge(county, [a1])
        assert [(c.kind, c.detail) for c in report.conflicts] == [
            ("figure", "Indicator 'All crime', Babergh, Apr 2025: 349 from police.uk counts sent by Mid Suffolk "
                       "office, 1,335 typed by Babergh office")]
        resolve_conflicts(county, "district", which="indicator-figure")
        assert county.scalar("SELECT value FROM indicator_values WHERE indicator_id = 'indicator:all-crime' AND "
                             "area_id = 'district:babergh' AND period = '2025-04'") == 1335
        assert merge(county, [a1, b1]).conflicts == []
    finally:
        county.close()


def test_merge_keep_and_the_conflicts_command(scenario, tmp_path):
    county = tmp_path / "cli-county.sqlite"
    # One officer signs for both offices: the key is accepted for each office in turn (one --accept-key, one office).
    assert cli_output(["merge", str(county), str(scenario.a1), *accept_key_args()])[0] == 0
    code, out, err = cli_output(["merge", str(county), str(scenario.b1), *accept_key_args()])
    assert code == 0, err
    assert "4 conflicts" in out and SHARE in out and "[group dhr-share]" in out
    code, out, err = cli_output(["conflicts", str(county)])
    assert code == 0 and out.count("  #") == 4 and PROJECT in out
    number = next(line.split()[0] for line in out.splitlines() if PROJECT in line)
    code, out, err = cli_output(["merge", str(county), str(scenario.b1), "--keep", "district",
                                 "--conflict", number])
    assert code == 0, err
    assert "Kept the district's version of 1 conflict (recorded in the audit trail):" in out
    assert PROJECT in out.split("Kept")[1]
    code, out, err = cli_output(["conflicts", str(county), "--keep", "county", "--conflict", "dhr-share"])
    assert code == 0 and SHARE in out and "2 conflicts" in out
    code, out, err = cli_output(["conflicts", str(county), "--keep", "district"])
    assert code == 0 and "No conflicts left open." in out
    code, out, err = cli_output(["merge", str(county), str(scenario.a1), str(scenario.b1), *accept_key_args()])
    assert code == 0 and "0 conflicts" in out.splitlines()[-1], out
    code, _, err = cli_output(["conflicts", str(county), "--keep", "county"])
    assert code == 1 and "no open conflict" in err
    code, _, err = cli_output(["conflicts", str(county), "--conflict", "3"])
    assert code == 2 and "--keep" in err
    code, _, err = cli_output(["conflicts", str(county), "--keep", "county", "--conflict", "nonsense"])
    assert code == 2 and "dhr-share" in err


def test_the_conflicts_window_lists_groups_and_decides(scenario, window, qtbot, prompts):
    from PySide6.QtCore import Qt

    from safer_desk.ui.exchange.menu import open_conflicts_dialog

    scenario.county.close()
    assert window.open_path(scenario.county.path)
    dialog = open_conflicts_dialog(window)
    labels = [dialog.groups.item(i).text() for i in range(dialog.groups.count())]
    assert labels == ["All (5)", "Shares of review costs (1)", "Indicator figures (1)", "Projects (1)",
                      "Reference data and shared definitions (1)",
                      "Rows edited at the county since they were merged (1)"]
    assert [dialog.model.row(i).detail for i in range(dialog.model.rowCount())] == list(ALL.values())
    assert not dialog.group_county_button.isEnabled()  # "All" is not a group to decide at once
    dialog.groups.setCurrentRow(1)
    assert dialog.model.rowCount() == 1 and SHARE in dialog.detail_label.text()
    prompts.answers.append(True)
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.group_district_button, Qt.MouseButton.LeftButton)
    assert "Keep each district's version of all 1 conflict in " in prompts.questions[-1][1]
    store = window.session.store
    assert store.scalar("SELECT s.amount_pence FROM dhr_shares s JOIN organisations o ON o.id = s.organisation_id "
                        "WHERE o.name = 'Suffolk Constabulary'") == 68415
    assert dialog.groups.count() == 5 and dialog.groups.item(0).text() == "All (4)"
    dialog.groups.setCurrentRow(0)
    dialog.view.setCurrentIndex(dialog.proxy.index(2, 1))
    assert REFERENCE in dialog.detail_label.text()
    with qtbot.waitSignal(dialog.decided):
        qtbot.mouseClick(dialog.keep_county_button, Qt.MouseButton.LeftButton)
    assert [dialog.model.row(i).detail for i in range(dialog.model.rowCount())] == [FIGURE, PROJECT, EDITED]
    entry = store.one("SELECT action_label FROM audit_log WHERE column_name = 'conflict decided' ORDER BY id DESC")
    assert entry["action_label"] == f"Keep the county's version: {REFERENCE}"
    dialog.close()


def test_every_yes_no_column_a_conflict_can_name_is_said_in_words(tmp_path):
    """Each column an office's file holds as 0 or 1 (CHECK (x IN (0, 1))) reads as the History of Changes says it
    ("must be at MARAC yes"), never by its name and 0 or 1; the schema is read so a new one cannot be missed."""
    import re

    from safer_desk.exchange.county_conflicts import Describer
    from safer_desk.exchange.county_schema import data_tables
    from safer_desk.storage.schema.yes_no import YES_NO

    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        describer = Describer(store.conn)
        found, tables = set(), data_tables(store.conn)
        for table in tables:
            sql = store.scalar("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))
            found |= {(table, c) for c in re.findall(r"CHECK \((\w+) IN \(0, 1\)\)", sql or "")}
        # (the county's own bookkeeping, such as its record of merges, is said in History but never in a conflict)
        assert found and {key for key in YES_NO if key[0] in tables} == found
        for table, column in sorted(found):
            diffs = describer.differences(table, {column: 1}, {column: 0}, columns=[column])
            county, office, whole = describer.sentence(table, "It", diffs, "from Babergh office", "from Ipswich")
            assert whole == f"It: {YES_NO[(table, column)].named} yes from Babergh office, no from Ipswich", whole
    finally:
        store.close()
