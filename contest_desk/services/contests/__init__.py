"""Contests and their set-up: events, rounds, the draw, judges' panels, contest files."""
