"""The actor knowledge base: states, organisations, people with dated roles, sector agents.

The base is read from tab-separated files shipped in ``tacitus/data/kb/`` and from
user files in ``$TACITUS_HOME/kb/`` (default ``~/.local/share/tacitus/kb/``), where
``tacitus actors import`` and ``tacitus actors update`` write people with dated roles.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tacitus.errors import KnowledgeBaseError

DATA_DIR = Path(__file__).resolve().parents[1] / "data" / "kb"

PEOPLE_COLUMNS: tuple[str, ...] = (
    "name",
    "aliases",
    "country",
    "role",
    "sector",
    "start",
    "end",
    "wikidata",
)

# Roles that make a person speak for a government when several are held at once.
ROLE_RANK: dict[str, int] = {
    # PLOVER codes the Pope and other heads of religions as religious (REL) before any state office.
    "religious_leader": -1,
    "head_of_state": 0,
    "head_of_government": 1,
    "foreign_minister": 2,
    "defence_minister": 3,
    "igo_head": 4,
}


def user_kb_dir() -> Path:
    """Where imported and downloaded people files live."""
    home = os.environ.get("TACITUS_HOME")
    if home:
        return Path(home) / "kb"
    return Path.home() / ".local" / "share" / "tacitus" / "kb"


def parse_date(value: str | None) -> dt.date | None:
    """Read an ISO date (``YYYY-MM-DD``, optionally with a time part); empty is None."""
    if not value:
        return None
    text = value.strip()[:10]
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Role:
    """One dated office held by a person."""

    country: str | None
    igo: str | None
    role: str
    sector: str | None
    start: dt.date | None
    end: dt.date | None

    def active(self, date: dt.date) -> bool:
        """True when the role is held on ``date``."""
        # ``end`` is the first day out of office (the successor's start).
        return (self.start is None or self.start <= date) and (self.end is None or date < self.end)


@dataclass(slots=True)
class Entity:
    """A knowledge-base entry that a phrase can name."""

    kind: str  # state, adjective, demonym, capital, seat, org, person, sector
    name: str | None
    country: str | None = None
    igo: str | None = None
    sector: str | None = None
    wikidata: str | None = None
    # Dated sectors for groups whose status changes, oldest first: (since, sector).
    sector_since: tuple[tuple[dt.date, str], ...] = ()
    roles: list[Role] = field(default_factory=list)
    # For sector agents: title, noun, weak, generic, tail, both.
    use: str | None = None
    # For people: the first words of their names and aliases ("Philip" of "Philip Davis").
    given_names: frozenset[str] = frozenset()

    @property
    def noted(self) -> bool:
        """A person the news may name by surname alone ("Putin", "Lavrov"): see ``NOTED_ROLES``."""
        return any(r.role in NOTED_ROLES for r in self.roles)

    def sector_on(self, date: dt.date) -> str | None:
        """The sector on ``date``, following dated changes."""
        sector = self.sector
        for since, later in self.sector_since:
            if date >= since:
                sector = later
        return sector

    def role_on(self, date: dt.date) -> tuple[Role | None, bool]:
        """The role that applies on ``date`` and whether it is held then.

        An active role wins (highest rank first); otherwise the most recent past role,
        otherwise the earliest future one: a former or future office holder keeps the
        country but not the sector.
        """
        if not self.roles:
            return None, False
        active = [r for r in self.roles if r.active(date)]
        if active:
            # The same office in several states (a monarch of the Commonwealth realms): the first listed.
            firsts: dict[str, Role] = {}
            for r in active:
                firsts.setdefault(r.role, r)
            active = list(firsts.values())
            active.sort(key=lambda r: (ROLE_RANK.get(r.role, 9), -(r.start or dt.date.min).toordinal()))
            return active[0], True
        past = [r for r in self.roles if r.end is not None and r.end <= date]
        if past:
            return max(past, key=lambda r: r.end or dt.date.min), False
        return min(self.roles, key=lambda r: r.start or dt.date.max), False


@dataclass(slots=True)
class KnowledgeBase:
    """Phrases mapped to the entities they may name."""

    phrases: dict[str, list[Entity]] = field(default_factory=dict)
    people: dict[str, Entity] = field(default_factory=dict)  # by case-folded name and alias
    states: dict[str, Entity] = field(default_factory=dict)  # by ISO3
    surnames: set[str] = field(default_factory=set)  # phrases that need a proper-noun tag

    def add(self, phrase: str, entity: Entity) -> None:
        phrase = phrase.strip()
        if not phrase:
            return
        bucket = self.phrases.setdefault(phrase, [])
        if entity not in bucket:
            bucket.append(entity)


def _read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        lines = (line for line in handle if not line.startswith("#"))
        yield from csv.DictReader(lines, delimiter="\t")


def _split(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _parse_sector(spec: str) -> tuple[str | None, tuple[tuple[dt.date, str], ...]]:
    """Read ``REB;2021-08-15:GOV`` into a base sector and dated changes."""
    parts = [p.strip() for p in spec.split(";") if p.strip()]
    if not parts:
        return None, ()
    base = parts[0] if parts[0] != "IGO" else None
    changes: list[tuple[dt.date, str]] = []
    for part in parts[1:]:
        when, _, sector = part.partition(":")
        date = parse_date(when)
        if date is None or not sector:
            raise KnowledgeBaseError(f"Bad dated sector {spec!r}: write SECTOR;YYYY-MM-DD:SECTOR.")
        changes.append((date, sector))
    return base, tuple(sorted(changes))


def _plurals(word: str) -> list[str]:
    """Regular English plurals of the last word of a phrase."""
    head, _, last = word.rpartition(" ")
    prefix = head + " " if head else ""
    if last.endswith(("man",)) and not last.endswith(("human",)):
        forms = [last[:-3] + "men"]
    elif last.endswith("y") and last[-2:-1] not in "aeiou":
        forms = [last[:-1] + "ies"]
    elif last.endswith("arch"):
        forms = [last + "s"]  # "oligarchs", "monarchs", "patriarchs"
    elif last.endswith(("s", "x", "ch", "sh")):
        forms = [last + "es"]
    else:
        forms = [last + "s"]
    return [prefix + f for f in forms]


def _case_variants(phrase: str) -> set[str]:
    """The spellings a lower-case agent phrase takes in running text and titles."""
    variants = {phrase}
    if phrase[:1].islower():
        variants.add(phrase[0].upper() + phrase[1:])
        title = " ".join(w[0].upper() + w[1:] if w[:1].islower() else w for w in phrase.split(" "))
        variants.add(title)
        variants.add("-".join(w[0].upper() + w[1:] if w[:1].islower() else w for w in title.split("-")))
    return variants


def _has_plural(adjective: str) -> bool:
    """Whether a demonym takes a plural in -s ("Greeks"), unlike "French", "Japanese" or "Sino-"."""
    if not adjective[-1:].isalpha() or "." in adjective or adjective.isupper():
        return False
    if adjective.endswith(("ese", "sh", "s", "y", "men", "ic")):
        return False
    return not adjective.endswith("ch") or adjective.endswith("ech")


def load_states(kb: KnowledgeBase, path: Path) -> None:
    for row in _read_tsv(path):
        iso3 = row["iso3"]
        qid = row.get("wikidata") or None
        state = Entity("state", row["name"], country=iso3, wikidata=qid)
        kb.states[iso3] = state
        for name in [row["name"], *_split(row.get("aliases"))]:
            kb.add(name, state)
            if name.startswith("United "):
                kb.add("the " + name, state)
        adjective = Entity("adjective", row["name"], country=iso3)
        for adj in _split(row.get("adjectives")):
            kb.add(adj, adjective)
            # "Americans", "Israelis", "Greeks", "South Africans": plural demonyms name people of the
            # country. They carry no sector: "Palestinians" may be officials, fighters or civilians, and
            # the text does not say which (PETRARCH and POLECAT code them by country alone).
            if _has_plural(adj) and not any(e.kind == "state" for e in kb.phrases.get(adj + "s", ())):
                kb.add(adj + "s", Entity("demonym", row["name"], country=iso3))
        for capital in _split(row.get("capitals")):
            kb.add(capital, Entity("capital", row["name"], country=iso3, sector="GOV"))
        for column, sector in (("gov_seats", "GOV"), ("mil_seats", "MIL"), ("leg_seats", "LEG")):
            for seat in _split(row.get(column)):
                kb.add(seat, Entity("seat", row["name"], country=iso3, sector=sector))


def state_demonyms(path: Path = DATA_DIR / "states.tsv") -> dict[str, str]:
    """Each state's adjectives and demonyms ("Japanese" -> JPN), without prefix forms ("Sino-")."""
    demonyms: dict[str, str] = {}
    for row in _read_tsv(path):
        for adjective in _split(row.get("adjectives")):
            if not adjective.endswith("-") and not adjective.isupper():
                demonyms.setdefault(adjective, row["iso3"])
    return demonyms


