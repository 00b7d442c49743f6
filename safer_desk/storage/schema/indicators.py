"""Schema of the indicators part of the file (its own migration set, applied after core).

Areas, indicators and targets have deterministic ids (reference_id) so the same
indicator matches across office files. Values are keyed UNIQUE(indicator_id,
area_id, period): the county merge relies on that to notice two offices claiming
one district's figures. Periods: "2016-04" (month), "2016-Q1" (quarter of the
financial year starting 2016), "2016/17" (financial year).
"""

from __future__ import annotations

from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.indicators")


@migrations.step
def create_indicator_tables(db) -> None:
    # An area an indicator is measured for: a district (same id as in districts), a partnership,
    # a county, or "Unknown area" for police rows with no LSOA.
    db.execute(
        """CREATE TABLE indicator_areas (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL CHECK (kind IN ('district', 'partnership', 'county', 'unknown')),
            ons_code TEXT,
            population INTEGER CHECK (population IS NULL OR population > 0)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE indicators (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL DEFAULT '',
            unit TEXT NOT NULL DEFAULT 'count' CHECK (unit IN ('count', 'percentage', 'rate')),
            rate_per INTEGER CHECK (rate_per IS NULL OR rate_per > 0),
            polarity TEXT NOT NULL DEFAULT 'lower' CHECK (polarity IN ('lower', 'higher', 'monitor')),
            frequency TEXT NOT NULL DEFAULT 'monthly' CHECK (frequency IN ('monthly', 'quarterly', 'annual')),
            source TEXT NOT NULL DEFAULT '',
            area_id TEXT REFERENCES indicator_areas(id),
            tolerance_pct REAL NOT NULL DEFAULT 5 CHECK (tolerance_pct >= 0),
            description TEXT NOT NULL DEFAULT '',
            sort_order INTEGER NOT NULL DEFAULT 0
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE indicator_values (
            id TEXT PRIMARY KEY,
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            period TEXT NOT NULL,
            value REAL,
            numerator REAL,
            denominator REAL CHECK (denominator IS NULL OR denominator >= 0),
            comment TEXT NOT NULL DEFAULT '',
            source TEXT NOT NULL DEFAULT '',
            UNIQUE (indicator_id, area_id, period)
        ) STRICT"""
    )
    db.execute("CREATE INDEX indicator_values_area ON indicator_values(area_id, period)")
    # One target per indicator, area and financial year: an annual figure, a threshold
    # ("no more than 28%"), or a cumulative monthly trajectory (rows of indicator_trajectory).
    db.execute(
        """CREATE TABLE indicator_targets (
            id TEXT PRIMARY KEY,
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            year TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('annual', 'trajectory', 'threshold')),
            value REAL,
            profile TEXT NOT NULL DEFAULT 'entered' CHECK (profile IN ('entered', 'even', 'seasonal')),
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (indicator_id, area_id, year)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE indicator_trajectory (
            id TEXT PRIMARY KEY,
            target_id TEXT NOT NULL REFERENCES indicator_targets(id) ON DELETE CASCADE,
            period TEXT NOT NULL,
            cumulative REAL NOT NULL,
            UNIQUE (target_id, period)
        ) STRICT"""
    )
    # Police.uk counts as imported, per force, month, district name as the file had it
    # (2011 or 2021 LSOA names: the old name stays visible) and crime type; area_id is the
    # current district it counts towards. Re-importing a force's month replaces its rows.
    db.execute(
        """CREATE TABLE police_counts (
            id TEXT PRIMARY KEY,
            force TEXT NOT NULL,
            month TEXT NOT NULL,
            source_district TEXT NOT NULL,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            crime_type TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 0),
            UNIQUE (force, month, source_district, crime_type)
        ) STRICT"""
    )
    db.execute("CREATE INDEX police_counts_area_month ON police_counts(area_id, month)")


