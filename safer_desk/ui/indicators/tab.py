"""The Indicators tab."""

from __future__ import annotations

from safer_desk.ui.tabs import PlaceholderTab


class IndicatorsTab(PlaceholderTab):
    description = "The Indicators tab is being built."
