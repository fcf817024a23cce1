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
        self._making: dict[Hashable, threading.Lock] = {}  # one computation per question
        self._lock = threading.Lock()

    def __len__(self) -> int:
        with self._lock:
            return len(self._answers)

    def _kept(self, key: Hashable) -> tuple[bool, Any]:
        with self._lock:
            if key in self._answers:
                self._answers.move_to_end(key)
                return True, self._answers[key]
            return False, None

    def get(self, key: Hashable, make: Callable[[], Any]) -> Any:
        """The answer kept for ``key``, or ``make()`` kept for next time. Requests asking the
        same question at once wait for the first one's answer instead of all computing it."""
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
            try:
                answer = make()
            except BaseException:
                with self._lock:
                    self._making.pop(key, None)
                raise
            with self._lock:
                self._answers[key] = answer
                self._making.pop(key, None)
                while len(self._answers) > self.size:
                    self._answers.popitem(last=False)
        return answer
