"""Cleaning time against paragraph count: repeat detection must stay about linear.

Run: .venv/bin/python bench/bench_clean.py. Prints seconds per size; the texts are
generated here (Zipf-distributed words, some paragraphs repeated or lightly edited).
"""

from __future__ import annotations

import itertools
import random
import time

from flashpoint.clean import clean_text

VOCABULARY = [f"w{rank}" for rank in range(1, 50_001)]
CUMULATIVE = list(itertools.accumulate(1 / rank for rank in range(1, 50_001)))


def word(rng: random.Random) -> str:
    """Word ranks follow Zipf's law, as in English: 'the' about 9 %, most words rare."""
    return rng.choices(VOCABULARY, cum_weights=CUMULATIVE)[0]


def page(paragraphs: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    for _ in range(paragraphs):
        if out and rng.random() < 0.1:
            words = rng.choice(out).split()
            words[rng.randrange(len(words))] = word(rng)  # a near repeat
            out.append(" ".join(words))
        else:
            out.append(" ".join(word(rng) for _ in range(rng.randint(8, 40))) + ".")
    return "\n\n".join(out)


def main() -> None:
    for size in (1_000, 4_000, 16_000, 30_000):
        text = page(size)
        start = time.perf_counter()
        clean = clean_text(text)
        took = time.perf_counter() - start
        removed = len(clean.removed)
        print(f"{size:>6} paragraphs {len(text):>9} chars {took:6.2f} s, {removed} removed")


if __name__ == "__main__":
    main()
