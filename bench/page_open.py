"""Page opens for bench_api.py: what a browser fetches to show the analyst page, timed.

One open: the HTML; then, in parallel, the scripts, style sheet and map file it names; then, in
parallel, the first data the page asks for (first page of events, timeline, map, stats). A user
has 6 connections, as a browser has per host. Each open must get a 200 for every request.
"""

from __future__ import annotations

import asyncio
import re
import time

import httpx

__all__ = ["FIRST_DATA", "open_pages"]

# As static/js asks on a first open: list.js (limit, sort), timeline.js (bucket), map.js (the
# map at zoom 3, re-aggregated by the server as the analyst zooms), main.js (stats).
FIRST_DATA = (
    "/api/events?limit=100&sort=date",
    "/api/timeline?bucket=auto",
    "/api/map?zoom=3",
    "/api/stats",
)
_ASSET = re.compile(r'(?:src|href)="(/static/[^"]+)"')
# The outlines a first open draws (map.js: 1:110m; the 1:50m ones load only once zoomed in).
MAP_FILE = "/static/vendor/countries-110m.json"


async def _get_all(client: httpx.AsyncClient, paths: list[str]) -> list[httpx.Response]:
    answers = await asyncio.gather(*(client.get(p) for p in paths))
    bad = [f"{r.url.path} {r.status_code}" for r in answers if r.status_code != 200]
    if bad:
        raise RuntimeError(f"page open failed: {', '.join(bad)}")
    return list(answers)


async def open_page(base: str) -> float:
    """Seconds from asking for the HTML to the last of the first data (a fresh user)."""
    limits = httpx.Limits(max_connections=6, max_keepalive_connections=6)
    async with httpx.AsyncClient(base_url=base, timeout=120.0, limits=limits) as client:
        began = time.perf_counter()
        html = await client.get("/")
        if html.status_code != 200:
            raise RuntimeError(f"page open failed: / {html.status_code}")
        assets = list(dict.fromkeys(_ASSET.findall(html.text)))
        loaded = await _get_all(client, assets)
        if any("/static/vendor/countries-" in r.text for r in loaded if r.url.path.endswith(".js")):
            await _get_all(client, [MAP_FILE])  # the scripts ask for the world map
        await _get_all(client, list(FIRST_DATA))
        return time.perf_counter() - began


async def _try_open(base: str) -> float | str:
    try:
        return await open_page(base)
    except (httpx.HTTPError, RuntimeError) as exc:
        return f"{type(exc).__name__}: {exc}"


async def open_pages(base: str, users: int) -> list[float | str]:
    """Seconds of each of ``users`` page opens started at once (or what went wrong)."""
    return list(await asyncio.gather(*(_try_open(base) for _ in range(users))))
