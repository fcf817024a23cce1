"""What every command shares: the `cli` group, --db/--config, opening the store, errors.

A user's mistake (a bad setting, a database that cannot be used) is one line and exit 2;
"internal error" is left for bugs.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from typing import Any

import click

from flashpoint import __version__
from flashpoint.settings import Settings, SettingsError, load
from flashpoint.store import Store, StoreError

EXIT_USAGE = 2


class UserError(click.ClickException):
    """A problem the user can fix (a setting, a file, a database): one line, exit 2."""

    exit_code = EXIT_USAGE


def common(func: Callable[..., Any]) -> Callable[..., Any]:
    """--db and --config for every command."""

    @click.option(
        "--db",
        "db",
        metavar="PATH",
        help="Database file [env FLASHPOINT_DB; default flashpoint.db].",
    )
    @click.option("--config", "config", metavar="TOML", help="Settings file (see `settings`).")
    @functools.wraps(func)
    def wrapper(*args: Any, db: str | None, config: str | None, **kwargs: Any) -> Any:
        try:
            settings = load(config, overrides={"store.path": db})
        except SettingsError as exc:
            raise UserError(str(exc)) from exc
        return func(*args, settings=settings, **kwargs)

    return wrapper


def open_store(settings: Settings) -> Store:
    """The database named by the settings, for reading."""
    try:
        return Store(settings.str("store.path"))
    except StoreError as exc:
        raise UserError(str(exc)) from exc


def emit(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False, indent=2))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="flashpoint")
def cli() -> None:
    """flashpoint: news reports about armed conflict in, event data out."""
