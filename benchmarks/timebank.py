"""Score the temporal tagger on TimeBank 1.2 DATE expressions.

Usage: .venv/bin/python benchmarks/timebank.py [PATH] [--spacy] [--errors dev|test|all]

Each document's creation time (``dct``) is the publication date. Documents with
an even index form the dev split used for tuning; odd ones are the test split.

Figures:
- recall: share of gold DATE timexes that some predicted span overlaps;
- value accuracy: among overlapped gold DATE timexes, share whose value equals the
  value of the most-overlapping prediction;
- value accuracy (resolvable): the same, leaving out gold values that no ISO
  value can express (PRESENT_REF, PAST_REF, FUTURE_REF);
- precision: share of predicted spans that overlap a gold timex of any type.

Value comparison rules: the gold value's time-of-day part is dropped; an ``X`` in
a gold value matches any character (TimeBank writes "this week" as ``1989-WXX``);
our ranges are rewritten to TIMEX3 notation where one exists: a three-month
range inside one quarter becomes ``YYYY-Qn``, a six-month half ``YYYY-Hn``, a
decade ``1990/1999`` becomes ``199``, a century ``1900/1999`` becomes ``19``, a
Saturday-Sunday pair ``YYYY-Www-WE``. TimeBank tags the ends of "since X" and
"from X to Y" as separate DATEs, so a gold DATE covering part of one of our
ranges is compared with the range's start ("since X", or a gold span in the first
half) or its end. Nothing else is rewritten.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import time
from pathlib import Path

from tacitus.mentions.times import find_times

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "timebank" / "timebank.jsonl"
REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}


def to_timex(value: str | None) -> str | None:
    """Our value in TIMEX3 notation where the two differ."""
    if value is None or "/" not in value:
        return value
    first, last = value.split("/", 1)
    months = re.fullmatch(r"(\d{4})-(\d\d)", first), re.fullmatch(r"(\d{4})-(\d\d)", last)
    if months[0] and months[1] and months[0].group(1) == months[1].group(1):
        year, a, b = months[0].group(1), int(months[0].group(2)), int(months[1].group(2))
        if b - a == 2 and a % 3 == 1:
            return f"{year}-Q{a // 3 + 1}"
        if b - a == 5 and a in (1, 7):
            return f"{year}-H{1 if a == 1 else 2}"
    years = re.fullmatch(r"\d{4}", first), re.fullmatch(r"\d{4}", last)
    if years[0] and years[1]:
        a, b = int(first), int(last)
        if b - a == 9 and a % 10 == 0:
            return first[:3]
        if b - a == 99 and a % 100 == 0:
            return first[:2]
    days = re.fullmatch(r"\d{4}-\d\d-\d\d", first), re.fullmatch(r"\d{4}-\d\d-\d\d", last)
    if days[0] and days[1]:
        sat, sun = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        if sat.weekday() == 5 and sun - sat == dt.timedelta(days=1):
            year, week, _ = sat.isocalendar()
            return f"{year}-W{week:02d}-WE"
    return value


def same_value(gold: str, ours: str | None) -> bool:
    if ours is None:
        return False
    gold = gold.split("T", 1)[0] if re.match(r"\d{4}-\d\d-\d\dT", gold) else gold
    gold = gold.rstrip("X") if re.fullmatch(r"\d{3}X|\d{2}XX", gold) else gold
    ours = to_timex(ours) or ""
    if len(gold) != len(ours):
        return False
    return all(g == o or g == "X" for g, o in zip(gold, ours, strict=True))


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def score(docs: list[dict], use_spacy: bool, show_errors: bool) -> dict[str, float]:
    nlp = None
    if use_spacy:
        from tacitus.documents.nlp import load_nlp

        nlp = load_nlp()
    gold_dates = found = correct = resolvable = resolvable_correct = 0
    predicted = predicted_hit = 0
    tag_seconds = parse_seconds = 0.0
    for document in docs:
        text = document["text"]
        published = dt.date.fromisoformat(document["dct"][:10])
        doc = None
        if nlp is not None:
            began = time.perf_counter()
            doc = nlp(text)
            parse_seconds += time.perf_counter() - began
        began = time.perf_counter()
        times = find_times(text, published, doc=doc)
        tag_seconds += time.perf_counter() - began
        golds = document["timexes"]
        for ref in times:
            predicted += 1
            if any(overlap((ref.start, ref.end), (g["start"], g["end"])) for g in golds):
                predicted_hit += 1
            elif show_errors:
                print(f"  FP  {ref.text!r:40} {ref.value}  [{document['id']}]")
        for gold in golds:
            if gold["type"] != "DATE":
                continue
            gold_dates += 1
            span = (gold["start"], gold["end"])
            best = max(times, key=lambda r: overlap((r.start, r.end), span), default=None)
            if best is None or not overlap((best.start, best.end), span):
                if show_errors:
                    print(f"  MISS {gold['text']!r:40} {gold['value']}")
                continue
            found += 1
            hit = same_value(gold["value"], best.value)
            if not hit and best.value and "/" in best.value and (best.end - best.start) > (span[1] - span[0]):
                # TimeBank tags the ends of "since X" and "from X to Y" separately.
                first, last = best.value.split("/", 1)
                at_start = best.text.lower().startswith("since") or span[0] < (best.start + best.end) / 2
                hit = same_value(gold["value"], first if at_start else last)
            correct += hit
            if gold["value"] not in REFS:
                resolvable += 1
                resolvable_correct += hit
            if show_errors and not hit:
                print(f"  VAL {gold['text']!r:30} gold={gold['value']:12} ours={best.value} ({best.text!r}) dct={published}")
    return {
        "docs": len(docs),
        "gold_dates": gold_dates,
        "recall": found / gold_dates if gold_dates else 0.0,
        "value_accuracy": correct / found if found else 0.0,
        "value_accuracy_resolvable": resolvable_correct / resolvable if resolvable else 0.0,
        "precision": predicted_hit / predicted if predicted else 0.0,
        "tag_ms_per_doc": 1000 * tag_seconds / max(1, len(docs)),
        "parse_ms_per_doc": 1000 * parse_seconds / max(1, len(docs)),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--spacy", action="store_true", help="pass the spaCy parse for tense")
    parser.add_argument("--errors", choices=("dev", "test", "all"), help="list misses and wrong values")
    args = parser.parse_args(argv)
    if not args.path.exists():
        print(f"TimeBank not found at {args.path}", file=sys.stderr)
        return 1
    docs = [json.loads(line) for line in args.path.open(encoding="utf-8")]
    splits = {"dev": docs[0::2], "test": docs[1::2], "all": docs}
    print(f"TimeBank DATE timexes, tense from {'spaCy parse' if args.spacy else 'regex'}")
    print(f"{'split':6} {'docs':>5} {'gold':>5} {'recall':>7} {'value':>7} {'value*':>7} {'prec':>7} {'tag ms':>7} {'parse ms':>8}")
    for name, part in splits.items():
        show = args.errors == name
        result = score(part, args.spacy, show)
        print(
            f"{name:6} {result['docs']:5d} {result['gold_dates']:5d} {result['recall']:7.3f} "
            f"{result['value_accuracy']:7.3f} {result['value_accuracy_resolvable']:7.3f} "
            f"{result['precision']:7.3f} {result['tag_ms_per_doc']:7.2f} {result['parse_ms_per_doc']:8.1f}"
        )
    print("value = exact value accuracy among overlapped gold DATEs; value* = the same without *_REF gold values")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
