"""Schema of the costs part of the file (its own migration set, applied after core).

Domestic Homicide Reviews (cases, stage dates, panel meetings, action plans, cost
lines, partners' shares and payments) and pooled funds (contributions, referrals
by pseudonymous reference, spend lines, an editable catalogue of items).
"""

from __future__ import annotations

import json
from datetime import date

from safer_desk.domain.clock import uk_day
from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.costs")

# Privacy (DESIGN §3, issue 7): tables with one row per victim (a referral) or per spend on a victim.
# The county export leaves them out unless the user ticks "include individual referrals", and writes
# the rows of the view FUND_SUMMARY_VIEW into the table FUND_SUMMARY_TABLE instead.
PRIVATE_TABLES: tuple[str, ...] = ("fund_referrals", "fund_spend_lines")
FUND_SUMMARY_TABLE = "fund_spend_summary"
FUND_SUMMARY_VIEW = "fund_spend_summary_live"
# The id of a summary row merged across months for small numbers (domain.disclosure: into the quarter, or the whole
# period) says the first and last month of its spend: "q:201804201806:" and its digest. Its spend is dated at one
# month of those; the county's forecast can tell whether that changes its burn rate (services.funds).
MOVED_MONTHS_ID = "q:"


def moved_months_id(first: str, last: str, digest: str) -> str:
    """The id of a summary row holding spend of the months first to last (YYYY-MM), dated at one of them."""
    return f"{MOVED_MONTHS_ID}{first.replace('-', '')}{last.replace('-', '')}:{digest[:20]}"


def moved_months(row_id: str) -> tuple[str, str] | None:
    """The first and last month (YYYY-MM) of a summary row merged across months; None for any other row."""
    if not row_id.startswith(MOVED_MONTHS_ID) or len(row_id) < len(MOVED_MONTHS_ID) + 13:
        return None
    span = row_id[len(MOVED_MONTHS_ID):len(MOVED_MONTHS_ID) + 12]
    if not span.isdigit():
        return None
    return f"{span[:4]}-{span[4:6]}", f"{span[6:10]}-{span[10:12]}"

# (stage, after, months, days): the default rules seeded into dhr_stage_rules (see domain.dhr).
DEFAULT_STAGE_RULES = (
    ("decision", "notification", 1, 0),
    ("home_office_told", "notification", 1, 0),
    ("chair_appointed", "decision", 1, 0),
    ("first_panel", "chair_appointed", 1, 0),
    ("qa_submitted", "decision", 6, 0),
    ("qa_letter", "qa_submitted", 2, 0),
    ("published", "qa_letter", 1, 0),
)


