"""A folder of two forces' downloads where one force's month is missing (Norfolk's February left out, Suffolk's there)
said "3 months (2025-01 to 2025-03)" and nothing else: the month missing is said of a single force's download
("no file for 2025-02"), but another force's file of the month hid it, and Norfolk's districts had no figures for
February unsaid. Each force's own months are checked."""

from __future__ import annotations

from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import import_in_window, street_file


def row(force: str, month: str, lsoa: str, crime_id: str) -> str:
    return (f"{crime_id},{month},{force},{force},0.86,52.14,On or near X,E01029876,{lsoa},Burglary,"
            "Under investigation,")


def two_forces(folder, norfolk_months=("2025-01", "2025-03"), suffolk_months=("2025-01", "2025-02", "2025-03")):
    folder.mkdir(parents=True, exist_ok=True)
    for month in suffolk_months:
        street_file(folder, f"{month}-suffolk-street.csv",
                    [row("Suffolk Constabulary", month, "Babergh 001A", f"s{i}") for i in range(3)])
    for month in norfolk_months:
        street_file(folder, f"{month}-norfolk-street.csv",
                    [row("Norfolk Constabulary", month, "Norwich 001A", f"n{i}") for i in range(2)])
    return folder


def test_a_month_one_force_lacks_is_said_though_another_force_has_it(store, tmp_path):
    lines = import_police_files(store, [two_forces(tmp_path / "download")]).summary_lines()
    assert lines[0] == "Imported 13 rows from 5 files: 3 months (2025-01 to 2025-03), 2 areas."
    assert ("No file for Norfolk Constabulary 2025-02, between its first and last months imported (2025-01 to "
            "2025-03): its areas have no figures for Feb-25. If its download left that month out, import that "
            "month's file.") in lines


def test_forces_with_every_month_of_their_own_say_nothing_more(store, tmp_path):
    # Norfolk from February on, Suffolk January to March: neither force lacks a month between its first and last.
    folder = two_forces(tmp_path / "download", norfolk_months=("2025-02", "2025-03"))
    lines = import_police_files(store, [folder]).summary_lines()
    assert not any(line.startswith("No file for") for line in lines)


def test_a_month_the_file_holds_from_an_import_before_is_not_said(store, tmp_path):
    folder = two_forces(tmp_path / "february", norfolk_months=("2025-02",), suffolk_months=("2025-02",))
    import_police_files(store, [folder])
    lines = import_police_files(store, [two_forces(tmp_path / "download")]).summary_lines()
    assert not any(line.startswith("No file for") for line in lines)


def test_a_month_no_force_has_is_said_once_as_before(store, tmp_path):
    folder = two_forces(tmp_path / "download", norfolk_months=("2025-01", "2025-03"),
                        suffolk_months=("2025-01", "2025-03"))
    lines = import_police_files(store, [folder]).summary_lines()
    assert lines[0] == "Imported 10 rows from 4 files: 2 months (2025-01 to 2025-03; no file for 2025-02), 2 areas."
    assert not any(line.startswith("No file for") for line in lines)


def test_the_window_and_the_command_line_say_it(demo_window, prompts, qtbot, tmp_path, capsys):
    from safer_desk.cli import main

    folder = two_forces(tmp_path / "download")
    capsys.readouterr()
    assert main(["import-police", str(tmp_path / "office.sqlite"), str(folder)]) == 0
    assert "No file for Norfolk Constabulary 2025-02, between " in capsys.readouterr().out
    prompts.answers.append(True)  # Import Anyway: Norfolk's files in the Suffolk example's file (asked first, s73)
    infos, errors = import_in_window(demo_window, prompts, qtbot, folder, folder=True)
    assert not errors
    assert "No file for Norfolk Constabulary 2025-02, between " in "\n".join(str(i) for i in infos)
