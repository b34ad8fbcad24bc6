"""The Contests area: contests, events, rubrics, the roster, entries and judges."""
