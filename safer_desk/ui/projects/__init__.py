"""The Projects tab."""
