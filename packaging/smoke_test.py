"""Smoke test of the BUILT program (not the source): run it the way a user and a script would.

    python3 packaging/smoke_test.py [BUILD_FOLDER] [--out DIR] [--police CSV]

BUILD_FOLDER defaults to dist/safer-desk. Needs only the Python standard library (any python3 will
do: the program under test runs without Python). Everything runs offscreen in a temporary home, so
your own Safer Desk file is never touched. Screenshots are kept in --out (default
build/smoke-screenshots) so a person can look at them. Exit 0 when every check passes.

Checks: --version; the layout of the folder (resources, no excluded Qt modules, no second Qt
binding); `demo`; a `screenshot` of each of the four tabs on the example data (1280x800, not blank);
a bad-input error exits 1 with a message, an unknown command 2 with the list of commands; the real
window on `--demo` is shown and closes with exit 0 leaving no temporary or lock file (offscreen, and on
Linux on an X11 display where xdotool finds it by its title and Ctrl+Q closes it); `allocate` on the
seed 000 figures; a data.police.uk import, then `indicators`; and, when the commands exist,
`projects`, `dhr-ledger`, `export` (.xlsx and .sqlite) and `report`. The throw-away home folder is
removed at the end (--keep keeps it).
"""

from __future__ import annotations

import argparse
import csv
import io
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TABS = ("projects", "allocation", "costs", "indicators")
SCREEN_SIZE = (1280, 800)
# Subcommands that must exist in the build (the smoke test fails if they are missing). Steps for other
# subcommands run only when the build has them (tabs that have not landed yet are skipped, with a note).
REQUIRED_SUBCOMMANDS = ("demo", "screenshot", "allocate", "import-police", "indicators", "projects", "dhr-ledger",
                        "export", "merge", "report")
# ../shared/data beside the repository (as tests/conftest.py finds it); CI clones have it there too.
POLICE_DEFAULT = REPO.parent / "shared" / "data" / "police-uk" / "suffolk-2021-01" / "2021-01-suffolk-street.csv"
EXCLUDED_IN_BUILD = ("PyQt5", "PyQt6", "PySide2", "QtWebEngine", "QtQml", "QtQuick", "Qt3D", "QtMultimedia",
                     "QtPdf", "tkinter", "matplotlib")

# Seed 000 (DESIGN.md 2.2): Suffolk 2009/10, Option 2. Last year's allocations, fixed units and the
# BCS comparator offences; the pot is last year's £655,120 less the 10% the board retains.
ALLOCATION_CSV = """partnership,fixed_units,basis,previous
Babergh,1,2442,70725
Ipswich,1,7937,160607
Waveney,1,4857,113832
Suffolk Coastal,1,3324,86775
West,3,8335,223181
"""
# The paper's table (the legacy spreadsheet rounded each share to a 2-dp percentage first).
ALLOCATION_PAPER_TOTALS = {"Babergh": 63768, "Ipswich": 144072, "Waveney": 99065, "Suffolk Coastal": 76660,
                           "West": 206043}
ALLOCATION_POT = 589608
# Exact shares with largest-remainder rounding (DESIGN.md 2.2), the default.
ALLOCATION_EXACT_VARIABLE = {"Babergh": 35690, "Ipswich": 115999, "Waveney": 70985, "Suffolk Coastal": 48580,
                             "West": 121815}


class SmokeFailure(AssertionError):
    pass


def check(condition: bool, message: str) -> None:
    if not condition:
        raise SmokeFailure(message)


# --- PNG reading (stdlib only) -------------------------------------------------------------------------

