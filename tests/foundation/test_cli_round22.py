"""The command line against its contract (round 22): an export looked at from the command line shows what the
window shows, a screenshot draws a file it may only read, and a new file in a folder that cannot be written to is
refused in words that fit a file that does not exist.

As root, the tests cannot make a folder that refuses a write: the folder's mode is set (so a run as another user
is real) and ``os.access`` is made to answer as it would for that user, for that folder only.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import stat
from pathlib import Path

import pytest

from safer_desk.cli import main
from tests.indicators.police_helpers import street_file, suffolk_row


def sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def export_path(demo_path, tmp_path, capsys) -> Path:
    """The example office's export for the county (a district's file as the county lead receives it)."""
    target = tmp_path / "export.sqlite"
    assert run(capsys, "export", demo_path, target)[0] == 0
    return target


def window_store(path: Path):
    """The file as File > Open offers it: read-only (an export is never changed)."""
    from safer_desk.services.files import open_office_file

    return open_office_file(path, read_only=True).store


# -- 1. `indicators EXPORT`: the police.uk figures the window shows ------------------------------------------

def test_indicators_of_an_export_are_the_figures_the_window_shows(demo_path, export_path, capsys):
    from safer_desk.services.indicators import export_rows

    before = sha256(export_path)
    code, out, err = run(capsys, "indicators", export_path)
    assert code == 0, err
    assert err == ""
    printed = [tuple(r) for r in csv.reader(io.StringIO(out))][1:]
    store = window_store(export_path)
    try:
        shown = [tuple(map(str, r)) for r in export_rows(store)]
    finally:
        store.close()
    assert printed == shown
    assert ("All crime", "Babergh", "2025-01", "298") in printed  # a police.uk figure, worked out from the counts
    office = [tuple(r) for r in csv.reader(io.StringIO(run(capsys, "indicators", demo_path)[1]))][1:]
    assert printed == office  # the same figures as the office's own file
    assert sha256(export_path) == before


def test_derived_and_sourced_figures_of_an_export_are_the_window_s_too(demo_path, export_path, capsys):
    from safer_desk.services.indicators import figure_rows

    before = sha256(export_path)
    code, out, err = run(capsys, "indicators", export_path, "--derived", "--sources")
    assert code == 0, err
    printed = list(csv.DictReader(io.StringIO(out)))
    store = window_store(export_path)
    try:
        shown = figure_rows(store, derived=True)
    finally:
        store.close()
    assert [(r["indicator"], r["area"], r["period"], r["value"], r["derived_from"]) for r in printed] == [
        (f.indicator, f.area, f.period, str(f.value), f.derived_from) for f in shown]
    office = list(csv.DictReader(io.StringIO(run(capsys, "indicators", demo_path, "--derived", "--sources")[1])))
    figures = ("indicator", "area", "period", "value", "derived_from")
    assert [[r[k] for k in figures] for r in printed] == [[r[k] for k in figures] for r in office]
    assert sum("Babergh" in ",".join(r.values()) for r in printed) == 720  # as the tester's grep -c counted
    assert any(r["derived_from"] and r["indicator"] == "All crime" for r in printed)
    assert sha256(export_path) == before


def test_an_export_whose_figures_cannot_be_worked_out_says_so(export_path, capsys, monkeypatch):
    from safer_desk.services import police_import

    def failing(store, months, replace_typed):
        raise police_import.sqlite3.OperationalError("no such function: broken")

    monkeypatch.setattr(police_import, "_recompute_values", failing)
    before = sha256(export_path)
    code, out, err = run(capsys, "indicators", export_path)
    assert code == 0
    assert "no police.uk figure is shown" in err and "could not be worked out" in err
    assert out.startswith("indicator,area,period,value")
    assert sha256(export_path) == before


# -- 3. `screenshot` of a file it may only read -------------------------------------------------------------

@pytest.fixture
def opened_stores(monkeypatch):
    """What each screenshot drew: whether its file was open read-only, and how many indicator figures it had."""
    from safer_desk.services.indicators import export_rows
    from safer_desk.ui.main_window import MainWindow

    seen = []
    set_store = MainWindow.set_store

    def spy(self, store):
        if store is not None:
            seen.append((store.read_only, len(export_rows(store))))
        set_store(self, store)

    monkeypatch.setattr(MainWindow, "set_store", spy)
    return seen


def picture_of_a_window(path: Path) -> bool:
    from PySide6.QtGui import QImage

    image = QImage(str(path))
    return image.width() == 1280 and len({image.pixel(x, y) for x in range(0, 1280, 40) for y in range(0, 800, 40)}) > 3


def test_a_screenshot_of_an_export_draws_it_read_only(demo_path, export_path, tmp_path, capsys, opened_stores):
    before = sha256(export_path)
    out = tmp_path / "export.png"
    code, printed, err = run(capsys, "screenshot", out, "--tab", "indicators", export_path)
    assert code == 0, err
    assert printed == f"saved {out}\n"
    assert picture_of_a_window(out)
    store = window_store(demo_path)
    try:
        from safer_desk.services.indicators import export_rows

        office_figures = len(export_rows(store))
    finally:
        store.close()
    assert opened_stores == [(True, office_figures)]  # read-only, with the police.uk figures the window shows
    assert sha256(export_path) == before


def test_a_screenshot_of_a_file_read_only_on_disk_draws_it_read_only(demo_path, tmp_path, capsys, opened_stores):
    path = tmp_path / "ro.sqlite"
    path.write_bytes(demo_path.read_bytes())
    path.chmod(stat.S_IRUSR | stat.S_IRGRP)
    try:
        before = sha256(path)
        out = tmp_path / "ro.png"
        code, _, err = run(capsys, "screenshot", out, path)
        assert code == 0, err
        assert picture_of_a_window(out)
        assert [read_only for read_only, _ in opened_stores] == [True]
        assert sha256(path) == before
    finally:
        path.chmod(stat.S_IRUSR | stat.S_IWUSR)


# -- 4. a new file in a folder that cannot be written to ------------------------------------------------------

def refuse_writes_in(folder: Path, monkeypatch) -> None:
    """os.access answers for folder as it does for a user other than root who may not write there."""
    access = os.access

    def as_a_user(path, mode, *args, **kwargs):
        if mode & os.W_OK and Path(path).resolve() == folder.resolve():
            return False
        return access(path, mode, *args, **kwargs)

    monkeypatch.setattr(os, "access", as_a_user)


@pytest.fixture
def unwritable(tmp_path, monkeypatch):
    """shared/: a folder that cannot be written to (its mode, and os.access as a user other than root sees it)."""
    folder = tmp_path / "shared"
    folder.mkdir()
    refuse_writes_in(folder, monkeypatch)
    folder.chmod(0o555)
    yield folder
    folder.chmod(0o755)


def said_about_a_new_file(err: str, name: str, first: str = "the") -> None:
    """The same words from the window (a sentence: "The folder …") and after "safer-desk: " ("the folder …")."""
    assert f"{first} folder of {name} cannot be written to, so {name} cannot be made there" in err, err
    assert "read-only" not in err and ".lock" not in err


def test_import_police_to_a_new_file_in_an_unwritable_folder(unwritable, tmp_path, capsys):
    source = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row()])
    code, out, err = run(capsys, "import-police", unwritable / "new.sqlite", source)
    assert (code, out) == (1, "")
    said_about_a_new_file(err, "new.sqlite")
    assert list(unwritable.iterdir()) == []


def test_merge_into_a_new_county_file_in_an_unwritable_folder(export_path, unwritable, capsys):
    fingerprint = run(capsys, "key")[1].strip()
    code, _, err = run(capsys, "merge", unwritable / "county.sqlite", export_path, "--accept-key", fingerprint)
    assert code == 1
    said_about_a_new_file(err, "county.sqlite")
    assert list(unwritable.iterdir()) == []


def test_demo_in_an_unwritable_folder_says_the_same(unwritable, capsys):
    code, out, err = run(capsys, "demo", unwritable / "d.sqlite")
    assert (code, out) == (1, "")
    said_about_a_new_file(err, "d.sqlite")
    assert list(unwritable.iterdir()) == []


def test_an_existing_file_in_an_unwritable_folder_can_still_be_opened_read_only(demo_path, tmp_path, monkeypatch,
                                                                               capsys):
    folder = tmp_path / "shared"
    folder.mkdir()
    path = folder / "office.sqlite"
    path.write_bytes(demo_path.read_bytes())
    refuse_writes_in(folder, monkeypatch)
    source = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row()])
    before = sha256(path)
    code, _, err = run(capsys, "import-police", path, source)
    assert code == 1
    assert "the folder of office.sqlite cannot be written to; the file can be opened read-only." in err
    assert sha256(path) == before


def test_the_window_says_the_same_about_a_new_file_and_offers_no_read_only_file(unwritable, window, prompts):
    """File > New in such a folder: an error saying why, not "Open it read-only?" about a file that is not there."""
    assert not window.open_path(unwritable / "new.sqlite", create=True)
    assert prompts.questions == []
    [(title, text)] = prompts.errors
    assert title == "Cannot make file"
    said_about_a_new_file(text, "new.sqlite", first="The")
    assert window.session.store is None
    assert list(unwritable.iterdir()) == []
