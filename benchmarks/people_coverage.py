"""Coverage of the people knowledge base against Wikidata-derived leader tables.

Usage: .venv/bin/python benchmarks/people_coverage.py [ACTORS_DIR]

ACTORS_DIR defaults to ../shared/data/actors (leaders_current.csv, leaders_history.csv).
Prints the share of current heads of state/government the base names, and the share of
head-of-state/government spells since 2000 it covers with overlapping dates.
"""
from __future__ import annotations

import csv
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PEOPLE_TSV = ROOT / "src" / "tacitus" / "data" / "kb" / "people.tsv"
DEFAULT_ACTORS = ROOT.parent / "shared" / "data" / "actors"
STATES_TSV = ROOT / "src" / "tacitus" / "data" / "kb" / "states.tsv"
HEAD_ROLES = frozenset({"head_of_state", "head_of_government"})
# Dates more than this far apart still count as the same spell (acting periods, swearing-in vs. election).
TOLERANCE = timedelta(days=45)


@dataclass(frozen=True, slots=True)
class Spell:
    country: str
    role: str
    names: frozenset[str]
    qid: str
    start: date | None
    end: date | None


def fold(name: str) -> str:
    """Lower-case ASCII form of a name, punctuation removed, for comparing spellings."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return " ".join(re.split(r"[^a-z0-9]+", text.lower())).strip()


def parse_date(text: str) -> date | None:
    """ISO date at the start of `text`, or None for blanks and malformed values."""
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def load_people(path: Path = PEOPLE_TSV) -> list[Spell]:
    """Head-of-state/government spells of the knowledge base."""
    spells = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if row["role"] not in HEAD_ROLES:
                continue
            names = [row["name"], *(a for a in row["aliases"].split("|") if a)]
            spells.append(Spell(row["country"], row["role"], frozenset(fold(n) for n in names),
                                row["wikidata"], parse_date(row["start"]), parse_date(row["end"])))
    return spells


def load_table(path: Path) -> list[Spell]:
    """Head spells of a Wikidata-derived table (leaders_current.csv / leaders_history.csv)."""
    spells = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["role"] not in HEAD_ROLES or not row["iso3"]:
                continue
            spells.append(Spell(row["iso3"], row["role"], frozenset({fold(row["person"])}),
                                row["person_qid"], parse_date(row["start"]), parse_date(row["end"])))
    return spells


def same_person(ours: Spell, theirs: Spell) -> bool:
    if ours.country != theirs.country:
        return False
    if ours.qid and theirs.qid:
        return ours.qid == theirs.qid
    return bool(ours.names & theirs.names)


def overlaps(ours: Spell, theirs: Spell) -> bool:
    lo = date.min if ours.start is None else ours.start - TOLERANCE
    hi = date.max if ours.end is None else ours.end + TOLERANCE
    t_lo = theirs.start or date.min
    t_hi = theirs.end or date.max
    return lo <= t_hi and t_lo <= hi


def sovereign_states(path: Path = STATES_TSV) -> frozenset[str]:
    """ISO3 codes of states (not territories) in the states knowledge base; empty when absent."""
    if not path.exists():
        return frozenset()
    with path.open(encoding="utf-8", newline="") as handle:
        return frozenset(r["iso3"] for r in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
                         if r.get("kind") == "state")


def coverage(actors_dir: Path = DEFAULT_ACTORS, people: Path = PEOPLE_TSV) -> dict[str, float | int]:
    """Coverage figures of the knowledge base against the tables in `actors_dir`.

    `*_states_share` figures count only sovereign states (territories such as Aruba or Guernsey,
    whose leaders the base does not list, are left out); they are 0.0 without states.tsv.
    """
    states = sovereign_states()
    ours = load_people(people)
    by_country: dict[str, list[Spell]] = {}
    for spell in ours:
        by_country.setdefault(spell.country, []).append(spell)

    current = [s for s in load_table(actors_dir / "leaders_current.csv")]
    cur_hit = sum(any(same_person(o, t) for o in by_country.get(t.country, [])) for t in current)

    since = date(2000, 1, 1)
    seen: set[tuple[str, str, str, date | None]] = set()
    history = []
    for t in load_table(actors_dir / "leaders_history.csv"):
        if t.start is None or (t.end is not None and t.end < since) or t.start.year < 1900:
            continue
        key = (t.country, t.role, t.qid, t.start)
        if key not in seen:
            seen.add(key)
            history.append(t)
    hits = Counter()
    for t in history:
        if any(same_person(o, t) and overlaps(o, t) for o in by_country.get(t.country, [])):
            hits[t.role] += 1
    totals = Counter(t.role for t in history)
    cur_states = [t for t in current if t.country in states]
    cur_states_hit = sum(any(same_person(o, t) for o in by_country.get(t.country, [])) for t in cur_states)
    hist_states = [t for t in history if t.country in states]
    hist_states_hit = sum(any(same_person(o, t) and overlaps(o, t) for o in by_country.get(t.country, []))
                          for t in hist_states)
    return {
        "current_states_share": cur_states_hit / len(cur_states) if cur_states else 0.0,
        "spells_states_share": hist_states_hit / len(hist_states) if hist_states else 0.0,
        "people_rows_heads": len(ours),
        "current_total": len(current),
        "current_covered": cur_hit,
        "current_share": cur_hit / len(current) if current else 0.0,
        "spells_total": len(history),
        "spells_covered": sum(hits.values()),
        "spells_share": sum(hits.values()) / len(history) if history else 0.0,
        "hos_share": hits["head_of_state"] / totals["head_of_state"] if totals["head_of_state"] else 0.0,
        "hog_share": hits["head_of_government"] / totals["head_of_government"] if totals["head_of_government"] else 0.0,
    }


def row_counts(people: Path = PEOPLE_TSV) -> dict[str, int]:
    """Rows per role, and rows that carry a Wikidata QID."""
    counts: Counter[str] = Counter()
    with people.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            counts[row["role"]] += 1
            counts["all"] += 1
            counts["with_qid"] += bool(row["wikidata"])
    return dict(counts)


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    actors_dir = Path(args[0]) if args else DEFAULT_ACTORS
    if not (actors_dir / "leaders_history.csv").exists():
        print(f"leader tables not found in {actors_dir}")
        return 1
    figures = coverage(actors_dir)
    counts = row_counts()
    print("rows by role:                     " + ", ".join(
        f"{role} {counts.get(role, 0)}" for role in
        ("head_of_state", "head_of_government", "foreign_minister", "defence_minister", "igo_head")))
    print(f"rows with a Wikidata QID:         {counts['with_qid']}/{counts['all']}"
          f" = {counts['with_qid'] / counts['all']:.1%}")
    print(f"head rows in people.tsv:          {figures['people_rows_heads']}")
    print(f"current heads (leaders_current):  {figures['current_covered']}/{figures['current_total']}"
          f" = {figures['current_share']:.1%}")
    print(f"spells since 2000 (leaders_hist): {figures['spells_covered']}/{figures['spells_total']}"
          f" = {figures['spells_share']:.1%}"
          f" (heads of state {figures['hos_share']:.1%}, heads of government {figures['hog_share']:.1%})")
    print(f"sovereign states only:            current {figures['current_states_share']:.1%},"
          f" spells since 2000 {figures['spells_states_share']:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
