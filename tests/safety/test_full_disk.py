"""Issue 12, done when: a full disk (a small file system, or an injected ENOSPC) never reports success.

In each of export, workbook, report (PDF and HTML), backup, the example file, a new file, a CSV export and
an import: the write fails with a message that names the cause, the old file stays as it was, and no
temporary file is left. First with the disk full injected into our own writes (os.write or os.fsync
failing with ENOSPC), then on a real 3 MB file system mounted for the test (root only; skipped otherwise).
"""

from __future__ import annotations

import errno
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from safer_desk.storage import safe_write
from safer_desk.storage.leftovers import TEMP_PATTERN
from tests.safety.helpers import logical_state, run_cli

PREVIOUS = b"the previous file\n"


class _DiskFull:
    """Stands in for the os module inside safe_write: one call fails with ENOSPC, the rest are the real ones."""

    def __init__(self, failing: str):
        self._failing = failing

    def __getattr__(self, name):
        if name == self._failing:
            def refuse(*args, **kwargs):
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return refuse
        return getattr(os, name)


@pytest.fixture(params=["write", "fsync"])
def disk_full(request, monkeypatch):
    """The disk refuses our writes (os.write) or the flush to the disk (os.fsync, as NFS and quotas do)."""
    monkeypatch.setattr(safe_write, "os", _DiskFull(request.param))
    return request.param


@pytest.fixture
def flush_fails(monkeypatch):
    """For files SQLite writes itself (a backup, a new file): the flush to the disk fails with ENOSPC."""
    monkeypatch.setattr(safe_write, "os", _DiskFull("fsync"))


def no_temporaries(folder: Path) -> list[str]:
    return [p.name for p in Path(folder).rglob("*") if TEMP_PATTERN.match(p.name)]


