"""Score compound-actor splitting on NGEC's co-actor unit cases.

Usage: .venv/bin/python benchmarks/coactors_ngec.py [PATH_TO/ngec_coactor_cases.jsonl]

Each case gives a sentence, one actor phrase in it and the set of actors coordinated with
that phrase ("Russians and Belorussians" -> Russians, Belorussians; "Japan" in "Japan, the
United States, Australia and India" -> all four). The event coder reads an argument's
co-actors with ``events.roles.actors_of`` (the argument's head and its conjuncts); this
script asks it for the phrase's head. An expected actor counts as found when one returned
actor covers its first word in the sentence (NGEC spells shared heads out: "Russian and
Belorussian soldiers" -> "Russian soldiers", "Belorussian soldiers"). A case is right when
every expected actor is found and nothing else is returned. The cases were not read while
the resolver or the event coder were written: the figure is held out.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from actors_ngec import WRITTEN  # NGEC's tests were written in late 2022: undated cases mean then

from tacitus.documents.nlp import load_nlp
from tacitus.events.roles import ActorIndex, actors_of
from tacitus.mentions.actors import ActorResolver
from tacitus.records import ActorRef

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "actors" / "ngec_coactor_cases.jsonl"


def phrase_head(doc, start: int, end: int):  # type: ignore[no-untyped-def]
    """The token of the character span [start, end) whose head lies outside it."""
    tokens = [t for t in doc if start <= t.idx < end]
    for token in tokens:
        if not start <= token.head.idx < end or token.head is token:
            return token
    return tokens[-1] if tokens else None


def first_word_at(text: str, expected: str, near: int) -> tuple[int, int] | None:
    """Characters of the first word of ``expected`` in ``text``, the occurrence nearest ``near``."""
    word = expected.split()[0] if expected.split()[0] not in ("the", "The") else expected.split()[1]
    spots = [m.span() for m in re.finditer(r"(?<!\w)" + re.escape(word) + r"(?!\w)", text)]
    return min(spots, key=lambda s: abs(s[0] - near)) if spots else None


def judge(text: str, case: dict, returned: list[ActorRef]) -> tuple[bool, str]:
    """Whether the returned actors are exactly the expected ones, and what was returned."""
    unmatched = list(returned)
    for expected in case["expected_actors"]:
        spot = first_word_at(text, expected, case["actor_start"])
        hit = next((a for a in unmatched if spot and a.start <= spot[0] < a.end), None)
        if hit is None:
            return False, f"missing {expected!r}"
        unmatched.remove(hit)
    if unmatched:
        return False, f"extra {[a.text for a in unmatched]}"
    return True, ""


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.exists():
        print(f"cases not found at {path}")
        return 1
    cases = [json.loads(line) for line in path.open(encoding="utf-8")]
    cases = [c for c in cases if c["status"] == "active" and c["expected_actors"]]
    nlp = load_nlp()
    resolver = ActorResolver.default()
    right = 0
    for case in cases:
        doc = nlp(case["text"])
        actors = resolver.find_actors(doc, WRITTEN)
        head = phrase_head(doc, case["actor_start"], case["actor_end"])
        returned = actors_of(head, ActorIndex(actors))
        ok, why = judge(case["text"], case, returned)
        right += ok
        mark = "ok  " if ok else "MISS"
        print(f"{mark} {case['id']:9} {case['actor_phrase']!r} -> {[a.text for a in returned]} {why}")
    print(f"co-actor cases right: {right}/{len(cases)} = {right / len(cases):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
