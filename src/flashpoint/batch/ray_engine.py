"""``--engine ray``: the shards on a Ray cluster, through Ray Data with an actor pool.

Only this module imports Ray (the optional extra ``flashpoint[ray]``). ``RAY_ADDRESS`` names
the cluster; without it a local one is started. The pool's size and the CPUs of each actor
come from the cluster's resources: one actor per CPU, each asking a little less than one CPU,
so that Ray's own read and scheduling tasks always find room (whole CPUs per actor deadlock a
2-core machine: the read task never gets a CPU).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from typing import Any

import numpy as np
import ray

from flashpoint.batch.run import ShardWork
from flashpoint.nlp import KERNEL_ENV, decide_matrix_kernel
from flashpoint.settings import Settings

__all__ = ["pool_shape", "run_on_ray"]

RESERVED_CPUS = 0.5  # left to Ray's own tasks (reading the shard list, collecting results)


def pool_shape(cpus: float, shards: int) -> tuple[int, float]:
    """(actors, CPUs per actor) for a cluster with ``cpus`` CPUs and ``shards`` to do."""
    actors = max(1, min(shards, int(cpus)))
    per_actor = min(1.0, max(0.05, (cpus - RESERVED_CPUS) / actors))
    return actors, round(per_actor, 3)


class _ShardActor:
    """One Ray actor: the stages loaded once, then shard after shard."""

    def __init__(
        self, settings: Settings, out: str, tries: int, fail_once: str | None, kernel: str
    ):
        os.environ[KERNEL_ENV] = kernel  # the run's matrix kernel, before any model loads
        self.work = ShardWork(settings, out, fail_once)
        self.tries = tries

    def __call__(self, batch: dict[str, np.ndarray]) -> dict[str, list[str]]:
        results = [self.work.attempt(str(s), self.tries) for s in batch["source"]]
        return {
            "source": [r["source"] for r in results],
            "result": [json.dumps(r) for r in results],
        }


def run_on_ray(
    sources: list[str], out: str, settings: Settings, tries: int, fail_once: str | None
) -> Iterator[dict[str, Any]]:
    if not sources:
        return
    kernel = decide_matrix_kernel()  # one kernel for every actor of the run
    if not ray.is_initialized():
        ray.init(address=os.environ.get("RAY_ADDRESS") or None, include_dashboard=False)
    cpus = float(ray.cluster_resources().get("CPU", 1))  # type: ignore[no-untyped-call]
    actors, per_actor = pool_shape(cpus, len(sources))
    dataset = ray.data.from_items([{"source": s} for s in sources]).map_batches(
        _ShardActor,
        fn_constructor_kwargs={
            "settings": settings,
            "out": os.path.abspath(out),
            "tries": tries,
            "fail_once": fail_once,
            "kernel": kernel,
        },
        batch_size=1,
        compute=ray.data.ActorPoolStrategy(size=actors),
        num_cpus=per_actor,
        max_restarts=tries,  # an actor that dies is restarted; its shard is retried
    )
    for row in dataset.iter_rows():
        yield json.loads(row["result"])
