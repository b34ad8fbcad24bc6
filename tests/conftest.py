"""Test-wide settings: Qt runs offscreen, set here so no caller has to."""

import os

os.environ["QT_QPA_PLATFORM"] = "offscreen"
