"""The coder's version; it travels with every record and run."""

__version__ = "0.1.0"
