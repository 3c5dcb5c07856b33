"""The FastAPI application: REST API under /api and the web UI at /.

The store is opened read-only for each request and closed before the response
leaves, so ``tacitus ingest`` can write to the same file while the app runs: a
request that arrives during a write waits (up to ``lock_timeout``) for the batch
to commit, and a write waits for the few milliseconds a read takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from tacitus.errors import QueryError, StoreError, StoreLocked
from tacitus.serve.routes import build_router
from tacitus.store.duck import Store
from tacitus.version import __version__

STATIC = Path(__file__).parent / "static"
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")
MAX_BODY_BYTES = 16 * 1024
MAX_QUERY_BYTES = 4096
MAX_PATH_BYTES = 2048
# Scripts, styles and data come only from this app: no CDN, no inline script.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)

T = TypeVar("T")


class Reader:
    """Opens the store read-only for one unit of work per call."""

    def __init__(self, db_path: str, *, lock_timeout: float = 10.0) -> None:
        self.store = Store(db_path, lock_timeout=lock_timeout)

    def __call__(self, work: Callable[[Any], T]) -> T:
        with self.store.connect(read_only=True) as con:
            return work(con)


def _error(status: int, message: str, **headers: str) -> JSONResponse:
    return JSONResponse({"error": message, "status": status}, status_code=status, headers=headers)


def _validation_message(error: RequestValidationError) -> str:
    parts = []
    for item in error.errors():
        where = ".".join(str(p) for p in item.get("loc", ()) if p not in ("query", "path"))
        parts.append(f"{where}: {item.get('msg', 'invalid value')}")
    return "; ".join(parts) or "invalid request"


def create_app(
    db_path: str,
    *,
    allowed_hosts: Sequence[str] | None = None,
    lock_timeout: float = 10.0,
) -> FastAPI:
    """The web app and REST API over the store at ``db_path``.

    ``allowed_hosts`` lists the Host header values served (default: the local
    names), which keeps other web sites from reaching the API by DNS rebinding;
    ``["*"]`` serves any.
    """
    reader = Reader(db_path, lock_timeout=lock_timeout)
    app = FastAPI(
        title="Tacitus",
        version=__version__,
        description="Evidence-linked PLOVER events: every field points into its article.",
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.reader = reader
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOCAL_HOSTS))

    @app.middleware("http")
    async def limits_and_headers(request: Request, call_next: Any) -> Response:
        if len(request.url.path.encode()) > MAX_PATH_BYTES:
            return _error(414, f"Path longer than {MAX_PATH_BYTES} bytes")
        if len(request.url.query.encode()) > MAX_QUERY_BYTES:
            return _error(414, f"Query string longer than {MAX_QUERY_BYTES} bytes")
        length = request.headers.get("content-length")
        if length and (not length.isdigit() or int(length) > MAX_BODY_BYTES):
            return _error(413, f"Request body larger than {MAX_BODY_BYTES} bytes")
        if request.headers.get("transfer-encoding"):
            return _error(413, "Chunked request bodies are not accepted")
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["X-Frame-Options"] = "DENY"
        if request.url.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.exception_handler(QueryError)
    async def query_error(_: Request, exc: QueryError) -> JSONResponse:
        return _error(400, str(exc))

    @app.exception_handler(RequestValidationError)
    async def validation_error(_: Request, exc: RequestValidationError) -> JSONResponse:
        return _error(400, _validation_message(exc))

    @app.exception_handler(HTTPException)
    async def http_error(_: Request, exc: HTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(StoreLocked)
    async def store_locked(_: Request, exc: StoreLocked) -> JSONResponse:
        return _error(503, str(exc), **{"Retry-After": "2"})

    @app.exception_handler(StoreError)
    async def store_error(_: Request, exc: StoreError) -> JSONResponse:
        return _error(503, str(exc))

    app.include_router(build_router(), prefix="/api", dependencies=[Depends(_known_params)])
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:
        return Response(status_code=204)

    return app


def _known_params(request: Request) -> None:
    """Reject query parameters a route does not take, so a typo is not silently ignored."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = _param_names(dependant)
    unknown = sorted(set(request.query_params) - known)
    if unknown:
        raise QueryError(
            f"Unknown parameter(s) {', '.join(unknown)}; this endpoint takes: "
            f"{', '.join(sorted(known)) or 'no parameters'}"
        )


def _param_names(dependant: Any) -> set[str]:
    names = {p.alias for p in dependant.query_params}
    for sub in dependant.dependencies:
        names |= _param_names(sub)
    return names
