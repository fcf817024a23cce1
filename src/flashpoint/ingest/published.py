"""Publication dates as given by metadata, normalised to ISO ``YYYY-MM-DD``."""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

_FORMATS = (
    "%d-%b-%Y %H:%M:%S.%f",  # Reuters-21578: 26-FEB-1987 15:01:01.79
    "%d-%b-%Y",
    "%Y%m%d",
    "%d %B %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d/%m/%Y",
)
_TRAILING_LETTERS = re.compile(r"(?<=\d)[A-Za-z]+$")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


# Dates outside this range are typos or placeholders (9999-12-31, 0001-01-01); date arithmetic
# on them overflows later, in extraction.
EARLIEST, LATEST = date(1800, 1, 1), date(2200, 12, 31)


def normalise_published(value: object) -> str | None:
    """ISO date from common metadata forms; ``None`` when absent; ``ValueError`` if unreadable
    or outside 1800-2200."""
    if value is None or value == "":
        return None
    iso = _parse(value)
    if not EARLIEST.isoformat() <= iso <= LATEST.isoformat():
        raise ValueError(f"implausible date {iso}")
    return iso


def _parse(value: object) -> str:
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = _TRAILING_LETTERS.sub("", str(value).strip()[:100])  # "...59.13RM" in Reuters-21578
    m = _ISO_PREFIX.match(text)
    if m:
        return date.fromisoformat(m.group(0)).isoformat()
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text.title() if "%b" in fmt else text, fmt).date().isoformat()
        except ValueError:
            continue
    try:
        return parsedate_to_datetime(text).date().isoformat()  # RFC 2822, as in RSS
    except (TypeError, ValueError, IndexError):
        pass
    raise ValueError(f"unreadable date {text!r}")
