"""Build the county board report for 2025/26 from five Suffolk district office files, as a county lead would.

    python docs/county_report_2025_26.py [FOLDER] [--data ../shared/data]

Each step but one is the `safer-desk` command a county team scripts:

1. `safer-desk demo example.sqlite`: the example data (the seed papers' reference data, projects, reviews,
   funds and indicators).
2. Five district offices from it (Babergh, Mid Suffolk, Ipswich, East Suffolk, West Suffolk). The one step
   the command line has no command for: each copy is given an office id and name of its own (the example
   file's are the same in every copy; the county tells offices apart by their ids), and the example office's
   own scope is dropped.
3. `safer-desk office FILE --district NAME --county Suffolk`: whose file it is.
4. `safer-desk import-police FILE ../shared/data/police-uk/suffolk-2025`: every office imports the same
   force-wide files, as real offices do.
5. `safer-desk export FILE FILE-export.sqlite`, signed with this officer's key (`safer-desk key`).
6. `safer-desk merge "Suffolk county team.sqlite" EXPORT... --accept-key FINGERPRINT` into a new county file.
7. `safer-desk report "Suffolk county team.sqlite" county-2025-26.pdf --year 2025/26`, then every page as a PNG with
   `pdftoppm -png -r 50` (when poppler is installed) to look at.

Prints each command and what it printed. The files stay in FOLDER (default: ./county-report-2025-26).
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

OFFICES = [("Babergh office", "Babergh"), ("Mid Suffolk office", "Mid Suffolk"), ("Ipswich office", "Ipswich"),
           ("East Suffolk office", "East Suffolk"), ("West Suffolk office", "West Suffolk")]


def run(*args: str) -> str:
    """`safer-desk ARGS`, printed with what it printed; stops the script on a failure."""
    print("$ safer-desk " + " ".join(f'"{a}"' if " " in a else a for a in args), flush=True)
    done = subprocess.run([sys.executable, "-m", "safer_desk", *args], capture_output=True, text=True,
                          encoding="utf-8")
    out = (done.stdout + done.stderr).strip()
    if out:
        print("  " + out.replace("\n", "\n  "))
    if done.returncode != 0:
        sys.exit(f"safer-desk {args[0]} failed (exit {done.returncode})")
    return done.stdout


def own_office(path: Path, name: str) -> None:
    """Give a copy of the example file an office of its own: a new id and name, no scope of the example's."""
    from safer_desk.domain.ids import new_id
    from safer_desk.storage.store import open_store

    store = open_store(path)
    try:
        old = store.office_id
        store.set_meta("office_id", new_id())
        store.set_meta("office_name", name)
        with store.action(f"This file is {name}'s"), store.transaction():
            store.conn.execute("DELETE FROM office_areas WHERE office_id = ?", (old,))
    finally:
        store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", nargs="?", type=Path, default=Path("county-report-2025-26"))
    parser.add_argument("--data", type=Path, default=Path(os.environ.get("SAFER_DESK_SHARED_DATA")
                                                          or ROOT.parent / "shared" / "data"))
    args = parser.parse_args()
    police = args.data / "police-uk" / "suffolk-2025"
    if not police.is_dir():
        sys.exit(f"{police} is not there: give --data (the shared data folder)")
    folder = args.folder.resolve()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    example = folder / "example.sqlite"
    run("demo", str(example))
    exports = []
    for name, district in OFFICES:
        path = folder / f"{district.lower().replace(' ', '-')}.sqlite"
        shutil.copyfile(example, path)
        own_office(path, name)
        run("office", str(path), "--district", district, "--county", "Suffolk")
        run("import-police", str(path), str(police))
        out = folder / f"{path.stem}-export.sqlite"
        run("export", str(path), str(out))
        exports.append(out)
    fingerprint = run("key").strip().splitlines()[0]
    county = folder / "Suffolk county team.sqlite"  # a file the merge creates is named after it
    run("merge", str(county), *map(str, exports), "--accept-key", fingerprint)
    run("office", str(county), "--year", "2025/26")
    pdf = folder / "county-2025-26.pdf"
    run("report", str(county), str(pdf), "--year", "2025/26")
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "50", str(pdf), str(folder / "page")], check=True)
        pages = sorted(folder.glob("page-*.png"))
        print(f"{len(pages)} page(s) as PNG in {folder}: look at every one.")
    conn = sqlite3.connect(str(county))
    conflicts = conn.execute("SELECT count(*) FROM _county_conflicts").fetchone()[0]
    conn.close()
    print(f"county file {county} ({county.stat().st_size / 1e6:.1f} MB), {conflicts} open conflict(s); report {pdf}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
