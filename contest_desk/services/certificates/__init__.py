"""Certificates: templates, issuing, sealing and verifying."""
