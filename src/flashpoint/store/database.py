"""The SQLite connection under the Store: opening it, the writer lock, migrations, and SQLite's
errors turned into :class:`StoreError` lines that name the file and say what to do."""

from __future__ import annotations

import errno
import fcntl
import math
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

__all__ = ["Database", "StoreError", "WriterBusy", "migrations"]

IN_CHUNK = 500  # values per IN (...) query, well under SQLite's variable limit


class StoreError(RuntimeError):
    """The database cannot be used as asked; the message names the file and what to do."""


class WriterBusy(StoreError):
    """Another process is writing to this database."""


class DatabaseCorrupt(StoreError):
    """The file is damaged or is not a flashpoint database."""


@cache
def migrations() -> list[tuple[int, str]]:
    """(version, SQL) for every migration shipped, in order (read once: every Store checks
    the newest version, and the server opens one per request)."""
    folder = resources.files("flashpoint").joinpath("store/migrations")
    out = []
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".sql"):
            out.append((int(entry.name.split("_", 1)[0]), entry.read_text("utf-8")))
    return out


def latest_version() -> int:
    return migrations()[-1][0]


def explain(path: Path, exc: BaseException) -> StoreError:
    """A StoreError for an SQLite or OS error on ``path``: what happened and what to do."""
    if isinstance(exc, StoreError):
        return exc
    text = str(exc)
    low = text.lower()
    if isinstance(exc, sqlite3.OperationalError) and "locked" in low:
        return WriterBusy(f"{path}: the database is locked by another writer; retry when it ends")
    if "disk is full" in low or (isinstance(exc, OSError) and exc.errno == errno.ENOSPC):
        return StoreError(
            f"{path}: database or disk is full; free space (or raise the file's size limit) "
            "and re-run: the batch in flight was not stored, a re-run redoes it"
        )
    if "readonly" in low or "read-only" in low or isinstance(exc, PermissionError):
        return StoreError(
            f"{path}: cannot write here (read-only file or folder, or no permission); "
            "check its permissions or give another --db"
        )
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return DatabaseCorrupt(
            f"{path}: not a readable flashpoint database (SQLite says: {text}); "
            "restore it from a backup or give another --db"
        )
    if "unable to open" in low:
        return StoreError(f"{path}: cannot open the database file ({text}); check the path")
    if isinstance(exc, OSError):
        return StoreError(f"{path}: {exc.strerror or text}")
    return StoreError(f"{path}: SQLite error: {text}")


# The SQL functions that the great-circle distance in SQL (places.DISTANCE_KM) calls. SQLite
# 3.35+ builds them in (SQLITE_ENABLE_MATH_FUNCTIONS, on by default); where a build lacks them,
# Python's own math functions are registered under the same names: the same C library calls.
MATH_FUNCTIONS: dict[str, Callable[..., float]] = {
    "sin": math.sin,
    "cos": math.cos,
    "asin": math.asin,
    "sqrt": math.sqrt,
    "radians": math.radians,
    "power": math.pow,
}


def ensure_math_functions(con: sqlite3.Connection) -> None:
    """Register Python's math functions on ``con`` if its SQLite was built without them."""
    try:
        con.execute("SELECT sin(0), cos(0), asin(0), sqrt(0), radians(0), power(0, 2)")
    except sqlite3.OperationalError:
        for name, function in MATH_FUNCTIONS.items():
            con.create_function(name, 2 if name == "power" else 1, function, deterministic=True)