@migrations.step
def move_police_counts_to_internal_table(db) -> None:
    # Police counts are raw imported data, re-derivable from the police.uk files, and an import of a
    # decade writes tens of thousands of them: they are kept (with the district names as the files had
    # them) but not audited or exported. The indicator figures made from them stay in indicator_values,
    # which is audited and exported.
    db.execute(
        """CREATE TABLE _police_counts (
            id TEXT PRIMARY KEY,
            force TEXT NOT NULL,
            month TEXT NOT NULL,
            source_district TEXT NOT NULL,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            crime_type TEXT NOT NULL,
            count INTEGER NOT NULL CHECK (count >= 0),
            UNIQUE (force, month, source_district, crime_type)
        ) STRICT"""
    )
    db.execute("INSERT INTO _police_counts SELECT * FROM police_counts")
    db.execute("DROP TABLE police_counts")
    db.execute("CREATE INDEX _police_counts_area_month ON _police_counts(area_id, month)")
    db.execute("CREATE INDEX _police_counts_month ON _police_counts(month, area_id, crime_type, count)")
    # An import recomputes the figures of the months it touched.
    db.execute("CREATE INDEX indicator_values_period ON indicator_values(period, source)")


@migrations.step
def key_police_counts_by_what_they_count(db) -> None:
    # The counts are found by (force, month, district as in the file, crime type) and nothing else:
    # keyed by that alone (WITHOUT ROWID) an import keeps two b-trees per row instead of four
    # (the text id, its UNIQUE twin and the area index went), which halves its writing time.
    db.execute(
        """CREATE TABLE _police_counts_keyed (
            force TEXT NOT NULL,
            month TEXT NOT NULL,
            source_district TEXT NOT NULL,
            crime_type TEXT NOT NULL,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            count INTEGER NOT NULL CHECK (count >= 0),
            PRIMARY KEY (force, month, source_district, crime_type)
        ) STRICT, WITHOUT ROWID"""
    )
    db.execute("INSERT INTO _police_counts_keyed(force, month, source_district, crime_type, area_id, count) "
               "SELECT force, month, source_district, crime_type, area_id, count FROM _police_counts")
    db.execute("DROP TABLE _police_counts")
    db.execute("ALTER TABLE _police_counts_keyed RENAME TO _police_counts")
    # The recompute of a month's figures reads only this index (month, area, type, count).
    db.execute("CREATE INDEX _police_counts_month ON _police_counts(month, area_id, crime_type, count)")



