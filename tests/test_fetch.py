"""--fetch: only http(s) to public addresses; never loopback, private or file URLs."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from conftest import run_cli

from flashpoint.ingest import fetch
from flashpoint.ingest.fetch import FetchRefused, check_url
from flashpoint.ingest.formats import Context


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "ftp://example.org/x",
        "http://127.0.0.1:8000/",
        "http://localhost/",
        "http://10.1.2.3/",
        "http://192.168.0.1/",
        "http://169.254.169.254/latest/meta-data",
        "http://[::1]/",
        "http:///nohost",
        "http://[64:ff9b::7f00:1]/",  # NAT64 of 127.0.0.1
        "http://[64:ff9b::a00:1]/",  # NAT64 of 10.0.0.1
        "http://[64:ff9b:1::7f00:1]/",  # local-use NAT64 prefix
        "http://[::ffff:127.0.0.1]/",  # IPv4-mapped loopback
        "http://[::ffff:169.254.169.254]/",
        "http://[2002:7f00:1::]/",  # 6to4 of 127.0.0.1
        "http://[2002:c0a8:1::]/",  # 6to4 of 192.168.0.1
    ],
)
def test_refused_urls(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url)


def test_cli_fetch_to_loopback_is_a_rejection(tmp_path: Path) -> None:
    proc = run_cli("ingest", "--fetch", "http://127.0.0.1:9/", "--db", str(tmp_path / "f.db"))
    assert proc.returncode == 1
    assert "fetch_refused" in proc.stderr and "Traceback" not in proc.stderr


def test_public_ipv4_inside_nat64_is_allowed() -> None:
    assert check_url("http://[64:ff9b::5db8:d822]/") == "64:ff9b::5db8:d822"  # 93.184.216.34


def test_connects_to_the_checked_address_without_a_second_lookup(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """DNS rebinding: the first answer is public, any later one loopback. Only the first
    is asked for, and the connection goes to it."""
    answers = iter(["93.184.216.34", "127.0.0.1", "127.0.0.1"])
    lookups: list[str] = []
    connects: list[tuple[str, int]] = []

    def getaddrinfo(host: str, port: int, **_: object) -> list[tuple[object, ...]]:
        lookups.append(host)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]

    def create_connection(address: tuple[str, int], *_: object) -> socket.socket:
        connects.append(address)
        raise ConnectionRefusedError("test: no network")

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket, "create_connection", create_connection)
    [item] = list(fetch.fetch_url("http://rebind.example/page", Context(1000, "en"), 5, 1000))
    assert lookups == ["rebind.example"]
    assert connects == [("93.184.216.34", 80)]
    assert item.reason == "fetch_failed"  # type: ignore[union-attr]
