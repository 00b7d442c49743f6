"""Street files chosen together in one import are one download (session 33, pdl): twelve monthly files picked in
Import Police Data… (or named together on the command line) are dated by the newest month among them, as the same
files in a folder or the download zip are, so that the county merge takes them for the download they came in."""

from __future__ import annotations

import hashlib
import os

from safer_desk.cli import main
from safer_desk.services.police_import import import_police_files
from safer_desk.storage.store import open_store
from tests.conftest import shared_data
from tests.indicators.police_helpers import fixture, import_in_window, street_file, suffolk_row

NEWEST = "SELECT month, download_newest_month FROM _police_vintages ORDER BY force, month"


def newest(store) -> dict[str, str]:
    return {month: download for month, download in store.rows(NEWEST)}


def download_line(lines: list[str]) -> str:
    return next(line for line in lines if line.startswith("Download"))


def test_twelve_monthly_files_chosen_together_are_one_download(store):
    files = sorted(shared_data("police-uk", "suffolk-2025").glob("*-street.csv"))
    assert len(files) == 12
    result = import_police_files(store, files)
    assert {v.download_newest_month for v in result.vintages} == {"2025-12"}
    assert set(newest(store).values()) == {"2025-12"} and len(newest(store)) == 12
    assert download_line(result.summary_lines()) == \
        "Download to 2025-12; each file's SHA-256 is kept with its counts."
    assert result.files == 12 and result.rows == 48193  # the counts are those of the folder or the zip


def test_the_command_line_with_several_files_says_one_download(tmp_path, capsys):
    files = sorted(fixture("suffolk-2025").glob("*-street.csv"))
    target = tmp_path / "office.sqlite"
    assert main(["import-police", str(target), *map(str, files)]) == 0
    out = capsys.readouterr().out
    assert "Download to 2025-03; each file's SHA-256 is kept with its counts." in out
    assert "Downloads to" not in out
    with open_store(target) as store:
        assert newest(store) == {"2025-01": "2025-03", "2025-02": "2025-03", "2025-03": "2025-03"}
    # The same files as their folder: the same words and the same vintages.
    folder = tmp_path / "folder.sqlite"
    assert main(["import-police", str(folder), str(fixture("suffolk-2025"))]) == 0
    assert "Download to 2025-03; each file's SHA-256 is kept with its counts." in capsys.readouterr().out
    with open_store(target) as one, open_store(folder) as two:
        assert list(one.rows(NEWEST)) == list(two.rows(NEWEST))


def test_the_window_s_import_of_several_files_says_one_download(demo_window, prompts, qtbot):
    files = sorted(fixture("suffolk-2025").glob("*-street.csv"))
    import_in_window(demo_window, prompts, qtbot, os.pathsep.join(map(str, files)))
    assert not prompts.errors
    title, text = prompts.infos[-1]
    assert title == "Police data imported"
    assert "from 3 files" in text
    assert "Download to 2025-03; each file's SHA-256 is kept with its counts." in text.splitlines()


def test_a_folder_or_zip_given_beside_loose_files_stays_a_download_of_its_own(tmp_path, store):
    folder = tmp_path / "download"
    folder.mkdir()
    street_file(folder, "2025-01-suffolk-street.csv", [suffolk_row("2025-01")])
    street_file(folder, "2025-06-suffolk-street.csv", [suffolk_row("2025-06")])
    loose = tmp_path / "loose"
    loose.mkdir()
    feb = street_file(loose, "2025-02-suffolk-street.csv", [suffolk_row("2025-02")])
    apr = street_file(loose, "2025-04-suffolk-street.csv", [suffolk_row("2025-04")])
    result = import_police_files(store, [feb, folder, apr])
    assert newest(store) == {"2025-01": "2025-06", "2025-06": "2025-06", "2025-02": "2025-04", "2025-04": "2025-04"}
    assert download_line(result.summary_lines()).startswith("Downloads to 2025-04, 2025-06;")


def test_one_more_month_imported_later_is_a_later_download(tmp_path, store):
    import_police_files(store, sorted(fixture("suffolk-2025").glob("*-street.csv")))
    april = street_file(tmp_path, "2025-04-suffolk-street.csv", [suffolk_row("2025-04")])
    result = import_police_files(store, [april])
    assert download_line(result.summary_lines()).startswith("Download to 2025-04;")
    assert newest(store) == {"2025-01": "2025-03", "2025-02": "2025-03", "2025-03": "2025-03", "2025-04": "2025-04"}


def test_files_imported_one_by_one_before_move_to_the_download_when_chosen_together_again(store):
    files = sorted(fixture("suffolk-2025").glob("*-street.csv"))
    for f in files:
        import_police_files(store, [f])
    assert newest(store) == {"2025-01": "2025-01", "2025-02": "2025-02", "2025-03": "2025-03"}
    result = import_police_files(store, files)
    assert len(result.unchanged) == 3 and result.replaced == []
    assert set(newest(store).values()) == {"2025-03"}


def test_the_county_takes_the_files_chosen_together_over_an_earlier_download(tmp_path):
    """Babergh chose the January to March files of one download together, as loose files; Ipswich imported an
    earlier download (a folder to February) whose January differs. The county keeps Babergh's January,
    whichever export it merges first."""
    from tests.exchange.district_offices import export, merge, office_from, template

    files = sorted(fixture("suffolk-2025").glob("*-street.csv"))
    earlier = tmp_path / "earlier-download"
    earlier.mkdir()
    jan = files[0].read_bytes().replace(b"Court result unavailable", b"Awaiting court outcome", 1)
    assert jan != files[0].read_bytes()
    (earlier / files[0].name).write_bytes(jan)
    (earlier / files[1].name).write_bytes(files[1].read_bytes())
    bare = template(tmp_path, police=False)
    babergh = office_from(bare, tmp_path / "babergh.sqlite", "Babergh office", districts=["Babergh"])
    ipswich = office_from(bare, tmp_path / "ipswich.sqlite", "Ipswich office", districts=["Ipswich"])
    try:
        import_police_files(babergh, files)
        import_police_files(ipswich, [earlier])
        together = export(babergh, tmp_path / "babergh-1.sqlite")
        folder = export(ipswich, tmp_path / "ipswich-1.sqlite")
    finally:
        babergh.close()
        ipswich.close()
    ours = hashlib.sha256(files[0].read_bytes()).hexdigest()
    for order in ([folder, together], [together, folder]):
        path = tmp_path / f"county-{len(list(tmp_path.glob('county-*')))}.sqlite"
        with open_store(path, create=True, office_name="Suffolk county team") as county:
            report = merge(county, order)
            assert report.refused == [] and report.conflicts == [], report.text()
            assert county.scalar("SELECT file_sha256 FROM _police_vintages WHERE month = '2025-01'") == ours
            assert county.scalar("SELECT download_newest_month FROM _police_vintages WHERE month = '2025-01'") == \
                "2025-03"
