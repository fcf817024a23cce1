"""The memoised attribute ruler and lemmatizer annotate exactly as spaCy's own components."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.lang.en.lemmatizer import EnglishLemmatizer
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc

import flashpoint.nlp_memo as nlp_memo
from flashpoint.nlp import load_nlp

# Written for this test: repeated words (memo hits), the two-token attribute patterns
# ("ain't", "gonna", "let's", "there is"), a word only a pattern's regex names ("nuthin'"),
# whitespace tokens (their own tag and dependency), proper nouns, base forms, numbers and line
# breaks, and words whose lemma depends on their part of speech ('saw', 'leaves', 'left')
TEXTS = [
    "He saw the saw. She leaves when the leaves fall. They left by the left gate.",
    "Troops shelled the village of Orikhiv on Tuesday, killing three civilians.",
    "Police said they ain't gonna release the 12 protesters arrested in Dhaka.",
    "The shelling went on.\n\nResidents were fleeing; the army denied firing.",
    "Rebels attacked an army post and killed two soldiers, officials said.",
    "He is gonna say that the talks were suspended after the attack on the convoy.",
    "Drones struck Kharkiv overnight, the governor said, and two people were injured.",
    "There were three blasts; let's go, y'all, c'mon, we gotta leave. It is said there is one.",
    "We got nuthin' left, \tsaid one; 'nothin' \n  changed ' , said Ms Oyelaran-Quayson  .",
]


def _annotations(nlp: Any, texts: list[str]) -> list[tuple[bytes, list[tuple[int, int, int]]]]:
    attrs = list(Doc._get_array_attrs())
    return [
        (doc.to_array(attrs).tobytes(), [(e.start, e.end, e.label) for e in doc.ents])
        for doc in nlp.pipe(texts)
    ]


@pytest.fixture
def spacy_own() -> Any:
    """Switches the shared pipeline's two components back to spaCy's classes, and restores."""
    nlp = load_nlp()
    ruler, lemmatizer = nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer")
    memo_classes = type(ruler), type(lemmatizer)

    def switch() -> None:
        ruler.__class__, lemmatizer.__class__ = AttributeRuler, EnglishLemmatizer

    yield switch
    ruler.__class__, lemmatizer.__class__ = memo_classes


def test_the_shared_pipeline_uses_the_memos() -> None:
    nlp = load_nlp()
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "MemoAttributeRuler"
    assert type(nlp.get_pipe("lemmatizer")).__name__ == "MemoLemmatizer"


def test_memos_annotate_as_spacy_does(spacy_own: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    nlp = load_nlp()
    texts = TEXTS * 2  # the second pass answers from the memos
    memoised = _annotations(nlp, texts)
    monkeypatch.setattr(nlp_memo, "MEMO_LIMIT", 3)  # emptied again and again: same answers
    emptied = _annotations(nlp, texts)
    spacy_own()
    assert memoised == emptied == _annotations(nlp, texts)
    lemmas = {t.text: t.lemma_ for t in nlp("Police ain't gonna release them; troops shelled it")}
    assert (lemmas["ai"], lemmas["gon"], lemmas["shelled"]) == ("be", "go", "shell")


def test_the_pipeline_annotates_as_a_fresh_spacy_load() -> None:
    """Against the model as spaCy loads it (its own components and its lemma index lists,
    untouched): the same parse, tags, morphology and lemmas on every token."""
    import spacy

    from flashpoint.nlp import MODEL

    fresh = spacy.load(MODEL, exclude=["senter"])
    assert isinstance(fresh.get_pipe("lemmatizer").lookups.get_table("lemma_index")["noun"], list)
    attrs = ["TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD"]
    ours = [d.to_array(attrs).tobytes() for d in load_nlp().pipe(TEXTS * 2)]
    assert ours == [d.to_array(attrs).tobytes() for d in fresh.pipe(TEXTS * 2)]


def _blank_with_ruler(patterns: list[dict[str, Any]], memo: bool) -> Any:
    import spacy

    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("attribute_ruler")
    ruler.add_patterns(patterns)
    if memo:
        nlp_memo.memoise(nlp)
    return nlp


# Rules of shapes the shipped model does not have: one attribute read and one set, no longer
# pattern; an optional token; a lexeme attribute written
SHAPES = [
    [{"patterns": [[{"ORTH": "troops"}]], "attrs": {"LEMMA": "troop"}}],
    [
        {"patterns": [[{"LOWER": "gon"}, {"LOWER": "na", "OP": "?"}]], "attrs": {"TAG": "VBG"}},
        {"patterns": [[{"LOWER": {"IN": ["shelled", "shells"]}}]], "attrs": {"POS": "VERB"}},
    ],
    [{"patterns": [[{"LOWER": "the"}]], "attrs": {"IS_STOP": True, "LEMMA": "the"}}],
]
WORDS = ["Troops shelled the town , gon na say the troops .", "gon leave ; shells fell"]


@pytest.mark.parametrize("patterns", SHAPES)
def test_other_rule_shapes_annotate_as_spacy_does(patterns: list[dict[str, Any]]) -> None:
    attrs = ["TAG", "POS", "LEMMA", "IS_STOP"]
    memo = _blank_with_ruler(patterns, memo=True)
    plain = _blank_with_ruler(patterns, memo=False)
    assert type(memo.get_pipe("attribute_ruler")).__name__ == "MemoAttributeRuler"
    for text in WORDS * 2:
        assert memo(text).to_array(attrs).tolist() == plain(text).to_array(attrs).tolist()


def test_rules_replaced_after_the_first_call_are_the_ones_applied() -> None:
    nlp = _blank_with_ruler([{"patterns": [[{"ORTH": "x"}]], "attrs": {"LEMMA": "X"}}], True)
    assert type(nlp.get_pipe("attribute_ruler")).__name__ == "MemoAttributeRuler"
    assert [t.lemma_ for t in nlp("x y")] == ["X", ""]
    ruler = nlp.get_pipe("attribute_ruler")
    ruler.clear()
    ruler.add_patterns([{"patterns": [[{"ORTH": "y"}]], "attrs": {"LEMMA": "Y"}}])
    assert [t.lemma_ for t in nlp("x y")] == ["", "Y"]
