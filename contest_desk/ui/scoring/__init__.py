"""The Scoring area: a judge's grid of marks, typed with the keyboard and saved at once."""
