"""Who did it to whom: actor1 and actor2 of a trigger, from the parse and the actor table."""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Any

from flashpoint.countries import capital_names
from flashpoint.datafiles import read_tsv
from flashpoint.extract.clauses import load_cues as realis_cues
from flashpoint.records import Actor

SUBJECT_DEPS = ("nsubj", "agent")
OBJECT_DEPS = ("dobj", "nsubjpass", "pobj", "dative", "attr")
OBJECT_PREPS = frozenset("at on against into across upon toward towards with".split())
CAUSE_PREPS = frozenset("in by during from after".split())


@lru_cache(maxsize=1)
def role_cues() -> dict[str, frozenset[str]]:
    """``data/role_cues.tsv``: kind -> lemmas (agentive nouns, transitive harm verbs, verbs
    of reacting)."""
    kinds: dict[str, set[str]] = defaultdict(set)
    for row in read_tsv("role_cues.tsv"):
        kinds[row["kind"].strip()].add(row["word"].strip().lower())
    return {kind: frozenset(words) for kind, words in kinds.items()}


def _headline_passive(verb: Any) -> bool:
    """A headline's passive ("4 policemen also killed"): a transitive harm verb with a
    subject, no object and no auxiliary."""
    harm = role_cues()["transitive_harm_verb"]
    if verb.lemma_.lower() not in harm or verb.tag_ not in ("VBD", "VBN"):
        return False
    deps = {c.dep_ for c in verb.children}
    return not deps & {"dobj", "aux", "auxpass", "ccomp", "xcomp", "dative"}


def _noun_agents(noun: Any) -> list[tuple[int, int]]:
    """The agent of a noun event: its possessor or a compound in front ("police firing",
    "Israel's raid"), or its "by" phrase ("firing by the police")."""
    spans = [
        _span(list(c.subtree))
        for c in noun.children
        if c.dep_ in ("poss", "compound", "nmod") and c.i < noun.i
    ]
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ == "by":
            spans.extend(_span(list(g.subtree)) for g in child.children if g.dep_ == "pobj")
        if child.dep_ == "acl" and child.tag_ == "VBN":  # "the tear gas fired by police"
            for agent in (g for g in child.children if g.dep_ == "agent"):
                spans.extend(_span(list(g.subtree)) for g in agent.children if g.dep_ == "pobj")
    return spans


def reacted_to(trigger: Any, verb: Any | None = None, kinds: tuple[str, ...] = ()) -> bool:
    """A noun event on the object side of a verb of reacting or speaking (or of a verb of
    one of ``kinds`` in role_cues.tsv)."""
    verb = verb if verb is not None else _verb_of(trigger)
    lemma = verb.lemma_.lower()
    if trigger.i == verb.i or not any(lemma in role_cues()[k] for k in ("reaction_verb", *kinds)):
        return False
    subject_side = {t.i for c in verb.children if c.dep_ in SUBJECT_DEPS for t in c.subtree}
    return trigger.i not in subject_side


def _subjects_own(noun: Any) -> bool:
    """The noun act says it is the clause subject's own: a possessive pronoun ("filmed its
    airstrikes") or a relative clause whose subject is a pronoun ("commemorated the attacks
    it launched")."""
    for child in noun.children:
        if child.dep_ == "poss" and child.tag_ == "PRP$":
            return True
        if child.dep_ == "relcl" and any(
            g.dep_ == "nsubj" and g.tag_ == "PRP" for g in child.children
        ):
            return True
    return False


