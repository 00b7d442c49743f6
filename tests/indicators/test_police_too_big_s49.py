"""A street file far larger than any data.police.uk publishes is refused before it is read or unpacked (round 49).

A 1.8 MB zip holding one 1.1 GB member took 51 s and 6.3 GB of memory (the counting reads a file whole), and on a
laptop with less ended in a MemoryError's traceback. The largest force's month is about 20 MB."""

from __future__ import annotations

import zipfile

import pytest

from safer_desk.cli import main
from safer_desk.exchange import police_uk
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import HEADER, snapshot, street_file, suffolk_row

MOST = 4096  # the limit in these tests: a few rows pass, a padded file does not
REAL_MOST = police_uk.MOST_STREET_BYTES


@pytest.fixture(autouse=True)
def small_limit(monkeypatch):
    monkeypatch.setattr(police_uk, "MOST_STREET_BYTES", MOST)


def padded(rows: int) -> bytes:
    return (HEADER + "\n" + "\n".join([suffolk_row()] * rows) + "\n").encode()


def test_a_file_no_larger_than_the_limit_is_counted(store, tmp_path):
    path = street_file(tmp_path, "2025-01-suffolk-street.csv", [suffolk_row()] * 3)
    assert import_police_files(store, [path]).rows == 3


def test_the_limit_is_far_above_any_real_month():
    assert REAL_MOST >= 200 << 20  # the largest force's month is about 20 MB


@pytest.mark.parametrize("where", ["alone", "in a folder", "in a zip", "in a zip in a folder", "in a zip in a zip"])
def test_a_street_file_over_the_limit_is_refused_and_nothing_changes(store, tmp_path, where):
    import_police_files(store, [street_file(tmp_path, "2025-02-suffolk-street.csv", [suffolk_row(month="2025-02")])])
    before = snapshot(store)
    data = padded(200)
    assert len(data) > MOST
    folder = tmp_path / "download"
    folder.mkdir()
    if where in ("alone", "in a folder"):
        (folder / "2025-01-suffolk-street.csv").write_bytes(data)
        given = folder / "2025-01-suffolk-street.csv" if where == "alone" else folder
    else:
        inner = folder / "download.zip"
        with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("2025-01/2025-01-suffolk-street.csv", data)
        given = {"in a zip": inner, "in a zip in a folder": folder}.get(where)
        if where == "in a zip in a zip":
            given = tmp_path / "sent.zip"
            with zipfile.ZipFile(given, "w") as z:
                z.write(inner, "download.zip")
    with pytest.raises(PoliceFileError, match=r"2025-01-suffolk-street\.csv.* is [0-9,.]+ (KB|MB|bytes), more than any "
                                              r"month's street file data\.police\.uk publishes"):
        import_police_files(store, [given])
    assert snapshot(store) == before


def test_a_member_over_the_limit_is_not_unpacked(store, tmp_path, monkeypatch):
    copied = []
    real = police_uk._copy_member
    monkeypatch.setattr(police_uk, "_copy_member", lambda archive, info, *a, **k: (copied.append(info.filename),
                                                                                   real(archive, info, *a, **k)))
    given = tmp_path / "download.zip"
    with zipfile.ZipFile(given, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("2025-01/2025-01-suffolk-street.csv", padded(200))
    with pytest.raises(PoliceFileError):
        import_police_files(store, [given])
    assert copied == []  # refused by its stated size, before a byte was written to the disk


def test_the_command_line_says_so_without_a_traceback(tmp_path, capsys):
    path = tmp_path / "2025-01-suffolk-street.csv"
    path.write_bytes(padded(200))
    target = tmp_path / "new.sqlite"
    assert main(["import-police", str(target), str(path)]) == 1
    err = capsys.readouterr().err
    assert "more than any month's street file" in err and "Traceback" not in err
    assert not target.exists()
