"""`flashpoint batch --engine ray` on a local Ray cluster: the same store as `ingest`, also
when a worker raises once on a chosen article.

Ray starts once for this module (``ray.init(num_cpus=2)``, ~15 s), under a timeout so a
scheduling deadlock fails instead of hanging; the test skips where the ray extra is not
installed (CI installs it: see .ci/run).
"""

from __future__ import annotations

import os
import signal
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from test_batch import _settings, corpus, ingested, stored  # noqa: F401 (fixtures)

from flashpoint.batch import read_output, run_batch
from flashpoint.batch.output import finished
from flashpoint.pipeline import run_load

ray = pytest.importorskip("ray")
pytestmark = pytest.mark.ray

TIMEOUT_S = 300


@pytest.fixture(scope="module")
def ray_cluster() -> Iterator[None]:
    os.environ.setdefault("RAY_AUTH_MODE", "disabled")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


@pytest.fixture
def deadline() -> Iterator[None]:
    def expired(*_: object) -> None:
        raise TimeoutError(f"Ray batch took over {TIMEOUT_S} s (a scheduling deadlock?)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(TIMEOUT_S)
    yield
    signal.alarm(0)
    signal.signal(signal.SIGALRM, previous)


def test_ray_with_a_fault_gives_what_ingest_gives(
    ray_cluster: None,
    deadline: None,
    corpus: Path,  # noqa: F811
    ingested: dict[str, Any],  # noqa: F811
    tmp_path: Path,
) -> None:
    from flashpoint.batch.ray_engine import pool_shape

    actors, per_actor = pool_shape(float(ray.cluster_resources()["CPU"]), 20)
    assert actors == 2 and per_actor < 1  # fractional: Ray's own tasks keep a CPU share
    victim = max(ingested["articles"])
    out = tmp_path / "out"
    report = run_batch(
        [str(corpus)], str(out), _settings(tmp_path / "x.db"), engine="ray", fail_once=victim
    )
    assert (out / "_faults" / victim).exists()  # the worker did raise on it
    assert report.failed == {} and len(finished(out)) == report.shards == report.done
    run_load(read_output(out), _settings(tmp_path / "r.db"), source=str(out))
    got = stored(tmp_path / "r.db")
    assert ingested["events"]
    for part in ("articles", "mentions", "events", "rejections"):
        assert got[part] == ingested[part], part
