"""The county workbook's register writes each funder's share with its financial year, as the editor takes it back."""

from safer_desk.services.county_workbook import funders_shares_text
from safer_desk.services.projects import parse_funding_sources
from safer_desk.storage.store import open_store


def test_shares_keep_their_year_and_read_back_as_typed(demo_path):
    from safer_desk.services.projects import load_projects

    store = open_store(demo_path)
    try:
        projects = [p for p in load_projects(store) if p.funding_sources]
    finally:
        store.close()
    assert projects
    for project in projects:
        text = funders_shares_text(project)
        problems: list = []
        parsed = parse_funding_sources(text, problems)  # "; " between shares, as the register's export writes them
        assert problems == [], (text, problems)
        assert [(s.source, s.financial_year, s.amount_pence, s.amount_note) for s in parsed] == \
            [(s.source, s.financial_year, s.amount_pence, s.amount_note) for s in project.funding_sources], text
    dated = [p for p in projects if any(s.financial_year for s in p.funding_sources)]
    assert dated and all(f"({s.financial_year}): " in funders_shares_text(p)
                         for p in dated for s in p.funding_sources if s.financial_year)
