"""The DuckDB store.

DuckDB lets one process hold a database file for writing, and while it does no
other process can open the file at all. Tacitus therefore never keeps the file
open between batches: writers open it, write one batch in one transaction and
close it; readers (``tacitus events``, ``tacitus serve``) open it read-only per
request. A process that finds the file locked retries with backoff for
``lock_timeout`` seconds before it gives up with :class:`StoreLocked`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tacitus.errors import StoreError, StoreLocked
from tacitus.records import ArticleRecord, InputError
from tacitus.store.rows import failure_rows, record_rows
from tacitus.store.schema import INDEXES, SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    import duckdb
    import pandas as pd

DEFAULT_DB = "tacitus.duckdb"
_LOCK_MARKERS = ("lock", "conflicting", "being used", "already open")


def _is_lock_error(error: Exception) -> bool:
    message = str(error).lower()
    return any(marker in message for marker in _LOCK_MARKERS)


class Store:
    """A Tacitus event store in one DuckDB file (or ``:memory:``)."""

    def __init__(self, path: str | Path = DEFAULT_DB, *, lock_timeout: float = 30.0) -> None:
        self.path = str(path)
        self.lock_timeout = lock_timeout
        self._memory: duckdb.DuckDBPyConnection | None = None
        if self.path == ":memory:":
            import duckdb

            self._memory = duckdb.connect(":memory:")
            self._create(self._memory)

    # -- connections -------------------------------------------------------

    @contextlib.contextmanager
    def connect(self, *, read_only: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """Open the file for one unit of work, retrying while another process holds it."""
        if self._memory is not None:
            yield self._memory
            return
        import duckdb

        if read_only and not Path(self.path).exists():
            raise StoreError(
                f"No store at {self.path}. Create one with: tacitus ingest PATH --db {self.path}"
            )
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.02
        while True:
            try:
                con = duckdb.connect(self.path, read_only=read_only)
                break
            except duckdb.Error as e:
                if not _is_lock_error(e):
                    raise StoreError(f"Cannot open store {self.path}: {e}") from e
                if time.monotonic() > deadline:
                    raise StoreLocked(
                        f"Store {self.path} is held by another process for writing; "
                        "wait for it to finish or use another --db file."
                    ) from e
                time.sleep(delay)
                delay = min(delay * 2, 0.5)
        try:
            if not read_only:
                self._create(con)
            yield con
        finally:
            con.close()

    @staticmethod
    def _create(con: duckdb.DuckDBPyConnection) -> None:
        for ddl in TABLES.values():
            con.execute(ddl)
        for ddl in INDEXES:
            con.execute(ddl)
        con.execute(
            "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(SCHEMA_VERSION)]
        )

    # -- writes ------------------------------------------------------------

    def start_run(self, *, coder_version: str, config_hash: str, command: str) -> str:
        """Record the start of an ingest run and return its id."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        run_id = now.strftime("%Y%m%dT%H%M%S%f")
        with self.connect() as con:
            con.execute(
                "INSERT INTO runs VALUES (?, ?, NULL, ?, ?, ?, 0, 0, 0, 'running')",
                [run_id, now, coder_version, config_hash, command],
            )
        return run_id

    def finish_run(
        self, run_id: str, *, inputs: int, coded: int, failed: int, status: str = "done"
    ) -> None:
        """Close a run with its counts."""
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        with self.connect() as con:
            con.execute(
                "UPDATE runs SET finished_at = ?, inputs = ?, coded = ?, failed = ?, status = ? "
                "WHERE run_id = ?",
                [now, inputs, coded, failed, status, run_id],
            )

    def unfinished_runs(self, command: str) -> list[str]:
        """Ids of earlier runs of the same command that never finished (killed or crashed)."""
        if self._memory is None and not Path(self.path).exists():
            return []
        with self.connect(read_only=self._memory is None) as con:
            rows = con.execute(
                "SELECT run_id FROM runs WHERE status = 'running' AND command = ? ORDER BY run_id",
                [command],
            ).fetchall()
        return [row[0] for row in rows]

    def write(
        self,
        records: Sequence[ArticleRecord],
        *,
        run_id: str | None = None,
        failures: Sequence[InputError] = (),
    ) -> tuple[int, int]:
        """Store coded articles and failures in one transaction; return (articles, events) added.

        Articles already stored (same id) are left untouched, so re-ingesting changes nothing.
        """
        import pandas as pd

        coded = [r for r in records if r.ok]
        failed = [r for r in records if not r.ok]
        tables = record_rows(coded, run_id=run_id)
        fail_rows = failure_rows(failed, list(failures), run_id=run_id)
        with self.connect() as con:
            con.execute("BEGIN TRANSACTION")
            try:
                before_a = _count(con, "articles")
                before_e = _count(con, "events")
                for name, rows in tables.items():
                    _insert(con, name, pd.DataFrame(rows, columns=_columns(con, name)))
                _insert(con, "failures", pd.DataFrame(fail_rows, columns=_columns(con, "failures")))
                added = (_count(con, "articles") - before_a, _count(con, "events") - before_e)
                con.execute("COMMIT")
            except Exception:
                con.execute("ROLLBACK")
                raise
        return added

    def known_ids(self, ids: Sequence[str]) -> set[str]:
        """The subset of article ids already stored."""
        import pandas as pd

        if not ids or (self._memory is None and not Path(self.path).exists()):
            return set()
        with self.connect(read_only=self._memory is None) as con:
            frame = pd.DataFrame({"id": list(ids)})
            con.register("wanted", frame)
            rows = con.execute("SELECT a.id FROM articles a JOIN wanted w ON a.id = w.id").fetchall()
            con.unregister("wanted")
        return {row[0] for row in rows}

    # -- reads -------------------------------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> pd.DataFrame:
        """Run a read-only parameterised query and return a DataFrame."""
        with self.connect(read_only=self._memory is None) as con:
            return con.execute(sql, list(params)).df()

    def events(self, event_filter: Any = None, **filters: Any) -> pd.DataFrame:
        """Stored events as a DataFrame; filters as in :class:`tacitus.query.EventFilter`."""
        from tacitus.query.filters import EventFilter, events_sql

        flt = event_filter or EventFilter(**filters)
        sql, params = events_sql(flt)
        return self.query(sql, params)

    def articles(self, *, failed: bool = False, limit: int = 1000) -> pd.DataFrame:
        """Stored articles, or the inputs that failed with their reasons."""
        if failed:
            return self.query(
                "SELECT origin, article_id, code, message, run_id, failed_at FROM failures "
                "ORDER BY failed_at, origin LIMIT ?",
                [limit],
            )
        return self.query(
            "SELECT id, title, published, outlet, url, origin, n_events, ingested_at "
            "FROM articles ORDER BY published NULLS LAST, id LIMIT ?",
            [limit],
        )

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        with self.connect(read_only=self._memory is None) as con:
            return {t: _count(con, t) for t in ("articles", "events", "failures", "runs")}


def _count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f"SELECT count(*) FROM {table}").fetchone()  # table names are ours
    return int(row[0]) if row else 0


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]


def _insert(con: duckdb.DuckDBPyConnection, table: str, frame: pd.DataFrame) -> None:
    if frame.empty:
        return
    con.register("batch_frame", frame)
    try:
        con.execute(f"INSERT OR IGNORE INTO {table} SELECT * FROM batch_frame")
    finally:
        con.unregister("batch_frame")


def open_store(path: str | Path = DEFAULT_DB, *, lock_timeout: float = 30.0) -> Store:
    """Open (or create on first write) the store at ``path``."""
    return Store(path, lock_timeout=lock_timeout)