def load_organisations(kb: KnowledgeBase, path: Path) -> None:
    for row in _read_tsv(path):
        sector, changes = _parse_sector(row.get("sector") or "")
        kind = row.get("kind") or "group"
        org = Entity(
            "org",
            row["name"],
            country=row.get("country") or None,
            igo=row["code"] if kind == "igo" else None,
            sector=sector,
            wikidata=row.get("wikidata") or None,
            sector_since=changes,
            use=kind,
        )
        for alias in {row["name"], *_split(row.get("aliases"))}:
            kb.add(alias, org)


def load_sectors(kb: KnowledgeBase, path: Path) -> None:
    for row in _read_tsv(path):
        phrase, sector, use = row["phrase"], row["sector"], row["kind"]
        agent = Entity("sector", None, sector=sector, use=use)
        forms = {phrase}
        if use not in ("title", "smod") and not phrase.endswith((".", "s", "ren", "men", "ple")):
            forms.update(_plurals(phrase))
        for form in forms:
            for variant in _case_variants(form):
                kb.add(variant, agent)


def people_files() -> list[Path]:
    """People files in load order: shipped first, then the user's imports."""
    # officials.tsv: other office holders the news names often (ministers, regional heads,
    # military chiefs), kept apart from the heads and ministers whose coverage people.tsv tracks.
    files = [DATA_DIR / "people.tsv", DATA_DIR / "officials.tsv"]
    user = user_kb_dir()
    if user.is_dir():
        files.extend(sorted(user.glob("people*.tsv")))
    return [f for f in files if f.is_file()]


