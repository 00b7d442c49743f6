"""The SQLite file: open, check, migrate, back up, lock, audit."""
