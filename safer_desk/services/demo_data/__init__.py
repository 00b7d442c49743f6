"""Example data for the demo file, one module per tab, each from the seed papers."""
