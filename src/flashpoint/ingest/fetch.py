"""Fetch one page over the network, only when the user asks (``ingest --fetch URL``).

http(s) only, a timeout, a size limit, and no request (first or redirected) to loopback,
private, link-local or otherwise non-public addresses.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from collections.abc import Iterator
from urllib.parse import urlsplit

from flashpoint.errors import reject
from flashpoint.ingest.formats import Context, Item, read_html, read_text

MAX_REDIRECTS = 5


class FetchRefused(ValueError):
    """The URL is not one flashpoint will fetch."""


def check_url(url: str) -> None:
    """Raise ``FetchRefused`` unless ``url`` is http(s) to a public address."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"scheme {parts.scheme or '(none)'!r} is not http or https")
    if not parts.hostname:
        raise FetchRefused("no host in the URL")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 443, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise FetchRefused(f"cannot resolve {parts.hostname}: {exc.strerror}") from exc
    for info in infos:
        address = ipaddress.ip_address(info[4][0])
        if not address.is_global or address.is_multicast:
            raise FetchRefused(f"{parts.hostname} resolves to non-public address {address}")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        check_url(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch_url(url: str, ctx: Context, timeout_s: float, max_bytes: int) -> Iterator[Item]:
    """The page at ``url`` as an article, or one rejection saying why not."""
    try:
        check_url(url)
        opener = urllib.request.build_opener(_CheckedRedirects)
        opener.addheaders = [("User-Agent", "flashpoint/0.1 (+offline event coder)")]
        with opener.open(url, timeout=timeout_s) as response:
            body = response.read(max_bytes + 1)
            ctype = response.headers.get("Content-Type", "")
            final_url = response.geturl()
    except FetchRefused as exc:
        yield reject(url, "ingest", "fetch_refused", str(exc))
        return
    except (urllib.error.URLError, OSError, ValueError) as exc:
        yield reject(url, "ingest", "fetch_failed", str(exc))
        return
    if len(body) > max_bytes:
        yield reject(url, "ingest", "too_large", "the page is over ingest.fetch_max_bytes")
        return
    ctx = Context(ctx.max_bytes, ctx.language, {"url": final_url, **ctx.meta})
    if "html" in ctype.lower() or body.lstrip()[:1] == b"<":
        yield from read_html(body, url, ctx, url=final_url)
    else:
        yield from read_text(body, url, ctx, fmt="fetch")
