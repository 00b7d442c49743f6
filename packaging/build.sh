#!/usr/bin/env bash
# Build Safer Desk as a one-folder program that runs without Python (Linux; macOS works the same way).
#
#   bash packaging/build.sh [OUT_DIR]      default OUT_DIR: dist/safer-desk (relative to the repository)
#
# Steps: a fresh virtual environment (build/packaging-venv), `pip install . pyinstaller`, then PyInstaller
# with packaging/safer-desk.spec. PyInstaller is a build tool only, never a dependency of the program.
# Environment: PYTHON (default python3.11, else python3) picks the interpreter; KEEP_VENV=1 reuses the
# venv from a previous build (faster, not clean).
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO"

# The supported PyInstaller range (6.10 has the PySide6 6.8+ hooks; 7 may change the spec format).
PYINSTALLER_SPEC="pyinstaller>=6.10,<7"

OUT_DIR="${1:-$REPO/dist/safer-desk}"
case "$OUT_DIR" in /*) ;; *) OUT_DIR="$PWD/$OUT_DIR" ;; esac

if [ -z "${PYTHON:-}" ]; then
    if command -v python3.11 >/dev/null 2>&1; then PYTHON=python3.11; else PYTHON=python3; fi
fi
"$PYTHON" - <<'EOF'
import sys
if sys.version_info < (3, 11):
    sys.exit(f"build.sh: Safer Desk needs Python 3.11 or newer to build (this is {sys.version.split()[0]})")
EOF

WORK="$REPO/build/packaging"
VENV="$REPO/build/packaging-venv"
START=$(date +%s)

if [ "${KEEP_VENV:-0}" != "1" ] || [ ! -x "$VENV/bin/python" ]; then
    echo "== fresh virtual environment in $VENV ($("$PYTHON" --version))"
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --upgrade pip
fi
echo "== pip install . $PYINSTALLER_SPEC"
# Not editable: the build takes the package as a wheel installs it (resources inside safer_desk/).
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check . "$PYINSTALLER_SPEC"
if [ "${KEEP_VENV:-0}" = "1" ]; then  # same version number, new code: install it again
    "$VENV/bin/python" -m pip install --quiet --disable-pip-version-check --force-reinstall --no-deps .
fi

echo "== pyinstaller packaging/safer-desk.spec -> $OUT_DIR"
rm -rf "$WORK" "$OUT_DIR"
mkdir -p "$WORK" "$(dirname "$OUT_DIR")"
# Run from the work folder so the source tree is not on sys.path: the installed package is frozen.
(cd "$WORK" && "$VENV/bin/python" -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$WORK/dist" --workpath "$WORK/work" "$REPO/packaging/safer-desk.spec")
mv "$WORK/dist/safer-desk" "$OUT_DIR"
if [ -d "$WORK/dist/Safer Desk.app" ]; then  # macOS: the app bundle goes beside the folder
    rm -rf "$(dirname "$OUT_DIR")/Safer Desk.app"
    mv "$WORK/dist/Safer Desk.app" "$(dirname "$OUT_DIR")/"
fi

EXE="$OUT_DIR/safer-desk"
[ -x "$EXE" ] || { echo "build.sh: no executable at $EXE" >&2; exit 1; }
"$EXE" --version
echo "== built $OUT_DIR ($(du -sh "$OUT_DIR" | cut -f1)) in $(( $(date +%s) - START )) s"
