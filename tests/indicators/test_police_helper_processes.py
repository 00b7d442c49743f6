"""A big police.uk import is counted by helper processes on other cores (issue 16: the import within the time
pandas' pyarrow reader takes to read the same files). Whoever counts a file, the import must come out the same:
the same counts, the same SHA-256s, the same refusal of the same bad file with the same message, and nothing
left running afterwards, whether a helper answers, dies part-way or is stopped by Cancel."""

from __future__ import annotations

import multiprocessing
import shutil
import threading
from pathlib import Path

import pytest

from safer_desk.exchange import police_uk
from safer_desk.exchange.police_uk import PoliceFileError
from safer_desk.services.police_import import import_police_files
from safer_desk.services.progress import Cancelled
from safer_desk.storage.store import open_store
from tests.indicators.police_helpers import HEADER, fixture, street_file, street_files

ROW = "id,{month},Suffolk Constabulary,Suffolk Constabulary,0.86,52.14,On or near X,E01029876,{lsoa},{crime},," \
      "Under investigation"


def many_files(folder: Path) -> list[Path]:
    """The Suffolk 2025 fixtures, a file in each other shape the reader knows (quoted values, CR LF, an empty
    file, duplicate anti-social behaviour rows, an unknown area) and copies, so that helpers get several."""
    folder.mkdir()
    paths = []
    for path in street_files(fixture("suffolk-2025")):
        paths.append(folder / path.name)
        shutil.copyfile(path, paths[-1])
    paths.append(street_file(folder, "2024-01-quoted-street.csv",
                             ['id,2024-01,Suffolk Constabulary,Suffolk Constabulary,0.86,52.14,"On or near X, Y",'
                              'E01029876,Babergh 001A,Burglary,,'] * 3))
    crlf = folder / "2024-02-crlf-street.csv"
    crlf.write_bytes(("\r\n".join([HEADER] + [ROW.format(month="2024-02", lsoa="Waveney 003C", crime="Drugs")] * 4)
                      + "\r\n").encode("utf-8"))
    paths.append(crlf)
    empty = folder / "2024-03-empty-street.csv"
    empty.write_text(HEADER + "\n", encoding="utf-8")
    paths.append(empty)
    paths.append(street_file(folder, "2024-04-asb-street.csv",
                             [ROW.format(month="2024-04", lsoa="", crime="Anti-social behaviour")] * 5
                             + [ROW.format(month="2024-04", lsoa="Nowhere 001A", crime="Burglary")]))
    for n in range(12):
        copy = folder / f"2023-{n + 1:02d}-copy-street.csv"
        copy.write_bytes(paths[n % 12].read_bytes().replace(b",2025-", b",2023-"))
        paths.append(copy)
    return paths


def found(paths: list[Path]) -> list[police_uk.StreetFile]:
    return [police_uk.StreetFile(p, p.name, p.name, p.name, tuple(police_uk.read_header(p))) for p in paths]


def read(files: list[police_uk.StreetFile], helpers: str, monkeypatch, **reader) -> tuple[list, str, int]:
    """(what each file counted, the files' hash, files the helpers counted) with helpers "always" or "never"."""
    monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", helpers)
    with police_uk.StreetReader(files, **reader) as r:
        counted = [(c.name, c.rows, c.counts, c.sha256) for batch in r for c in batch]
        return counted, r.source_hash(), r.helper_files


@pytest.fixture
def small_batches(monkeypatch):
    monkeypatch.setattr(police_uk, "BATCH_FILES", 3)


@pytest.fixture
def helpers_only(monkeypatch):
    """This process counts only what a helper gives back (not while they start): the helpers surely count."""
    monkeypatch.setattr(police_uk, "COUNT_WHILE_HELPERS_START", False)


