"""Indicators (round 26): the import's preview and the grid's year view judge a figure red by one rule
(svc.rags_to_date), and a county report does not read another force's stray police.uk crimes as an area's year."""

from __future__ import annotations

from safer_desk.domain.indicators import Rag
from safer_desk.domain.periods import FinancialYear
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import apply_values, preview_values

FY26 = FinancialYear(2026)
AREA = "district:plymouth"


def test_the_imports_verdict_is_the_year_views_for_each_polarity_and_tolerance(demo_store, tmp_path):
    """Count lower with 5% of target, percentage higher with 1 point, count higher with 20%, monitor only, and a
    rolling count: a row is marked red with no comment exactly where the year view, once saved, shows red."""
    made = {
        "R26 lower count": dict(unit="count", polarity="lower", tolerance_pct=5, target=1200),
        "R26 higher percentage": dict(unit="percentage", polarity="higher", tolerance_pct=1, tolerance_kind="points",
                                      target=50),
        "R26 higher count wide": dict(unit="count", polarity="higher", tolerance_pct=20, target=1200),
        "R26 monitor count": dict(unit="count", polarity="monitor", tolerance_pct=5, target=1200),
        "R26 rolling count": dict(unit="count", polarity="lower", tolerance_pct=10, figure_basis="rolling12",
                                  target=100),
    }
    for name, spec in made.items():
        spec = dict(spec)
        target = spec.pop("target")
        ind_id = svc.save_indicator(demo_store, name, frequency="monthly", **spec)
        svc.set_target(demo_store, ind_id, AREA, FY26, kind="annual" if spec["unit"] == "count" and
                       spec.get("figure_basis", "period") == "period" else "threshold", value=target)
    figures = {  # Apr..Jul; None leaves the month out of the sheet (a gap before the later months)
        "R26 lower count": [100, 104, 120, 90],  # green, amber (102 to date against 100), red, then amber
        "R26 higher percentage": [50, 49.5, 46, 40],  # the average to date: green, amber, red, red
        "R26 higher count wide": [100, None, 10, 300],  # green, missing, then not judged (a total short)
        "R26 monitor count": [500, 500, 500, 500],  # never red
        "R26 rolling count": [100, 109, 111, 80],  # green, amber, red, green
    }
    lines, line = {}, 1
    text = "indicator,area,period,value,comment\n"
    for name, values in figures.items():
        for month, value in enumerate(values):
            if value is None:
                continue
            line += 1
            period = f"2026-{month + 4:02d}"
            lines[line] = (name, month)
            text += f"{name},Plymouth,{period},{value},\n"
    path = tmp_path / "figures.csv"
    path.write_text(text, encoding="utf-8")
    preview = preview_values(demo_store, path)
    assert preview.refused == [] and preview.changes == len(lines)
    apply_values(demo_store, preview)
    judged = {}
    for ln, (name, month) in lines.items():
        view = svc.year_view(demo_store, name, AREA, FY26)
        judged[ln] = view.period_rags[month]
        assert (ln in preview.uncommented) == (view.period_rags[month] is Rag.RED and not view.comments[month]), \
            (name, month, view.period_rags[month])
    # The cases the rule tells apart are all there: red, amber and green, a month after a gap, monitor only.
    by_name = {}
    for ln, (name, month) in lines.items():
        by_name.setdefault(name, []).append(judged[ln].key)
    assert by_name["R26 lower count"] == ["green", "amber", "red", "amber"]
    assert by_name["R26 higher percentage"] == ["green", "amber", "red", "red"]
    assert by_name["R26 higher count wide"][0] == "green" and Rag.RED.key not in by_name["R26 higher count wide"]
    assert Rag.RED.key not in by_name["R26 monitor count"]
    assert by_name["R26 rolling count"] == ["green", "amber", "red", "green"]
    assert len(preview.uncommented) == 4


STRAY = ("Crimes Suffolk Constabulary recorded in Cornwall in 2025/26: {figures}. Cornwall lies outside Suffolk "
         "Constabulary's area and its own force's police.uk counts for those months are not held, so these are a few "
         "of Cornwall's crimes, not its figures for the year: {end}")


