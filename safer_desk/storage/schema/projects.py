"""Schema of the projects part of the file (its own migration set, applied after core)."""

from __future__ import annotations

from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.projects")

_CRITERION = "TEXT NOT NULL DEFAULT '' CHECK ({0} IN ('', 'yes', 'no', 'unknown'))"


@migrations.step
def create_project_register(db) -> None:
    criteria = ",\n            ".join(
        f"{key} {_CRITERION.format(key)},\n            {key}_note TEXT NOT NULL DEFAULT ''"
        for key in ("laa_outcome", "csp_priority", "cross_cutting", "additional", "innovative")
    )
    db.execute(
        f"""CREATE TABLE projects (
            id TEXT PRIMARY KEY,
            ref TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL CHECK (title <> ''),
            description TEXT NOT NULL DEFAULT '',
            lead_organisation TEXT NOT NULL DEFAULT '',
            areas TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'shortlisted', 'commissioned',
                'live', 'completed', 'declined', 'withdrawn')),
            funding_route TEXT NOT NULL DEFAULT '',
            cost_kind TEXT CHECK (cost_kind IN ('amount', 'range', 'minimum')),
            cost_min_pence INTEGER CHECK (cost_min_pence >= 0),
            cost_max_pence INTEGER CHECK (cost_max_pence >= cost_min_pence),
            cost_note TEXT NOT NULL DEFAULT '',
            start_date TEXT,
            end_date TEXT,
            capital_pence INTEGER CHECK (capital_pence >= 0),
            revenue_pence INTEGER CHECK (revenue_pence >= 0),
            {criteria},
            outcomes TEXT NOT NULL DEFAULT '',
            priorities TEXT NOT NULL DEFAULT '',
            indicators TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT"""
    )
    db.execute("CREATE INDEX projects_status ON projects(status)")
    db.execute(
        """CREATE TABLE project_officers (
            id TEXT PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            name TEXT NOT NULL CHECK (name <> ''),
            role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            UNIQUE (project_id, position)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE project_status_history (
            id TEXT PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('proposed', 'shortlisted', 'commissioned', 'live', 'completed',
                'declined', 'withdrawn')),
            changed_on TEXT,
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (project_id, position)
        ) STRICT"""
    )
    # Match funding: each source with its amount, or the paper's words when the amount is not known ("Tbc").
    db.execute(
        """CREATE TABLE project_funding_sources (
            id TEXT PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            source TEXT NOT NULL CHECK (source <> ''),
            amount_pence INTEGER CHECK (amount_pence >= 0),
            amount_note TEXT NOT NULL DEFAULT '',
            UNIQUE (project_id, position)
        ) STRICT"""
    )
    # amount_text is kept as written; a line that cannot be read safely ("£3.250") has no pence and is queried.
    db.execute(
        """CREATE TABLE project_cost_lines (
            id TEXT PRIMARY KEY,
            project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            financial_year TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL DEFAULT '',
            amount_text TEXT NOT NULL,
            min_pence INTEGER CHECK (min_pence >= 0),
            max_pence INTEGER CHECK (max_pence >= min_pence),
            UNIQUE (project_id, position)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE commissioning_scenarios (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            fund_pence INTEGER NOT NULL CHECK (fund_pence >= 0),
            fund_label TEXT NOT NULL DEFAULT '',
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE scenario_items (
            id TEXT PRIMARY KEY,
            scenario_id TEXT NOT NULL REFERENCES commissioning_scenarios(id) ON DELETE CASCADE,
            project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
            scale_numerator INTEGER NOT NULL DEFAULT 1 CHECK (scale_numerator >= 0),
            scale_denominator INTEGER NOT NULL DEFAULT 1 CHECK (scale_denominator > 0),
            scale_in_months INTEGER NOT NULL DEFAULT 0 CHECK (scale_in_months IN (0, 1)),
            UNIQUE (scenario_id, project_id)
        ) STRICT"""
    )
    db.execute("CREATE INDEX scenario_items_project ON scenario_items(project_id)")


@migrations.step
def add_funders_awards_and_shares(db) -> None:
    # Issue 14: an award belongs to a funder (Plymouth's PCC award of £400,568 a year, seed 003), with an
    # amount per financial year and, where the paper gives one, a revenue/capital split (seed 000: the
    # 2009/10 retained budget, approximately 69% revenue and 31% capital).
    db.execute(
        """CREATE TABLE funding_awards (
            id TEXT PRIMARY KEY,
            funder TEXT NOT NULL CHECK (funder <> ''),
            name TEXT NOT NULL UNIQUE CHECK (name <> ''),
            total_pence INTEGER CHECK (total_pence >= 0),
            first_year TEXT NOT NULL DEFAULT '',
            last_year TEXT NOT NULL DEFAULT '',
            conditions TEXT NOT NULL DEFAULT '',
            revenue_bp INTEGER CHECK (revenue_bp BETWEEN 0 AND 10000),
            capital_bp INTEGER CHECK (capital_bp BETWEEN 0 AND 10000),
            notes TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            CHECK ((revenue_bp IS NULL AND capital_bp IS NULL) OR revenue_bp + capital_bp = 10000)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE funding_award_years (
            id TEXT PRIMARY KEY,
            award_id TEXT NOT NULL REFERENCES funding_awards(id) ON DELETE CASCADE,
            financial_year TEXT NOT NULL CHECK (financial_year <> ''),
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
            UNIQUE (award_id, financial_year)
        ) STRICT"""
    )
    # A project's funding by funder and year: the funder's share of its total ('' = no year stated).
    db.execute("ALTER TABLE project_funding_sources ADD COLUMN financial_year TEXT NOT NULL DEFAULT ''")
    # A scenario may be against an award (then each project counts its funder's share only, for the
    # award's year), and says which end of a cost range it counts.
    db.execute("ALTER TABLE commissioning_scenarios ADD COLUMN award_id TEXT "
               "REFERENCES funding_awards(id) ON DELETE SET NULL")
    db.execute("ALTER TABLE commissioning_scenarios ADD COLUMN award_year TEXT NOT NULL DEFAULT ''")
    db.execute("ALTER TABLE commissioning_scenarios ADD COLUMN range_end TEXT NOT NULL DEFAULT 'upper' "
               "CHECK (range_end IN ('upper', 'lower'))")


@migrations.step
def keep_a_scale_typed_as_an_amount(db) -> None:
    # Session 53: "£50,000" typed as a project's scale on Commissioning was kept as the fraction it was of the
    # figure counted then (12500/15593 of the range's upper end), so the amount committed moved, without a word,
    # when the scenario counted the lower end or the funder's share was corrected. The amount is kept too.
    db.execute("ALTER TABLE scenario_items ADD COLUMN scale_amount_pence INTEGER "
                "CHECK (scale_amount_pence IS NULL OR scale_amount_pence >= 0)")
