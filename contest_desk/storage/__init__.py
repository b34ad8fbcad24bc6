"""Persistence: SQLAlchemy 2 typed models, the engine and alembic migrations."""

# Registered on import: every session checks the texts it writes (see text_guard.py).
from contest_desk.storage import text_guard as text_guard