def read_png(path: Path) -> tuple[int, int, int, list[bytes]]:
    """Width, height, bytes per pixel and the unfiltered rows of an 8-bit non-interlaced PNG."""
    data = path.read_bytes()
    check(data[:8] == b"\x89PNG\r\n\x1a\n", f"{path.name} is not a PNG file")
    pos, idat, header = 8, [], None
    while pos < len(data):
        (length,) = struct.unpack(">I", data[pos:pos + 4])
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        elif kind == b"IEND":
            break
        pos += 12 + length
    check(header is not None, f"{path.name} has no PNG header")
    width, height, depth, colour, _, _, interlace = header
    check(depth == 8 and interlace == 0, f"{path.name}: unexpected PNG format (depth {depth}, interlace {interlace})")
    bpp = {0: 1, 2: 3, 4: 2, 6: 4}.get(colour)
    check(bpp is not None, f"{path.name}: unexpected PNG colour type {colour}")
    raw = zlib.decompress(b"".join(idat))
    stride = width * bpp
    rows, previous = [], bytes(stride)
    for y in range(height):
        start = y * (stride + 1)
        kind, line = raw[start], bytearray(raw[start + 1:start + 1 + stride])
        if kind == 1:
            for i in range(bpp, stride):
                line[i] = (line[i] + line[i - bpp]) & 0xFF
        elif kind == 2:
            line = bytearray((a + b) & 0xFF for a, b in zip(line, previous))
        elif kind == 3:
            for i in range(stride):
                left = line[i - bpp] if i >= bpp else 0
                line[i] = (line[i] + ((left + previous[i]) >> 1)) & 0xFF
        elif kind == 4:
            for i in range(stride):
                a = line[i - bpp] if i >= bpp else 0
                b = previous[i]
                c = previous[i - bpp] if i >= bpp else 0
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(bytes(line))
        previous = rows[-1]
    return width, height, bpp, rows


def check_screenshot(path: Path) -> str:
    """1280x800 and not blank: many colours, no single colour covering most of it, many different rows."""
    check(path.is_file() and path.stat().st_size > 0, f"no screenshot at {path}")
    width, height, bpp, rows = read_png(path)
    check((width, height) == SCREEN_SIZE, f"{path.name} is {width}x{height}, expected 1280x800")
    counts: dict[bytes, int] = {}
    for row in rows[::4]:  # every fourth row is plenty to tell a window from a blank picture
        for x in range(0, len(row), bpp * 2):
            pixel = row[x:x + bpp]
            counts[pixel] = counts.get(pixel, 0) + 1
    total = sum(counts.values())
    dominant = max(counts.values()) / total
    distinct_rows = len(set(rows))
    # A real tab (tables, charts, forms) measures about 350-450 colours, 430-680 different rows and a
    # top colour of 30-50 %; an empty window or a placeholder tab has one label on a plain background.
    check(len(counts) >= 50, f"{path.name} looks blank: only {len(counts)} colours")
    check(dominant < 0.85, f"{path.name} looks blank: one colour covers {dominant:.0%} of it")
    check(distinct_rows >= 150, f"{path.name} looks blank: only {distinct_rows} different rows")
    return f"{width}x{height}, {len(counts)} colours, {distinct_rows} distinct rows, top colour {dominant:.0%}"


# --- running the program -------------------------------------------------------------------------------

