"""``tacitus serve``: the local web app and REST API over a store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from tacitus.cli.common import add_db_option
from tacitus.errors import ConfigError, StoreError

LOCAL = ("127.0.0.1", "localhost", "::1")


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser("serve", help="browse the store in a local web app with a REST API")
    add_db_option(parser)
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1: this machine only)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    parser.add_argument(
        "--allow-host",
        action="append",
        default=[],
        metavar="NAME",
        help="extra Host header value to serve (repeatable); needed when listening beyond this machine",
    )
    parser.set_defaults(func=run)


def allowed_hosts(host: str, extra: list[str]) -> list[str]:
    """Host header values the app answers: the local names, the listening address and extras."""
    names = ["127.0.0.1", "localhost", "::1", "[::1]", *extra]
    if host not in ("0.0.0.0", "::"):
        names.append(host)
    return sorted(set(names))


def run(args: argparse.Namespace) -> int:
    try:
        import uvicorn

        from tacitus.serve import create_app
    except ModuleNotFoundError as e:
        raise ConfigError(
            f"tacitus serve needs {e.name}; install it with: pip install 'tacitus[serve]'"
        ) from e
    if not Path(args.db).exists():
        raise StoreError(f"No store at {args.db}. Create one with: tacitus ingest PATH --db {args.db}")
    if not 0 < args.port < 65536:
        raise ConfigError(f"--port must be between 1 and 65535, got {args.port}")
    if args.host not in LOCAL:
        print(
            f"tacitus: warning: listening on {args.host}: other machines can read this store",
            file=sys.stderr,
        )
    app = create_app(args.db, allowed_hosts=allowed_hosts(args.host, args.allow_host))
    shown = f"[{args.host}]" if ":" in args.host else args.host
    print(f"Serving {args.db} at http://{shown}:{args.port}/  (API docs: /api/docs; Ctrl-C stops)", file=sys.stderr)
    uvicorn.run(
        app,
        host=args.host,
        port=args.port,
        log_level="warning",
        limit_concurrency=64,
        h11_max_incomplete_event_size=16 * 1024,
        server_header=False,
    )
    return 0
