"""The PySide6 user interface: windows, views, Qt item models, dialogs and workers."""
