"""Write routes, mounted only when a token is configured (serve.token): ingest one posted
document, correct an event. The client never names a path or URL: a posted document is written
to a temporary folder this server makes, and ingested from there."""

from __future__ import annotations

import hmac
import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi import Path as PathParam
from pydantic import BaseModel, ConfigDict, Field, model_validator

from flashpoint.pipeline import run_ingest
from flashpoint.records import article_id
from flashpoint.settings import Settings
from flashpoint.store import FIELDS, CorrectionError
from flashpoint.web.errors import ApiError
from flashpoint.web.evidence import listed
from flashpoint.web.routes import _EVENT_ID, POSTED, POSTED_PREFIX, json_response, open_store


def require_token(request: Request) -> None:
    """``Authorization: Bearer <serve.token>``, compared in constant time."""
    expected = str(request.app.state.token).encode()
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(value.strip().encode(), expected):
        raise ApiError(
            401,
            "unauthorized",
            "give the server's token as `Authorization: Bearer <token>`",
            headers={"WWW-Authenticate": "Bearer"},
        )


router = APIRouter(prefix="/api", dependencies=[Depends(require_token)])

AUTH: dict[int | str, dict[str, Any]] = {401: {"description": "Missing or wrong bearer token."}}


class Document(BaseModel):
    """One article to ingest: its text (or HTML) and what is known about it."""

    model_config = ConfigDict(extra="forbid")

    text: str | None = Field(None, description="The article's text as a scraper saved it.")
    html: str | None = Field(None, description="Or its HTML (the text is extracted from it).")
    title: str | None = Field(None, max_length=1000)
    outlet: str | None = Field(None, max_length=200)
    published: str | None = Field(None, max_length=40, description="Publication date YYYY-MM-DD.")
    language: str | None = Field(None, max_length=12)

    @model_validator(mode="after")
    def _unicode(self) -> Document:
        for name, value in self.model_dump().items():
            if isinstance(value, str) and not _encodable(value):
                raise ValueError(f"{name} holds a lone surrogate (not valid Unicode)")
        return self


def _encodable(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


class CorrectionIn(BaseModel):
    """A correction of one field of an event (see flashpoint.store.correction_rules)."""

    model_config = ConfigDict(extra="forbid")

    field: str = Field(description=f"One of: {', '.join(FIELDS)}.")
    value: Any = Field(description="The corrected value; null withdraws earlier corrections.")
    reason: str = Field(min_length=1, max_length=500, description="Why: kept with the correction.")
    author: str = Field("analyst", min_length=1, max_length=100)


@router.post(
    "/ingest",
    status_code=201,
    summary="Ingest one document (text or HTML) through the whole pipeline",
    responses={
        409: {"description": "Another process is writing to the database."},
        422: {"description": "The document could not be ingested."},
        **AUTH,
    },
)
def ingest(request: Request, doc: Document) -> Any:
    if not (doc.text and doc.text.strip()) and not (doc.html and doc.html.strip()):
        raise ApiError(400, "bad_body", "give a non-empty 'text' or 'html'")
    record = {k: v for k, v in doc.model_dump().items() if v not in (None, "")}
    raw = json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8")
    base: Settings = request.app.state.settings
    settings = Settings({**dict(base), "store.path": str(request.app.state.db_path)})
    with tempfile.TemporaryDirectory(prefix=POSTED_PREFIX) as folder:
        path = Path(folder) / "posted.json"
        path.write_bytes(raw)
        report = run_ingest([str(path)], settings)  # a StoreError: the app's 503 or 409
    if report.read == 0:
        reasons = "; ".join(f"{r.reason}: {r.detail}" for r in report.rejections) or "unknown"
        reasons = reasons.replace(str(path), POSTED).replace(folder, POSTED)
        raise ApiError(422, "ingest_rejected", f"the document was not ingested ({reasons})")
    summary = report.to_dict()
    summary.pop("database", None)
    body = {"article_id": article_id(raw), "report": summary}
    return json_response(body, status=201)


@router.post(
    "/events/{event_id}/corrections",
    status_code=201,
    summary="Correct one field of an event; the correction survives re-runs",
    responses={404: {"description": "No such event."}, **AUTH},
)
def correct(
    request: Request,
    event_id: Annotated[str, PathParam(description="Event id.")],
    body: CorrectionIn,
) -> Any:
    if not _EVENT_ID.match(event_id):
        raise ApiError(400, "bad_parameter", "event id: letters, digits, _ and - only")
    with open_store(request, write=True) as store:
        try:
            made = store.add_correction(event_id, body.field, body.value, body.reason, body.author)
        except CorrectionError as exc:
            raise ApiError(400, "bad_body", str(exc)) from exc
        except LookupError as exc:
            raise ApiError(404, "not_found", f"no event {event_id!r}") from exc
        event = store.event(event_id)
        assert event is not None  # add_correction checked it exists
        [history] = store.history([event])
    return json_response({"correction": made.to_dict(), "event": listed(event, history)}, 201)
