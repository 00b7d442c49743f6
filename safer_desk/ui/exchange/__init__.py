"""County exchange: export, merge and the board report."""