def read_people_rows(path: Path) -> Iterator[dict[str, str]]:
    """Rows of a people file, checked for the expected header."""
    rows = _read_tsv(path)
    for row in rows:
        if "name" not in row or "country" not in row:
            raise KnowledgeBaseError(
                f"{path} is not a people file: its header must be " + "\t".join(PEOPLE_COLUMNS) + "."
            )
        yield row


def load_people(kb: KnowledgeBase, paths: Iterable[Path]) -> None:
    names: dict[int, set[str]] = {}  # every name and alias of each person, for surnames
    by_qid = {p.wikidata: p for p in kb.people.values() if p.wikidata}
    for path in paths:
        for row in read_people_rows(path):
            name = (row.get("name") or "").strip()
            if not name:
                continue
            qid = (row.get("wikidata") or "").strip() or None
            aliases = _split(row.get("aliases"))
            # One person per QID or name: files from different sources describe the same people under
            # different spellings ("Aleksandr Lukashenko" is an alias of "Alexander Lukashenko").
            person = by_qid.get(qid) if qid else None
            if person is None:
                person = kb.people.get(name.casefold())
            if person is None:
                # A shared alias ("King Abdullah") does not join two people with different QIDs.
                person = next(
                    (
                        kb.people[n.casefold()]
                        for n in aliases
                        if n.casefold() in kb.people and not _other_qid(kb.people[n.casefold()], qid)
                    ),
                    None,
                )
            if person is None:
                person = Entity("person", name, wikidata=qid)
            elif person.wikidata is None:
                person.wikidata = qid
            if person.wikidata:
                by_qid.setdefault(person.wikidata, person)
            for spelling in (name, *aliases):
                kb.people.setdefault(spelling.casefold(), person)
            country = (row.get("country") or "").strip() or None
            igo = None
            if country and country.startswith("igo:"):
                igo, country = country[4:], None
            role = Role(
                country=country,
                igo=igo,
                role=(row.get("role") or "").strip(),
                sector=_role_sector(row.get("sector"), igo),
                start=parse_date(row.get("start")),
                end=parse_date(row.get("end")),
            )
            if role not in person.roles:
                person.roles.append(role)
            for alias in [name, *aliases]:
                kb.add(alias, person)
                names.setdefault(id(person), set()).add(alias)
    for person in {id(p): p for p in kb.people.values()}.values():
        if id(person) in names:
            person.given_names |= {n.split()[0] for n in names[id(person)] if len(n.split()) >= 2}
    _add_surnames(kb, names)


