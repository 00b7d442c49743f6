"""A month imported again from a file that drops whole districts (a download cut short at a line's end, a street file
filtered to one district and saved again) replaced the month's counts and said only "Replaced 1 force-month imported
before (never added twice)." when the rows fell by less than a tenth: the districts' figures for the month went from
the file unsaid. A district that had rows and has none now is said, per force-month, with the rows before and after."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import import_in_window, street_file, suffolk_row

SUFFOLK = Path("/work/shared/data/police-uk/suffolk-2025/2025-01-suffolk-street.csv")


def month_file(folder, rows: list[str]):
    """A Suffolk January file of these rows, in a folder of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    return street_file(folder, "2025-01-suffolk-street.csv", rows)


def crimes(n: int, lsoa: str, start: int = 0) -> list[str]:
    return [suffolk_row(crime_id=f"id{start + i}", lsoa=lsoa) for i in range(n)]


def test_a_district_the_month_had_and_the_new_file_has_not_is_said(store, tmp_path):
    whole = month_file(tmp_path / "whole", crimes(40, "Babergh 001A") + crimes(3, "Ipswich 001A", 40))
    import_police_files(store, [whole])
    part = month_file(tmp_path / "part", crimes(40, "Babergh 001A"))  # 7% fewer rows: Ipswich is gone
    lines = import_police_files(store, [part]).summary_lines()
    assert "Replaced 1 force-month imported before (never added twice)." in lines
    assert ("Suffolk Constabulary 2025-01 has 40 rows in this import's file, where the file imported before "
            "(2025-01-suffolk-street.csv) had 43, and none in 1 area the file before had rows in (Ipswich 3): it "
            "has no figures for Jan-25 now; the new counts replaced the old. If the new file is not the whole month "
            "(cut short, or rows deleted), import that month's file from data.police.uk again.") in lines
    # What is kept: the later file's counts, as re-importing a month always does (DESIGN 2.4).
    assert store.scalar("SELECT sum(count) FROM _police_counts WHERE month = '2025-01'") == 40
    # The whole month again: nothing more is said than the replacing.
    lines = import_police_files(store, [whole]).summary_lines()
    assert "Replaced 1 force-month imported before (never added twice)." in lines
    assert not any("in this import's file" in line for line in lines)


def test_many_districts_gone_are_named_by_the_most_rows_and_counted(store, tmp_path):
    districts = ["Babergh", "Ipswich", "Mid Suffolk", "West Suffolk", "East Suffolk", "Breckland", "Norwich"]
    rows = crimes(200, "Babergh 001A")
    for i, name in enumerate(districts[1:], start=1):
        rows += crimes(8 - i, f"{name} 001A", 1000 * i)
    import_police_files(store, [month_file(tmp_path / "whole", rows)])
    lines = import_police_files(store, [month_file(tmp_path / "part", crimes(200, "Babergh 001A"))]).summary_lines()
    said = [line for line in lines if "in this import's file" in line]
    assert len(said) == 1
    assert ("has 200 rows in this import's file, where the file imported before (2025-01-suffolk-street.csv) had "
            "227, and none in 6 areas the file before had rows in (Ipswich 7, Mid Suffolk 6, West Suffolk 5, "
            "East Suffolk 4, Breckland 3 and 1 more): they have no figures for Jan-25 now;") in said[0]


def test_a_later_download_with_every_district_is_not_a_warning(store, tmp_path):
    # data.police.uk revises a month from one download to the next by a few crimes: no line for each month.
    import_police_files(store, [month_file(tmp_path / "a", crimes(20, "Babergh 001A") + crimes(5, "Ipswich 001A"))])
    lines = import_police_files(store, [month_file(tmp_path / "b", crimes(19, "Babergh 001A")
                                                   + crimes(5, "Ipswich 001A"))]).summary_lines()
    assert "Replaced 1 force-month imported before (never added twice)." in lines
    assert not any("in this import's file" in line for line in lines)


@pytest.mark.skipif(not SUFFOLK.exists(), reason="the shared police.uk data is not here")
def test_a_real_month_cut_short_at_a_line_end_is_said_on_the_command_line(tmp_path, capsys):
    from safer_desk.cli import main

    target = tmp_path / "office.sqlite"
    (tmp_path / "whole").mkdir()
    whole = shutil.copy(SUFFOLK, tmp_path / "whole")
    assert main(["import-police", str(target), str(whole)]) == 0
    lines = SUFFOLK.read_bytes().splitlines(keepends=True)
    (tmp_path / "cut").mkdir()
    cut = tmp_path / "cut" / SUFFOLK.name
    cut.write_bytes(b"".join(lines[:3400]))  # 8% of the rows gone, at a line's end: the file reads as whole
    capsys.readouterr()
    assert main(["import-police", str(target), str(cut)]) == 0
    out = capsys.readouterr().out
    assert (f"Suffolk Constabulary 2025-01 has 3,399 rows in this import's file, where the file imported before "
            f"(2025-01-suffolk-street.csv) had {len(lines) - 1:,}, and none in ") in out
    # The file's last rows were the crimes police.uk could not place, and two in neighbours' districts.
    assert ("and none in 3 areas the file before had rows in (Unknown area 22, Windsor and Maidenhead 1 and "
            "Wolverhampton 1): they have no figures for Jan-25 now;") in out


def test_the_window_says_it_too(demo_window, prompts, qtbot, tmp_path):
    infos, errors = import_in_window(demo_window, prompts, qtbot, month_file(
        tmp_path / "whole", crimes(40, "Babergh 001A") + crimes(3, "Ipswich 001A", 40)))
    assert not errors
    prompts.infos.clear()
    infos, errors = import_in_window(demo_window, prompts, qtbot, month_file(tmp_path / "part",
                                                                            crimes(40, "Babergh 001A")))
    assert not errors
    assert "and none in 1 area the file before had rows in (Ipswich 3): it has no figures for Jan-25 now" in \
        "\n".join(str(i) for i in infos)
