"""The analyst web page and HTTP API: ``flashpoint serve`` (see docs/web.md).

Public entry: :func:`create_app` (a FastAPI app over one database, read-only unless a token is
configured). The page under ``static/`` works offline: its libraries come from the npm registry
at build time (``frontend/``) and ship inside the package.
"""

from __future__ import annotations

from flashpoint.web.app import create_app

__all__ = ["create_app"]
