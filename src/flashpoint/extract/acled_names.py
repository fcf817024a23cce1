"""ACLED's names for the actors of an act, where they follow the act's type, not its words.

- The crowd of a protest or riot is Protesters or Rioters ("students marched": Protesters).
- A state the text names only by its country or capital is the force that does such acts
  (``ontology.tsv``, ``state_force``): "China began drills" is coded Military Forces of China,
  as "China's military launched drills" is; "Egypt arrested 40" Police Forces of Egypt.
  "Japan condemned the launch" stays the Government of Japan.
"""

from __future__ import annotations

from dataclasses import replace

from flashpoint.countries import country_phrases, of_country, with_country
from flashpoint.ontology import load_ontology
from flashpoint.records import COUNTRY_FROM_CONTEXT, STATE_FORCE_RULE, Actor

DEMONSTRATORS = {"Protests": ("Protesters", "protesters", 6), "Riots": ("Rioters", "rioters", 5)}
STATE_FORCE_NAMES = {"military": "Military Forces of", "police": "Police Forces of"}


def demonstrators(
    event_type: str, actor1: Actor | None, country: str | None
) -> tuple[Actor | None, str]:
    """ACLED codes the crowd of a protest or riot by the event type: Protesters (inter 6),
    Rioters (inter 5), unless a state force or an armed group is the actor."""
    spec = DEMONSTRATORS.get(load_ontology()[event_type].acled_event_type or "")
    if spec is None or (actor1 is not None and actor1.inter in (1, 2, 3, 8)):
        return actor1, ""
    name, role, inter = spec
    own = actor1 is not None and actor1.country is not None
    where = actor1.country if actor1 and own else country
    base = actor1 or Actor("", name, where, role, inter)
    inferred = base.inferred if own or not where else COUNTRY_FROM_CONTEXT
    label = with_country(name, where)
    actor = Actor(base.text, label, where, role, inter, base.span_start, base.span_end, inferred)
    return actor, "ACLED codes the crowd of a protest or riot by the event type"


def state_force(event_type: str, actor: Actor | None) -> tuple[Actor | None, str]:
    """The force a state named only by its country or capital does this act by, and why;
    the actor as it was, and "", for any other actor or act."""
    force = load_ontology()[event_type].state_force
    if not force or actor is None or actor.role != "government" or actor.country is None:
        return actor, ""
    if _bare(actor.text) not in country_phrases():
        return actor, ""  # "the government", "the US administration": the government itself
    name = f"{STATE_FORCE_NAMES[force]} {of_country(actor.country)}"
    return replace(actor, name=name, role=force), STATE_FORCE_RULE


def _bare(text: str) -> str:
    """The words of a name without a leading article or a trailing possessive."""
    words = text.replace("’", "'").removesuffix("'s").strip()
    return words[4:] if words.lower().startswith("the ") else words