@pytest.mark.parametrize("count_here_meanwhile", [False, True])
def test_helpers_count_what_this_process_counts(tmp_path, monkeypatch, small_batches, count_here_meanwhile):
    """Every file counted by the helpers (this process waiting for them), or as many as they take while this
    process counts until one has answered (as a user's import does)."""
    monkeypatch.setattr(police_uk, "COUNT_WHILE_HELPERS_START", count_here_meanwhile)
    files = found(many_files(tmp_path / "files"))
    files.append(files[0])  # a file given twice is read once
    here, here_hash, none_helped = read(files, "never", monkeypatch)
    helped, helped_hash, helper_files = read(files, "always", monkeypatch)
    assert none_helped == 0
    if not count_here_meanwhile:
        assert helper_files == len(files) - 1  # the helpers really counted them
    assert helped == here and helped_hash == here_hash
    assert len(here) == len(files) and sum(rows for _, rows, _, _ in here) > 1000


def test_the_import_leaves_the_same_file_with_helpers(tmp_path, monkeypatch, small_batches, helpers_only):
    paths = many_files(tmp_path / "files")
    left = []
    for helpers in ("never", "always"):
        monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", helpers)
        store = open_store(tmp_path / f"{helpers}.sqlite", create=True)
        try:
            result = import_police_files(store, paths)
            left.append(((result.files, result.rows, result.months, result.areas, result.source_hash),
                         [tuple(r) for r in store.rows("SELECT * FROM _police_counts ORDER BY 1, 2, 3, 4")],
                         [tuple(r) for r in store.rows("SELECT indicator_id, area_id, period, value, source FROM "
                                                        "indicator_values ORDER BY rowid")],
                         [tuple(r)[:6] for r in store.rows("SELECT * FROM _police_vintages ORDER BY 1, 2")]))
        finally:
            store.close()
    assert left[0] == left[1]
    heading_only = [p for p in paths if not p.read_bytes().strip().count(b"\n")]  # listed as not imported
    # A copy that repeats an earlier file's force-month (the copies of the 2024 files, and of the copies) is
    # counted once: the files counted are the different ones.
    different = {p.read_bytes() for p in paths if p not in heading_only}
    assert heading_only and left[0][0][:2] == (len(different), 709) and len(different) == 9


def bad_file(folder: Path, kind: str) -> Path:
    if kind == "ragged":
        return street_file(folder, "2024-06-bad-street.csv",
                           [ROW.format(month="2024-06", lsoa="Babergh 001A", crime="Burglary")] * 3 + ["x,2024-06"])
    if kind == "not utf-8":
        path = folder / "2024-06-bad-street.csv"
        path.write_bytes((HEADER + "\n" + ROW.format(month="2024-06", lsoa="Babergh 001A", crime="Burglary")
                          + "\n").encode("utf-8") + b"id,2024-06,Suffolk\xff\n")
        return path
    return street_file(folder, "2024-06-bad-street.csv", [ROW.format(month="June", lsoa="Babergh 001A",
                                                                     crime="Burglary")])


@pytest.mark.parametrize("kind", ["ragged", "not utf-8", "month"])
def test_a_bad_file_is_refused_alike_whoever_counts_it(tmp_path, monkeypatch, small_batches, helpers_only, kind):
    paths = many_files(tmp_path / "files")
    paths.insert(9, bad_file(tmp_path / "files", kind))  # beyond the first batches: a helper may well count it
    files = found(paths)
    refusals = []
    for helpers in ("never", "always"):
        monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", helpers)
        yielded = []
        with pytest.raises(PoliceFileError) as refused, police_uk.StreetReader(files) as reader:
            for batch in reader:
                yielded += [c.name for c in batch]
        refusals.append((str(refused.value), yielded))
    assert refusals[0] == refusals[1]
    assert "2024-06-bad-street.csv" in refusals[0][0] and refusals[0][1] == [p.name for p in paths[:9]]


