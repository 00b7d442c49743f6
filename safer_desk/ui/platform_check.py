"""Why Qt could not start, in words IT can act on (no Qt imported here: Qt is what failed).

When Qt's platform plugin cannot be loaded, Qt prints a hint that is often wrong ("xcb-cursor0 or
libxcb-cursor0 is needed" when that one is installed and two others are missing) and aborts. The
window start-up catches Qt's fatal message (safer_desk.ui.app.ensure_app), asks the system loader
which libraries the plugin cannot find, and prints them with the command that installs them.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The shared libraries Qt's X11/Wayland plugins and Qt Gui need from the system, and the Debian/Ubuntu
# package of each (the same names on Debian 12 and Ubuntu 22.04/24.04).
DEBIAN_PACKAGES = {
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}
# Fedora/RHEL names for the ones a desktop usually lacks.
FEDORA_PACKAGES = {
    "libxcb-icccm.so.4": "xcb-util-wm",
    "libxcb-keysyms.so.1": "xcb-util-keysyms",
    "libxcb-cursor.so.0": "xcb-util-cursor",
    "libxcb-image.so.0": "xcb-util-image",
    "libxcb-render-util.so.0": "xcb-util-renderutil",
    "libxcb-util.so.1": "xcb-util",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11",
}

_PLATFORM_IN_MESSAGE = re.compile(r'platform plugin "([\w-]+)"')
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)
_LOADER_ERROR = re.compile(r"([\w.+-]+\.so[.\d]*): cannot open shared object file")
# Qt's own lines that mislead when libraries are missing (they name one library, often the wrong one).
_MISLEADING = ("xcb-cursor0 or libxcb-cursor0 is needed", "Reinstalling the application may fix this problem")


def failed_platform(messages: list[str]) -> str:
    for message in messages:
        found = _PLATFORM_IN_MESSAGE.search(message)
        if found:
            return found.group(1)
    return os.environ.get("QT_QPA_PLATFORM", "").split(":")[0] or ("xcb" if sys.platform.startswith("linux") else "")


def plugin_folders(qt_plugins: Path | None) -> list[Path]:
    """Where Qt looks for platform plugins, in its order: the override, QT_PLUGIN_PATH, its own folder."""
    folders = []
    if os.environ.get("QT_QPA_PLATFORM_PLUGIN_PATH"):
        folders.append(Path(os.environ["QT_QPA_PLATFORM_PLUGIN_PATH"]))
    for entry in os.environ.get("QT_PLUGIN_PATH", "").split(os.pathsep):
        if entry:
            folders.append(Path(entry) / "platforms")
    if qt_plugins is not None:
        folders.append(qt_plugins / "platforms")
    return folders


def find_plugin(platform: str, folders: list[Path]) -> Path | None:
    names = (f"libq{platform}.so", f"q{platform}.dll", f"libq{platform}.dylib")
    for folder in folders:
        for name in names:
            if (folder / name).is_file():
                return folder / name
    return None


def missing_libraries(plugin: Path) -> list[str]:
    """The shared libraries the loader cannot find for plugin: all of them from `ldd` where there is
    one, else the first one the loader itself names."""
    ldd = shutil.which("ldd") if sys.platform.startswith("linux") else None
    if ldd:
        try:
            out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True, timeout=20).stdout
        except (OSError, subprocess.SubprocessError):
            out = ""
        missing = list(dict.fromkeys(_NOT_FOUND.findall(out)))
        if missing or out:
            return missing
    try:
        import ctypes

        ctypes.CDLL(str(plugin))
    except OSError as exc:
        found = _LOADER_ERROR.search(str(exc))
        if found:
            return [found.group(1)]
    return []


def install_command(missing: list[str]) -> tuple[str, list[str]]:
    """The line that installs the missing libraries on this system, and the libraries it does not
    cover (all of them when the package manager or a library is unknown)."""
    for tool, table, verb in (("apt-get", DEBIAN_PACKAGES, "sudo apt-get install"),
                              ("dnf", FEDORA_PACKAGES, "sudo dnf install")):
        if shutil.which(tool):
            packages = [table[lib] for lib in missing if lib in table]
            unknown = [lib for lib in missing if lib not in table]
            return (f"{verb} {' '.join(dict.fromkeys(packages))}" if packages else ""), unknown
    return "", list(missing)


def install_lines(missing: list[str], *, them: str = "them") -> list[str]:
    """How to install the missing libraries: the package manager's command for those it knows, and how to find the
    package of any other."""
    command, unknown = install_command(missing)
    lines = [f"Install {them} with:\n\n    {command}\n"] if command else []
    if unknown:
        many = len(unknown) > 1
        lines.append(f"Install the package{'s' if many else ''} that provide{'' if many else 's'} {', '.join(unknown)} "
                     "(search by file name: `apt-file search NAME` on Debian/Ubuntu, `dnf provides '*/NAME'` on "
                     "Fedora).")
    return lines


def explain(messages: list[str], qt_plugins: Path | None) -> str:
    """What to tell the person: the missing libraries and how to install them, or Qt's own words."""
    platform = failed_platform(messages)
    plugin = find_plugin(platform, plugin_folders(qt_plugins)) if platform else None
    missing = missing_libraries(plugin) if plugin else []
    lines = []
    if missing:
        lines.append(f"Safer Desk cannot open its window: Qt's {platform!r} platform plugin needs system "
                     f"libraries that are not installed: {', '.join(missing)}.")
        lines += install_lines(missing)
        lines.append(f"(Found by asking the system loader about {plugin}.)")
    elif plugin is not None and sys.platform == "win32":
        lines.append(f"Safer Desk cannot open its window: Qt could not load {plugin}. The program folder may be "
                     "incomplete (an antivirus may have removed a file): copy the whole folder again, keeping "
                     "_internal beside the program.")
    else:
        useful = [m for m in messages if not any(bad in m for bad in _MISLEADING)]
        lines.append("Safer Desk cannot open its window: Qt could not start "
                     f"{'its ' + repr(platform) + ' platform' if platform else 'a display'}.")
        if platform == "xcb" and not os.environ.get("DISPLAY"):
            lines.append("There is no X11 display (DISPLAY is not set): start Safer Desk from a desktop "
                         "session. The commands run without one (QT_QPA_PLATFORM=offscreen).")
        lines += [f"Qt said: {m.strip()}" for m in useful if m.strip()]
    return "\n".join(lines)


