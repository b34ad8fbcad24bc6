"""The rules of Contest Desk in plain Python: no Qt, no SQLAlchemy."""
