"""Fetch one page over the network, only when the user asks (``ingest --fetch URL``).

http(s) only, a timeout, a size limit, and no request (first or redirected) to loopback,
private, link-local or otherwise non-public addresses. The host name is resolved once and
the connection goes to the address that was checked (no second lookup a DNS server could
answer differently: DNS rebinding). IPv6 addresses that carry an IPv4 address (IPv4-mapped,
NAT64 64:ff9b::/96, 6to4 2002::/16) are judged by the IPv4 address inside.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urljoin, urlsplit

from flashpoint.errors import reject
from flashpoint.ingest.formats import Context, Item, read_html, read_text

MAX_REDIRECTS = 5
USER_AGENT = "flashpoint/0.1 (+offline event coder)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: local use, never public

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchRefused(ValueError):
    """The URL is not one flashpoint will fetch."""


def embedded_ipv4(address: Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 address stands for, if it carries one."""
    if isinstance(address, ipaddress.IPv4Address):
        return None
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if address in _NAT64:
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address.sixtofour


def is_public(address: Address) -> bool:
    if not address.is_global or address.is_multicast:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        if address in _NAT64_LOCAL or address.teredo is not None:
            return False
        inner = embedded_ipv4(address)
        if inner is not None:
            return is_public(inner)
    return True


def check_url(url: str) -> str:
    """The one address to connect to for ``url``; ``FetchRefused`` unless it is http(s) and
    every address the host resolves to is public."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        raise FetchRefused(f"scheme {parts.scheme or '(none)'!r} is not http or https")
    if not parts.hostname:
        raise FetchRefused("no host in the URL")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise FetchRefused(f"cannot resolve {parts.hostname}: {exc}") from exc
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    if not addresses:
        raise FetchRefused(f"{parts.hostname} has no address")
    for address in addresses:
        if not is_public(address):
            raise FetchRefused(f"{parts.hostname} resolves to non-public address {address}")
    return str(addresses[0])


class _PinnedHTTP(http.client.HTTPConnection):
    """Connects to a given address; the host name is only sent in the Host header."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    """TLS to a given address, with the certificate checked against the host name."""

    def __init__(self, host: str, port: int, address: str, timeout: float):
        self.tls = ssl.create_default_context()
        super().__init__(host, port, timeout=timeout, context=self.tls)
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self.tls.wrap_socket(sock, server_hostname=self.host)


def _get(url: str, timeout_s: float, max_bytes: int) -> tuple[bytes, str, str]:
    """(body, content type, final URL), following checked redirects."""
    for _ in range(MAX_REDIRECTS + 1):
        address = check_url(url)
        parts = urlsplit(url)
        host = parts.hostname or ""
        https = parts.scheme == "https"
        port = parts.port or (443 if https else 80)
        conn = (_PinnedHTTPS if https else _PinnedHTTP)(host, port, address, timeout_s)
        try:
            target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            conn.request("GET", target, headers={"User-Agent": USER_AGENT})
            response = conn.getresponse()
            location = response.getheader("Location")
            if response.status in _REDIRECTS and location:
                url = urljoin(url, location)
                continue
            if response.status >= 400:
                raise OSError(f"HTTP {response.status} {response.reason}")
            body = response.read(max_bytes + 1)
            return body, response.getheader("Content-Type") or "", url
        finally:
            conn.close()
    raise OSError(f"more than {MAX_REDIRECTS} redirects")


def fetch_url(url: str, ctx: Context, timeout_s: float, max_bytes: int) -> Iterator[Item]:
    """The page at ``url`` as an article, or one rejection saying why not."""
    try:
        body, ctype, final_url = _get(url, timeout_s, max_bytes)
    except FetchRefused as exc:
        yield reject(url, "ingest", "fetch_refused", str(exc))
        return
    except (OSError, http.client.HTTPException, ValueError) as exc:
        yield reject(url, "ingest", "fetch_failed", str(exc) or type(exc).__name__)
        return
    if len(body) > max_bytes:
        yield reject(url, "ingest", "too_large", "the page is over ingest.fetch_max_bytes")
        return
    ctx = Context(ctx.max_bytes, ctx.language, {"url": final_url, **ctx.meta})
    if "html" in ctype.lower() or body.lstrip()[:1] == b"<":
        yield from read_html(body, url, ctx, url=final_url)
    else:
        yield from read_text(body, url, ctx, fmt="fetch")
