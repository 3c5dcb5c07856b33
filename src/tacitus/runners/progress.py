"""A one-line progress bar for long runs: articles done, articles/s, errors, ETA.

It draws only on a terminal; on a pipe or file it stays quiet, so logs stay clean.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol, TextIO

_JSON_LINES = (".jsonl", ".ndjson")
_WIDTH = 24


class _Counts(Protocol):
    skipped: int
    coded: int
    failed: int


def count_inputs(paths: Iterable[str]) -> int | None:
    """A quick estimate of the number of inputs (lines of JSON Lines files, other files);
    None when an input is stdin. Reads bytes in blocks, so memory stays flat."""
    total = 0
    for raw in paths:
        if raw == "-":
            return None
        path = Path(raw)
        files = (
            [Path(root) / name for root, _, names in os.walk(path) for name in names]
            if path.is_dir()
            else [path]
        )
        for file in files:
            total += _count_file(file)
    return total


def _count_file(path: Path) -> int:
    if path.suffix.lower() not in _JSON_LINES:
        return 1
    lines = 0
    try:
        with path.open("rb") as handle:
            while block := handle.read(1 << 20):
                lines += block.count(b"\n")
    except OSError:
        return 1
    return lines


def _duration(seconds: float) -> str:
    seconds = int(seconds)
    if seconds >= 3600:
        return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m"
    if seconds >= 60:
        return f"{seconds // 60}m{seconds % 60:02d}s"
    return f"{seconds}s"


class ProgressBar:
    """Call :meth:`update` with an ingest report after every batch; :meth:`close` at the end."""

    def __init__(
        self,
        total: int | None = None,
        *,
        stream: TextIO | None = None,
        enabled: bool | None = None,
        min_interval: float = 0.2,
    ) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = _is_tty(self.stream) if enabled is None else enabled
        self.total = total
        self.min_interval = min_interval
        self.started = time.monotonic()
        self._last = 0.0
        self._drawn = False

    def line(self, done: int, errors: int, now: float | None = None) -> str:
        """The text of the bar for ``done`` articles and ``errors`` so far."""
        elapsed = max((now if now is not None else time.monotonic()) - self.started, 1e-9)
        rate = done / elapsed
        parts = []
        if self.total:
            share = min(done / self.total, 1.0)
            filled = int(share * _WIDTH)
            parts.append(f"[{'#' * filled}{'.' * (_WIDTH - filled)}] {done:,}/{self.total:,}")
        else:
            parts.append(f"{done:,}")
        parts.append(f"articles  {rate:,.1f}/s  errors {errors:,}")
        if self.total and rate > 0 and done < self.total:
            parts.append(f"ETA {_duration((self.total - done) / rate)}")
        else:
            parts.append(f"elapsed {_duration(elapsed)}")
        return "  ".join(parts)

    def update(self, report: _Counts) -> None:
        """Redraw from a report's counts, at most every ``min_interval`` seconds."""
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self._last < self.min_interval:
            return
        self._last = now
        done = report.skipped + report.coded + report.failed
        self.stream.write("\r\x1b[2K" + self.line(done, report.failed, now))
        self.stream.flush()
        self._drawn = True

    def close(self, report: _Counts | None = None) -> None:
        """Draw the final state and end the line."""
        if not self.enabled:
            return
        if report is not None:
            self._last = 0.0
            self.update(report)
        if self._drawn:
            self.stream.write("\n")
            self.stream.flush()


def _is_tty(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
