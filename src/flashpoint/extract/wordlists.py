"""The shared word lists of ``data/sense_rules.tsv`` (rows of relation 'list': '@people',
'@armed', '@collective'), which sense rows, type rows and the patient and agent tests name."""

from __future__ import annotations

from functools import cache

from flashpoint.datafiles import read_tsv


def split_words(cell: str) -> set[str]:
    return {w.strip().lower() for w in cell.split("|") if w.strip()}


@cache
def word_lists() -> dict[str, set[str]]:
    """Every list by name ('@people')."""
    rows = read_tsv("sense_rules.tsv")
    return {
        r["cue"].strip().lower(): split_words(r["words"])
        for r in rows
        if r["relation"].strip() == "list"
    }


@cache
def word_list(name: str) -> frozenset[str]:
    """One shared word list ('@people'), for other tables to name."""
    if name not in word_lists():
        raise ValueError(f"sense_rules.tsv: no word list {name!r}")
    return frozenset(word_lists()[name])


@cache
def word_union(*names: str) -> frozenset[str]:
    """The words of several lists at once ('@armed', '@combatants'), read once."""
    return frozenset().union(*(word_list(name) for name in names))