class Program:
    def __init__(self, exe: Path, home: Path):
        self.exe = exe
        self.env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAFER_DESK_HOME": str(home / "data"),
                    "HOME": str(home), "USERPROFILE": str(home), "APPDATA": str(home / "AppData" / "Roaming"),
                    "LOCALAPPDATA": str(home / "AppData" / "Local"), "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CACHE_HOME": str(home / ".cache"),
                    "XDG_RUNTIME_DIR": str(home / "runtime"),
                    # a private temporary folder: what the program leaves there is checked
                    "TMPDIR": str(home / "tmp"), "TEMP": str(home / "tmp"), "TMP": str(home / "tmp")}
        for name in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV"):
            self.env.pop(name, None)  # the build must not lean on any Python of this machine
        (home / "runtime").mkdir(parents=True, exist_ok=True)
        (home / "tmp").mkdir(parents=True, exist_ok=True)
        self.home = home
        os.chmod(home / "runtime", 0o700)
        self.cwd = home

    def run(self, *args: str, expect: int = 0, timeout: float = 180,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
        cmd = [str(self.exe), *args]
        start = time.perf_counter()
        proc = subprocess.run(cmd, env={**self.env, **(env or {})}, cwd=self.cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=timeout)
        took = time.perf_counter() - start
        shown = " ".join(args)
        if proc.returncode != expect:
            raise SmokeFailure(f"`safer-desk {shown}` exited {proc.returncode} (expected {expect})\n"
                               f"--- stdout\n{proc.stdout[-3000:]}\n--- stderr\n{proc.stderr[-3000:]}")
        print(f"    ran `safer-desk {shown}` -> exit {proc.returncode} in {took:.1f} s")
        return proc

    def subcommands(self) -> set[str]:
        """The subcommands listed by `safer-desk --help` (indented under "positional arguments")."""
        help_text = self.run("--help").stdout
        block = help_text.split("positional arguments:", 1)[-1].split("options:", 1)[0]
        return set(re.findall(r"^ {4}([a-z][\w-]*)", block, flags=re.MULTILINE))


# --- the checks ----------------------------------------------------------------------------------------

def source_version() -> str:
    text = (REPO / "safer_desk" / "__init__.py").read_text(encoding="utf-8")
    return re.search(r'__version__\s*=\s*"([^"]+)"', text).group(1)


def step_version(prog: Program) -> None:
    out = prog.run("--version").stdout.strip()
    check(out == f"safer-desk {source_version()}", f"--version printed {out!r}, expected safer-desk {source_version()}")


def step_layout(build: Path) -> None:
    internal = build / "_internal"
    resources = internal / "safer_desk" / "resources"
    check((resources / "icons" / "safer-desk-256.png").is_file(), f"no icons in {resources}")
    check((resources / "docs" / "user-guide.md").is_file() or not (REPO / "docs" / "user-guide.md").exists(),
          f"the user guide is missing from {resources / 'docs'}")
    shipped = REPO / "resources"  # icons, example data, lookups, the .desktop file: all of it goes in
    for item in shipped.rglob("*"):
        if item.is_file():
            check((resources / item.relative_to(shipped)).is_file(),
                  f"{item.relative_to(REPO)} is missing from the build")
    found = [p.relative_to(build) for p in internal.rglob("*")
             if any(name in p.name for name in EXCLUDED_IN_BUILD)]
    check(not found, f"excluded modules ended up in the build: {found[:10]}")
    check(not list(internal.glob("PySide6/Qt/translations/*")) and not list(internal.glob("PySide6/translations/*")),
          "Qt translations are in the build")


def step_screenshots(prog: Program, out_dir: Path) -> None:
    for tab in TABS:
        png = out_dir / f"{tab}.png"
        png.unlink(missing_ok=True)
        prog.run("screenshot", str(png), "--tab", tab, "--demo")
        print(f"    {png}: {check_screenshot(png)}")


def leftovers(prog: Program) -> list[str]:
    """What the program left that it should not have: temporary files, lock files anywhere in its home."""
    found = [p.name for p in (prog.home / "tmp").iterdir()]
    found += [str(p.relative_to(prog.home)) for p in prog.home.rglob("*") if p.name.endswith((".lock", ".lock-holder"))]
    return found


def step_window(prog: Program) -> None:
    """`safer-desk --demo` opens the real window on the example, shows it, and closes cleanly: exit 0,
    nothing left in the temporary folder, no lock files (SAFER_DESK_CLOSE_AFTER_START makes it close
    itself once its first screen is drawn, through the same close as File > Quit)."""
    env = {**prog.env, "SAFER_DESK_CLOSE_AFTER_START": "1"}
    proc = subprocess.run([str(prog.exe), "--demo"], env=env, cwd=prog.cwd, capture_output=True, text=True,
                          encoding="utf-8", errors="replace", timeout=180)
    check(proc.returncode == 0, f"`safer-desk --demo` exited {proc.returncode}\n{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    check("window shown" in proc.stderr and "example.sqlite" in proc.stderr,
          f"`safer-desk --demo` never said its window was shown:\n{proc.stderr[-2000:]}")
    check(not leftovers(prog), f"`safer-desk --demo` left {leftovers(prog)}")
    print("    the window showed the example and closed with exit 0, leaving nothing behind")


def start_xvfb() -> tuple[subprocess.Popen, str]:
    """A private X server; its display number comes from Xvfb itself once it is ready."""
    xvfb = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    number = xvfb.stdout.readline().decode().strip()
    if not number.isdigit():
        xvfb.kill()
        raise SmokeFailure("Xvfb did not start")
    return xvfb, f":{number}"


def step_window_x11(prog: Program) -> None:
    """On a real X11 display: the window appears (xdotool finds it by its title, which names the open
    file), Ctrl+Q closes it as a user would, the program exits 0 and leaves nothing behind."""
    xvfb, display = start_xvfb()
    env = {**prog.env, "QT_QPA_PLATFORM": "xcb", "DISPLAY": display}
    app = subprocess.Popen([str(prog.exe), "--demo"], env=env, cwd=prog.cwd, stdout=subprocess.PIPE,
                           stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace")
    try:
        window, deadline = "", time.monotonic() + 90
        while not window and time.monotonic() < deadline and app.poll() is None:
            found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "example.sqlite"], env=env,
                                   capture_output=True, text=True)
            window = found.stdout.split()[0] if found.stdout.split() else ""
            if not window:
                time.sleep(0.2)  # polling another process's window: there is no signal to wait for
        if not window:
            app.kill()
            out, err = app.communicate(timeout=30)
            raise SmokeFailure(f"no window titled with the example file appeared on X11 (exit {app.returncode})"
                               f"\n{err[-2000:]}")
        title = subprocess.run(["xdotool", "getwindowname", window], env=env, capture_output=True,
                               text=True).stdout.strip()
        print(f"    window {window} appeared: {title!r}")
        subprocess.run(["xdotool", "windowfocus", "--sync", window], env=env, check=True, timeout=30)
        subprocess.run(["xdotool", "key", "--clearmodifiers", "ctrl+q"], env=env, check=True, timeout=30)
        try:
            out, err = app.communicate(timeout=60)
        except subprocess.TimeoutExpired:
            app.kill()
            app.communicate()
            raise SmokeFailure("Ctrl+Q did not close the window within 60 s") from None
    finally:
        xvfb.terminate()
        xvfb.wait(timeout=30)
    check(app.returncode == 0, f"after Ctrl+Q the program exited {app.returncode}\n{err[-2000:]}")
    check(not leftovers(prog), f"the X11 window left {leftovers(prog)}")
    print("    Ctrl+Q closed it: exit 0, nothing left behind")


