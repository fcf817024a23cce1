"""The outlet's namesake: a place whose name the outlet's own name carries.

A local outlet is named after its town ('The Paris News', parisbeacon.com, the Athens Review),
and in its pages the town's name, unqualified, is that town. Which of the world's Parises it
is, the outlet's name does not say; the article's other places do ('Lamar County', 'Dallas':
Paris, Texas). So for such a name the larger homonym's size is no evidence against a reading
the article's other places locate (see ``resolve.namesake_readings``).
"""

from __future__ import annotations

import re

from flashpoint.geo.names import normalize

MIN_LETTERS = 4  # shorter names ('Rye', 'Ely') hide by chance inside an outlet's name
# second-level labels of country domains ('bbc.co.uk', 'smh.com.au'): no name of the outlet
SECOND_LEVEL = frozenset({"co", "com", "org", "net", "gov", "ac", "edu", "www"})
_NOT_LETTER = re.compile(r"[^a-z]")


def outlet_labels(outlet: str | None) -> tuple[str, ...]:
    """The outlet's name squashed to letters: its domain's labels before the top-level one
    ('chronicle.augusta.com': chronicle, augusta), or its written name ('The Paris News':
    theparisnews)."""
    if not outlet:
        return ()
    key = outlet.strip().casefold()
    key = re.sub(r"^[a-z]+://", "", key)
    if " " not in key and "." in key:
        host = key.split("/")[0].split(":")[0]
        labels = [part for part in host.split(".")[:-1] if part not in SECOND_LEVEL]
    else:
        labels = [key]
    return tuple(squashed for squashed in map(_squash, labels) if squashed)


def is_namesake(surface: str, labels: tuple[str, ...]) -> bool:
    """Does the outlet's name carry this name ('Paris' in theparisnews, 'Las Vegas' in
    lasvegassun)?"""
    if not labels:
        return False
    name = _squash(normalize(surface))
    return len(name) >= MIN_LETTERS and any(name in label for label in labels)


def _squash(text: str) -> str:
    return _NOT_LETTER.sub("", normalize(text))
