"""Score quote and source attribution against PolNeAR.

Usage:
    .venv/bin/python benchmarks/polnear.py [PATH.jsonl] [--limit N] [--cache DIR] [--errors N]

PATH defaults to ../shared/data/polnear/dev.jsonl (the report set; tune on train.jsonl).

Matching, per article and per field (source, cue, content). Each field's spans are
deduplicated by offsets; predicted and gold spans are paired one to one, best first:
  exact    same start and end after stripping whitespace
  overlap  word-token overlap F1 >= 0.5 (words = runs of letters/digits, or single symbols)
  any      at least one shared word token
A gold span with fragments is scored on its outer extent (first to last character),
the form ``find_attributions`` returns. Attributions without a source ("Attribution-no-source")
count for cue and content only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "polnear" / "dev.jsonl"
FIELDS = ("source", "cue", "content")
_WORD = re.compile(r"\w+|[^\w\s]")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--cache", default="", help="folder to keep parsed documents in between runs")
    parser.add_argument("--errors", type=int, default=0, help="print N missed and N spurious sources")
    args = parser.parse_args(argv)

    path = Path(args.path)
    if not path.exists():
        print(f"PolNeAR file not found: {path}", file=sys.stderr)
        return 2
    records = [json.loads(line) for line in path.open(encoding="utf-8")]
    if args.limit:
        records = records[: args.limit]

    from tacitus.documents.nlp import load_nlp
    from tacitus.mentions.attributions import find_attributions

    nlp = load_nlp()
    docs, parse_s, cached = _parse(nlp, [r["text"] for r in records], args.cache)

    find_attributions(docs[0])  # load the lexicon outside the timing
    started = time.perf_counter()
    predicted = [find_attributions(doc) for doc in docs]
    extract_s = time.perf_counter() - started

    counts = {f: {m: [0, 0, 0] for m in ("exact", "overlap", "any")} for f in FIELDS}
    for rec, atts in zip(records, predicted, strict=True):
        text = rec["text"]
        for field in FIELDS:
            gold = _dedupe(_strip(text, a[field]["start"], a[field]["end"]) for a in rec["attributions"] if a[field])
            pred = _dedupe(
                _strip(text, getattr(a, field).start, getattr(a, field).end) for a in atts if getattr(a, field)
            )
            for mode in ("exact", "overlap", "any"):
                tp = _matches(text, gold, pred, mode)
                c = counts[field][mode]
                c[0] += tp
                c[1] += len(pred)
                c[2] += len(gold)
        if args.errors:
            _errors(rec, atts, args.errors)

    n = len(records)
    print(f"PolNeAR {path.name}: {n} articles, {sum(len(r['attributions']) for r in records)} gold attributions, "
          f"{sum(len(p) for p in predicted)} predicted")
    print(f"{'field':8} {'match':8} {'P':>6} {'R':>6} {'F1':>6}")
    for field in FIELDS:
        for mode in ("exact", "overlap", "any"):
            tp, np_, ng = counts[field][mode]
            p = tp / np_ if np_ else 0.0
            r = tp / ng if ng else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            print(f"{field:8} {mode:8} {p:6.3f} {r:6.3f} {f:6.3f}")
    parse_note = " (from cache)" if cached else ""
    print(f"time per article: parse {1000 * parse_s / n:.1f} ms{parse_note}, attributions {1000 * extract_s / n:.2f} ms "
          f"({100 * extract_s / parse_s if parse_s and not cached else float('nan'):.1f}% of parse)")
    return 0


def _parse(nlp, texts: list[str], cache: str):  # type: ignore[no-untyped-def]
    from spacy.tokens import DocBin

    key = hashlib.sha256("\x00".join(texts).encode("utf-8")).hexdigest()[:16]
    file = Path(cache) / f"polnear-{key}.spacy" if cache else None
    if file is not None and file.exists():
        started = time.perf_counter()
        docs = list(DocBin().from_disk(file).get_docs(nlp.vocab))
        return docs, time.perf_counter() - started, True
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16, n_process=1))
    parse_s = time.perf_counter() - started
    if file is not None:
        file.parent.mkdir(parents=True, exist_ok=True)
        bin_ = DocBin(store_user_data=False)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(file)
    return docs, parse_s, False


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _dedupe(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted({s for s in spans if s[1] > s[0]})


def _words(text: str, span: tuple[int, int]) -> set[int]:
    return {span[0] + m.start() for m in _WORD.finditer(text[span[0] : span[1]])}


def _matches(text: str, gold: list[tuple[int, int]], pred: list[tuple[int, int]], mode: str) -> int:
    if mode == "exact":
        return len(set(gold) & set(pred))
    gw = [_words(text, g) for g in gold]
    pw = [_words(text, p) for p in pred]
    pairs: list[tuple[float, int, int]] = []
    for i, g in enumerate(gold):
        for j, p in enumerate(pred):
            if p[0] >= g[1] or g[0] >= p[1]:
                continue
            shared = len(gw[i] & pw[j])
            if not shared:
                continue
            f1 = 2 * shared / (len(gw[i]) + len(pw[j]))
            if mode == "overlap" and f1 < 0.5:
                continue
            pairs.append((f1, i, j))
    used_g: set[int] = set()
    used_p: set[int] = set()
    tp = 0
    for _, i, j in sorted(pairs, reverse=True):
        if i in used_g or j in used_p:
            continue
        used_g.add(i)
        used_p.add(j)
        tp += 1
    return tp


def _errors(rec: dict, atts: list, n: int) -> None:  # type: ignore[type-arg]
    text = rec["text"]
    gold = {_strip(text, a["source"]["start"], a["source"]["end"]): a for a in rec["attributions"] if a["source"]}
    pred = {_strip(text, a.source.start, a.source.end): a for a in atts if a.source}
    missed = [s for s in gold if s not in pred][:n]
    spurious = [s for s in pred if s not in gold][:n]
    for s in missed:
        a = gold[s]
        print(f"MISS  {text[s[0]:s[1]]!r:40} cue={a['cue']['text']!r:24} ctx={_context(text, s)!r}")
    for s in spurious:
        a = pred[s]
        print(f"EXTRA {text[s[0]:s[1]]!r:40} cue={a.cue.text!r:24} ctx={_context(text, s)!r}")


def _context(text: str, span: tuple[int, int]) -> str:
    return text[max(0, span[0] - 60) : span[1] + 60].replace("\n", " ")


if __name__ == "__main__":
    raise SystemExit(main())
