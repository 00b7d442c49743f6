"""A damaged data.police.uk zip was refused in plain words that ended with Python's own: "download.zip is damaged or
is not a zip file (File is not a zip file), perhaps cut short …", "… cannot be unpacked (Bad magic number for file
header)", "… (Error -3 while decompressing data: invalid bit length repeat)". Each cause is now said in words: cut
short, not a zip at all (a web page saved under the zip's name), empty, its list of files or a file in it spoilt."""

from __future__ import annotations

import zipfile

import pytest

from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from tests.indicators.police_helpers import download_zip, fixture

STREET = "2025-01/2025-01-suffolk-street.csv"


def _damaged(tmp_path, damage: str) -> bytes:
    good = download_zip(tmp_path / "good.zip", fixture("suffolk-2025"))
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        info = zf.getinfo(STREET)
    if damage == "cut short":
        return bytes(data[:len(data) // 2])
    if damage == "a web page":
        return b"<!DOCTYPE html>\n<html><body>Service unavailable</body></html>\n"
    if damage == "empty":
        return b""
    if damage == "list":  # the zip's list of its files, at its end, overwritten
        at = data.rindex(b"PK\x01\x02")
        data[at:at + 4] = b"XXXX"
        return bytes(data)
    if damage == "header":  # a file's own header, where the zip's list says it starts, overwritten
        data[info.header_offset:info.header_offset + 4] = b"XXXX"
        return bytes(data)
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra) + 20
    for i in range(start, start + 40):  # bytes of its packed data flipped
        data[i] ^= 0x5A
    return bytes(data)


@pytest.mark.parametrize(("damage", "said"), [
    ("cut short", "download.zip is damaged: it stops before the end every zip has, so it was cut short while it was "
                  "downloaded or copied. Download it again from data.police.uk; nothing was imported."),
    ("a web page", "download.zip is not a zip file, whatever its name says (a download that failed can save a web "
                   "page under the zip's name). Download it again from data.police.uk; nothing was imported."),
    ("empty", "download.zip is empty (0 bytes): the download did not finish. Download it again from "
              "data.police.uk; nothing was imported."),
    ("list", "download.zip is damaged: the list of the files it holds cannot be read. Download it again from "
             "data.police.uk; nothing was imported."),
    ("header", f"download.zip is damaged: {STREET} cannot be unpacked (it is not where the zip's list of its files "
               "says it is). Download it again; nothing was imported."),
    ("packed data", f"download.zip is damaged: {STREET} cannot be unpacked (its packed data is spoilt). Download it "
                    "again; nothing was imported."),
])
def test_a_damaged_zip_is_refused_saying_the_cause_in_words(store, tmp_path, damage, said):
    path = tmp_path / "download.zip"
    path.write_bytes(_damaged(tmp_path, damage))
    with pytest.raises(PoliceFileError) as caught:
        import_police_files(store, [path])
    assert str(caught.value) == said
    assert store.scalar("SELECT count(*) FROM indicator_values") == 0
