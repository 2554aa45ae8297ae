"""The review page in a real browser (Debian's chromium, tests/browser.py): a teacher
keeps, drops, edits and undoes with the keyboard; the bank file read back holds exactly
that. Two tabs never lose an edit; a read-only bank says so and loses nothing; article
text shows as text.

QUIZGEN_UPDATE_SCREENSHOTS=1 rewrites docs/review.png, the README's screenshot."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect
from browser import browser  # noqa: F401 (the fixture)
from seedbank import DECK

from quizgen.bank import load_bank, save_bank
from quizgen.review.server import ReviewServer
from quizgen.review.session import ReviewSession

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures"
TIMEOUT = 10_000


@contextmanager
def served(path: Path, **options) -> Iterator[ReviewServer]:
    server = ReviewServer(ReviewSession(path), **options)
    server.start()
    try:
        yield server
    finally:
        server.shutdown()


@pytest.fixture
def bank_file(tmp_path: Path) -> Path:
    path = tmp_path / "bank.yaml"
    shutil.copy(FIXTURES / "bank_sample.yaml", path)
    return path


def open_page(browser, server: ReviewServer):  # noqa: F811
    # bypass_csp: the tests' own probes (wait_for_function) are evaluated strings, which the
    # page's policy refuses; the policy itself is checked in test_review_server.py.
    page = browser.new_page(viewport={"width": 1400, "height": 1000}, bypass_csp=True)
    page.set_default_timeout(TIMEOUT)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(server.url)
    page.wait_for_selector("body[data-ready='1']")
    page.errors = errors
    return page


def wait_status(page, text: str) -> None:
    page.wait_for_function("t => document.querySelector('#status').textContent.includes(t)",
                           arg=text)


def current_id(page) -> str:
    return page.get_attribute("#items .item.current", "data-id")


def saved(path: Path, item_id: str):
    return next(i for i in load_bank(path).items if i.id == item_id)


def test_review_page_keyboard_drop_edit_undo_reload(browser, bank_file: Path) -> None:  # noqa: F811
    with served(bank_file) as server:
        page = open_page(browser, server)
        first = current_id(page)
        page.keyboard.press("n")  # drop; the page moves on to the next item
        wait_status(page, "Tersimpan")
        assert saved(bank_file, first).keep is False
        second = current_id(page)
        assert second != first
        page.keyboard.press("e")
        page.fill(f'[data-id="{second}"] input[name=answer]', "Jawaban Guru")
        page.keyboard.press("Control+Enter")
        page.wait_for_selector(f'[data-id="{second}"] .edited-badge')
        assert saved(bank_file, second).answer == "Jawaban Guru"
        original = load_bank(FIXTURES / "bank_sample.yaml").items[1].answer
        page.keyboard.press("u")  # undo the edit
        wait_status(page, "Dibatalkan")
        assert saved(bank_file, second).answer == original
        page.keyboard.press("u")  # and the drop
        page.wait_for_function(f"!document.querySelector('[data-id=\"{first}\"]')"
                               ".classList.contains('dropped')")
        assert saved(bank_file, first).keep is True
        page.keyboard.press("k")
        page.keyboard.press("n")
        wait_status(page, "Tersimpan")
        page.reload()
        page.wait_for_selector("body[data-ready='1']")
        assert "dropped" in page.get_attribute(f'[data-id="{first}"]', "class")
        assert saved(bank_file, first).keep is False
        assert page.errors == []


def test_review_page_shows_and_refuses_invalid_edits(browser, bank_file: Path) -> None:  # noqa: F811
    with served(bank_file) as server:
        page = open_page(browser, server)
        cloze = next(i for i in load_bank(bank_file).items if i.kind == "cloze")
        before = bank_file.read_bytes()
        page.click(f'[data-id="{cloze.id}"] button.edit')
        page.fill(f'[data-id="{cloze.id}"] textarea[name=question]', "Tanpa bagian kosong.")
        page.keyboard.press("Control+Enter")
        error = page.wait_for_selector(f'[data-id="{cloze.id}"] .error:not(:empty)')
        assert "exactly one blank" in error.text_content()
        assert bank_file.read_bytes() == before


def test_review_page_two_tabs_never_lose_an_edit(browser, bank_file: Path) -> None:  # noqa: F811
    with served(bank_file, poll_seconds=3600) as server:
        a, b = open_page(browser, server), open_page(browser, server)
        first = current_id(a)
        a.keyboard.press("n")
        wait_status(a, "Tersimpan")
        b.keyboard.press("j")
        second = current_id(b)
        b.keyboard.press("n")  # made on the bank as it was before tab a's change
        wait_status(b, "memuatnya ulang")  # told, and reloaded
        assert saved(bank_file, first).keep is False  # a's change stands
        assert saved(bank_file, second).keep is True  # b's was not written over it
        assert "dropped" in b.get_attribute(f'[data-id="{first}"]', "class")
        assert current_id(b) == second  # back on the refused change's item
        b.keyboard.press("n")  # now on the fresh bank: taken
        wait_status(b, "Tersimpan")
        assert saved(bank_file, second).keep is False and saved(bank_file, first).keep is False


def test_review_page_reloads_a_bank_changed_on_disk(browser, bank_file: Path) -> None:  # noqa: F811
    with served(bank_file, poll_seconds=0.3) as server:
        page = open_page(browser, server)
        bank = load_bank(bank_file)
        bank.items[2].keep = False
        save_bank(bank, bank_file)  # an editor or a rebuild
        page.wait_for_selector(f'[data-id="{bank.items[2].id}"].dropped')
        wait_status(page, "memuatnya ulang")


def test_review_page_read_only_bank_says_so_and_loses_nothing(browser, bank_file: Path) -> None:  # noqa: F811
    before = bank_file.read_bytes()
    bank_file.chmod(0o444)
    with served(bank_file) as server:
        page = open_page(browser, server)
        assert "read-only" in page.text_content("#problem")
        first = current_id(page)
        page.keyboard.press("n")
        page.wait_for_selector("#status.error")
        assert "chmod u+w" in page.text_content("#status")
        page.wait_for_function(f"!document.querySelector('[data-id=\"{first}\"]')"
                               ".classList.contains('dropped')")
    assert bank_file.read_bytes() == before


def test_review_page_shows_article_text_as_text(browser, bank_file: Path) -> None:  # noqa: F811
    with served(bank_file) as server:
        page = open_page(browser, server)
        page.fill("#search", "teks uji")
        page.wait_for_function("document.querySelectorAll('#items .item').length === 1")
        card = page.text_content("#items .item")
        assert "<b>ini</b> & {{c2::itu}}" in card and "<script>alert(1)</script>" in card
        assert page.query_selector("#items .item b, #items .item script") is None
        frame = page.frame_locator("#card-back")  # the preview follows the chosen item
        expect(frame.locator("body")).to_contain_text("<script>alert(1)</script>")
        assert page.errors == []


@pytest.mark.parametrize("query, fill, expect", [
    ("kind", ("select", "mcq"), 2),
    ("dropped", ("check", None), 0),
    ("below", ("fill", "0.5"), None),
    ("q", ("fill", "zzz tidak ada"), 0),
])
def test_review_page_filters_on_the_server(browser, bank_file: Path, query, fill, expect) -> None:  # noqa: F811
    bank = load_bank(bank_file)
    wanted = {"kind": sum(i.kind == "mcq" for i in bank.items),
              "dropped": sum(not i.keep for i in bank.items),
              "below": sum(i.score < 0.5 for i in bank.items), "q": 0}[query]
    assert expect is None or wanted == expect
    with served(bank_file) as server:
        page = open_page(browser, server)
        how, value = fill
        target = f"#filters [name={query}]"
        {"select": lambda: page.select_option(target, value),
         "check": lambda: page.check(target), "fill": lambda: page.fill(target, value)}[how]()
        page.wait_for_function("n => document.querySelectorAll('#items .item').length === n",
                               arg=wanted)


def test_review_page_labels_follow_the_bank_language(browser, bank_file: Path) -> None:  # noqa: F811
    bank = load_bank(bank_file)
    with served(bank_file) as server:
        assert open_page(browser, server).text_content("[data-label=worksheet]") == "Lembar kerja"
    bank.lang = "xx"  # a language without a pack: English
    save_bank(bank, bank_file)
    with served(bank_file) as server:
        page = open_page(browser, server)
        assert page.text_content("[data-label=worksheet]") == "Worksheet"
        assert "Multiple choice" in page.text_content("#counts")


def test_review_page_seed_bank_by_keyboard_alone(browser, tmp_path: Path) -> None:  # noqa: F811
    """Every item of the seed deck's bank reviewed with keys only: every third dropped."""
    from quizgen.build import build
    from quizgen.deck import load_deck

    deck = load_deck(DECK)
    build(deck, tmp_path)
    path = tmp_path / "bank.yaml"
    ids = [i.id for i in load_bank(path).items]
    with served(path, limits=deck.items) as server:
        page = open_page(browser, server)
        for n, _ in enumerate(ids):
            page.keyboard.press("n" if n % 3 == 0 else "y")
        page.wait_for_function("n => document.querySelectorAll('#items .item.dropped').length === n",
                               arg=len(ids[::3]))
        page.wait_for_function("() => S.pending === 0")  # every change has been answered
        wait_status(page, "Tersimpan")
        if os.environ.get("QUIZGEN_UPDATE_SCREENSHOTS"):
            page.reload()
            page.wait_for_selector("body[data-ready='1']")
            page.keyboard.press("j")
            page.wait_for_timeout(500)
            page.screenshot(path=str(ROOT / "docs" / "review.png"))
    kept = {i.id: i.keep for i in load_bank(path).items}
    assert [i for i, k in kept.items() if not k] == ids[::3]
