"""What the PyInstaller build leaves out and takes in: plain data and checks, imported by
packaging/safer-desk.spec and by tests/packaging (so the lists are tested without building).

Needs only the standard library.
"""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path

# --- What is left out -----------------------------------------------------------------------------------
# Qt modules the program never uses.
EXCLUDED_QT_MODULES = [
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus",
    "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLocation",
    "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc",
    # QtOpenGL (9 MB with its widgets): only pyqtgraph needed it; the charts are painted with QPainter.
    "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtQml", "QtQuick", "QtQuick3D",
    "QtQuickControls2", "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine", "QtTest",
    "QtTextToSpeech", "QtUiTools", "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick",
    "QtWebEngineWidgets", "QtWebSockets", "QtWebView", "QtXml",
]
# The Qt modules the program does use (everything else is excluded above or never imported).
USED_QT_MODULES = ["QtCore", "QtGui", "QtWidgets", "QtSvg", "QtSvgWidgets", "QtPrintSupport"]

EXCLUDED_MODULES = [
    # a second Qt binding
    "PyQt5", "PyQt6", "PySide2", "shiboken2", "sip",
    # not dependencies: the charts are the ui kit's own (ui/kit/chart.py, QPainter), so neither pyqtgraph nor
    # numpy (with OpenBLAS, 42 MB) is needed; a use of either stops the build. sqlite-utils runs without numpy.
    "pyqtgraph", "numpy",
    # optional extras that the program does not use
    "tkinter", "_tkinter", "matplotlib", "scipy", "IPython", "jupyter_client", "ipykernel", "notebook",
    "OpenGL", "cupy", "numba",
    "pytest", "_pytest", "hypothesis", "pytestqt", "setuptools", "pip",
    # pandas is not a dependency (docs/architecture.md "Dependencies"): a use of it stops the build
    "pandas",
    # Python's OpenSSL modules (libcrypto + libssl, about 6 MB): the program makes no network connections
    # and hashlib falls back to Python's own SHA-2/SHA-3/BLAKE2 (everything but scrypt and pbkdf2_hmac,
    # which EXCLUDED_CALLS refuses). The console's line editing is not used either.
    "ssl", "_ssl", "_hashlib", "readline",
    "pandas.tests", "pandas.io.clipboard", "pyarrow.tests",
    # pyarrow parts that need their own large libraries (flight 31 MB, s3 17 MB, parquet 11 MB, ...).
    # Kept: pyarrow.lib, compute, csv, json, acero (Table.group_by needs it), ipc.
    "pyarrow.flight", "pyarrow._flight", "pyarrow.substrait", "pyarrow._substrait", "pyarrow.gandiva",
    "pyarrow.cuda", "pyarrow._cuda", "pyarrow._s3fs", "pyarrow._gcsfs", "pyarrow._azurefs",
    "pyarrow._hdfs", "pyarrow.orc", "pyarrow._orc", "pyarrow._dataset_orc", "pyarrow._pyarrow_cpp_tests",
    "pyarrow.parquet", "pyarrow._parquet", "pyarrow._parquet_encryption", "pyarrow.dataset", "pyarrow._dataset",
    "pyarrow._dataset_parquet", "pyarrow._dataset_parquet_encryption", "pyarrow.feather", "pyarrow._feather",
] + [f"PySide6.{name}" for name in EXCLUDED_QT_MODULES]

# Qt's files, relative to Qt's folder: PySide6/Qt/ in Linux and macOS wheels, PySide6/ itself on Windows.
QT_FILE_PATTERNS = [
    "translations/*",          # Qt's own UI translations: the program is English only
    "qml/*",
    "plugins/qmltooling/*",
    "plugins/designer/*",
    "plugins/sqldrivers/*",
    "plugins/tls/*",
    "plugins/networkinformation/*",
    "plugins/multimedia/*",
    "plugins/position/*",
    # Linux: keep the xcb (X11), wayland, offscreen and minimal platforms; drop framebuffer/kiosk/VNC ones
    "plugins/platforms/*qeglfs*", "plugins/platforms/*qlinuxfb*",
    "plugins/platforms/*qvnc*", "plugins/platforms/*qvkkhrdisplay*",
    "plugins/platforms/*qminimalegl*", "plugins/egldeviceintegrations/*",
    "plugins/generic/*",        # evdev/TUIO input for kiosk devices
    "plugins/wayland-graphics-integration-server/*",
    "plugins/platformthemes/*qgtk3*",  # needs the system GTK 3 anyway; the portal theme stays
    "plugins/imageformats/*qtiff*",   # PNG/JPEG/SVG/ICO/GIF are enough
    "plugins/imageformats/*qwebp*",
    "plugins/imageformats/*qtga*",
    "plugins/imageformats/*qwbmp*",
    "plugins/imageformats/*qpdf*",
    "plugins/imageformats/*qicns*",
    "plugins/imageformats/*qjp2*",
    "opengl32sw.dll",                  # Windows: Mesa's software OpenGL (20 MB); the window paints without GL
]

