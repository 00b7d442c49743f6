"""Schema of the allocation part of the file (its own migration set, applied after core).

A scenario freezes an allocation: its options, its inputs row by row, and the
amounts it produced when it was saved, so a board paper can be reproduced years
later even if partnerships have since merged (DESIGN.md §2.2).
"""

from __future__ import annotations

from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.allocation")


@migrations.step
def create_allocation_scenarios(db) -> None:
    db.execute(
        """CREATE TABLE allocation_scenarios (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            year TEXT NOT NULL,
            saved_at TEXT NOT NULL,
            notes TEXT NOT NULL DEFAULT '',
            pot_pence INTEGER CHECK (pot_pence IS NULL OR pot_pence >= 0),
            previous_total_pence INTEGER CHECK (previous_total_pence IS NULL OR previous_total_pence >= 0),
            retain TEXT NOT NULL DEFAULT '0',
            fixed_share TEXT NOT NULL DEFAULT '0',
            fixed_per_unit_pence INTEGER,
            rounding TEXT NOT NULL CHECK (rounding IN ('exact', 'percent-2dp')),
            unit TEXT NOT NULL CHECK (unit IN ('pound', 'penny')),
            damping TEXT,
            total_pence INTEGER NOT NULL,
            adopted INTEGER NOT NULL DEFAULT 0 CHECK (adopted IN (0, 1)),
            UNIQUE (year, name)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE allocation_scenario_factors (
            id TEXT PRIMARY KEY,
            scenario_id TEXT NOT NULL REFERENCES allocation_scenarios(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL,
            label TEXT NOT NULL DEFAULT '',
            weight TEXT NOT NULL,
            UNIQUE (scenario_id, name)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE allocation_scenario_rows (
            id TEXT PRIMARY KEY,
            scenario_id TEXT NOT NULL REFERENCES allocation_scenarios(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            partnership TEXT NOT NULL,
            partnership_id TEXT REFERENCES partnerships(id),
            fixed_units INTEGER NOT NULL CHECK (fixed_units >= 0),
            factor_values TEXT NOT NULL,
            previous_pence INTEGER,
            fixed_pence INTEGER NOT NULL,
            variable_pence INTEGER NOT NULL,
            damping_pence INTEGER NOT NULL DEFAULT 0,
            total_pence INTEGER NOT NULL,
            UNIQUE (scenario_id, partnership)
        ) STRICT"""
    )
    db.execute("CREATE INDEX allocation_scenario_rows_scenario ON allocation_scenario_rows(scenario_id)")
    db.execute("CREATE INDEX allocation_scenario_factors_scenario ON allocation_scenario_factors(scenario_id)")


@migrations.step
def create_allocation_top_slices(db) -> None:
    db.execute(
        """CREATE TABLE allocation_top_slices (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            year TEXT NOT NULL,
            total_pence INTEGER NOT NULL CHECK (total_pence >= 0),
            slices TEXT NOT NULL,
            remainder_label TEXT NOT NULL,
            retained TEXT NOT NULL,
            partners INTEGER NOT NULL CHECK (partners >= 1),
            scenario TEXT NOT NULL,
            UNIQUE (year, name)
        ) STRICT"""
    )


@migrations.step
def create_allocation_draft(db) -> None:
    # The tab's unsaved working inputs, so nothing typed is lost on closing; internal (not audited or exported).
    db.execute(
        """CREATE TABLE _allocation_draft (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT"""
    )