def _other_qid(person: Entity, qid: str | None) -> bool:
    """Whether ``person`` is known under a different QID than ``qid``."""
    return bool(qid and person.wikidata and person.wikidata != qid)


def _role_sector(value: str | None, igo: str | None) -> str | None:
    """The sector a role gives; heads of international organisations carry the IGO code instead."""
    sector = (value or "").strip()
    if sector == "IGO" or (igo and sector in ("", "GOV")):
        return None
    return sector or "GOV"


def _surnames_of(name: str) -> list[str]:
    """The surnames a full name can be cut to: "Bashar al-Assad" -> "al-Assad", "Assad"."""
    parts = name.split()
    if len(parts) < 2:
        return []
    last = parts[-1]
    out = [last]
    head, dash, rest = last.partition("-")
    if dash and head.lower() in ("al", "el", "as", "ash", "ad", "an", "ar", "at", "az") and rest:
        out.append(rest)
    if len(parts) >= 3 and parts[-2][:1].isupper():
        out.append(" ".join(parts[-2:]))  # "López Obrador"
    return [s for s in out if len(s) >= 4 and s[0].isupper()]


# Roles whose holders the news names by surname alone ("Putin", "Lavrov", "Guterres").
NOTED_ROLES = frozenset({"head_of_state", "head_of_government", "foreign_minister", "defence_minister", "igo_head"})


def _add_surnames(kb: KnowledgeBase, names: dict[int, set[str]]) -> None:
    """Let a surname name a person; which of its owners a bare surname names is decided at
    resolution (``actor_chunks``), by the date, the title before it and ``NOTED_ROLES``."""
    # Owners in load order (dicts keep it), so every process builds the same lists.
    owners: dict[str, dict[int, None]] = {}
    by_id = {id(p): p for p in kb.people.values()}
    for pid, person in by_id.items():
        for name in sorted(names.get(pid, {person.name or ""})):
            for surname in _surnames_of(name):
                owners.setdefault(surname, {})[pid] = None
    # "Prince Charles" is not Pierre Charles: a surname that is someone's given name is ambiguous.
    given = {(p.name or "").split()[0] for p in kb.people.values() if len((p.name or "").split()) >= 2}
    for surname, ids in owners.items():
        if surname not in kb.phrases and surname not in given:
            kb.phrases[surname] = [by_id[i] for i in ids]
            kb.surnames.add(surname)


def load_kb(extra_people: Iterable[Path] = ()) -> KnowledgeBase:
    """Read the shipped base, the user's people files and any ``extra_people`` files."""
    kb = KnowledgeBase()
    load_states(kb, DATA_DIR / "states.tsv")
    load_organisations(kb, DATA_DIR / "organisations.tsv")
    load_sectors(kb, DATA_DIR / "sectors.tsv")
    load_people(kb, [*people_files(), *extra_people])
    return kb


# -- importers ----------------------------------------------------------------------

IMPORTED_FILE = "people_imported.tsv"
WIKIDATA_FILE = "people_wikidata.tsv"
DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"

