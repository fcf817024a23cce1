"""The page's static files, served from memory.

They are read once when the app is made: they ship with the package and do not change while
the server runs, and a page open fetches a dozen of them, so each costs neither file-system
calls nor thread hops (Starlette's StaticFiles does both for every request, and on a busy
server that was most of a page open). Each answer has an ETag; a browser's revalidation gets a
304 without the body.
"""

from __future__ import annotations

import hashlib
import mimetypes
from pathlib import Path

from fastapi import FastAPI, Request
from starlette.responses import Response

from flashpoint.web.errors import error_response

__all__ = ["mount_assets"]

TEXT_TYPES = ("text/", "application/javascript", "application/json")


def read_assets(folder: Path) -> dict[str, tuple[bytes, str, str]]:
    """Each file under ``folder`` by its path there: (bytes, media type, ETag)."""
    found: dict[str, tuple[bytes, str, str]] = {}
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.name.startswith("."):
            continue
        media = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if media.startswith(TEXT_TYPES):
            media += "; charset=utf-8"
        body = path.read_bytes()
        tag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
        found[path.relative_to(folder).as_posix()] = (body, media, tag)
    return found


def mount_assets(app: FastAPI, folder: Path, prefix: str = "/static") -> None:
    """Serve the files under ``folder`` at ``prefix``/PATH (GET and HEAD; 404 otherwise)."""
    assets = read_assets(folder)

    async def asset(request: Request, name: str) -> Response:
        found = assets.get(name)
        if found is None:
            return error_response(404, "not_found", f"no file {prefix}/{name}")
        body, media, tag = found
        headers = {"ETag": tag, "Cache-Control": "no-cache"}  # revalidate: a new version shows
        if request.headers.get("if-none-match") == tag:
            return Response(status_code=304, headers=headers)
        return Response(body, media_type=media, headers=headers)

    app.add_api_route(
        prefix + "/{name:path}", asset, methods=["GET", "HEAD"], include_in_schema=False
    )
