"""The example file marks what it invents (issue 14): payments, cost lines, catalogue prices, referrals and
spend lines, an example scenario; the papers' own figures (plans, awards, shares, contributions) are not marked."""

from safer_desk.services.illustrative import has_illustrative_rows, illustrative_rows


def marked(store, table):
    return illustrative_rows(store, table)


def test_invented_rows_are_marked_with_a_reason(demo_store):
    assert has_illustrative_rows(demo_store)
    counts = {t: len(marked(demo_store, t)) for t in (
        "dhr_cost_lines", "dhr_payments", "dhr_panel_meetings", "dhr_recommendations", "fund_items",
        "fund_referrals", "fund_spend_lines", "commissioning_scenarios", "allocation_scenarios")}
    assert counts == {"dhr_cost_lines": 3, "dhr_payments": 6, "dhr_panel_meetings": 9, "dhr_recommendations": 6,
                      "fund_items": 6, "fund_referrals": 15, "fund_spend_lines": 39, "commissioning_scenarios": 1,
                      "allocation_scenarios": 1}
    for table in counts:
        assert all(note for note in marked(demo_store, table).values()), table
    assert set(marked(demo_store, "dhr_payments")) == {r[0] for r in demo_store.rows("SELECT id FROM dhr_payments")}
    exact = demo_store.scalar("SELECT id FROM allocation_scenarios WHERE name = 'Option 2 with exact shares'")
    assert set(marked(demo_store, "allocation_scenarios")) == {exact}


def test_the_papers_figures_are_not_marked(demo_store):
    for table in ("budget_cells", "budget_stated_totals", "funding_awards", "funding_award_years",
                  "project_funding_sources", "project_cost_lines", "projects", "fund_contributions", "dhr_shares",
                  "funds", "dhr_cases"):
        assert marked(demo_store, table) == {}, table
    # the marked spend still adds up to the paper's £2,417 on 15 victims
    total = demo_store.scalar("SELECT sum(amount_pence) FROM fund_spend_lines")
    assert total == 241_700 and demo_store.scalar("SELECT count(*) FROM fund_referrals") == 15


def test_the_report_says_illustrative_where_a_marked_figure_is_printed(demo_store):
    from datetime import date

    from safer_desk.services.report_sections.costs import board_report_sections as costs
    from safer_desk.services.report_sections.projects import board_report_sections as projects

    recovery, burn = costs(demo_store, today=date(2018, 9, 1))
    per_case = recovery.tables[0]
    row = next(r for r in per_case.rows if r[0] == "WSCSP-DHR-2017-01")
    assert row[7].endswith("(illustrative)") and "Payments marked (illustrative)" in per_case.note
    assert burn.tables[0].note.startswith("Illustrative: Example spend lines")
    scenarios = projects(demo_store)[1]
    assert "Illustrative: An example choice" in scenarios.tables[0].note


def test_a_mark_on_a_shared_row_is_shared_when_two_offices_send_it_alike():
    from safer_desk.exchange.county_merge import _deterministic_key

    assert _deterministic_key("item:door-chain")
    assert _deterministic_key('["fund_items","item:door-chain"]')
    assert not _deterministic_key('["dhr_payments","0123456789abcdef0123456789abcdef"]')
    assert not _deterministic_key('["fund_items","0123456789abcdef0123456789abcdef"]')
    assert not _deterministic_key("0123456789abcdef0123456789abcdef") and not _deterministic_key("[not json")
