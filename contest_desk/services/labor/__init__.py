"""Labor competitions: teams' production results per phase, and their standings."""
