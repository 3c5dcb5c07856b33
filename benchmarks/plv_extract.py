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


def _calibration(gold: list[str], predicted: list[str | None], confidences: list[float]) -> str:
    """Expected calibration error of the top event's confidence (10 bins), with its table."""
    pairs = [(c, _accepts(g, p)) for g, p, c in zip(gold, predicted, confidences, strict=True) if c >= 0]
    bins: list[list[tuple[float, bool]]] = [[] for _ in range(10)]
    for confidence, correct in pairs:
        bins[min(int(confidence * 10), 9)].append((confidence, correct))
    ece = 0.0
    lines = ["top-event confidence: bin  n  mean-confidence  accuracy"]
    for i, members in enumerate(bins):
        if not members:
            continue
        mean = sum(c for c, _ in members) / len(members)
        accuracy = sum(ok for _, ok in members) / len(members)
        ece += len(members) / len(pairs) * abs(mean - accuracy)
        lines.append(f"  {i / 10:.1f}-{(i + 1) / 10:.1f}  {len(members):4d}  {mean:.3f}  {accuracy:.3f}")
    lines.insert(0, f"ECE of the top event's confidence over {len(pairs)} sentences with an event: {ece:.3f}")
    return "\n".join(lines)


def _gold_span(text: str, value: str | None) -> tuple[int, int] | None:
    if not value or not isinstance(value, str):
        return None
    start = text.find(value)
    return (start, start + len(value)) if start >= 0 else None


class OutOfFold:
    """Stands in for the classifier with predictions made by models that never saw the sentence."""

    def __init__(self, path: Path, sentences: list[dict[str, str]]) -> None:
        import math

        from tacitus.events.classifier import TypePrediction

        data = json.loads(path.read_text())
        types = data["types"]
        by_key = dict(zip(data["keys"], data["type_logits"], strict=True))
        self.by_text: dict[str, object] = {}
        for row in sentences:
            logits = by_key.get(f"plv-{row['sentence_id']}")
            if logits is None or not any(logits):
                continue
            top = max(logits)
            exps = [math.exp(v - top) for v in logits]
            total = sum(exps)
            probs = {t: e / total for t, e in zip(types, exps, strict=True)}
            best = max(probs, key=probs.__getitem__)
            self.by_text[row["text"]] = TypePrediction(
                event_type=best, probability=probs[best], probs=probs, mode=None
            )

    def predict(self, texts: list[str], **_: object) -> list[object]:
        return [self.by_text.get(text) for text in texts]


def _code_with_oof(
    sentences: list[dict[str, str]], oof: Path, config: CoderConfig
) -> list[ArticleRecord | object]:
    from tacitus.articles.readers import ReadOptions, make_article
    from tacitus.pipeline import Coder

    from tacitus.errors import InputRejected

    coder = Coder(config)
    coder.classifier = OutOfFold(oof, sentences)
    results: list[ArticleRecord | object] = []
    for row in sentences:
        try:
            article = make_article(row["text"], origin=row["id"], options=ReadOptions())
        except InputRejected as e:
            results.append(e)
            continue
        results.append(next(coder.code([article])))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--no-classifier", action="store_true")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument(
        "--oof",
        type=Path,
        help="out-of-fold classifier logits (benchmarks/events_cv.py --save FILE, or --load the per-fold files --save FILE): the classifier "
        "in the loop then never saw the sentence it scores, so the figures are held out",
    )
    args = parser.parse_args()
    rows: dict[str, dict[str, str]] = {}
    with args.path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            rows.setdefault(row["sentence_id"], row)
    sentences = list(rows.values())
    config = CoderConfig(classifier=not args.no_classifier)
    if args.oof:
        results = _code_with_oof(sentences, args.oof, config)
    else:
        results = extract_batch(
            ({"text": r["text"], "id": r["id"]} for r in sentences),
            config=config,
            n_process=args.workers,
        )
    gold: list[str] = []
    predicted: list[str | None] = []
    confidences: list[float] = []
    roles = {"source": [0, 0], "target": [0, 0]}  # [matched, gold spans found in the text]
    for row, result in zip(sentences, results, strict=True):
        top = None
        if isinstance(result, ArticleRecord) and result.events:
            event = max(result.events, key=lambda e: e.confidence)
            top = event.event_type
            confidences.append(event.confidence)
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
            confidences.append(-1.0)
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
    mode = "off" if args.no_classifier else ("out-of-fold" if args.oof else "on (trained on these sentences)")
    print(f"{n} sentences from {args.path}; classifier {mode}")
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
    print(_calibration(gold, predicted, confidences))
    confusions = Counter((g, p) for g, p in zip(gold, predicted, strict=True) if not _accepts(g, p))
    print("most common errors (gold -> predicted):", ", ".join(
        f"{g}->{p or 'none'} {c}" for (g, p), c in confusions.most_common(8)
    ))
    unused = set(EVENT_TYPES) - {p for p in predicted if p}
    if unused:
        print("types never predicted:", ", ".join(sorted(unused)))


if __name__ == "__main__":
    main()