_DLL_LOAD_FAILED = "DLL load failed"


def qt_failed_to_load(exc: ImportError) -> bool:
    """Whether an ImportError is Qt itself failing to load (a system library missing, a damaged program folder),
    as opposed to a module of ours that does not import (a bug, which keeps its traceback)."""
    text = str(exc)
    name = getattr(exc, "name", None) or ""
    return (bool(_LOADER_ERROR.search(text)) or _DLL_LOAD_FAILED in text or "Library not loaded" in text
            or name.split(".")[0] in ("PySide6", "shiboken6"))


def explain_import_error(exc: ImportError, *, what: str = "open its window",
                         windows: bool = sys.platform == "win32") -> str:
    """What to tell the person when Qt's own libraries cannot load (``import PySide6.QtWidgets`` fails before any
    window or platform plugin exists): the system library the loader names and the command that installs it."""
    text = str(exc).strip()
    found = _LOADER_ERROR.search(text)
    if found:
        # The loader names the first library it missed; ldd on Qt's widgets module names all of them.
        module = _qt_widgets_module(exc)
        missing = list(dict.fromkeys([found.group(1), *(missing_libraries(module) if module else [])]))
        many = len(missing) > 1
        lines = [f"Safer Desk cannot {what}: Qt needs {'system libraries' if many else 'a system library'} that "
                 f"{'are' if many else 'is'} not installed: {', '.join(missing)}."]
        lines += install_lines(missing, them="them" if many else "it")
        lines.append(f"(The system loader said: {text})")
        return "\n".join(lines)
    if windows or _DLL_LOAD_FAILED in text:
        return (f"Safer Desk cannot {what}: Qt could not be loaded ({text}). The program folder may be incomplete "
                "(an antivirus may have removed a file): copy the whole folder again, keeping _internal beside "
                "the program.")
    return f"Safer Desk cannot {what}: Qt could not be loaded ({text}). Reinstalling Safer Desk may fix this."


def _qt_widgets_module(exc: ImportError) -> Path | None:
    """The Qt module the loader failed on (its path, when the ImportError says), else PySide6's QtWidgets module;
    found without importing PySide6."""
    named = getattr(exc, "path", None)
    if named and Path(named).is_file():
        return Path(named)
    try:
        import importlib.util

        spec = importlib.util.find_spec("PySide6")
    except (ImportError, ValueError):
        return None
    for folder in (spec.submodule_search_locations or []) if spec else []:
        for candidate in sorted(Path(folder).glob("QtWidgets*")):
            if candidate.suffix in (".so", ".pyd", ".dylib"):
                return candidate
    return None
