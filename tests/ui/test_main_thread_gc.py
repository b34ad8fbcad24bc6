"""The app's collector: automatic collection off, cycles collected on the window's thread
by its timer's check once the counts pass their thresholds."""

from __future__ import annotations

import gc
import weakref

from contest_desk.ui import main_thread_gc


class Node:
    def __init__(self) -> None:
        self.me = self


def test_the_collector_collects_cycles_on_the_window_thread(qapp) -> None:
    collector = main_thread_gc.install(qapp)
    try:
        assert main_thread_gc.install(qapp) is collector  # once per application
        assert not gc.isenabled()
        cycle = Node()
        gone = weakref.ref(cycle)
        del cycle
        for _ in range(collector.threshold[0] + 10):  # pass generation 0's threshold
            Node()
        collector.check()
        assert gone() is None
    finally:
        collector.timer.stop()
        collector.deleteLater()