# Correlates of War state abbreviations (REIGN) that differ from ISO 3166-1 alpha-3.
COW_TO_ISO3: dict[str, str] = {
    "AAB": "ATG", "ALG": "DZA", "ANG": "AGO", "AUL": "AUS", "AUS": "AUT", "BAH": "BHS", "BAR": "BRB",
    "BFO": "BFA", "BHM": "BHS", "BHU": "BTN", "BNG": "BGD", "BOS": "BIH", "BOT": "BWA", "BRU": "BRN",
    "BUI": "BDI", "BUL": "BGR", "CAM": "KHM", "CAO": "CMR", "CAP": "CPV", "CDI": "CIV", "CEN": "CAF",
    "CHA": "TCD", "CON": "COG", "COS": "CRI", "CRO": "HRV", "CZR": "CZE", "DEN": "DNK", "DRC": "COD",
    "DRV": "VNM", "EQG": "GNQ", "ETM": "TLS", "FIJ": "FJI", "FRN": "FRA", "GAM": "GMB", "GFR": "DEU",
    "GMY": "DEU", "GRG": "GEO", "GRN": "GRD", "GUA": "GTM", "GUI": "GIN", "HAI": "HTI", "HON": "HND",
    "ICE": "ISL", "INS": "IDN", "IRE": "IRL", "KOS": "XKX", "KUW": "KWT", "KYR": "KGZ", "KZK": "KAZ",
    "LAT": "LVA", "LEB": "LBN", "LES": "LSO", "LIB": "LBY", "LIT": "LTU", "MAA": "MRT", "MAC": "MKD",
    "MAD": "MDV", "MAG": "MDG", "MAL": "MYS", "MAS": "MUS", "MAW": "MWI", "MLD": "MDA", "MNC": "MCO",
    "MON": "MNG", "MOR": "MAR", "MSI": "MHL", "MYA": "MMR", "MZM": "MOZ", "NEP": "NPL", "NEW": "NZL",
    "NIG": "NGA", "NIR": "NER", "NTH": "NLD", "OMA": "OMN", "PAL": "PLW", "PAR": "PRY", "PHI": "PHL",
    "POR": "PRT", "ROK": "KOR", "ROM": "ROU", "RVN": "VNM", "SAF": "ZAF", "SAL": "SLV", "SEY": "SYC",
    "SIE": "SLE", "SIN": "SGP", "SKN": "KNA", "SLO": "SVK", "SLU": "LCA", "SLV": "SVN", "SNM": "SMR",
    "SOL": "SLB", "SPN": "ESP", "SRI": "LKA", "SUD": "SDN", "SWA": "SWZ", "SWD": "SWE", "SWZ": "CHE",
    "TAJ": "TJK", "TAZ": "TZA", "THI": "THA", "TOG": "TGO", "TRI": "TTO", "UAE": "ARE", "UKG": "GBR",
    "URU": "URY", "VAN": "VUT", "YAR": "YEM", "YPR": "YEM", "ZAM": "ZMB", "ZIM": "ZWE", "GDR": "DDR",
    "YUG": "SRB", "CZE": "CZE", "ETH": "ETH",
}

# Wikidata: heads of state (P35) and government (P6) of sovereign states, with dates.
LEADERS_SPARQL = """
SELECT ?iso3 ?role ?person ?personLabel ?start ?end WHERE {
  ?country wdt:P31 wd:Q3624078; wdt:P298 ?iso3.
  VALUES (?prop ?role) { (p:P35 "head_of_state") (p:P6 "head_of_government") }
  ?country ?prop ?st.
  ?st ?ps ?person.
  ?pprop wikibase:claim ?prop; wikibase:statementProperty ?ps.
  OPTIONAL { ?st pq:P580 ?start. }
  OPTIONAL { ?st pq:P582 ?end. }
  FILTER(!BOUND(?end) || ?end >= "2000-01-01T00:00:00Z"^^xsd:dateTime)
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
"""


def _reign_date(day: str, month: str, year: str, *, end: bool) -> str:
    if not year.strip():
        return ""
    try:
        y = int(float(year))
        m = int(float(month)) if month.strip() else (12 if end else 1)
        d = int(float(day)) if day.strip() else 1
        if end and not day.strip():
            # REIGN gives no end day: take the first day of the next month, the first day out.
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return ""