@migrations.step
def add_performance_framework(db) -> None:
    # Issue 14: the rest of the papers' performance framework. Self-contained: only adds columns with
    # defaults and new tables, so it can be ordered before or after other engineers' steps.
    #
    # Tolerance in points or relative to the target. Indicators already in a file keep "relative", the
    # way their RAG has been worked out so far (a RAG must not change silently on upgrade); new
    # percentage indicators default to points (services.indicators.save_indicator).
    db.execute("ALTER TABLE indicators ADD COLUMN tolerance_kind TEXT NOT NULL DEFAULT 'relative' "
               "CHECK (tolerance_kind IN ('relative', 'points'))")
    # Performance against a target, an activity count (measured, no target) or a milestone (a date).
    db.execute("ALTER TABLE indicators ADD COLUMN measure TEXT NOT NULL DEFAULT 'performance' "
               "CHECK (measure IN ('performance', 'activity', 'milestone'))")
    # What a period's figure covers: the period, the 12 months to it (rolling), or the state at that date.
    db.execute("ALTER TABLE indicators ADD COLUMN figure_basis TEXT NOT NULL DEFAULT 'period' "
               "CHECK (figure_basis IN ('period', 'rolling12', 'snapshot'))")
    # A target stated as "Tbc", or withdrawn (the date and why): kept, shown, never judged against.
    db.execute("ALTER TABLE indicator_targets ADD COLUMN status TEXT NOT NULL DEFAULT 'set' "
               "CHECK (status IN ('set', 'tbc', 'withdrawn'))")
    db.execute("ALTER TABLE indicator_targets ADD COLUMN withdrawn_on TEXT")
    db.execute("ALTER TABLE indicator_targets ADD COLUMN withdrawn_reason TEXT NOT NULL DEFAULT ''")
    # The figure a target is measured from ("from 88.75% (2009/10) to 90%"): one per indicator and area.
    db.execute(
        """CREATE TABLE indicator_baselines (
            id TEXT PRIMARY KEY,
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            period TEXT NOT NULL DEFAULT '',
            value REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (indicator_id, area_id)
        ) STRICT"""
    )
    # Figures of other areas to compare with: regional and national ("48% regional, 43% national"),
    # or a comparator area ("the Sussex average 8.70%"), for a period.
    db.execute(
        """CREATE TABLE indicator_benchmarks (
            id TEXT PRIMARY KEY,
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            period TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('regional', 'national', 'comparator')),
            name TEXT NOT NULL,
            value REAL NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (indicator_id, area_id, period, name)
        ) STRICT"""
    )
    # A milestone measure's target for a year is a date: "2012-08" (a month) or "2012-08-31".
    db.execute(
        """CREATE TABLE indicator_milestones (
            id TEXT PRIMARY KEY,
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            year TEXT NOT NULL,
            due TEXT NOT NULL,
            achieved_on TEXT,
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (indicator_id, area_id, year)
        ) STRICT"""
    )
    # A RAG stated before the year's figure is known, with what it rests on ("2011/12 Est. RAG G").
    db.execute(
        """CREATE TABLE indicator_estimates (
            id TEXT PRIMARY KEY,
            indicator_id TEXT NOT NULL REFERENCES indicators(id) ON DELETE CASCADE,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            year TEXT NOT NULL,
            rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green')),
            basis TEXT NOT NULL,
            stated_on TEXT,
            UNIQUE (indicator_id, area_id, year)
        ) STRICT"""
    )
    # The population a rate per 1,000 / 10,000 / 100,000 uses, per area and financial year, with its source.
    db.execute(
        """CREATE TABLE indicator_populations (
            id TEXT PRIMARY KEY,
            area_id TEXT NOT NULL REFERENCES indicator_areas(id),
            year TEXT NOT NULL,
            population INTEGER NOT NULL CHECK (population > 0),
            source TEXT NOT NULL DEFAULT '',
            UNIQUE (area_id, year)
        ) STRICT"""
    )


@migrations.step
def keep_police_vintages(db) -> None:
    # Public data is shared, not owned (issue 13): which download each force-month's counts came from.
    # Keyed by force and month like the counts (one vintage per force-month; a later file replaces it
    # whole), with no office and no random id, so two offices that imported the same file hold the same
    # row but for imported_at. file_sha256 (of the street file's bytes) is the vintage's identity;
    # download_newest_month, the newest month of the download it came in, tells a later download from an
    # earlier one; imported_at is when this file took it in.
    db.execute(
        """CREATE TABLE _police_vintages (
            force TEXT NOT NULL,
            month TEXT NOT NULL,
            file_name TEXT NOT NULL,
            file_sha256 TEXT NOT NULL,
            download_newest_month TEXT NOT NULL,
            rows INTEGER NOT NULL CHECK (rows >= 0),
            imported_at TEXT NOT NULL,
            PRIMARY KEY (force, month)
        ) STRICT, WITHOUT ROWID"""
    )
    # Counts imported before vintages were kept: from an unknown file, so any download replaces them.
    db.execute("INSERT INTO _police_vintages(force, month, file_name, file_sha256, download_newest_month, rows, "
               "imported_at) SELECT force, month, '', '', '', sum(count), '' FROM _police_counts "
               "GROUP BY force, month")
    # The import now reads counts by force and month (the key) and works the figures out in Python: the
    # index that served the old per-month recompute only slows each import's writing.
    db.execute("DROP INDEX IF EXISTS _police_counts_month")
