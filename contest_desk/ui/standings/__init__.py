"""The Standings area: ranks, totals and awards of an event, refreshed as scores come in."""
