"""One exception base for everything a user can meet, with messages that name the file and the reason.

>>> str(CorpusError("data/a.json", "not a list of objects"))
'data/a.json: not a list of objects'
"""

from __future__ import annotations


class AnalyzerError(Exception):
    """Base of the analyzer's errors: a message fit for one line on stderr."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class CorpusError(AnalyzerError):
    """An input path that cannot be read at all (missing, unreadable)."""


class DocumentError(AnalyzerError):
    """One document that cannot be used (undecodable, empty, malformed); it is skipped."""


class AliasError(AnalyzerError):
    """A user alias file that cannot be read."""


class ExpectationError(AnalyzerError):
    """An expectations file for ``corroborate check`` that cannot be read."""


class OutputError(AnalyzerError):
    """An output path that cannot be written."""
