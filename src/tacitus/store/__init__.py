"""The embedded DuckDB store: schema, batch writes and reads."""

from tacitus.store.duck import Store, open_store

__all__ = ["Store", "open_store"]
