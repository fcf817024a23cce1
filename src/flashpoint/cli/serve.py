"""`flashpoint serve`: the analyst page and HTTP API over one database (see docs/web.md)."""

from __future__ import annotations

import click

from flashpoint.cli.base import UserError, cli, common
from flashpoint.settings import Settings
from flashpoint.store import Store, StoreError, WriterBusy


def _ready(path: str) -> None:
    """The database exists and has the newest schema (migrated once here if it is older)."""
    try:
        Store(path).close()
        return
    except StoreError as exc:
        if "is old" not in str(exc):
            raise UserError(str(exc)) from exc
    try:
        with Store(path, write=True) as store:
            click.echo(
                f"flashpoint: migrated {path} to schema {store.version}"
                f" (was {store.migrated_from})",
                err=True,
            )
    except WriterBusy as exc:
        raise UserError(f"{exc}; the schema needs one migration first") from exc
    except StoreError as exc:
        raise UserError(str(exc)) from exc


@cli.command()
@click.option("--host", default=None, metavar="ADDR", help="Bind address [default 127.0.0.1].")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Port [default 8000].")
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=None,
    help="Server processes, 0 one per core [serve.workers].",
)
@common
def serve(host: str | None, port: int | None, workers: int | None, settings: Settings) -> None:
    """Serve the analyst page and the HTTP API (read-only unless serve.token is set).

    The page works offline: timeline, map, event list and each event's evidence. API
    reference: /api/openapi.json. Ctrl-C stops it.
    """
    # Here, not at the top: FastAPI takes over a second to import, and every other command
    # would pay it.
    from flashpoint.web import create_app
    from flashpoint.web.app import check_token, vendor_missing
    from flashpoint.web.security import loopback_hosts
    from flashpoint.web.server import serve_app

    if workers is not None:
        settings = Settings({**dict(settings), "serve.workers": workers})
    bind = host or settings.str("serve.host")
    listen = port or settings.int("serve.port")
    path = settings.str("store.path")
    try:
        check_token(settings.str("serve.token").strip())
    except ValueError as exc:
        raise UserError(str(exc)) from exc
    _ready(path)
    app = create_app(path, settings, allowed_hosts=loopback_hosts(bind))
    writes = app.state.write_enabled
    click.echo(
        f"flashpoint: serving {path} at http://{bind}:{listen}/ "
        + (
            "(write endpoints on: token set)"
            if writes
            else "(read-only; set FLASHPOINT_SERVE_TOKEN for the write endpoints)"
        ),
        err=True,
    )
    if loopback_hosts(bind) == ["*"]:
        click.echo(
            f"flashpoint: warning: bound to {bind}, reachable from other machines over plain HTTP",
            err=True,
        )
    missing = vendor_missing()
    if missing:
        click.echo(
            f"flashpoint: warning: page libraries missing ({', '.join(missing)}); "
            "run `make install` (npm ci in frontend/)",
            err=True,
        )
    serve_app(app, bind, listen, settings)
