"""The Tacitus error tree.

::

    TacitusError
    ├── ConfigError          a setting or option is invalid
    ├── ModelNotFound        no spaCy pipeline or classifier model is installed
    ├── InputRejected        an input cannot be coded (carries a stable ``code``)
    ├── StoreError           the DuckDB store cannot be opened or written
    │   └── StoreLocked      another process holds the store for writing
    ├── QueryError           a filter or query parameter is invalid
    └── KnowledgeBaseError   the actor knowledge base or an import file is malformed

Every message says what happened and what to do about it.
"""

from __future__ import annotations


class TacitusError(Exception):
    """Base class of every error Tacitus raises on purpose."""


class ConfigError(TacitusError):
    """A setting or option is invalid."""


class ModelNotFound(TacitusError):
    """A model that Tacitus needs is not installed."""


class InputRejected(TacitusError):
    """An input cannot be coded; ``code`` names the reason in a stable way."""

    def __init__(self, code: str, message: str, *, input: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.input = input


class StoreError(TacitusError):
    """The store cannot be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store file for writing."""


class QueryError(TacitusError):
    """A filter or query parameter is invalid."""


class KnowledgeBaseError(TacitusError):
    """The actor knowledge base or a file being imported into it is malformed."""
