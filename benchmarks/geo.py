"""Geoparsing quality: place mentions found, resolved within 161 km, median error, precision.

Usage: .venv/bin/python benchmarks/geo.py [DATA_DIR] [--docs-cache DIR] [--only NAME] [--speed]

DATA_DIR defaults to ../shared/data/geo. The gold toponyms scored are those
with coordinates; "all" scores every one of them, "locat." drops adjectives,
demonyms, language names and non-locational uses (GeoWebNews marks these).
Each corpus is scored three ways: "places", exactly what the pipeline emits in
an article record's mentions (find_places with its defaults: toponyms,
demonyms such as "Chinese" resolved to their country, and local names the
gazetteer lacks placed at the town beside them or the article's main town;
and towns named for their government, "Beijing said", marked "metonym");
"-apx", with those local names left without coordinates; and "toponyms",
place names alone. A gold toponym counts as found when a predicted place overlaps
it, and as within 161 km when the most-overlapping one lies that close.
The resolver was tuned on gwn_dev and lgl; trnews and geovirus were not
looked at while tuning and are held out.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Any

from tacitus.documents.nlp import load_nlp
from tacitus.mentions.gazetteer import Gazetteer, haversine_km
from tacitus.mentions.actors import ActorResolver
from tacitus.mentions.places import find_places, mark_seats_of_government

CORPORA = ("gwn_dev", "lgl", "trnews", "geovirus")
TUNED_ON = {"gwn_dev", "lgl"}
# (label, find_places options): the pipeline's own call first.
MODES: tuple[tuple[str, dict[str, bool]], ...] = (
    ("places", {}),
    ("-apx", {"approximate": False}),
    ("toponyms", {"demonyms": False, "approximate": False}),
)
NON_LOCATIONAL_TYPES = {"Demonym", "Language", "Non_Toponym", "Homonym"}


def _locational(t: dict[str, Any]) -> bool:
    return (
        t.get("modifier_type") != "Adjective"
        and t.get("type") not in NON_LOCATIONAL_TYPES
        and t.get("non_locational") != "Yes"
    )


def _docs(name: str, records: list[dict[str, Any]], cache: Path | None) -> list[Any]:
    from spacy.tokens import DocBin

    nlp = load_nlp()
    if cache is not None:
        path = cache / f"{name}.spacy"
        if path.exists():
            return list(DocBin().from_disk(path).get_docs(nlp.vocab))
    docs = list(nlp.pipe((r["text"] for r in records), batch_size=16))
    if cache is not None:
        cache.mkdir(parents=True, exist_ok=True)
        DocBin(store_user_data=False, docs=docs).to_disk(cache / f"{name}.spacy")
    return docs


def score(records: list[dict[str, Any]], predictions: list[list[Any]], locational: bool) -> dict[str, float]:
    """Found, within-161 km, median error and precision for one corpus."""
    gold_total = found = within = 0
    errors: list[float] = []
    pred_total = pred_hit = 0
    for rec, places in zip(records, predictions):
        spans = [(t["start"], t["end"]) for t in rec["toponyms"]]
        for p in places:
            pred_total += 1
            pred_hit += any(p.start < e and s < p.end for s, e in spans)
        for t in rec["toponyms"]:
            if t.get("lat") is None or (locational and not _locational(t)):
                continue
            gold_total += 1
            over = [p for p in places if p.start < t["end"] and t["start"] < p.end]
            if not over:
                continue
            found += 1
            best = max(over, key=lambda p: min(p.end, t["end"]) - max(p.start, t["start"]))
            if best.lat is None:
                continue
            km = haversine_km(best.lat, best.lon, float(t["lat"]), float(t["lon"]))
            errors.append(km)
            within += km <= 161
    return {
        "gold": gold_total,
        "found": found / max(gold_total, 1),
        "within161": within / max(gold_total, 1),
        "median_km": statistics.median(errors) if errors else float("nan"),
        "precision": pred_hit / max(pred_total, 1),
    }


def speed(news: Path, n: int = 100) -> None:
    """find_places time per article beside the spaCy parse, on ``n`` news articles."""
    nlp = load_nlp()
    gaz = Gazetteer.default()
    texts = [json.loads(line)["text"] for line in news.open(encoding="utf-8")][:n]
    nlp("warm up")
    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=16))
    parse = time.perf_counter() - t0
    t1 = time.perf_counter()
    count = sum(len(find_places(doc, gazetteer=gaz)) for doc in docs)
    places = time.perf_counter() - t1
    print(
        f"speed on {len(docs)} articles: parse {parse * 1000 / len(docs):.1f} ms/article, "
        f"find_places {places * 1000 / len(docs):.2f} ms/article ({100 * places / parse:.1f}% of parse), "
        f"{count / len(docs):.1f} places/article"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "geo"
    ap.add_argument("data", nargs="?", type=Path, default=default)
    ap.add_argument("--docs-cache", type=Path, default=None, help="keep parsed docs here between runs")
    ap.add_argument("--only", action="append", choices=CORPORA)
    ap.add_argument("--speed", action="store_true", help="also time find_places against the parse")
    args = ap.parse_args(argv)

    t0 = time.perf_counter()
    gaz = Gazetteer.default()
    resolver = ActorResolver.default()
    print(f"gazetteer load: {time.perf_counter() - t0:.2f} s ({len(gaz)} entries)")
    header = f"{'corpus':10} {'mode':16} {'gold':>5} {'found':>6} {'<=161km':>8} {'median':>8} {'prec':>6}  tuned"
    print(header)
    for name in args.only or CORPORA:
        path = args.data / f"{name}.jsonl"
        if not path.exists():
            print(f"{name}: not found at {path}", file=sys.stderr)
            continue
        records = [json.loads(line) for line in path.open(encoding="utf-8")]
        docs = _docs(name, records, args.docs_cache)
        actors = [resolver.find_actors(doc, None) for doc in docs]
        for mode, options in MODES:
            t1 = time.perf_counter()
            preds = [find_places(doc, gazetteer=gaz, **options) for doc in docs]
            if mode == "places":
                preds = [mark_seats_of_government(p, a, gaz) for p, a in zip(preds, actors, strict=True)]
            ms = (time.perf_counter() - t1) * 1000 / max(len(docs), 1)
            views = [("all", False)]
            if any(not _locational(t) for r in records for t in r["toponyms"] if t.get("lat") is not None):
                views.append(("locat.", True))
            for view, locational in views:
                s = score(records, preds, locational)
                print(
                    f"{name:10} {mode + ' ' + view:16} {s['gold']:5d} {s['found']:6.3f} {s['within161']:8.3f} "
                    f"{s['median_km']:7.1f}k {s['precision']:6.3f}  {'tuned' if name in TUNED_ON else 'held'}"
                    f"  ({ms:.1f} ms/doc)"
                )
    if args.speed:
        news = args.data.parent / "news" / "bbc_politics.jsonl"
        if news.exists():
            speed(news)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
