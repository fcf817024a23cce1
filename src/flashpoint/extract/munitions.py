"""A munition named as a thing, not as something fired.

'Mortar', 'rocket', 'projectile' (``role_cues.tsv`` kind ``weapon_noun``) report an attack as
what hits, lands or is fired ('mortars hit the market', 'fired rockets at the town'). As the
object of a verb that holds, finds or trades things ('police found mortars and rifles', 'the
rebels sold rockets'), or in a sentence with no verb at all ('arms sellers, abandoned tanks,
mortars.'), or described by such a verb's participle ('a projectile made by a firm'), the word
names a thing: no one fired it. The verbs are ``realis_cues.tsv``'s
``holding_verb`` rows.
"""

from __future__ import annotations

from typing import Any

from flashpoint.extract.clauses import load_cues
from flashpoint.extract.roles import role_cues
from flashpoint.ontology import load_ontology

OBJECT_EDGES = frozenset({"dobj", "nsubjpass"})
VIOLENT = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})


def munition_held(root: Any, event_type: str) -> str:
    """``not_an_act: ...`` when the trigger of an act of violence is a munition held, found or
    traded, or listed in a sentence with no verb; else ''. A munition found may still be the
    event of its own type ('police found a bomb': a disrupted weapons use)."""
    if load_ontology()[event_type].acled_event_type not in VIOLENT:
        return ""
    if root.pos_ not in ("NOUN", "PROPN") or root.lemma_.lower() not in role_cues()["weapon_noun"]:
        return ""
    cues = load_cues()
    noun = root
    while noun.dep_ in ("conj", "appos") and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head  # 'found mortars and rifles', 'found rifles and mortars'
    listed = noun is not root or any(c.dep_ in ("conj", "appos") for c in root.children)
    if listed and noun.dep_ == "ROOT":
        return f"not_an_act: '{root.text}' is listed in a sentence with no verb: no act"
    if noun.dep_ == "nsubj":
        return ""  # 'a rocket made in Iran hit the town': what hits was fired
    verb = noun.head
    if noun.dep_ in OBJECT_EDGES and cues.has("holding_verb", verb.lemma_.lower()):
        return f"not_an_act: '{root.text}' is a thing '{verb.text}', no one fired it"
    made = [c for c in root.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    if any(cues.has("holding_verb", c.lemma_.lower()) for c in made):  # 'a rocket made in Iran'
        return f"not_an_act: '{root.text}' is a thing '{made[0].text}', no one fired it"
    return ""
