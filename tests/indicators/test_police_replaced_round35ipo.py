"""A month imported again from a file that holds far fewer crimes than the one before (a download cut short at a
line's end, a file with rows deleted in Excel) replaced the month's counts and said only "Replaced 1 force-month
imported before (never added twice).": half a month's crimes went from the figures unsaid."""

from __future__ import annotations

from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import import_in_window, street_file, suffolk_row


def month_file(folder, n: int):
    """A Suffolk January file of n crimes, in a folder of its own."""
    folder.mkdir(parents=True, exist_ok=True)
    return street_file(folder, "2025-01-suffolk-street.csv", rows(n))


def rows(n: int, month: str = "2025-01") -> list[str]:
    return [suffolk_row(month=month, crime_id=f"id{i}") for i in range(n)]


def test_a_month_replaced_by_a_file_with_far_fewer_rows_is_said(store, tmp_path):
    whole = month_file(tmp_path / "whole", 20)
    import_police_files(store, [whole])
    part = month_file(tmp_path / "part", 5)
    lines = import_police_files(store, [part]).summary_lines()
    assert "Replaced 1 force-month imported before (never added twice)." in lines
    assert ("Suffolk Constabulary 2025-01 has 5 rows in this import's file, where the file imported before "
            "(2025-01-suffolk-street.csv) had 20; the new counts replaced the old. If the new file is not the whole "
            "month (cut short, or rows deleted), import that month's file from data.police.uk again.") in lines
    # What is kept: the later file's counts, as re-importing a month always does (DESIGN 2.4).
    assert store.scalar("SELECT sum(count) FROM _police_counts WHERE month = '2025-01'") == 5
    # The whole month again: its rows are more, and nothing more is said than the replacing.
    lines = import_police_files(store, [whole]).summary_lines()
    assert not any("in this import's file" in line for line in lines)
    assert store.scalar("SELECT sum(count) FROM _police_counts WHERE month = '2025-01'") == 20


def test_a_later_download_with_a_few_rows_fewer_is_not_a_warning(store, tmp_path):
    # data.police.uk revises a month from one download to the next by a few crimes: no line for each month.
    import_police_files(store, [month_file(tmp_path / "a", 20)])
    lines = import_police_files(store, [month_file(tmp_path / "b", 19)]).summary_lines()
    assert "Replaced 1 force-month imported before (never added twice)." in lines
    assert not any("in this import's file" in line for line in lines)


def test_the_command_line_says_it_too(tmp_path, capsys):
    from safer_desk.cli import main

    target = tmp_path / "office.sqlite"
    assert main(["import-police", str(target),
                 str(month_file(tmp_path / "whole", 20))]) == 0
    capsys.readouterr()
    assert main(["import-police", str(target),
                 str(month_file(tmp_path / "part", 4))]) == 0
    assert ("has 4 rows in this import's file, where the file imported before (2025-01-suffolk-street.csv) had 20"
            in capsys.readouterr().out)


def test_the_window_says_it_too(demo_window, prompts, qtbot, tmp_path):
    infos, errors = import_in_window(demo_window, prompts, qtbot, month_file(tmp_path / "whole", 20))
    assert errors == [] and infos[-1][0] == "Police data imported"
    prompts.infos.clear()
    infos, errors = import_in_window(demo_window, prompts, qtbot, month_file(tmp_path / "part", 5))
    assert errors == []
    title, text = infos[-1]
    assert title == "Police data imported"
    assert ("Suffolk Constabulary 2025-01 has 5 rows in this import's file, where the file imported before "
            "(2025-01-suffolk-street.csv) had 20; the new counts replaced the old.") in text
