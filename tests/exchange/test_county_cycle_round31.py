"""Round 31: a county lead's two years with several district offices (merge, edits at the county, next exports)."""

from __future__ import annotations

from safer_desk.services import projects as ps
from safer_desk.services.county import list_conflicts
from tests.exchange.district_offices import merge


def set_cost(store, cost: str) -> None:
    p = ps.get_project(store, "p-shared")
    ps.save_project(store, ps.project_from_fields({**ps.project_fields(p), "cost": cost}, base=p))


def test_an_edit_at_the_county_of_a_project_two_offices_hold_alike_stands_at_either_office_s_next_file(offices,
                                                                                                      monkeypatch):
    """Babergh and Mid Suffolk hold the county-wide project alike (Mid Suffolk's saved at another time: its
    'last changed' differs, which is its own bookkeeping). The county lead edits its cost. Neither office has changed
    the project, so neither office's next file raises a conflict, and the county's edit stands (the guide: "merging
    the office's file again (… a newer one in which that row has not changed since it was merged) raises nothing")."""
    o = offices
    set_cost(o.babergh, "£30,000")
    monkeypatch.setattr(ps, "_now", lambda: "2026-05-01T09:00:00+00:00")
    set_cost(o.mid, "£31,000")  # a slip, put right a moment later: the same project, saved later than Babergh's
    set_cost(o.mid, "£30,000")
    monkeypatch.undo()
    assert o.babergh.scalar("SELECT updated_at FROM projects WHERE id = 'p-shared'") != \
        o.mid.scalar("SELECT updated_at FROM projects WHERE id = 'p-shared'")
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert list_conflicts(o.county) == []

    set_cost(o.county, "£35,000")  # the county lead's own decision
    for office in (o.mid, o.babergh):
        merge(o.county, [o.send(office)])
        assert [c.detail for c in list_conflicts(o.county)] == []
        assert o.county_cost() == 3_500_000


def agree_allocation(store, name: str, pot: str) -> None:
    from safer_desk.services import allocation as a

    rows = a.read_input_rows([["partnership", "fixed_units", "basis", "previous"],
                              ["Western Suffolk CSP", "2", "10000", "200000"],
                              ["Safer Suffolk Partnership Board", "1", "7937", "160607"]])
    a.set_adopted(store, a.save_scenario(store, name, "2026/27", rows, a.build_options(pot=pot)))


def test_two_offices_each_sending_an_agreed_allocation_for_the_year_is_said_in_the_board_report(offices):
    """Babergh's file holds 'Split B' (£400,000) as agreed by the board for 2026/27, Mid Suffolk's 'Split M'
    (£450,000). The county file holds both marked agreed: its board report must not show one of them as "Agreed by the
    board" and leave the other unsaid."""
    from safer_desk.services.report import build_report

    o = offices
    agree_allocation(o.babergh, "Split B", "400000")
    agree_allocation(o.mid, "Split M", "450000")
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    assert o.county.scalar("SELECT count(*) FROM allocation_scenarios WHERE year = '2026/27' AND adopted = 1") == 2

    doc = build_report(o.county, year="2026/27")
    words = [p for s in doc.sections for p in s.paragraphs] + \
        [t.note for s in doc.sections for t in s.tables if t.note]
    said = [w for w in words if "Split B" in w and "Split M" in w]
    assert said, words
    assert "Babergh office" in said[0] and "Mid Suffolk office" in said[0]
    overview = next(s for s in doc.sections if s.title == "County overview")
    # alloc2 (s68): each office's board agrees its own allocation; each is shown, saying whose, neither left unsaid.
    notes = sorted(t.note for t in overview.tables if t.title.startswith("Alloc"))
    assert notes == ["Agreed by the board. Merged from Babergh office.", "Agreed by the board. Merged from Mid Suffolk "
                     "office."], notes


def test_a_county_merged_before_this_round_is_put_right_by_the_upgrade_step(offices, monkeypatch):
    """A county that merged the shared project before this round kept Babergh's copy to the byte: once the county
    edited it, Mid Suffolk's unchanged copy came up as a conflict. The upgrade step keeps it by what it is."""
    from safer_desk.storage import row_hashes

    o = offices
    set_cost(o.babergh, "£30,000")
    monkeypatch.setattr(ps, "_now", lambda: "2026-05-01T09:00:00+00:00")
    set_cost(o.mid, "£30,000")
    monkeypatch.undo()
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    conn = o.county.conn
    columns = [r[1] for r in conn.execute("PRAGMA table_info(projects)")]
    row = conn.execute(f"SELECT {', '.join(columns)} FROM projects WHERE id = 'p-shared'").fetchone()
    with o.county.transaction():  # as a county merged before this round kept it: the first office's copy
        conn.execute(f"UPDATE {row_hashes.ORIGINS} SET row_hash = ? WHERE table_name = 'projects' AND "
                     "row_key = 'p-shared'", (bytes.fromhex(row_hashes.row_hash(columns, tuple(row))[:32]),))
        assert row_hashes.keep_shared_by_what_they_are(conn) >= 1  # what the upgrade step does
    set_cost(o.county, "£35,000")
    merge(o.county, [o.send(o.mid)])
    assert [c.detail for c in list_conflicts(o.county)] == [] and o.county_cost() == 3_500_000


def test_two_files_of_one_office_in_one_merge_tell_its_conflict_once(offices):
    """Babergh's export 2 and 3, merged at once (s58), both send the cost the county holds otherwise: one conflict,
    #1, listed once in the summary and the window's table (as the county file holds it), never "3 conflicts" with #1
    twice in different words."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    set_cost(o.babergh, "£30,000")
    set_cost(o.mid, "£40,000")
    second, third = o.send(o.babergh), o.send(o.babergh)
    report = merge(o.county, [second, o.send(o.mid), third])
    held = sorted(c.id for c in list_conflicts(o.county))
    assert held == [1, 2]
    assert sorted(c.id for c in report.conflicts) == held
    text = report.text()
    assert "In all:" in text and "2 conflicts." in text.split("In all:")[1].split("\n")[0], text
    assert text.count("\n  #1 ") == 1, text
    # The words are the county file's now, as `safer-desk conflicts` says them.
    assert {c.id: c.detail for c in report.conflicts} == {c.id: c.detail for c in list_conflicts(o.county)}


def test_a_conflict_a_later_file_of_the_same_merge_closed_is_not_listed_open(offices):
    """Babergh's export 2 changes the cost, its export 3 puts it back as the county holds it: both in one merge, the
    conflict the first raised is closed by the second, and the summary lists no conflict open."""
    o = offices
    merge(o.county, [o.send(o.babergh), o.send(o.mid)])
    before = ps.project_fields(ps.get_project(o.babergh, "p-shared"))["cost"]
    set_cost(o.babergh, "£30,000")
    second = o.send(o.babergh)
    set_cost(o.babergh, before or "")
    report = merge(o.county, [second, o.send(o.babergh)])
    assert list_conflicts(o.county) == []
    assert report.conflicts == [], report.text()
    assert "conflicts: the county's version is kept" not in report.text()
