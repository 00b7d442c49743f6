"""The Costs tab."""
