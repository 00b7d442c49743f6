"""A figure one office typed over the police.uk counts for ANOTHER office's district (s67).

Babergh office, its scope Babergh, typed All crime for Ipswich, Jun 2025 = 1,234 over the counts' 1,067 (its file had
covered every district when it was typed). The merge took it as "the office's own choice": "2 replaced, 0
conflicts", the county file held 1,234 for Ipswich, and Ipswich office's own later export, with the same counts,
raised nothing. An office's typed figure now follows through only for its own areas; for another office's district
it is a conflict naming both offices and both figures, and the county keeps the counts' figure until the lead decides.
"""

from __future__ import annotations

import pytest

from safer_desk.services import indicators as ind
from safer_desk.services.county import list_conflicts, resolve_conflicts
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import accept_key_args, cli_output

IPSWICH_JUNE = ("indicator:all-crime", "district:ipswich", "2025-06")


def figure(store, key=IPSWICH_JUNE):
    return tuple(store.one("SELECT value, source FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND "
                           "period = ?", key))


@pytest.fixture
def sent(tmp_path):
    """Babergh office's exports (the first with 1,234 typed for Ipswich, Jun 2025; the second sent later, the same),
    Ipswich office's two exports, and the counts' figure."""
    base = template(tmp_path)
    b = office_from(base, tmp_path / "b.sqlite", "Babergh office", districts=["Babergh"])
    i = office_from(base, tmp_path / "i.sqlite", "Ipswich office", districts=["Ipswich"])
    try:
        police = figure(i)
        assert police[1] == "police.uk" and police[0] != 1234
        ind.save_values(b, *IPSWICH_JUNE[:2], [ind.PeriodValue(IPSWICH_JUNE[2], 1234.0)], require_red_comments=False)
        ind.save_values(b, "indicator:all-crime", "district:babergh", [ind.PeriodValue("2025-06", 555.0)],
                        require_red_comments=False)
        paths = {"b1": export(b, tmp_path / "b-1.sqlite"), "i1": export(i, tmp_path / "i-1.sqlite"),
                 "b2": export(b, tmp_path / "b-2.sqlite"), "i2": export(i, tmp_path / "i-2.sqlite")}
    finally:
        b.close()
        i.close()
    return paths, police[0]


@pytest.fixture
def county(tmp_path):
    store = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    yield store
    store.close()


def _words(police: float, sender: str, tail: str) -> str:
    return f"Indicator 'All crime', Ipswich, Jun 2025: {police:,.0f} from police.uk counts sent by {sender}, 1,234 " \
           f"typed by Babergh office ({tail})"


def test_ipswich_merged_first_then_babergh_typed_for_ipswich_is_a_conflict_not_replaced(sent, county):
    paths, police = sent
    assert merge(county, [paths["i1"]]).conflicts == []
    report = merge(county, [paths["b1"]])
    figures = [c for c in report.conflicts if c.table == "indicator_values"]
    assert [c.detail for c in figures] == [_words(police, "Ipswich office",
                                                  "Ipswich is Ipswich office's area, not Babergh office's")]
    assert figure(county) == (police, "police.uk")
    # Babergh's own district: its figure typed over its own counts is still its own choice, followed
    assert figure(county, ("indicator:all-crime", "district:babergh", "2025-06")) == (555, "typed")
    # Ipswich's own later export with the same counts: its figure stands, and the conflict stays for the lead
    merge(county, [paths["i2"]])
    assert figure(county) == (police, "police.uk")
    assert [c.detail for c in list_conflicts(county) if c.table == "indicator_values"] == [c.detail for c in figures]


def test_babergh_merged_first_with_the_counts_holds_the_counts_figure_and_asks(sent, county):
    paths, police = sent
    report = merge(county, [paths["b1"]])
    [c] = [c for c in report.conflicts if c.table == "indicator_values"]
    assert c.detail == _words(police, "Babergh office", "Ipswich is not one of Babergh office's areas")
    assert figure(county) == (police, "police.uk")
    # the figure held with the conflict is not counted as added (the summary said one more than the county holds)
    held = county.scalar("SELECT count(*) FROM _county_origins WHERE table_name = 'indicator_values'")
    assert report.merged[0].tables["indicator_values"]["added"] == held
    assert figure(county, ("indicator:all-crime", "district:babergh", "2025-06")) == (555, "typed")
    merge(county, [paths["i1"], paths["i2"]])
    assert figure(county) == (police, "police.uk")
    assert [x.id for x in list_conflicts(county) if x.table == "indicator_values"] == [c.id]


