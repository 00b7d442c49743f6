"""The Allocation tab."""
