"""Internals of the temporal tagger behind :mod:`tacitus.mentions.times`.

``lexicon`` holds word lists and regex fragments, ``calendar`` the date
arithmetic, ``tense`` the past/future reading of a clause, ``context`` what
every rule shares, ``absolute`` and ``relative`` the rules themselves, ``rules``
the table and the scan, and ``compose`` the steps that pick one reading per
stretch of text and merge readings into ranges.
"""
