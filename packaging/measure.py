"""Figures for packaging/README.md: the build's size on disk and its start-up time against the pip install.

    python3 packaging/measure.py [BUILD_FOLDER] [--runs 7] [--tab projects] [--python VENV_PYTHON] [--drop-caches]

BUILD_FOLDER defaults to dist/safer-desk; VENV_PYTHON defaults to build/packaging-venv's python (the clean
venv build.sh made, with `pip install .`: the "source install"). Start-up = wall time of a new process
running `safer-desk screenshot OUT --tab TAB EXAMPLE.sqlite` offscreen, to the PNG on disk. The built
program and the pip install alternate so machine load hits both alike; medians are printed with the
ratio (goal <= 1.5x). Each run is a new process; the disk cache is warm after a first untimed run,
unless --drop-caches (Linux, root) empties it before every run (a true cold start). Never asserts.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def disk_usage(folder: Path) -> tuple[int, int, int]:
    """(bytes of all files, bytes allocated on disk, number of files)."""
    apparent = allocated = count = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            info = path.stat()
            apparent += info.st_size
            allocated += getattr(info, "st_blocks", (info.st_size + 4095) // 4096 * 8) * 512
            count += 1
    return apparent, allocated, count


def biggest_parts(internal: Path, limit: int = 14) -> list[tuple[int, str]]:
    """The largest items: packages under _internal (PySide6/Qt/lib etc. split out) and single big files."""
    parts: dict[str, int] = {}
    for path in internal.rglob("*"):
        if not path.is_file() or path.is_symlink():  # Linux builds link Qt's libraries to the top
            continue
        rel = path.relative_to(internal).parts
        if rel[0] == "PySide6" and len(rel) > 2 and rel[1] == "Qt":
            key = "/".join(rel[:3])  # PySide6/Qt/lib, PySide6/Qt/plugins ...
        elif len(rel) > 1:
            key = rel[0] + "/"
        else:
            key = rel[0]
        parts[key] = parts.get(key, 0) + path.stat().st_size
    return sorted(((size, name) for name, size in parts.items()), reverse=True)[:limit]


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB"


def drop_caches() -> None:
    os.sync()
    Path("/proc/sys/vm/drop_caches").write_text("3\n", encoding="ascii")


def timed(cmd: list[str], env: dict[str, str], cold: bool) -> float:
    if cold:
        drop_caches()
    start = time.perf_counter()
    subprocess.run(cmd, check=True, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build", nargs="?", default=str(REPO / "dist" / "safer-desk"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--tab", default="projects", choices=("projects", "allocation", "costs", "indicators"))
    venv_python = ("Scripts", "python.exe") if os.name == "nt" else ("bin", "python")
    parser.add_argument("--python", default=str(REPO.joinpath("build", "packaging-venv", *venv_python)),
                        help="the python of a venv with safer-desk pip-installed (the comparison)")
    parser.add_argument("--drop-caches", action="store_true", help="empty the page cache before each run (root)")
    args = parser.parse_args()

    build = Path(args.build).resolve()
    exe = build / ("safer-desk.exe" if os.name == "nt" else "safer-desk")
    if not exe.is_file():
        print(f"measure: no built program at {exe}; run packaging/build.sh first", file=sys.stderr)
        return 2

    apparent, allocated, count = disk_usage(build)
    print(f"build: {build}")
    print(f"size on disk: {mb(allocated)} allocated ({mb(apparent)} in {count} files; goal < 150 MB)")
    print("largest parts:")
    for size, name in biggest_parts(build / "_internal"):
        print(f"  {mb(size):>9}  {name}")

    work = Path(tempfile.mkdtemp(prefix="safer-desk-measure-"))
    try:
        return measure_startup(args, exe, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)


def measure_startup(args: argparse.Namespace, exe: Path, work: Path) -> int:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "SAFER_DESK_HOME": str(work / "home"),
           "XDG_CONFIG_HOME": str(work / "config")}
    example = work / "example.sqlite"
    subprocess.run([str(exe), "demo", str(example)], check=True, env=env, stdout=subprocess.DEVNULL)
    frozen_cmd = [str(exe), "screenshot", str(work / "frozen.png"), "--tab", args.tab, str(example)]
    source_cmd = [args.python, "-m", "safer_desk", "screenshot", str(work / "source.png"), "--tab", args.tab,
                  str(example)]
    if not Path(args.python).exists():
        print(f"measure: no python at {args.python}; pass --python", file=sys.stderr)
        return 2
    # The comparison must be the installed package, not this checkout (run from the temp folder).
    args.python = os.path.abspath(args.python)  # not resolve(): a venv python is a symlink
    probe = subprocess.run([args.python, "-c", "import safer_desk; print(safer_desk.__file__)"], cwd=work,
                           env=env, capture_output=True, text=True, check=True).stdout.strip()
    env_source = dict(env)
    env_source.pop("PYTHONPATH", None)

    cold = args.drop_caches
    if not cold:  # warm the disk cache once for both, as a second start of the day would be
        timed(frozen_cmd, env, False), timed(source_cmd, env_source, False)
    frozen, source = [], []
    for _ in range(args.runs):
        frozen.append(timed(frozen_cmd, env, cold))
        source.append(timed(source_cmd, env_source, cold))
    f, s = statistics.median(frozen), statistics.median(source)
    print(f"start-up, `screenshot --tab {args.tab}` of the example file, {args.runs} runs each, alternating, "
          f"{'page cache emptied before each run' if cold else 'new process each run, disk cache warm'}:")
    print(f"  built program:       median {f * 1000:.0f} ms  (min {min(frozen) * 1000:.0f}, max {max(frozen) * 1000:.0f})")
    print(f"  pip install ({Path(probe).parent.parent.name}): median {s * 1000:.0f} ms  "
          f"(min {min(source) * 1000:.0f}, max {max(source) * 1000:.0f})")
    print(f"  ratio built / pip install: {f / s:.2f}x  (goal <= 1.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