class _DyingHelper:
    """A helper (its pipe and its process, in this process) that answers `answers` files and then dies."""

    def __init__(self, answers: int, fails: str = ""):
        self.answers, self.fails, self.sent, self.districts = answers, fails, [], police_uk._Districts()
        self.up = False

    def send(self, f):
        self.sent.append(f)

    def recv(self):
        if not self.up:  # first it says it is up, as _helper_main does
            self.up = True
            return police_uk.READY
        if not self.answers:
            raise EOFError
        self.answers -= 1
        f = self.sent.pop(0)
        data, fingerprint = police_uk._read_file(f)
        if f.name == self.fails:  # its counting failed unexpectedly there
            return fingerprint, None
        return fingerprint, police_uk._count_here(f, self.districts, data if fingerprint[0] else None)

    def close(self):
        pass

    def is_alive(self):
        return False

    def join(self, timeout=None):
        pass


def test_a_helper_that_dies_part_way_leaves_its_files_to_this_process(tmp_path, monkeypatch, small_batches,
                                                                     helpers_only):
    files = found(many_files(tmp_path / "files"))
    here, here_hash, _ = read(files, "never", monkeypatch)
    helpers = []

    def start(self):
        helper = _DyingHelper(answers=3)
        helpers.append(helper)
        return helper, helper

    monkeypatch.setattr(police_uk.StreetReader, "_start_helper", start)
    monkeypatch.setattr(police_uk, "helpers_wanted", lambda total: 2)
    helped, helped_hash, helper_files = read(files, "always", monkeypatch)
    assert helper_files == 6 and len(helpers) == 2  # three each, then both died holding files never answered
    assert helped == here and helped_hash == here_hash


def test_a_file_a_helper_failed_to_count_is_counted_here(tmp_path, monkeypatch, small_batches, helpers_only):
    paths = many_files(tmp_path / "files")
    files = found(paths)
    here, here_hash, _ = read(files, "never", monkeypatch)
    monkeypatch.setattr(police_uk.StreetReader, "_start_helper",
                        lambda self: (_DyingHelper(answers=len(files), fails=paths[4].name),) * 2)
    monkeypatch.setattr(police_uk, "helpers_wanted", lambda total: 1)
    helped, helped_hash, helper_files = read(files, "always", monkeypatch)
    assert helper_files == len(files) - 1
    assert helped == here and helped_hash == here_hash


class _NeverUp:
    """A helper process that starts but never says it is up (stuck, say, in a script run again without
    `if __name__ == "__main__":`), until it is terminated."""

    def __init__(self):
        self.released, self.sent = threading.Event(), []

    def recv(self):
        self.released.wait()
        raise EOFError

    def send(self, f):
        self.sent.append(f)  # held for ever: the import would wait for it

    def close(self):
        pass

    def is_alive(self):
        return not self.released.is_set()

    def terminate(self):
        self.released.set()

    def join(self, timeout=None):
        pass


@pytest.mark.timeout(60)
def test_a_helper_that_never_comes_up_holds_nothing_up(tmp_path, monkeypatch, small_batches):
    files = found(many_files(tmp_path / "files"))
    here, here_hash, _ = read(files, "never", monkeypatch)
    stuck = []

    def start(self):
        stuck.append(_NeverUp())
        self.processes.append(stuck[-1])
        return stuck[-1], stuck[-1]

    monkeypatch.setattr(police_uk.StreetReader, "_start_helper", start)
    helped, helped_hash, helper_files = read(files, "always", monkeypatch)
    assert (helped, helped_hash, helper_files) == (here, here_hash, 0)  # this process counted them all
    assert stuck and all(s.released.is_set() and not s.sent for s in stuck)  # sent nothing; stopped at the end


