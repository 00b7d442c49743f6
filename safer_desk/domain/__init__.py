"""Pure domain rules: money, periods and the rules of each tab. No Qt, no SQLite, no file I/O."""
