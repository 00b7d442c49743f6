"""Round 36 (cny): the county merge and export say one true thing everywhere.

One order for the conflicts (the merge's summary, `safer-desk conflicts` and the window's Conflicts list); the
county overview as at the report's own day; free text that leaves the office checked again on the way out;
the export's name rule and its words agreeing.
"""

from __future__ import annotations

import re
import sqlite3
from datetime import date

import pytest

from safer_desk.services.projects import Project, add_projects
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import cli_output, edit_outside


def _numbers(text: str) -> list[int]:
    return [int(n) for n in re.findall(r"^\s+#(\d+) ", text, flags=re.M)]


def test_merge_lists_its_conflicts_in_the_order_and_numbers_conflicts_does(tmp_path, qtbot, window):
    """Two projects both offices hold, changed by each: the merge's summary and `safer-desk conflicts` list the
    same conflicts in the same order (and the window's list too), not #1, #2 in one and #2, #1 in the other."""
    from safer_desk.services.county import ConflictsPresenter, list_conflicts
    from safer_desk.ui.exchange.dialogs import MergeResultDialog

    base = template(tmp_path, police=False)
    store = open_store(base)
    try:  # the row found first is the one whose title sorts last
        add_projects(store, [Project(id="p-1", title="Zeta patrols", areas=("Countywide",)),
                             Project(id="p-2", title="Alpha outreach", areas=("Countywide",))])
    finally:
        store.close()
    a = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    b = office_from(base, tmp_path / "mid.sqlite", "Mid Suffolk office", districts=["Mid Suffolk"])
    try:
        for office, status in ((a, "live"), (b, "completed")):
            with office.transaction():
                office.conn.execute("UPDATE projects SET status = ?", (status,))
        paths = [export(a, tmp_path / "a.sqlite"), export(b, tmp_path / "b.sqlite")]
    finally:
        a.close()
        b.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        report = merge(county, paths)
        listed = [c.id for c in list_conflicts(county)]
        presented = [c.id for _g, _w, members in ConflictsPresenter(county).groups() for c in members]
    finally:
        county.close()
    text = report.text()
    assert len(listed) == 2, text
    summary = MergeResultDialog(report)  # the window's end-of-merge summary: its table of conflicts
    qtbot.addWidget(summary)
    shown = [summary.model.row(r).id for r in range(summary.model.rowCount())]
    code, out, err = cli_output(["conflicts", str(tmp_path / "county.sqlite")])
    assert code == 0, err
    assert _numbers(text) == _numbers(out) == listed == presented == shown, (text, out, shown)
    # File > Conflicts… on the county file: its table, row by row as the lead sees it (sorted as the view sorts).
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    assert window.open_path(tmp_path / "county.sqlite", read_only=True)
    dialog = ConflictsDialog(window.session, window)
    qtbot.addWidget(dialog)
    seen = [dialog.model.row(dialog.proxy.mapToSource(dialog.proxy.index(r, 0)).row()).id
            for r in range(dialog.proxy.rowCount())]
    assert seen == listed, seen
    window.session.close()
    code, out, err = cli_output(["conflicts", str(tmp_path / "county.sqlite"), "--keep", "county"])
    assert code == 0, err
    assert _numbers(out.split("(recorded in the audit trail):")[1]) == listed, out


def test_a_name_put_in_a_recommendation_outside_safer_desk_is_refused_at_export(tmp_path):
    """DESIGN §5, no victim names anywhere: a recommendation edited with sqlite3 to name someone is found again on
    the way out. The export is refused in words naming the table, the row and the field, never the name; nothing is
    written, and the export written once it is corrected holds no victim-level row."""
    from safer_desk.services.county import export_for_county

    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    store = open_store(office)
    try:
        rec_id, number, ref, text = store.one(
            "SELECT r.id, r.number, c.reference, r.text FROM dhr_recommendations r "
            "JOIN dhr_cases c ON c.id = r.case_id ORDER BY c.reference, r.number")
    finally:
        store.close()
    edit_outside(office, "UPDATE dhr_recommendations SET text = ? WHERE id = ?",
                  ("Jane Smith to be offered support", rec_id))
    for out in ("out.sqlite", "out.xlsx"):
        code, stdout, err = cli_output(["export", str(office), str(tmp_path / out)])
        assert code == 1, (stdout, err)
        assert "Jane" not in err and "Smith" not in err, err
        assert (f"Recommendation {number} of review {ref} (table dhr_recommendations, row {rec_id}, column text): "
                "looks like a person's name") in err, err
        assert not (tmp_path / out).exists()
    edit_outside(office, "UPDATE dhr_recommendations SET text = ? WHERE id = ?", (text, rec_id))
    store = open_store(office)
    try:
        path = export_for_county(store, tmp_path / "out.sqlite").path
    finally:
        store.close()
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("SELECT count(*) FROM fund_referrals").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM fund_spend_lines").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM dhr_cases WHERE notes <> ''").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM dhr_recommendations WHERE text LIKE '%Jane%'").fetchone()[0] == 0
    finally:
        conn.close()


