"""Session 44 (in4): a Suffolk office importing another force's download (Devon & Cornwall's, chosen by mistake on
data.police.uk) was told "Imported 30,135 rows from 3 files … 18 areas. Forces: Devon & Cornwall Police." and
nothing else: none of its own districts gained a figure, and the areas counted are behind Find, so the import
looked as if it had worked and the office's months stayed empty without a word. The summary now says so."""

from __future__ import annotations

from safer_desk.services.police_import import import_police_files
from safer_desk.storage.store import open_store
from tests.cli_run import run
from tests.conftest import shared_data

OUTSIDE = "none of this office's districts"


def test_another_forces_download_says_none_of_the_offices_districts_is_in_it(demo_path, capsys):
    download = shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-a")
    code, out, err = run(capsys, "import-police", demo_path, download)
    assert code == 0, err
    said = [line for line in out.splitlines() if OUTSIDE in line]
    assert len(said) == 1, out
    assert "Devon & Cornwall Police" in said[0] and "Babergh" in said[0] and "Find" in said[0], said[0]
    assert "data.police.uk" in said[0], said[0]
    store = open_store(demo_path)
    try:  # the counts are kept all the same, as the line says
        assert store.scalar("SELECT count(*) FROM _police_counts WHERE force = 'Devon & Cornwall Police'")
    finally:
        store.close()


def test_the_offices_own_force_says_nothing_of_the_sort(demo_path, capsys):
    code, out, err = run(capsys, "import-police", demo_path, shared_data("police-uk", "suffolk-2021-01"))
    assert code == 0, err
    assert OUTSIDE not in out and "Suffolk Constabulary" in out, out


def test_own_force_beside_a_neighbours_names_only_the_neighbour(demo_path, capsys):
    # Suffolk's month beside Thames Valley's: only Thames Valley is outside the office's districts.
    code, out, err = run(capsys, "import-police", demo_path, shared_data("police-uk", "suffolk-2021-01"),
                         shared_data("police-uk", "thames-valley-2022-01", "2022-01-thames-valley-street.csv"))
    assert code == 0, err
    said = [line for line in out.splitlines() if OUTSIDE in line]
    assert len(said) == 1 and "Thames Valley Police" in said[0] and "Suffolk Constabulary" not in said[0], out


def test_a_file_that_names_no_office_says_nothing_of_whose_districts(store):
    # A new file (the command line creates one) has no districts of its own to compare with.
    result = import_police_files(store, [shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-a")])
    assert not any(OUTSIDE in line for line in result.summary_lines())


def test_the_window_says_it_after_import_police_data_folder(demo_window, prompts, qtbot):
    from tests.indicators.police_helpers import import_in_window

    prompts.answers.append(True)  # Import Anyway (asked first since s73)
    infos, errors = import_in_window(demo_window, prompts, qtbot,
                                     shared_data("police-uk", "devon-and-cornwall-2020-q1", "download-b"), folder=True)
    assert not errors
    assert any(OUTSIDE in text and "Devon & Cornwall Police" in text for _title, text in infos), infos
