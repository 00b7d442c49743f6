"""What each runtime dependency costs: import time (fresh processes) and size in a packaged build.

    python benchmarks/dependencies.py [--runs 5] [--build dist/safer-desk]

Import time: `python -X importtime -c "import PySide6.QtWidgets; import X"` in a new process, the
cumulative time of X alone (what it adds once Qt is loaded), median of --runs. Packaged size: the files
of a PyInstaller build (packaging/build.sh) grouped by the dependency that brought them, plus its
pure-Python code inside the program archive. Figures for docs/architecture.md "Dependencies".
Optional dependencies that are not installed (duckdb, pandas) are reported as such.
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

MODULES = {  # what to import for each dependency (as the program does)
    "PySide6": ["PySide6.QtWidgets"],
    "charts (ui/kit/chart.py; pyqtgraph and numpy before)": ["safer_desk.ui.kit.chart"],
    "pyarrow": ["pyarrow", "pyarrow.csv", "pyarrow.compute"],
    "duckdb": ["duckdb"],
    "sqlite-utils": ["sqlite_utils"],
    "openpyxl": ["openpyxl"],
    "XlsxWriter": ["xlsxwriter"],
    "platformdirs": ["platformdirs"],
    "pandas": ["pandas"],
}

# Which files of a build belong to which dependency (first match wins; paths inside _internal).
GROUPS = [
    ("PySide6: Qt's ICU (Linux)", r"(^|/)libicu"),
    ("PySide6: Qt libraries", r"(^|/)libQt6|^PySide6/Qt/lib/"),
    ("PySide6: Qt plugins", r"^PySide6/Qt/plugins/"),
    ("PySide6: bindings", r"^PySide6/|^shiboken6/|libpyside6|libshiboken6"),
    ("PySide6: X11/Wayland/fonts system libraries (Linux)", r"^lib(X|xcb|xkb|wayland|fontconfig|freetype|png|glib|gthread|dbus|systemd|gcrypt|gpg-error|lz4|zstd|lzma|pcre2|expat|brotli|bsd|md|cap|uuid|EGL|GL)"),
    ("numpy (+ OpenBLAS)", r"^numpy|scipy_openblas|libgfortran|libquadmath"),
    ("pyarrow", r"^pyarrow/|^libarrow|^libparquet"),
    ("duckdb", r"duckdb"),
    ("pyqtgraph (data files)", r"^pyqtgraph/"),
    ("safer_desk resources", r"^safer_desk/"),
    ("Python itself", r"^libpython|^python3|^base_library|^lib(crypto|ssl|sqlite3|ffi|z\.|bz2|mpdec|readline|tinfo)|^libstdc|^libgcc"),
]


def import_ms(modules: list[str], runs: int) -> float | None:
    if importlib.util.find_spec(modules[0].split(".")[0]) is None:
        return None
    code = "import PySide6.QtWidgets\n" + "".join(f"import {m}\n" for m in modules)
    times = []
    for _ in range(runs):
        err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True, text=True,
                             timeout=120).stderr
        total = 0
        for line in err.splitlines():
            match = re.match(r"import time:\s+\d+ \|\s+(\d+) \|( *)(\S+)", line)
            if match and match.group(3) in modules and len(match.group(2)) == 1:  # top-level imports only
                total += int(match.group(1))
        times.append(total / 1000)
    return statistics.median(times)


def build_parts(build: Path) -> dict[str, int]:
    internal = build / "_internal"
    parts: dict[str, int] = {}
    for path in internal.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(internal).as_posix()
        name = next((group for group, pattern in GROUPS if re.search(pattern, rel)), "other")
        parts[name] = parts.get(name, 0) + path.stat().st_size
    exes = sum(p.stat().st_size for p in build.iterdir() if p.is_file() and not p.is_symlink())
    parts["the program archive (all Python code) in the executable"] = exes
    return parts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--build", default=str(ROOT / "dist" / "safer-desk"))
    args = parser.parse_args()
    print(f"import time after PySide6.QtWidgets, median of {args.runs} fresh processes:")
    for dist, modules in MODULES.items():
        ms = import_ms(modules, args.runs) if dist != "PySide6" else None
        if dist == "PySide6":
            code = "import PySide6.QtWidgets"
            runs = []
            for _ in range(args.runs):
                err = subprocess.run([sys.executable, "-X", "importtime", "-c", code], capture_output=True,
                                     text=True, timeout=120).stderr
                runs.append(sum(int(m.group(1)) for m in re.finditer(r"\|\s+(\d+) \| (PySide6\S*)\n", err)) / 1000)
            ms = statistics.median(runs)
        shown = "not installed" if ms is None else f"{ms:7.0f} ms"
        print(f"  {dist:<14} {shown}   ({', '.join(modules)})")
    build = Path(args.build)
    if (build / "_internal").is_dir():
        parts = build_parts(build)
        print(f"packaged size by dependency ({build}):")
        for name, size in sorted(parts.items(), key=lambda kv: -kv[1]):
            print(f"  {size / 1e6:7.1f} MB  {name}")
        print(f"  {sum(parts.values()) / 1e6:7.1f} MB  in all")
    else:
        print(f"no build at {build}: run packaging/build.sh for the packaged sizes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
