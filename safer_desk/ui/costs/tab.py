"""The Costs tab."""

from __future__ import annotations

from safer_desk.ui.tabs import PlaceholderTab


class CostsTab(PlaceholderTab):
    description = "The Costs tab is being built."
