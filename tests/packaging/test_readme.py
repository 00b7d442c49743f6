"""The README's set-up commands, run exactly as written (Linux/macOS lines) in a clean copy of this
checkout; the Windows lines checked to say the same. `.ci/run` runs the README's test command."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def setup_commands() -> dict[str, list[str]]:
    """The commands of README.md's "Set up" section, by shell: {"posix": [app, test], "windows": [...]}."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## Set up\n", 1)[1].split("\n## ", 1)[0]
    posix = section.split("Linux and macOS", 1)[1].split("Windows (PowerShell)", 1)[0]
    windows = section.split("Windows (PowerShell)", 1)[1]
    code = lambda block: [line[4:] for line in block.splitlines() if line.startswith("    ") and line.strip()]  # noqa: E731
    return {"posix": code(posix), "windows": code(windows)[:2]}


def test_the_readme_has_two_commands_per_shell_that_make_their_own_venv():
    commands = setup_commands()
    app, tests = commands["posix"]
    assert app.startswith("python3 -m venv .venv && ") and app.endswith("safer-desk --demo")
    assert tests.startswith("python3 -m venv .venv && ") and tests.endswith(" -m pytest")
    win_app, win_tests = commands["windows"]
    assert win_app.startswith("py -m venv .venv;") and win_app.endswith("{ .venv\\Scripts\\safer-desk --demo }")
    assert win_tests.startswith("py -m venv .venv;") and win_tests.endswith("{ .venv\\Scripts\\python -m pytest }")
    # The two shells install the same things.
    for posix, win in ((app, win_app), (tests, win_tests)):
        assert re.search(r"pip install (.+?) &&", posix).group(1) == re.search(r"pip install (.+?) }", win).group(1)


def test_ci_runs_the_readme_test_command():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert setup_commands()["posix"][1] in ci.splitlines()


def test_the_apt_line_names_the_libraries_qt_asks_the_loader_for():
    """Every library the X11 plugin links that a desktop may lack is on the README's apt-get line."""
    from safer_desk.ui.platform_check import DEBIAN_PACKAGES

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    line = next(l for l in text.splitlines() if "sudo apt-get install python3-venv" in l)
    for lib in ("libxcb-icccm.so.4", "libxcb-keysyms.so.1", "libxcb-cursor.so.0", "libxcb-image.so.0",
                "libxcb-render-util.so.0", "libxcb-xkb.so.1", "libxkbcommon-x11.so.0"):
        assert DEBIAN_PACKAGES[lib] in line.split()


def clean_copy(dest: Path) -> Path:
    """The checkout's files as git knows them (with their working-tree contents), without any venv."""
    try:
        listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
        files = [f for f in listed.decode().split("\0") if f]
    except (OSError, subprocess.CalledProcessError):
        files = [str(p.relative_to(ROOT)) for p in ROOT.rglob("*") if p.is_file()
                 and not {".venv", "build", "dist", "__pycache__", ".git"} & set(p.relative_to(ROOT).parts)]
    for name in files:
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.skipif(os.name == "nt", reason="the PowerShell lines run in the Windows CI workflow")
def test_the_readme_commands_work_as_written(tmp_path):
    if shutil.which("python3") is None:
        pytest.skip("no python3 on PATH")
    checkout = clean_copy(tmp_path / "safer-desk")
    app, tests = setup_commands()["posix"]
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep)
                                  if not p.startswith(str(Path(sys.prefix))))  # not this test's own venv
    env.update({"QT_QPA_PLATFORM": "offscreen", "SAFER_DESK_CLOSE_AFTER_START": "1", "TMPDIR": str(temp),
                "SAFER_DESK_HOME": str(tmp_path / "home"), "XDG_CONFIG_HOME": str(tmp_path / "config")})

    # 1. Install and open the window on the example data (it closes itself once shown).
    result = subprocess.run(["bash", "-c", app], cwd=checkout, env=env, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, f"{app}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert "window shown" in result.stderr
    assert (checkout / ".venv").is_dir() and list(temp.iterdir()) == []  # the demo copy is gone

    # 2. The test command, with a small selection instead of the whole suite (this test is in it).
    assert tests.endswith(" -m pytest")
    small = tests + " -p no:cacheprovider -q tests/foundation/test_money.py"
    result = subprocess.run(["bash", "-c", small], cwd=checkout, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, f"{small}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    assert re.search(r"\d+ passed", result.stdout)


def test_the_windows_workflow_runs_the_readme_build_ps1_and_the_smoke_test():
    """Not run anywhere yet (README says so): at least it runs what the README and packaging say."""
    text = (ROOT / ".github" / "workflows" / "windows.yml").read_text(encoding="utf-8")
    assert "\t" not in text  # YAML forbids tabs
    assert "runs-on: windows-latest" in text
    lines = [line.strip() for line in text.splitlines()]
    win_app, win_tests = setup_commands()["windows"]
    assert win_tests in lines and win_app in lines
    assert "run: powershell -ExecutionPolicy Bypass -File packaging\\build.ps1 -Python ${{ matrix.python }}" in lines
    assert any(line.startswith("run: py packaging\\smoke_test.py dist\\safer-desk") for line in lines)
    assert "NOT YET RUN" in text and "has not been run yet" in (ROOT / "README.md").read_text(encoding="utf-8")