@migrations.step
def create_dhr_tables(db) -> None:
    db.execute(
        """CREATE TABLE costs_settings (
            id TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) STRICT"""
    )
    db.execute("INSERT INTO costs_settings(id, value) VALUES ('dhr_label', 'Domestic Homicide Review')")
    db.execute(
        """CREATE TABLE dhr_stage_rules (
            id TEXT PRIMARY KEY,
            after_stage TEXT NOT NULL,
            months INTEGER NOT NULL DEFAULT 0 CHECK (months >= 0),
            days INTEGER NOT NULL DEFAULT 0 CHECK (days >= 0)
        ) STRICT"""
    )
    for stage, after, months, days in DEFAULT_STAGE_RULES:
        db.execute("INSERT INTO dhr_stage_rules(id, after_stage, months, days) VALUES (?, ?, ?, ?)",
                   [stage, after, months, days])
    db.execute(
        """CREATE TABLE dhr_cases (
            id TEXT PRIMARY KEY,
            reference TEXT NOT NULL UNIQUE,
            kind TEXT NOT NULL DEFAULT 'review' CHECK (kind IN ('review', 'learning review')),
            district_id TEXT REFERENCES districts(id),
            partnership_id TEXT REFERENCES partnerships(id),
            lead_organisation_id TEXT REFERENCES organisations(id),
            decision TEXT NOT NULL DEFAULT 'pending' CHECK (decision IN ('pending', 'hold', 'not held')),
            notified_on TEXT,
            decision_on TEXT,
            home_office_told_on TEXT,
            chair_appointed_on TEXT,
            qa_submitted_on TEXT,
            qa_letter_on TEXT,
            published_on TEXT,
            workshop_on TEXT,
            split_rule TEXT NOT NULL DEFAULT 'equal' CHECK (split_rule IN ('equal', 'percentages', 'capped')),
            cap_organisation_id TEXT REFERENCES organisations(id),
            cap_percent_bp INTEGER NOT NULL DEFAULT 5000 CHECK (cap_percent_bp BETWEEN 0 AND 10000),
            cap_pence INTEGER CHECK (cap_pence IS NULL OR cap_pence >= 0),
            cap_category TEXT NOT NULL DEFAULT 'Independent chair/author',
            notes TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE dhr_panel_meetings (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            met_on TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            UNIQUE (case_id, met_on)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE dhr_recommendations (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            number INTEGER NOT NULL,
            text TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due_on TEXT,
            completed_on TEXT,
            UNIQUE (case_id, number)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE dhr_split_percentages (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            percent_bp INTEGER NOT NULL CHECK (percent_bp BETWEEN 0 AND 10000),
            UNIQUE (case_id, organisation_id)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE dhr_cost_lines (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            supplier TEXT NOT NULL DEFAULT '',
            invoice_ref TEXT NOT NULL DEFAULT '',
            invoiced_on TEXT,
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0)
        ) STRICT"""
    )
    db.execute("CREATE INDEX dhr_cost_lines_case ON dhr_cost_lines(case_id)")
    db.execute(
        """CREATE TABLE dhr_shares (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            kind TEXT NOT NULL DEFAULT 'share' CHECK (kind IN ('share', 're-split', 'carried')),
            source_share_id TEXT REFERENCES dhr_shares(id) ON DELETE CASCADE,
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
            invoice_ref TEXT NOT NULL DEFAULT '',
            invoiced_on TEXT,
            due_on TEXT,
            status TEXT NOT NULL DEFAULT 'invoiced' CHECK (status IN ('invoiced', 'refused', 'written off')),
            status_on TEXT,
            reason TEXT NOT NULL DEFAULT '',
            refusal_handling TEXT CHECK (refusal_handling IS NULL OR refusal_handling IN ('re-split', 'lead authority'))
        ) STRICT"""
    )
    db.execute("CREATE INDEX dhr_shares_case ON dhr_shares(case_id)")
    db.execute("CREATE INDEX dhr_shares_organisation ON dhr_shares(organisation_id)")
    db.execute("CREATE INDEX dhr_shares_source ON dhr_shares(source_share_id)")
    db.execute(
        """CREATE TABLE dhr_payments (
            id TEXT PRIMARY KEY,
            share_id TEXT NOT NULL REFERENCES dhr_shares(id) ON DELETE CASCADE,
            paid_on TEXT NOT NULL,
            amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
            reference TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute("CREATE INDEX dhr_payments_share ON dhr_payments(share_id)")


@migrations.step
def create_fund_tables(db) -> None:
    db.execute(
        """CREATE TABLE funds (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            purpose TEXT NOT NULL DEFAULT '',
            starts_on TEXT NOT NULL,
            ends_on TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
            risk_levels TEXT NOT NULL DEFAULT 'high',
            require_marac INTEGER NOT NULL DEFAULT 1 CHECK (require_marac IN (0, 1)),
            require_idva INTEGER NOT NULL DEFAULT 1 CHECK (require_idva IN (0, 1)),
            require_perpetrator_not_resident INTEGER NOT NULL DEFAULT 1
                CHECK (require_perpetrator_not_resident IN (0, 1)),
            CHECK (ends_on >= starts_on)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE fund_contributions (
            id TEXT PRIMARY KEY,
            fund_id TEXT NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
            received_on TEXT,
            note TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute("CREATE INDEX fund_contributions_fund ON fund_contributions(fund_id)")
    # The catalogue is shared by every fund; ids derive from the name so offices' catalogues match.
    db.execute(
        """CREATE TABLE fund_items (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            usual_price_pence INTEGER CHECK (usual_price_pence IS NULL OR usual_price_pence >= 0),
            supplier TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE fund_referrals (
            id TEXT PRIMARY KEY,
            fund_id TEXT NOT NULL REFERENCES funds(id) ON DELETE CASCADE,
            reference TEXT NOT NULL,
            district_id TEXT NOT NULL REFERENCES districts(id),
            referred_on TEXT NOT NULL,
            risk_level TEXT NOT NULL CHECK (risk_level IN ('high', 'medium', 'standard')),
            at_marac INTEGER NOT NULL CHECK (at_marac IN (0, 1)),
            idva_assigned INTEGER NOT NULL CHECK (idva_assigned IN (0, 1)),
            perpetrator_resident INTEGER NOT NULL CHECK (perpetrator_resident IN (0, 1)),
            override_reason TEXT NOT NULL DEFAULT '',
            UNIQUE (fund_id, reference)
        ) STRICT"""
    )
    db.execute(
        """CREATE TABLE fund_spend_lines (
            id TEXT PRIMARY KEY,
            referral_id TEXT NOT NULL REFERENCES fund_referrals(id) ON DELETE CASCADE,
            spent_on TEXT NOT NULL,
            item_id TEXT NOT NULL REFERENCES fund_items(id),
            supplier TEXT NOT NULL DEFAULT '',
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
            invoice_ref TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute("CREATE INDEX fund_spend_lines_referral ON fund_spend_lines(referral_id, spent_on)")
    db.execute("CREATE INDEX fund_spend_lines_item ON fund_spend_lines(item_id)")
    # What a county file receives instead of the private tables: one row per district, month and item.
    # A victim counts once, in the row of the first spend line made for their referral.
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
            UNIQUE (fund_id, district_id, month, item)
        ) STRICT"""
    )
    db.execute(
        """CREATE VIEW fund_spend_summary_live AS
        WITH lines AS (
            SELECT r.fund_id, r.district_id, substr(s.spent_on, 1, 7) AS month, i.name AS item, s.amount_pence,
                   ROW_NUMBER() OVER (PARTITION BY s.referral_id ORDER BY s.spent_on, i.name, s.id) AS nth
            FROM fund_spend_lines s
            JOIN fund_referrals r ON r.id = s.referral_id
            JOIN fund_items i ON i.id = s.item_id
        )
        SELECT fund_id || '|' || coalesce(district_id, '') || '|' || month || '|' || item AS id,
               fund_id, district_id, month, item,
               sum(CASE WHEN nth = 1 THEN 1 ELSE 0 END) AS victims,
               count(*) AS spend_lines,
               sum(amount_pence) AS amount_pence
        FROM lines
        GROUP BY fund_id, district_id, month, item"""
    )


@migrations.step
def add_fund_spend_keyed_to(db) -> None:
    # Issue 14: the date up to which a fund's spend is fully keyed. Months after it are incomplete and are
    # left out of the burn rate (and said to be), so part-keyed spend cannot silently move the run-out.
    db.execute("ALTER TABLE funds ADD COLUMN spend_keyed_to TEXT")


@migrations.step
def add_dhr_first_billed_on(db) -> None:
    # The day a review's partners were first billed for its costs: its costs are shared among the statutory partners
    # on that day. Kept on the review, since billing again with another split deletes the invoices it cancels. Filled
    # from the review's invoices for its costs and those a billing again deleted (the audit trail: an action that
    # deleted some of the review's invoices and billed it anew), not those an undone billing took away, nor those
    # billed before the review's billing was last taken away whole.
    # (A county's merged reviews are kept as merged by the step's wrapper: storage.store._with_audit_triggers.)
    db.execute("ALTER TABLE dhr_cases ADD COLUMN first_billed_on TEXT")
    db.execute(
        """UPDATE dhr_cases SET first_billed_on = (
            SELECT min(day) FROM (
                SELECT invoiced_on AS day FROM dhr_shares WHERE case_id = dhr_cases.id AND kind = 'share'
                UNION ALL
                SELECT json_extract(gone.old_value, '$.invoiced_on') FROM audit_log gone
                WHERE gone.table_name = 'dhr_shares' AND gone.action = 'delete' AND json_valid(gone.old_value)
                  AND json_extract(gone.old_value, '$.case_id') = dhr_cases.id
                  AND json_extract(gone.old_value, '$.kind') = 'share' AND gone.action_id IS NOT NULL
                  AND EXISTS (SELECT 1 FROM audit_log billed WHERE billed.action_id = gone.action_id
                              AND billed.table_name = 'dhr_shares' AND billed.action = 'insert'
                              AND json_valid(billed.new_value)
                              AND json_extract(billed.new_value, '$.case_id') = dhr_cases.id
                              AND json_extract(billed.new_value, '$.kind') = 'share')
                  -- not before the review's billing was last taken away whole (an undone billing: shares deleted,
                  -- none billed in their place); what was billed before that was never the billing that stands
                  AND NOT EXISTS (SELECT 1 FROM audit_log emptied WHERE emptied.id > gone.id
                                  AND emptied.table_name = 'dhr_shares' AND emptied.action = 'delete'
                                  AND json_valid(emptied.old_value)
                                  AND json_extract(emptied.old_value, '$.case_id') = dhr_cases.id
                                  AND json_extract(emptied.old_value, '$.kind') = 'share'
                                  AND emptied.action_id IS NOT NULL
                                  AND NOT EXISTS (SELECT 1 FROM audit_log dropped
                                                  WHERE dropped.action_id = emptied.action_id
                                                  AND dropped.table_name = 'dhr_cases' AND dropped.action = 'delete'
                                                  AND dropped.row_id = dhr_cases.id)
                                  AND NOT EXISTS (SELECT 1 FROM audit_log again
                                                  WHERE again.action_id = emptied.action_id
                                                  AND again.table_name = 'dhr_shares' AND again.action = 'insert'
                                                  AND json_valid(again.new_value)
                                                  AND json_extract(again.new_value, '$.case_id') = dhr_cases.id
                                                  AND json_extract(again.new_value, '$.kind') = 'share'))))
        WHERE EXISTS (SELECT 1 FROM dhr_shares WHERE case_id = dhr_cases.id AND kind = 'share')"""
    )


@migrations.step
def create_dhr_refunds(db) -> None:
    # A partner that paid more than its share of a review (billed again with another split after it paid) is owed
    # the difference back: a refund gives it back. It is the partner's on the review, not on one invoice (what it
    # overpaid spans its invoices), so it names the review and the partner. A file made before this step has no
    # refund: an overpayment said in an invoice's Reason reads as it did, still owed to the partner.
    db.execute(
        """CREATE TABLE dhr_refunds (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            refunded_on TEXT NOT NULL,
            amount_pence INTEGER NOT NULL CHECK (amount_pence > 0),
            reference TEXT NOT NULL DEFAULT ''
        ) STRICT"""
    )
    db.execute("CREATE INDEX dhr_refunds_case ON dhr_refunds(case_id, organisation_id)")


@migrations.step
def create_dhr_withdrawn_invoices(db) -> None:
    # Billing a review again with another split deletes the invoices nothing was paid on and lowers a part-paid one to
    # what was paid: the ledger read as at a day before it showed them as never billed. Each is kept here as it was
    # sent, with the day it was withdrawn: a withdrawn one (share_id NULL: its dhr_shares row is gone) whole, and one
    # closed at what was paid (share_id: the invoice, which stays) with the amount it was closed at. A file made
    # before this step holds none: its reviews billed again before it read as at an earlier day as they did.
    db.execute(
        """CREATE TABLE dhr_withdrawn_invoices (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            organisation_id TEXT NOT NULL REFERENCES organisations(id),
            share_id TEXT REFERENCES dhr_shares(id) ON DELETE CASCADE,
            invoice_ref TEXT NOT NULL DEFAULT '',
            invoiced_on TEXT,
            due_on TEXT,
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
            withdrawn_on TEXT NOT NULL,
            closed_at_pence INTEGER CHECK (closed_at_pence IS NULL OR closed_at_pence BETWEEN 0 AND amount_pence),
            CHECK ((share_id IS NULL) = (closed_at_pence IS NULL))
        ) STRICT"""
    )
    db.execute("CREATE INDEX dhr_withdrawn_invoices_case ON dhr_withdrawn_invoices(case_id)")
    db.execute("CREATE INDEX dhr_withdrawn_invoices_share ON dhr_withdrawn_invoices(share_id)")


@migrations.step
def create_dhr_deleted_cost_lines(db) -> None:
    # A cost line deleted (keyed in error, a cost withdrawn) was gone from the review as at any day before too: its
    # cost as at a day it stood read short of what the screen showed then (a billed one counted only as "Taken off
    # since", by what its partners had been billed). Each is kept here as it was, with the day it was deleted; only
    # reads as at a day before that use it. A file made before this step has them from its audit trail: each line as
    # its delete recorded it, with the day it was in the UK when deleted (the trail's time is UTC), not one whose
    # review is gone, that an undo put back (inserted again since) or took away (its adding undone), or that a county's
    # conflict decision took away (the office's export brings it). What the trail cannot give (a repaired or damaged
    # trail) is not invented: services.dhr.deleted_lines_unkept says which reviews had such lines.
    db.execute(
        """CREATE TABLE dhr_deleted_cost_lines (
            id TEXT PRIMARY KEY,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            supplier TEXT NOT NULL DEFAULT '',
            invoice_ref TEXT NOT NULL DEFAULT '',
            invoiced_on TEXT,
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
            deleted_on TEXT NOT NULL
        ) STRICT"""
    )
    db.execute("CREATE INDEX dhr_deleted_cost_lines_case ON dhr_deleted_cost_lines(case_id)")
    _keep_lines_deleted_before(db.conn)


def _iso_day(text) -> date | None:
    try:
        return date.fromisoformat(text) if isinstance(text, str) else None
    except ValueError:
        return None


def _keep_lines_deleted_before(conn) -> None:
    """Fill dhr_deleted_cost_lines from the audit trail of an earlier Safer Desk (create_dhr_deleted_cost_lines): not a
    line keyed in on the day it was deleted (``stood_the_day_before``), as delete_cost_line keeps none now."""
    found = conn.execute(
        """SELECT a.id, a.row_id, a.old_value, a.at,
            -- deleted as the review was billed again without it (the same action billed it, or withdrew its
            -- invoices): on the billing's day, as delete_cost_line keeps it now
            (SELECT max(json_extract(b.new_value, CASE b.table_name WHEN 'dhr_shares' THEN '$.invoiced_on'
                                                     ELSE '$.withdrawn_on' END)) FROM audit_log b
             WHERE a.action_id IS NOT NULL AND b.action_id = a.action_id AND b.action = 'insert'
               AND (b.table_name = 'dhr_shares' OR b.table_name = 'dhr_withdrawn_invoices') AND json_valid(b.new_value)
               AND json_extract(b.new_value, '$.case_id') = json_extract(a.old_value, '$.case_id')) AS billed_on
        FROM audit_log a
        WHERE a.table_name = 'dhr_cost_lines' AND a.action = 'delete' AND json_valid(a.old_value)
          -- its last delete, and not put back since (an undo inserts the row again, with its id)
          AND NOT EXISTS (SELECT 1 FROM audit_log later WHERE later.table_name = 'dhr_cost_lines'
                          AND later.row_id = a.row_id AND later.id > a.id AND later.action IN ('insert', 'delete'))
          AND NOT EXISTS (SELECT 1 FROM dhr_cost_lines l WHERE l.id = a.row_id)
          -- not one a county's conflict decision took away ("Keep Babergh office's version: ...", or its redo): the
          -- office deleted it, and its export brings the line as it deleted it, as a decision leaves it now
          AND coalesce(a.action_label, '') NOT LIKE 'Keep %' AND coalesce(a.action_label, '') NOT LIKE 'Redo Keep %'
          -- nor one an undo took away (its adding undone: never a cost of the review, as an undo leaves it now)
          AND coalesce(a.action_label, '') NOT LIKE 'Undo %'
          AND EXISTS (SELECT 1 FROM dhr_cases c WHERE c.id = json_extract(a.old_value, '$.case_id'))
        ORDER BY a.id""").fetchall()
    kept = []
    for entry_id, row_id, old_value, at, billed_on in found:
        line, day = json.loads(old_value), _iso_day(billed_on) or uk_day(at)
        if stood_the_day_before(line_entries(conn, row_id, before=entry_id), line, day or date.max) is None:
            continue  # keyed in the day it was deleted (keyed twice, put right at once): it stood at the end of no day
        amount, category = line.get("amount_pence"), line.get("category")
        if (day is None or line.get("id", row_id) != row_id or not isinstance(amount, int) or isinstance(amount, bool)
                or amount < 0 or not isinstance(category, str) or not category):
            continue  # not as this program wrote it: left unkept (and said to be), not guessed at
        kept.append((row_id, line["case_id"], category, *(str(line.get(c) or "") for c in
                                                           ("description", "supplier", "invoice_ref")),
                     line.get("invoiced_on") or None, amount, day.isoformat()))
    conn.executemany("INSERT INTO dhr_deleted_cost_lines(id, case_id, category, description, supplier, invoice_ref, "
                     "invoiced_on, amount_pence, deleted_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", kept)


@migrations.step
def create_dhr_cost_line_versions(db) -> None:
    # A cost line corrected (its amount, date, description …) read as corrected as at any day before too: the review's
    # cost as at a day before the correction was not what the screen showed then. Each version a correction replaced
    # is kept here as it was, with the day it was replaced (the line as at a day before that is the first version
    # replaced after the day); only reads as at a day before it use it. A line corrected twice on one day keeps the
    # version that stood before the first correction (UNIQUE: that is what stood at the end of the day before).
    # line_id names the line in dhr_cost_lines, or in dhr_deleted_cost_lines once it is deleted (no foreign key).
    # A file made before this step has them from its audit trail (``_keep_versions_before``).
    db.execute(
        """CREATE TABLE dhr_cost_line_versions (
            id TEXT PRIMARY KEY,
            line_id TEXT NOT NULL,
            case_id TEXT NOT NULL REFERENCES dhr_cases(id) ON DELETE CASCADE,
            category TEXT NOT NULL,
            description TEXT NOT NULL DEFAULT '',
            supplier TEXT NOT NULL DEFAULT '',
            invoice_ref TEXT NOT NULL DEFAULT '',
            invoiced_on TEXT,
            amount_pence INTEGER NOT NULL CHECK (amount_pence >= 0),
            replaced_on TEXT NOT NULL,
            UNIQUE (line_id, replaced_on)
        ) STRICT"""
    )
    db.execute("CREATE INDEX dhr_cost_line_versions_case ON dhr_cost_line_versions(case_id)")
    _keep_versions_before(db.conn)


LINE_COLUMNS = ("category", "description", "supplier", "invoice_ref", "invoiced_on", "amount_pence")


def line_entries(conn, line_id: str, *, before: int | None = None) -> list[tuple]:
    """A cost line's entries in the audit trail (before the entry id ``before``), oldest first, as
    ``stood_the_day_before`` walks them: (action, column_name, old_value, at)."""
    return conn.execute("SELECT action, column_name, old_value, at FROM audit_log WHERE table_name = 'dhr_cost_lines' "
                        "AND row_id = ?1 AND action IN ('insert', 'update', 'delete') AND (?2 IS NULL OR id < ?2) "
                        "ORDER BY id", (line_id, before)).fetchall()


def stood_the_day_before(entries: list[tuple], line: dict, day: date) -> dict | None:
    """The cost line as it stood at the end of the day before ``day`` (None: not in the file then), from ``line`` (as
    it was just before a change of ``day``: the day it is kept with) and its entries before the change
    (``line_entries``), walking back those made that day (the UK day of the trail's time). A line with no entries
    stood as it is (made before the trail), as does one last written on another day (a correction dated the day it
    billed the partners again, before it was made). A correction or deletion keeps the line as it was only when it
    stood so at the end of a day before the change: keyed in and put right on one day (keyed twice, £135 keyed as
    £13,500), it never stood."""
    state: dict | None = dict(line)
    for action, column, old, at in reversed(entries):
        made = uk_day(at)
        if made != day:
            break
        if action == "insert":
            state = None
        elif action == "delete":
            try:
                state = json.loads(old) if isinstance(old, str) else None
            except ValueError:
                state = None
        elif state is not None and column in LINE_COLUMNS:
            state[column] = old
    return state


def same_line(one: dict | None, other: dict | None) -> bool:
    """The two hold the same cost line values (LINE_COLUMNS; no text and None alike)."""
    if one is None or other is None:
        return False
    return all((one.get(c) if c == "amount_pence" else one.get(c) or "")
               == (other.get(c) if c == "amount_pence" else other.get(c) or "") for c in LINE_COLUMNS)


def _keep_versions_before(conn) -> None:
    conn.executemany("INSERT OR IGNORE INTO dhr_cost_line_versions(id, line_id, case_id, category, description, "
                     "supplier, invoice_ref, invoiced_on, amount_pence, replaced_on) "
                     "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", _versions_from_trail(conn))


def _versions_from_trail(conn, *, recorded_by: str | None = None) -> list[tuple]:
    """The versions _keep_versions_before keeps, as rows of dhr_cost_line_versions; with ``recorded_by`` (an audit
    entry's time) only from the corrections recorded by then (the ids right, not the values: a later correction is
    not walked back).

    Fill dhr_cost_line_versions from the audit trail of an earlier Safer Desk (create_dhr_cost_line_versions).

    An update of a cost line is recorded as one entry per changed column with its old value: walking a line's
    updates back from the line as it is now (or as it was deleted) gives each version before each correction. Kept:
    the version before each correction that stands, on the day the same action billed the partners again (as
    update_cost_line keeps it now) or else the day it was in the UK when it was made; not one an Undo took back (the
    undo's update and the correction it undid cancel out, as this program's undo takes the kept version away), nor a
    county's conflict decision ("Keep …'s version": the office's export brings its own versions), nor one that stood
    at the end of no day before the correction (``stood_the_day_before``: keyed in and corrected on one day)."""
    lines = {r[0]: dict(zip(("case_id", *LINE_COLUMNS), r[1:])) for r in conn.execute(
        "SELECT id, case_id, category, description, supplier, invoice_ref, invoiced_on, amount_pence "
        "FROM dhr_cost_lines UNION ALL SELECT id, case_id, category, description, supplier, invoice_ref, invoiced_on, "
        "amount_pence FROM dhr_deleted_cost_lines WHERE id NOT IN (SELECT id FROM dhr_cost_lines)")}
    groups: dict[str, list[dict]] = {}  # line -> its corrections in order, each its entries
    for entry_id, row_id, column, old, at, action_id, label, billed_on in conn.execute(
            """SELECT a.id, a.row_id, a.column_name, a.old_value, a.at, a.action_id, coalesce(a.action_label, ''),
                (SELECT max(json_extract(b.new_value, CASE b.table_name WHEN 'dhr_shares' THEN '$.invoiced_on'
                                                         ELSE '$.withdrawn_on' END)) FROM audit_log b
                 WHERE a.action_id IS NOT NULL AND b.action_id = a.action_id AND b.action = 'insert'
                   AND b.table_name IN ('dhr_shares', 'dhr_withdrawn_invoices') AND json_valid(b.new_value)
                   AND json_extract(b.new_value, '$.case_id') = l.case_id) AS billed_on
            FROM audit_log a JOIN (SELECT id, case_id FROM dhr_cost_lines UNION
                                   SELECT id, case_id FROM dhr_deleted_cost_lines) l ON l.id = a.row_id
            WHERE a.table_name = 'dhr_cost_lines' AND a.action = 'update' AND (?1 IS NULL OR a.at <= ?1)
            ORDER BY a.id""", (recorded_by,)):
        if row_id not in lines:
            continue
        found = groups.setdefault(row_id, [])
        key = action_id if action_id is not None else at
        if not found or found[-1]["key"] != key:
            found.append({"key": key, "label": label, "day": _iso_day(billed_on) or uk_day(at), "old": []})
        found[-1]["old"].append((entry_id, column, old))
    kept = []
    for line_id, corrections in groups.items():
        state = dict(lines[line_id])
        before = []
        for correction in reversed(corrections):  # each correction's version: the line with its old values
            for _, column, old in reversed(correction["old"]):
                if column in state:
                    state[column] = old
            before.append(dict(state))
        before.reverse()
        standing: list[int] = []
        undone: list[int] = []
        for n, correction in enumerate(corrections):
            label = correction["label"].casefold()  # "Undo change the …" of "Change the …" (lower_first)
            if label.startswith("undo "):
                _move_last(corrections, standing, undone, label[len("undo "):])
            elif label.startswith("redo ") and not label.startswith("redo keep "):
                _move_last(corrections, undone, standing, label[len("redo "):])
            else:
                standing.append(n)
        entries = None
        for n in sorted(standing):
            version, day = before[n], corrections[n]["day"]
            if corrections[n]["label"].casefold().startswith(("keep ", "redo keep ")) or day is None:
                continue
            if entries is None:
                entries = conn.execute("SELECT id, action, column_name, old_value, at FROM audit_log "
                                       "WHERE table_name = 'dhr_cost_lines' AND row_id = ? "
                                       "AND action IN ('insert', 'update', 'delete') ORDER BY id",
                                       (line_id,)).fetchall()
            first = corrections[n]["old"][0][0]
            if not same_line(stood_the_day_before([e[1:] for e in entries if e[0] < first], version, day), version):
                continue  # it stood at the end of no day before the correction (keyed in and put right that day)
            amount, category = version.get("amount_pence"), version.get("category")
            if (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0 or not isinstance(category, str)
                    or not category):
                continue  # not as this program wrote it: left unkept, not guessed at
            kept.append((f"{line_id}@{day.isoformat()}", line_id, version["case_id"], category,
                         *(str(version.get(c) or "") for c in ("description", "supplier", "invoice_ref")),
                         version.get("invoiced_on") or None, amount, day.isoformat()))
    return kept


def _move_last(corrections: list[dict], source: list[int], target: list[int], label: str) -> None:
    """An Undo (or Redo) of the action ``label`` (casefolded): the last correction of it standing (undone) moves."""
    for i in range(len(source) - 1, -1, -1):
        if corrections[source[i]]["label"].casefold() in (label, f"redo {label}"):
            target.append(source.pop(i))
            return


# A version is written by a correction (update_cost_line, its undo or redo: its own insert entry in the trail, and
# the last entry for it an insert), or, in a file made before the step, by the upgrade from the line's corrections
# recorded before it (_keep_versions_before: no insert entry of its own). A county file's merged ones came in a batch.
_VERSIONS_NOT_INSERTED = """
    SELECT v.id, c.reference, v.category, v.invoice_ref, v.amount_pence, v.replaced_on
    FROM dhr_cost_line_versions v LEFT JOIN dhr_cases c ON c.id = v.case_id
    WHERE coalesce((SELECT a.action FROM audit_log a
                    WHERE a.table_name = 'dhr_cost_line_versions' AND a.row_id = v.id
                      AND a.action IN ('insert', 'delete') ORDER BY a.id DESC LIMIT 1), '') != 'insert'
    ORDER BY c.reference, v.replaced_on, v.id"""


def versions_gap_repaired(conn) -> str | None:
    """When (the audit trail's UTC time) a repair recorded that the recording of new versions had been switched off or
    altered (storage.audit.repair: "dhr_cost_line_versions: the audit trigger for inserts is missing"): a version no
    correction made was put in then, and the gap is in the trail. None when no repair recorded it."""
    row = conn.execute("SELECT min(at) FROM audit_log WHERE action = 'event' AND column_name = 'repair' "
                       "AND new_value LIKE '%dhr_cost_line_versions: the audit trigger for inserts is %'").fetchone()
    return row[0] if row else None


def versions_unrecorded(conn) -> list[tuple]:
    """Cost lines' earlier versions (dhr_cost_line_versions) no correction in the audit trail made: put into the file
    outside Safer Desk. Each (review reference, category, invoice reference, amount_pence, replaced_on)."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if not {"dhr_cost_line_versions", "audit_log", "_sqlite_migrations"} <= tables:
        return []
    if conn.execute("SELECT 1 FROM audit_log WHERE action = 'batch' AND new_value LIKE '%dhr_cost_line_versions%' "
                    "LIMIT 1").fetchone():
        return []  # merged at the county: a batch is one entry, not one per row
    found = conn.execute(_VERSIONS_NOT_INSERTED).fetchall()
    if not found:
        return []
    applied = conn.execute("SELECT applied_at FROM _sqlite_migrations WHERE migration_set = 'safer_desk.costs' "
                           "AND name = 'create_dhr_cost_line_versions'").fetchone()
    upgraded: set[str] = set()
    if applied and isinstance(applied[0], str):  # the trail's times ("2026-12-07T05:26:52.729Z") to the second
        upgraded = {v[0] for v in _versions_from_trail(conn, recorded_by=applied[0][:19].replace(" ", "T") + "Z")}
    return [tuple(r[1:]) for r in found if r[0] not in upgraded]


@migrations.step
def add_dhr_safeguarding_board(db) -> None:
    # A Single Unified Safeguarding Review (Wales) is commissioned by a Regional Safeguarding Board, whose chair
    # decides whether it is held (gov.wales SUSR guidance): the board that commissioned a review, by its name as the
    # office writes it ("Gwent Safeguarding Board"); blank for a review no board commissioned (a DHR in England).
    db.execute("ALTER TABLE dhr_cases ADD COLUMN safeguarding_board TEXT NOT NULL DEFAULT ''")
