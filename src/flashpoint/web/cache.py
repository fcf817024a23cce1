"""Answers of the aggregate routes kept for the database's data version: the same question on
the same data is computed once. A write (ingest, merge, correction) changes the version, so
nothing stale is served; entries of older versions age out."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

__all__ = ["AnswerCache"]


class AnswerCache:
    """A bounded, thread-safe map from (data version, question) to an answer."""

    def __init__(self, size: int):
        self.size = size
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The answer kept for ``key``, or ``make()`` kept for next time."""
        if self.size <= 0:
            return make()
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
        answer = make()  # outside the lock: two threads may both compute it once
        with self._lock:
            self._answers[key] = answer
            while len(self._answers) > self.size:
                self._answers.popitem(last=False)
        return answer
