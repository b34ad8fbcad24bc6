"""Plain records that services hand to the front ends and reports: no SQLAlchemy."""
