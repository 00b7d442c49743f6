"""Round 32 (cty): a county file made by `merge` — its county figure against the force's police.uk total, and the
name the report gives the file's maker.

The county's figures are the sum of its districts' (DESIGN §3). police.uk rows with no location ("Unknown area":
217 of Suffolk Constabulary's crimes Apr–Dec 2025) and those it places in districts outside the county are in no
district of it, so the county figure is below the force's own total: the report says by how much and why, and the
window shows the same county figure as the report."""

from __future__ import annotations

from datetime import date

import pytest

from safer_desk.domain.periods import FinancialYear
from tests.exchange.helpers import cli_output, officer_keys

# All crime in Suffolk Constabulary's files, Apr-25 to Dec-25 (the demo's police.uk months, from
# /work/shared/data/police-uk/suffolk-2025): every row but anti-social behaviour.
IN_DISTRICTS, UNKNOWN, OUTSIDE = 32_948, 217, 441


@pytest.fixture
def county_file(tmp_path):
    office, export, county = tmp_path / "office.sqlite", tmp_path / "ex.sqlite", tmp_path / "COUNTY.sqlite"
    assert cli_output(["demo", str(office)])[0] == 0
    assert cli_output(["export", str(office), str(export)])[0] == 0
    code, out, err = cli_output(["merge", str(county), str(export), "--accept-key", officer_keys()[0]])
    assert code == 0, err
    return county, out


def _section(doc, title):
    return next(s for s in doc.sections if s.title == title)


def test_the_county_figure_and_the_crimes_police_uk_placed_in_no_district_of_it(county_file):
    from safer_desk.presenters.indicators import IndicatorsPresenter
    from safer_desk.services import indicators as svc
    from safer_desk.services.report import build_report
    from safer_desk.storage.store import open_store

    store = open_store(county_file[0], read_only=True)
    try:
        doc = build_report(store, year="2025/26", today=date(2026, 1, 20))
        section = _section(doc, "Indicators: Suffolk")
        said = " ".join(section.paragraphs)
        assert f"{UNKNOWN:,} that police.uk could not place in any area" in said, said
        assert f"{OUTSIDE:,}" in said and f"{IN_DISTRICTS + UNKNOWN + OUTSIDE:,}" in said, said
        assert "not in Suffolk's figure" in said, said
        # The window's derived county figure is the report's.
        suffolk = svc.area_id_for("Suffolk", "county")
        presenter = IndicatorsPresenter(store, read_only=True)
        presenter.load(suffolk, FinancialYear.parse("2025/26"))
        shown = {r.indicator.name: r.view.ytd.value for r in presenter.rows}
        assert shown["All crime"] == IN_DISTRICTS
        # ... and says, under All crime's figures, what the force's files hold that is in none of its districts
        # (round 32, lead); another indicator says nothing of it.
        presenter.choose_indicator(next(r.indicator.id for r in presenter.rows if r.indicator.name == "All crime"),
                                   lambda *a: True)
        assert f"{UNKNOWN:,} that police.uk could not place in any area" in presenter.details()
        presenter.choose_indicator(next(r.indicator.id for r in presenter.rows if r.indicator.name == "Robbery"),
                                   lambda *a: True)
        assert "could not place" not in presenter.details()
        overview = _section(doc, "County overview")
        county_table = next(t for t in overview.tables if "for the county" in t.title)
        assert f"{IN_DISTRICTS:,}" in county_table.rows[0][1] and county_table.rows[0][0] == "All crime"
        assert f"{UNKNOWN:,} that police.uk could not place in any area" in county_table.note, county_table.note
        # A district's section says nothing of it: its figure is what police.uk places in it.
        assert "could not place" not in " ".join(_section(doc, "Indicators: Babergh").paragraphs)
    finally:
        store.close()


def test_the_merge_tells_the_lead_the_county_file_is_called_after_its_file(county_file, tmp_path):
    """`merge` made COUNTY.sqlite, called "COUNTY" (its file name) until named: the board report then said "Prepared
    by COUNTY". The merge says so and how to name it; once named, it says nothing more, and the report names it."""
    from safer_desk.services.report import build_report
    from safer_desk.storage.store import open_store

    county, out = county_file
    assert "still called “COUNTY”, after its file" in out, out
    assert f'safer-desk office {county} --name' in out and "File > Office Details…" in out, out
    code, out, err = cli_output(["report", str(county), str(tmp_path / "r.html"), "--year", "2025/26"])
    assert code == 0 and "still called “COUNTY”" in err, err  # the report, made all the same, says it too
    assert cli_output(["office", str(county), "--name", "Suffolk county team"])[0] == 0
    second = tmp_path / "ex2.sqlite"
    assert cli_output(["export", str(tmp_path / "office.sqlite"), str(second)])[0] == 0
    code, out, _ = cli_output(["merge", str(county), str(second)])
    assert code == 0 and "after its file" not in out, out
    store = open_store(county, read_only=True)
    try:
        assert build_report(store, year="2025/26").office_name == "Suffolk county team"
    finally:
        store.close()


def test_a_report_of_a_file_not_named_yet_is_not_prepared_by_its_file_name(tmp_path):
    # Round 32 (lead): a county file `merge` made is called after its file until it is named; its report said
    # "Prepared by COUNTY". It says "Prepared on …" until then, and by the office once named.
    from safer_desk.exchange.report_html import write_html
    from safer_desk.services.report import build_report
    from safer_desk.services.reference import set_office_name
    from safer_desk.storage.store import open_store

    store = open_store(tmp_path / "COUNTY.sqlite", create=True)
    try:
        doc = build_report(store, year="2025/26")
        assert doc.prepared_line == f"Prepared on {doc.prepared_on}"
        out = write_html(doc, tmp_path / "r.html")
        text = out.read_text(encoding="utf-8")
        assert "Prepared on" in text and "Prepared by" not in text
        set_office_name(store, "Suffolk county team")
        assert build_report(store, year="2025/26").prepared_line.startswith("Prepared by Suffolk county team on ")
    finally:
        store.close()


def test_the_workbook_of_a_county_file_still_called_after_its_file_says_so_as_a_county_file_s54(county_file,
                                                                                                   tmp_path):
    """`export COUNTY.sqlite book.xlsx` from a county file still called after its file said "This office is still
    called “COUNTY” … the county will know it by that name": it is the county's own file, whose workbook names it
    "COUNTY" (session 54). A county file is now told so, with the county team's name to give."""
    county, _ = county_file
    code, out, err = cli_output(["export", str(county), str(tmp_path / "book.xlsx")])
    assert code == 0, err
    said = out + err
    assert "This office is still called" not in said and "the county will know it" not in said, said
    assert "This county file is still called “COUNTY”, after its file: its workbook names it so." in said, said
    assert '--name "Suffolk county team"`), then export again.' in said, said
