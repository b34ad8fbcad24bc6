"""The innovation ledger: studios, achievements, benefits, attachments and meetings."""
