"""Figures an officer can defend (issue 14): an import never silently replaces a typed figure, months
inside a police file's coverage with no crimes of a type are 0, and each figure's source can be found."""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.domain.periods import FinancialYear
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services import indicators as svc
from safer_desk.services.indicators import PeriodValue
from safer_desk.services.police_import import (figure_sources, import_police_files, replace_typed_figures,
                                               typed_figures_differing)
from safer_desk.storage.store import open_store
from tests.conftest import shared_data
from tests.indicators.police_helpers import HEADER, fixture, independent_counts, street_file, suffolk_row

DC = ("devon-and-cornwall-2020-q1", "download-a")
PLYMOUTH = "district:plymouth"
ALL = "indicator:all-crime"


def value(store, indicator_id, area_id, period):
    r = store.one("SELECT value, source FROM indicator_values WHERE indicator_id = ? AND area_id = ? AND period = ?",
                  (indicator_id, area_id, period))
    return None if r is None else (r["value"], r["source"])


def type_plymouth_all_crime(store, figure=1335.0, period="2020-01"):
    """An officer typed Plymouth's all crime for the month (issue 14: 1,335 was replaced by the import)."""
    svc.save_indicator(store, "All crime", unit="count", polarity="lower", frequency="monthly")
    area = svc.ensure_area(store, "Plymouth", "district")
    svc.save_values(store, ALL, area, [PeriodValue(period, figure)], require_red_comments=False)
    assert value(store, ALL, area, period) == (figure, TYPED)
    return area


def typed_source() -> str:
    """The source a figure typed in the window gets (whatever the indicators service calls it)."""
    import inspect

    return inspect.signature(svc.save_values).parameters["source"].default


TYPED = typed_source()


def test_an_import_keeps_a_typed_figure_and_says_so(store):
    type_plymouth_all_crime(store)
    result = import_police_files(store, [fixture(*DC)])
    expected = independent_counts(fixture(*DC))[("All crime", "Plymouth", "2020-01")]
    assert expected != 1335
    assert value(store, ALL, PLYMOUTH, "2020-01") == (1335.0, TYPED)
    assert [(t.indicator, t.area, t.period, t.typed_value, t.imported_value, t.replaced) for t in result.typed] == \
        [("All crime", "Plymouth", "2020-01", 1335.0, expected, False)]
    assert f"  All crime, Plymouth, Jan-20: typed 1,335, police.uk {expected:,}" in result.summary_lines()
    # The other months and areas are imported as usual.
    assert value(store, ALL, PLYMOUTH, "2020-02") == (independent_counts(fixture(*DC))[("All crime", "Plymouth",
                                                                                      "2020-02")], "police.uk")


def test_replace_typed_replaces_them_all(store):
    type_plymouth_all_crime(store)
    result = import_police_files(store, [fixture(*DC)], replace_typed=True)
    expected = independent_counts(fixture(*DC))[("All crime", "Plymouth", "2020-01")]
    assert value(store, ALL, PLYMOUTH, "2020-01") == (expected, "police.uk")
    assert [t.replaced for t in result.typed] == [True]
    assert any(line.startswith("Replaced 1 typed figure") for line in result.summary_lines())


def test_replace_typed_per_figure(store):
    area = type_plymouth_all_crime(store)
    svc.save_values(store, ALL, area, [PeriodValue("2020-02", 1000.0)], require_red_comments=False)
    result = import_police_files(store, [fixture(*DC)], replace_typed={(ALL, area, "2020-02")})
    assert value(store, ALL, area, "2020-01") == (1335.0, TYPED)
    assert value(store, ALL, area, "2020-02")[1] == "police.uk"
    assert {(t.period, t.replaced) for t in result.typed} == {("2020-01", False), ("2020-02", True)}


def test_a_decision_taken_after_the_import(store):
    area = type_plymouth_all_crime(store)
    result = import_police_files(store, [fixture(*DC)])
    assert typed_figures_differing(store) == result.typed  # what the window would ask about, read again
    replaced = replace_typed_figures(store, [t.key for t in result.typed])
    assert [t.period for t in replaced] == ["2020-01"]
    assert value(store, ALL, area, "2020-01") == (result.typed[0].imported_value, "police.uk")
    assert typed_figures_differing(store) == []


def test_a_typed_figure_equal_to_the_count_is_kept_without_a_word(store):
    expected = independent_counts(fixture(*DC))[("All crime", "Plymouth", "2020-01")]
    type_plymouth_all_crime(store, float(expected))
    result = import_police_files(store, [fixture(*DC)])
    assert result.typed == []
    assert value(store, ALL, PLYMOUTH, "2020-01") == (expected, TYPED)


