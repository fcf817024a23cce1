"""Answers of the aggregate routes kept for the database's data version: the same question on
the same data is computed once. A write (ingest, merge, correction) changes the version, so
nothing stale is served; entries of older versions age out.

Answers that were slow to make (a whole-database map takes a second or more) are kept apart
from cheap ones, so a stream of cheap new questions (each filter of each analyst) does not push
them out: the cheap ones are evicted first, oldest first, and the slow ones hold at most a
quarter of the entries. Slow means the CPU its making took (the thread's own time, SQLite's
included), not the time it took: on a busy server a 5 ms question waits hundreds of
milliseconds for the CPU, and counted by the clock a burst of those filled the slow share and
pushed out the warmed whole-database maps (bench/README.md, 2026-12-03 evening)."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

__all__ = ["AnswerCache"]


SLOW_S = 0.05  # CPU seconds: an answer that took more to make is kept in preference
SLOW_SHARE = 4  # the slow answers hold at most 1/SLOW_SHARE of the entries


class AnswerCache:
    """A bounded, thread-safe map from (data version, question) to an answer."""

    def __init__(self, size: int):
        self.size = size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()  # cheap to make again
        self._slow: OrderedDict[Hashable, Any] = OrderedDict()  # slow to make again
        self._making: dict[Hashable, threading.Lock] = {}  # one computation per question
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._answers) + len(self._slow)

    def _kept(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            for kept in (self._answers, self._slow):
                if key in kept:
                    kept.move_to_end(key)
                    return True, kept[key]
            return False, None

    def _keep(self, key: Hashable, answer: Any, seconds: float) -> None:
        """Keep ``answer``, then evict: the oldest slow answers past their share, then the
        oldest cheap ones (slow ones only when no cheap one is left). Holds the lock."""
        (self._slow if seconds >= SLOW_S else self._answers)[key] = answer
        while len(self._slow) > max(1, self.size // SLOW_SHARE):
            self._slow.popitem(last=False)
        while len(self._answers) + len(self._slow) > self.size:
            (self._answers or self._slow).popitem(last=False)

    def get(self, key: Hashable, make: Callable[[], Any], *, slow: bool = False) -> Any:
        """The answer kept for ``key``, or ``make()`` kept for next time. Requests asking the
        same question at once wait for the first one's answer instead of all computing it.
        ``slow``: keep it as slow whatever ``make`` costs (its costly part was done before,
        as warm() groups the maps of every zoom in one read)."""
        if self.size <= 0:
            return make()
        found, answer = self._kept(key)
        if found:
            return answer
        with self._lock:
            gate = self._making.setdefault(key, threading.Lock())
        with gate:
            found, answer = self._kept(key)
            if found:
                return answer
            began = time.thread_time()
            try:
                answer = make()
            except BaseException:
                with self._lock:
                    self._making.pop(key, None)
                raise
            with self._lock:
                self._keep(key, answer, SLOW_S if slow else time.thread_time() - began)
                self._making.pop(key, None)
        return answer
