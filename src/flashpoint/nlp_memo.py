"""Two of spaCy's rule components, answering from memos: the same annotations for less work.

The attribute ruler (part of speech and morphology from the tag, lemma exceptions) and the
rule lemmatizer cost as much as the tagger and the parser together on our sentences, because
they look at every token through Python objects. What each sets on a token is a function of
a few of its attributes, so each answer is kept, keyed by exactly those attributes, and
reused. Any component these classes do not recognise is left as it is.

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
        elif type(component) is AttributeRuler and _single_token_attrs(component) is not None:
            component.__class__ = _memo_attribute_ruler()


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


@lru_cache(maxsize=1)
def _memo_attribute_ruler() -> type:
    from spacy.attrs import IDS
    from spacy.matcher import Matcher
    from spacy.pipeline import AttributeRuler

    class MemoAttributeRuler(AttributeRuler):
        """The matches of one-token patterns at a token depend only on the attributes they
        read: they are kept per value of those attributes. Longer patterns (a handful) run
        through a matcher of their own. The matches are then sorted and applied exactly as
        ``AttributeRuler`` does."""

        def match(self, doc: Any) -> list[tuple[int, int, int, int]]:
            state = self.__dict__.get("_memo_state")
            if state is None or state[0] != len(self.attrs):
                state = self._memo_state = self._split()
            _, reads, singles, longer, memo = state
            keys = [tuple(row) for row in doc.to_array(reads).tolist()]
            if any(key not in memo for key in keys):
                if len(memo) > MEMO_LIMIT:
                    memo.clear()
                found: list[list[int]] = [[] for _ in keys]
                for match_id, start, _ in singles(doc, allow_missing=True, as_spans=False):
                    found[start].append(match_id)
                memo.update(zip(keys, map(tuple, found), strict=True))
            raw = [(m, i, i + 1) for i, key in enumerate(keys) for m in memo[key]]
            raw += longer(doc, allow_missing=True, as_spans=False)
            strings = self.vocab.strings
            matches = [(int(strings[m]), m, start, end) for m, start, end in raw]
            matches.sort()
            return matches

        def _split(self) -> tuple[int, list[int], Any, Any, dict[tuple[int, ...], tuple[int, ...]]]:
            singles, longer = Matcher(self.vocab), Matcher(self.vocab)
            for i in range(len(self.attrs)):
                patterns = self.matcher.get(str(i))[1]
                one = all(len(p) == 1 for p in patterns)
                (singles if one else longer).add(str(i), patterns)
            reads = [IDS[name] for name in _single_token_attrs(self) or ()]
            return len(self.attrs), reads, singles, longer, {}

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