def _previous(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(PREVIOUS)
    return path


@pytest.mark.parametrize("suffix", [".sqlite", ".xlsx"])
def test_export_and_workbook_on_a_full_disk(demo_store, tmp_path, disk_full, suffix):
    from safer_desk.services.county import CountyError, export_for_county

    target = _previous(tmp_path / "out" / f"county{suffix}")
    with pytest.raises(CountyError, match="the disk is full"):
        export_for_county(demo_store, target)
    assert target.read_bytes() == PREVIOUS and no_temporaries(target.parent) == []


@pytest.mark.parametrize("suffix", [".pdf", ".html"])
def test_report_on_a_full_disk(demo_store, tmp_path, disk_full, suffix):
    from safer_desk.exchange.report_html import write_html
    from safer_desk.services.report import build_report
    from safer_desk.ui.exchange.report_pdf import write_pdf

    document = build_report(demo_store, year="2018/19")
    target = _previous(tmp_path / f"report{suffix}")
    with pytest.raises(OSError, match="the disk is full") as raised:
        (write_pdf if suffix == ".pdf" else write_html)(document, target)
    assert "Nothing was changed" in str(raised.value) and target.name in str(raised.value)
    assert target.read_bytes() == PREVIOUS and no_temporaries(tmp_path) == []


def test_csv_export_on_a_full_disk(tmp_path, disk_full):
    from safer_desk.exchange.files import write_csv

    target = _previous(tmp_path / "ledger.csv")
    with pytest.raises(OSError, match="the disk is full"):
        write_csv(target, ["partner", "owed"], [["Babergh", "12"]])
    assert target.read_bytes() == PREVIOUS and no_temporaries(tmp_path) == []


def test_backup_and_save_a_copy_on_a_full_disk(demo_store, tmp_path, flush_fails):
    from safer_desk.storage.store import backups_folder, backups_of, make_backup

    before = backups_of(demo_store.path)
    with pytest.raises(OSError, match="the disk is full"):
        make_backup(demo_store.path, reason="on-demand")
    assert backups_of(demo_store.path) == before
    copy = _previous(tmp_path / "copy.sqlite")
    with pytest.raises(OSError, match="the disk is full"):
        demo_store.backup_to(copy)
    assert copy.read_bytes() == PREVIOUS
    assert no_temporaries(tmp_path) == [] and no_temporaries(backups_folder(demo_store.path)) == []


def test_a_backup_not_written_leaves_no_backups_folder_it_made(demo_store, flush_fails):
    """Back Up Now (or the backup before an upgrade) refused by the disk: the backups folder it made goes with it
    (a tester saw an empty one left); one that was there before stays."""
    from safer_desk.storage.store import backups_folder, make_backup

    folder = backups_folder(demo_store.path)
    assert not folder.exists()
    with pytest.raises(OSError, match="the disk is full"):
        make_backup(demo_store.path, reason="on-demand")
    assert not folder.exists()
    folder.mkdir()
    with pytest.raises(OSError, match="the disk is full"):
        make_backup(demo_store.path, reason="on-demand")
    assert folder.is_dir() and list(folder.iterdir()) == []


def test_new_file_and_example_file_on_a_full_disk(tmp_path, flush_fails):
    from safer_desk.services.demo import build_demo
    from safer_desk.storage.store import open_store

    new = tmp_path / "office.sqlite"
    with pytest.raises(OSError, match="the disk is full"):
        open_store(new, create=True)
    assert not new.exists()  # never a half-made file, refused for ever after as "not a Safer Desk file"
    old = _previous(tmp_path / "example.sqlite")
    with pytest.raises(OSError, match="the disk is full"):
        build_demo(old, overwrite=True)
    assert old.read_bytes() == PREVIOUS and no_temporaries(tmp_path) == []


# -- a real small file system ------------------------------------------------------------------

@pytest.fixture
def small_disk(tmp_path):
    """An 8 MB tmpfs mounted for the test (needs root on Linux; skipped with the reason otherwise)."""
    if sys.platform != "linux" or os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a small file system needs root on Linux")
    mount = tmp_path / "small-disk"
    mount.mkdir()
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)], capture_output=True,
                            text=True)
    if result.returncode != 0:
        pytest.skip(f"cannot mount a small file system here: {result.stderr.strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True)


def fill(folder: Path, leave: int) -> None:
    """Fill the file system of folder until only about `leave` bytes are free."""
    stats = os.statvfs(folder)
    free = stats.f_bavail * stats.f_frsize
    with open(folder / "filler.bin", "ab") as fh:
        fh.write(b"\0" * max(0, free - leave))


def one_line_refusal(result) -> str:
    assert result.returncode == 1, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr and "wrote" not in result.stdout, result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize("suffix", [".sqlite", ".xlsx", ".pdf", ".html"])
def test_commands_on_a_really_full_disk_say_so_and_exit_1(small_disk, demo_path, private_home, suffix):
    target = _previous(small_disk / f"out{suffix}")
    fill(small_disk, leave=64 * 1024)
    argv = ["export" if suffix in (".sqlite", ".xlsx") else "report", str(demo_path), str(target), "--replace"]
    line = one_line_refusal(run_cli(argv, home=private_home))
    assert "disk is full" in line and target.name in line
    assert target.read_bytes() == PREVIOUS and no_temporaries(small_disk) == []


def test_demo_and_new_file_on_a_really_full_disk(small_disk, private_home, tmp_path):
    old = _previous(small_disk / "example.sqlite")
    fill(small_disk, leave=256 * 1024)
    line = one_line_refusal(run_cli(["demo", str(old), "--force"], home=private_home))
    assert "disk is full" in line
    assert old.read_bytes() == PREVIOUS and no_temporaries(small_disk) == []
    # A new file (the county file a merge creates) on a disk with room for almost nothing.
    (small_disk / "filler.bin").unlink()
    fill(small_disk, leave=16 * 1024)
    from safer_desk.services.county import export_for_county
    from safer_desk.storage.store import open_store

    blank = open_store(tmp_path / "blank.sqlite", create=True)
    try:
        export = export_for_county(blank, tmp_path / "blank-export.sqlite").path
    finally:
        blank.close()
    county = small_disk / "county.sqlite"
    from tests.exchange.helpers import accept_key_args

    line = one_line_refusal(run_cli(["merge", str(county), str(export), *accept_key_args()], home=private_home))
    assert "disk is full" in line or "could not be written" in line
    assert not county.exists() and no_temporaries(small_disk) == []


def test_backup_before_an_upgrade_on_a_really_full_disk(small_disk, private_home):
    from tests.safety.helpers import make_older_file

    older = make_older_file(small_disk / "older.sqlite")
    before = logical_state(older, small_disk.parent / "scratch")
    fill(small_disk, leave=8 * 1024)
    # A command that changes the file upgrades it (one that only reads it reads an upgraded copy in memory).
    line = one_line_refusal(run_cli(["office", str(older), "--county", "Suffolk"], home=private_home))
    assert "disk is full" in line
    assert logical_state(older, small_disk.parent / "scratch") == before
    assert no_temporaries(small_disk) == []


def test_import_on_a_really_full_disk_writes_nothing(small_disk, demo_master, private_home, tmp_path):
    """An import into a file on a full disk: refused with a message, the file as it was (nothing half-written)."""
    office = small_disk / "office.sqlite"
    shutil.copyfile(demo_master, office)
    before = logical_state(office, tmp_path / "scratch")
    folder = tmp_path / "police"
    folder.mkdir()
    header = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
              "Last outcome category,Context\n")
    for month in range(1, 10):  # each file of its own month, as data.police.uk gives them
        rows = "".join(f"id{n},2019-0{month},Suffolk Constabulary,Suffolk Constabulary,1.1,52.0,On or near X,"
                       f"E01029876,Babergh 00{n % 9}A,Burglary,Under investigation,\n" for n in range(20000))
        (folder / f"2019-0{month}-suffolk-street.csv").write_text(header + rows, encoding="utf-8")
    fill(small_disk, leave=32 * 1024)
    result = run_cli(["import-police", str(office), str(folder)], home=private_home)
    line = one_line_refusal(result)
    assert "full" in line or "could not" in line, line
    (small_disk / "filler.bin").unlink()
    assert logical_state(office, tmp_path / "scratch") == before


