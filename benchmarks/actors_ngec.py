"""Score actor resolution on NGEC's actor unit cases (country and sector accuracy).

Usage: .venv/bin/python benchmarks/actors_ngec.py [-v] [--today] [PATH_TO/ngec_actor_cases.jsonl]

The cases are split by position in the file: even positions are the dev half
(whose misses were read while improving the resolver), odd positions the test half
(never read). Report the test half as held out. Only ``active`` cases with an
expected country or sector are scored; NGEC's country "IGO" is compared with an
actor that has an IGO code, and its "EUR" with the EU and its bodies.

A case with no date (or "today") is resolved at ``WRITTEN``, when NGEC's tests were
written, not at the day the benchmark runs: their "today" meant then, and a leader who
has left office since is an elite now but was the government when the expectation
was written. (The resolver itself reads a missing date as today, which is right for
live news.) ``--today`` resolves undated cases at today's date instead. ``-v`` lists
the dev half's misses.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from tacitus.documents.nlp import load_nlp
from tacitus.mentions.actors import ActorResolver
from tacitus.records import ActorRef

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "actors" / "ngec_actor_cases.jsonl"


EU_BODIES = frozenset({"EU", "EC", "EP", "ECB", "EUCO"})
# NGEC's actor tests were written in the second half of 2022: the undated cases' "today".
WRITTEN = dt.date(2022, 11, 1)


def parse_date(value: str | None, undated: dt.date | None = WRITTEN) -> dt.date | None:
    if not value or value.lower() == "today":
        return undated
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%B %d, %Y", "%d %b %Y"):
        try:
            return dt.datetime.strptime(value, fmt).date()
        except ValueError:
            continue
    return undated


def pick(actors: list[ActorRef], text: str, start: int) -> ActorRef | None:
    """The actor over the case's phrase: the longest overlapping one."""
    end = start + len(text)
    hits = [a for a in actors if a.start < end and start < a.end]
    return max(hits, key=lambda a: a.end - a.start) if hits else None


def expected(value: object) -> list[str | None]:
    if isinstance(value, list):
        return [v or None for v in value]
    return [value or None]  # type: ignore[list-item]


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"cases not found at {path}")
        return 1
    cases = [json.loads(line) for line in path.open(encoding="utf-8")]
    for position, case in enumerate(cases):
        case["half"] = "dev" if position % 2 == 0 else "test"
    cases = [c for c in cases if c["status"] == "active" and (c["country"] is not None or c["sector"] is not None)]
    nlp = load_nlp()
    resolver = ActorResolver.default()
    undated = None if "--today" in sys.argv else WRITTEN
    print(f"cases scored: {len(cases)} (active, with an expected country or sector); "
          f"undated cases resolved at {undated or 'today'}")
    for half in ("dev", "test"):
        chosen = [c for c in cases if c["half"] == half]
        score(nlp, resolver, chosen, half, undated, verbose="-v" in sys.argv and half == "dev")
    return 0


def score(nlp, resolver, cases, half, undated, *, verbose):  # type: ignore[no-untyped-def]
    """Print country and sector accuracy over ``cases``."""
    country_ok = country_n = sector_ok = sector_n = 0
    misses: list[str] = []
    for case in cases:
        text = case["text"]
        context = case.get("context") or ""
        date = parse_date(case.get("date"), undated)
        if context and text in context:
            doc = nlp(context)
            actor = pick(resolver.find_actors(doc, date), text, context.index(text))
        else:
            actor = pick(resolver.find_actors(nlp(text), date), text, 0)
        if actor is None:
            actor = resolver.lookup(text, date)
        code = actor.country if actor else None
        if actor and actor.igo and not actor.country:
            # NGEC codes the EU and its bodies as the country "EUR", other IGOs as "IGO".
            code = "EUR" if actor.igo in EU_BODIES else "IGO"
        sector = actor.sector if actor else None
        if case["country"] is not None:
            country_n += 1
            good = code in expected(case["country"])
            country_ok += good
            if not good:
                misses.append(f"country {text!r}: want {case['country']} got {code}")
        if case["sector"] is not None:
            sector_n += 1
            want = expected(case["sector"])
            if case.get("sector2"):
                want += expected(case["sector2"])
            good = sector in want
            sector_ok += good
            if not good:
                misses.append(f"sector {text!r}: want {case['sector']} got {sector}")
    print(f"{half} half: country accuracy {country_ok}/{country_n} = {country_ok / max(country_n, 1):.1%}; "
          f"sector accuracy {sector_ok}/{sector_n} = {sector_ok / max(sector_n, 1):.1%}")
    if verbose:
        print("\n".join(misses))


if __name__ == "__main__":
    raise SystemExit(main([a for a in sys.argv[1:] if a not in ("-v", "--today")]))
