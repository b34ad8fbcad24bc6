"""Use cases: the only way to change data. One transaction per action, with an audit row."""
