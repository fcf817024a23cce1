"""CSV cells a spreadsheet will not run: the one writer of every CSV flashpoint makes.

A text cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is read as
a formula by Excel, LibreOffice and Google Sheets (CSV injection; an outlet named
``=HYPERLINK(...)`` would run). Such a cell gets a leading single quote, as OWASP advises, so
it shows as text. Only text is changed: numbers (a longitude of -3.7, a count) are written as
numbers, since a numeric cell is never a formula. Nothing else is altered (bidi characters are
kept: isolating them is the page's job).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from typing import IO, Any

__all__ = ["FORMULA_START", "csv_text", "safe_cell", "write_csv"]

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """``value`` as a CSV cell that cannot start a formula (text only; numbers as they are)."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(
    out: IO[str], columns: Sequence[str], rows: Iterable[Mapping[str, Any]], header: bool = True
) -> None:
    """Write ``rows`` (dicts keyed by ``columns``) as CSV, every text cell made safe."""
    writer = csv.writer(out)
    if header:
        writer.writerow([safe_cell(c) for c in columns])
    writer.writerows([safe_cell(row.get(c)) for c in columns] for row in rows)


def csv_text(columns: Sequence[str], rows: Iterable[Mapping[str, Any]], header: bool = True) -> str:
    """The CSV of ``rows`` as a string (see :func:`write_csv`)."""
    buf = io.StringIO()
    write_csv(buf, columns, rows, header)
    return buf.getvalue()
