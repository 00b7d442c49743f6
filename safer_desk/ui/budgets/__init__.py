"""The Budgets tab: plans, lines by section and year, computed and printed totals."""
