"""Fast checks of the packaging files (the build itself is .ci/package, not a unit test)."""

from __future__ import annotations

import configparser
import importlib.util
import re
import shutil
import struct
import subprocess
import sys
import tomllib
import zlib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses and friends look their module up
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def config():
    return load("spec_config", PACKAGING / "spec_config.py")


@pytest.fixture(scope="module")
def smoke():
    return load("packaging_smoke_test", PACKAGING / "smoke_test.py")


# --- the spec and what it leaves out --------------------------------------------------------------------

def test_spec_is_valid_python_and_uses_the_config():
    text = (PACKAGING / "safer-desk.spec").read_text(encoding="utf-8")
    compile(text, "safer-desk.spec", "exec")
    assert "from spec_config import" in text
    assert "excludes=EXCLUDED_MODULES" in text
    assert 'collect_submodules("safer_desk")' in text  # tabs and subcommands are imported by name
    assert "safer_desk.__version__" in text
    assert "safer-desk.ico" in text and "safer-desk.icns" in text


@pytest.mark.parametrize("family", ["QtWebEngineCore", "QtWebEngineWidgets", "QtQml", "QtQuick", "QtQuick3D",
                                    "Qt3DCore", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtPdf",
                                    "QtOpenGL", "QtOpenGLWidgets"])
def test_heavy_qt_modules_are_excluded(config, family):
    assert family in config.EXCLUDED_QT_MODULES
    assert f"PySide6.{family}" in config.EXCLUDED_MODULES


@pytest.mark.parametrize("module", ["pyqtgraph", "numpy"])
def test_chart_libraries_are_left_out(config, module):
    """The charts are the ui kit's own (QPainter): pyqtgraph, numpy (OpenBLAS) and QtOpenGL stay out."""
    assert module in config.EXCLUDED_MODULES and module not in config.RUNTIME_IMPORTS


@pytest.mark.parametrize("binding", ["PyQt5", "PyQt6", "PySide2"])
def test_no_second_qt_binding(config, binding):
    assert binding in config.EXCLUDED_MODULES


def test_used_qt_modules_are_not_excluded(config):
    assert not set(config.USED_QT_MODULES) & set(config.EXCLUDED_QT_MODULES)
    assert {"QtCore", "QtGui", "QtWidgets"} <= set(config.USED_QT_MODULES)


def test_safer_desk_uses_nothing_the_build_leaves_out(config):
    """The build refuses to run otherwise; this says so in seconds instead of minutes."""
    assert config.excluded_uses(ROOT / "safer_desk") == []


def test_safer_desk_qt_imports_are_all_known(config):
    used = set()
    for path in (ROOT / "safer_desk").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        used |= set(re.findall(r"PySide6\.(Qt\w+)", text))
        for names in re.findall(r"from\s+PySide6\s+import\s+\(?([\w\s,]+)", text):
            used |= set(re.findall(r"Qt\w+", names))
    assert used <= set(config.USED_QT_MODULES), f"add {used - set(config.USED_QT_MODULES)} to USED_QT_MODULES"


def test_excluded_uses_catches_each_kind_of_use(config, tmp_path):
    (tmp_path / "a.py").write_text("from PySide6.QtNetwork import QNetworkAccessManager\n", encoding="utf-8")
    (tmp_path / "b.py").write_text("from PySide6 import (QtCore,\n    QtQml)\n", encoding="utf-8")
    (tmp_path / "c.py").write_text("import importlib\nimportlib.import_module('pyarrow.parquet')\n",
                                   encoding="utf-8")
    (tmp_path / "d.py").write_text("def f(df):\n    df.to_parquet('x')\n", encoding="utf-8")
    (tmp_path / "e.py").write_text("import pyarrow.flight as fl, os\n", encoding="utf-8")
    (tmp_path / "ok.py").write_text("from PySide6.QtWidgets import QWidget\nimport pyarrow.csv\n", encoding="utf-8")
    found = config.excluded_uses(tmp_path)
    assert [f.split(":")[0] for f in found] == ["a.py", "b.py", "c.py", "d.py", "e.py"]


def test_runtime_dependencies_are_named_as_hidden_imports(config):
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    module_of = {"pyside6-essentials": "PySide6", "sqlite-utils": "sqlite_utils", "xlsxwriter": "xlsxwriter"}
    wanted = set()
    for requirement in project["dependencies"]:
        dist = re.match(r"[A-Za-z0-9_.-]+", requirement).group(0).lower()
        wanted.add(module_of.get(dist, dist.replace("-", "_")))
    wanted.discard("PySide6")  # imported by the window itself; its hook picks the Qt parts
    assert wanted <= set(config.RUNTIME_IMPORTS)


