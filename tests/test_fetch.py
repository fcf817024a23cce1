"""--fetch: only http(s) to public addresses; never loopback, private or file URLs."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import run_cli

from flashpoint.ingest.fetch import FetchRefused, check_url


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
    ],
)
def test_refused_urls(url: str) -> None:
    with pytest.raises(FetchRefused):
        check_url(url)


def test_cli_fetch_to_loopback_is_a_rejection(tmp_path: Path) -> None:
    proc = run_cli("ingest", "--fetch", "http://127.0.0.1:9/", "--db", str(tmp_path / "f.db"))
    assert proc.returncode == 1
    assert "fetch_refused" in proc.stderr and "Traceback" not in proc.stderr