def _span(tokens: list[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _phrase_spans(head: Any) -> list[tuple[int, int]]:
    """The spans of a subject phrase without the adverbial clauses the parse hung on it: a
    noun phrase holds no 'while ...' clause, so a name in one ("Senator, while Egypt was
    busy, the group held a meeting") is no part of the subject."""
    skipped = [c for c in head.subtree if c.dep_ == "advcl" and c.i != head.i]
    if not skipped:
        return [_span(list(head.subtree))]
    out = {t.i for c in skipped for t in c.subtree}
    kept = [t for t in head.subtree if t.i not in out]
    runs: list[list[Any]] = []
    for token in kept:
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    return [_span(run) for run in runs]


def _verb_of(trigger: Any) -> Any:
    """The verb that carries the event: the trigger itself, or the verb a noun trigger hangs on."""
    token = trigger
    for _ in range(4):  # "casualties from landmine explosion incidents": up to the verb
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token if token.pos_ in ("VERB", "AUX") else trigger


def _role_spans(trigger: Any) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Character spans of the subject side and the object side of the trigger's clause."""
    verb = _verb_of(trigger)
    subjects: list[tuple[int, int]] = []
    objects: list[tuple[int, int]] = []
    outside = ("bystander_verb", "resisting_verb")
    if reacted_to(trigger, verb, outside) and not _subjects_own(trigger):
        # "Japan condemned the launch": its agent is not Japan; "soldiers quelled the riot":
        # they stood against it
        if verb.lemma_.lower() in role_cues()["resisting_verb"]:
            objects = [p for c in verb.children if c.dep_ == "nsubj" for p in _phrase_spans(c)]
        return _noun_agents(trigger), objects
    if _circumstance(trigger, verb):  # "resigned after days of protests": not his protests
        return _noun_agents(trigger), objects
    # "the bombings had nothing to do with the war": what a light verb's object names
    # suffered nothing from the act that is its subject
    light = (
        trigger.i != verb.i
        and verb.lemma_.lower() in role_cues()["light_verb"]
        and any(c.dep_ == "nsubj" and _holds(c, trigger) for c in verb.children)
    )
    for child in verb.children:
        if trigger.i != verb.i and child.dep_ in ("nsubj", "nsubjpass") and _holds(child, trigger):
            # the act itself is the subject: only words before it may name its agent
            # ("Pakistani artillery shells landed"; "the assassination of the mayor shocked")
            before = list(trigger.doc[child.left_edge.i : trigger.i])
            subjects.extend([_span(before)] if before else [])
            continue
        if child.dep_ == "nsubj" and _relative_pronoun(child) and verb.dep_ == "relcl":
            subjects.append(_span([verb.head]))  # "the policemen who killed": the noun
        elif child.dep_ == "nsubj" and verb.i == trigger.i and _antecedent(child) is not None:
            ante: Any = _antecedent(child)  # "soldiers were hurt while they laid mines"
            subjects.append(_span(list(ante.subtree)))
        elif child.dep_ == "nsubj" and _headline_passive(verb):
            objects.append(_span(list(child.subtree)))  # "4 policemen also killed"
        elif child.dep_ == "nsubj" or child.dep_ == "agent":
            subjects.extend(_phrase_spans(child))
        elif child.dep_ in ("dobj", "nsubjpass", "dative") and not light:
            objects.append(_span(_object_words(child, trigger)))
        elif child.dep_ == "prep" and child.lower_ in OBJECT_PREPS:
            objects.extend(_span(list(g.subtree)) for g in child.children if g.dep_ == "pobj")
    if not subjects and verb.dep_ == "relcl":  # "troops who crossed": the head noun
        passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children)
        # "a man who was arrested": the noun is what the act was done to
        (objects if passive else subjects).append(_span([verb.head]))
    head = verb
    for _ in range(2):  # "attacked the post, killing three": the subject of "attacked"
        if subjects or head.dep_ not in ("advcl", "xcomp", "conj", "acl"):
            break
        subjects.extend(_span(list(c.subtree)) for c in _controllers(head))
        head = head.head
    if trigger.i != verb.i:  # "explosions injured soldiers" / "the crossing of troops"
        # the 'of' of an act done to someone is its patient: "the arrest of the editor"
        done_to = trigger.lemma_.lower() in role_cues()["patient_of_noun"]
        for child in trigger.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                side = objects if done_to else subjects
                for g in child.children:
                    # "the release of the prisoners by Israel": the parser may hang the agent
                    # on the patient; it is still the agent
                    agents = [p for p in g.subtree if p.dep_ == "agent" or p.lower_ == "by"]
                    taken = {t.i for p in agents for t in p.subtree}
                    side.extend(_phrase_parts([t for t in g.subtree if t.i not in taken]))
                    if done_to:
                        subjects.extend(_span(list(p.subtree)[1:]) for p in agents)
    subjects.extend(_noun_agents(trigger))
    for child in trigger.children:  # "killed in police firing", "died in army shelling"
        if child.dep_ == "prep" and child.lower_ in CAUSE_PREPS:
            for g in child.children:
                if g.dep_ == "pobj" and g.lemma_.lower() in role_cues()["agentive_noun"]:
                    subjects.extend(_noun_agents(g))
    return subjects, objects


def _phrase_parts(tokens: list[Any]) -> list[tuple[int, int]]:
    """Character spans of the runs of consecutive tokens."""
    runs: list[list[Any]] = []
    for t in tokens:
        if runs and runs[-1][-1].i + 1 == t.i:
            runs[-1].append(t)
        else:
            runs.append([t])
    return [_span(run) for run in runs]


def _circumstance(trigger: Any, verb: Any) -> bool:
    """A noun act inside an adjunct of time, grounds or concession of the verb
    (``circumstance_word``: "fled after weeks of protests", "in the face of protests"), or one
    set ahead of it (``ahead_word``: "cut the lines before the march")."""
    cues = role_cues()
    words = cues.get("circumstance_word", frozenset()) | cues.get("ahead_word", frozenset())
    token = trigger
    while token.i != verb.i and token.head.i != token.i:
        token = token.head
        if token.i != verb.i and token.dep_ in ("prep", "pobj") and token.lower_ in words:
            return True
    return False


def _object_words(obj: Any, trigger: Any) -> list[Any]:
    """The words of the verb's object that may name the trigger's patient. When the trigger
    is a conjunct of the object ("invade Iraq and the London bombings", "condemned Russia
    and the shelling of Kharkiv"), the other conjuncts are the verb's objects beside it, not
    its parties: only its own phrase counts, with the modifiers the conjuncts share after it
    ("the arrest and torture of dissidents")."""
    head = trigger
    while head.dep_ == "conj" and head.i != obj.i:
        head = head.head
    if trigger.i == obj.i or head.i != obj.i:
        return list(obj.subtree)
    shared = [t for c in obj.children if c.i > trigger.i and c.dep_ == "prep" for t in c.subtree]
    return list(trigger.subtree) + shared


def _holds(phrase: Any, token: Any) -> bool:
    return bool(phrase.left_edge.i <= token.i <= phrase.right_edge.i)


def object_controller(trigger: Any) -> Any | None:
    """The verb whose object is made or asked to do the trigger's act ("directed the corps to
    build", "forced the police to open fire"), or None."""
    verb = _verb_of(trigger)
    return verb.head if _controlling_objects(verb) else None


def _controlling_objects(clause: Any) -> list[Any]:
    """The head's objects that do the act of its to-infinitive complement (object control)."""
    if clause.dep_ != "xcomp":
        return []
    return [c for c in clause.head.children if c.dep_ in ("dobj", "dative") and c.i < clause.i]


def _controllers(clause: Any) -> list[Any]:
    """Who does the act of a clause with no subject of its own: the head's object when the
    clause is its to-infinitive complement (object control: "forced the police to open
    fire", "ordered troops to shell"), else the head's subject ("tried to storm")."""
    return _controlling_objects(clause) or [c for c in clause.head.children if c.dep_ == "nsubj"]


PLURAL_NOUN_TAGS = frozenset({"NNS", "NNPS"})
SINGULAR_NOUN_TAGS = frozenset({"NN", "NNP"})


def _antecedent(pronoun: Any) -> Any | None:
    """The noun "they" stands for as the subject of an adverbial clause: the nearest plural
    noun subject of a clause it hangs from, when that clause has no plural it acts on
    ("Several soldiers were wounded when a mine exploded while they were laying mines": the
    soldiers; in "troops fired on soldiers after they crossed" either may have crossed)."""
    if pronoun.tag_ != "PRP" or pronoun.lower_ != "they":
        return None
    clause = pronoun.head
    for _ in range(3):
        if clause.dep_ != "advcl" or clause.head.i == clause.i:
            return None
        clause = clause.head
        if _acts_on_plural(clause):
            return None
        for c in clause.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c.tag_ in PLURAL_NOUN_TAGS:
                return c
    return None


def _sayer(pronoun: Any) -> Any | None:
    """The noun "it" or "they" stands for as the subject of what a verb of saying reports:
    the sayer, of the same number, and not a person ("the military said it had warned the
    North"; in "Zelensky said it killed 18" or "a spokesman said it exploded", "it" is the
    strike or the bomb told before)."""
    if pronoun.tag_ != "PRP" or pronoun.lower_ not in ("it", "they"):
        return None
    clause = pronoun.head
    if clause.dep_ != "ccomp" or clause.head.lemma_.lower() not in role_cues()["speech_verb"]:
        return None
    tags = PLURAL_NOUN_TAGS if pronoun.lower_ == "they" else SINGULAR_NOUN_TAGS
    sayer = next((c for c in clause.head.children if c.dep_ == "nsubj"), None)
    if sayer is None or sayer.tag_ not in tags or sayer.ent_type_ == "PERSON":
        return None
    return None if realis_cues().has("speaker_noun", sayer.lemma_.lower()) else sayer


def _acts_on_plural(verb: Any) -> bool:
    """The verb has a plural noun as its object or the object of a preposition ("fired on
    Pakistani soldiers", "arrested dozens of protesters"): another party "they" may be."""
    for c in verb.children:
        objects = [c] if c.dep_ in ("dobj", "dative") else []
        if c.dep_ == "prep":
            objects = [g for g in c.children if g.dep_ == "pobj"]
        for obj in objects:
            if any(t.tag_ in PLURAL_NOUN_TAGS for t in obj.subtree):
                return True
    return False


SAYER_ROLES = frozenset({"military", "police", "government", "rebels", "militia"})


def _sayer_actor(trigger: Any, actors: list[Actor], offset: int) -> Actor | None:
    """The actor that did the trigger's act by saying it did: the trigger is a verb whose
    subject "it" or "they" stands for the sayer, and the actor names the sayer's head word
    and acts ("South Korea's military said it had warned"): not a witness or a source
    ("residents said they shelled", "the health ministry said it killed"), nor a party named
    inside the sayer's phrase ("the Houthi-run health ministry"). A noun's verb may be
    another act ("the JCS said it believed the crossing")."""
    verb = _verb_of(trigger)
    if verb.i != trigger.i:
        return None
    for c in verb.children:
        sayer = _sayer(c) if c.dep_ == "nsubj" else None
        if sayer is None:
            continue
        for a in actors:
            inside = a.span_start - offset <= sayer.idx < a.span_end - offset
            if inside and a.role in SAYER_ROLES:
                return a
    return None


def _relative_pronoun(token: Any) -> bool:
    return bool(token.tag_ in ("WP", "WDT") and token.lower_ in ("who", "which", "that"))


def _weapon_kind(actor: Actor, doc: Any, offset: int) -> bool:
    """A bare weapon word that the actor table reads as a force, in front of a munition, names
    the kind of munition, not who fired it ("artillery shells landed"); one the text gives a
    country stays ("Pakistani artillery shells": that army's guns), and so does a force that
    owns the munition ("army drones")."""
    if actor.country and not actor.inferred:
        return False  # the text gives it a country
    words = doc.char_span(
        actor.span_start - offset, actor.span_end - offset, alignment_mode="expand"
    )
    if words is None or not len(words):
        return False
    last, weapons = words[-1], role_cues()["weapon_noun"]
    return (
        last.lemma_.lower() in weapons
        and last.dep_ in ("compound", "nmod")
        and last.head.i > last.i
        and last.head.lemma_.lower() in weapons
    )


def city_in_front(actor: Actor, doc: Any, offset: int) -> bool:
    """A capital written in front of a noun names a place, not its government ("the London
    bombings", "a Kabul blast", "Baghdad residents"): a city stands for its government as a
    possessor or a subject ("Moscow's strikes", "Moscow struck"), not as a modifier."""
    words = doc.char_span(
        actor.span_start - offset, actor.span_end - offset, alignment_mode="expand"
    )
    if words is None or not len(words) or words.text.lower() not in capital_names():
        return False
    last = words[-1]
    return last.dep_ in ("compound", "nmod", "amod") and last.head.i > last.i


def _inside(actor: Actor, spans: list[tuple[int, int]], offset: int) -> bool:
    start, end = actor.span_start - offset, actor.span_end - offset
    return any(s <= start and end <= e for s, e in spans)


def assign_roles(
    trigger: Any,
    actors: list[Actor],
    offset: int,
    claimant: Actor | None,
    cue_first: tuple[int, int] | None = None,
) -> tuple[Actor | None, Actor | None, str]:
    """``(actor1, actor2, rule)``; actor offsets are in the clean text, ``offset`` is where
    the sentence starts in it. ``cue_first``: the first word of a multi-word cue, which may
    name the agent ("police firing", "army shelling")."""
    candidates = [
        a
        for a in actors
        if (claimant is None or a.span_start != claimant.span_start)
        and not _weapon_kind(a, trigger.doc, offset)
    ]
    subjects, objects = _role_spans(trigger)
    if cue_first is not None:
        subjects.append(cue_first)
    actor1 = next((a for a in candidates if _inside(a, subjects, offset)), None)
    if actor1 is None:  # "the military said it had warned the North": the sayer did it
        actor1 = _sayer_actor(trigger, actors, offset)
    actor2 = next(
        (
            a
            for a in candidates
            if _inside(a, objects, offset) and (actor1 is None or a.name != actor1.name)
        ),
        None,
    )
    if actor1 or actor2:
        return actor1, actor2, "parse"
    # No parse link: a name nearby is not the agent ("Syrian army shelling in Homs" near a
    # Lebanese name). The actor stays unknown rather than guessed from distance.
    return None, None, "none"
