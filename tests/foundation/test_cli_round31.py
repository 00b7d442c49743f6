"""The command line against DESIGN §4, as a county team's script runs it (round 31).

1. `safer-desk demo FILE --force` keeps a copy of the Safer Desk file it replaces (its help says so), but a file it
   could not read as one (a newer version's file, another program's database, a damaged one) it replaced with no
   copy and no word: the work in it was gone. Such a file is now refused, left as it was (exit 1).
2. `safer-desk keys COUNTY_FILE --reason …` without --withdraw listed the keys and exited 0: the reason, typed for a
   withdrawal that never happened, was dropped unsaid. It is now a usage error, as awards' --funder without --add.
3. `safer-desk import-police street.csv office.sqlite` (or import-figures), the files given in the wrong order, was
   said as "there is no file or folder at office.sqlite" (the file the command makes when missing) or "street.csv is
   not a Safer Desk file": now a usage error saying the Safer Desk FILE comes first.
4. `safer-desk merge COUNTY_FILE export.sqlite --keep district` (a county's script deciding every conflict of each
   merge) exited 1 when the merge found no conflict at all ("no conflict was decided: No open conflict matches
   (there are none)"), so a clean merge read as a failure. With no --conflict named, none open among the files
   merged is nothing to decide: said, exit 0. A --conflict that matches nothing is still refused (exit 1), and so is
   `conflicts COUNTY_FILE --keep county` with none open (a decision asked for on its own, as before).
"""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest

from tests.cli_run import run
from tests.indicators.police_helpers import FIXTURES


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- 1. `demo FILE --force` over a file it cannot keep a copy of ----------------------------------------------------

def _newer_file(demo_path: Path) -> Path:
    """The example file as a newer version of Safer Desk leaves it (one step of layout this version does not know)."""
    with sqlite3.connect(demo_path) as conn:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('safer_desk.core', 'zz_from_a_newer_version', '2030-01-01')")
    conn.close()
    return demo_path


def _other_programs_database(tmp_path: Path) -> Path:
    path = tmp_path / "casework.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE cases (ref TEXT)")
        conn.execute("INSERT INTO cases VALUES ('C-1')")
    conn.close()
    return path


