"""ACLED's names for the actors of an act, where they follow the act's type, not its words.

- The crowd of a protest or riot is Protesters or Rioters ("students marched": Protesters).
- A state the text names only by its country or capital is the force that does such acts
  (``ontology.tsv``, ``state_force``): "China began drills" is coded Military Forces of China,
  as "China's military launched drills" is; "Egypt arrested 40" Police Forces of Egypt.
  "Japan condemned the launch" stays the Government of Japan.
"""

from __future__ import annotations

from dataclasses import replace
from functools import lru_cache

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


def state_agent(
    event_type: str, actor1: Actor | None, actor2: Actor | None
) -> tuple[Actor | None, Actor | None, tuple[str, str] | None]:
    """Both actors with the agent renamed by ``state_force`` in its ACLED slot (actor 2 of a
    protest with intervention), and the (field, why) of the renaming, if any. A patient
    named as the renamed agent is a word of the act ("launched a military offensive"): a
    party is not on both sides of its own act."""
    field = "actor2" if load_ontology()[event_type].agent_slot == "actor2" else "actor1"
    rule = ""
    if field == "actor2":
        actor2, rule = state_force(event_type, actor2)
    else:
        actor1, rule = state_force(event_type, actor1)
    if rule and actor1 is not None and actor2 is not None and actor1.name == actor2.name:
        actor1, actor2 = (None, actor2) if field == "actor2" else (actor1, None)
    return actor1, actor2, (field, rule) if rule else None


def state_force(event_type: str, actor: Actor | None) -> tuple[Actor | None, str]:
    """The force a state named only by its country or capital does this act by, and why;
    the actor as it was, and "", for any other actor or act."""
    force = load_ontology()[event_type].state_force
    if not force or actor is None or actor.role != "government" or actor.country is None:
        return actor, ""
    if _bare(actor.text) not in _country_words():
        return actor, ""  # "the government", "the US administration": the government itself
    name = f"{STATE_FORCE_NAMES[force]} {of_country(actor.country)}"
    return replace(actor, name=name, role=force), STATE_FORCE_RULE


@lru_cache(maxsize=1)
def _country_words() -> frozenset[str]:
    return frozenset(p.lower() for p in country_phrases())


def _bare(text: str) -> str:
    """The words of a name in lower case, without a leading article or a trailing possessive
    ("the Philippines'": philippines)."""
    words = text.replace("’", "'").lower().removesuffix("'s").removesuffix("'").strip()
    return words.removeprefix("the ")
