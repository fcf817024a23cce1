"""JSON bodies of the API: orjson when it is installed (several times faster on large pages
and aggregates), the standard library otherwise; UTF-8, never ASCII-escaped."""

from __future__ import annotations

import json
from typing import Any

try:
    import orjson
except ImportError:  # pragma: no cover - orjson is pinned, but the API works without it
    orjson = None  # type: ignore[assignment]

__all__ = ["dumps", "loads"]


def dumps(data: Any) -> bytes:
    """``data`` as compact UTF-8 JSON."""
    if orjson is not None:
        encoded: bytes = orjson.dumps(data, option=orjson.OPT_NON_STR_KEYS)
        return encoded
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode()


def loads(text: str | bytes) -> Any:
    """Parse JSON text."""
    if orjson is not None:
        return orjson.loads(text)
    return json.loads(text)