def _cut_short(demo_path: Path) -> Path:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[:len(data) // 2])
    return demo_path


@pytest.mark.parametrize("make, said", [
    (lambda demo_path, tmp_path: _newer_file(demo_path), "newer version"),
    (lambda demo_path, tmp_path: _other_programs_database(tmp_path), "not a Safer Desk file"),
    (lambda demo_path, tmp_path: _cut_short(demo_path), "cut short"),
], ids=["newer-version", "another-programs-database", "cut-short"])
def test_demo_force_never_replaces_a_database_it_cannot_keep_a_copy_of(demo_path, tmp_path, capsys, make, said):
    from safer_desk.storage.store import backups_of

    target = make(demo_path, tmp_path)
    before = digest(target)
    code, out, err = run(capsys, "demo", target, "--force")
    assert code == 1, out
    assert out == ""
    assert said in err and "not replaced" in err and "Nothing was changed" in err, err
    assert "--replace replaces" in err and "--force" not in err, err  # the documented flag, not the old alias
    assert "Traceback" not in err
    assert digest(target) == before
    assert backups_of(target) == []


def test_demo_force_still_replaces_a_safer_desk_file_after_keeping_it(demo_path, capsys):
    from safer_desk.storage.store import backups_of

    code, out, err = run(capsys, "demo", demo_path, "--force")
    assert code == 0, err
    assert len(backups_of(demo_path)) == 1 and "replaced is kept as" in out


# -- 2. `keys --reason` without --withdraw ---------------------------------------------------------------------------

def test_keys_reason_without_withdraw_is_a_usage_error(demo_path, capsys):
    before = digest(demo_path)
    code, out, err = run(capsys, "keys", demo_path, "--reason", "laptop stolen")
    assert code == 2
    assert out == ""
    assert "--reason" in err and "--withdraw" in err, err
    assert digest(demo_path) == before


def test_keys_alone_still_lists(demo_path, capsys):
    code, out, err = run(capsys, "keys", demo_path)
    assert code == 0, err
    assert out.startswith("office,fingerprint,status")


# -- 3. the files given in the wrong order -----------------------------------------------------------------------------

STREET = FIXTURES / "suffolk-2021-01" / "2021-01-suffolk-street.csv"  # a cut of the real file, in tests/


@pytest.mark.parametrize("exists", [True, False], ids=["office-file-exists", "office-file-to-make"])
def test_import_police_with_the_files_swapped_says_the_safer_desk_file_comes_first(demo_path, tmp_path, capsys,
                                                                                    exists):
    street = tmp_path / STREET.name
    shutil.copyfile(STREET, street)
    office = demo_path if exists else tmp_path / "new-office.sqlite"
    before = digest(street), (digest(office) if exists else None)
    code, out, err = run(capsys, "import-police", street, office)
    assert code == 2, err
    assert out == ""
    assert "FILE comes first" in err and office.name in err, err
    assert "there is no file" not in err and "not an SQLite database" not in err, err
    assert (digest(street), digest(office) if exists else None) == before
    assert office.exists() == exists


def test_import_police_with_a_folder_first_says_the_safer_desk_file_comes_first(demo_path, capsys):
    before = digest(demo_path)
    code, out, err = run(capsys, "import-police", STREET.parent, demo_path)
    assert code == 2 and out == "", err
    assert "FILE comes first" in err, err
    assert digest(demo_path) == before


def test_import_figures_with_the_files_swapped_says_the_safer_desk_file_comes_first(demo_path, tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_text("indicator,area,period,value\nAll crime,Babergh,2025-01,5\n", encoding="utf-8")
    before = digest(demo_path), digest(figures)
    code, out, err = run(capsys, "import-figures", figures, demo_path)
    assert code == 2 and out == "", err
    assert "FILE comes first" in err and "not an SQLite database" not in err, err
    assert (digest(demo_path), digest(figures)) == before


def test_import_police_in_the_right_order_still_imports(tmp_path, capsys):
    office = tmp_path / "office.sqlite"
    code, out, err = run(capsys, "import-police", office, STREET)
    assert code == 0, err
    assert out.startswith("Imported 210 rows")


# -- 4. --keep with no conflict open -------------------------------------------------------------------------------

@pytest.fixture
def clean_county(demo_path, tmp_path, capsys):
    """A county file the example office's export merged into cleanly (no conflict), and the export."""
    export = tmp_path / "export.sqlite"
    assert run(capsys, "export", demo_path, export)[0] == 0
    fingerprint = run(capsys, "key")[1].strip()
    county = tmp_path / "county.sqlite"
    code, out, err = run(capsys, "merge", county, export, "--accept-key", fingerprint)
    assert code == 0 and "0 conflicts" in out, err
    return county, export


def test_merge_keep_with_no_conflict_found_is_a_clean_merge(clean_county, capsys):
    county, export = clean_county
    code, out, err = run(capsys, "merge", county, export, "--keep", "district")
    assert code == 0, err
    assert "0 conflicts" in out and "no open conflicts to decide" in out.lower(), out
    assert err == ""


def test_keep_with_a_conflict_that_matches_nothing_is_still_refused(clean_county, capsys):
    county, export = clean_county
    before = digest(county)
    code, out, err = run(capsys, "conflicts", county, "--keep", "county", "--conflict", "3")
    assert code == 1 and "no open conflict matches '3'" in err, err
    code, out, err = run(capsys, "conflicts", county, "--keep", "county")
    assert code == 1 and "no open conflict matches (there are none)" in err, err
    assert digest(county) == before
    code, out, err = run(capsys, "merge", county, export, "--keep", "district", "--conflict", "project")
    assert code == 1 and "no conflict was decided" in err and "0 conflicts" in out, err


# -- s61: FILE left out ------------------------------------------------------------------------------------------------
# `import-police street.csv folder` said "2021-01-suffolk-street.csv is not a Safer Desk file: it is not an SQLite
# database at all", and a folder first "… is a folder, not a Safer Desk file", with no word of the order.

@pytest.mark.parametrize("first", ["street", "folder"])
def test_import_police_with_the_file_left_out_says_the_order(tmp_path, capsys, first):
    folder = tmp_path / "police downloads"
    folder.mkdir()
    street = folder / STREET.name
    shutil.copyfile(STREET, street)
    other = tmp_path / "more"
    other.mkdir()
    shutil.copyfile(STREET, other / STREET.name)
    given = street if first == "street" else folder
    before = sorted(p.name for p in tmp_path.rglob("*")), digest(street)
    code, out, err = run(capsys, "import-police", given, other)
    assert code == 2 and out == "", err
    what = "a CSV file" if first == "street" else "a folder"
    assert f"{given.name} is {what}, given where the Safer Desk FILE goes" in err, err
    assert "FILE comes first, then the files it reads (safer-desk import-police FILE CSV_FOLDER_OR_ZIP...)" in err
    assert "not an SQLite database" not in err and "not a Safer Desk file" not in err, err
    assert (sorted(p.name for p in tmp_path.rglob("*")), digest(street)) == before


def test_import_figures_with_the_file_left_out_says_the_order(tmp_path, capsys):
    figures = tmp_path / "figures.csv"
    figures.write_text("indicator,area,period,value\nAll crime,Babergh,2025-01,5\n", encoding="utf-8")
    more = tmp_path / "more figures.xlsx"
    code, out, err = run(capsys, "import-figures", figures, more)
    assert code == 2 and out == "", err
    assert "figures.csv is a CSV file, given where the Safer Desk FILE goes" in err
    assert "(safer-desk import-figures FILE SHEET_OR_CSV)" in err
