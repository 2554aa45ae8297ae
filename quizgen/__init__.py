"""quizgen: turn articles into Anki decks and printable worksheets."""

__version__ = "0.1.0"
