"""Article commands: ingest, articles, article, stats, settings, explain, extract, eval."""

from __future__ import annotations

import functools
import json
import os
import sys
from pathlib import Path
from typing import Any

import click

from flashpoint import views
from flashpoint.clean import ArticleTooLarge
from flashpoint.cli.base import UserError, cli, common, emit, open_store
from flashpoint.errors import explain, reject
from flashpoint.evaluation import SUITES, SuiteError, run_suite
from flashpoint.ingest import Item, read_inputs
from flashpoint.ingest.published import normalise_published
from flashpoint.records import Rejected
from flashpoint.settings import Settings, declared
from flashpoint.store import StoreError

EXIT_NOTHING_INGESTED = 1


@cli.command()
@click.argument("paths", nargs=-1)
@click.option(
    "--fetch",
    "urls",
    multiple=True,
    metavar="URL",
    help="Also fetch this page over the network (http/https, public hosts only).",
)
@click.option("--published", metavar="DATE", help="Publication date for the given files.")
@click.option("--outlet", metavar="NAME", help="Outlet for the given files.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--progress/--no-progress",
    default=None,
    help="Progress bar on stderr (default: only when stderr is a terminal).",
)
@click.option(
    "--workers",
    type=click.IntRange(0, 512),
    default=None,
    metavar="N",
    help="Worker processes for clean, extract and geo (default: ingest.workers; 0 = one per "
    "core). The result is the same for any N.",
)
@common
def ingest(
    paths: tuple[str, ...],
    urls: tuple[str, ...],
    published: str | None,
    outlet: str | None,
    fmt: str,
    progress: bool | None,
    workers: int | None,
    settings: Settings,
) -> None:
    """Read articles from PATHS (files, directories, - for stdin) into the database.

    Exit status: 0 when at least one article was read (new or already stored),
    1 when nothing could be ingested, 2 on a usage error.
    """
    from flashpoint.pipeline import run_ingest  # here: it loads datasketch and scipy (~1 s)

    if not paths and not urls:
        raise click.UsageError("give at least one PATH (or - for stdin) or --fetch URL")
    bar = _progress_bar(progress)
    try:
        report = run_ingest(
            paths,
            settings,
            urls=urls,
            overrides={"published": published, "outlet": outlet},
            on_item=functools.partial(_on_item, bar),
            workers=workers,
        )
    except StoreError as exc:
        raise UserError(str(exc)) from exc
    finally:
        if bar is not None:
            bar.close()
    if fmt == "json":
        emit(report.to_dict())
    else:
        click.echo(views.ingest_summary(report.to_dict()))
    if report.read == 0:
        sys.exit(EXIT_NOTHING_INGESTED)


def _progress_bar(progress: bool | None) -> Any:
    if progress is False or (progress is None and not sys.stderr.isatty()):
        return None
    from tqdm import tqdm

    # no monitor thread: ingest forks its workers only from a process of one thread
    tqdm.monitor_interval = 0
    return tqdm(unit=" items", file=sys.stderr, desc="ingest", dynamic_ncols=True)


def _on_item(bar: Any, item: Item) -> None:
    if isinstance(item, Rejected):
        line = f"rejected: {item.line()}"
        if bar is not None:
            bar.write(line, file=sys.stderr)
        else:
            click.echo(line, err=True)
    if bar is not None:
        bar.update(1)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@click.option("--limit", type=int, default=None, help="At most this many articles.")
@common
def articles(fmt: str, limit: int | None, settings: Settings) -> None:
    """List stored articles."""
    with open_store(settings) as store:
        rows = [views.article_summary(r) for r in store.articles(limit)]
    if fmt == "json":
        emit(rows)
    else:
        click.echo(views.articles_table(rows))


