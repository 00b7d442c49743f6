#!/usr/bin/env bash
# Install a built Safer Desk folder for the current user on Linux (no root needed).
#
#   bash packaging/install-linux.sh [BUILD_FOLDER]     default: dist/safer-desk
#   bash packaging/install-linux.sh --uninstall
#
# Copies the folder to ~/.local/lib/safer-desk, links ~/.local/bin/safer-desk to it, and adds the menu
# entry (~/.local/share/applications/safer-desk.desktop) and icons (~/.local/share/icons/hicolor).
# The user's data stays in ~/.local/share/Safer Desk (not touched by installing or uninstalling).
set -euo pipefail

DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
LIB="$HOME/.local/lib/safer-desk"
BIN="$HOME/.local/bin"
APPS="$DATA_HOME/applications"
ICONS="$DATA_HOME/icons/hicolor"

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$LIB"
    rm -f "$BIN/safer-desk" "$APPS/safer-desk.desktop"
    for size in 16 32 48 64 128 256; do rm -f "$ICONS/${size}x${size}/apps/safer-desk.png"; done
    rm -f "$ICONS/scalable/apps/safer-desk.svg"
    echo "Safer Desk removed (your data in $DATA_HOME/Safer Desk is still there)."
    exit 0
fi

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BUILD="$(cd "${1:-$REPO/dist/safer-desk}" && pwd)"
RES="$BUILD/_internal/safer_desk/resources"
[ -x "$BUILD/safer-desk" ] || { echo "install-linux.sh: no built program in $BUILD" >&2; exit 2; }

mkdir -p "$(dirname "$LIB")" "$BIN" "$APPS"
rm -rf "$LIB.new"
cp -a "$BUILD" "$LIB.new"
rm -rf "$LIB"
mv "$LIB.new" "$LIB"
ln -sfn "$LIB/safer-desk" "$BIN/safer-desk"
for size in 16 32 48 64 128 256; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$RES/icons/safer-desk-$size.png" "$ICONS/${size}x${size}/apps/safer-desk.png"
done
mkdir -p "$ICONS/scalable/apps"
cp "$RES/icons/safer-desk.svg" "$ICONS/scalable/apps/safer-desk.svg"
# The menu entry runs the installed program by its full path (~/.local/bin may not be on PATH).
sed -e "s|^Exec=safer-desk|Exec=$LIB/safer-desk|" -e "s|^TryExec=safer-desk|TryExec=$LIB/safer-desk|" \
    "$RES/safer-desk.desktop" > "$APPS/safer-desk.desktop"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$APPS" || true
echo "Safer Desk $("$LIB/safer-desk" --version | cut -d' ' -f2) installed in $LIB; run safer-desk or pick it from the menu."
