"""One article in, its figures and statements out: a pure function of the text and the registry."""
from __future__ import annotations

from etl.actors import ActorRegistry
from etl.extract.figures import extract_figures
from etl.extract.sentences import split_sentences
from etl.extract.statements import extract_statements
from etl.gazetteer import place_figures
from etl.model import Article, Figure, Statement


def extract_article(article: Article, actors: ActorRegistry) -> tuple[list[Figure], list[Statement]]:
    sentences = split_sentences(article.text)
    statements = extract_statements(article, sentences, actors)
    # Figures come second: a figure's reporter is often the speaker of the sentence it sits in.
    figures = extract_figures(article, sentences, statements, actors)
    # Where: each figure's location resolved against the gazetteer (etl/gazetteer).
    figures = place_figures(figures, article)
    return figures, statements