def step_xcb(prog: Program, out_dir: Path) -> None:
    """The real X11 platform plugin loads from the build (its libraries are in the folder or the system)."""
    png = out_dir / "projects-xcb.png"
    png.unlink(missing_ok=True)
    env = {**prog.env, "QT_QPA_PLATFORM": "xcb"}
    proc = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1600x1000x24", str(prog.exe), "screenshot", str(png),
                           "--tab", "projects", "--demo"], env=env, cwd=prog.cwd, capture_output=True, text=True,
                          timeout=120)
    check(proc.returncode == 0, f"screenshot under X11 (xvfb) failed, exit {proc.returncode}:\n{proc.stderr[-2000:]}")
    print(f"    {png}: {check_screenshot(png)}")


def step_demo(prog: Program, work: Path) -> Path:
    path = work / "example.sqlite"
    prog.run("demo", str(path))
    check(path.is_file() and path.stat().st_size > 0, "`demo` wrote no file")
    return path


def step_bad_input(prog: Program, work: Path) -> None:
    missing = work / "no-such-file.sqlite"
    proc = prog.run(str(missing), expect=1)
    check("no file" in proc.stderr, f"a missing file gave no clear message: {proc.stderr!r}")
    proc = prog.run("frobnicate", expect=2)  # a mistyped command is a usage error that lists the commands
    check("The commands are:" in proc.stderr and "import-police" in proc.stderr,
          f"an unknown command did not list the commands: {proc.stderr!r}")


def parse_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def split_totals(rows: list[dict[str, str]]) -> tuple[list[dict[str, str]], dict[str, str]]:
    """The partnerships' rows and the closing totals row, which must add them up."""
    check(bool(rows) and rows[-1]["partnership"] == "Totals", "allocate did not end with a Totals row")
    body, totals = rows[:-1], rows[-1]
    for column in ("total", "previous", "variance"):
        if totals.get(column):
            added = sum(int(row[column]) for row in body)
            check(int(totals[column]) == added, f"the Totals row's {column} {totals[column]} is not the rows' {added}")
    return body, totals


def step_allocate(prog: Program, work: Path, build: Path) -> None:
    source = work / "allocation-2009-10.csv"
    source.write_text(ALLOCATION_CSV, encoding="utf-8")
    common = ["--previous-total", "655120", "--retain", "10", "--fixed-share", "1/3", "--unit", "pound"]
    rows, _ = split_totals(parse_csv(prog.run("allocate", str(source), *common, "--rounding", "percent-2dp").stdout))
    totals = {row["partnership"]: int(row["total"]) for row in rows}
    check(totals == ALLOCATION_PAPER_TOTALS, f"allocate (percent-2dp) gave {totals}, the paper has {ALLOCATION_PAPER_TOTALS}")
    check(sum(int(row["variance"]) for row in rows) == -65512, "the variances do not add up to -£65,512")
    rows, _ = split_totals(parse_csv(prog.run("allocate", str(source), *common).stdout))
    variable = {row["partnership"]: int(row["variable"]) for row in rows}
    check(variable == ALLOCATION_EXACT_VARIABLE, f"allocate (exact) variable parts {variable}, DESIGN has {ALLOCATION_EXACT_VARIABLE}")
    exact = sum(int(row["total"]) for row in rows)
    check(exact == ALLOCATION_POT, f"allocate (exact) adds up to {exact}, not the pot {ALLOCATION_POT}")
    print(f"    allocate: the paper's totals (2-dp percentages) and the exact split, both adding up to £{exact:,}")
    shipped = build / "_internal" / "safer_desk" / "resources" / "example" / "suffolk-2009-10-allocation.csv"
    if shipped.is_file():  # the example CSV shipped in the build gives the same figures
        rows, _ = split_totals(parse_csv(prog.run("allocate", str(shipped), *common, "--rounding", "percent-2dp").stdout))
        check({row["partnership"]: int(row["total"]) for row in rows} == ALLOCATION_PAPER_TOTALS,
              f"the shipped {shipped.name} does not reproduce the paper")
    bad = work / "bad-allocation.csv"
    bad.write_text("partnership,fixed_units,basis\nBabergh,1,£3.250\n", encoding="utf-8")
    proc = prog.run("allocate", str(bad), "--pot", "1000", expect=1)
    check("row 2" in proc.stderr and "Babergh" in proc.stderr, f"allocate refused a bad CSV without naming the row: {proc.stderr!r}")


