"""A street row without its force ("Reported by") or its "Crime type": refused in words, with its line.

Every row of a data.police.uk street file names both. A blank crime type crashed the import ("a indicator needs a
name", a traceback on the command line); a blank force was counted as a force of its own, "" (the summary read
"Forces: , Suffolk Constabulary."), whose force-month no later download replaced: importing the file mended
afterwards counted that row twice.
"""

from __future__ import annotations

import pytest

from safer_desk.cli import main
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER, make_zip, snapshot, street_file, suffolk_row

ROWS = [suffolk_row(), suffolk_row(crime="Robbery"), suffolk_row(crime="Anti-social behaviour", crime_id="")]
NO_FORCE = suffolk_row().replace("Suffolk Constabulary,Suffolk Constabulary", ",")
NO_CRIME = suffolk_row(crime="")
BLANK_CRIME = suffolk_row(crime="  ")


@pytest.mark.parametrize("row, column", [(NO_FORCE, "Reported by"), (NO_CRIME, "Crime type"),
                                         (BLANK_CRIME, "Crime type")], ids=["no force", "no crime type", "spaces"])
def test_a_row_without_its_force_or_crime_type_is_refused_with_its_line(store, tmp_path, row, column):
    import_police_files(store, [street_file(tmp_path, "2025-02-suffolk-street.csv", [suffolk_row(month="2025-02")])])
    before = snapshot(store)
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [*ROWS, row, *ROWS])
    with pytest.raises(PoliceFileError) as refused:
        import_police_files(store, [path])
    assert str(refused.value) == (
        f"2025-01-suffolk-street.csv has a row with no “{column}” at line 5: every row of a data.police.uk street "
        "file names its force (“Reported by”) and its “Crime type”, so the file was changed by another program. "
        "Download it again; nothing was imported.")
    assert snapshot(store) == before


def test_in_a_zip_the_member_is_named_and_on_the_command_line_no_traceback(tmp_path, capsys):
    archive = make_zip(tmp_path / "download.zip", {
        "2025-01/2025-01-suffolk-street.csv": "\n".join([HEADER, *ROWS, NO_CRIME]).encode() + b"\n"})
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(archive)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and "needs a name" not in err
    assert ("2025-01/2025-01-suffolk-street.csv (in download.zip) has a row with no “Crime type” at line 5" in err)
    assert not target.exists()


def test_the_mended_file_then_counts_each_row_once(store, tmp_path):
    """What the blank force did: accepted, then the mended file's import kept its row as well."""
    with pytest.raises(PoliceFileError):
        import_police_files(store, [street_file(tmp_path, "2025-01-suffolk-street.csv", [*ROWS, NO_FORCE])])
    import_police_files(store, [street_file(tmp_path, "mended-street.csv", [*ROWS, suffolk_row()])])
    assert store.scalar("SELECT sum(count) FROM _police_counts") == 4
    assert [r[0] for r in store.rows("SELECT DISTINCT force FROM _police_vintages")] == ["Suffolk Constabulary"]


def test_the_window_says_which_row_and_changes_nothing(demo_window, prompts, qtbot, tmp_path):
    from safer_desk.ui.indicators.menu import start_import

    store = demo_window.session.store
    before = snapshot(store)
    start_import(demo_window, [str(street_file(tmp_path, "2025-01-suffolk-street.csv", [*ROWS, NO_CRIME]))])
    qtbot.waitUntil(lambda: bool(prompts.errors or prompts.infos), timeout=20000)
    title, message = prompts.errors[-1][:2]
    assert title == "Police data not imported"
    assert message.startswith("2025-01-suffolk-street.csv has a row with no “Crime type” at line 5")
    assert "needs a name" not in message
    assert snapshot(store) == before
