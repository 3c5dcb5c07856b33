"""The local web app and REST API (``tacitus serve``); needs the ``serve`` extra."""

from tacitus.serve.app import create_app

__all__ = ["create_app"]
