"""Challenge boards (打擂): the ladder, its log, its views and imports."""
