"""Codes derived from the PLOVER type: quad class, CAMEO root and intensity.

Quad classes follow GDELT: 1 verbal cooperation, 2 material cooperation,
3 verbal conflict, 4 material conflict. Intensity is the Goldstein value of the
CAMEO root (a -10..+10 scale), the scale PLOVER users know from GDELT.
"""

from __future__ import annotations

QUAD_CLASS: dict[str, int] = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "REQUEST": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 3,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}

CAMEO_ROOT: dict[str, str] = {
    "AGREE": "03",
    "CONSULT": "04",
    "SUPPORT": "05",
    "REQUEST": "02",
    "CONCEDE": "08",
    "COOPERATE": "06",
    "AID": "07",
    "RETREAT": "08",
    "ACCUSE": "11",
    "REJECT": "12",
    "THREATEN": "13",
    "PROTEST": "14",
    "SANCTION": "16",
    "MOBILIZE": "15",
    "COERCE": "17",
    "ASSAULT": "18",
}

# ASSAULT modes that CAMEO codes as fighting (19) or mass violence (20).
_ASSAULT_ROOT_BY_MODE: dict[str, str] = {
    "firearms": "19",
    "heavy-weapons": "19",
    "aerial": "19",
    "drone": "19",
    "massacre": "20",
    "cleansing": "20",
    "unconventional": "20",
}

# Goldstein values of the CAMEO root codes.
GOLDSTEIN: dict[str, float] = {
    "01": 0.0,
    "02": 3.0,
    "03": 4.0,
    "04": 1.0,
    "05": 3.5,
    "06": 6.0,
    "07": 7.0,
    "08": 5.0,
    "09": -2.0,
    "10": -5.0,
    "11": -2.0,
    "12": -4.0,
    "13": -6.0,
    "14": -6.5,
    "15": -7.2,
    "16": -4.0,
    "17": -7.0,
    "18": -9.0,
    "19": -10.0,
    "20": -10.0,
}


def cameo_root(event_type: str, mode: str | None = None) -> str:
    """The CAMEO root code of a PLOVER type (and mode)."""
    if event_type == "ASSAULT" and mode in _ASSAULT_ROOT_BY_MODE:
        return _ASSAULT_ROOT_BY_MODE[mode]
    return CAMEO_ROOT[event_type]


def quad_class(event_type: str) -> int:
    """GDELT quad class of a PLOVER type."""
    return QUAD_CLASS[event_type]


def intensity(event_type: str, mode: str | None = None) -> float:
    """Intensity on the -10..+10 scale."""
    return GOLDSTEIN[cameo_root(event_type, mode)]
