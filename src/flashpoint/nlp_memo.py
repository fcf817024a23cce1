"""Two of spaCy's rule components, answering from memos: the same annotations for less work.

The attribute ruler (part of speech and morphology from the tag, lemma exceptions) and the
rule lemmatizer cost as much as the tagger and the parser together on our sentences, because
they look at every token through Python objects. What each sets on a token is a function of
a few of its attributes, so each answer is kept, keyed by exactly those attributes, and
reused; the attribute ruler keys a word no pattern names as "any other word", so its memo
stops missing once warm, and writes what it sets to the whole ``Doc`` at once. Any component
these classes do not recognise is left as it is.

spaCy is imported inside the functions, as everywhere in flashpoint, so that importing the
package stays cheap.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

__all__ = ["memoise"]

# Entries per memo before it is emptied and refilled: a memo is a cache of a pure function, so
# emptying it changes no answer, and it keeps a long run's memory flat (about 40 MB at most;
# a news archive's vocabulary times its tags would otherwise grow without end)
MEMO_LIMIT = 200_000


def memoise(nlp: Any) -> None:
    """Swap the attribute ruler and the English rule lemmatizer of ``nlp`` for their memoised
    subclasses (same state, same annotations), where their patterns and mode allow it."""
    from spacy.lang.en.lemmatizer import EnglishLemmatizer
    from spacy.pipeline import AttributeRuler

    for _, component in nlp.pipeline:
        if type(component) is EnglishLemmatizer and component.mode == "rule":
            component.__class__ = _memo_lemmatizer()
            _index_as_sets(component)
        elif (
            type(component) is AttributeRuler
            and _single_token_attrs(component) is not None
            and all(isinstance(attr, int) for attrs in component.attrs for attr in attrs)
        ):  # not an extension attribute ("_"): those are set token by token
            component.__class__ = _memo_attribute_ruler()


def _index_as_sets(lemmatizer: Any) -> None:
    """The rule lemmatizer asks only whether a form is in its word index (``form in index``),
    and the index is a list (57,528 nouns): a set answers the same in constant time. The
    pipeline is never serialised, which a set would not survive."""
    if not lemmatizer.lookups.has_table("lemma_index"):
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for pos in list(table.keys()):
        table[pos] = frozenset(table[pos])


def _single_token_attrs(ruler: Any) -> list[str] | None:
    """The token attributes the ruler's one-token patterns read; ``None`` when a pattern
    holds something a memo by attribute values cannot answer (an operator, an extension)."""
    from spacy.attrs import IDS

    keys: set[str] = set()
    for i in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(i))[1]:
            if len(pattern) != 1:
                continue
            names = set(pattern[0])
            if not names <= set(IDS) or "OP" in names:
                return None
            keys |= names
    return sorted(keys)


# What a memo may write with Doc.from_array: token attributes only (spaCy's ruler also writes
# lexeme attributes, such as IS_STOP, to the vocabulary; such rules go through spaCy's ruler)
TOKEN_ONLY_ATTRS = frozenset({"LEMMA", "POS", "TAG", "DEP", "MORPH"})

# Attributes whose values are open word lists: a memo keyed by them would miss on every new
# word, so a value that no pattern names is keyed as "any other word" (0)
OPEN_VOCABULARY = frozenset({"ORTH", "LOWER", "NORM", "TEXT"})


def _named_values(value: Any) -> tuple[list[Any], list[Any]] | None:
    """A pattern condition's literals and compiled regular expressions ("x", {"IN": [...]},
    {"REGEX": ...}); ``None`` for one that matches values it does not name (NOT_IN, a
    comparison, a flag)."""
    import re

    if isinstance(value, str):
        return [value], []
    if isinstance(value, dict) and set(value) <= {"IN", "REGEX"}:
        regexes = [re.compile(value["REGEX"])] if "REGEX" in value else []
        return list(value.get("IN", ())), regexes
    return None


def _named_words(ruler: Any, name: str) -> tuple[frozenset[str], tuple[Any, ...]] | None:
    """The values of attribute ``name`` that the ruler's one-token patterns can match (its
    literals and regular expressions); ``None`` when a pattern matches values it does not name
    (NOT_IN, a comparison), so that "any other word" cannot be told apart."""
    literals: set[str] = set()
    regexes: list[Any] = []
    for i in range(len(ruler.attrs)):
        for pattern in ruler.matcher.get(str(i))[1]:
            value = pattern[0].get(name) if len(pattern) == 1 else None
            if value is None:
                continue
            named = _named_values(value)
            if named is None:
                return None
            literals.update(named[0])
            regexes.extend(named[1])
    if "" in literals:  # the empty word hashes to the "any other word" key
        return None
    return frozenset(literals), tuple(regexes)


def _longer_needs(ruler: Any, indices: list[int]) -> tuple[set[int], list[Any]] | None:
    """For each longer pattern, the values it needs some token to have: (attribute, hashes,
    regular expressions) for each string condition of each of its tokens; ``None`` when a
    pattern has no such condition (it could match anywhere)."""
    from spacy.attrs import IDS
    from spacy.strings import get_string_id

    attrs: set[int] = set()
    patterns: list[Any] = []
    for i in indices:
        for pattern in ruler.matcher.get(str(i))[1]:
            conditions = []
            for token in pattern:
                if "OP" in token:  # an optional or repeated token need not be there
                    continue
                for key, value in token.items():
                    name = "ORTH" if key.upper() == "TEXT" else key.upper()
                    if name not in IDS:  # a condition this check cannot read: skipped
                        continue
                    named = _named_values(value)
                    if named is None:
                        continue
                    literals, regexes = named
                    hashes = {get_string_id(x) for x in literals}
                    conditions.append((IDS[name], hashes, regexes))
                    attrs.add(IDS[name])
            if not conditions:
                return None
            patterns.append(conditions)
    return attrs, patterns


@lru_cache(maxsize=1)
def _memo_attribute_ruler() -> type:
    from spacy.attrs import IDS
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler

    class MemoAttributeRuler(AttributeRuler):
        """What the one-token patterns set on a token depends only on the attributes they
        read, and of an open word list only on whether a pattern names the word: the
        attributes finally set (later patterns win, as in ``AttributeRuler``) are kept per
        key and written to the whole ``Doc`` at once. A ``Doc`` that a longer pattern
        (a handful: "ain't", "gonna") matches goes through ``AttributeRuler`` itself."""

        def __call__(self, doc: Any) -> Any:
            try:
                state = self.__dict__.get("_memo_state")
                if state is None or state[0] != (id(self.matcher), len(self.attrs)):
                    state = self._memo_state = self._split()  # patterns added or replaced
                if state[1] is None or (
                    self._may_match_longer(doc, state[7])
                    and state[3](doc, allow_missing=True, as_spans=False)
                ):  # rules a memo cannot answer, or a longer pattern: spaCy's own way
                    self.set_annotations(doc, AttributeRuler.match(self, doc))  # type: ignore[no-untyped-call]
                else:
                    self._annotate(doc, state)
                return doc
            except Exception as e:
                return self.get_error_handler()(self.name, self, [doc], e)

        def _annotate(self, doc: Any, state: tuple[Any, ...]) -> None:
            import numpy

            _, reads, singles, _, memo, words, written, _ = state
            keys = self._keys(doc, reads, words)
            outcomes = [memo.get(key) for key in keys]
            if any(outcome is None for outcome in outcomes):
                if len(memo) > MEMO_LIMIT:
                    memo.clear()
                found: list[list[int]] = [[] for _ in keys]
                for match_id, start, _ in singles(doc, allow_missing=True, as_spans=False):
                    found[start].append(int(self.vocab.strings[match_id]))
                outcomes = [self._outcome(matched) for matched in found]
                memo.update(zip(keys, outcomes, strict=True))
            if not any(outcomes) or not written:
                return
            column = {attr: col for col, attr in enumerate(written)}
            values = doc.to_array(written).reshape(len(doc), len(written))
            for i, outcome in enumerate(outcomes):
                for attr, value in outcome:
                    values[i, column[attr]] = value
            doc.from_array(written, values.astype(numpy.uint64, copy=False))

        def _keys(self, doc: Any, reads: list[int], words: list[Any]) -> list[tuple[int, ...]]:
            if not reads:
                return [() for _ in doc]
            rows = doc.to_array(reads).reshape(len(doc), len(reads)).tolist()
            strings = self.vocab.strings
            for col, named, known in words:
                if len(known) > MEMO_LIMIT:
                    known.clear()
                for row in rows:
                    value = row[col]
                    keep = known.get(value)
                    if keep is None:
                        text = strings[value]
                        keep = known[value] = text in named[0] or any(
                            r.search(text) for r in named[1]
                        )
                    if not keep:
                        row[col] = 0
            return [tuple(row) for row in rows]

        def _may_match_longer(self, doc: Any, needs: list[Any] | None) -> bool:
            """False when each longer pattern names a word (or tag) the ``Doc`` lacks:
            running their matcher on every sentence costs more than the memo saves."""
            if needs is None:
                return True
            if not needs[1]:
                return False
            columns = sorted(needs[0])
            table = doc.to_array(columns).reshape(len(doc), len(columns))
            present = {attr: set(table[:, col].tolist()) for col, attr in enumerate(columns)}
            strings = self.vocab.strings
            for conditions in needs[1]:
                for attr, hashes, regexes in conditions:
                    values = present[attr]
                    if not hashes & values and not any(
                        r.search(strings[v]) for r in regexes for v in values
                    ):
                        break
                else:
                    return True
            return False

        def _outcome(self, matched: list[int]) -> tuple[tuple[int, int], ...]:
            final: dict[int, int] = {}
            for index in sorted(matched):
                final.update(self.attrs[index])
            return tuple(final.items())

        def _split(self) -> tuple[Any, ...]:
            fingerprint = (id(self.matcher), len(self.attrs))
            names = _single_token_attrs(self)
            written = sorted({attr for attrs in self.attrs for attr in attrs}, key=str)
            if names is None or not set(written) <= {IDS[a] for a in TOKEN_ONLY_ATTRS}:
                return fingerprint, None  # an operator, an extension, a lexeme attribute
            singles = Matcher(self.vocab, validate=self.validate)
            longer = Matcher(self.vocab, validate=self.validate)
            for i in range(len(self.attrs)):
                patterns = self.matcher.get(str(i))[1]
                one = all(len(p) == 1 for p in patterns) and self.indices[i] in (0, -1)
                (singles if one else longer).add(str(i), patterns)
            reads = [IDS[name] for name in names]
            words: list[tuple[int, Any, dict[int, bool]]] = []
            for col, name in enumerate(names):
                named = _named_words(self, name) if name in OPEN_VOCABULARY else None
                if named is not None:
                    words.append((col, named, {}))
            needs = _longer_needs(self, [i for i in range(len(self.attrs)) if str(i) in longer])
            return fingerprint, reads, singles, longer, {}, words, written, needs

    return MemoAttributeRuler


@lru_cache(maxsize=1)
def _memo_lemmatizer() -> type:
    from spacy.attrs import LEMMA, MORPH, ORTH, POS
    from spacy.errors import Errors
    from spacy.lang.en.lemmatizer import EnglishLemmatizer

    class MemoLemmatizer(EnglishLemmatizer):
        """spaCy's own cache skips base forms and proper nouns (most tokens of news prose).
        This memo is keyed by all the rules read, the word, its part of speech and its
        morphology (``is_base_form`` and the rule tables read nothing else), so each lemma
        is the one the rules give."""

        def __call__(self, doc: Any) -> Any:
            if not self._validated:
                self._validate_tables(Errors.E1004)
            try:
                return self._lemmatise(doc)
            except Exception as e:
                return self.get_error_handler()(self.name, self, [doc], e)

        def _lemmatise(self, doc: Any) -> Any:
            memo: dict[tuple[int, int, int], int] = self.__dict__.setdefault("_memo", {})
            if len(memo) > MEMO_LIMIT:
                memo.clear()
            rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
            lemmas = rows[:, 3].copy()
            add = self.vocab.strings.add
            for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
                if lemma and not self.overwrite:
                    continue
                key = (orth, pos, morph)
                found = memo.get(key)
                if found is None:
                    found = memo[key] = add(self.lemmatize(doc[i])[0])
                lemmas[i] = found
            doc.from_array([LEMMA], lemmas.reshape(-1, 1))
            return doc

    return MemoLemmatizer
