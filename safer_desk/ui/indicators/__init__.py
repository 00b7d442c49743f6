"""The Indicators tab."""
