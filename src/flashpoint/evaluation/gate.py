"""The eval gate: measured figures must not fall below pinned floors (nor rise above pinned
ceilings, for figures where less is better) by more than noise.

``evals/floors.json`` holds, per gate entry, the suite to run (the entry's name unless
``suite`` says otherwise), the data path (relative to the shared folder), the suite's options
(``opts``, e.g. ``{"gold_spans": true}``) and a floor per metric.
Raising a floor is easy (``--raise``); lowering one needs ``--allow-lower``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flashpoint.evaluation import run_suite

DEFAULT_FLOORS = Path(__file__).resolve().parents[3] / "evals" / "floors.json"


@dataclass(frozen=True)
class Check:
    suite: str
    metric: str
    floor: float
    measured: float
    noise: float
    ceiling: bool = False  # a figure that must not rise (events per article)

    @property
    def ok(self) -> bool:
        if self.ceiling:
            return self.measured <= self.floor + self.noise
        return self.measured >= self.floor - self.noise

    def line(self) -> str:
        verdict = "ok  " if self.ok else "FAIL"
        bound = "ceiling" if self.ceiling else "floor"
        return (
            f"{verdict} {self.suite}.{self.metric}: measured {self.measured:.4f}, "
            f"{bound} {self.floor:.4f} (noise {self.noise})"
        )


def run_gate(
    shared: Path, floors_path: Path = DEFAULT_FLOORS
) -> tuple[list[Check], dict[str, Any]]:
    spec = json.loads(floors_path.read_text())
    checks: list[Check] = []
    results: dict[str, Any] = {}
    for suite, conf in spec["suites"].items():
        result = run_suite(conf.get("suite", suite), shared / conf["data"], **conf.get("opts", {}))
        results[suite] = result
        bounds = [(m, f, False) for m, f in conf.get("floors", {}).items()]
        bounds += [(m, f, True) for m, f in conf.get("ceilings", {}).items()]
        for metric, floor, ceiling in bounds:
            checks.append(
                Check(
                    suite,
                    metric,
                    float(floor),
                    float(result[metric]),
                    float(conf.get("noise", spec.get("noise", 0.01))),
                    ceiling,
                )
            )
    return checks, results


def new_floors(floors_path: Path, checks: list[Check], allow_lower: bool) -> dict[str, Any]:
    """Floors raised (ceilings lowered) to what was measured; the other way only when
    allowed."""
    spec = json.loads(floors_path.read_text())
    for check in checks:
        key = "ceilings" if check.ceiling else "floors"
        bounds = spec["suites"][check.suite][key]
        better = check.measured < check.floor if check.ceiling else check.measured > check.floor
        if better or allow_lower:
            bounds[check.metric] = round(check.measured, 4)
    return dict(spec)
