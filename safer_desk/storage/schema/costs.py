"""Schema of the costs part of the file (its own migration set, applied after core)."""

from __future__ import annotations

from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.costs")
