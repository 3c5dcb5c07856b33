"""Internals of the temporal tagger behind :mod:`tacitus.mentions.times`.

``lexicon`` holds word lists and regex fragments, ``calendar`` the date
arithmetic, ``tense`` the past/future reading of a clause, ``rules`` the
patterns that propose time expressions and ``compose`` the steps that merge
them into ranges and pick one reading per stretch of text.
"""
