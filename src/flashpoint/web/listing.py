"""The event list of the API: each event as lists show it (with its date as precise as it is
known and its articles' URLs), and the opaque cursor that continues a sorted list."""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Sequence
from typing import Any

from flashpoint.store import Store
from flashpoint.web.encode import loads
from flashpoint.web.evidence import correction_state
from flashpoint.web.params import bad

__all__ = ["decode_cursor", "encode_cursor", "list_json"]

MAX_CURSOR = 400
_ID = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


def encode_cursor(sort: str, after: tuple[Any, str]) -> str:
    """An opaque cursor: the sort and the (sort value, id) of the last event listed."""
    raw = json.dumps([sort, after[0], after[1]], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str, sort: str) -> tuple[Any, str]:
    """The (sort value, id) a cursor continues after; a 400 for one this API did not make
    or one made for another sort."""
    problem = "cursor: not a cursor from this API (give the next_cursor of a previous page)"
    if len(cursor) > MAX_CURSOR:
        raise bad(problem)
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        made_for, value, event_id = json.loads(raw)
    except (binascii.Error, ValueError, TypeError) as exc:
        raise bad(problem) from exc
    if not isinstance(event_id, str) or not _ID.match(event_id):
        raise bad(problem)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise bad(problem)
    if made_for != sort:
        raise bad(f"cursor: made for sort={made_for!r}, not sort={sort!r}; start again without it")
    return value, event_id


def list_json(store: Store, views: Sequence[str]) -> list[dict[str, Any]]:
    """Events as the list shows them, from their stored views (JSON text, see
    Store.sorted_views): ``flashpoint events --format json`` plus ``date_label``, the
    correction state (``status``, ``corrected``) and ``urls`` (its articles' URLs, may be
    empty)."""
    items = [loads(v) for v in views]
    id_lists = [
        [e["id"], *(r["id"] for r in e["related"] if r["relation"] == "formerly")] for e in items
    ]
    histories = store.history_of_ids(id_lists)
    urls = store.article_urls(s["article_id"] for e in items for s in e["sources"])
    for e, history in zip(items, histories, strict=True):
        e.update(correction_state(history))
        found = (urls.get(s["article_id"]) for s in e["sources"])
        e["urls"] = list(dict.fromkeys(u for u in found if u))
    return items
