"""Local and distributed execution of the same batch function."""

from tacitus.runners.local import code_stream

__all__ = ["code_stream"]
