"""Decide whether a verb with a speaker and content is an attribution cue.

A logistic model over a handful of parse features (lemma, complement, speaker
type, ...), learned from PolNeAR train by ``benchmarks/polnear_cues.py`` and shipped
as ``tacitus/data/attribution/cue_model.json``. Without that file the hand-written
core list of speech verbs decides alone.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Protocol

from tacitus.mentions.attribution.lexicon import CORE_VERBS, SAY_LIKE
from tacitus.mentions.attribution.tree import children

if TYPE_CHECKING:
    from spacy.tokens import Token

    from tacitus.records import Attribution

# Verbs that always report speech, whatever the model says: a denial or an
# accusation must reach the events it is about ("Russia denied such allegations").
ALWAYS_CUES: frozenset[str] = frozenset(
    {"say", "tell", "announce", "claim", "deny", "state", "report", "accuse", "insist", "warn", "allege"}
)

_PERSONAL = frozenset({"i", "we", "you", "he", "she", "they", "it"})
_RELATIVE = frozenset({"who", "which", "that", "whom"})
_MODALS = frozenset({"would", "could", "should", "might", "may", "can", "will", "must"})


class CueJudge(Protocol):
    """What ``extract`` asks about each candidate cue verb."""

    def may_cue(self, lemma: str) -> bool: ...

    def accepts(self, verb: Token, subject: Token, att: Attribution) -> bool: ...


def features(verb: Token, subject: Token, att: Attribution) -> list[str]:
    """Sparse binary features of one candidate (verb, speaker, content)."""

    lemma = verb.lemma_.lower()
    comp = "none"
    for child in children(verb):
        if child.dep_ in ("ccomp", "parataxis"):
            comp = "clause"
            break
        if child.dep_ in ("dobj", "xcomp", "prep", "dative", "attr", "acomp", "oprd") and comp == "none":
            comp = child.dep_
    content = att.content.text if att.content else ""
    quoted = content[:1] in "\"'\u201c\u2018`"
    if quoted:
        comp = "quote"
    if subject.lower_ in _PERSONAL:
        speaker = "pron:" + subject.lower_
    elif subject.lower_ in _RELATIVE:
        speaker = "rel"
    else:
        speaker = subject.ent_type_ or subject.pos_
    aux = [c.lower_ for c in children(verb) if c.dep_ in ("aux", "neg")]
    feats = [
        "bias",
        "l=" + lemma,
        f"l={lemma}|c={comp}",
        "c=" + comp,
        "d=" + verb.dep_,
        f"l={lemma}|d={verb.dep_}",
        "t=" + verb.tag_,
        "s=" + speaker,
        f"c={comp}|s={speaker}",
    ]
    if lemma in CORE_VERBS:
        feats.append("core")
    if lemma in SAY_LIKE:
        feats.append("saylike")
    if any(a in _MODALS for a in aux):
        feats.append("modal")
    if any(a in ("not", "n't", "never") for a in aux):
        feats.append("neg")
    if subject.pos_ in ("NOUN", "PROPN"):
        feats.append("sl=" + subject.lemma_.lower())
    if comp == "clause" and any(
        g.dep_ == "mark" and g.lower_ == "that" for c in children(verb) if c.dep_ == "ccomp" for g in children(c)
    ):
        feats.append(f"l={lemma}|that")
    if verb.i + 1 < len(verb.doc):
        feats.append("next=" + verb.doc[verb.i + 1].lower_)
    if subject.i > verb.i:
        feats.append("inverted")
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children(verb)):
        feats += ["pass", f"l={lemma}|pass"]
    if att.source is not None and len(att.source.text.split()) > 3:
        feats.append("longsource")
    words = len(content.split())
    size = "1" if words <= 1 else "short" if words <= 4 else "mid" if words <= 15 else "long"
    feats += ["cw=" + size, f"l={lemma}|s={speaker}", f"l={lemma}|cw={size}"]
    if lemma in CORE_VERBS:
        feats.append(f"core|s={speaker}")
    if verb.i > 0:
        feats.append("prev=" + verb.doc[verb.i - 1].lower_)
    if subject.head.i != verb.i:
        feats.append("farsubj")  # the speaker was found through another verb
    return feats


@dataclass(frozen=True, slots=True)
class CueModel:
    """Logistic weights over ``features``; a candidate is a cue when p >= threshold."""

    weights: dict[str, float]
    threshold: float
    lemmas: frozenset[str]

    def may_cue(self, lemma: str) -> bool:
        return lemma in self.lemmas or lemma in CORE_VERBS

    def probability(self, verb: Token, subject: Token, att: Attribution) -> float:
        z = sum(self.weights.get(f, 0.0) for f in features(verb, subject, att))
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))

    def accepts(self, verb: Token, subject: Token, att: Attribution) -> bool:
        if verb.lemma_.lower() in ALWAYS_CUES:
            return True
        return self.probability(verb, subject, att) >= self.threshold


@dataclass(frozen=True, slots=True)
class CoreVerbs:
    """The fallback judge: the hand-written list of speech verbs."""

    def may_cue(self, lemma: str) -> bool:
        return lemma in CORE_VERBS

    def accepts(self, verb: Token, subject: Token, att: Attribution) -> bool:
        return True


@dataclass(frozen=True, slots=True)
class AnyVerb:
    """Accepts every candidate: used to collect training candidates."""

    def may_cue(self, lemma: str) -> bool:
        return True

    def accepts(self, verb: Token, subject: Token, att: Attribution) -> bool:
        return True


@functools.lru_cache(maxsize=1)
def load_cue_judge() -> CueJudge:
    """The shipped cue model, else the core verb list."""
    try:
        raw = (resources.files("tacitus") / "data" / "attribution" / "cue_model.json").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError, OSError):
        return CoreVerbs()
    table = json.loads(raw)
    return CueModel(
        weights={k: float(v) for k, v in table["weights"].items()},
        threshold=float(table["threshold"]),
        lemmas=frozenset(table["lemmas"]),
    )
