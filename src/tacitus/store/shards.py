"""Parquet shards: coded partitions on disk, merged into the store in bulk.

A shard is a directory holding one Parquet file per store table
(``articles``, ``events``, ``event_actors``, ``failures``). It is written under a
temporary name and renamed into place, so a shard that exists is complete.
Merging a shard is one transaction of ``INSERT OR IGNORE`` statements, so
merging the same shard twice changes nothing.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tacitus.records import ArticleRecord, InputError
from tacitus.store.duck import Store
from tacitus.store.rows import failure_rows, record_rows

TABLES = ("articles", "events", "event_actors", "failures")
SHARD_PREFIX = "part-"


def shard_dir_for(db: str | Path) -> Path:
    """The shard directory that belongs to a store file: ``<db>.shards`` next to it."""
    path = Path(db)
    return path.with_name(path.name + ".shards")


def table_rows(
    results: Sequence[ArticleRecord | InputError], *, run_id: str | None
) -> dict[str, list[dict[str, Any]]]:
    """Store rows for a partition of results, as :meth:`Store.write` would build them."""
    records = [r for r in results if isinstance(r, ArticleRecord)]
    errors = [r for r in results if isinstance(r, InputError)]
    tables = record_rows([r for r in records if r.ok], run_id=run_id)
    tables["failures"] = failure_rows(
        [r for r in records if not r.ok], errors, run_id=run_id
    )
    return tables


def encode_tables(tables: Mapping[str, list[dict[str, Any]]]) -> dict[str, bytes]:
    """Each non-empty table as Parquet bytes (what a worker sends back)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    encoded: dict[str, bytes] = {}
    for name, rows in tables.items():
        if not rows:
            continue
        buffer = io.BytesIO()
        pq.write_table(pa.Table.from_pylist(rows), buffer, compression="zstd")
        encoded[name] = buffer.getvalue()
    return encoded


def write_shard(directory: str | Path, name: str, tables: Mapping[str, bytes]) -> Path:
    """Write one shard atomically: files go to a temporary directory that is then renamed."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    final = directory / f"{SHARD_PREFIX}{name}"
    tmp = directory / f".tmp-{name}-{os.getpid()}"
    if tmp.exists():
        shutil.rmtree(tmp)
    tmp.mkdir()
    for table, data in tables.items():
        with open(tmp / f"{table}.parquet", "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    if final.exists():  # the same partition was written before: keep the complete one
        shutil.rmtree(tmp)
    else:
        os.replace(tmp, final)
    return final


def pending_shards(directory: str | Path, *, clean: bool = False) -> list[Path]:
    """Complete shards waiting to be merged, oldest name first.

    With ``clean``, half-written temporaries of processes that no longer run are removed.
    """
    directory = Path(directory)
    if not directory.is_dir():
        return []
    if clean:
        for stale in directory.glob(".tmp-*"):
            pid = stale.name.rsplit("-", 1)[-1]
            if not (pid.isdigit() and _alive(int(pid))):
                shutil.rmtree(stale, ignore_errors=True)
    return sorted(p for p in directory.iterdir() if p.name.startswith(SHARD_PREFIX) and p.is_dir())


def merge_shard(store: Store, shard: str | Path) -> tuple[int, int]:
    """Insert one shard's rows into the store in one transaction; return (articles, events) added."""
    import pyarrow.parquet as pq

    shard = Path(shard)
    files = {t: shard / f"{t}.parquet" for t in TABLES if (shard / f"{t}.parquet").exists()}
    with store.connect() as con:
        con.execute("BEGIN TRANSACTION")
        try:
            before = _counts(con)
            for table, file in files.items():
                columns = pq.read_schema(file).names
                cols = ", ".join(f'"{c}"' for c in columns)
                con.execute(
                    f"INSERT OR IGNORE INTO {table} ({cols}) SELECT {cols} FROM read_parquet(?)",
                    [str(file)],
                )
            after = _counts(con)
            con.execute("COMMIT")
        except Exception:
            con.execute("ROLLBACK")
            raise
    return after[0] - before[0], after[1] - before[1]


def remove_shard(shard: str | Path) -> None:
    """Delete a merged shard."""
    shutil.rmtree(shard, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _counts(con: Any) -> tuple[int, int]:
    row = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM events)"
    ).fetchone()
    return int(row[0]), int(row[1])
