"""Page opens for bench_api.py: what a browser fetches to show the analyst page, timed.

One open: the HTML; then, in parallel, the scripts, style sheet and map file it names; then, in
parallel, the first data the page asks for (first page of events, timeline, map, stats). A user
has 6 connections, as a browser has per host. Each open must get a 200 for every request.

The users are aiohttp clients (its response parser is C). With httpx, 50 users opening at once
saturated the bench's one CPU for the last 2.5 s of the opens while the server idled (CPU
sampled every half second, 2026-12-03), so the figure measured the clients.
"""

from __future__ import annotations

import asyncio
import re
import time

import aiohttp

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


async def _get_all(client: aiohttp.ClientSession, paths: list[str]) -> list[bytes]:
    """The bodies of ``paths``, asked at once; RuntimeError naming any that is not a 200."""

    async def get(path: str) -> tuple[str, int, bytes]:
        async with client.get(path) as res:
            return path, res.status, await res.read()

    answers = await asyncio.gather(*(get(p) for p in paths))
    bad = [f"{path} {status}" for path, status, _ in answers if status != 200]
    if bad:
        raise RuntimeError(f"page open failed: {', '.join(bad)}")
    return [body for _, _, body in answers]


async def open_page(base: str) -> float:
    """Seconds from asking for the HTML to the last of the first data (a fresh user)."""
    connector = aiohttp.TCPConnector(limit=6)
    timeout = aiohttp.ClientTimeout(total=120.0)
    async with aiohttp.ClientSession(base, connector=connector, timeout=timeout) as client:
        began = time.perf_counter()
        [html] = await _get_all(client, ["/"])
        assets = list(dict.fromkeys(_ASSET.findall(html.decode("utf-8"))))
        loaded = await _get_all(client, assets)
        scripts = [body for path, body in zip(assets, loaded, strict=True) if path.endswith(".js")]
        if any(b"/static/vendor/countries-" in body for body in scripts):
            await _get_all(client, [MAP_FILE])  # the scripts ask for the world map
        await _get_all(client, list(FIRST_DATA))
        return time.perf_counter() - began


async def _try_open(base: str) -> float | str:
    try:
        return await open_page(base)
    except (TimeoutError, aiohttp.ClientError, RuntimeError) as exc:
        return f"{type(exc).__name__}: {exc}"


async def open_pages(base: str, users: int) -> list[float | str]:
    """Seconds of each of ``users`` page opens started at once (or what went wrong)."""
    return list(await asyncio.gather(*(_try_open(base) for _ in range(users))))
