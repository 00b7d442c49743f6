"""Schema of the costs part of the file (its own migration set, applied after core)."""

from __future__ import annotations

from safer_desk.storage.schema import MigrationSet

migrations = MigrationSet("safer_desk.costs")

# Privacy (DESIGN §3, issue 7): tables with one row per victim (a referral) or per spend on a victim.
# The county export leaves them out unless the user ticks "include individual referrals", and writes
# the rows of the view FUND_SUMMARY_VIEW into the table FUND_SUMMARY_TABLE instead.
PRIVATE_TABLES: tuple[str, ...] = ()
FUND_SUMMARY_TABLE = "fund_spend_summary"
FUND_SUMMARY_VIEW = "fund_spend_summary_live"
