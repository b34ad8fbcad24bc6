"""Contest Desk (竞赛管理桌面系统): labor competitions, skill contests and innovation studios."""

__version__ = "0.1.0"
