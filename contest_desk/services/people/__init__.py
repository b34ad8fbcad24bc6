"""People: the roster of competitors and units, and the accounts that log in."""
