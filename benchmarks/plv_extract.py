"""Event-type accuracy of ``tacitus extract`` on PLV sentences: the top event per sentence vs its label.

    python benchmarks/plv_extract.py [PLV_JSONL] [--no-classifier]

The top event is the one with the highest confidence; a sentence with no event counts as
wrong. PLV's ``YIELD`` (the older name of CONCEDE and RETREAT) accepts either. When the
classifier in the loop was trained on these sentences, this is a training-set figure, not a
held-out one: benchmarks/events_cv.py gives the cross-validated figures.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from tacitus.api import extract_batch
from tacitus.pipeline import CoderConfig
from tacitus.records import EVENT_TYPES, ArticleRecord

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "plv" / "train.jsonl"


def _accepts(label: str, predicted: str | None) -> bool:
    if label == "YIELD":
        return predicted in ("CONCEDE", "RETREAT")
    return predicted == label


def _gold_span(text: str, value: str | None) -> tuple[int, int] | None:
    if not value or not isinstance(value, str):
        return None
    start = text.find(value)
    return (start, start + len(value)) if start >= 0 else None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--no-classifier", action="store_true")
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args()
    rows: dict[str, dict[str, str]] = {}
    with args.path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            rows.setdefault(row["sentence_id"], row)
    sentences = list(rows.values())
    config = CoderConfig(classifier=not args.no_classifier)
    results = extract_batch(
        ({"text": r["text"], "id": r["id"]} for r in sentences), config=config, n_process=args.workers
    )
    gold: list[str] = []
    predicted: list[str | None] = []
    roles = {"source": [0, 0], "target": [0, 0]}  # [matched, gold spans found in the text]
    for row, result in zip(sentences, results, strict=True):
        top = None
        if isinstance(result, ArticleRecord) and result.events:
            event = max(result.events, key=lambda e: e.confidence)
            top = event.event_type
            for role in ("source", "target"):
                span = _gold_span(row["text"], row.get(role))
                if span is None:
                    continue
                roles[role][1] += 1
                actors = list(getattr(event, role))
                if role == "target" and event.event_type in ("CONSULT", "AGREE", "COOPERATE"):
                    actors += list(event.source)
                if any(a.start < span[1] and a.end > span[0] for a in actors):
                    roles[role][0] += 1
        else:
            for role in ("source", "target"):
                if _gold_span(row["text"], row.get(role)) is not None:
                    roles[role][1] += 1
        gold.append(row["label"])
        predicted.append(top)
    n = len(gold)
    correct = sum(_accepts(g, p) for g, p in zip(gold, predicted, strict=True))
    none = sum(p is None for p in predicted)
    labels = sorted(set(gold))
    f1s = []
    print(f"{n} sentences from {args.path} (classifier {'off' if args.no_classifier else 'on'})")
    print(f"{'label':10} {'gold':>5} {'prec':>6} {'rec':>6} {'f1':>6}")
    for label in labels:
        tp = sum(g == label and _accepts(label, p) for g, p in zip(gold, predicted, strict=True))
        pred_n = sum(_accepts(label, p) if label == "YIELD" else p == label for p in predicted)
        gold_n = sum(g == label for g in gold)
        precision = tp / pred_n if pred_n else 0.0
        recall = tp / gold_n if gold_n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        f1s.append(f1)
        print(f"{label:10} {gold_n:5d} {precision:6.3f} {recall:6.3f} {f1:6.3f}")
    print(f"accuracy {correct / n:.3f}  macro-F1 {sum(f1s) / len(f1s):.3f}  no event {none / n:.3f}")
    for role, (matched, total) in roles.items():
        print(f"{role} match: {matched}/{total} = {matched / max(total, 1):.3f} "
              "(top event's actor overlaps the gold string; sentences without an event count as misses)")
    confusions = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if not _accepts(g, p))
    print("most common errors (gold -> predicted):", ", ".join(
        f"{g}->{p or 'none'} {c}" for (g, p), c in confusions.most_common(8)
    ))
    unused = set(EVENT_TYPES) - {p for p in predicted if p}
    if unused:
        print("types never predicted:", ", ".join(sorted(unused)))


if __name__ == "__main__":
    main()
