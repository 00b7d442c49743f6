"""The widget kit every tab is built from: one table model and sort proxy, one table view, one form,
one date field, one undo shape. See docs/architecture.md for the API and examples."""
