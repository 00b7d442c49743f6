"""Menu actions of this area, added to the main window at start-up (keep imports light)."""

from __future__ import annotations


def install(window) -> None:
    """Add this area's actions to the window's menus."""
