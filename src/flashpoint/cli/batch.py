"""Archive commands: batch (shards to Parquet, on every core or on Ray) and load."""

from __future__ import annotations

from pathlib import Path

import click

from flashpoint import views
from flashpoint.cli.base import UserError, cli, common, emit
from flashpoint.settings import Settings
from flashpoint.store import StoreError

EXIT_SHARDS_FAILED = 1


@cli.command("batch")
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", "out", required=True, metavar="DIR", help="Output folder (Parquet).")
@click.option(
    "--engine",
    type=click.Choice(["local", "ray"]),
    default="local",
    help="local: a process pool on this machine. ray: a Ray cluster (RAY_ADDRESS, or a local "
    "one); needs `pip install 'flashpoint[ray]'`.",
)
@click.option(
    "--workers",
    type=click.IntRange(0, 512),
    default=0,
    metavar="N",
    help="Worker processes for --engine local (0 = one per core).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@common
def batch_cmd(
    inputs: tuple[str, ...], out: str, engine: str, workers: int, fmt: str, settings: Settings
) -> None:
    """Clean, sign, extract and geocode the shards in INPUTS (files, folders, or URIs such as
    s3://bucket/prefix/) into Parquet under --out, partitioned by month, one marker per
    finished shard. A re-run skips finished shards and retries failed ones. Load the result
    with `flashpoint load DIR`.

    Exit status: 0 when every shard finished, 1 when some failed (re-run to retry them).
    """
    from flashpoint.batch import run_batch  # here: pyarrow and the stages load in ~1 s

    if engine == "ray":
        try:
            import ray  # noqa: F401
        except ImportError:
            raise UserError(
                "--engine ray needs Ray: pip install 'flashpoint[ray]' (or use --engine local)"
            ) from None
    report = run_batch(inputs, out, settings, engine=engine, workers=workers)
    data = report.to_dict()
    if fmt == "json":
        emit(data)
    else:
        click.echo(views.batch_summary(data))
    if report.failed:
        raise SystemExit(EXIT_SHARDS_FAILED)


@cli.command("load")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@common
def load_cmd(folder: str, fmt: str, settings: Settings) -> None:
    """Load the output of `flashpoint batch` (FOLDER) into the database: duplicates, merge
    and writer as in `ingest`. Loading twice adds nothing."""
    from flashpoint.batch import read_output
    from flashpoint.pipeline import run_load

    try:
        report = run_load(read_output(Path(folder)), settings, source=folder)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    if fmt == "json":
        emit(report.to_dict())
    else:
        click.echo(views.ingest_summary(report.to_dict()))