def read_roles_csv(path: Path) -> list[dict[str, str]]:
    """Read dated roles from a Wikidata leader export or a REIGN leader list."""
    if not path.is_file():
        raise KnowledgeBaseError(f"No such file: {path}. Give the path of a CSV of dated roles.")
    with path.open(encoding="utf-8", errors="replace", newline="") as handle:
        reader = csv.DictReader(handle)
        header = set(reader.fieldnames or [])
        rows: list[dict[str, str]] = []
        if {"iso3", "role", "person", "start"} <= header:
            for row in reader:
                rows.append({
                    "name": (row.get("person") or "").strip(),
                    "aliases": "",
                    "country": (row.get("iso3") or "").strip(),
                    "role": (row.get("role") or "").strip(),
                    "sector": "GOV",
                    "start": (row.get("start") or "")[:10],
                    "end": (row.get("end") or "")[:10],
                    "wikidata": (row.get("person_qid") or "").strip(),
                })
        elif {"stateabb", "leader", "syear"} <= header:
            for row in reader:
                abb = (row.get("stateabb") or "").strip()
                rows.append({
                    "name": (row.get("leader") or "").strip(),
                    "aliases": "",
                    "country": COW_TO_ISO3.get(abb, abb),
                    "role": "leader",
                    "sector": "GOV",
                    "start": _reign_date(row.get("sdate", ""), row.get("smonth", ""), row.get("syear", ""), end=False),
                    "end": _reign_date("", row.get("emonth", ""), row.get("eyear", ""), end=True),
                    "wikidata": "",
                })
        else:
            raise KnowledgeBaseError(
                f"{path}: unknown columns. Expected a Wikidata export (iso3, role, person, person_qid, "
                "start, end) or a REIGN leader list (stateabb, leader, sdate, smonth, syear, emonth, eyear)."
            )
    return [r for r in rows if r["name"] and r["country"]]


def write_people(path: Path, rows: Iterable[dict[str, str]], *, merge: bool) -> int:
    """Write rows in the people format; with ``merge``, keep existing rows. Returns rows added."""
    existing: list[dict[str, str]] = []
    if merge and path.is_file():
        existing = list(read_people_rows(path))
    seen = {tuple(r.get(c, "") for c in PEOPLE_COLUMNS) for r in existing}
    added = 0
    out = list(existing)
    for row in rows:
        key = tuple(row.get(c, "") for c in PEOPLE_COLUMNS)
        if key in seen:
            continue
        seen.add(key)
        out.append(row)
        added += 1
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", lineterminator="\n")
        writer.writerow(PEOPLE_COLUMNS)
        for row in out:
            writer.writerow([str(row.get(c, "")).replace("\t", " ") for c in PEOPLE_COLUMNS])
    tmp.replace(path)
    return added


def parse_sparql_leaders(payload: dict[str, object]) -> list[dict[str, str]]:
    """Rows from a SPARQL JSON answer to :data:`LEADERS_SPARQL`."""
    try:
        bindings = payload["results"]["bindings"]  # type: ignore[index]
    except (KeyError, TypeError) as e:
        raise KnowledgeBaseError("The SPARQL answer has no results.bindings: is the endpoint right?") from e
    rows: list[dict[str, str]] = []
    for b in bindings:  # type: ignore[union-attr]
        def value(name: str, b: object = b) -> str:
            return str(b.get(name, {}).get("value", ""))  # type: ignore[attr-defined]

        qid = value("person").rsplit("/", 1)[-1]
        name = value("personLabel")
        if not name or name == qid:
            continue
        rows.append({
            "name": name,
            "aliases": "",
            "country": value("iso3"),
            "role": value("role"),
            "sector": "GOV",
            "start": value("start")[:10],
            "end": value("end")[:10],
            "wikidata": qid,
        })
    return rows


def fetch_wikidata_leaders(endpoint: str = DEFAULT_ENDPOINT, *, timeout: float = 60.0) -> list[dict[str, str]]:
    """Ask a SPARQL endpoint for heads of state and government since 2000."""
    import json
    import urllib.error
    import urllib.parse
    import urllib.request

    url = endpoint + "?" + urllib.parse.urlencode({"query": LEADERS_SPARQL, "format": "json"})
    request = urllib.request.Request(
        url, headers={"Accept": "application/sparql-results+json", "User-Agent": "tacitus-actors-update"}
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            payload = json.loads(response.read().decode("utf-8"))
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise KnowledgeBaseError(
            f"Could not read leaders from {endpoint}: {e}. Check the network or pass --endpoint."
        ) from e
    return parse_sparql_leaders(payload)