class Database:
    """One connection to the store's file. Every statement goes through here, so every SQLite
    error reaches callers as a StoreError naming the file."""

    def __init__(self, path: Path, *, write: bool, query_only: bool = False):
        self.path = path
        self._lock: IO[str] | None = None
        if path.is_dir():
            raise StoreError(
                f"{path}: is a folder; give a database file, e.g. {path / 'flashpoint.db'}"
            )
        if path.exists() and not path.is_file():  # a FIFO or a device would hang SQLite
            raise StoreError(f"{path}: not a regular file; give a database file")
        if not write and not path.exists():
            raise StoreError(f"{path}: no database here; run `flashpoint ingest` first")
        if write:
            self._take_lock()
        try:
            self._con = sqlite3.connect(path, timeout=30, isolation_level=None)
            self._con.row_factory = sqlite3.Row
            ensure_math_functions(self._con)
            self.execute("PRAGMA busy_timeout = 30000")
            version = self.version  # reads the header: random bytes fail here
            if version > latest_version():
                raise StoreError(
                    f"{path}: made by a newer flashpoint (schema {version}, this one knows "
                    f"{latest_version()}); upgrade flashpoint to use it"
                )
            if write:
                self.execute("PRAGMA journal_mode = WAL")
                self.execute("PRAGMA synchronous = NORMAL")
            if query_only:
                self.execute("PRAGMA query_only = 1")
        except BaseException:
            self.close()
            raise

    # -- the writer lock -------------------------------------------------------------------

    def _take_lock(self) -> None:
        # On the resolved path: a symlink (or another spelling) to the same file is one lock.
        real = self.path.resolve()
        folder = next((p for p in (real.parent, *real.parent.parents) if p.exists()), None)
        if folder is not None and not folder.is_dir():
            raise StoreError(f"{self.path}: {folder} is a file, not a folder; give another --db")
        try:
            real.parent.mkdir(parents=True, exist_ok=True)
            handle = open(f"{real}.lock", "w")  # noqa: SIM115 (held for the Store's life)
        except OSError as exc:
            raise explain(self.path, exc) from exc
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError as exc:
            handle.close()
            raise WriterBusy(
                f"{self.path}: another flashpoint process is writing; wait for it to finish"
            ) from exc
        handle.write(str(os.getpid()))
        handle.flush()
        self._lock = handle

    def close(self) -> None:
        con = getattr(self, "_con", None)
        if con is not None:
            con.close()
            self._con = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.close()
            self._lock = None

    # -- statements ------------------------------------------------------------------------

    def execute(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Cursor:
        try:
            return self._con.execute(sql, tuple(params))
        except (sqlite3.Error, OSError) as exc:
            raise explain(self.path, exc) from exc

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self._con.executemany(sql, rows)
        except (sqlite3.Error, OSError) as exc:
            raise explain(self.path, exc) from exc

    def rows(self, sql: str, params: Iterable[Any] = ()) -> Iterator[sqlite3.Row]:
        """The rows of a query, streamed; an error while stepping is a StoreError too."""
        cursor = self.execute(sql, params)
        try:
            yield from cursor
        except (sqlite3.Error, OSError) as exc:
            raise explain(self.path, exc) from exc

    def tuples(self, sql: str, params: Iterable[Any] = ()) -> list[tuple[Any, ...]]:
        """The rows of a query as plain tuples, all at once: several times cheaper than
        ``rows`` for many small rows (the merge reads thousands)."""
        try:
            cursor = self._con.cursor()
            cursor.row_factory = None
            return cursor.execute(sql, tuple(params)).fetchall()
        except (sqlite3.Error, OSError) as exc:
            raise explain(self.path, exc) from exc

    def rows_in(self, sql: str, values: Sequence[Any]) -> Iterator[sqlite3.Row]:
        """The rows of ``sql`` whose ``{marks}`` is filled with placeholders for ``values``,
        in chunks under SQLite's variable limit (one query per 500 values)."""
        for start in range(0, len(values), IN_CHUNK):
            chunk = list(values[start : start + IN_CHUNK])
            yield from self.rows(sql.format(marks=",".join("?" * len(chunk))), chunk)

    def all(self, sql: str, params: Iterable[Any] = ()) -> list[sqlite3.Row]:
        return list(self.rows(sql, params))

    def one(self, sql: str, params: Iterable[Any] = ()) -> sqlite3.Row | None:
        try:
            row: sqlite3.Row | None = self.execute(sql, params).fetchone()
        except (sqlite3.Error, OSError) as exc:
            raise explain(self.path, exc) from exc
        return row

    def value(self, sql: str, params: Iterable[Any] = ()) -> Any:
        row = self.one(sql, params)
        return None if row is None else row[0]

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE ... COMMIT; on any error, roll back if SQLite has not already (a
        full disk ends the transaction itself: its own error is the one reported)."""
        self.execute("BEGIN IMMEDIATE")
        try:
            yield
            self.execute("COMMIT")
        except BaseException:
            if self._con is not None and self._con.in_transaction:
                # the error that brought us here is the one to report
                with suppress(sqlite3.Error):
                    self._con.execute("ROLLBACK")
            raise

    # -- schema ----------------------------------------------------------------------------

    @property
    def version(self) -> int:
        return int(self.value("PRAGMA user_version") or 0)

    def migrate(self) -> list[int]:
        """Apply every migration newer than the file's schema; returns the versions applied."""
        applied = []
        for version, sql in migrations():
            if version > self.version:
                try:
                    self._con.executescript(
                        f"BEGIN;\n{sql}\nPRAGMA user_version = {version};\nCOMMIT;"
                    )
                except (sqlite3.Error, OSError) as exc:
                    if self._con.in_transaction:
                        self._con.execute("ROLLBACK")
                    raise explain(self.path, exc) from exc
                applied.append(version)
        return applied

    def check_current(self) -> None:
        if self.version < latest_version():
            raise StoreError(f"{self.path}: schema {self.version} is old; run an ingest to migrate")
