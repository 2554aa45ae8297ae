"""Recognisers behind `quizgen.tag`: tokens, language lexicon, names, quantities, quotes."""
