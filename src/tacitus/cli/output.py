"""Write DataFrames as a terminal table, CSV or JSON Lines."""

from __future__ import annotations

import json
import sys
import textwrap
from typing import IO, TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

FORMATS = ("table", "csv", "jsonl")


def _cell(value: object, width: int) -> str:
    text = "" if value is None or (isinstance(value, float) and value != value) else str(value)
    text = " ".join(text.split())
    return textwrap.shorten(text, width=width, placeholder="…") if len(text) > width else text


def write_frame(
    frame: pd.DataFrame,
    fmt: str,
    *,
    widths: dict[str, int] | None = None,
    out: IO[str] | None = None,
) -> None:
    """Write ``frame`` to ``out`` (stdout by default) in one of FORMATS."""
    out = out or sys.stdout
    if fmt == "csv":
        frame.to_csv(out, index=False)
        return
    if fmt == "jsonl":
        for row in frame.to_dict(orient="records"):
            out.write(json.dumps(row, default=str, ensure_ascii=False) + "\n")
        return
    widths = widths or {}
    columns = list(frame.columns)
    cells = [[_cell(row[c], widths.get(c, 24)) for c in columns] for _, row in frame.iterrows()]
    sizes = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    out.write("  ".join(c.ljust(sizes[i]) for i, c in enumerate(columns)).rstrip() + "\n")
    out.write("  ".join("-" * s for s in sizes) + "\n")
    for row in cells:
        out.write("  ".join(v.ljust(sizes[i]) for i, v in enumerate(row)).rstrip() + "\n")
