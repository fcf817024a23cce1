"""The trained eventiveness model: shipped in the package, reproducible, and what it decides.

Every sentence here is the team's own (none from ../shared, none from the training file)."""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
from importlib import resources
from pathlib import Path

import pytest

from flashpoint.extract import eventive_model, extract_text
from flashpoint.extract.eventive_model import load_weights, recording
from flashpoint.extract.realis import CODES

ROOT = Path(__file__).resolve().parents[1]
TRAIN = ROOT / "train" / "eventive"


def _shipped() -> dict[str, object]:
    text = resources.files("flashpoint").joinpath("data/eventive_model.json").read_text("utf-8")
    model: dict[str, object] = json.loads(text)
    return model


def _probabilities(sentence: str) -> dict[str, float]:
    """P(eventive) of each candidate of the sentence, by event type."""
    weights = load_weights()
    with recording() as seen:
        found = extract_text(sentence, published="2025-03-10")
    out = {}
    for m in found:
        if m.id in seen:
            score = sum(weights.get(f, 0.0) for f in seen[m.id])
            out[m.type] = 1 / (1 + math.exp(-score))
    return out


def test_weights_ship_in_the_package_and_match_the_training_sentences() -> None:
    model = _shipped()
    weights = model["weights"]
    assert isinstance(weights, dict) and "bias" in weights and len(weights) > 50
    digest = hashlib.sha256((TRAIN / "sentences.jsonl").read_bytes()).hexdigest()
    assert model["training_data_sha256"] == digest  # `make train` was run on this file


def test_training_sentences_are_regenerated_exactly() -> None:
    spec = importlib.util.spec_from_file_location("generate", TRAIN / "generate.py")
    assert spec is not None and spec.loader is not None
    generate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(generate)
    rows = generate.generate()
    written = [json.loads(line) for line in (TRAIN / "sentences.jsonl").open(encoding="utf-8")]
    assert rows == written
    kinds = {r["kind"] for r in rows if r["label"] == 0}
    assert {"negated", "modal", "generic", "statistic", "furniture", "comment", "sense"} <= kinds


def test_probability_is_deterministic() -> None:
    sentence = "Gunmen killed five herders near Tahoua on Sunday, the governor said."
    assert _probabilities(sentence) == _probabilities(sentence)


def test_keeps_a_clear_report() -> None:
    p = _probabilities("Police detained four students in Yaounde on Friday.")
    assert p["arrest"] > 0.8
    found = extract_text("Police detained four students in Yaounde on Friday.")
    assert any(m.type == "arrest" and not m.dropped for m in found)


def test_scores_a_hard_negative_low() -> None:
    for sentence in (
        "Analysts expect the army to withdraw from the north.",
        "I hope the police arrest those thugs.",
    ):
        assert max(_probabilities(sentence).values()) < 0.2


def test_drops_below_the_threshold_with_its_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    """A candidate the rules keep is dropped with `classifier: p=...` when the model is unsure:
    here a threshold above the candidate's probability, so the test does not hang on one
    weight."""
    sentence = "Share this story about the bombing on Facebook."
    rules_only = [m for m in extract_text(sentence) if not m.dropped]
    assert rules_only, "the rules keep this candidate; the model is what must drop it"
    p = max(_probabilities(sentence).values())
    assert p < 0.5
    monkeypatch.setenv("FLASHPOINT_EXTRACT_EVENTIVE_THRESHOLD", "0.5")
    eventive_model.threshold.cache_clear()
    try:
        dropped = [m for m in extract_text(sentence) if m.dropped.startswith("classifier:")]
    finally:
        monkeypatch.delenv("FLASHPOINT_EXTRACT_EVENTIVE_THRESHOLD")
        eventive_model.threshold.cache_clear()
    assert dropped and dropped[0].dropped == f"classifier: p={p:.2f}"
    assert "classifier" in CODES


def test_off_by_default_changes_nothing() -> None:
    """The default threshold is 0: the rules alone decide, and no drop names the model."""
    eventive_model.threshold.cache_clear()
    assert eventive_model.threshold() == 0.0
    found = extract_text("Share this story about the bombing on Facebook.")
    assert found and not any(m.dropped.startswith("classifier") for m in found)
