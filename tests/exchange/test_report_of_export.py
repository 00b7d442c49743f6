"""The board report of an export for the county, opened read-only (as the guide offers a county lead checking a
district's file before merging it): it shows the police.uk figures the export's counts give, exactly as the
office's own report does, and the export stays byte for byte as it was signed.

An export carries the police.uk counts but not the figures made from them (the county works those out again when
it merges), so the report works them out from the counts on its own reading connection.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from safer_desk.services.report import build_report
from safer_desk.storage.store import open_store
from tests.exchange.district_offices import export, office_from, template
from tests.exchange.helpers import cli_output

YEAR = "2025/26"


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def indicator_sections(document) -> list:
    return [s for s in document.sections if s.title.startswith("Indicators:")]


def report_of(path: Path, **choices):
    store = open_store(path, read_only=True)
    try:
        return build_report(store, **choices)
    finally:
        store.close()


def police_office(folder: Path) -> Path:
    """An office with a year of Suffolk police.uk data and nothing else: Babergh's, in Suffolk."""
    store = office_from(template(folder), folder / "office.sqlite", "Babergh office", districts=["Babergh"])
    store.close()
    return folder / "office.sqlite"


def exported(office: Path, target: Path) -> Path:
    store = open_store(office)
    try:
        return export(store, target)
    finally:
        store.close()


@pytest.fixture
def office_and_export(tmp_path):
    office = police_office(tmp_path)
    return office, exported(office, tmp_path / "office-export.sqlite")


@pytest.fixture
def example_and_export(demo_path, tmp_path):
    return demo_path, exported(demo_path, tmp_path / "example-export.sqlite")


def test_the_export_carries_the_counts_but_not_the_figures(office_and_export):
    """What the report has to work from (if the export ever carries the figures, this test has done its job)."""
    _, path = office_and_export
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        assert conn.execute("SELECT count(*) FROM _police_counts").fetchone()[0] > 0
        assert conn.execute("SELECT count(*) FROM indicator_values WHERE source LIKE 'police.uk%'").fetchone()[0] == 0
    finally:
        conn.close()


@pytest.mark.parametrize("year", [YEAR, None])
def test_the_report_of_an_office_export_shows_the_offices_police_figures(office_and_export, year):
    office, path = office_and_export
    before = sha256(path)
    own, of_export = report_of(office, year=year), report_of(path, year=year)
    # (of all years, each heading names the year shown: "Indicators: Suffolk, 2025/26")
    assert {"Indicators: Suffolk", "Indicators: Babergh"} <= {s.title.rsplit(", ", 1)[0]
                                                              for s in indicator_sections(own)}
    assert indicator_sections(of_export) == indicator_sections(own)
    assert "No figures" not in [s.title for s in of_export.sections]
    assert sha256(path) == before


@pytest.mark.parametrize("area", [None, "Babergh", "Western Suffolk CSP", "Ipswich"])
def test_the_report_of_the_example_files_export_shows_the_same_indicator_sections(example_and_export, area):
    example, path = example_and_export
    before = sha256(path)
    own, of_export = report_of(example, year=YEAR, area=area), report_of(path, year=YEAR, area=area)
    assert indicator_sections(own)
    assert indicator_sections(of_export) == indicator_sections(own)
    assert sha256(path) == before


def test_the_report_command_on_an_export_writes_the_police_figures_and_leaves_the_export_alone(
        office_and_export, tmp_path):
    office, path = office_and_export
    before = sha256(path)
    for source, out in ((office, tmp_path / "office.html"), (path, tmp_path / "export.html")):
        code, printed, err = cli_output(["report", str(source), str(out), "--year", YEAR])
        assert code == 0, err
    assert sha256(path) == before
    own, of_export = (tmp_path / "office.html").read_text(), (tmp_path / "export.html").read_text()
    assert "This file has no" not in of_export
    for title in ("Indicators: Suffolk", "Indicators: Babergh"):
        assert title in own and title in of_export
    assert of_export.count("<table") == own.count("<table")


def test_the_windows_report_worker_shows_them_too(office_and_export, tmp_path):
    """File > Board Report… collects on a connection of its own inside one read transaction."""
    from safer_desk.ui.exchange.report_dialog import ReportRequest, write_board_report

    office, path = office_and_export
    before = sha256(path)
    for source, out in ((office, tmp_path / "office.html"), (path, tmp_path / "export.html")):
        store = open_store(source, read_only=True)
        try:
            write_board_report(store, ReportRequest(out, year=YEAR))
        finally:
            store.close()
    assert sha256(path) == before
    own, of_export = (tmp_path / "office.html").read_text(), (tmp_path / "export.html").read_text()
    assert "Indicators: Babergh" in of_export
    assert of_export.count("<table") == own.count("<table")


def test_working_the_figures_out_leaves_the_reading_connection_as_it_found_it_for_the_office_file(
        office_and_export):
    """An office's own file holds its figures: nothing is worked out, and nothing shadows its table."""
    office, _ = office_and_export
    store = open_store(office, read_only=True)
    try:
        build_report(store, year=YEAR)
        assert store.scalar("SELECT count(*) FROM temp.sqlite_master WHERE name = 'indicator_values'") == 0
    finally:
        store.close()


def test_an_export_whose_figures_cannot_be_worked_out_says_so(office_and_export, monkeypatch):
    from safer_desk.services import police_import

    def refused(*args, **kwargs):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(police_import, "_recompute_values", refused)
    _, path = office_and_export
    before = sha256(path)
    document = report_of(path, year=YEAR)
    titles = [s.title for s in document.sections]
    assert "No figures" not in titles
    text = " ".join(p for s in document.sections for p in s.paragraphs)
    assert "could not be worked out" in text and "database or disk is full" in text
    assert "Jan-25 to Dec-25" in text
    assert sha256(path) == before


def test_the_indicators_tab_of_an_export_opened_read_only_shows_its_police_figures(office_and_export, window,
                                                                                   qtbot):
    """File > Open of an export (read-only, as the guide offers) showed no police figures on the Indicators tab:
    Babergh had no years. The figures the counts give are worked out for reading, as for the report."""
    from safer_desk.services import indicators as svc
    from safer_desk.services.files import open_office_file

    office, export_path = office_and_export
    before = sha256(export_path)
    own = open_store(office, read_only=True)
    opened = open_office_file(export_path, read_only=True)
    try:
        assert svc.list_areas(opened.store, with_values_only=True) == svc.list_areas(own, with_values_only=True)
        assert opened.store.scalar("SELECT count(*) FROM indicator_values") == own.scalar(
            "SELECT count(*) FROM indicator_values")
    finally:
        opened.store.close()
        own.close()
    assert window.open_path(export_path, read_only=True)  # File > Open of the export
    window.show_tab("indicators")
    held = window.session.store.scalar("SELECT count(*) FROM indicator_values WHERE source = 'police.uk'")
    assert held > 0 and svc.list_areas(window.session.store, with_values_only=True)
    assert sha256(export_path) == before
