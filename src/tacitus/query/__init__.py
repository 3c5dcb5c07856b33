"""Typed filters over the store, and exporters."""

from tacitus.query.filters import EventFilter

__all__ = ["EventFilter"]
