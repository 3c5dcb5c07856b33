"""Kill ``tacitus ingest`` with SIGKILL in the middle of a run, run it again, and get
exactly the articles and events of an uninterrupted run: nothing lost, nothing twice."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tacitus.errors import StoreError
from tacitus.store.duck import Store
from tacitus.store.shards import shard_dir_for

pytestmark = pytest.mark.slow

DEMO = Path(__file__).resolve().parents[1] / "src" / "tacitus" / "data" / "demo" / "reports.jsonl"
N_ARTICLES = sum(1 for line in DEMO.read_text(encoding="utf-8").splitlines() if line.strip())
TIMEOUT = 900.0


def tacitus_command() -> list[str]:
    script = Path(sys.executable).with_name("tacitus")
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; from tacitus.cli.main import main; sys.exit(main())"]


def stored_articles(db: Path) -> int:
    """Articles committed so far, or -1 while the writer holds the file."""
    if not db.exists():
        return 0
    try:
        return Store(db, lock_timeout=0.2).counts()["articles"]
    except StoreError:
        return -1


def ids(store: Store, table: str) -> list[str]:
    return list(store.query(f"SELECT id FROM {table} ORDER BY id")["id"])


def kill_mid_run(command: list[str], db: Path) -> int:
    """Start ``command``, SIGKILL it once a few batches are stored; return the count at kill time."""
    process = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + TIMEOUT
    try:
        while time.monotonic() < deadline:
            if process.poll() is not None:
                err = process.stderr.read().decode() if process.stderr else ""
                pytest.fail(f"the run ended before it could be killed: {err[-2000:]}")
            if stored_articles(db) >= 4:
                os.kill(process.pid, signal.SIGKILL)
                break
            time.sleep(0.05)
        else:
            pytest.fail("no article was stored in time")
        process.wait(timeout=60)
    finally:
        # Worker processes of a local Dask cluster live in the killed run's process group.
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        if process.stderr:
            process.stderr.close()
    assert process.returncode == -signal.SIGKILL
    for _ in range(100):
        count = stored_articles(db)
        if count >= 0:
            return count
        time.sleep(0.1)
    raise AssertionError("store still locked after the kill")


@pytest.mark.parametrize(
    "mode",
    [
        ["--batch-size", "2"],
        ["--dask", "local", "--dask-workers", "1", "--partition-size", "2"],
    ],
    ids=["local", "dask"],
)
def test_kill_and_rerun_equals_uninterrupted_run(mode: list[str], tmp_path: Path) -> None:
    def command(db: Path) -> list[str]:
        return [*tacitus_command(), "ingest", str(DEMO), "--db", str(db), "--no-classifier", *mode]

    # The uninterrupted run goes first, right before the killed one.
    done = subprocess.run(command(tmp_path / "ref.duckdb"), capture_output=True, text=True,
                          timeout=TIMEOUT, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    reference = Store(tmp_path / "ref.duckdb")
    assert reference.counts()["articles"] == N_ARTICLES

    db = tmp_path / "killed.duckdb"
    at_kill = kill_mid_run(command(db), db)
    assert 0 < at_kill < N_ARTICLES, "the kill did not land in the middle of the run"

    rerun = subprocess.run(command(db), capture_output=True, text=True, timeout=TIMEOUT, check=False)
    assert rerun.returncode == 0, rerun.stderr[-2000:]
    assert "resuming interrupted run" in rerun.stderr
    assert f"{N_ARTICLES} input(s)" in rerun.stderr

    store = Store(db)
    for table in ("articles", "events"):
        got = ids(store, table)
        assert len(got) == len(set(got)), f"{table} stored twice"
        assert got == ids(reference, table)
    # Same fields too, not only the same ids.
    columns = "id, article_id, event_type, mode, source_codes, target_codes, trigger_start, record"
    query = f"SELECT {columns} FROM events ORDER BY id"
    assert store.query(query).equals(reference.query(query))
    runs = store.query("SELECT status FROM runs ORDER BY run_id")["status"].tolist()
    assert runs == ["running", "done"]  # the killed run never finished; the rerun did
    assert not any(shard_dir_for(db).glob("part-*")) if shard_dir_for(db).exists() else True
