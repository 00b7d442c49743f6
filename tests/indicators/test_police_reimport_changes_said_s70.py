"""Session 70 (ind2): police.uk re-published April 2025 with corrected counts (nine crimes of Babergh 001A taken
out); the analyst imported the month again and was told only "Replaced 1 force-month imported before (never added
twice).": Babergh's all crime had gone from 349 to 341 and nothing said which figures changed, nor by how much, so
the board figures already sent could not be checked against the correction. The summary now says, per force-month
replaced, the counts of each area that changed, before and now."""

from __future__ import annotations

from pathlib import Path

from safer_desk.services.police_import import import_police_files
from tests.cli_run import run
from tests.conftest import shared_data
from tests.indicators.police_helpers import street_file, suffolk_row

APRIL = Path(shared_data("police-uk", "suffolk-2025", "2025-04-suffolk-street.csv"))


def corrected_april(folder: Path) -> Path:
    """April's file as re-published: Babergh 001A's nine rows taken out."""
    folder.mkdir()
    lines = APRIL.read_text(encoding="utf-8").splitlines(keepends=True)
    target = folder / APRIL.name
    target.write_text("".join(lines[:1] + [line for line in lines[1:] if "Babergh 001A" not in line]),
                      encoding="utf-8")
    return target


def test_a_corrected_month_says_each_changed_figure_before_and_now(tmp_path, capsys):
    path = tmp_path / "office.sqlite"
    code, _out, err = run(capsys, "import-police", path, APRIL)
    assert code == 0, err
    code, out, err = run(capsys, "import-police", path, corrected_april(tmp_path / "corrected"))
    assert code == 0, err
    said = [line for line in out.splitlines() if line.startswith("Suffolk Constabulary 2025-04")]
    assert said == ["Suffolk Constabulary 2025-04, police.uk counts before → now: All crime Babergh 349 → 341; "
                    "Anti-social behaviour Babergh 49 → 48; crime types changed: Burglary, Criminal damage and "
                    "arson, Other theft, Vehicle crime and Violence and sexual offences."], out
    # and the figures are the new ones, never the two files added up
    code, out, err = run(capsys, "indicators", path)
    assert "All crime,Babergh,2025-04,341" in out.splitlines(), out


def test_a_crime_moved_between_types_leaves_all_crime_as_it_was_and_says_the_types(store, tmp_path):
    first = street_file(tmp_path, "2025-01-suffolk-street.csv",
                        [suffolk_row(crime_id="a"), suffolk_row(crime_id="b", crime="Other theft")])
    import_police_files(store, [first])
    (tmp_path / "again").mkdir()
    again = street_file(tmp_path / "again", "2025-01-suffolk-street.csv", [
        suffolk_row(crime_id="a", crime="Other theft"), suffolk_row(crime_id="b", crime="Other theft")])
    lines = import_police_files(store, [again]).summary_lines()
    assert ("Suffolk Constabulary 2025-01, police.uk counts before → now: All crime as before in every area; crime "
            "types changed: Burglary and Other theft.") in lines, lines


def test_a_new_file_of_the_same_counts_says_so(store, tmp_path):
    first = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row(crime_id="a")])
    import_police_files(store, [first])
    (tmp_path / "again").mkdir()
    again = street_file(tmp_path / "again", "2025-01-suffolk-street.csv", [suffolk_row(crime_id="a2")])
    lines = import_police_files(store, [again]).summary_lines()
    assert "Replaced 1 force-month imported before (never added twice)." in lines
    assert "Suffolk Constabulary 2025-01: the new file's counts are the same as before." in lines, lines


def test_the_window_lists_three_months_changed_and_counts_the_rest(store, tmp_path):
    for folder, crimes in (("first", 1), ("again", 2)):  # ten months, each re-published with a crime more
        (tmp_path / folder).mkdir()
        files = [street_file(tmp_path / folder, f"2025-{m:02d}-suffolk-street.csv",
                             [suffolk_row(month=f"2025-{m:02d}", crime_id=f"{folder}{m}")] * crimes)
                 for m in range(1, 11)]
        result = import_police_files(store, files)
    lines = result.summary_lines(most_listed=8)
    changed = [line for line in lines if "police.uk counts before → now" in line]
    assert len(changed) == 3 and changed[0].startswith("Suffolk Constabulary 2025-01, ")
    assert ("… and 7 more force-months replaced (safer-desk import-police lists what each changed).") in lines
    assert len([line for line in result.summary_lines() if "police.uk counts before → now" in line]) == 10


def test_the_window_says_it_after_import_police_data(window, prompts, qtbot, tmp_path):
    from safer_desk.storage.store import open_store
    from tests.indicators.police_helpers import import_in_window

    path = tmp_path / "office.sqlite"
    store = open_store(path, create=True)
    import_police_files(store, [APRIL])
    store.close()
    assert window.open_path(path)
    infos, errors = import_in_window(window, prompts, qtbot, corrected_april(tmp_path / "corrected"))
    assert not errors, errors
    (title, text), = infos
    assert title == "Police data imported"
    assert ("Suffolk Constabulary 2025-04, police.uk counts before → now: All crime Babergh 349 → 341; "
            "Anti-social behaviour Babergh 49 → 48;") in text, text