def step_police(prog: Program, work: Path, police: Path, commands: set[str]) -> None:
    office = work / "police.sqlite"
    prog.run("import-police", str(office), str(police), timeout=600)
    check(office.is_file(), "import-police did not create the file")
    if "indicators" in commands:
        rows = parse_csv(prog.run("indicators", str(office)).stdout)
        check(len(rows) > 0, "no indicator values after the police.uk import")
        check(list(rows[0]) == ["indicator", "area", "period", "value"], f"indicators printed columns {list(rows[0])}")
        month = police.name[:7]  # data.police.uk names files YYYY-MM-force-street.csv
        all_crime = {row["area"]: int(row["value"]) for row in rows
                     if row["indicator"] == "All crime" and row["period"] == month}
        check(sum(all_crime.values()) > 0, f"no 'All crime' figures for {month} after the import")
        print(f"    indicators after import: {len(rows)} values; All crime {month}: {sum(all_crime.values()):,} "
              f"in {len(all_crime)} areas")
    # Importing the same month again replaces it: the figures do not double.
    if "indicators" in commands:
        before = prog.run("indicators", str(office)).stdout
        prog.run("import-police", str(office), str(police), timeout=600)
        check(prog.run("indicators", str(office)).stdout == before, "re-importing the same month changed the figures")
        # A big import is counted by helper processes (the program started again as one, with
        # police_count.HELPER_ARGUMENT, which the build must support): made to count this file, and to fail
        # rather than leave it to the program, they must give the same figures.
        helped = work / "police-helped.sqlite"
        prog.run("import-police", str(helped), str(police), timeout=600, env={"SAFER_DESK_POLICE_HELPER": "required"})
        check(prog.run("indicators", str(helped)).stdout == before,
              "the helper processes counted the police.uk file differently")
        print("    helper processes: the same figures")


def step_optional(prog: Program, work: Path, example: Path, commands: set[str]) -> None:
    if "projects" in commands:
        rows = parse_csv(prog.run("projects", str(example)).stdout)
        check(len(rows) > 0, "`projects` printed no rows on the example file")
    if "dhr-ledger" in commands:
        rows = parse_csv(prog.run("dhr-ledger", str(example)).stdout)
        check(len(rows) > 0, "`dhr-ledger` printed no rows on the example file")
    if "export" in commands:
        for suffix in (".xlsx", ".sqlite"):
            out = work / f"export{suffix}"
            prog.run("export", str(example), str(out))
            check(out.is_file() and out.stat().st_size > 0, f"`export` wrote no {suffix}")
        check(zipfile_ok(work / "export.xlsx"), "the exported .xlsx is not a valid workbook")
        if "merge" in commands:  # the county lead's step: a district export into a new county file
            county = work / "county.sqlite"
            # Exports are signed: the county lead accepts the officer's key (confirmed by phone in real life).
            key = prog.run("key").stdout.strip() if "key" in commands else ""
            accept = ["--accept-key", key] if key else []
            prog.run("merge", str(county), str(work / "export.sqlite"), *accept)
            check(county.is_file(), "`merge` created no county file")
            if "projects" in commands:
                merged = prog.run("projects", str(county)).stdout
                check(len(parse_csv(merged)) == len(parse_csv(prog.run("projects", str(example)).stdout)),
                      "the county file does not have the district's projects after `merge`")
                prog.run("merge", str(county), str(work / "export.sqlite"))
                check(prog.run("projects", str(county)).stdout == merged, "merging the same export twice changed it")
    if "report" in commands:
        out = work / "report.html"
        prog.run("report", str(example), str(out))
        check(out.is_file() and "<" in out.read_text(encoding="utf-8", errors="replace")[:200],
              "`report` wrote no HTML")
        pdf = work / "report.pdf"
        prog.run("report", str(example), str(pdf))
        check(pdf.is_file() and pdf.read_bytes()[:5] == b"%PDF-", "`report` wrote no PDF")


