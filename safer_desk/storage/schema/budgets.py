"""Schema of budgets and plans (its own migration set, applied after the tabs it links to).

A plan's cells are kept as the paper states them (an amount, TBC, N/K or nil, with the text as
written); totals are never stored, they are computed, and the totals a paper prints are kept
separately (budget_stated_totals) so that a printed total that disagrees with its lines is kept
and flagged rather than overwritten.
"""

from __future__ import annotations

from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.budgets")

# A plan's rows in each table of its parts, parents first: the condition picking them ({p} the table's alias and a
# dot, or nothing; {s} the schema and a dot, or nothing; {key} "= ?" for one plan's id, or "IN (…)" for several).
PLAN_PARTS = {
    "budget_columns": "{p}plan_id {key}",
    "budget_sections": "{p}plan_id {key}",
    "budget_lines": "{p}section_id IN (SELECT id FROM {s}budget_sections WHERE plan_id {key})",
    "budget_cells": "{p}line_id IN (SELECT l.id FROM {s}budget_lines l JOIN {s}budget_sections x "
                    "ON x.id = l.section_id WHERE x.plan_id {key})",
    "budget_stated_totals": "{p}plan_id {key}",
    "budget_line_links": "{p}line_id IN (SELECT l.id FROM {s}budget_lines l JOIN {s}budget_sections x "
                         "ON x.id = l.section_id WHERE x.plan_id {key})",
}

_CELL = """status TEXT NOT NULL CHECK (status IN ('amount', 'tbc', 'nk', 'nil')),
            amount_pence INTEGER,
            text TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '',
            per_district_pence INTEGER CHECK (per_district_pence > 0),
            stated_change TEXT NOT NULL DEFAULT '',
            CHECK ((status = 'amount' AND amount_pence IS NOT NULL)
                OR (status = 'nil' AND coalesce(amount_pence, 0) = 0)
                OR (status IN ('tbc', 'nk') AND amount_pence IS NULL))"""


