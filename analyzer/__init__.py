"""analyzer: who asserted which figure, when, through whom; which figures conflict."""

__version__ = "0.1.0"
