"""Learn the attribution cue table from PolNeAR train and write src/tacitus/data/attribution/cues.json.

Usage:
    .venv/bin/python benchmarks/polnear_cues.py [TRAIN.jsonl] [--cache DIR] [--min-count N]

For every verb and noun lemma the table keeps the share of its uses in train that
annotators marked as the head of an attribution cue (smoothed: cues / (uses + 2)),
for lemmas seen as a cue head at least ``--min-count`` times. The share above which
a lemma counts as a cue is chosen on train by source F1 (overlap match) and stored
beside the table. Only train is read: dev stays the report set.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear  # noqa: E402  (the scorer beside this script)

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "polnear" / "train.jsonl"
OUT = REPO / "src" / "tacitus" / "data" / "attribution" / "cues.json"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--cache", default="", help="folder to keep parsed documents in between runs")
    parser.add_argument("--min-count", type=int, default=3)
    args = parser.parse_args(argv)

    records = [json.loads(line) for line in Path(args.path).open(encoding="utf-8")]
    from tacitus.documents.nlp import load_nlp

    nlp = load_nlp()
    docs, _, _ = polnear._parse(nlp, [r["text"] for r in records], args.cache)

    cue_heads: dict[str, Counter[str]] = {"VERB": Counter(), "NOUN": Counter()}
    uses: dict[str, Counter[str]] = {"VERB": Counter(), "NOUN": Counter()}
    for rec, doc in zip(records, docs, strict=True):
        heads = set()
        for att in rec["attributions"]:
            cue = att["cue"]
            if cue is None:
                continue
            head = _head_token(doc, cue["start"], cue["end"])
            if head is not None:
                heads.add(head.i)
        for tok in doc:
            if tok.pos_ in uses:
                lemma = tok.lemma_.lower()
                uses[tok.pos_][lemma] += 1
                if tok.i in heads:
                    cue_heads[tok.pos_][lemma] += 1

    table = {
        pos.lower() + "s": {
            lemma: round(n / (uses[pos][lemma] + 2), 3)
            for lemma, n in sorted(cue_heads[pos].items())
            if n >= args.min_count
        }
        for pos in ("VERB", "NOUN")
    }

    from tacitus.mentions.attribution.extract import extract
    from tacitus.mentions.attribution.lexicon import Lexicon

    best = (-1.0, THRESHOLDS[0])
    for threshold in THRESHOLDS:
        lexicon = Lexicon(table["verbs"], table["nouns"], threshold)
        f1 = _source_f1(records, [extract(doc, lexicon) for doc in docs])
        kept = sum(v >= threshold for v in table["verbs"].values())
        print(f"threshold {threshold:.2f}: {kept} learned verbs, train source F1 (overlap) {f1:.3f}")
        best = max(best, (f1, threshold))
    OUT.parent.mkdir(parents=True, exist_ok=True)
    payload = {"source": "PolNeAR train", "threshold": best[1], **table}
    OUT.write_text(json.dumps(payload, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)} (threshold {best[1]})")
    return 0


def _head_token(doc, start: int, end: int):  # type: ignore[no-untyped-def]
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    for tok in span:
        if tok.pos_ in ("VERB", "NOUN") and not (span.start <= tok.head.i < span.end and tok.head is not tok):
            return tok
    verbs = [t for t in span if t.pos_ == "VERB"]
    return verbs[0] if verbs else span.root


def _source_f1(records: list[dict], predicted: list) -> float:  # type: ignore[type-arg]
    tp = n_pred = n_gold = 0
    for rec, atts in zip(records, predicted, strict=True):
        text = rec["text"]
        gold = polnear._dedupe(polnear._strip(text, a["source"]["start"], a["source"]["end"])
                               for a in rec["attributions"] if a["source"])
        pred = polnear._dedupe(polnear._strip(text, a.source.start, a.source.end) for a in atts if a.source)
        tp += polnear._matches(text, gold, pred, "overlap")
        n_pred += len(pred)
        n_gold += len(gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
