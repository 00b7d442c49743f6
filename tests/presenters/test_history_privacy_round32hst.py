"""The History of Changes read as a data-protection officer would (round 32, helper hst).

View > History of Changes > Export… wrote every victim-level detail the audit trail keeps into a workbook or CSV that
leaves the program: each target-hardening referral's pseudonymous reference with its district and the date it was
referred (in the action's name, its summary and its detail), each spend line per referral, and the reviews' case
and panel-meeting notes word for word (the trail keeps dhr_cases in full: it is no victim-level table). The county
export leaves all of these out unless the officer asks for them (DESIGN §3, §5 "exports minimise by default"); the
History's export now does the same: those actions are written with their victim-level detail left out, said in the
file, unless the officer asks for it (the window asks when the actions shown hold any).
"""

from __future__ import annotations

import csv

from safer_desk.presenters.history import HistoryPresenter, history_lines
from safer_desk.services import dhr, funds

NOTE = "Met the victim's sister at the surgery on Tuesday"


def _fund_id(store) -> str:
    return store.scalar("SELECT id FROM funds ORDER BY name LIMIT 1")


def _victim_level_actions(store) -> None:
    fund_id = _fund_id(store)
    with store.action("Add referral TH-2026-099 to Suffolk Target Hardening Pilot"):
        referral = funds.add_referral(store, fund_id, reference="TH-2026-099", district="Babergh",
                                      referred_on="2018-06-01", risk_level="high", at_marac=True, idva_assigned=True,
                                      perpetrator_resident=False)
    with store.action("Spend line for TH-2026-099 in Suffolk Target Hardening Pilot"):
        funds.add_spend_line(store, referral, spent_on="2018-06-04", item="Door chain", amount="25")
    case_id = store.scalar("SELECT id FROM dhr_cases WHERE reference = 'WSCSP-DHR-2017-01'")
    with store.action("Save case WSCSP-DHR-2017-01"):
        dhr.update_case(store, case_id, notes=NOTE)
    with store.action("Rename plan East Sussex"):  # an action with no victim-level detail: exported as it is
        store.conn.execute("UPDATE budget_plans SET owner = 'ESCC Safer Communities' WHERE name LIKE 'East Sussex "
                           "Community Safety MTFP%'")


def _read(path) -> str:
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return "\n".join(",".join(row) for row in csv.reader(fh))


def test_the_window_shows_the_victim_level_detail_the_trail_keeps(demo_store):
    _victim_level_actions(demo_store)
    lines = history_lines(demo_store, limit=4)
    shown = "\n".join(line.search_text for line in lines)
    assert "th-2026-099" in shown and NOTE.casefold() in shown  # the officer looking at the file sees it all
    assert sum(1 for line in lines if line.victim_level) == 3


def test_an_export_of_the_history_leaves_the_victim_level_detail_out_and_says_so(demo_store, tmp_path):
    _victim_level_actions(demo_store)
    presenter = HistoryPresenter(demo_store)
    lines = presenter.load()[:4]
    target = presenter.export(tmp_path / "history.csv", lines)
    text = _read(target)
    assert "TH-2026-099" not in text
    assert "surgery" not in text
    assert "Babergh" not in text.split("Rename plan")[0]  # the referral's district, in its detail
    assert "ESCC Safer Communities" in text  # the others as they are
    assert text.count("victim-level detail left out") >= 3
    assert "Add referral (reference left out) to Suffolk Target Hardening Pilot" in text
    assert "Save case WSCSP-DHR-2017-01" in text  # the review's reference is no victim-level detail; its notes are
    assert "Changed the notes of review WSCSP-DHR-2017-01 (victim-level detail left out)" in text


def test_the_victim_level_detail_is_exported_only_when_asked_for(demo_store, tmp_path):
    _victim_level_actions(demo_store)
    presenter = HistoryPresenter(demo_store)
    lines = presenter.load()[:4]
    text = _read(presenter.export(tmp_path / "history.csv", lines, victim_level=True))
    assert "TH-2026-099" in text and NOTE in text
    assert presenter.victim_level_count(lines) == 3


def test_a_workbook_cell_too_small_for_an_actions_changes_says_how_many_are_left_out(demo_store, tmp_path):
    """The example's indicators action has 2,900 changes (447,000 characters): the workbook cut its cell at Excel's
    32,767 characters in the middle of a change, without a word."""
    import openpyxl

    presenter = HistoryPresenter(demo_store)
    lines = presenter.load()
    biggest = max(lines, key=lambda line: len("\n".join(line.details)))
    sheet = openpyxl.load_workbook(presenter.export(tmp_path / "history.xlsx", [biggest])).active
    cell = next(c.value for c in sheet["F"] if c.value and len(c.value) > 1000)
    *kept, last = cell.split("\n")
    assert kept == list(biggest.details[:len(kept)])  # whole changes, in order
    left = len(biggest.details) - len(kept)
    assert last == (f"… and {left:,} more changes: an Excel cell holds 32,767 characters; export as CSV for every "
                    "change")
    assert len(cell) <= 32_767
