"""Inputs to articles: readers for text, HTML and JSON Lines, with rejection reasons."""

from tacitus.articles.readers import ReadOptions, read_inputs

__all__ = ["ReadOptions", "read_inputs"]