@cli.command()
@click.argument("article_id")
@click.option("--raw", "part", flag_value="raw", help="The raw text as ingested.")
@click.option("--clean", "part", flag_value="clean", help="The clean body text.")
@click.option("--removed", "part", flag_value="removed", help="What cleaning removed, and why.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@common
def article(article_id: str, part: str | None, fmt: str, settings: Settings) -> None:
    """Show one article (ID or a unique prefix of at least 4 characters)."""
    with open_store(settings) as store:
        full = store.resolve_id(article_id)
        row = store.article(full) if full else None
    if row is None:
        raise click.ClickException(f"no article with id {article_id!r} (see `flashpoint articles`)")
    data = views.article_detail(row)
    if fmt == "json":
        emit({k: data[k] for k in views.PART_KEYS[part]} if part else data)
    else:
        click.echo(views.article_text(data, part))


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@common
def stats(fmt: str, settings: Settings) -> None:
    """Counts: articles, duplicates, outlets, dates, rejections by reason."""
    with open_store(settings) as store:
        data = store.stats()
    if fmt == "json":
        emit(data)
    else:
        click.echo(views.stats_text(data))


@cli.command("settings")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@common
def settings_cmd(fmt: str, settings: Settings) -> None:
    """Every setting with its current value, default and help."""
    rows = [
        {
            "name": d.name,
            "value": "***" if d.secret and settings[d.name] else settings[d.name],
            "default": d.default,
            "help": d.help,
        }
        for d in declared().values()
    ]
    if fmt == "json":
        emit(rows)
    else:
        for row in rows:
            click.echo(f"{row['name']} = {row['value']!r}  (default {row['default']!r})")
            click.echo(f"    {row['help']}")


@cli.command("explain")
@click.argument("code")
def explain_cmd(code: str) -> None:
    """What a rejection code means and what to do about it."""
    text = explain(code)
    if not text:
        raise click.ClickException(f"unknown code {code!r}")
    click.echo(f"{code}: {text}")


@cli.command("extract")
@click.argument("source", metavar="FILE|-")
@click.option("--published", metavar="DATE", help="Publication date: resolves 'Tuesday'.")
@click.option("--outlet", metavar="NAME")
@click.option("--geo/--no-geo", default=True, help="Locate each mention (default: yes).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option(
    "--explain",
    is_flag=True,
    help="Also print the candidates that report no event, each with the reason.",
)
@common
def extract_cmd(
    source: str,
    published: str | None,
    outlet: str | None,
    geo: bool,
    fmt: str,
    explain: bool,
    settings: Settings,
) -> None:
    """Print the event mentions of the articles in FILE (or - for stdin), without storing
    them. Read, cleaned and parsed as `flashpoint ingest` does, with the same settings.
    With --explain, the candidates that report no specific real event are printed too, each
    with why (negated, hypothetical, generic, statistic, other sense, ...)."""
    from flashpoint.pipeline import clean_one, extract_article  # here: scipy loads in ~1 s

    try:
        day = normalise_published(published)
    except ValueError as exc:
        raise UserError(f"--published: {exc}") from exc
    items = read_inputs(
        [source],
        max_bytes=settings.int("ingest.max_bytes"),
        language=settings.str("ingest.default_language"),
        overrides={"published": day, "outlet": outlet},
    )
    rows: list[dict[str, Any]] = []
    articles = 0
    for item in items:
        if isinstance(item, Rejected):
            found: list[Any] | Rejected = item
        else:
            try:
                found = extract_article(item, clean_one(item, settings), geo=geo)
            except ArticleTooLarge as exc:
                found = reject(item.source, "clean", "too_large", str(exc))
        if isinstance(found, Rejected):
            click.echo(f"rejected: {found.line()}", err=True)
            continue
        articles += 1
        rows.extend(views.mention_view(m) for m in found if explain or not m.dropped)
    if not articles:
        raise UserError(f"{source}: no article could be read (see the rejected: lines)")
    if fmt == "json":
        emit(rows)
    else:
        click.echo(views.mentions_text(rows))


@cli.command("eval")
@click.argument("suite", type=click.Choice(sorted(SUITES)))
@click.option("--data", "data", required=True, metavar="PATH", help="Gold data file or folder.")
@click.option("--limit", type=int, default=None, help="Only the first N items.")
@click.option("--gold-spans", is_flag=True, help="geo: resolve the gold toponym spans only.")
@click.option(
    "--topics",
    default=None,
    metavar="T1,T2",
    help="off-topic: the Timeline17 topics to read (default: the gate's three).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
def eval_cmd(
    suite: str, data: str, limit: int | None, gold_spans: bool, topics: str | None, fmt: str
) -> None:
    """Measure against gold data (README, "Measuring accuracy": what each SUITE reads)."""
    chosen = tuple(t.strip() for t in topics.split(",") if t.strip()) if topics else None
    try:
        result = run_suite(suite, data, limit=limit, gold_spans=gold_spans, topics=chosen)
    except SuiteError as exc:
        raise click.ClickException(str(exc)) from exc
    if fmt == "json":
        emit(result)
    else:
        click.echo(views.eval_text(result))


@cli.command("eval-gate")
@click.option(
    "--shared",
    default=None,
    metavar="DIR",
    help="Folder with the gold data [env FLASHPOINT_SHARED; default ../shared].",
)
@click.option("--raise-floors", is_flag=True, help="Raise floors to what was measured.")
@click.option("--allow-lower", is_flag=True, help="With --raise-floors: also lower floors.")
def eval_gate_cmd(shared: str | None, raise_floors: bool, allow_lower: bool) -> None:
    """Fail when a measured figure drops below its pinned floor (evals/floors.json)."""
    from flashpoint.evaluation.gate import DEFAULT_FLOORS, new_floors, run_gate

    root = Path(shared or os.environ.get("FLASHPOINT_SHARED") or "../shared")
    checks, _ = run_gate(root)
    for check in checks:
        click.echo(check.line())
    if raise_floors:
        DEFAULT_FLOORS.write_text(
            json.dumps(new_floors(DEFAULT_FLOORS, checks, allow_lower), indent=2) + "\n"
        )
        click.echo(f"floors written to {DEFAULT_FLOORS}")
    elif not all(c.ok for c in checks):
        raise click.ClickException("eval gate failed: a figure fell below its floor")
