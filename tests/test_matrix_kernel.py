"""The matrix kernel spaCy runs on (flashpoint.nlp): numpy's BLAS replaces blis only by a
clear margin, the choice is made once per run and inherited by its workers through the
environment, and blis leaves thinc's ops as they were."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from thinc.api import get_current_ops, set_current_ops

from flashpoint import nlp


@pytest.fixture
def fresh_run(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    before = get_current_ops()
    monkeypatch.delenv(nlp.KERNEL_ENV, raising=False)
    yield
    set_current_ops(before)


@pytest.mark.parametrize(
    ("speeds", "chosen"),
    [
        ({"numpy": 95.0, "blis": 20.0}, "numpy"),  # blis on its generic kernel
        ({"numpy": 30.0, "blis": 20.0}, "blis"),  # faster, but not clearly
        ({"numpy": 95.0}, "blis"),  # no blis to compare: thinc's default stays
    ],
)
def test_numpy_replaces_blis_only_by_a_clear_margin(
    monkeypatch: pytest.MonkeyPatch, fresh_run: None, speeds: dict[str, float], chosen: str
) -> None:
    monkeypatch.setattr(nlp, "matrix_speeds", lambda: speeds)
    before = get_current_ops()
    assert nlp.use_fastest_matrix_kernel() == chosen
    assert nlp.os.environ[nlp.KERNEL_ENV] == chosen  # what the run's workers will take
    if chosen == "numpy":
        assert get_current_ops().use_blis is False  # type: ignore[attr-defined]
    else:
        assert get_current_ops() is before


def test_a_run_s_kernel_is_decided_once(monkeypatch: pytest.MonkeyPatch, fresh_run: None) -> None:
    """A worker takes the kernel its run chose, whatever its own timing would say."""
    monkeypatch.setenv(nlp.KERNEL_ENV, "blis")
    monkeypatch.setattr(nlp, "matrix_speeds", lambda: {"numpy": 95.0, "blis": 20.0})
    assert nlp.decide_matrix_kernel() == "blis"


def test_matrix_speeds_are_measured() -> None:
    speeds = nlp.matrix_speeds(seconds=0.002, repeats=2)
    assert speeds["numpy"] > 0 and all(v > 0 for v in speeds.values())
