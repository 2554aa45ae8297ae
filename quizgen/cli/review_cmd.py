"""`quizgen review BANK`: curate a question bank in a local web page."""

from __future__ import annotations

import click

from . import main


@main.command("review")
@click.argument("bank_file", metavar="BANK", type=click.Path())
@click.option("--port", type=click.IntRange(0, 65535), default=0,
              help="Port on 127.0.0.1  [default: a free one]")
@click.option("--no-browser", is_flag=True, help="Print the address only; open no browser.")
@click.option("--deck", "deck_file", type=click.Path(), default=None,
              help="Show kept items per kind against this deck file's 'items' limits.")
def review_command(bank_file: str, port: int, no_browser: bool, deck_file: str | None) -> None:
    """Review BANK in the browser: keep, drop and edit items; every change is saved at once."""
    import webbrowser

    from ..deck import load_deck
    from ..review.server import ReviewServer
    from ..review.session import ReviewSession

    limits = load_deck(deck_file).items if deck_file else {}
    server = ReviewServer(ReviewSession(bank_file), port=port, limits=limits)
    click.echo(f"reviewing {bank_file} at {server.url}")
    click.echo("every change is saved to the bank at once; press Ctrl+C to stop", err=True)
    if not no_browser:
        webbrowser.open(server.url)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("stopped; every change was saved", err=True)
    finally:
        server.shutdown()
