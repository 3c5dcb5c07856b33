"""Agreement of sector resolution with the PLOVER agents dictionary (PETRARCH's agent nouns).

Usage: .venv/bin/python benchmarks/agents_plover.py [-v] [PATH_TO/PLOVER_agents.txt]

Each dictionary phrase ("farmer", "border patrol agent", "police force") is put in a plain
sentence ("The police force said on Monday.") and resolved as running text; when running text
yields no actor over it (a title with no name after it, a noun that needs a country), the phrase
is looked up bare, as ``tacitus actors lookup`` reads it. A phrase agrees when the sector is one
of the dictionary's codes for it ([~GOVMIL] accepts GOV or MIL). Substitution sets (!PERSON!)
take their first member, and its few stems ("MINIST") the word they start. This dictionary was read while writing sectors.tsv: the figure is
agreement with a reference, not a held-out score. ``-v`` lists the disagreements.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections import Counter
from pathlib import Path

from tacitus.documents.nlp import load_nlp
from tacitus.mentions.actors import ActorResolver

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "plover" / "PLOVER_agents.txt"
WHEN = dt.date(2022, 6, 1)
ENTRY = re.compile(r"(.+?)\s*\[~?([A-Z]+)\]")
SUBSTITUTION = re.compile(r"(!\w+!)\s*=\s*(.*)")
# The few stems the dictionary keeps ("HEALTH_MINIST" matches minister and ministry), read as a word.
STEMS = {"minist": "minister", "compan": "company", "industr": "industry", "authorit": "authority"}


def read_agents(path: Path) -> list[tuple[str, list[str]]]:
    """(phrase, accepted sector codes) for every entry of the dictionary."""
    substitutions: dict[str, str] = {}
    entries = []
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#")[0].rstrip()
        if not line:
            continue
        if found := SUBSTITUTION.match(line):
            substitutions[found.group(1)] = found.group(2).split(",")[0].strip()
            continue
        if not (found := ENTRY.match(line)):
            continue
        phrase, code = found.group(1).strip(), found.group(2)
        for marker, first in substitutions.items():
            phrase = phrase.replace(marker, first)
        phrase = re.sub(r"\s*\{.*?\}", "", phrase).replace("_", " ").lower().strip()
        phrase = " ".join(STEMS.get(word, word) for word in phrase.split())
        entries.append((phrase, [code[i : i + 3] for i in range(0, len(code), 3)]))
    return entries


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else DEFAULT
    if not path.is_file():
        print(f"agents dictionary not found at {path}")
        return 1
    entries = read_agents(path)
    resolver = ActorResolver.default()
    nlp = load_nlp()
    sentences = [f"The {phrase} said on Monday." for phrase, _ in entries]
    agree = 0
    misses: Counter[str] = Counter()
    lines = []
    for (phrase, codes), doc in zip(entries, nlp.pipe(sentences)):
        start, end = 4, 4 + len(phrase)
        over = [a for a in resolver.find_actors(doc, WHEN) if a.start < end and start < a.end]
        sector = over[-1].sector if over else None
        if not over:
            bare = resolver.lookup(phrase, WHEN)
            sector = bare.sector if bare else None
        if sector in codes:
            agree += 1
        else:
            misses[codes[0]] += 1
            lines.append(f"{phrase!r}: dictionary {'/'.join(codes)}, resolved {sector}")
    print(f"phrases: {len(entries)}; sector agrees with the dictionary: {agree}/{len(entries)} = "
          f"{agree / len(entries):.1%}")
    print("disagreements by dictionary sector: " + ", ".join(f"{k} {v}" for k, v in misses.most_common()))
    if "-v" in sys.argv:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main([a for a in sys.argv[1:] if a != "-v"]))
