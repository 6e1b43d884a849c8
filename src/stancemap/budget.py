"""A per-document time budget for extraction, so that one slow or looping document cannot stop a run.

In the main thread of a process the budget is enforced by an interval timer (``SIGALRM``): its handler
raises :class:`ExtractionTimeout` inside whatever Python code is running, including a loop that would never
end. Elsewhere (a web server's worker thread, where signals cannot be used) the pipeline checks the deadline
between its components instead, which stops a slow document at the next stage boundary.
"""

from __future__ import annotations

import signal
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any


class ExtractionTimeout(Exception):
    """Extraction of one document ran over its time budget."""


def _can_alarm() -> bool:
    return hasattr(signal, "setitimer") and threading.get_ident() == threading.main_thread().ident


@contextmanager
def time_budget(seconds: float) -> Iterator[float | None]:
    """Run the body under a budget of ``seconds`` (no budget when ``seconds <= 0``).

    Yields the deadline (a ``time.monotonic()`` value) for cooperative checks, or ``None``. Raises
    :class:`ExtractionTimeout` out of the body when the budget is spent."""
    if seconds <= 0:
        yield None
        return
    deadline = time.monotonic() + seconds
    if not _can_alarm():
        yield deadline
        return

    def _expired(_signum: int, _frame: Any) -> None:
        raise ExtractionTimeout(f"extraction took longer than {seconds:g} s")

    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield deadline
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(deadline: float | None, seconds: float) -> None:
    """Raise :class:`ExtractionTimeout` if ``deadline`` has passed (the cooperative check)."""
    if deadline is not None and time.monotonic() > deadline:
        raise ExtractionTimeout(f"extraction took longer than {seconds:g} s")
