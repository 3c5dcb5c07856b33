"""Transfer between the two training sources of the event-type classifier.

Usage: .venv/bin/python benchmarks/events_transfer.py [DATA_DIR] [--plv-model MODEL_DIR]
       [--synthetic-epochs N]

1. Train on the synthetic story ledes (pseudo-labels), test on PLV train (gold; CONCEDE and
   RETREAT collapsed to PLV's YIELD).
2. Train on PLV train, test on the synthetic ledes (16 types, against their pseudo-labels).
   With --plv-model, direction 2 uses that already trained model (e.g. the packaged one,
   which was trained on all of PLV and nothing else) instead of training a new one.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from tacitus.events import training as T  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def _score(name: str, gold: list[str], pred: list[str]) -> None:
    acc = float(np.mean([g == p for g, p in zip(gold, pred)]))
    f1, per = T.macro_f1(gold, pred)
    print(f"{name}: n={len(gold)}  accuracy {acc:.3f}  macro-F1 {f1:.3f}")
    print("  per-label F1: " + ", ".join(f"{k} {v:.2f}" for k, v in sorted(per.items(), key=lambda kv: -kv[1])))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", type=Path, default=DATA)
    ap.add_argument("--plv-model", type=Path, default=None)
    ap.add_argument("--synthetic-epochs", type=int, default=3)
    ap.add_argument("--synthetic-limit", type=int, default=0,
                    help="train on at most N ledes per type (0: all 4,500)")
    ap.add_argument("--skip", choices=("synthetic-to-plv", "plv-to-synthetic"), default=None)
    args = ap.parse_args()
    plv_path = args.data / "plv" / "train.jsonl"
    syn_path = args.data / "ngec_synthetic" / "stories.jsonl"
    if not plv_path.is_file() or not syn_path.is_file():
        print(f"data not found under {args.data}")
        return 1
    plv = T.load_plv(plv_path)
    syn = T.load_synthetic(syn_path)

    if args.skip != "synthetic-to-plv":
        train_syn = T.limit_per_label(syn, args.synthetic_limit) if args.synthetic_limit else syn
        cfg = T.TrainConfig(epochs=args.synthetic_epochs, synthetic_weight=1.0)
        start = time.perf_counter()
        model = T.train_model(train_syn, config=cfg)
        tl, _ = model.logits([ex.text for ex in plv])
        print(f"[synthetic -> PLV] trained on {len(train_syn)} ledes, {cfg.epochs} epochs, "
              f"{time.perf_counter() - start:.0f} s")
        pred = [T.collapse_yield(model.types[i]) for i in tl.argmax(1)]
        _score("  tested on PLV gold (YIELD collapsed)", [ex.gold for ex in plv], pred)
        del model

    if args.skip != "plv-to-synthetic":
        start = time.perf_counter()
        if args.plv_model is not None:
            from tacitus.events.classifier import EventClassifier

            clf = EventClassifier(args.plv_model)
            pred = [p.event_type for p in clf.predict([ex.text for ex in syn])]
            how = f"model in {args.plv_model}"
        else:
            model = T.train_model(plv, config=T.TrainConfig())
            tl, _ = model.logits([ex.text for ex in syn])
            pred = [model.types[i] for i in tl.argmax(1)]
            how = f"trained on {len(plv)} PLV sentences"
        print(f"[PLV -> synthetic] {how}, {time.perf_counter() - start:.0f} s")
        gold = [ex.event_type for ex in syn]
        _score("  tested on synthetic ledes (16 types)", gold, pred)
        _score("  tested on synthetic ledes (YIELD collapsed)",
               [T.collapse_yield(g) for g in gold], [T.collapse_yield(p) for p in pred])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
