"""What the damaged-page check costs when a file is opened (issue 12).

Run: /work/venvs/safety/bin/python benchmarks/open_check.py

Every writable open runs SQLite's `PRAGMA integrity_check` (storage.store.check_pages) before its first write
(the window: just after its first screen), so a file with a damaged page is refused before anything is
written to it. This prints the median time of
opening the example file and a ~100 MB file (the example file with about 1.7 million police counts added) with
the check and without it (the baseline, measured in the same run), and the ratio. Warm cache: the files were
just written. Nothing is asserted.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from safer_desk.storage import store as store_module  # noqa: E402

REPEATS = 7


def grow(path: Path, target_bytes: int) -> None:
    conn = sqlite3.connect(str(path))
    try:
        area = conn.execute("SELECT id FROM indicator_areas LIMIT 1").fetchone()[0]
        types = [f"Crime type {i}" for i in range(14)]
        n = 0
        while path.stat().st_size < target_bytes:
            rows = []
            for _ in range(200_000):
                month = f"{1900 + (n // 12_000) % 200:04d}-{n % 12 + 1:02d}"
                rows.append(("benchmark-force", month, f"District {n % 997:03d} {n // 997:06d}", types[n % 14], area,
                             n % 50))
                n += 1
            conn.executemany("INSERT OR IGNORE INTO _police_counts(force, month, source_district, crime_type, area_id, "
                             "count) VALUES (?, ?, ?, ?, ?, ?)", rows)
            conn.commit()
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def time_open(path: Path, *, read_only: bool) -> float:
    times = []
    for _ in range(REPEATS):
        started = time.perf_counter()
        store_module.open_store(path, read_only=read_only).close()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    folder = Path(tempfile.mkdtemp(prefix="safer-desk-open-check-"))
    os.environ.setdefault("SAFER_DESK_HOME", str(folder / "home"))
    try:
        example = folder / "example.sqlite"
        subprocess.run([sys.executable, "-m", "safer_desk", "demo", str(example)], check=True, capture_output=True,
                       cwd=Path(__file__).resolve().parents[1])
        big = folder / "big.sqlite"
        shutil.copyfile(example, big)
        grow(big, 100 * 1024 * 1024)
        print(f"open-time cost of the damaged-page check (median of {REPEATS}, warm cache)")
        for path in (example, big):
            size = path.stat().st_size / 1024 / 1024
            for read_only in (True, False):
                with_check = time_open(path, read_only=read_only)
                with mock.patch.object(store_module, "check_pages", lambda p, conn=None: None):
                    baseline = time_open(path, read_only=read_only)
                started = time.perf_counter()
                store_module.check_pages(path)
                alone = time.perf_counter() - started
                print(f"{path.name:15s} {size:6.1f} MB {'read-only' if read_only else 'writable ':9s} "
                      f"open {baseline * 1000:7.1f} ms without the check, {with_check * 1000:7.1f} ms with it "
                      f"(x{with_check / baseline:4.1f}; integrity_check alone {alone * 1000:6.1f} ms)")
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