@pytest.mark.parametrize("keep, value", [("county", None), ("district", 1234)])
def test_the_leads_decision_stands_through_the_offices_later_files(sent, county, keep, value):
    paths, police = sent
    merge(county, [paths["i1"], paths["b1"]])
    [c] = [c for c in list_conflicts(county) if c.table == "indicator_values"]
    resolve_conflicts(county, keep, which=c.id)
    expected = (police, "police.uk") if value is None else (value, "typed")
    assert figure(county) == expected
    report = merge(county, [paths["b2"], paths["i2"]])
    assert [x for x in report.conflicts if x.table == "indicator_values"] == []
    assert figure(county) == expected


def test_the_cli_merge_says_so(sent, tmp_path):
    paths, police = sent
    target = str(tmp_path / "cli county.sqlite")
    code, out, err = cli_output(["merge", target, str(paths["i1"]), *accept_key_args()])
    assert code == 0, err
    code, out, err = cli_output(["merge", target, str(paths["b1"]), *accept_key_args()])
    assert code == 0, err
    assert _words(police, "Ipswich office", "Ipswich is Ipswich office's area, not Babergh office's") in out, out
    code, out, _ = cli_output(["indicators", target, "--area", "Ipswich"])
    assert f"All crime,Ipswich,2025-06,{police:.0f}" in out.splitlines()


def test_the_merge_and_conflicts_windows_show_the_same_words(sent, county, window, qtbot):
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog
    from safer_desk.ui.exchange.dialogs import MergeResultDialog

    paths, police = sent
    merge(county, [paths["i1"]])
    summary = MergeResultDialog(merge(county, [paths["b1"]]))  # the window's end-of-merge summary
    qtbot.addWidget(summary)
    said = [summary.proxy.index(r, 1).data() for r in range(summary.proxy.rowCount())]
    assert _words(police, "Ipswich office", "Ipswich is Ipswich office's area, not Babergh office's") in said, said
    path = county.path
    county.close()
    assert window.open_path(path)
    dialog = ConflictsDialog(window.session, window)
    qtbot.addWidget(dialog)
    shown = [dialog.proxy.index(r, 1).data() for r in range(dialog.proxy.rowCount())]
    assert _words(police, "Ipswich office", "Ipswich is Ipswich office's area, not Babergh office's") in shown, shown
    window.session.close()


def test_a_later_download_from_babergh_leaves_the_figure_the_lead_kept_and_asks_again(tmp_path, county):
    """The lead kept Babergh office's 1,234 for Ipswich; Babergh's next file brings a later download of Jun 2025
    (every count one more): the county keeps 1,234 (the lead's) and asks about the new counts' figure, as it does
    when another office brings them, rather than putting the counts' figure back unasked."""
    from tests.exchange.district_offices import load_police

    base = template(tmp_path)
    b = office_from(base, tmp_path / "b.sqlite", "Babergh office", districts=["Babergh"])
    i = office_from(base, tmp_path / "i.sqlite", "Ipswich office", districts=["Ipswich"])
    try:
        ind.save_values(b, *IPSWICH_JUNE[:2], [ind.PeriodValue(IPSWICH_JUNE[2], 1234.0)], require_red_comments=False)
        first, ipswich = export(b, tmp_path / "b-1.sqlite"), export(i, tmp_path / "i-1.sqlite")
        load_police(b, None, download="2026-01.zip", sha="3" * 64, change=1,
                    imported_at="2030-01-01T00:00:00+00:00")  # imported after the county's
        assert figure(b) == (1234, "typed")
        later = export(b, tmp_path / "b-2.sqlite")
    finally:
        b.close()
        i.close()
    merge(county, [ipswich])
    merge(county, [first])
    [c] = [c for c in list_conflicts(county) if c.table == "indicator_values"]
    resolve_conflicts(county, "district", which=c.id)
    assert figure(county) == (1234, "typed")
    report = merge(county, [later])
    assert report.merged[0].public == {"replaced": 12}, report.text()
    assert figure(county) == (1234, "typed")
    [c] = [c for c in report.conflicts if c.table == "indicator_values"]
    assert c.detail == ("Indicator 'All crime', Ipswich, Jun 2025: 1,234 typed by Babergh office, 1,080 from "
                        "police.uk counts sent by Babergh office"), c.detail


def test_an_office_whose_file_names_no_scope_holds_no_district_as_its_own(tmp_path, county):
    """A file whose scope was never set (it lists every district) typed 4,321 for Ipswich: not taken as its own."""
    s = office_from(template(tmp_path), tmp_path / "n.sqlite", "Stowmarket office", county="")
    try:
        ind.save_values(s, *IPSWICH_JUNE[:2], [ind.PeriodValue(IPSWICH_JUNE[2], 4321.0)], require_red_comments=False)
        path = export(s, tmp_path / "n-1.sqlite")
    finally:
        s.close()
    report = merge(county, [path])
    assert figure(county)[1] == "police.uk"
    [c] = [c for c in report.conflicts if c.table == "indicator_values"]
    assert c.detail.endswith("4,321 typed by Stowmarket office (Stowmarket office's file names no areas of its own; "
                             "the office sets them in File > Office Details…)"), c.detail
