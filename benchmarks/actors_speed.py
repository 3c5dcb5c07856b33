"""Time actor resolution against the spaCy parse it runs on.

Usage: .venv/bin/python benchmarks/actors_speed.py [PATH_TO/bbc_politics.jsonl] [N]
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from tacitus.documents.nlp import load_nlp
from tacitus.mentions.actors import ActorResolver

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "news" / "bbc_politics.jsonl"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    n = int(argv[1]) if len(argv) > 1 else 100
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")][:n]
    nlp = load_nlp()
    start = time.perf_counter()
    resolver = ActorResolver.default()
    load_s = time.perf_counter() - start
    nlp("Warm-up sentence for the pipeline.")
    start = time.perf_counter()
    docs = list(nlp.pipe(texts, n_process=1))
    parse_s = time.perf_counter() - start
    start = time.perf_counter()
    mentions = sum(len(resolver.find_actors(doc, None)) for doc in docs)
    resolve_s = time.perf_counter() - start
    print(f"articles: {len(docs)}, actor mentions: {mentions}")
    print(f"knowledge base load (once per process): {load_s:.2f} s")
    print(f"spaCy parse: {parse_s:.2f} s; actor resolution: {resolve_s:.2f} s ({resolve_s / parse_s:.1%} of parse)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
