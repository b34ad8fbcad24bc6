"""The user guide (使用手册) in a help window, and the About box."""
