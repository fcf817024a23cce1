"""Event commands: events, event, timeline, export, remerge. Thin wrappers over the Store's events,
which come as the analysts corrected them."""

from __future__ import annotations

import functools
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import click

from flashpoint import views
from flashpoint.cli.base import UserError, cli, common, emit, open_store
from flashpoint.export import export_events
from flashpoint.export.acled import COLUMNS, acled_row
from flashpoint.export.cells import csv_text
from flashpoint.merge_job import remerge
from flashpoint.ontology import hidden_types
from flashpoint.settings import Settings
from flashpoint.store import EventFilter, Store, StoreError, parse_near


def _near(value: str | None) -> tuple[float, float, float] | None:
    if not value:
        return None
    try:
        return parse_near(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--near") from exc


def filters(func: Callable[..., Any]) -> Callable[..., Any]:
    """The event filters shared by events, timeline and export."""
    options = [
        click.option("--since", metavar="DATE", help="Events on or after DATE."),
        click.option("--until", metavar="DATE", help="Events on or before DATE."),
        click.option("--type", "etype", metavar="TYPE", help="flashpoint type, e.g. visit."),
        click.option("--acled-type", metavar="TYPE", help="ACLED event or sub-event type."),
        click.option("--country", metavar="ISO3", help="Country of the place or an actor."),
        click.option("--actor", metavar="TEXT", help="Actor name contains TEXT."),
        click.option("--near", metavar="LAT,LON,KM", help="Within KM of a point."),
        click.option("--mode", metavar="MODE", help="happened, planned, claimed, denied, ..."),
        click.option("--min-sources", type=int, help="Reported by at least N outlets."),
        click.option("--text", "query", metavar="QUERY", help="A source sentence contains it."),
        click.option(
            "--min-confidence",
            type=click.FloatRange(0, 1),
            help="Events at or above this confidence (default: events.min_confidence).",
        ),
        click.option(
            "--review",
            is_flag=True,
            help="The review queue: events below events.min_confidence.",
        ),
    ]
    for option in reversed(options):
        func = option(func)

    @functools.wraps(func)
    def wrapper(*args: Any, **kw: Any) -> Any:
        kw["flt"] = EventFilter(
            since=kw.pop("since"),
            until=kw.pop("until"),
            type=kw.pop("etype"),
            acled_type=kw.pop("acled_type"),
            country=kw.pop("country"),
            actor=kw.pop("actor"),
            near=_near(kw.pop("near")),
            mode=kw.pop("mode"),
            min_sources=kw.pop("min_sources"),
            text=kw.pop("query"),
        )
        kw["confidence"] = (kw.pop("min_confidence"), kw.pop("review"))
        return func(*args, **kw)

    return wrapper


def shown(
    flt: EventFilter, settings: Settings, confidence: tuple[float | None, bool]
) -> EventFilter:
    """The filter with the confidence rule of the default list or of the review queue."""
    hidden = hidden_types(settings)
    return flt.shown(settings.float("events.min_confidence"), *confidence, hidden=hidden)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--limit", type=int, default=None)
@filters
@common
def events(
    fmt: str,
    limit: int | None,
    flt: EventFilter,
    confidence: tuple[float | None, bool],
    settings: Settings,
) -> None:
    """List events (one row per real-world event): those at or above the confidence setting,
    or with --review the ones below it, waiting for an analyst."""
    with open_store(settings) as store:
        found = store.events(replace(shown(flt, settings, confidence), limit=limit))
    rows = [views.event_view(e) for e in found]
    if fmt == "json":
        emit(rows)
    elif fmt == "csv":
        click.echo(csv_text(COLUMNS, (acled_row(e) for e in found)), nl=False)
    else:
        click.echo(views.events_table(rows))


@cli.command()
@click.argument("event_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@common
def event(event_id: str, fmt: str, settings: Settings) -> None:
    """One event: each field beside the sentence that supports it."""
    with open_store(settings) as store:
        found = store.event(event_id)
        if found is None:
            raise click.ClickException(f"no event {event_id!r} (see `flashpoint events`)")
        mentions = store.mentions_by_id(s.mention_id for s in found.sources)
    if fmt == "json":
        emit(views.event_view(found))
    else:
        click.echo(views.event_evidence(found, mentions, color=sys.stdout.isatty()))


@cli.command()
@filters
@common
def timeline(flt: EventFilter, confidence: tuple[float | None, bool], settings: Settings) -> None:
    """Events by day, in the terminal."""
    with open_store(settings) as store:
        found = store.events(shown(flt, settings, confidence))
    by_day: dict[str, list[Any]] = defaultdict(list)
    for e in found:
        by_day[e.date.start if e.date else "undated"].append(e)
    for day in sorted(by_day):
        click.echo(f"{day}  {'#' * min(len(by_day[day]), 40)} {len(by_day[day])}")
        for e in by_day[day]:
            where = e.location.name if e.location else "-"
            click.echo(f"    {e.type:24} {e.mode:10} {where:24} {e.id}")


@cli.command("export")
@click.option(
    "--format", "fmt", type=click.Choice(["acled-csv", "json", "geojson", "parquet"]), required=True
)
@click.option("-o", "--output", required=True, metavar="FILE")
@filters
@common
def export_cmd(
    fmt: str,
    output: str,
    flt: EventFilter,
    confidence: tuple[float | None, bool],
    settings: Settings,
) -> None:
    """Write events to FILE as ACLED-style CSV, JSON, GeoJSON or Parquet (those the list
    shows: at or above the confidence setting, unless --min-confidence or --review)."""
    with open_store(settings) as store:
        found = store.events(shown(flt, settings, confidence))
    try:
        n = export_events(found, fmt, output)
    except OSError as exc:
        raise UserError(f"{output}: {exc.strerror or exc}") from exc
    click.echo(f"wrote {n} events to {output} ({fmt})")


@cli.command("remerge")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@common
def remerge_cmd(fmt: str, settings: Settings) -> None:
    """Merge every stored mention again and rewrite every event.

    An ingest merges only the blocks of reports its new mentions touch (the result is the
    same). Run this after changing the merge rules (data/merge_rules.tsv) or the code that
    merges: it recomputes every event from every mention. Event ids stay stable, ids changed
    by the new rules are kept as 'formerly' links, and the analysts' corrections are applied
    again.
    """
    path = Path(settings.str("store.path"))
    if not path.exists():
        raise UserError(f"{path}: no database here; run `flashpoint ingest` first")
    try:
        with Store(path, write=True) as store:
            result = remerge(store)
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    if fmt == "json":
        emit(dict(result))
    else:
        click.echo(f"{result['events']} events from {result['mentions']} mentions (a full merge)")
