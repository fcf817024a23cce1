"""Batch: archives in shards, processed on every core (``--engine local``) or on a Ray cluster
(``--engine ray``, the optional extra), written as Parquet, then loaded into a store.

A shard is one input file (JSONL, JSON, WARC, ...; a local path or an object-storage URI).
Each shard runs the same per-article stages as ``ingest`` (:mod:`flashpoint.stages`) and writes
its articles and mentions as Parquet, partitioned by month, then a marker: a re-run skips
finished shards and redoes the rest; a shard that fails is retried. The global steps (the
duplicate groups, the merge, the store writer) run in ``flashpoint load``, through the same
writer as ``ingest``, so both paths give the same articles, mentions and events.
"""

from __future__ import annotations

from flashpoint.batch.output import read_output
from flashpoint.batch.run import BatchReport, run_batch
from flashpoint.batch.shards import Shard, list_shards

__all__ = ["BatchReport", "Shard", "list_shards", "read_output", "run_batch"]
