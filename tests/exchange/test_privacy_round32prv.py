"""Round 32: nothing victim-level leaves the office file unasked (DESIGN §3, §5: "exports minimise by default").

A review's case notes and its panel meetings' notes are free text about one death (services.dhr.free_text: victim-level
free text). The name detector refuses what looks like a name there, but it cannot see every way a person is told
apart ("the victim's sister who works at the surgery"), and the county works out no figure from them: they stay with
the office unless the officer asks for the victim-level detail, as individual referrals do.
"""

from __future__ import annotations

import sqlite3

import openpyxl

from safer_desk.services import dhr
from safer_desk.services.county import export_for_county
from safer_desk.storage.store import open_store
from tests.exchange.helpers import cli_output, merge_accepting
from tests.safety.helpers import _contents

CASE_NOTE = "Victim's sister works at the surgery on the green; chair met her 2 May"
PANEL_NOTE = "Panel heard the neighbour's account of the night; family liaison to follow up"
REVIEW = "WSCSP-DHR-2017-01"


def _notes_typed(store) -> None:
    case = dhr.case_id_by_reference(store, REVIEW)
    dhr.update_case(store, case, notes=CASE_NOTE)
    dhr.add_panel_meeting(store, case, "03/03/2019", note=PANEL_NOTE)


def _holds(path, text: str) -> list[str]:
    return [where for where, data in _contents(path) if text.encode("utf-8") in data]


def test_a_review_s_case_and_panel_notes_stay_with_the_office_by_default(demo_store, tmp_path):
    _notes_typed(demo_store)
    sqlite_out = export_for_county(demo_store, tmp_path / "county.sqlite")
    xlsx_out = export_for_county(demo_store, tmp_path / "county.xlsx", raw_tables=True)
    for out in (sqlite_out.path, xlsx_out.path):
        assert _holds(out, "surgery on the green") == []
        assert _holds(out, "neighbour's account") == []
    conn = sqlite3.connect(sqlite_out.path)
    try:
        # The review itself still goes (reference, district, dates, costs): only its free text stays.
        assert conn.execute("SELECT notes FROM dhr_cases WHERE reference = ?", (REVIEW,)).fetchone() == ("",)
        assert conn.execute("SELECT count(*) FROM dhr_panel_meetings WHERE note <> ''").fetchone() == (0,)
        manifest = dict(conn.execute("SELECT key, value FROM _export_manifest"))
    finally:
        conn.close()
    # The example's other reviews' notes are left out too: 4 case notes and the panel meeting's note.
    assert manifest["case_notes_left_out"] == "5"


def test_the_notes_go_when_the_officer_asks_for_the_victim_level_detail(demo_store, tmp_path):
    _notes_typed(demo_store)
    out = export_for_county(demo_store, tmp_path / "county.sqlite", include_referrals=True).path
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("SELECT notes FROM dhr_cases WHERE reference = ?", (REVIEW,)).fetchone() == (CASE_NOTE,)
        assert conn.execute("SELECT note FROM dhr_panel_meetings WHERE note <> ''").fetchall() == [(PANEL_NOTE,)]
        assert dict(conn.execute("SELECT key, value FROM _export_manifest"))["case_notes_left_out"] == "0"
    finally:
        conn.close()


def test_the_command_s_help_and_words_say_the_notes_stay(demo_path, tmp_path):
    code, out, _ = cli_output(["export", "--help"])
    assert code == 0 and "case notes" in " ".join(out.split())
    code, out, err = cli_output(["export", str(demo_path), str(tmp_path / "county.sqlite")])
    assert code == 0, err
    assert "reviews' case and panel-meeting notes: left out (3)" in out