@pytest.mark.timeout(120)
def test_a_script_without_a_main_guard_still_imports(tmp_path):
    """multiprocessing's "spawn" runs the caller's script again in each helper: one without
    `if __name__ == "__main__":` starts its own import there. The import must finish all the same."""
    import os
    import subprocess
    import sys

    script = tmp_path / "unguarded.py"
    script.write_text("import sys\n"
                      "from pathlib import Path\n"
                      "from safer_desk.storage.store import open_store\n"
                      "from safer_desk.services.police_import import import_police_files\n"
                      "store = open_store(Path(sys.argv[1]), create=True, read_only=False)\n"
                      "print(import_police_files(store, [Path(sys.argv[2])]).rows)\n"
                      "store.close()\n", encoding="utf-8")
    folder = tmp_path / "files"
    many_files(folder)
    env = {**os.environ, "SAFER_DESK_HOME": str(tmp_path / "home"), "SAFER_DESK_POLICE_HELPER": "always",
           "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, str(script), str(tmp_path / "x.sqlite"), str(folder)], env=env,
                          capture_output=True, text=True, timeout=100)
    assert done.returncode == 0, done.stderr[-2000:]
    assert int(done.stdout.split()[0]) == 709  # the rows of the nine different files (copies counted once)


def test_a_real_helper_killed_part_way_changes_nothing(tmp_path, monkeypatch, small_batches, helpers_only):
    files = found(many_files(tmp_path / "files"))
    here, here_hash, _ = read(files, "never", monkeypatch)
    monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", "always")
    with police_uk.StreetReader(files) as reader:
        batches = iter(reader)
        counted = [(c.name, c.rows, c.counts, c.sha256) for c in next(batches)]
        for process in reader.processes:
            process.kill()
        counted += [(c.name, c.rows, c.counts, c.sha256) for batch in batches for c in batch]
        assert (counted, reader.source_hash()) == (here, here_hash)
    assert not any(p.is_alive() for p in reader.processes)


def test_cancel_stops_the_helpers(tmp_path, monkeypatch, small_batches, helpers_only):
    files = found(many_files(tmp_path / "files"))
    monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", "always")
    calls = []

    def checkpoint():
        calls.append(1)
        if len(calls) == 2:
            raise Cancelled()

    with pytest.raises(Cancelled), police_uk.StreetReader(files, checkpoint=checkpoint) as reader:
        for _ in reader:
            pass
    assert reader.processes and not any(p.is_alive() for p in reader.processes)
    assert not any(t.is_alive() for t in reader.threads)
    assert multiprocessing.active_children() == []


def test_only_a_big_import_starts_helpers(monkeypatch):
    monkeypatch.delenv("SAFER_DESK_POLICE_HELPER", raising=False)
    monkeypatch.setattr(police_uk, "_cores", lambda: 2)
    assert police_uk.helpers_wanted(police_uk.HELPER_BYTES - 1) == 0
    assert police_uk.helpers_wanted(police_uk.HELPER_BYTES) == 2
    monkeypatch.setattr(police_uk, "_cores", lambda: 16)
    assert police_uk.helpers_wanted(10 * police_uk.HELPER_BYTES) == police_uk.HELPERS
    monkeypatch.setattr(police_uk, "_cores", lambda: 1)
    assert police_uk.helpers_wanted(10 * police_uk.HELPER_BYTES) == 0
    monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", "always")
    assert police_uk.helpers_wanted(0) == 1
    monkeypatch.setenv("SAFER_DESK_POLICE_HELPER", "never")
    assert police_uk.helpers_wanted(10 * police_uk.HELPER_BYTES) == 0


def test_the_cores_are_those_this_process_may_use(monkeypatch):
    """A container or an affinity mask may allow fewer cores than the machine has: helpers are counted from
    what this process may use; where the platform has no affinity call (Windows, macOS), from the machine's."""
    monkeypatch.setattr(police_uk.os, "sched_getaffinity", lambda pid: {0, 1}, raising=False)
    monkeypatch.setattr(police_uk.os, "cpu_count", lambda: 64)
    assert police_uk._cores() == 2
    monkeypatch.delattr(police_uk.os, "sched_getaffinity", raising=False)
    assert police_uk._cores() == 64