@migrations.step
def create_budget_plans(db) -> None:
    db.execute(
        """CREATE TABLE budget_plans (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            owner TEXT NOT NULL DEFAULT '',
            area_id TEXT,
            source TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT 'pound' CHECK (unit IN ('pound', 'thousand')),
            total_label TEXT NOT NULL DEFAULT 'Total',
            show_total_column INTEGER NOT NULL DEFAULT 0 CHECK (show_total_column IN (0, 1)),
            show_changes INTEGER NOT NULL DEFAULT 0 CHECK (show_changes IN (0, 1)),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT"""
    )
    # A column is usually a financial year ("2011/12"); financial_year is '' for another heading.
    db.execute(
        """CREATE TABLE budget_columns (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            label TEXT NOT NULL CHECK (label <> ''),
            financial_year TEXT NOT NULL DEFAULT '',
            UNIQUE (plan_id, label)
        ) STRICT"""
    )
    db.execute("CREATE INDEX budget_columns_plan ON budget_columns(plan_id)")
    # sign: +1 adds to the plan total (expenditure), -1 takes away (income, savings), 0 stands outside it.
    db.execute(
        """CREATE TABLE budget_sections (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            kind TEXT NOT NULL DEFAULT 'expenditure'
                CHECK (kind IN ('expenditure', 'income', 'savings', 'budget', 'other')),
            sign INTEGER NOT NULL DEFAULT 1 CHECK (sign IN (-1, 0, 1)),
            total_label TEXT NOT NULL DEFAULT '',
            show_subtotal INTEGER NOT NULL DEFAULT 1 CHECK (show_subtotal IN (0, 1)),
            notes TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute("CREATE INDEX budget_sections_plan ON budget_sections(plan_id)")
    db.execute(
        """CREATE TABLE budget_lines (
            id TEXT PRIMARY KEY,
            section_id TEXT NOT NULL REFERENCES budget_sections(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            label TEXT NOT NULL CHECK (label <> ''),
            notes TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute("CREATE INDEX budget_lines_section ON budget_lines(section_id)")
    db.execute(
        f"""CREATE TABLE budget_cells (
            id TEXT PRIMARY KEY,
            line_id TEXT NOT NULL REFERENCES budget_lines(id) ON DELETE CASCADE,
            column_id TEXT NOT NULL REFERENCES budget_columns(id) ON DELETE CASCADE,
            {_CELL},
            UNIQUE (line_id, column_id)
        ) STRICT"""
    )
    db.execute("CREATE INDEX budget_cells_column ON budget_cells(column_id)")
    # What the paper prints as a section's subtotal (section_id set) or the plan's total (section_id NULL).
    db.execute(
        f"""CREATE TABLE budget_stated_totals (
            id TEXT PRIMARY KEY,
            plan_id TEXT NOT NULL REFERENCES budget_plans(id) ON DELETE CASCADE,
            section_id TEXT REFERENCES budget_sections(id) ON DELETE CASCADE,
            column_id TEXT NOT NULL REFERENCES budget_columns(id) ON DELETE CASCADE,
            {_CELL}
        ) STRICT"""
    )
    db.execute("CREATE INDEX budget_stated_totals_plan ON budget_stated_totals(plan_id)")
    # A line linked to what actually happened: a project (its costs in the register), a pooled fund (its
    # spend, or contributions from one organisation) or a review (its costs), so actuals sit beside the plan.
    db.execute(
        """CREATE TABLE budget_line_links (
            id TEXT PRIMARY KEY,
            line_id TEXT NOT NULL REFERENCES budget_lines(id) ON DELETE CASCADE,
            project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
            fund_id TEXT REFERENCES funds(id) ON DELETE CASCADE,
            case_id TEXT REFERENCES dhr_cases(id) ON DELETE CASCADE,
            measure TEXT NOT NULL DEFAULT 'cost' CHECK (measure IN ('cost', 'spend', 'contributions')),
            organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
            CHECK ((project_id IS NOT NULL) + (fund_id IS NOT NULL) + (case_id IS NOT NULL) = 1)
        ) STRICT"""
    )
    db.execute("CREATE INDEX budget_line_links_line ON budget_line_links(line_id)")


@migrations.step
def keep_each_offices_part_of_a_funds_spend(db) -> None:
    # A pooled fund several offices spend from: each office's summary rows of the spend it recorded itself (by
    # district, month and item) are its own part at the county, kept by the office they are of (office_id), so
    # two offices' spend in Ipswich in May adds up there instead of meeting as one row and a conflict (one office's
    # spend lost). A row of no office ('') is spend a file holds as a copy of another file's, one thing whichever
    # office sends it (taken once), as every row was before this step: rows made before it stay so, and an
    # office's next export replaces them with its part. Rebuilt for the key (SQLite cannot change a UNIQUE
    # constraint); every row is kept. (A county's merged rows are kept as merged by the step's wrapper.)
    db.execute("ALTER TABLE fund_spend_summary RENAME TO _fund_spend_summary_before_offices")
    db.execute(
        """CREATE TABLE fund_spend_summary (
            id TEXT PRIMARY KEY,
            fund_id TEXT NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
            district_id TEXT REFERENCES districts(id),
            month TEXT NOT NULL,
            item TEXT NOT NULL,
            victims INTEGER NOT NULL,
            spend_lines INTEGER NOT NULL,
            amount_pence INTEGER NOT NULL,
            office_id TEXT NOT NULL DEFAULT '',
            UNIQUE (fund_id, district_id, month, item, office_id)
        ) STRICT"""
    )
    db.execute(
        """INSERT INTO fund_spend_summary (id, fund_id, district_id, month, item, victims, spend_lines, amount_pence)
        SELECT id, fund_id, district_id, month, item, victims, spend_lines, amount_pence
        FROM _fund_spend_summary_before_offices""")
    db.execute("DROP TABLE _fund_spend_summary_before_offices")


@migrations.step
def link_a_line_to_one_funders_share(db) -> None:
    # Session 70: a plan's "OPCC contribution to the IDVA service £20,000", where the project costs £60,000 shared by
    # three funders, could be linked to the project's whole cost only: its actual read £60,000 beside the £20,000
    # planned, an overspend of £40,000 that never was. A project's link may count one funder's share of it (measure
    # 'share', the funder named as the project's funding sources name it: they are words, not organisations). Rebuilt
    # for the CHECK constraints (SQLite cannot change one); every link is kept, and its index (the audit triggers are
    # made again by the step's wrapper).
    db.execute("ALTER TABLE budget_line_links RENAME TO _budget_line_links_before_shares")
    db.execute("DROP INDEX budget_line_links_line")
    db.execute(
        """CREATE TABLE budget_line_links (
            id TEXT PRIMARY KEY,
            line_id TEXT NOT NULL REFERENCES budget_lines(id) ON DELETE CASCADE,
            project_id TEXT REFERENCES projects(id) ON DELETE CASCADE,
            fund_id TEXT REFERENCES funds(id) ON DELETE CASCADE,
            case_id TEXT REFERENCES dhr_cases(id) ON DELETE CASCADE,
            measure TEXT NOT NULL DEFAULT 'cost' CHECK (measure IN ('cost', 'spend', 'contributions', 'share')),
            organisation_id TEXT REFERENCES organisations(id) ON DELETE CASCADE,
            funder TEXT NOT NULL DEFAULT '',
            CHECK ((project_id IS NOT NULL) + (fund_id IS NOT NULL) + (case_id IS NOT NULL) = 1),
            CHECK ((measure = 'share') = (funder <> '')),
            CHECK (measure <> 'share' OR (project_id IS NOT NULL AND organisation_id IS NULL))
        ) STRICT"""
    )
    db.execute(
        """INSERT INTO budget_line_links (id, line_id, project_id, fund_id, case_id, measure, organisation_id)
        SELECT id, line_id, project_id, fund_id, case_id, measure, organisation_id
        FROM _budget_line_links_before_shares""")
    db.execute("DROP TABLE _budget_line_links_before_shares")
    db.execute("CREATE INDEX budget_line_links_line ON budget_line_links(line_id)")
