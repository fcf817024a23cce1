"""English inflections of a lemma ('work' -> works, worked, working; 'fight' -> fought): how the
cue filter (flashpoint.extract.triggers) and geo's word checks (flashpoint.geo.place_roles)
find a verb in any form without a parse. Irregular forms are data (data/irregular_forms.tsv)."""

from __future__ import annotations

from functools import lru_cache

from flashpoint.datafiles import read_cells


@lru_cache(maxsize=1)
def irregular_forms() -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    for _, (lemma, *forms) in read_cells("irregular_forms.tsv"):
        out[lemma] = tuple(f.strip() for f in forms if f.strip())
    return out


def inflections(word: str) -> set[str]:
    """Regular English inflections of a lemma, plus the irregular ones from data."""
    forms = {word, word + "s", word + "es", word + "ed", word + "d", word + "ing"}
    if word.endswith("y") and len(word) > 2:
        forms |= {word[:-1] + "ies", word[:-1] + "ied"}
    if word.endswith("e"):
        forms.add(word[:-1] + "ing")
    if len(word) > 2 and word[-1] not in "aeiouwxy" and word[-2] in "aeiou":
        forms |= {word + word[-1] + "ed", word + word[-1] + "ing"}
    return forms | set(irregular_forms().get(word, ()))