def test_required_helpers_count_every_file_or_fail(tmp_path, monkeypatch, small_batches):
    """SAFER_DESK_POLICE_HELPER=required (the packaging smoke test's proof that helpers work in the built
    program): the helpers count every file, and one that fails is an error instead of being covered for."""
    files = found(many_files(tmp_path / "files"))
    here, here_hash, _ = read(files, "never", monkeypatch)
    helped, helped_hash, helper_files = read(files, "required", monkeypatch)
    assert (helped, helped_hash, helper_files) == (here, here_hash, len(files))
    monkeypatch.setattr(police_uk.StreetReader, "_start_helper", lambda self: (_DyingHelper(answers=2),) * 2)
    with pytest.raises(police_uk.HelperFailed):
        read(files, "required", monkeypatch)


def test_a_helper_loads_the_counting_alone():
    """A helper is up in a few hundredths of a second of a core: its module needs the standard library's core and
    nothing of the import's own machinery (multiprocessing's "spawn" cost ~0.15 s of the cores, issue 16)."""
    import subprocess
    import sys

    shown = subprocess.run([sys.executable, "-c", "import sys, safer_desk.exchange.police_count\n"
                            "print(' '.join(sorted(sys.modules)))"], capture_output=True, text=True, check=True)
    loaded = set(shown.stdout.split())
    assert "safer_desk.exchange.police_count" in loaded
    assert not loaded & {"multiprocessing", "subprocess", "dataclasses", "zipfile", "pathlib", "typing", "sqlite3",
                         "threading", "safer_desk.exchange.police_uk", "safer_desk.cli"}, sorted(loaded)


def test_a_helper_answers_through_its_pipes_as_this_process_counts(tmp_path):
    """The helper started as the import starts it: files in on its standard input, answers out on its standard
    output; a file it cannot read and a ragged one come back as the same refusals."""
    paths = many_files(tmp_path / "files")
    ragged = bad_file(tmp_path / "files", "ragged")
    files = found(paths[:3] + [ragged])
    files.append(police_uk.StreetFile(tmp_path / "gone.csv", "gone.csv", "gone.csv", "gone.csv", files[0].header))
    process = police_uk.HelperProcess()
    try:
        assert process.pipe.recv() == police_uk.READY
        answers = []
        for f in files:
            process.pipe.send(f)
            answers.append(process.pipe.recv())
        process.pipe.send(None)
        process.join(timeout=30)
        assert not process.is_alive()
    finally:
        process.pipe.close()
        process.terminate()
    districts = police_uk._Districts()
    for f, (fingerprint, counted) in zip(files, answers):
        data, here = police_uk._read_file(f)
        assert (fingerprint[0], str(fingerprint[1])) == (here[0], str(here[1]))
        expected = police_uk._count_here(f, districts, data if here[0] else None)
        assert counted[:2] == expected[:2] and str(counted[2]) == str(expected[2])
    assert isinstance(answers[3][1][2], PoliceFileError) and "line 5" in str(answers[3][1][2])
    assert isinstance(answers[4][0][1], PoliceFileError) and "gone.csv cannot be read" in str(answers[4][0][1])


def test_a_helper_started_from_a_folder_with_a_module_of_a_standard_name_still_counts(tmp_path, monkeypatch):
    """The folder the import is started from is not on a helper's module path: a hashlib.py there (a script an
    officer keeps beside the downloads) must not stand in for the standard library's."""
    folder = tmp_path / "downloads"
    folder.mkdir()
    for name in ("hashlib", "re", "collections"):
        (folder / f"{name}.py").write_text("raise SystemExit('the folder\'s own module was imported')\n",
                                           encoding="utf-8")
    monkeypatch.chdir(folder)
    files = found(many_files(tmp_path / "files")[:1])
    process = police_uk.HelperProcess()
    try:
        assert process.pipe.recv() == police_uk.READY
        process.pipe.send(files[0])
        fingerprint, counted = process.pipe.recv()
        process.pipe.send(None)
        process.join(timeout=30)
    finally:
        process.pipe.close()
        process.terminate()
    data, here = police_uk._read_file(files[0])
    assert fingerprint == here and counted == police_uk._count_here(files[0], police_uk._Districts(), data)


