"""Counts in words, as a board paper writes them: "1 file", "3 force-months", never "file(s)" (the police.uk
import summary and the Import Figures preview)."""

from __future__ import annotations

import pytest

from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services import indicators as svc
from safer_desk.services.indicators_import import preview_values
from safer_desk.services.police_import import PoliceImportResult, TypedFigure, import_police_files
from tests.indicators.police_helpers import fixture, make_zip, street_file, suffolk_row


def test_one_row_from_one_file_is_said_in_the_singular(store, tmp_path):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row()])
    lines = import_police_files(store, [path]).summary_lines()
    assert lines[0] == "Imported 1 row from 1 file: 1 month (2025-01), 1 area."
    lines = import_police_files(store, [path]).summary_lines()
    # The same file again imported nothing, and says so first (round 37 pol), in the singular.
    assert lines[0] == "Nothing new: the month in this file is held already, from the same file, as it was; nothing " \
        "was changed."
    assert lines[1] == "Read 1 row from 1 file: 1 month (2025-01), 1 area."
    # The same force-month from a later copy of the file, with two rows in two districts.
    path = street_file(tmp_path, "2025-01-suffolk-street.csv",
                       [suffolk_row(), suffolk_row(crime_id="def", lsoa="Ipswich 001A")])
    lines = import_police_files(store, [path]).summary_lines()
    assert lines[0] == "Imported 2 rows from 1 file: 1 month (2025-01), 2 areas."
    assert "Replaced 1 force-month imported before (never added twice)." in lines
    assert not any("(s)" in line for line in lines)


def test_several_files_months_and_areas_are_said_in_the_plural(store):
    lines = import_police_files(store, [fixture("devon-and-cornwall-2020-q1", "download-a")]).summary_lines()
    assert lines[0].startswith("Imported ") and " rows from 3 files: 3 months (2020-01 to 2020-03), " in lines[0]
    assert lines[0].endswith(" areas.")
    assert not any("(s)" in line for line in lines)


def typed(area: str, replaced: bool) -> TypedFigure:
    return TypedFigure("indicator:all-crime", "All crime", f"district:{area.lower()}", area, "2020-01", 1335.0,
                       "typed", 1618.0, replaced)


def test_typed_figures_kept_and_replaced_agree_with_their_number():
    one = PoliceImportResult(files=1234, rows=1_234_567, months=["2020-01"], areas=["Plymouth"],
                             typed=[typed("Plymouth", False), typed("Torbay", True)])
    lines = one.summary_lines()
    assert lines[0] == "Imported 1,234,567 rows from 1,234 files: 1 month (2020-01), 1 area."
    assert "Kept 1 typed figure that differs from the police.uk counts:" in lines
    assert "Replaced 1 typed figure with the police.uk counts:" in lines
    two = PoliceImportResult(files=2, rows=2, months=["2020-01", "2020-02"], areas=["Plymouth", "Torbay"],
                             typed=[typed("Plymouth", False), typed("Torbay", False), typed("Exeter", True),
                                    typed("Mid Devon", True)])
    lines = two.summary_lines()
    assert "Kept 2 typed figures that differ from the police.uk counts:" in lines
    assert "Replaced 2 typed figures with the police.uk counts:" in lines
    assert lines.index("Replaced 2 typed figures with the police.uk counts:") == lines.index(
        "  All crime, Torbay, Jan-20: typed 1,335, police.uk 1,618") + 1  # each list under its own line


@pytest.mark.parametrize("others, words", [(1, "its 1 file is outcomes"), (2, "its 2 files are outcomes")])
def test_a_zip_without_street_files_counts_the_files_it_has(store, tmp_path, others, words):
    folder = fixture("thames-valley-2022-01")
    members = {f"2022-01/{name}": folder / name for name in
               ["2022-01-thames-valley-outcomes.csv", "2022-01-thames-valley-stop-and-search.csv"][:others]}
    archive = make_zip(tmp_path / "outcomes.zip", members)
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [archive])
    said = str(refused.value)  # and what to do (session 36): the download was made without its crime data
    assert f"{words}, stop-and-search or other files. Download it again" in said
    assert said.endswith("“Include crime data” ticked; nothing was imported.")


@pytest.fixture
def burglary(store):
    svc.ensure_area(store, "Mid Suffolk", "district")
    svc.save_indicator(store, "Burglary")
    return store


def test_the_figures_preview_counts_its_rows_in_words(burglary, tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,area,period,value\nBurglary,Mid Suffolk,2016-04,12\n", encoding="utf-8")
    assert preview_values(burglary, path).report() == "1 row can be imported, 0 refused."
    path.write_text("indicator,area,period,value\nBurglary,Mid Suffolk,2016-04,12\n"
                    "Burglary,Mid Suffolk,2016-05,13\nBurglary,Atlantis,2016-05,1\n", encoding="utf-8")
    report = preview_values(burglary, path).report()
    assert report.splitlines()[0] == "2 rows can be imported, 1 refused."
    assert report.splitlines()[1].startswith("Line 4: ")


@pytest.mark.parametrize("lines, said", [
    (["All crime,Plymouth,2016-12,1401"], "1 row can be imported; 0 refused"),
    (["All crime,Plymouth,2016-12,1401", "All crime,Plymouth,2017-01,1402", "All crime,Atlantis,2017-01,5"],
     "2 rows can be imported; 1 refused"),
])
def test_the_import_figures_dialog_says_how_many_rows_can_be_imported(demo_window, prompts, tmp_path, lines, said):
    from safer_desk.ui.indicators.dialogs import ImportFiguresDialog

    path = tmp_path / "figures.csv"
    path.write_text("\n".join(["indicator,area,period,value", *lines]) + "\n", encoding="utf-8")
    dialog = ImportFiguresDialog(demo_window.session, demo_window.show_tab("indicators"))
    assert dialog.load(path)
    assert dialog.summary.text() == f"{said} (listed with the reason). Nothing is saved until you import."