def test_a_comment_alone_is_not_a_typed_figure(store):
    svc.save_indicator(store, "All crime", unit="count", polarity="lower", frequency="monthly")
    area = svc.ensure_area(store, "Plymouth", "district")
    svc.set_comment(store, ALL, area, "2020-01", "Operation Loft started this month")
    result = import_police_files(store, [fixture(*DC)])
    assert result.typed == []
    row = store.one("SELECT value, source, comment FROM indicator_values WHERE indicator_id = ? AND area_id = ? "
                    "AND period = '2020-01'", (ALL, area))
    assert (row["source"], row["comment"]) == ("police.uk", "Operation Loft started this month")
    assert row["value"] == independent_counts(fixture(*DC))[("All crime", "Plymouth", "2020-01")]


def test_the_command_line_lists_kept_figures_and_replaces_on_request(tmp_path, capsys):
    target = tmp_path / "plymouth.sqlite"
    with open_store(target, create=True) as store:
        type_plymouth_all_crime(store)
    expected = independent_counts(fixture(*DC))[("All crime", "Plymouth", "2020-01")]
    assert main(["import-police", str(target), str(fixture(*DC))]) == 0
    out = capsys.readouterr().out
    assert "Kept 1 typed figure that differs from the police.uk counts:" in out
    assert f"All crime, Plymouth, Jan-20: typed 1,335, police.uk {expected:,}" in out
    assert "--replace-typed" in out
    with open_store(target) as store:
        assert value(store, ALL, PLYMOUTH, "2020-01") == (1335.0, TYPED)
    assert main(["import-police", str(target), str(fixture(*DC)), "--replace-typed"]) == 0
    assert "Replaced 1 typed figure with the police.uk counts:" in capsys.readouterr().out
    with open_store(target) as store:
        assert value(store, ALL, PLYMOUTH, "2020-01") == (expected, "police.uk")


def test_the_full_plymouth_figure_of_the_issue(store):
    folder = shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-a")
    type_plymouth_all_crime(store)
    result = import_police_files(store, [folder])
    assert value(store, ALL, PLYMOUTH, "2020-01") == (1335.0, TYPED)
    assert [(t.typed_value, t.imported_value) for t in result.typed] == [(1335.0, 1870.0)]


# -- months with no crimes of a type ---------------------------------------------------------------------
def test_a_month_without_robbery_is_zero_not_missing(store):
    import_police_files(store, [fixture("suffolk-2025")])
    robbery = "indicator:robbery"
    assert [value(store, robbery, "district:babergh", m) for m in ("2025-01", "2025-02", "2025-03")] == \
        [(1.0, "police.uk"), (1.0, "police.uk"), (0.0, "police.uk")]
    view = svc.year_view(store, "Robbery", "district:babergh", FinancialYear.parse("2024/25"))
    assert view.latest_label == "Mar-25"  # not "Feb-25": March is in the files, with no robbery
    assert view.ytd.value == 2


def test_zeros_only_where_the_file_covers_the_area_and_the_type(store, tmp_path):
    rows = {
        "2025-01": [suffolk_row("2025-01", "Babergh 001A", "Robbery"), suffolk_row("2025-01", "Babergh 001A"),
                    suffolk_row("2025-01", "Hambleton 001A", "Burglary")],
        "2025-02": [suffolk_row("2025-02", "Babergh 001A"), suffolk_row("2025-02", "Ipswich 001A", "Robbery")],
        "2025-03": [suffolk_row("2025-03", "Ipswich 001A", "Shoplifting")],
    }
    files = [street_file(tmp_path, f"{m}-suffolk-street.csv", r) for m, r in rows.items()]
    import_police_files(store, files)
    got = {(r[0].split(":")[1], r[1].split(":")[1], r[2]): r[3] for r in store.rows(
        "SELECT indicator_id, area_id, period, value FROM indicator_values")}
    assert got[("robbery", "babergh", "2025-02")] == 0  # Babergh is in February's file, robbery too
    assert ("robbery", "babergh", "2025-03") not in got  # Babergh is not in March's file at all
    assert ("shoplifting", "babergh", "2025-02") not in got  # Babergh never had a shoplifting
    assert ("burglary", "babergh", "2025-03") not in got
    assert ("burglary", "north-yorkshire", "2025-02") not in got  # one crime far away: no row of zeros
    assert got[("robbery", "ipswich", "2025-02")] == 1
    assert ("robbery", "ipswich", "2025-03") not in got  # March's file has no robbery anywhere
    assert got[("shoplifting", "ipswich", "2025-03")] == 1
    assert got[("all-crime", "babergh", "2025-02")] == 1


