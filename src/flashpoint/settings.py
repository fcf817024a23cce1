"""Settings, declared once in ``data/settings.toml`` with defaults and help.

Precedence, lowest first: declared default, ``flashpoint.toml`` (or ``--config``),
environment ``FLASHPOINT_<SECTION>_<KEY>``, explicit overrides (CLI flags).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Declared:
    name: str
    default: Any
    help: str
    secret: bool = False  # shown masked by `flashpoint settings`


def declared() -> dict[str, Declared]:
    """Every declared setting, keyed by dotted name."""
    text = resources.files("flashpoint").joinpath("data/settings.toml").read_text("utf-8")
    table = tomllib.loads(text)
    out: dict[str, Declared] = {}
    for section, keys in table.items():
        for key, spec in keys.items():
            name = f"{section}.{key}"
            out[name] = Declared(name, spec["default"], spec["help"], bool(spec.get("secret")))
    return out


def _coerce(value: Any, like: Any, name: str) -> Any:
    if isinstance(like, bool):
        if isinstance(value, str):
            return value.strip().lower() in {"1", "true", "yes", "on"}
        return bool(value)
    try:
        if isinstance(like, int):
            return int(value)
        if isinstance(like, float):
            return float(value)
    except (TypeError, ValueError) as exc:
        raise SettingsError(f"setting {name}: {value!r} is not a number") from exc
    return str(value)


class SettingsError(ValueError):
    """A setting given with a bad name or value."""


class Settings(Mapping[str, Any]):
    """Resolved settings: a read-only mapping from dotted name to value."""

    def __init__(self, values: dict[str, Any]):
        self._values = values

    def __getitem__(self, name: str) -> Any:
        return self._values[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._values)

    def __len__(self) -> int:
        return len(self._values)

    def int(self, name: str) -> int:
        return int(self._values[name])

    def float(self, name: str) -> float:
        return float(self._values[name])

    def str(self, name: str) -> str:
        return str(self._values[name])


def load(
    config: str | Path | None = None,
    overrides: Mapping[str, Any] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Settings:
    decl = declared()
    values = {name: d.default for name, d in decl.items()}
    path = Path(config) if config else Path("flashpoint.toml")
    if config or path.exists():
        try:
            user = tomllib.loads(path.read_text("utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read settings: {exc}") from exc
        for section, keys in user.items():
            for key, value in keys.items():
                _set(values, decl, f"{section}.{key}", value)
    env = os.environ if environ is None else environ
    for name in decl:
        var = "FLASHPOINT_" + name.replace(".", "_").upper()
        if var in env:
            _set(values, decl, name, env[var])
    if "FLASHPOINT_DB" in env:
        values["store.path"] = env["FLASHPOINT_DB"]
    for name, value in (overrides or {}).items():
        if value is not None:
            _set(values, decl, name, value)
    return Settings(values)


def _set(values: dict[str, Any], decl: dict[str, Declared], name: str, value: Any) -> None:
    if name not in decl:
        raise SettingsError(f"unknown setting {name!r}; see `flashpoint settings`")
    values[name] = _coerce(value, decl[name].default, name)
