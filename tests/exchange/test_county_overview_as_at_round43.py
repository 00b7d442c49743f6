"""Round 43 (bx3): the county overview's first paragraph names the day its figures are as at.

`safer-desk report --year 2018/19` on a county file (its DHR and fund figures as at 31/03/2019, the title page says)
opened the County overview with "Figures from the office file merged into this county file (…), as at 03/12/2026":
the day the report was made, where its recovery table below is as at 31 March 2019. It now says which figures are
as at which day, as the title page does; the day the report was made only as "as recorded on".
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.exchange.helpers import cli_output, officer_keys

MADE = date(2026, 12, 3)
HEAD = "Figures from the office file merged into this county file (Example office (seed papers))"


@pytest.fixture
def county(tmp_path):
    from safer_desk.storage.store import open_store

    office, export, county = tmp_path / "office.sqlite", tmp_path / "ex.sqlite", tmp_path / "county.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    assert cli_output(["export", str(office), str(export)])[0] == 0
    code, _out, err = cli_output(["merge", str(county), str(export), "--accept-key", officer_keys()[0]])
    assert code == 0, err
    store = open_store(county, read_only=True)
    yield store
    store.close()


def _overview(doc):
    return next(s for s in doc.sections if s.title == "County overview")


def test_a_past_years_report_names_its_year_end_not_the_day_it_was_made(county):
    from safer_desk.services.report import build_report

    doc = build_report(county, year="2018/19", today=MADE)
    first = _overview(doc).paragraphs[0]
    assert first == (f"{HEAD}. Domestic Homicide Reviews and pooled funds: figures as at 31/03/2019, the end of "
                     "2018/19; other figures as recorded on 03/12/2026.")
    assert first.partition(". ")[2] == doc.as_at_line + "."  # as the title page says it
    assert "as at 03/12/2026" not in first


def test_the_as_at_day_asked_for_is_the_one_named(county):
    from safer_desk.services.report import build_report

    first = _overview(build_report(county, year="2018/19", as_at=date(2018, 12, 31), today=MADE)).paragraphs[0]
    assert first == (f"{HEAD}. Domestic Homicide Reviews and pooled funds: figures as at 31/12/2018; other figures "
                     "as recorded on 03/12/2026.")


def test_figures_as_at_the_day_it_is_made_say_that_day(county):
    from safer_desk.services.report import build_report

    first = _overview(build_report(county, today=MADE)).paragraphs[0]
    assert first == f"{HEAD}, as at 03/12/2026."


def test_with_no_figure_as_at_the_day_the_paragraph_says_as_recorded(county):
    from safer_desk.services.report_sections.county import merged_offices_words

    words = merged_offices_words(county, MADE, as_at=date(2019, 3, 31), kinds=set())
    assert words == f"{HEAD}, as recorded on 03/12/2026."