def test_the_window_says_why_a_backup_or_a_copy_was_not_written(demo_window, prompts, tmp_path, flush_fails):
    from safer_desk.storage.store import backups_of

    path = demo_window.session.store.path
    before = backups_of(path)
    demo_window.backup_now()
    assert prompts.errors[-1][0] == "Back up" and "the disk is full" in prompts.errors[-1][1]
    assert backups_of(path) == before
    copy = _previous(tmp_path / "copy.sqlite")
    prompts.file_names.append(str(copy))
    prompts.answers.append(True)  # Replace: Safer Desk asks (its file dialog no longer does)
    demo_window.save_copy()
    assert prompts.errors[-1][0] == "Save a copy" and "the disk is full" in prompts.errors[-1][1]
    assert copy.read_bytes() == PREVIOUS and no_temporaries(tmp_path) == []


def test_corrections_on_a_really_full_disk_are_refused_and_change_nothing(small_disk, demo_master, tmp_path):
    """A spend line, a contribution or a cost line corrected on a full disk: SQLite's refusal, the file as it was
    (each correction is one transaction), and the file passes its checks once there is room again."""
    from safer_desk.services import dhr, funds
    from safer_desk.services.files import write_refused
    from safer_desk.storage.store import open_store

    office = small_disk / "office.sqlite"
    shutil.copyfile(demo_master, office)
    store = open_store(office)
    try:
        store.verify()
        fund = funds.list_funds(store)[0]
        line = funds.list_spend_lines(store, fund.id)[0]
        given = funds.contributions(store, fund.id)[0]
        case_id = dhr.case_id_by_reference(store, "WSCSP-DHR-2017-02")
        cost = dhr.add_cost_line(store, case_id, category="Administration", amount="£10")
        before = logical_state(office, tmp_path / "before")
        fill(small_disk, leave=0)
        corrections = (
            lambda: funds.update_spend_line(store, line["id"], spent_on="01/07/2018", item="Door chain",
                                            amount="£9,999.99", invoice_ref="X" * 2000),
            lambda: funds.update_contribution(store, given["id"], organisation=given["organisation"], amount="£3,000",
                                              note="N" * 4000),
            lambda: dhr.update_cost_line(store, cost, category="Administration", amount="£12",
                                         description="D" * 4000))
        for correct in corrections:
            with pytest.raises(sqlite3.OperationalError) as refused:
                correct()
            assert "full" in write_refused(refused.value)  # what the window says: "(it may be full)"
    finally:
        store.close()
    (small_disk / "filler.bin").unlink()
    assert logical_state(office, tmp_path / "after") == before
    checked = open_store(office)
    try:
        checked.verify()  # the audit trail whole, no damage
    finally:
        checked.close()