def test_a_later_file_can_take_zeros_away(store, tmp_path):
    jan = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row("2025-01", crime="Robbery")])
    feb = street_file(tmp_path, "2025-02-suffolk-street.csv", [suffolk_row("2025-02"), suffolk_row(
        "2025-02", "Ipswich 001A", "Robbery")])
    import_police_files(store, [jan, feb])
    assert value(store, "indicator:robbery", "district:babergh", "2025-02") == (0.0, "police.uk")
    (tmp_path / "again").mkdir()
    jan2 = street_file(tmp_path / "again", "2025-01-suffolk-street.csv", [suffolk_row("2025-01")])
    import_police_files(store, [jan2])  # January again, now without its robbery: Babergh never had one
    assert value(store, "indicator:robbery", "district:babergh", "2025-01") is None
    assert value(store, "indicator:robbery", "district:babergh", "2025-02") is None


def test_only_asb_gives_no_all_crime_row(store, tmp_path):
    f = street_file(tmp_path, "2025-01-suffolk-street.csv",
                    [suffolk_row(crime="Anti-social behaviour", crime_id="")] * 2 + [
                        suffolk_row(lsoa="Ipswich 001A", crime="Burglary")])
    import_police_files(store, [f])
    assert value(store, "indicator:anti-social-behaviour", "district:babergh", "2025-01") == (2.0, "police.uk")
    assert value(store, ALL, "district:babergh", "2025-01") is None
    assert value(store, "indicator:burglary", "district:babergh", "2025-01") is None


def test_full_suffolk_year_robbery_reads_to_december(store):
    import_police_files(store, [shared_data("police-uk", "suffolk-2025")])
    view = svc.year_view(store, "Robbery", "district:babergh", FinancialYear.parse("2025/26"))
    assert view.latest_label == "Dec-25"  # was "Aug-25": September to December had no robbery
    assert view.values[5:9] == [0, 0, 0, 0]


# -- where a figure came from ------------------------------------------------------------------------------
def test_each_police_figure_names_its_file_and_vintage(store):
    import_police_files(store, [fixture("suffolk-2025")])
    sources = figure_sources(store, ALL, "district:babergh", "2025-02")
    assert [(v.force, v.month, v.file_name, v.download_newest_month) for v in sources] == \
        [("Suffolk Constabulary", "2025-02", "2025-02-suffolk-street.csv", "2025-03")]
    import hashlib

    assert sources[0].file_sha256 == hashlib.sha256(
        fixture("suffolk-2025", "2025-02-suffolk-street.csv").read_bytes()).hexdigest()


def test_a_typed_figure_has_no_police_source(store):
    type_plymouth_all_crime(store)
    import_police_files(store, [fixture(*DC)])
    assert figure_sources(store, ALL, PLYMOUTH, "2020-01") == []
    assert figure_sources(store, ALL, PLYMOUTH, "2020-02")[0].file_name == "2020-02-devon-and-cornwall-street.csv"


def test_a_header_only_file_imports_nothing(store, tmp_path):
    """A file cut short after its heading line is refused (it said "Imported 0 rows … ( to )" with exit 0)."""
    path = tmp_path / "2025-01-suffolk-street.csv"
    path.write_text(HEADER + "\n", encoding="utf-8")
    with pytest.raises(PoliceFileError, match="2025-01-suffolk-street.csv has its heading line but no crimes"):
        import_police_files(store, [path])
    assert store.scalar("SELECT count(*) FROM _police_vintages") == 0
    other = tmp_path / "2025-02-suffolk-street.csv"
    other.write_text(HEADER + "\r\n", encoding="utf-8")
    with pytest.raises(PoliceFileError, match="None of the 2 street files has any crimes"):
        import_police_files(store, [path, other])


def test_the_demo_s_plymouth_1335_survives_a_police_import(demo_store, tmp_path):
    """Issue 14: a police import silently replaced Plymouth's all crime of April 2016 (1,335, seed 003)."""
    text = fixture(*DC, "2020-01-devon-and-cornwall-street.csv").read_bytes().replace(b",2020-01,", b",2016-04,")
    path = tmp_path / "2016-04-devon-and-cornwall-street.csv"
    path.write_bytes(text)
    assert value(demo_store, ALL, PLYMOUTH, "2016-04") == (1335.0, "seed 003")
    result = import_police_files(demo_store, [path], other_forces=True)  # Devon & Cornwall's: not Suffolk's
    assert value(demo_store, ALL, PLYMOUTH, "2016-04") == (1335.0, "seed 003")
    police = independent_counts(path)[("All crime", "Plymouth", "2016-04")]
    assert ("All crime", "Plymouth", "2016-04", 1335.0, police) in [
        (t.indicator, t.area, t.period, t.typed_value, t.imported_value) for t in result.typed]
    view = svc.year_view(demo_store, "All crime", PLYMOUTH, FinancialYear.parse("2016/17"))
    assert view.values[0] == 1335
