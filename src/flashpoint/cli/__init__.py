"""The command line: a thin layer over plain functions that return data.

``base`` holds what every command shares; ``batch``, ``commands``, ``events`` and ``serve`` register
their commands on the group when imported here (they import ``base``, never this module).
"""

from __future__ import annotations

import os
import sys

import click

from flashpoint.cli import batch, commands, events, serve
from flashpoint.cli.base import EXIT_USAGE, cli
from flashpoint.settings import SettingsError
from flashpoint.store import StoreError

__all__ = ["cli", "main"]
_REGISTERED = (batch, commands, events, serve)


def main() -> None:
    """Entry point: never a traceback for the user unless FLASHPOINT_DEBUG is set."""
    try:
        cli(standalone_mode=True)
    except (StoreError, SettingsError) as exc:  # a user's problem that escaped a command
        click.echo(f"Error: {exc}", err=True)  # as click prints a UserError
        sys.exit(EXIT_USAGE)
    except Exception as exc:  # last resort: report, do not dump a traceback
        if os.environ.get("FLASHPOINT_DEBUG"):
            raise
        click.echo(
            f"flashpoint: internal error: {exc.__class__.__name__}: {exc}\n"
            "Please report it; set FLASHPOINT_DEBUG=1 to see the traceback.",
            err=True,
        )
        sys.exit(70)
