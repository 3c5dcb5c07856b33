"""``tacitus train``: rebuild the event-type classifier model from the development data."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "data" / "model"


def add_parser(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Register the ``train`` subcommand."""
    p = subparsers.add_parser(
        "train",
        help="fine-tune the event-type classifier and export it to ONNX (needs tacitus[train])",
        description=(
            "Fine-tune the MiniLM-L6 encoder on PLV sentences (and synthetic story ledes), "
            "fit the temperature on k-fold out-of-fold logits, and write model.onnx, "
            "tokenizer.json and labels.json. Deterministic for a given data folder and options."
        ),
    )
    p.add_argument("--data", type=Path, default=Path("../shared/data"), help="development data folder")
    p.add_argument("--out", type=Path, default=DEFAULT_OUT, help="model folder to write")
    p.add_argument("--synthetic", action=argparse.BooleanOptionalAction, default=False,
                   help="add the synthetic story ledes (pseudo-labels) to training")
    p.add_argument("--synthetic-limit", type=int, default=0, help="at most N synthetic ledes per type (0: all)")
    p.add_argument("--modes", action=argparse.BooleanOptionalAction, default=True,
                   help="fit the mode head on the synthetic stories' mode pseudo-labels")
    p.add_argument("--mode-limit", type=int, default=0,
                   help="at most N synthetic ledes per type for the mode head (0: all)")
    p.add_argument("--epochs", type=int, default=None)
    p.add_argument("--seed", type=int, default=None)
    p.add_argument("--calibration-folds", type=int, default=5,
                   help="folds whose out-of-fold logits fit the temperature (0: no calibration)")
    p.add_argument("--oof", type=Path, default=None,
                   help="reuse out-of-fold logits saved by benchmarks/events_cv.py --save (same options)")
    p.add_argument("--calibrate-only", action="store_true",
                   help="only refit the temperature of the model in --out from --oof (no training)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Train, calibrate and export; returns the exit code."""
    from dataclasses import replace

    from tacitus.events import training as T

    plv = args.data / "plv" / "train.jsonl"
    if not plv.is_file():
        print(f"error: PLV training data not found at {plv}", file=sys.stderr)
        return 2
    examples = T.load_plv(plv)
    if args.calibrate_only:
        return _calibrate_only(args, examples)
    extra: list[T.Example] = []
    if args.synthetic:
        extra = T.load_synthetic(args.data / "ngec_synthetic" / "stories.jsonl")
        if args.synthetic_limit:
            extra = T.limit_per_label(extra, args.synthetic_limit)
    cfg = T.TrainConfig()
    if args.epochs is not None:
        cfg = replace(cfg, epochs=args.epochs)
    if args.seed is not None:
        cfg = replace(cfg, seed=args.seed)
    print(f"training on {len(examples)} PLV sentences + {len(extra)} synthetic ledes; {cfg}", flush=True)

    temperature = 1.0
    info: dict[str, object] = {"plv_sentences": len(examples), "synthetic_ledes": len(extra)}
    if args.oof is not None or args.calibration_folds > 1:
        if args.oof is not None and args.oof.is_file():
            cv = T.load_cv(args.oof)
            print(f"out-of-fold logits read from {args.oof}", flush=True)
        else:
            cv = T.cross_validate(
                examples, k=args.calibration_folds, config=cfg, extra=extra,
                progress=lambda f, k, s: print(f"calibration fold {f}/{k} done at {s:.0f} s", flush=True),
            )
            if args.oof is not None:
                T.save_cv(cv, args.oof)
        index = {t: i for i, t in enumerate(cv.types)}
        target = np.array([index[ex.event_type] for ex in examples])
        temperature = T.fit_temperature(cv.type_logits, target)
        pred = [T.collapse_yield(cv.types[i]) for i in cv.type_logits.argmax(1)]
        f1, _ = T.macro_f1(cv.gold, pred)
        acc = float(np.mean([g == p for g, p in zip(cv.gold, pred)]))
        info.update({"cv_accuracy": round(acc, 4), "cv_macro_f1": round(f1, 4)})
        print(f"cross-validation: accuracy {acc:.3f}, macro-F1 {f1:.3f}; temperature {temperature:.3f}",
              flush=True)
    model = T.train_model(
        examples + extra, config=cfg,
        progress=lambda e, n, loss: print(f"epoch {e}/{n} loss {loss:.3f}", flush=True),
    )
    model.temperature = temperature
    if args.modes:
        stories = T.load_synthetic(args.data / "ngec_synthetic" / "stories.jsonl")
        if args.mode_limit:
            stories = T.limit_per_label(stories, args.mode_limit)
        scores = T.fit_mode_head(model, stories)
        info.update({k: round(v, 4) for k, v in scores.items()})
        print(f"mode head: {scores}", flush=True)
    model.info = info
    path = T.export_onnx(model, args.out)
    print(f"wrote {path} ({path.stat().st_size / 1e6:.1f} MB)")
    return 0


def _calibrate_only(args: argparse.Namespace, examples: list) -> int:  # type: ignore[type-arg]
    """Refit labels.json's temperature from saved out-of-fold logits."""
    import json

    from tacitus.events import training as T

    labels_path = args.out / "labels.json"
    if args.oof is None or not args.oof.is_file() or not labels_path.is_file():
        print("error: --calibrate-only needs --oof FILE and a model in --out", file=sys.stderr)
        return 2
    cv = T.load_cv(args.oof)
    index = {t: i for i, t in enumerate(cv.types)}
    by_key = {ex.key: ex for ex in examples}
    target = np.array([index[by_key[k].event_type] for k in cv.keys])
    temperature = T.fit_temperature(cv.type_logits, target)
    pred = [T.collapse_yield(cv.types[i]) for i in cv.type_logits.argmax(1)]
    f1, _ = T.macro_f1(cv.gold, pred)
    acc = float(np.mean([g == p for g, p in zip(cv.gold, pred)]))
    meta = json.loads(labels_path.read_text(encoding="utf-8"))
    meta["temperature"] = temperature
    meta.setdefault("info", {}).update({"cv_accuracy": round(acc, 4), "cv_macro_f1": round(f1, 4)})
    labels_path.write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    print(f"cross-validation: accuracy {acc:.3f}, macro-F1 {f1:.3f}; temperature {temperature:.3f}")
    return 0
