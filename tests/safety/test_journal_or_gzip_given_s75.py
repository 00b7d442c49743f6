"""`safer-desk check` given a file's journal, or a Safer Desk file compressed with gzip (s75, audit).

Found by trying `check` on the files an officer finds beside an office file and on the example as it ships
(example.sqlite.gz): each was said to be "not an SQLite database at all", words that name neither what the file is
nor what to give instead. `check` speaks of the -wal ("never delete the -wal file"), so it is what an officer who
meets one checks. Each is now said as what it is, with the file to give; nothing is written. (Opening such a file
says the same since s76: storage.kinds.journal_or_packed, tests/safety/test_odd_files_opened_s76.py.)
"""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

from tests.cli_run import run
from tests.safety.helpers import sha256
from tests.safety.test_wal_frames_s74 import _killed_after, _plain_file


def test_check_of_a_files_wal_names_the_file_it_belongs_to(tmp_path, capsys):
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)")
    wal = Path(f"{path}-wal")
    before = sha256(wal), sha256(path)
    code, out, err = run(capsys, "check", wal)
    assert code == 1, (out, err)
    assert ("it is the journal (-wal) of plain.sqlite beside it (that file's last saves, read with it), not a file of "
            "its own: check plain.sqlite instead, and keep the two together (never delete the journal)") in err, err
    assert (sha256(wal), sha256(path)) == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == ["plain.sqlite", "plain.sqlite-wal"]


def test_a_journal_whose_file_is_not_beside_it_is_said_to_be_one(tmp_path, capsys):
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)")
    alone = tmp_path / "moved"
    alone.mkdir()
    wal = shutil.copyfile(f"{path}-wal", alone / "office.sqlite-wal")
    code, out, err = run(capsys, "check", wal)
    assert code == 1, (out, err)
    assert ("it is the journal (-wal) of a file office.sqlite that is not beside it, not a file of its own: it belongs "
            "with that file, so keep it") in err, err


def test_check_of_a_safer_desk_file_compressed_with_gzip_says_to_uncompress_it(demo_path, capsys):
    packed = demo_path.with_name("example.sqlite.gz")
    with open(demo_path, "rb") as src, gzip.open(packed, "wb") as out:
        shutil.copyfileobj(src, out)
    code, out, err = run(capsys, "check", packed)
    assert code == 1, (out, err)
    assert ("it is an SQLite database compressed with gzip (.gz): uncompress it first (7-Zip does "
            "it on Windows) and check the file inside") in err, err
    assert "not an SQLite database" not in err, err