def zipfile_ok(path: Path) -> bool:
    import zipfile

    try:
        with zipfile.ZipFile(path) as book:
            return "xl/workbook.xml" in book.namelist()
    except zipfile.BadZipFile:
        return False


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build", nargs="?", default=str(REPO / "dist" / "safer-desk"), help="the built folder")
    parser.add_argument("--out", default=str(REPO / "build" / "smoke-screenshots"), help="where screenshots go")
    parser.add_argument("--police", default=os.environ.get("SAFER_DESK_POLICE_CSV", str(POLICE_DEFAULT)),
                        help="a data.police.uk street CSV to import (skipped if absent)")
    parser.add_argument("--keep", action="store_true", help="keep the throw-away home folder (to look at it)")
    args = parser.parse_args(argv)

    build = Path(args.build).resolve()
    exe = build / ("safer-desk.exe" if os.name == "nt" else "safer-desk")
    if not exe.is_file():
        print(f"smoke test: no built program at {exe}; run packaging/build.sh first", file=sys.stderr)
        return 2
    out_dir = Path(args.out).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(prefix="safer-desk-smoke-"))
    prog = Program(exe, home)
    work = home / "work"
    work.mkdir()

    results: list[tuple[str, str]] = []

    def step(name: str, fn, *fn_args) -> None:
        print(f"== {name}")
        start = time.perf_counter()
        fn(*fn_args)
        results.append((name, f"ok ({time.perf_counter() - start:.1f} s)"))

    def skip(name: str, why: str) -> None:
        print(f"== {name}: SKIPPED, {why}")
        results.append((name, f"skipped: {why}"))

    started = time.perf_counter()
    try:
        step("--version", step_version, prog)
        step("folder layout", step_layout, build)
        commands = prog.subcommands()
        missing = [name for name in REQUIRED_SUBCOMMANDS if name not in commands]
        check(not missing, f"the build lacks the subcommands {missing}")
        holder: dict[str, Path] = {}
        step("demo", lambda: holder.setdefault("example", step_demo(prog, work)))
        step("bad input", step_bad_input, prog, work)
        step("screenshots of the four tabs", step_screenshots, prog, out_dir)
        step("the window opens and closes cleanly (--demo)", step_window, prog)
        if sys.platform.startswith("linux") and shutil.which("xvfb-run"):
            step("screenshot on X11 (xvfb)", step_xcb, prog, out_dir)
            if shutil.which("xdotool") and shutil.which("Xvfb"):
                step("a window appears on X11 and Ctrl+Q closes it", step_window_x11, prog)
            else:
                skip("a window appears on X11", "xdotool is not installed (apt-get install xdotool)")
        elif sys.platform.startswith("linux"):
            skip("screenshot on X11 (xvfb)", "xvfb-run is not installed (apt-get install xvfb)")
        if "allocate" in commands:
            step("allocate (seed 000)", step_allocate, prog, work, build)
        else:
            skip("allocate (seed 000)", "this build has no `allocate` command yet")
        police = Path(args.police)
        if "import-police" not in commands:
            skip("police.uk import", "this build has no `import-police` command yet")
        elif not police.is_file():
            skip("police.uk import", f"no data.police.uk file at {police}")
        else:
            step(f"police.uk import of {police.name}", step_police, prog, work, police, commands)
        step("other commands on the example file", step_optional, prog, work, holder["example"], commands)
        check(not leftovers(prog), f"the commands left {leftovers(prog)}")
    except SmokeFailure as exc:
        print(f"\nSMOKE TEST FAILED: {exc}", file=sys.stderr)
        return 1
    finally:
        if args.keep:
            print(f"kept the test's home folder: {home}")
        else:
            shutil.rmtree(home, ignore_errors=True)
    print("\nsmoke test passed in %.0f s against %s" % (time.perf_counter() - started, build))
    for name, result in results:
        print(f"  {name}: {result}")
    print(f"screenshots: {out_dir}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
