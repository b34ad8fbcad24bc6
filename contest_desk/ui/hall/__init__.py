"""The hall's screen on the desk (成绩大屏): a full-screen window and the organizer's choice."""
