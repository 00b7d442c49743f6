"""One reader of a -wal's frames (``storage.store.wal_saves``) for what `check` counts and for whether a -wal may be
taken away (``wal_holds_unwritten``). Each must read what SQLite reads: the frames of the -wal's current run, each
save only once its last frame is whole. Before session 74 `check` had its own reader, which counted a save whose
last frame was cut short (a torn write as the power went) that SQLite never reads."""
import shutil
import sqlite3
from pathlib import Path

from safer_desk.services.integrity import _saves_in_wal, check_file
from safer_desk.storage.store import WAL_FRAME_HEADER_SIZE, WAL_HEADER_SIZE, wal_holds_unwritten, wal_saves


def _killed_after(path: Path, *statements: str, before: tuple[str, ...] = ()) -> None:
    """path in WAL mode as a program killed after running each of statements as its own save leaves it: the saves
    in path-wal only, not yet written into path (a reader held them back). ``before``: saves made and written into
    the file first, the -wal not emptied (SQLite starts its next run over them)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        for statement in before:
            conn.execute(statement)
        if before:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")  # in the file; the -wal keeps its frames
        kept = path.read_bytes()
        for statement in statements:
            conn.execute(statement)
        wal = Path(f"{path}-wal").read_bytes()
    finally:
        conn.close()  # writes the -wal into the file and removes it: put back as the killed program left them
    path.write_bytes(kept)
    Path(f"{path}-wal").write_bytes(wal)


def _sqlite_reads(path: Path, tmp_path: Path, query: str) -> list:
    """What SQLite itself reads of path with its -wal (on a copy: reading it leaves a -shm)."""
    copy = tmp_path / "sqlite-reads" / path.name
    copy.parent.mkdir(parents=True)
    shutil.copyfile(path, copy)
    shutil.copyfile(f"{path}-wal", f"{copy}-wal")
    conn = sqlite3.connect(copy)
    try:
        return conn.execute(query).fetchall()
    finally:
        conn.close()


def _plain_file(tmp_path: Path) -> Path:
    path = tmp_path / "plain.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE t(x)")
    conn.close()
    return path


def test_a_save_whose_last_frame_was_cut_short_is_not_counted(demo_path, private_home, tmp_path):
    # The power went as the second save was written into the -wal: its last frame is half there. SQLite reads the
    # first save only; `check` said "2 saves made by a Safer Desk that did not close …" all the same.
    from tests.safety.helpers import run_python

    code = ("import os\nfrom safer_desk.storage.store import open_store\n"
            f"s = open_store({str(demo_path)!r})\n"
            "s.conn.execute('PRAGMA wal_autocheckpoint = 0')  # a tab reading: the saves not yet in the file\n"
            "for t in 'abc':  # the first save switches the file to WAL mode: b and c are in the -wal\n"
            "    with s.transaction():\n"
            "        s.conn.execute('UPDATE projects SET title = title || ?', (' ' + t,))\n"
            "os._exit(9)\n")
    assert run_python(code, home=private_home).returncode == 9
    wal = Path(f"{demo_path}-wal")
    whole = wal.stat().st_size
    page_size, saves = wal_saves(demo_path)
    assert len(saves) == 2
    with open(wal, "r+b") as fh:
        fh.truncate(whole - page_size // 2)  # the last frame's header whole, its page torn
    assert len(wal_saves(demo_path)[1]) == 1
    assert _sqlite_reads(demo_path, tmp_path, "SELECT count(*) FROM projects WHERE title LIKE '% c'") == [(0,)]
    assert _sqlite_reads(demo_path, tmp_path / "a", "SELECT count(*) FROM projects WHERE title LIKE '% b'")[0][0] > 0
    assert _saves_in_wal(demo_path) == 1
    said = [line for line in check_file(demo_path).lines() if "example.sqlite-wal" in line]
    assert len(said) == 1 and "1 save made by" in said[0], said
    assert wal_holds_unwritten(demo_path)  # the first save is still only in the -wal: it is never taken away


def test_a_torn_frame_header_ends_the_reading_too(tmp_path):
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)")
    wal = Path(f"{path}-wal")
    page_size = wal_saves(path)[0]
    frame = WAL_FRAME_HEADER_SIZE + page_size
    with open(wal, "r+b") as fh:
        fh.truncate(WAL_HEADER_SIZE + frame + WAL_FRAME_HEADER_SIZE // 2)  # the first save's frame and half a header
    assert [list(save) for save in wal_saves(path)[1]] == [[2]]  # the table's page
    assert _sqlite_reads(path, tmp_path, "SELECT x FROM t") == [(1,)]


def test_frames_left_from_the_wals_earlier_run_are_not_read(tmp_path):
    # After its saves are written into the file SQLite starts the -wal again from its first frame, under new salts;
    # the frames of the earlier run stay after the new ones until overwritten. Their salts are not the header's:
    # SQLite does not read them, and neither may we (the earlier run's 40 saves are not saves in the -wal).
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES ('new')",
                  before=tuple(f"INSERT INTO t VALUES ({n} || zeroblob(3000))" for n in range(40)))
    size = Path(f"{path}-wal").stat().st_size
    page_size, saves = wal_saves(path)
    assert size > WAL_HEADER_SIZE + 10 * (WAL_FRAME_HEADER_SIZE + page_size)  # the earlier run's frames are there
    assert len(saves) == 1
    assert _sqlite_reads(path, tmp_path, "SELECT count(*) FROM t") == [(41,)]
    assert _saves_in_wal(path) == 1 and wal_holds_unwritten(path)


def test_another_files_wal_is_read_by_sqlite_so_it_is_never_taken_away(tmp_path):
    # Nothing in a -wal says which file it belongs to: SQLite reads another file's -wal put beside this one (a copy
    # made of the -wal alone) as part of it. Its pages differ from the file's: it is never taken away as written.
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    ours.mkdir()
    theirs.mkdir()
    path, other = _plain_file(ours), _plain_file(theirs)
    _killed_after(other, "INSERT INTO t VALUES ('theirs')")
    shutil.copyfile(f"{other}-wal", f"{path}-wal")
    assert _sqlite_reads(path, tmp_path, "SELECT x FROM t") == [("theirs",)]
    assert len(wal_saves(path)[1]) == 1 and wal_holds_unwritten(path)


def test_a_wal_with_no_frames_sqlite_reads(tmp_path):
    path = _plain_file(tmp_path)
    Path(f"{path}-wal").write_bytes(b"not a journal" * 4)
    assert wal_saves(path) == (0, []) and not wal_holds_unwritten(path) and _saves_in_wal(path) == 0
    Path(f"{path}-wal").unlink()
    assert _saves_in_wal(path) == 0 and wal_holds_unwritten(path)  # cannot tell: kept as it was


def test_a_wal_whose_header_fails_its_checksum_is_not_read(tmp_path):
    # A -wal's header written over in part (here its checkpoint number): SQLite reads no frame of it, and the file
    # is as it was before the saves. Read without the header's checksum, its two saves were counted.
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)")
    assert len(wal_saves(path)[1]) == 2
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[15] ^= 0x01
    wal.write_bytes(bytes(data))
    assert _sqlite_reads(path, tmp_path, "SELECT x FROM t") == []
    assert wal_saves(path) == (0, []) and _saves_in_wal(path) == 0 and not wal_holds_unwritten(path)


def test_a_wal_with_a_page_size_sqlite_never_writes_is_not_read(tmp_path):
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)")
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[8:12] = (1000).to_bytes(4, "big")
    wal.write_bytes(bytes(data))
    assert _sqlite_reads(path, tmp_path, "SELECT x FROM t") == []
    assert wal_saves(path) == (0, [])


def _frame_offset(index: int, page_size: int) -> int:
    return WAL_HEADER_SIZE + index * (WAL_FRAME_HEADER_SIZE + page_size)


def test_a_frame_whose_page_fails_its_checksum_ends_the_reading_s75(tmp_path):
    # The power went as the second save's page was written: its frame header (salts and all) is whole, part of its
    # page is not what was written. SQLite checks each frame's cumulative checksum and reads the first save only;
    # read by the salts alone, the second counted as a save ("2 saves … in its journal").
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)")
    page_size, saves = wal_saves(path)
    assert [list(save) for save in saves] == [[2], [2]]
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[_frame_offset(1, page_size) + WAL_FRAME_HEADER_SIZE + 100] ^= 0xFF  # the second frame's page, torn
    wal.write_bytes(bytes(data))
    assert _sqlite_reads(path, tmp_path, "SELECT x FROM t") == [(1,)]
    assert len(wal_saves(path)[1]) == 1 and _saves_in_wal(path) == 1


def test_a_frame_after_a_failing_one_is_not_read_though_its_checksum_was_right_s75(tmp_path):
    # A frame's checksum runs on from the frame before it: once one fails SQLite reads none after it, so a save
    # written whole after a torn one is no save (its own checksum is what it was written with, and no longer follows).
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)", "INSERT INTO t VALUES (3)")
    page_size = wal_saves(path)[0]
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[_frame_offset(0, page_size) + WAL_FRAME_HEADER_SIZE + 200] ^= 0x01
    wal.write_bytes(bytes(data))
    assert _sqlite_reads(path, tmp_path, "SELECT x FROM t") == []
    assert wal_saves(path)[1] == [] and _saves_in_wal(path) == 0 and not wal_holds_unwritten(path)


def test_a_frame_header_whose_checksum_was_written_over_is_not_read_s75(tmp_path):
    # Salts right, page as written, the checksum itself garbage (a frame header written over in part)
    path = _plain_file(tmp_path)
    _killed_after(path, "INSERT INTO t VALUES (1)", "INSERT INTO t VALUES (2)")
    page_size = wal_saves(path)[0]
    wal = Path(f"{path}-wal")
    data = bytearray(wal.read_bytes())
    data[_frame_offset(1, page_size) + 20] ^= 0x10  # the second frame's checksum-2
    wal.write_bytes(bytes(data))
    assert _sqlite_reads(path, tmp_path, "SELECT x FROM t") == [(1,)]
    assert len(wal_saves(path)[1]) == 1