def _county_with_cornwall(tmp_path, cornwall_typed: float | None = None):
    """A county file holding a Babergh office's export (Suffolk Constabulary's 2025 counts, one crime of which falls
    in Cornwall) and a Cornwall office's (with All crime typed for each month of 2025/26, when given)."""
    from safer_desk.services.indicators import PeriodValue
    from safer_desk.storage.store import open_store
    from tests.exchange.district_offices import export, merge, office_from, template

    base = template(tmp_path)
    babergh = office_from(base, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    cornwall = office_from(base, tmp_path / "cornwall.sqlite", "Cornwall office", districts=["Cornwall"],
                           county="Cornwall")
    try:
        if cornwall_typed is not None:
            svc.save_values(cornwall, "indicator:all-crime", "district:cornwall",
                            [PeriodValue(m.iso, cornwall_typed) for m in FY25.months], require_red_comments=False)
        paths = [export(babergh, tmp_path / "babergh-x.sqlite"), export(cornwall, tmp_path / "cornwall-x.sqlite")]
    finally:
        babergh.close()
        cornwall.close()
    county = open_store(tmp_path / "county.sqlite", create=True, office_name="Suffolk county team")
    merge(county, paths)
    return county


FY25 = FinancialYear(2025)


def test_another_forces_stray_crime_is_said_in_words_not_shown_as_the_areas_year(tmp_path):
    """The report for all areas showed Cornwall's All crime for 2025/26 as 1, "Jul-25 (no figures for Apr-25 to
    Jun-25)": one crime Suffolk Constabulary recorded there, read as Cornwall's crime for a partial year."""
    from safer_desk.services.report import build_report

    county = _county_with_cornwall(tmp_path)
    try:
        sections = {s.title: s for s in build_report(county, year="2025/26").sections}
        cornwall = sections["Indicators: Cornwall (district)"]  # the file knows the county Cornwall too
        assert cornwall.tables == [] and cornwall.charts == []
        assert cornwall.paragraphs == [STRAY.format(
            figures="All crime 1 (Jul-25) and Violence and sexual offences 1 (Jul-25)",
            end="no figures are shown for it.")]
        assert "Violence and sexual offences" in " ".join(
            row[1] for t in sections["Indicators: Babergh"].tables for row in t.rows)  # Suffolk's own: shown
        # Crimes without a location (fewer than 1 in 100 of the force's) are not another force's in an area.
        unknown = svc.year_view(county, "All crime", svc.UNKNOWN_AREA_ID, FY25)
        assert unknown.ytd is not None and svc.other_forces_only(county, unknown) == []
        # The counts the import made are kept as they are (issue 16).
        rows = {(e.indicator, e.area, e.period): e.value for e in svc.figure_rows(county)}
        assert rows[("All crime", "Cornwall (district)", "2025-07")] == "1"
        assert rows[("Violence and sexual offences", "Cornwall (district)", "2025-07")] == "1"
    finally:
        county.close()


def test_the_areas_own_figures_stay_beside_the_stray_crimes(tmp_path):
    from safer_desk.services.report import build_report

    county = _county_with_cornwall(tmp_path, cornwall_typed=3000)
    try:
        cornwall = next(s for s in build_report(county, year="2025/26").sections
                        if s.title == "Indicators: Cornwall (district)")
        (table,) = cornwall.tables
        assert [row[1] for row in table.rows] == ["All crime"]  # typed by the Cornwall office: its own figure
        assert table.rows[0][3] == "36,000"
        assert STRAY.format(figures="Violence and sexual offences 1 (Jul-25)",
                            end="they are left out of its performance summary.") in cornwall.paragraphs
    finally:
        county.close()


def test_the_county_overview_does_not_show_another_forces_stray_crime_as_an_areas_figure(tmp_path):
    """The county overview's table of figure and RAG per district showed Cornwall's All crime as "○ 1 †", as the
    area sections no longer do."""
    from safer_desk.services.report import build_report

    county = _county_with_cornwall(tmp_path)
    try:
        tables = [t for s in build_report(county, year="2025/26").sections for t in s.tables
                  if t.title.startswith("Indicators 2025/26 to date: figure and RAG per district")]
        assert tables, "the county overview's table per district"
        for table in tables:
            assert "Cornwall" not in table.header, table.header  # nothing of its own to show
            assert "Cornwall" in table.note and "Suffolk Constabulary" in table.note, table.note
            assert "Babergh" in table.header  # Suffolk's own, shown
    finally:
        county.close()
