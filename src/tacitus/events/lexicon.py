"""The trigger lexicon: verb and noun lemmas that evoke PLOVER events."""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from tacitus.errors import ConfigError
from tacitus.records import EVENT_TYPES

LIGHT = "*"

# Nouns that are events on their own ("the invasion of Ukraine", "talks between X and Y");
# other nouns in nouns.tsv are events only as the object of a light verb ("sent troops").
_NOMINAL_TYPES = frozenset(EVENT_TYPES) - {"MOBILIZE", "AID", "SUPPORT"}
_NOMINAL_EXTRA = frozenset({"drill", "exercise", "deployment", "buildup", "mobilization"})


@dataclass(frozen=True, slots=True)
class Entry:
    """One trigger: its event type (or ``*`` for a light verb) and PLOVER mode."""

    lemma: str
    event_type: str
    mode: str | None
    fallback: str | None = None  # for light verbs: the type when the object is an actor


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Verb triggers (single words and phrasal verbs) and noun triggers."""

    verbs: dict[str, Entry]
    phrasal: dict[tuple[str, str], Entry]
    nouns: dict[str, Entry]
    nominal: frozenset[str]


def _read(name: str) -> list[Entry]:
    text = resources.files("tacitus.data.lexicon").joinpath(name).read_text(encoding="utf-8")
    entries = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#") or line.startswith("lemma\t"):
            continue
        parts = line.split("\t")
        if len(parts) < 2:
            raise ConfigError(f"{name}:{number}: expected 'lemma<TAB>type<TAB>mode', got {line!r}")
        lemma, event_type = parts[0].strip(), parts[1].strip()
        mode = parts[2].strip() if len(parts) > 2 and parts[2].strip() else None
        fallback = None
        if event_type.startswith(LIGHT):
            fallback = event_type.partition(":")[2] or None
            event_type = LIGHT
        elif event_type not in EVENT_TYPES:
            raise ConfigError(f"{name}:{number}: unknown event type {event_type!r}")
        entries.append(Entry(lemma, event_type, mode, fallback))
    return entries


@functools.lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged trigger lexicon, read once per process."""
    verbs: dict[str, Entry] = {}
    phrasal: dict[tuple[str, str], Entry] = {}
    for entry in _read("verbs.tsv"):
        words = entry.lemma.split()
        if len(words) == 2:
            phrasal[(words[0], words[1])] = entry
        else:
            verbs[entry.lemma] = entry
    nouns = {entry.lemma: entry for entry in _read("nouns.tsv")}
    nominal = frozenset(
        lemma
        for lemma, entry in nouns.items()
        if entry.event_type in _NOMINAL_TYPES or lemma in _NOMINAL_EXTRA
    )
    return Lexicon(verbs=verbs, phrasal=phrasal, nouns=nouns, nominal=nominal)
