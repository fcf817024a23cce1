"""The per-article stages: clean, sign (for dedup), extract, geocode.

Each is a plain function of one article and the settings, with no global state: `ingest` runs
them in process or in a pool of worker processes, `batch` runs them in a local process pool or
in Ray actors. Nothing here imports an engine. Global steps (the duplicate index, the merge,
the store writer) stay with the caller.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flashpoint.clean import ArticleTooLarge, clean_article
from flashpoint.clean.patterns import Patterns, load_patterns
from flashpoint.dedup import Signed, sign
from flashpoint.errors import reject
from flashpoint.ingest.language import is_extractable
from flashpoint.records import Article, CleanText, Mention, Rejected
from flashpoint.settings import Settings

__all__ = [
    "ArticleWork",
    "Processed",
    "clean_one",
    "extract_one",
    "locate_mentions",
    "sign_one",
]


@dataclass(frozen=True)
class Processed:
    """One article through the per-article stages. ``clean`` is a Rejected when cleaning (or
    signing) failed; ``mentions`` is ``None`` when the article was not extracted (extraction
    off, or a language we do not extract) and a Rejected when extraction failed."""

    article: Article
    clean: CleanText | Rejected
    signed: Signed | None
    mentions: list[Mention] | Rejected | None


def clean_one(article: Article, settings: Settings, patterns: Patterns | None = None) -> CleanText:
    """Clean one article as ingest does: the same patterns and settings (also for
    `flashpoint extract`). ArticleTooLarge past clean.max_chars or clean.max_paragraphs."""
    return clean_article(
        article,
        patterns=patterns or load_patterns(settings.str("clean.extra_patterns")),
        near_jaccard=settings.float("clean.near_repeat_jaccard"),
        min_repeat_words=settings.int("clean.min_repeat_words"),
        max_chars=settings.int("clean.max_chars"),
        max_paragraphs=settings.int("clean.max_paragraphs"),
    )


def sign_one(clean: CleanText, settings: Settings) -> Signed:
    """The dedup signature of a cleaned article, with the dedup settings."""
    return sign(
        clean.text,
        settings.int("dedup.num_perm"),
        settings.int("dedup.shingle_words"),
        settings.int("dedup.min_shingles"),
    )


def locate_mentions(
    mentions: list[Mention], clean_text: str, outlet: str | None, doc: Any = None
) -> list[Mention]:
    """The geo stage: each mention gets the place where its event happened."""
    if not mentions:
        return mentions
    from flashpoint.geo import (  # here: loads the gazetteer
        antecedent_places,
        crowd_country,
        find_places,
        locate_all,
    )

    placed = locate_all(mentions, clean_text, find_places(clean_text, outlet=outlet, doc=doc))
    return [crowd_country(m) for m in antecedent_places(placed)]


def extract_one(
    article: Article, clean: CleanText, *, geo: bool = True
) -> list[Mention] | Rejected:
    """Extract, then geocode, sharing one parse of the article in which only sentences with
    a cue word are parsed; an article with none is not parsed at all. A failure rejects this
    article only."""
    from flashpoint.extract import extract_mentions, parse_candidates  # here: loads spaCy

    stage = "extract"
    try:
        doc = parse_candidates(clean.text)
        if doc is None:
            return []
        found = extract_mentions(clean, published=article.published, outlet=article.outlet, doc=doc)
        if not geo:
            return found
        stage = "geo"
        return locate_mentions(found, clean.text, article.outlet or article.url, doc)
    except Exception as exc:  # a bug in a rule must not lose the batch: count it, report it
        return reject(article.source, stage, f"{stage}_failed", f"{type(exc).__name__}: {exc}")


def clean_and_sign(
    article: Article, settings: Settings, patterns: Patterns
) -> tuple[CleanText, Signed] | Rejected:
    """Clean and sign one article; a failure rejects this article only."""
    stage = "clean"
    try:
        clean = clean_one(article, settings, patterns)
        stage = "dedup"
        return clean, sign_one(clean, settings)
    except ArticleTooLarge as exc:
        return reject(article.source, "clean", "too_large", str(exc))
    except Exception as exc:  # a bug on one odd article must not lose the batch
        return reject(article.source, stage, f"{stage}_failed", f"{type(exc).__name__}: {exc}")


class ArticleWork:
    """Every per-article stage for one article, with what they load (patterns; spaCy and the
    gazetteer on first use) kept for the next article. One per worker process or actor."""

    def __init__(self, settings: Settings, extracting: bool):
        self.settings = settings
        self.extracting = extracting
        self.patterns = load_patterns(settings.str("clean.extra_patterns"))

    def load(self) -> None:
        """Load what extraction needs (spaCy, the gazetteer) now rather than on the first
        article: before worker processes are forked from this one."""
        if self.extracting:
            from flashpoint.geo import load_gazetteer  # here, as above: costly imports
            from flashpoint.nlp import load_nlp

            load_nlp(), load_gazetteer()

    def __call__(self, article: Article) -> Processed:
        checked = clean_and_sign(article, self.settings, self.patterns)
        if isinstance(checked, Rejected):
            return Processed(article, checked, None, None)
        clean, signed = checked
        mentions = None
        if self.extracting and is_extractable(article):
            mentions = extract_one(article, clean)
        return Processed(article, clean, signed, mentions)
