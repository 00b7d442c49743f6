"""Session 66: Babergh office and Mid Suffolk office each typed their own "CSP plan 2025/26" (Babergh: Youth diversion
£4,000 and Night-time economy £1,500; Mid Suffolk: Target hardening £2,500). The county holds a plan once by its name,
so the two became one plan and a conflict that said only “only in it "line Night-time economy …" from Babergh office,
"line Target hardening …" from Mid Suffolk office”. Keeping either side then left the other office's lines out of
the county file, and neither the conflict nor the decision said so. The conflict now says what each choice leaves
out, and the way to keep both: the office renames its plan and sends it again (a plan of its own at the county)."""

from __future__ import annotations

from safer_desk.services import budgets as b
from safer_desk.services.county import export_for_county, list_conflicts
from safer_desk.storage.store import create_file, open_store
from tests.exchange.helpers import cli_output, merge_accepting

PLAN = "CSP plan 2025/26"


def _office(folder, name, lines):
    path = folder / f"{name}.sqlite"
    create_file(path, name)
    store = open_store(path)
    try:
        plan = b.create_plan(store, PLAN, columns=["2025/26"])
        section = b.add_section(store, plan, "Expenditure")
        for label, amount in lines:
            b.set_cell(store, b.add_line(store, section, label), "2025/26", amount)
        return export_for_county(store, folder / f"{name}-export.sqlite").path
    finally:
        store.close()


def _county(tmp_path):
    babergh = _office(tmp_path, "Babergh office", [("Youth diversion", "£4,000"), ("Night-time economy", "£1,500")])
    mid = _office(tmp_path, "Mid Suffolk office", [("Target hardening", "£2,500")])
    path = tmp_path / "county.sqlite"
    county = open_store(path, create=True, office_name="Suffolk county team")
    try:
        summary = merge_accepting(county, [babergh, mid])
        (conflict,) = list_conflicts(county)
    finally:
        county.close()
    return path, summary, conflict


def test_the_conflict_says_what_each_choice_leaves_out(tmp_path):
    _, summary, conflict = _county(tmp_path)
    said = ("Keeping the county's version leaves Mid Suffolk office's line Target hardening (Expenditure) out of the "
            "county file; keeping Mid Suffolk office's version takes line Night-time economy (Expenditure) and line "
            "Youth diversion (Expenditure) out of it. If they are two plans, not one paper typed twice, ask Mid "
            "Suffolk office to rename its plan (Budgets tab, Rename…) and send a new export: it then comes in as a "
            "plan of its own")
    assert conflict.detail.endswith(said), conflict.detail
    assert said in summary.text()


def test_the_conflicts_listing_and_the_decision_say_it_too(tmp_path):
    path, _, _ = _county(tmp_path)
    assert "leaves Mid Suffolk office's line Target hardening (Expenditure) out of the county file" in \
        cli_output(["conflicts", str(path)])[1]
    code, out, _ = cli_output(["conflicts", str(path), "--keep", "county"])
    assert code == 0 and "leaves Mid Suffolk office's line Target hardening (Expenditure) out" in out


def test_the_way_said_keeps_both_plans(tmp_path):
    """What the conflict advises works: Mid Suffolk office renames its plan and sends it again; the county then
    holds both plans, each office's lines in its own, and the conflict is closed."""
    path, _, _ = _county(tmp_path)
    office = open_store(tmp_path / "Mid Suffolk office.sqlite")
    try:
        b.update_plan(office, b.plan_id_by_name(office, PLAN), name="Mid Suffolk CSP plan 2025/26")
        again = export_for_county(office, tmp_path / "mid-2.sqlite").path
    finally:
        office.close()
    county = open_store(path)
    try:
        merge_accepting(county, [again])
        assert list_conflicts(county) == []
    finally:
        county.close()
    rows = cli_output(["budget", str(path)])[1].splitlines()
    assert "CSP plan 2025/26,Expenditure,Youth diversion,2025/26,4000,amount,,Babergh office" in rows
    assert "Mid Suffolk CSP plan 2025/26,Expenditure,Target hardening,2025/26,2500,amount,,Mid Suffolk office" in rows
