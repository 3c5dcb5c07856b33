"""5-fold cross-validation of the event-type classifier on PLV train.

Usage: .venv/bin/python benchmarks/events_cv.py [PLV_JSONL] [--synthetic STORIES_JSONL]
       [--save OOF.json | --load OOF.json]

Folds are stratified by gold label and split by sentence_id (one row per sentence).
Predictions are scored against PLV gold with CONCEDE/RETREAT collapsed to YIELD (PLV's
older name); the 16-type figures score against the YIELD split rule of training.py.
Calibration: for each fold a temperature is fitted on the other folds' out-of-fold
logits and applied to this fold, so no fold is calibrated on itself.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tacitus.events import training as T  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def _softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


def report(cv: T.CrossValidation, examples: list[T.Example]) -> None:
    types = cv.types
    t_index = {t: i for i, t in enumerate(types)}
    target = np.array([t_index[ex.event_type] for ex in examples])
    folds = np.array(cv.fold)
    pred16 = [types[i] for i in cv.type_logits.argmax(1)]
    pred = [T.collapse_yield(p) for p in pred16]
    gold = cv.gold
    acc = float(np.mean([g == p for g, p in zip(gold, pred)]))
    f1, per = T.macro_f1(gold, pred)
    acc16 = float(np.mean([ex.event_type == p for ex, p in zip(examples, pred16)]))
    f1_16, _ = T.macro_f1([ex.event_type for ex in examples], pred16)
    print(f"sentences: {len(gold)}  folds: {folds.max() + 1}  training time: {cv.seconds:.0f} s")
    print(f"accuracy (PLV gold, YIELD collapsed): {acc:.3f}")
    print(f"macro-F1 (PLV gold, YIELD collapsed): {f1:.3f}")
    print(f"accuracy / macro-F1 (16 types, YIELD split by rule): {acc16:.3f} / {f1_16:.3f}")
    for f in range(folds.max() + 1):
        sel = folds == f
        fa = float(np.mean([g == p for g, p, s in zip(gold, pred, sel) if s]))
        ff, _ = T.macro_f1([g for g, s in zip(gold, sel) if s], [p for p, s in zip(pred, sel) if s])
        print(f"  fold {f}: accuracy {fa:.3f}  macro-F1 {ff:.3f}")
    print("per-label F1:")
    for lab, v in sorted(per.items(), key=lambda kv: -kv[1]):
        print(f"  {lab:<10} {v:.3f}  (n={sum(1 for g in gold if g == lab)})")

    raw = _softmax(cv.type_logits)
    cal = np.zeros_like(raw)
    temps = []
    for f in range(folds.max() + 1):
        other = folds != f
        t = T.fit_temperature(cv.type_logits[other], target[other])
        temps.append(t)
        cal[folds == f] = _softmax(cv.type_logits[folds == f] / t)
    correct = cv.type_logits.argmax(1) == target
    ece_raw, _ = T.reliability(raw.max(1), correct)
    ece_cal, table = T.reliability(cal.max(1), correct)
    t_all = T.fit_temperature(cv.type_logits, target)
    print(f"ECE (10 bins, 16-type target): uncalibrated {ece_raw:.3f}, "
          f"temperature-scaled (cross-fitted) {ece_cal:.3f}")
    print(f"fold temperatures: {', '.join(f'{t:.2f}' for t in temps)}; on all folds: {t_all:.2f}")
    print("reliability (calibrated): bin  n  mean-confidence  accuracy")
    for lo, hi, n, mc, a in table:
        print(f"  {lo:.1f}-{hi:.1f}  {n:4d}  {mc:.3f}  {a:.3f}")


def speed(model_dir: Path, texts: list[str], threads: int) -> int:
    """Sentences per second of the ONNX classifier, and agreement of batched vs single calls."""
    import time

    from tacitus.events.classifier import EventClassifier

    clf = EventClassifier(model_dir, threads=threads)
    clf.predict(texts[:32])  # warm-up
    best = float("inf")
    for _ in range(2):
        start = time.perf_counter()
        batched = clf.predict(texts, batch_size=32)
        best = min(best, time.perf_counter() - start)
    print(f"ONNX classifier, {threads} threads: {len(texts)} sentences in {best:.2f} s = "
          f"{len(texts) / best:.0f} sentences/s (batch 32, best of 2)")
    single = [clf.predict([t])[0] for t in texts[:100]]
    diff = max(abs(a.probability - b.probability) for a, b in zip(batched, single))
    same = sum(a.event_type == b.event_type for a, b in zip(batched, single))
    print(f"batched vs one-by-one on 100 sentences: same type {same}/100, max probability difference {diff:.2e}")
    size = (model_dir / "model.onnx").stat().st_size
    print(f"model file: {size / 1e6:.1f} MB")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("plv", nargs="?", type=Path, default=DATA / "plv" / "train.jsonl")
    ap.add_argument("--synthetic", type=Path, default=None,
                    help="add synthetic story ledes to every training part")
    ap.add_argument("--synthetic-limit", type=int, default=0, help="use only the first N per label (0: all)")
    ap.add_argument("--epochs", type=int, default=T.TrainConfig().epochs)
    ap.add_argument("--save", type=Path, default=None, help="write out-of-fold logits here")
    ap.add_argument("--load", type=Path, nargs="+", default=None,
                    help="score saved out-of-fold logits (several files with disjoint folds are merged)")
    ap.add_argument("--fold", type=int, action="append", default=None,
                    help="run only this fold (repeatable); merge the saved parts with --load")
    ap.add_argument("--speed", type=Path, nargs="?", const=T.DEFAULT_MODEL_DIR, default=None,
                    metavar="MODEL_DIR", help="only time the ONNX model (default: the packaged one)")
    ap.add_argument("--threads", type=int, default=2, help="onnxruntime threads for --speed")
    args = ap.parse_args()
    if not args.plv.exists():
        print(f"PLV data not found at {args.plv}")
        return 1
    examples = T.load_plv(args.plv)
    if args.speed is not None:
        return speed(args.speed, [ex.text for ex in examples], args.threads)
    if args.load:
        cv = T.load_cv(*args.load)
    else:
        extra: list[T.Example] = []
        if args.synthetic:
            extra = T.load_synthetic(args.synthetic)
            if args.synthetic_limit:
                extra = T.limit_per_label(extra, args.synthetic_limit)
        cfg = T.TrainConfig(epochs=args.epochs)
        print(f"config: {cfg}; synthetic examples: {len(extra)}", flush=True)
        cv = T.cross_validate(
            examples, config=cfg, extra=extra,
            progress=lambda f, k, s: print(f"fold {f}/{k} done at {s:.0f} s", flush=True),
            only=args.fold,
        )
        if args.save:
            T.save_cv(cv, args.save)
    if len(cv.done) < max(cv.fold) + 1:
        print(f"folds run: {cv.done}; merge all parts with --load to score")
        return 0
    report(cv, examples)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
