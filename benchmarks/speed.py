"""Throughput of Tacitus against plain spaCy on the same texts, pipeline and processes.

    python benchmarks/speed.py [JSONL] [--limit N] [--workers N]

Prints articles/s and words/s of plain ``nlp.pipe``, of Tacitus with the lexicon
coder only, and of Tacitus with the event classifier, and the ratios to spaCy.
Model loading is excluded from every timing.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from tacitus.articles.readers import ReadOptions, make_article
from tacitus.documents.nlp import load_nlp
from tacitus.pipeline import CoderConfig, default_coder
from tacitus.runners.local import code_stream

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "news" / "bbc_politics.jsonl"


def load_texts(path: Path, limit: int) -> list[str]:
    texts = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            obj = json.loads(line)
            if isinstance(obj.get("text"), str) and obj["text"].strip():
                texts.append(obj["text"])
            if len(texts) >= limit:
                break
    return texts


def time_spacy(texts: list[str], workers: int) -> float:
    nlp = load_nlp()
    list(nlp.pipe(texts[:2]))  # warm up
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=64, n_process=workers):
        pass
    return time.perf_counter() - start


def time_tacitus(texts: list[str], workers: int, classifier: bool) -> tuple[float, int]:
    config = CoderConfig(classifier=classifier)
    articles = [make_article(t, origin=f"bench:{i}", options=ReadOptions()) for i, t in enumerate(texts)]
    if workers <= 1:
        list(default_coder(config).code(articles[:2]))  # warm up: load every model
    start = time.perf_counter()
    events = 0
    for record in code_stream(articles, config=config, workers=workers):
        events += len(getattr(record, "events", ()))
    return time.perf_counter() - start, events


def stage_split(texts: list[str]) -> dict[str, float]:
    """Seconds per stage on the same texts in one process: parse, then each stage on the docs."""
    from tacitus.events.coder import Attachers, Context, code_events
    from tacitus.events.detect import find_candidates
    from tacitus.events.lexicon import load_lexicon
    from tacitus.mentions.attributions import attribution_for_span, find_attributions
    from tacitus.mentions.places import find_places, place_for_span
    from tacitus.mentions.times import attach_time, find_times
    from tacitus.pipeline import Found
    from tacitus.records import Mentions

    coder = default_coder(CoderConfig(classifier=True))
    split: dict[str, float] = {}
    start = time.perf_counter()
    docs = list(coder.nlp.pipe(texts, batch_size=64))
    split["parse (spaCy)"] = time.perf_counter() - start
    t = time.perf_counter()
    actors = [coder.resolver.find_actors(doc, None) for doc in docs]
    split["actors"] = time.perf_counter() - t
    t = time.perf_counter()
    times = [find_times(doc.text, None, doc=doc) for doc in docs]
    split["times"] = time.perf_counter() - t
    t = time.perf_counter()
    places = [find_places(doc, gazetteer=coder.gazetteer) for doc in docs]
    split["places"] = time.perf_counter() - t
    t = time.perf_counter()
    attributions = [find_attributions(doc) for doc in docs]
    split["attributions"] = time.perf_counter() - t
    t = time.perf_counter()
    triggers = [tuple(find_candidates(doc, load_lexicon())) for doc in docs]
    split["triggers"] = time.perf_counter() - t
    predictions: list[object] = [None] * len(docs)
    if coder.classifier is not None:
        # The pipeline's own selection of candidate sentences, batched across the articles.
        found = [
            Found(make_article(doc.text, origin=str(i), options=ReadOptions()), doc, None,
                  Mentions(tuple(actors[i]), tuple(places[i]), tuple(times[i]), tuple(attributions[i])),
                  triggers[i])
            for i, doc in enumerate(docs)
        ]
        t = time.perf_counter()
        predictions = coder.classify(found)
        split["classifier"] = time.perf_counter() - t
    t = time.perf_counter()
    for i, doc in enumerate(docs):
        code_events(
            doc,
            Context(f"a{i}", actors[i], times[i], places[i], attributions[i]),
            attachers=Attachers(attach_time, place_for_span, attribution_for_span),
            predictions=predictions[i],  # type: ignore[arg-type]
            candidates=triggers[i],
        )
    split["events"] = time.perf_counter() - t
    return split


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=200)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--split", action="store_true", help="only print the time per stage")
    args = parser.parse_args()
    if args.split:
        texts = load_texts(args.path, args.limit)
        split = stage_split(texts)
        parse = split["parse (spaCy)"]
        print(f"{len(texts)} articles from {args.path}; one process")
        for stage, seconds in split.items():
            print(f"{stage:16} {seconds:8.2f}s  {100 * seconds / parse:6.1f}% of parse")
        return
    texts = load_texts(args.path, args.limit)
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words:,} words from {args.path}; {args.workers} process(es)")

    base = time_spacy(texts, args.workers)
    rows = [("spaCy nlp.pipe", base, None)]
    lexicon_time, lexicon_events = time_tacitus(texts, args.workers, classifier=False)
    rows.append(("Tacitus (lexicon)", lexicon_time, lexicon_events))
    model_time, model_events = time_tacitus(texts, args.workers, classifier=True)
    rows.append(("Tacitus (+classifier)", model_time, model_events))

    print(f"{'pipeline':24} {'seconds':>8} {'articles/s':>11} {'words/s':>9} {'ratio':>6} {'events':>7}")
    for name, seconds, events in rows:
        print(
            f"{name:24} {seconds:8.2f} {len(texts) / seconds:11.1f} {words / seconds:9.0f} "
            f"{base / seconds:6.2f} {'' if events is None else events:>7}"
        )
    print(
        f"time split: parse {base:.2f}s, mentions+events {max(lexicon_time - base, 0):.2f}s, "
        f"classifier {max(model_time - lexicon_time, 0):.2f}s"
    )


if __name__ == "__main__":
    main()
