"""Learn the attribution cue model from PolNeAR train; write src/tacitus/data/attribution/cue_model.json.

Usage:
    .venv/bin/python benchmarks/polnear_cues.py [TRAIN.jsonl] [--cache DIR]

1. Every verb with a speaker and a content that the extractor can build is a candidate
   (``AnyVerb`` judge). A candidate is positive when an annotated attribution has a cue
   overlapping the verb and a source overlapping the speaker.
2. A logistic model over ``cuemodel.features`` is fitted (full-batch gradient descent,
   L2) on four fifths of train; the probability threshold is chosen by source F1
   (mean of the exact and overlap matches) on the remaining fifth.
3. The model is refitted on all of train and written with that threshold.
Only train is read: dev stays the report set. Needs numpy (installed with spaCy).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import polnear  # noqa: E402  (the scorer beside this script)

REPO = Path(__file__).resolve().parents[1]
DEFAULT = REPO.parent / "shared" / "data" / "polnear" / "train.jsonl"
OUT = REPO / "src" / "tacitus" / "data" / "attribution" / "cue_model.json"
THRESHOLDS = (0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
L2 = 1e-4
STEPS = 300
MIN_POSITIVES = 2  # a lemma must head this many annotated cues to be looked at
MIN_WEIGHT = 0.1  # smaller weights are dropped from the shipped file


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--cache", default="", help="folder to keep parsed documents in between runs")
    parser.add_argument("--l2", type=float, default=L2, help="L2 penalty of the logistic fit")
    parser.add_argument("--dry-run", action="store_true", help="report the held-out figures, write nothing")
    args = parser.parse_args(argv)

    from tacitus.documents.nlp import load_nlp
    from tacitus.mentions.attribution.cuemodel import AnyVerb, CueModel, features
    from tacitus.mentions.attribution.extract import extract

    records = [json.loads(line) for line in Path(args.path).open(encoding="utf-8")]
    docs, _, _ = polnear._parse(load_nlp(), [r["text"] for r in records], args.cache)

    samples: list[tuple[int, list[str], int, str]] = []  # (doc index, features, label, lemma)
    for n, (rec, doc) in enumerate(zip(records, docs, strict=True)):
        trace: list = []  # type: ignore[type-arg]
        extract(doc, AnyVerb(), trace=trace)
        gold = [(a["cue"], a["source"]) for a in rec["attributions"] if a["cue"] and a["source"]]
        for verb, subject, att in trace:
            v = (verb.idx, verb.idx + len(verb.text))
            s = (att.source.start, att.source.end)
            label = int(any(_overlap(v, (c["start"], c["end"])) and _overlap(s, (g["start"], g["end"])) for c, g in gold))
            samples.append((n, features(verb, subject, att), label, verb.lemma_.lower()))
    print(f"{len(samples)} candidates, {sum(s[2] for s in samples)} positive")

    fit_part = [s for s in samples if s[0] % 5 != 4]
    held = [i for i in range(len(records)) if i % 5 == 4]
    lemmas = _lemmas(fit_part)
    weights = _prune(_fit(fit_part, args.l2), lemmas)
    best = (-1.0, THRESHOLDS[0])
    for threshold in THRESHOLDS:
        model = CueModel(weights, threshold, lemmas)
        predicted = [extract(docs[i], model) for i in held]
        exact = _source_f1([records[i] for i in held], predicted, "exact")
        overlap = _source_f1([records[i] for i in held], predicted, "overlap")
        print(f"threshold {threshold:.2f}: held-out fifth of train, source F1 exact {exact:.3f}, overlap {overlap:.3f}")
        best = max(best, ((exact + overlap) / 2, threshold))

    if args.dry_run:
        return 0
    lemmas = _lemmas(samples)
    weights = _prune(_fit(samples, args.l2), lemmas)
    payload = {
        "source": "PolNeAR train",
        "threshold": best[1],
        "lemmas": sorted(lemmas),
        "weights": {k: round(v, 2) for k, v in sorted(weights.items())},
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(payload, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(REPO)}: {len(payload['weights'])} weights, threshold {best[1]}")
    return 0


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _prune(weights: dict[str, float], lemmas: frozenset[str]) -> dict[str, float]:
    """Keep the file small: drop near-zero weights and features of lemmas never looked at."""
    return {
        k: v
        for k, v in weights.items()
        if abs(v) >= MIN_WEIGHT and (not k.startswith("l=") or k[2:].split("|")[0] in lemmas)
    }


def _lemmas(samples: list[tuple[int, list[str], int, str]]) -> frozenset[str]:
    counts: dict[str, int] = {}
    for _, _, label, lemma in samples:
        counts[lemma] = counts.get(lemma, 0) + label
    return frozenset(lemma for lemma, n in counts.items() if n >= MIN_POSITIVES)


def _fit(samples: list[tuple[int, list[str], int, str]], l2: float) -> dict[str, float]:
    index: dict[str, int] = {}
    rows: list[int] = []
    cols: list[int] = []
    for r, (_, feats, _, _) in enumerate(samples):
        for f in feats:
            rows.append(r)
            cols.append(index.setdefault(f, len(index)))
    rows_a = np.asarray(rows)
    cols_a = np.asarray(cols)
    y = np.asarray([s[2] for s in samples], dtype=np.float64)
    w = np.zeros(len(index))
    g2 = np.full(len(index), 1e-8)
    for _ in range(STEPS):
        z = np.bincount(rows_a, weights=w[cols_a], minlength=len(samples))
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = p - y
        grad = np.bincount(cols_a, weights=err[rows_a], minlength=len(index)) / len(samples) + l2 * w
        g2 += grad * grad
        w -= 0.5 * grad / np.sqrt(g2)  # Adagrad
    return {f: float(w[i]) for f, i in index.items()}


def _source_f1(records: list[dict], predicted: list, mode: str) -> float:  # type: ignore[type-arg]
    tp = n_pred = n_gold = 0
    for rec, atts in zip(records, predicted, strict=True):
        text = rec["text"]
        gold = polnear._dedupe(
            polnear._strip(text, a["source"]["start"], a["source"]["end"]) for a in rec["attributions"] if a["source"]
        )
        pred = polnear._dedupe(polnear._strip(text, a.source.start, a.source.end) for a in atts if a.source)
        tp += polnear._matches(text, gold, pred, mode)
        n_pred += len(pred)
        n_gold += len(gold)
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    raise SystemExit(main())
