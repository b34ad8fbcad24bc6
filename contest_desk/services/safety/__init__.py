"""Safety of the records: the audit trail, its anchors, the desk's key and backups."""
