"""What the police.uk import tests share: the small fixtures, an independent count, zips built from fixtures."""

from __future__ import annotations

import csv
import re
import zipfile
from collections import Counter
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "police"
LOOKUP = Path(__file__).resolve().parents[2] / "resources" / "lookups" / "lsoa_district_current.csv"
HEADER = ("Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
          "Last outcome category,Context")


def fixture(*parts: str) -> Path:
    path = FIXTURES.joinpath(*parts)
    assert path.exists(), f"the fixture {path} is missing (tests/fixtures/police/make_fixtures.py makes them)"
    return path


def street_files(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*-street.csv"))


def independent_counts(*sources: Path) -> Counter:
    """Count street rows with the csv module: (indicator, current district, month) -> count."""
    lookup = {}
    with LOOKUP.open(encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            lookup[r["lsoa_district"]] = r["current_name"]
    counts: Counter = Counter()
    for source in sources:
        for path in (street_files(source) if source.is_dir() else [source]):
            with path.open(encoding="utf-8", newline="") as fh:
                for row in csv.DictReader(fh):
                    name = re.sub(r"\s+\d{3}[A-Z]$", "", row["LSOA name"].strip())
                    area = lookup.get(name, name) if name else "Unknown area"
                    counts[(row["Crime type"], area, row["Month"])] += 1
                    if row["Crime type"] != "Anti-social behaviour":
                        counts[("All crime", area, row["Month"])] += 1
    return counts


def non_zero(counts) -> Counter:
    return Counter({k: v for k, v in counts.items() if v})


def cli_counts(capsys, path: Path) -> Counter:
    """What `safer-desk indicators FILE` prints, as (indicator, area, period) -> value."""
    from safer_desk.cli import main

    capsys.readouterr()
    assert main(["indicators", str(path)]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    return Counter({(r["indicator"], r["area"], r["period"]): int(r["value"]) for r in rows})


def snapshot(store) -> list[tuple]:
    """Everything an import writes, to show that a refused import changed nothing."""
    tables = [r[0] for r in store.rows("SELECT name FROM sqlite_master WHERE type = 'table' "
                                       "AND name NOT LIKE 'sqlite%' ORDER BY name")]
    out = []
    for table in tables:
        out.append((table,))
        out += [tuple(r) for r in store.rows(f'SELECT * FROM "{table}" ORDER BY 1, 2')]
    return out


def make_zip(target: Path, members: dict[str, bytes | Path]) -> Path:
    """A zip holding these members (name in the zip -> bytes, or a file to copy)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, content in members.items():
            zf.writestr(name, content.read_bytes() if isinstance(content, Path) else content)
    return target


def download_zip(target: Path, *folders: Path) -> Path:
    """A zip shaped like a data.police.uk download: a folder per month holding that month's files."""
    members: dict[str, bytes | Path] = {}
    for folder in folders:
        for path in sorted(folder.glob("*.csv")):
            members[f"{path.name[:7]}/{path.name}"] = path
    return make_zip(target, members)


def street_file(folder: Path, name: str, rows: list[str], *, ending: str = "\n", header: str = HEADER) -> Path:
    """A small street file written from text rows."""
    path = folder / name
    path.write_bytes((ending.join([header, *rows]) + ending).encode("utf-8"))
    return path


def suffolk_row(month: str = "2025-01", lsoa: str = "Babergh 001A", crime: str = "Burglary",
                crime_id: str = "abc") -> str:
    return (f"{crime_id},{month},Suffolk Constabulary,Suffolk Constabulary,0.86,52.14,On or near X,E01029876,"
            f"{lsoa},{crime},Under investigation,")


def import_in_window(window, prompts, qtbot, path: Path, *, folder: bool = False) -> tuple[list, list]:
    """Import Police Data (files or a folder) from the window's menu, choosing ``path`` in the dialog, and wait for
    its answer: (the notes shown, the errors shown)."""
    prompts.file_names.append(str(path))
    files_action, folder_action = window.import_police_actions
    (folder_action if folder else files_action).trigger()
    qtbot.waitUntil(lambda: bool(prompts.infos or prompts.errors), timeout=60000)
    return prompts.infos, prompts.errors
