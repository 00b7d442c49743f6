"""Round 37 (xp2): a conflict about a partner says which office each side came from.

Two offices each added "Suffolk Refuge Trust" to their partners, one as a council, the other as "other". The county's
conflict said "kind council in the county file, other from Mid Suffolk office": the county lead could not tell which
office to ring about "council", though the county file knows (its ``_county_origins``). It says so now, the same words
in the merge's summary, `safer-desk conflicts` and File > Conflicts…, numbered and listed as before.
"""

from __future__ import annotations

import pytest

from safer_desk.services.county import ConflictsPresenter, conflict_order, list_conflicts, resolve_conflicts
from safer_desk.services.reference import add_organisation
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, merge, office_from, template
from tests.exchange.helpers import cli_output

TRUST = "Suffolk Refuge Trust"


def set_kind(store, kind: str) -> None:
    with store.transaction():
        store.conn.execute("UPDATE organisations SET kind = ? WHERE name = ?", (kind, TRUST))


@pytest.fixture
def three(tmp_path):
    """Babergh, Mid Suffolk and Ipswich offices from one template, and their county file."""
    base = template(tmp_path, police=False)
    offices = {name: office_from(base, tmp_path / f"{name.split()[0].lower()}.sqlite", f"{name} office",
                                 districts=[name]) for name in ("Babergh", "Mid Suffolk", "Ipswich")}
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    sent = iter(range(100))

    def send(name: str, kind: str | None = None):
        office = offices[name]
        if kind is not None:
            if office.scalar("SELECT 1 FROM organisations WHERE name = ?", (TRUST,)):
                set_kind(office, kind)
            else:
                add_organisation(office, TRUST, kind)
        return export(office, tmp_path / f"export-{next(sent)}.sqlite")

    yield county, send
    for store in (county, *offices.values()):
        store.close()


def trust_conflicts(county) -> list:
    return [c for c in list_conflicts(county) if c.table == "organisations"]


def test_a_partner_two_offices_added_differently_says_whose_each_side_is(three, tmp_path):
    county, send = three
    report = merge(county, [send("Babergh", "council"), send("Mid Suffolk", "other")])
    [c] = trust_conflicts(county)
    said = f"Organisation {TRUST}: kind council from Babergh office, other from Mid Suffolk office"
    assert c.detail == said, c.detail
    assert (c.county_side, c.district_side) == ("kind council from Babergh office", "other from Mid Suffolk office")
    assert f"#{c.id} {said}" in report.text()
    code, out, err = cli_output(["conflicts", str(county.path)])
    assert code == 0 and f"  #{c.id} {said}\n" in out, (out, err)
    presenter = ConflictsPresenter(county)
    assert [x.detail for _g, _w, members in presenter.groups() for x in members] == [said]


def test_an_office_that_changes_its_own_partner_is_told_from_its_earlier_export(three):
    county, send = three
    merge(county, [send("Babergh", "council")])
    merge(county, [send("Babergh", "other")])
    [c] = trust_conflicts(county)
    assert c.detail == (f"Organisation {TRUST}: kind council from Babergh office's earlier export, other from "
                        "Babergh office"), c.detail


def test_a_partner_several_offices_sent_alike_names_the_office_it_came_from(three):
    """Which other offices sent it alike the county does not keep for certain (a decision sets a version aside, and
    the office still holds the partner): the office whose file brought it is named, and nothing more is claimed."""
    county, send = three
    merge(county, [send("Babergh", "council"), send("Ipswich", "council"), send("Mid Suffolk", "other")])
    [c] = trust_conflicts(county)
    assert c.county_side == "kind council from Babergh office", c.detail


def test_a_conflict_told_again_after_a_decision_names_the_office_whose_version_was_kept(three):
    """Babergh said council, Mid Suffolk other, Ipswich district: keeping Mid Suffolk's version, Ipswich's conflict
    (still open, its number and place kept) says the county's side is Mid Suffolk office's now."""
    county, send = three
    merge(county, [send("Babergh", "council"), send("Mid Suffolk", "other"), send("Ipswich", "district")])
    before = trust_conflicts(county)
    assert [c.office_name for c in before] == ["Ipswich office", "Mid Suffolk office"]
    assert before == sorted(before, key=conflict_order)
    ipswich, mid = before
    assert ipswich.county_side == "kind council from Babergh office", ipswich.detail
    resolve_conflicts(county, "district", which=mid.id)
    [left] = trust_conflicts(county)
    assert left.id == ipswich.id
    assert left.detail == f"Organisation {TRUST}: kind other from Mid Suffolk office, district from Ipswich office"


def test_a_partner_edited_at_the_county_says_so(three):
    county, send = three
    merge(county, [send("Babergh", "council")])
    set_kind(county, "voluntary")
    merge(county, [send("Mid Suffolk", "other")])
    [c] = trust_conflicts(county)
    assert c.county_side == "kind voluntary at the county (edited there since it came from Babergh office)", c.detail


def test_the_conflicts_window_shows_whose_each_side_is(three, window, qtbot):
    from safer_desk.ui.exchange.conflicts_dialog import ConflictsDialog

    county, send = three
    merge(county, [send("Babergh", "council"), send("Mid Suffolk", "other")])
    path = county.path
    county.close()
    assert window.open_path(path)
    dialog = ConflictsDialog(window.session, window)
    qtbot.addWidget(dialog)
    c = dialog.selected()
    assert c is not None and "kind council from Babergh office, other from Mid Suffolk office" in \
        dialog.detail_label.text(), dialog.detail_label.text()
    shown = dialog.proxy.index(0, 1).data()
    assert shown == f"Organisation {TRUST}: kind council from Babergh office, other from Mid Suffolk office"
    window.session.close()
