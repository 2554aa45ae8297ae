"""`quizgen try "kalimat"`: tag one sentence and show which templates fired and what they made."""

from __future__ import annotations

from datetime import datetime

import click

from ..errors import QuizgenError
from . import main
from .inspect_cmd import _span_line


def _date(value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        raise QuizgenError(f"--date {value!r} is not a date; write it as YYYY-MM-DD, "
                           f"e.g. 2025-07-13") from None


@main.command("try")
@click.argument("sentence")
@click.option("--lang", default="id", show_default=True, help="Language pack.")
@click.option("--date", "date", default=None,
              help="Publication date the sentence is read against (YYYY-MM-DD), for "
                   "dates such as 'Sabtu (12/7)'.")
@click.option("--templates", "extra", multiple=True, type=click.Path(),
              help="A template file of your own, added to the pack's (repeatable).")
@click.option("--only", default=None, help="Run only templates whose id starts with this.")
def try_cmd(sentence: str, lang: str, date: str | None, extra: tuple[str, ...],
            only: str | None) -> None:
    """Show the tagged spans of SENTENCE and every question the templates make from it."""
    from ..lang import load_language
    from ..match import run_templates
    from ..model import Article, Sentence
    from ..split import MAX_SENTENCE_CHARS, tokenize
    from ..tag import tag_sentence
    from ..templates import load_templates

    pack = load_language(lang)
    ref = _date(date)
    templates = load_templates(pack, extra)
    if only:
        templates = [t for t in templates if t.id.startswith(only)]
    text = " ".join(sentence.split())
    if len(text) > MAX_SENTENCE_CHARS:
        raise QuizgenError(f"the sentence has {len(text):,} characters, over the"
                           f" {MAX_SENTENCE_CHARS:,} a sentence is analysed in; try a part of it")
    sent = Sentence(article_id="try", index=0, paragraph=0, text=text, tokens=tokenize(text))
    sent.spans = tag_sentence(text, pack, ref.date() if ref else None)
    article = Article(id="try", path="-", lang=lang, published=ref, paragraphs=[text],
                      sentences=[sent])
    click.secho("spans", bold=True)
    for span in sorted(sent.spans, key=lambda s: (s.start, -s.end)):
        click.echo(_span_line(span))
    if not sent.spans:
        click.echo("      (none)")
    candidates = run_templates(sent, article, templates, pack)
    fired = sorted({c.template for c in candidates})
    click.secho(f"templates fired: {len(fired)} of {len(templates)}", bold=True)
    for c in candidates:
        click.echo(f"  {c.template}  [{','.join(c.kinds)}]  prior {c.prior:.2f}")
        click.echo(f"      Q: {c.question}")
        click.echo(f"      A: {c.answer}  ({c.answer_label}, {c.answer_start}-{c.answer_end})")
        if c.statement:
            click.echo(f"      S: {c.statement}")
