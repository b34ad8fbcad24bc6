"""Judging: marks, score sheets, checks of the marks, appeals and re-checks, standings."""
