"""The Allocation tab."""

from __future__ import annotations

from safer_desk.ui.tabs import PlaceholderTab


class AllocationTab(PlaceholderTab):
    description = "The Allocation tab is being built."
