"""The window: the only package that imports PySide6 (its charts are its own, ui/kit/chart.py)."""
