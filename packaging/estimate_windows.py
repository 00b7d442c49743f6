"""Estimate the Windows build's size from the Windows wheels, where the build cannot run.

    pip download --no-deps --only-binary=:all: --platform win_amd64 --python-version 3.12 -d WHEELS \\
        PySide6-Essentials shiboken6 pyarrow duckdb
    python3 packaging/estimate_windows.py WHEELS [--linux-build dist/safer-desk]

Sums, per wheel, the files the spec would keep on Windows: the Qt modules Safer Desk imports
(spec_config.USED_QT_MODULES that the Linux build actually holds) with their Qt DLLs and the plugins
it keeps, the pyarrow files spec_config.keep_file keeps, DuckDB's module.
Python itself, the program archive and the small pure-Python packages are taken from a Linux build
(their size hardly depends on the platform). Prints both police-import engines. Never asserts.
"""

from __future__ import annotations

import argparse
import fnmatch
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from spec_config import keep_file  # noqa: E402

# The Qt modules a build holds (PyInstaller follows the imports: QtSvg for icons; no QtOpenGL since the
# charts are painted with QPainter).
QT_MODULES = ("QtCore", "QtGui", "QtWidgets", "QtSvg")
# Qt plugins a Windows build keeps (the Linux build's kinds, Windows names).
QT_PLUGINS = ("plugins/platforms/qwindows.dll", "plugins/platforms/qoffscreen.dll", "plugins/platforms/qminimal.dll",
              "plugins/styles/*.dll", "plugins/iconengines/qsvgicon.dll", "plugins/imageformats/qgif.dll",
              "plugins/imageformats/qico.dll", "plugins/imageformats/qjpeg.dll", "plugins/imageformats/qsvg.dll",
              "plugins/platforminputcontexts/*.dll")
BINARY = (".dll", ".pyd")
PY_SOURCE_RATIO = 0.30  # .py -> compressed bytecode in the program archive (measured on the Linux build)


def wheel_files(wheel: Path) -> list[tuple[str, int]]:
    with zipfile.ZipFile(wheel) as z:
        return [(info.filename, info.file_size) for info in z.infolist() if not info.is_dir()]


def kept_pyside(files: list[tuple[str, int]]) -> int:
    total = 0
    for name, size in files:
        rel = name.split("/", 1)[1] if name.startswith("PySide6/") else None
        if rel is None:
            continue
        base = rel.rsplit("/", 1)[-1]
        if "/" not in rel:
            module = base.split(".")[0]
            if base.endswith(".pyd") and module in QT_MODULES:
                total += size
            elif base.endswith(".dll") and (base.startswith("Qt6") and "Qt" + base[3:].split(".")[0] in QT_MODULES
                                             or base.startswith(("pyside6.", "msvcp140", "vcruntime140", "concrt140"))):
                total += size
        elif any(fnmatch.fnmatch(rel, pattern) for pattern in QT_PLUGINS) and keep_file(name):
            total += size
    return total


def kept_binaries(files: list[tuple[str, int]], package: str) -> tuple[int, int]:
    """(binary bytes kept, estimated archive bytes of its Python code) for a package."""
    binary = code = 0
    for name, size in files:
        if not (name.startswith(package + "/") or name.startswith(package + ".libs/")) or not keep_file(name):
            continue
        if name.endswith(BINARY):
            binary += size
        elif name.endswith(".py") and "/tests/" not in name:
            code += int(size * PY_SOURCE_RATIO)
    return binary, code


# What a Windows build also holds, as a Linux build of the same code measures it: Python's own
# libraries (python3XX.dll, its extension modules, OpenSSL, SQLite ...) and the program archive.
PYTHON_LIBS = ("libpython", "libcrypto", "libssl", "libsqlite3", "libffi", "libz.", "libbz2", "liblzma", "libexpat",
               "libmpdec", "libuuid")
PURE_PACKAGES_SKIPPED = ("PySide6", "shiboken6", "pyarrow", "numpy", "numpy.libs", "duckdb")


def linux_rest(build: Path, executables: int = 2) -> int | None:
    """Python, the program archive (inside each executable: Windows has two) and everything that is
    not a big part of its own, measured on a Linux build; Linux-only system libraries left out."""
    internal = build / "_internal"
    if not internal.is_dir():
        return None
    total = 0
    for exe in build.iterdir():
        if exe.is_file() and not exe.is_symlink():
            total += exe.stat().st_size * executables
    for path in internal.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        rel = path.relative_to(internal).parts
        if len(rel) == 1 and rel[0].startswith("lib") and ".so" in rel[0]:
            if rel[0].startswith(PYTHON_LIBS):
                total += path.stat().st_size
            continue  # Qt, X11, GTK's, the C++ runtime ...: counted with their package or Linux only
        if rel[0] in PURE_PACKAGES_SKIPPED or rel[0].endswith(".dist-info"):
            continue
        total += path.stat().st_size
    return total


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("wheels", help="a folder of win_amd64 wheels")
    parser.add_argument("--linux-build", default=str(HERE.parent / "dist" / "safer-desk"))
    args = parser.parse_args()
    wheels = {w.name.split("-")[0].lower(): w for w in Path(args.wheels).glob("*.whl")}
    need = ("pyside6_essentials", "shiboken6")
    missing = [n for n in need if n not in wheels]
    if missing:
        print(f"estimate: no {', '.join(missing)} wheel in {args.wheels}", file=sys.stderr)
        return 2
    parts: dict[str, int] = {}
    parts["PySide6 (Qt DLLs, 4 modules, plugins)"] = kept_pyside(wheel_files(wheels["pyside6_essentials"]))
    shib = wheel_files(wheels["shiboken6"])
    parts["shiboken6"] = sum(s for n, s in shib if n.endswith(BINARY))
    engines = {}
    if "pyarrow" in wheels:
        engines["pyarrow"] = sum(kept_binaries(wheel_files(wheels["pyarrow"]), "pyarrow"))
    if "duckdb" in wheels:
        files = wheel_files(wheels["duckdb"])
        engines["duckdb"] = sum(s for n, s in files if n.endswith(BINARY)) + sum(kept_binaries(files, "duckdb"))
    rest = linux_rest(Path(args.linux_build))
    if rest is not None:
        parts["Python, program archive x2 executables, resources, small packages (Linux build)"] = rest
    base = sum(parts.values())
    print("Windows build, estimated from the wheels (MB = 10^6 bytes):")
    for name, size in parts.items():
        print(f"  {size / 1e6:7.1f} MB  {name}")
    for engine, size in engines.items():
        print(f"  {size / 1e6:7.1f} MB  {engine} (police import engine)")
    print(f"  total without a police-import engine: {base / 1e6:.0f} MB")
    for engine, size in engines.items():
        print(f"  total with {engine}: {(base + size) / 1e6:.0f} MB")
    if rest is None:
        print("  (plus Python itself, about 20 MB: pass --linux-build for the measured figure)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
