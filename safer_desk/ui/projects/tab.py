"""The Projects tab."""

from __future__ import annotations

from safer_desk.ui.tabs import PlaceholderTab


class ProjectsTab(PlaceholderTab):
    description = "The Projects tab is being built."
