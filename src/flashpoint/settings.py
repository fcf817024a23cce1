"""Settings, declared once in ``data/settings.toml`` with defaults and help.

Precedence, lowest first: declared default, ``flashpoint.toml`` (or ``--config``),
environment ``FLASHPOINT_<SECTION>_<KEY>``, explicit overrides (CLI flags).
"""

from __future__ import annotations

import math
import os
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

TYPES = ("int", "float", "bool", "str")
_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


class SettingsError(ValueError):
    """A setting given with a bad name or value; the message names it and where it came from."""


@dataclass(frozen=True)
class Declared:
    name: str
    default: Any
    help: str
    secret: bool = False  # shown masked by `flashpoint settings`
    type: str = "str"  # int | float | bool | str
    min: float | None = None
    max: float | None = None

    def range_text(self) -> str:
        if self.min is not None and self.max is not None:
            return f"from {self.min:g} to {self.max:g}"
        if self.min is not None:
            return f"at least {self.min:g}"
        return f"at most {self.max:g}" if self.max is not None else ""

    def check(self, value: Any, source: str) -> Any:
        """``value`` as this setting's type, within its range; SettingsError naming the
        setting and ``source`` (a file, an environment variable) otherwise."""
        where = f"{source}: " if source else ""
        try:
            typed = _typed(value, self.type)
        except (TypeError, ValueError, OverflowError) as exc:
            raise SettingsError(
                f"{where}setting {self.name} = {value!r}: {exc}; see `flashpoint settings`"
            ) from None
        low_ok = self.min is None or typed >= self.min
        high_ok = self.max is None or typed <= self.max
        if self.type in ("int", "float") and not (low_ok and high_ok):
            raise SettingsError(
                f"{where}setting {self.name} = {value!r} is out of range: "
                f"{self.range_text()}; see `flashpoint settings`"
            )
        return typed


def _typed(value: Any, kind: str) -> Any:
    """``value`` as ``kind``; a string (from the environment) is parsed. ValueError says why."""
    if kind == "bool":
        if isinstance(value, bool):
            return value
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        raise ValueError("must be true or false")
    if kind == "int":
        if isinstance(value, str):
            value = value.strip()
            if not value.lstrip("+-").isdigit() or len(value) > 30:
                raise ValueError("must be a whole number")
            return int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise ValueError("must be a whole number")
        return value
    if kind == "float":
        if isinstance(value, str):
            try:
                value = float(value.strip())
            except ValueError:
                raise ValueError("must be a number") from None
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError("must be a number")
        if not math.isfinite(float(value)):
            raise ValueError("must be a finite number")
        return float(value)
    if not isinstance(value, str):
        raise ValueError("must be text (in quotes in a TOML file)")
    if "\x00" in value:
        raise ValueError("must not hold a NUL character")
    return value


def declared() -> dict[str, Declared]:
    """Every declared setting, keyed by dotted name."""
    text = resources.files("flashpoint").joinpath("data/settings.toml").read_text("utf-8")
    table = tomllib.loads(text)
    out: dict[str, Declared] = {}
    for section, keys in table.items():
        for key, spec in keys.items():
            name = f"{section}.{key}"
            default = spec["default"]
            kind = spec.get("type") or _kind_of(default)
            if kind not in TYPES:
                raise SettingsError(f"data/settings.toml: {name}: unknown type {kind!r}")
            out[name] = Declared(
                name,
                default,
                spec["help"],
                bool(spec.get("secret")),
                kind,
                spec.get("min"),
                spec.get("max"),
            )
    return out


def _kind_of(default: Any) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    return "float" if isinstance(default, float) else "str"


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
    """The settings in force; SettingsError (one line naming the file or variable and the
    setting) for an unreadable file, an unknown name, a wrong type or a value out of range."""
    decl = declared()
    values = {name: d.check(d.default, "data/settings.toml") for name, d in decl.items()}
    path = Path(config) if config else Path("flashpoint.toml")
    if config or path.exists():
        for name, value in _read_config(path).items():
            _set(values, decl, name, value, str(path))
    env = os.environ if environ is None else environ
    for name in decl:
        var = "FLASHPOINT_" + name.replace(".", "_").upper()
        if var in env:
            _set(values, decl, name, env[var], f"environment {var}")
    if "FLASHPOINT_DB" in env:
        _set(values, decl, "store.path", env["FLASHPOINT_DB"], "environment FLASHPOINT_DB")
    for name, value in (overrides or {}).items():
        if value is not None:
            _set(values, decl, name, value, "")
    return Settings(values)


def _read_config(path: Path) -> dict[str, Any]:
    """``{dotted name: value}`` from a settings file: tables of plain values."""
    if path.is_dir():
        raise SettingsError(f"{path}: is a folder; give a settings file (TOML)")
    try:
        user = tomllib.loads(path.read_text("utf-8"))
    except UnicodeDecodeError:
        raise SettingsError(f"{path}: cannot read settings: not UTF-8 text") from None
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read settings: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from None
    out: dict[str, Any] = {}
    for section, keys in user.items():
        if not isinstance(keys, dict):
            raise SettingsError(
                f"{path}: {section} = {keys!r}: settings go in tables, e.g. [{section}] "
                "then key = value; see `flashpoint settings`"
            )
        for key, value in keys.items():
            out[f"{section}.{key}"] = value
    return out


def _set(
    values: dict[str, Any], decl: dict[str, Declared], name: str, value: Any, source: str
) -> None:
    if name not in decl:
        where = f"{source}: " if source else ""
        raise SettingsError(f"{where}unknown setting {name!r}; see `flashpoint settings`")
    values[name] = decl[name].check(value, source)
