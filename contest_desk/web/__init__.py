"""The scoring hub: pages for judges' phones and the hall's screen, served over the LAN."""