@pytest.mark.parametrize("dest, kept", [
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    # Windows wheels keep Qt's files in PySide6/ itself
    ("PySide6/translations/qtbase_de.qm", False),
    ("PySide6/opengl32sw.dll", False),
    ("PySide6/plugins/imageformats/qtiff.dll", False),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/plugins/styles/qmodernwindowsstyle.dll", True),
    ("PySide6/Qt6Core.dll", True),
    ("PySide6/Qt6Quick.dll", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqtiff.so", False),
    ("pyarrow/libarrow_flight.so.2600", False),
    ("pyarrow/libarrow.so.2600", True),
    ("pyarrow/libparquet.so.2600", True),  # pyarrow.lib links it
    ("pyarrow/libarrow_substrait.so.2600", True),
    ("pyarrow/_parquet.cpython-311-x86_64-linux-gnu.so", False),
    ("pyarrow/_flight.cp311-win_amd64.pyd", False),
    ("pyarrow/arrow.dll", True),
    ("pyarrow/include/arrow/api.h", False),
    ("pandas/tests/frame/test_api.py", False),
    ("safer_desk/resources/icons/safer-desk-256.png", True),
    ("safer_desk\\resources\\docs\\user-guide.md", True),
])
def test_excluded_files(config, dest, kept):
    assert config.keep_file(dest) is kept


def test_frozen_resources_layout_is_where_paths_looks(monkeypatch, tmp_path):
    """The spec puts resources at _MEIPASS/safer_desk/resources (from the installed package)."""
    from safer_desk import paths

    (tmp_path / "safer_desk" / "resources" / "icons").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_folder() == tmp_path / "safer_desk" / "resources"


# --- scripts --------------------------------------------------------------------------------------------

@pytest.mark.parametrize("script", ["packaging/build.sh", ".ci/package", "packaging/install-linux.sh"])
def test_shell_scripts_parse(script):
    bash = shutil.which("bash")
    if bash is None:
        pytest.skip("no bash on this machine")
    result = subprocess.run([bash, "-n", str(ROOT / script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_build_scripts_pin_the_same_pyinstaller_range():
    sh = re.search(r'PYINSTALLER_SPEC="([^"]+)"', (PACKAGING / "build.sh").read_text(encoding="utf-8")).group(1)
    ps = re.search(r'\$PyInstallerSpec = "([^"]+)"', (PACKAGING / "build.ps1").read_text(encoding="utf-8")).group(1)
    assert sh == ps
    assert re.fullmatch(r"pyinstaller>=\d+(\.\d+)*,<\d+", sh)


def test_build_ps1_has_the_same_steps():
    text = (PACKAGING / "build.ps1").read_text(encoding="utf-8")
    for step in ("py \"-$Python\" -m venv", "Activate.ps1", "pip install --quiet --disable-pip-version-check .",
                 "-m PyInstaller", "safer-desk.spec", "$LASTEXITCODE", "safer-desk.exe"):
        assert step in text, step
    # Balanced braces and parentheses: a cheap guard for a script nobody can run here.
    code = re.sub(r"<#.*?#>|#[^\n]*|\"[^\"\n]*\"", "", text, flags=re.DOTALL)
    assert code.count("{") == code.count("}")
    assert code.count("(") == code.count(")")


# --- desktop entry and icons ----------------------------------------------------------------------------

def test_desktop_entry():
    path = ROOT / "resources" / "safer-desk.desktop"
    parser = configparser.RawConfigParser(delimiters=("=",), interpolation=None)
    parser.optionxform = str
    parser.read(path, encoding="utf-8")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Safer Desk"
    assert entry["Exec"].split()[0] == "safer-desk"
    assert entry["Icon"] == "safer-desk"
    assert (ROOT / "resources" / "icons" / "safer-desk-256.png").is_file()
    assert entry["Terminal"] == "false"
    for key in ("Categories", "Keywords", "MimeType"):
        assert entry[key].endswith(";"), key
    if shutil.which("desktop-file-validate"):
        result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True, text=True)
        assert result.returncode == 0, result.stdout + result.stderr


def test_windows_icon_has_every_size():
    data = (ROOT / "resources" / "icons" / "safer-desk.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = {(data[6 + 16 * i] or 256) for i in range(count)}
    assert sizes == {16, 32, 48, 64, 128, 256}


def test_mac_icon_is_icns():
    data = (ROOT / "resources" / "icons" / "safer-desk.icns").read_bytes()
    assert data[:4] == b"icns" and struct.unpack(">I", data[4:8])[0] == len(data)


# --- the smoke test's own checks ------------------------------------------------------------------------

def write_png(path: Path, width: int, height: int, pixel: bytes) -> None:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    raw = b"".join(b"\x00" + pixel * width for _ in range(height))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_smoke_refuses_a_blank_screenshot(smoke, tmp_path):
    blank = tmp_path / "blank.png"
    write_png(blank, 1280, 800, b"\xef\xef\xef")
    with pytest.raises(smoke.SmokeFailure, match="blank"):
        smoke.check_screenshot(blank)


def test_smoke_refuses_the_wrong_size(smoke, tmp_path):
    small = tmp_path / "small.png"
    write_png(small, 640, 400, b"\x00\x00\x00")
    with pytest.raises(smoke.SmokeFailure, match="640x400"):
        smoke.check_screenshot(small)


def test_smoke_reads_a_real_window_picture(smoke, demo_window, tmp_path):
    """Qt's PNG writer uses every PNG row filter: the stdlib reader must undo them all."""
    demo_window.resize(1280, 800)
    demo_window.show()
    png = tmp_path / "window.png"
    assert demo_window.grab().save(str(png), "PNG")
    width, height, bpp, rows = smoke.read_png(png)
    from PySide6.QtGui import QImage

    image = QImage(str(png)).convertToFormat(QImage.Format.Format_RGB888)
    assert (width, height) == (image.width(), image.height())
    for y in (0, height // 3, height - 1):
        expected = bytes(image.constScanLine(y))[:width * 3]
        got = b"".join(rows[y][x:x + 3] for x in range(0, width * bpp, bpp))
        assert got == expected, f"row {y} decoded wrongly"
    if (width, height) == (1280, 800):
        assert "colours" in smoke.check_screenshot(png)


def test_smoke_allocation_figures_match_the_seed(smoke):
    assert sum(smoke.ALLOCATION_PAPER_TOTALS.values()) == smoke.ALLOCATION_POT == 655120 - 65512
    header, *rows = smoke.ALLOCATION_CSV.strip().splitlines()
    assert header == "partnership,fixed_units,basis,previous"
    assert sum(int(r.split(",")[3]) for r in rows) == 655120
    assert sum(int(r.split(",")[2]) for r in rows) == 26895


# --- the frozen entry point -----------------------------------------------------------------------------

def without_console(entry, monkeypatch) -> int:
    """entry.run_windowed() as `Safer Desk.exe` runs it: no stdout or stderr (what the test patched is undone)."""
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    code = entry.run_windowed()
    devnull = sys.stdout
    monkeypatch.undo()
    devnull.close()
    return code


def test_windowed_entry_shows_a_refusal_in_a_box(monkeypatch, qapp, tmp_path):
    """`Safer Desk.exe` has no console (stdout/stderr are None): a refusal must not vanish."""
    from PySide6.QtWidgets import QMessageBox

    entry = load("packaging_entry", PACKAGING / "entry.py")
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(sys, "argv", ["Safer Desk.exe", str(tmp_path / "missing.sqlite")])
    code = without_console(entry, monkeypatch)
    assert code == 1
    assert len(shown) == 1 and "there is no file" in shown[0] and "missing.sqlite" in shown[0]


def test_windowed_entry_says_a_missing_qt_library_in_the_system_s_box(monkeypatch, tmp_path):
    # When Qt itself cannot load (a library missing), the refusal naming the library was to be shown in a Qt box,
    # whose import failed the same way: the person saw nothing at all. The system's own box says it instead.
    entry = load("packaging_entry", PACKAGING / "entry.py")
    shown = []

    def refused(argv=None):
        sys.stderr.write("safer-desk: cannot open its window: libEGL.so.1 is missing\n")
        return 1

    monkeypatch.setattr(entry, "main", refused)
    monkeypatch.setattr(entry, "system_box", shown.append)
    monkeypatch.setitem(sys.modules, "PySide6.QtWidgets", None)  # its import raises ImportError
    code = without_console(entry, monkeypatch)
    assert code == 1 and shown == ["safer-desk: cannot open its window: libEGL.so.1 is missing"]


def test_windowed_entry_runs_commands_quietly(monkeypatch, tmp_path):
    entry = load("packaging_entry", PACKAGING / "entry.py")
    monkeypatch.setattr(sys, "argv", ["Safer Desk.exe", "demo", str(tmp_path / "example.sqlite")])
    code = without_console(entry, monkeypatch)
    assert code == 0 and (tmp_path / "example.sqlite").is_file()


# --- measure.py -----------------------------------------------------------------------------------------

def test_measure_counts_files_once_and_names_the_big_parts(tmp_path):
    measure = load("packaging_measure", PACKAGING / "measure.py")
    internal = tmp_path / "_internal"
    (internal / "PySide6" / "Qt" / "lib").mkdir(parents=True)
    (internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6").write_bytes(b"x" * 5000)
    (internal / "pandas").mkdir()
    (internal / "pandas" / "a.so").write_bytes(b"x" * 3000)
    (internal / "libpython3.11.so").write_bytes(b"x" * 1000)
    try:  # Linux builds link Qt's libraries to the top of _internal: not counted twice
        (internal / "libQt6Core.so.6").symlink_to(internal / "PySide6" / "Qt" / "lib" / "libQt6Core.so.6")
    except OSError:
        pass
    apparent, allocated, count = measure.disk_usage(tmp_path)
    assert (apparent, count) == (9000, 3)
    assert allocated >= 9000
    assert measure.biggest_parts(internal) == [(5000, "PySide6/Qt/lib"), (3000, "pandas/"), (1000, "libpython3.11.so")]
