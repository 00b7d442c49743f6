"""The schema of a Safer Desk file, as named sets of migration steps.

Each tab owns one set in its own module so that the tabs' schemas grow
independently; every set is applied with sqlite-utils ``Migrations`` (one
transaction per step). Steps are declared here without importing sqlite-utils,
which pulls in pandas: the first painted window must not wait for it.

A file that has applied a step this program does not know was written by a
newer Safer Desk and is refused untouched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

MigrationFn = Callable[[object], None]  # receives a sqlite_utils.Database


@dataclass
class MigrationSet:
    """An ordered list of named steps; applied with sqlite-utils Migrations under this set's name."""

    name: str
    steps: list[tuple[str, MigrationFn]] = field(default_factory=list)

    def step(self, fn: MigrationFn) -> MigrationFn:
        """Register a migration step; its function name is its permanent name."""
        if any(existing == fn.__name__ for existing, _ in self.steps):
            raise ValueError(f"step {fn.__name__} is already in {self.name}")
        self.steps.append((fn.__name__, fn))
        return fn

    def names(self) -> list[str]:
        return [name for name, _ in self.steps]


def all_sets() -> list[MigrationSet]:
    """Every migration set, in the order they are applied (core first)."""
    from safer_desk.storage.schema import allocation, budgets, core, costs, exchange, indicators, projects

    # budgets last: its lines link to projects, funds and reviews.
    return [core.migrations, projects.migrations, allocation.migrations, costs.migrations,
            indicators.migrations, exchange.migrations, budgets.migrations]


def known_steps() -> set[tuple[str, str]]:
    return {(s.name, name) for s in all_sets() for name in s.names()}


def schema_version() -> int:
    """The schema version this program writes: the number of steps it knows."""
    return len(known_steps())
