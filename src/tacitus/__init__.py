"""Tacitus: evidence-linked PLOVER event data from news articles.

``extract`` codes one text, ``extract_batch`` many; ``open_store`` opens the DuckDB store.
"""

from tacitus import errors, records
from tacitus.api import extract, extract_batch
from tacitus.pipeline import CoderConfig
from tacitus.query.filters import EventFilter
from tacitus.store.duck import Store, open_store
from tacitus.version import __version__

__all__ = [
    "CoderConfig",
    "EventFilter",
    "Store",
    "__version__",
    "errors",
    "extract",
    "extract_batch",
    "open_store",
    "records",
]