def test_a_name_in_a_fund_s_item_or_an_address_in_a_cost_line_is_refused_too(tmp_path):
    """Every free-text field that travels and is checked when typed, not only recommendations: each is named."""
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    edit_outside(office, "UPDATE fund_items SET name = 'Alarm for Mrs Patel' WHERE rowid = (SELECT min(rowid) "
                          "FROM fund_items)")
    edit_outside(office, "UPDATE dhr_cost_lines SET description = 'Chair visited 12 Acacia Road, IP1 2AB' WHERE "
                          "rowid = (SELECT min(rowid) FROM dhr_cost_lines)")
    code, stdout, err = cli_output(["export", str(office), str(tmp_path / "out.sqlite")])
    assert code == 1 and "2 fields that would leave the office hold" in err, err
    assert "Item (table fund_items, row " in err and "looks like a person's name" in err, err
    assert " (table dhr_cost_lines, row " in err and "column description): looks like an address" in err, err
    assert "Patel" not in err and "Acacia" not in err and "IP1" not in err


def test_an_export_named_db_is_refused_in_the_words_that_say_sqlite_or_xlsx(tmp_path):
    """The words say ".sqlite or .xlsx" (DESIGN §4: OUT.sqlite|OUT.xlsx), so the rule does: a .db name was written."""
    office = tmp_path / "office.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    code, out, err = cli_output(["export", str(office), str(tmp_path / "for county.db")])
    assert code == 2 and "for county.db: the export must end in .sqlite (for the county to merge) or .xlsx" in err, \
        (out, err)
    assert not (tmp_path / "for county.db").exists()


def test_the_window_refuses_a_db_export_name_in_the_same_words(demo_window, qtbot, prompts, tmp_path):
    from PySide6.QtCore import Qt

    demo_window.exchange_actions["export"].trigger()
    dialog = demo_window.export_dialog
    dialog.path_edit.clear()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "for county.db"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and prompts.errors, prompts.infos
    assert prompts.errors[-1][1].startswith("for county.db: the export must end in .sqlite (for the county to merge)")
    assert not (tmp_path / "for county.db").exists()
    dialog.reject()



def test_the_county_overview_is_as_at_the_report_s_own_day(tmp_path):
    """The title page says the report's day (build_report's today); the county overview said the computer's."""
    from safer_desk.services.report import build_report
    from tests.exchange.district_offices import district_exports

    paths = district_exports(tmp_path, ["Babergh", "Ipswich"])
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    try:
        merge(county, paths)
        doc = build_report(county, year="2025/26", today=date(2026, 1, 20))
    finally:
        county.close()
    overview = next(s for s in doc.sections if s.title == "County overview")
    assert overview.paragraphs[0].endswith("as at 20/01/2026."), overview.paragraphs[0]


def test_a_county_file_given_as_a_district_file_is_not_called_a_district_s_own_file(tmp_path):
    """The county lead picks the county file itself (or last year's county file) among the exports: the refusal
    said to "use File > Export for County… in the district", which a county file never came from."""
    from tests.exchange.district_offices import district_exports
    from tests.exchange.helpers import accept_key_args

    paths = district_exports(tmp_path, ["Babergh"])
    county, other = tmp_path / "county.sqlite", tmp_path / "last year's county.sqlite"
    for made in (county, other):
        code, out, err = cli_output(["merge", str(made), str(paths[0]), *accept_key_args()])
        assert code == 0, err
    before = county.read_bytes()
    code, out, err = cli_output(["merge", str(county), str(county)])
    assert code == 1 and "county.sqlite cannot be merged: it is the county file being merged into" in err, err
    assert "in the district" not in err
    code, out, err = cli_output(["merge", str(county), str(other)])
    assert code == 1 and "last year's county.sqlite cannot be merged: it is a county file" in err, err
    assert "in the district" not in err
    assert county.read_bytes() == before


def test_the_workbook_s_exported_on_is_the_day_on_the_office_s_clock(monkeypatch):
    """The manifest keeps the moment in UTC; the workbook's Contents said its UTC date, a day before the sheets'
    "Figures as at" (the office's today) for an export made between midnight and 1am in summer."""
    import time

    from safer_desk.exchange.county_workbook import _exported_at

    if not hasattr(time, "tzset"):
        pytest.skip("the time zone can be set for a test only where time.tzset exists")
    monkeypatch.setenv("TZ", "Europe/London")
    time.tzset()
    try:
        shown = _exported_at("2026-07-01T23:30:00.000000+00:00")
    finally:
        monkeypatch.undo()
        time.tzset()
    assert shown.date() == date(2026, 7, 2), shown
