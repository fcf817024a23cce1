"""The matrix kernel spaCy runs on (flashpoint.nlp.use_fastest_matrix_kernel): numpy's BLAS
replaces blis only by a clear margin, so timing noise cannot split one run's processes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from thinc.api import get_current_ops, set_current_ops

from flashpoint import nlp


@pytest.fixture
def restore_ops() -> Iterator[None]:
    before = get_current_ops()
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
    monkeypatch: pytest.MonkeyPatch, restore_ops: None, speeds: dict[str, float], chosen: str
) -> None:
    monkeypatch.setattr(nlp, "matrix_speeds", lambda: speeds)
    assert nlp.use_fastest_matrix_kernel() == chosen
    assert getattr(get_current_ops(), "use_blis", True) is (chosen == "blis")


def test_matrix_speeds_are_measured() -> None:
    speeds = nlp.matrix_speeds(seconds=0.005)
    assert speeds["numpy"] > 0 and all(v > 0 for v in speeds.values())
