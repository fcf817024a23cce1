"""Read connections of the server: one per server thread, kept between requests.

Opening a Store costs more than most queries (file checks, schema version, pragmas), so each
thread keeps its own read-only connection. With WAL every statement still reads the newest
commit, so what another process writes shows on the next request. A connection is reopened
when the database file is replaced (another inode) and dropped after any database error, so
the next request opens afresh and reports the file's state as it is then.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from flashpoint.store import Store

__all__ = ["Readers"]


class Readers:
    """Per-thread read connections to one database file."""

    def __init__(self, path: Path):
        self.path = path
        self._local = threading.local()

    def _identity(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.path)
        except OSError:
            return None
        return (st.st_dev, st.st_ino)

    def get(self) -> Store:
        """This thread's connection (a StoreError when the database cannot be opened)."""
        identity = self._identity()
        held: tuple[tuple[int, int] | None, Store] | None = getattr(self._local, "held", None)
        if held is not None and (identity is None or held[0] != identity):
            self.drop()
            held = None
        if held is None:
            store = Store(self.path, read_only=True)
            self._local.held = (identity, store)
            return store
        return held[1]

    def drop(self) -> None:
        """Close this thread's connection (after an error: the next request reopens)."""
        held = getattr(self._local, "held", None)
        self._local.held = None
        if held is not None:
            held[1].close()
