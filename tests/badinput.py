"""A generator of bad input: one folder per kind, each with good records beside one bad thing.

``make_corpus(root)`` writes every kind under ``root/<kind>/`` and returns what each must
give: the rejection code on exactly one ``rejected:`` line (``None``: no line, the input is
odd but readable) and how many articles the folder must store. Texts are written here in
our own words. The limits the kinds are sized for are in ``ENV``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import badinput_files
import badinput_records
from badinput_base import ENV, Kind

__all__ = ["ENV", "KINDS", "Kind", "make_corpus"]

KINDS: dict[str, Callable[[Path], Kind]] = {
    name[2:]: fn
    for module in (badinput_files, badinput_records)
    for name, fn in sorted(vars(module).items())
    if name.startswith("k_")
}


def make_corpus(root: Path, skip: frozenset[str] = frozenset()) -> dict[str, Kind]:
    """Write every kind under ``root``; returns kind -> what it must give."""
    out: dict[str, Kind] = {}
    for name, make in KINDS.items():
        if name in skip:
            continue
        folder = root / name
        folder.mkdir(parents=True)
        out[name] = make(folder)
    return out