def test_a_county_passes_on_no_referral_a_district_sent_it(demo_store, tmp_path):
    """A district sends its referrals (asked for); the county's own export, not asked, holds none of them, and its
    summary adds up to the district's spend lines to the penny (victims, lines, amount)."""
    district = export_for_county(demo_store, tmp_path / "district.sqlite", include_referrals=True).path
    lines = demo_store.rows("SELECT count(DISTINCT referral_id), count(*), sum(amount_pence) FROM fund_spend_lines")
    refs = [r[0] for r in demo_store.rows("SELECT reference FROM fund_referrals")]
    county = open_store(tmp_path / "county-file.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge_accepting(county, [district])
        assert county.scalar("SELECT count(*) FROM fund_referrals") == len(refs) == 15
        out = export_for_county(county, tmp_path / "from-county.sqlite").path
        book = export_for_county(county, tmp_path / "from-county.xlsx", raw_tables=True).path
    finally:
        county.close()
    for path in (out, book):
        for where, data in _contents(path):
            assert not any(r.encode() in data for r in refs), where
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("SELECT count(*) FROM fund_referrals").fetchone() == (0,)
        assert conn.execute("SELECT count(*) FROM fund_spend_lines").fetchone() == (0,)
        summary = conn.execute("SELECT sum(victims), sum(spend_lines), sum(amount_pence), min(victims), "
                               "min(spend_lines) FROM fund_spend_summary").fetchone()
    finally:
        conn.close()
    assert list(summary[:3]) == list(lines[0]) == [15, 39, 241700]
    # No row of the county's summary counts one or two victims first supported (none is no one).
    conn = sqlite3.connect(out)
    try:
        assert conn.execute("SELECT count(*) FROM fund_spend_summary WHERE victims BETWEEN 1 AND 2").fetchone() \
            == (0,)
    finally:
        conn.close()
    sheet = openpyxl.load_workbook(book, read_only=True)["Fund spend"]
    assert not any(r and r[1] in {"Babergh", "Mid Suffolk"} for r in sheet.iter_rows(values_only=True))


def test_no_mark_of_a_referral_left_out_goes_with_the_default_export(demo_store, tmp_path):
    """The example marks each referral as illustrative, by its id: a row per victim. Left out with the referrals (the
    spend lines' marks stay, as the county's board report says from them that the fund's totals are the example's)."""
    ids = [r[0] for r in demo_store.rows("SELECT id FROM fund_referrals")]
    out = export_for_county(demo_store, tmp_path / "county.sqlite").path
    for where, data in _contents(out):
        assert not any(i.encode() in data for i in ids), where
    conn = sqlite3.connect(out)
    try:
        marked = dict(conn.execute("SELECT table_name, count(*) FROM illustrative_marks GROUP BY table_name"))
    finally:
        conn.close()
    assert "fund_referrals" not in marked and marked["fund_spend_lines"] == 39
    asked = export_for_county(demo_store, tmp_path / "asked.sqlite", include_referrals=True).path
    conn = sqlite3.connect(asked)
    try:
        assert conn.execute("SELECT count(*) FROM illustrative_marks WHERE table_name = 'fund_referrals'").fetchone() \
            == (15,)
    finally:
        conn.close()


def test_the_command_says_what_victim_level_detail_went_when_asked(demo_path, tmp_path):
    """--include-referrals said "individual referrals: included" and nothing of the reviews' notes it sent too, so an
    officer checking what left the office saw only the referrals. It says both, with how many; a workbook shows the
    notes only in its raw tables, and says so only then."""
    code, out, err = cli_output(["export", str(demo_path), str(tmp_path / "county.sqlite"), "--include-referrals"])
    assert code == 0, err
    assert "individual referrals: included (15)\n" in out, out
    assert "reviews' case and panel-meeting notes: included (3)\n" in out, out
    code, out, err = cli_output(["export", str(demo_path), str(tmp_path / "county.xlsx"), "--include-referrals"])
    assert code == 0, err
    assert "individual referrals: included (15)\n" in out and "notes" not in out, out
    code, out, err = cli_output(["export", str(demo_path), str(tmp_path / "raw.xlsx"), "--include-referrals",
                                 "--raw-tables"])
    assert code == 0, err
    assert "reviews' case and panel-meeting notes: included (3)\n" in out, out


def test_the_window_says_the_notes_went_with_the_referrals(demo_path, tmp_path, window, qtbot, prompts):
    from PySide6.QtCore import Qt

    assert window.open_path(demo_path)
    window.exchange_actions["export"].trigger()
    dialog = window.export_dialog
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "for county.sqlite"))
    dialog.referrals_check.setChecked(True)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(prompts.infos), timeout=15000)
    said = prompts.infos[-1][1]
    assert ("Individual referrals are included (15), and so are the reviews' case and panel-meeting notes (3)."
            in said), said