# Files dropped after analysis (fnmatch on the path inside the build, forward slashes).
EXCLUDED_FILES = [f"PySide6/Qt/{pattern}" for pattern in QT_FILE_PATTERNS] + [
    f"PySide6/{pattern}" for pattern in QT_FILE_PATTERNS] + [
    "PySide6/Qt/lib/libQt6Qml*", "PySide6/Qt/lib/libQt6Quick*", "PySide6/Qt/lib/libQt6Pdf*",
    "PySide6/Qt6Qml*", "PySide6/Qt6Quick*", "PySide6/Qt6Pdf*",
    "pyarrow/include/*", "pyarrow/src/*", "pyarrow/tests/*", "pyarrow/*.pxd", "pyarrow/*.pyx",
    "pyarrow/*.pxi", "pyarrow/*/*.pxd",
    # pyarrow's Python modules for the parts left out. NOT libparquet, libarrow_dataset, libarrow_substrait
    # (arrow_*.dll on Windows): pyarrow.lib itself links them. The spec puts back any library a kept
    # binary needs, whatever these patterns say.
    "pyarrow/_flight*", "pyarrow/_substrait*", "pyarrow/_s3fs*", "pyarrow/_gcsfs*", "pyarrow/_azurefs*",
    "pyarrow/_hdfs*", "pyarrow/_orc*", "pyarrow/_dataset_orc*", "pyarrow/_pyarrow_cpp_tests*", "pyarrow/_cuda*",
    "pyarrow/_parquet*", "pyarrow/_dataset*", "pyarrow/_feather*", "pyarrow/gandiva*",
    # Flight and S3 libraries: only the modules above load them (Linux/macOS and Windows names)
    "pyarrow/libarrow_flight*", "pyarrow/libarrow_python_flight*", "pyarrow/arrow_flight*",
    "pyarrow/arrow_python_flight*", "pyarrow/libarrow_s3*", "pyarrow/libgandiva*",
    "pandas/tests/*", "*/__pycache__/*",
]


# Calls that need an excluded part (pandas' parquet/feather readers need pyarrow.parquet/dataset/feather).
EXCLUDED_CALLS = ["read_parquet", "to_parquet", "read_feather", "to_feather", "read_orc", "to_orc",
                  "scrypt", "pbkdf2_hmac"]  # hashlib's OpenSSL-only functions (_hashlib is left out)


def excluded_uses(package_dir: Path) -> list[str]:
    """Fail the build, not the user's click: no safer_desk module may import what this spec leaves out."""
    excluded = set(EXCLUDED_MODULES)
    imports = re.compile(r"^\s*(?:from\s+([\w.]+)\s+import\s+\(?([\w\s,]+)|import\s+([\w., ]+))", re.MULTILINE)
    dynamic = re.compile(r"import_module\(\s*[\"']([\w.]+)[\"']")
    calls = re.compile(r"\b(" + "|".join(EXCLUDED_CALLS) + r")\s*\(")
    found = []
    for path in sorted(package_dir.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        names = []
        for match in imports.finditer(text):
            if match.group(1):
                names.append(match.group(1))
                names += [f"{match.group(1)}.{n}" for n in re.findall(r"\w+", match.group(2))]
            else:
                names += [n.split(" as ")[0].strip() for n in match.group(3).split(",")]
        names += dynamic.findall(text)
        rel = path.relative_to(package_dir).as_posix()
        hits = []
        for name in names:
            parts = name.split(".")
            hit = next((".".join(parts[:i]) for i in range(1, len(parts) + 1) if ".".join(parts[:i]) in excluded), None)
            if hit and hit not in hits:
                hits.append(hit)
        found += [f"{rel}: imports {hit}" for hit in hits]
        found += [f"{rel}: calls {call}()" for call in calls.findall(text)]
    return found


# --- What goes in beyond safer_desk itself ------------------------------------------------------------
# The runtime dependencies of pyproject.toml: the tabs import them lazily (inside functions, some through
# importlib), so name them here to be sure every one is in the build.
RUNTIME_IMPORTS = ["sqlite_utils", "xlsxwriter", "openpyxl", "platformdirs", "cryptography"]


def keep_file(dest: str) -> bool:
    """False for a file (its path inside the build) that EXCLUDED_FILES drops."""
    dest = dest.replace("\\", "/")
    return not any(fnmatch.fnmatch(dest, pattern) for pattern in EXCLUDED_FILES)
