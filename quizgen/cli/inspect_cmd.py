"""`quizgen inspect FILE...`: what quizgen reads in each article."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import TYPE_CHECKING

import click

from . import main

if TYPE_CHECKING:
    from ..model import Article, Corpus, Sentence

COLOURS = {
    "PERSON": "cyan",
    "ROLE": "magenta",
    "PLACE": "green",
    "ORG": "yellow",
    "DATE": "blue",
    "QUANTITY": "red",
    "QUOTE": "bright_black",
}


def _highlight(sentence: Sentence) -> str:
    """The sentence with outermost spans coloured by label."""
    out, pos = [], 0
    for span in sorted(sentence.spans, key=lambda s: (s.start, -s.end)):
        if span.start < pos or span.label == "QUOTE":
            continue
        out.append(sentence.text[pos : span.start])
        out.append(click.style(sentence.text[span.start : span.end], fg=COLOURS.get(span.label)))
        pos = span.end
    out.append(sentence.text[pos:])
    return "".join(out)


def _span_line(span) -> str:
    extra = "".join(f" {k}={v}" for k, v in sorted(span.attrs.items()) if k != "canonical")
    norm = f" -> {span.norm}" if span.norm and span.norm != span.text else ""
    label = click.style(f"{span.label:<8}", fg=COLOURS.get(span.label), bold=True)
    return f"      {label} {span.text}{norm}{extra}"


def _print_article(article: Article) -> None:
    published = article.published.isoformat(sep=" ") if article.published else "-"
    click.secho(f"== {article.path}", bold=True)
    for name, value in (
        ("title", article.title),
        ("publisher", article.publisher),
        ("author", article.author),
        ("published", published),
        ("id", article.id),
    ):
        click.echo(f"   {name:<10} {value or '-'}")
    click.echo(f"   {len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences")
    for s in article.sentences:
        click.echo(f"  [{s.index:>2}] {_highlight(s)}")
        for span in sorted(s.spans, key=lambda x: (x.start, -x.end)):
            click.echo(_span_line(span))
    click.echo()


def _print_entities(corpus: Corpus) -> None:
    click.secho("== entities linked across the set", bold=True)
    ents = sorted(corpus.entities.values(), key=lambda e: (-len(e.articles), -e.mentions, e.id))
    for e in ents:
        aliases = ", ".join(sorted(a for a in e.aliases if a != e.name))
        label = click.style(f"{e.label:<8}", fg=COLOURS.get(e.label), bold=True)
        click.echo(
            f"   {label} {e.name}  ({e.mentions} mentions, {len(e.articles)} articles)"
            + (f"  = {aliases}" if aliases else "")
        )


def corpus_to_json(corpus: Corpus) -> dict:
    def article(a: Article) -> dict:
        d = asdict(a)
        d["published"] = a.published.isoformat() if a.published else None
        for s in d["sentences"]:
            s.pop("tokens", None)
        return d

    return {
        "articles": [article(a) for a in corpus.articles],
        "entities": [
            {**asdict(e), "aliases": sorted(e.aliases), "articles": sorted(e.articles)}
            for e in sorted(corpus.entities.values(), key=lambda e: e.id)
        ],
    }


@main.command("inspect")
@click.argument("files", nargs=-1, required=True, type=click.Path())
@click.option("--lang", default="id", show_default=True, help="Language pack code.")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
def inspect_command(files: tuple[str, ...], lang: str, fmt: str) -> None:
    """Print each article's metadata, cleaned sentences and tagged spans."""
    from ..pipeline import analyse

    corpus = analyse(files, lang)
    for a in corpus.articles:  # what analysis cut (split.split_article): also in the JSON
        for note in a.notes:
            click.echo(f"quizgen: warning: {a.path}: {note}", err=True)
    if fmt == "json":
        click.echo(json.dumps(corpus_to_json(corpus), ensure_ascii=False, indent=1))
        return
    for article in corpus.articles:
        _print_article(article)
    _print_entities(corpus)
