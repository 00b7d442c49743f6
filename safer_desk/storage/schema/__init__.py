"""The schema of a Safer Desk file, as named sets of migration steps.

Each tab owns one set in its own module so that the tabs' schemas grow
independently; every set is applied with sqlite-utils ``Migrations`` (one
transaction per step). Steps are declared here without importing sqlite-utils,
which pulls in pandas: the first painted window must not wait for it.

A file that has applied a step this program does not know was written by a
newer Safer Desk and is refused untouched.
"""

from __future__ import annotations

from typing import Callable

MigrationFn = Callable[[object], None]  # receives a sqlite_utils.Database

# The exchange set's tables that opening a file looks for (schema.exchange makes them), named here so that opening
# does not import the set's SQL: where merged rows came from, and, only in an export file, what the export is (its
# presence is what makes a file an export).
PROVENANCE_TABLE = "_county_provenance"
MANIFEST_TABLE = "_export_manifest"


class MigrationSet:
    """An ordered list of named steps; applied with sqlite-utils Migrations under this set's name.

    Compared as (name, steps) and not hashable, as the ``@dataclass`` it was: written out, its methods are compiled
    into the .pyc, where a dataclass's are compiled each start (issue 16)."""

    name: str
    steps: list[tuple[str, MigrationFn]]

    def __init__(self, name: str, steps: list[tuple[str, MigrationFn]] | None = None) -> None:
        self.name = name
        self.steps = [] if steps is None else steps

    def __repr__(self) -> str:
        return f"{type(self).__qualname__}(name={self.name!r}, steps={self.steps!r})"

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return (self.name, self.steps) == (other.name, other.steps)  # type: ignore[attr-defined]
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # changed as steps are added: not a key

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


# Every set's steps by name, in all_sets()'s order. Opening an up-to-date file checks its applied steps against
# these and needs nothing else of the schema, so the seven modules of SQL are imported only when steps are to be
# applied (all_sets): 4 M instructions of every start. test_storage holds this to the modules' own lists, so a step
# added to a module and not here fails there (and a file it made would be refused as a newer version's).
STEP_NAMES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("safer_desk.core", ("create_meta_and_audit", "create_reference_data", "create_illustrative_marks",
                         "create_office_areas", "chain_the_audit_trail")),
    ("safer_desk.projects", ("create_project_register", "add_funders_awards_and_shares",
                             "keep_a_scale_typed_as_an_amount")),
    ("safer_desk.allocation", ("create_allocation_scenarios", "create_allocation_top_slices",
                               "create_allocation_draft")),
    ("safer_desk.costs", ("create_dhr_tables", "create_fund_tables", "add_fund_spend_keyed_to",
                          "add_dhr_first_billed_on", "create_dhr_refunds", "create_dhr_withdrawn_invoices",
                          "create_dhr_deleted_cost_lines", "create_dhr_cost_line_versions",
                          "add_dhr_safeguarding_board")),
    ("safer_desk.indicators", ("create_indicator_tables", "move_police_counts_to_internal_table",
                               "key_police_counts_by_what_they_count", "add_performance_framework",
                               "keep_police_vintages")),
    ("safer_desk.exchange", ("create_county_bookkeeping", "create_signing_register",
                             "keep_conflicts_in_words_and_decisions", "keep_row_origins_slim",
                             "rehash_rows_merged_before_columns_were_added",
                             "keep_rows_several_offices_hold_by_what_they_are", "keep_which_offices_hold_shared_rows")),
    ("safer_desk.budgets", ("create_budget_plans", "keep_each_offices_part_of_a_funds_spend",
                            "link_a_line_to_one_funders_share")),
)


def known_steps() -> set[tuple[str, str]]:
    """Every (set, step) this program knows: what a file's applied steps are checked against."""
    return {(set_name, name) for set_name, names in STEP_NAMES for name in names}


def schema_version() -> int:
    """The schema version this program writes: the number of steps it knows."""
    return len(known_steps())