def test_the_packaged_program_is_its_own_helper(tmp_path, monkeypatch):
    """Frozen, there is no `python -m`: the program starts itself with HELPER_ARGUMENT, and its entry
    (packaging/entry.py) then runs the helper and loads nothing else."""
    import subprocess
    import sys

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "safer-desk"))
    assert police_uk.helper_command() == [str(tmp_path / "safer-desk"), "--safer-desk-police-helper"]
    entry = Path(__file__).resolve().parents[2] / "packaging" / "entry.py"
    monkeypatch.undo()
    files = found(many_files(tmp_path / "files")[:2])
    script = ("import runpy, sys\n"
              f"sys.argv = [{str(entry)!r}, '--safer-desk-police-helper']\n"
              "try:\n"
              f"    runpy.run_path({str(entry)!r}, run_name='__main__')\n"
              "finally:\n"
              "    sys.stderr.write(' '.join(sorted(sys.modules)))\n")
    helper = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE)
    pipe = police_uk.HelperPipe(helper.stdin, helper.stdout)
    assert pipe.recv() == police_uk.READY
    pipe.send(files[1])
    fingerprint, counted = pipe.recv()
    pipe.send(None)
    pipe.close()
    loaded = set(helper.stderr.read().decode().split())
    assert helper.wait(timeout=30) == 0
    data, here = police_uk._read_file(files[1])
    assert fingerprint == here and counted == police_uk._count_here(files[1], police_uk._Districts(), data)
    assert "safer_desk.exchange.police_count" in loaded and "safer_desk.cli" not in loaded


def test_on_windows_a_helper_opens_no_console_window(monkeypatch):
    """Windows: a helper started from the window (no console of its own) would flash a console window up for each
    helper unless started with CREATE_NO_WINDOW; the branch forced here, the flag is passed to Popen."""
    import subprocess

    seen = {}

    class Started:
        stdin = stdout = None

        def __init__(self, args, **kwargs):
            seen.update(kwargs, args=args)

    monkeypatch.setattr(subprocess, "CREATE_NO_WINDOW", 0x08000000, raising=False)
    monkeypatch.setattr(subprocess, "Popen", Started)
    police_uk.HelperProcess()
    assert seen["creationflags"] == 0x08000000 and seen["stderr"] == subprocess.DEVNULL
    monkeypatch.delattr(subprocess, "CREATE_NO_WINDOW")
    police_uk.HelperProcess()
    assert seen["creationflags"] == 0  # elsewhere: no flag


def test_a_packaged_program_without_a_console_still_answers_through_its_pipes(tmp_path):
    """Windows' `Safer Desk.exe` has no console: started as a helper, sys.stdin and sys.stdout are None, yet the pipes
    it was started with are there; the helper answers through them."""
    import subprocess
    import sys

    files = found(many_files(tmp_path / "files")[:1])
    script = ("import sys\n"
              "sys.stdin = sys.stdout = None\n"
              "from safer_desk.exchange.police_count import helper_main\n"
              "helper_main()\n")
    helper = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    pipe = police_uk.HelperPipe(helper.stdin, helper.stdout)
    try:
        assert pipe.recv() == police_uk.READY
        pipe.send(files[0])
        fingerprint, counted = pipe.recv()
        pipe.send(None)
    finally:
        pipe.close()
    assert helper.wait(timeout=30) == 0
    data, here = police_uk._read_file(files[0])
    assert fingerprint == here and counted == police_uk._count_here(files[0], police_uk._Districts(), data)
