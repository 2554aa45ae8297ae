"""How the review page copes with a large bank (`make bench-review`).

Makes a bank of N items (the seed deck's 72 items repeated, each copy its own id; 5,000 by
default), serves it with `quizgen review`'s server, and measures in Debian's chromium
(Playwright): the server reading the bank, the page opening until its first items show,
a filter and a search answered, and keep/drop saves (each rewrites the whole bank file,
atomically) one after another. Prints the figures; writes them as JSON with --json.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))


def make_bank(n: int, path: Path) -> None:
    from seedbank import seed_bank

    from quizgen.bank import save_bank

    seed = seed_bank()
    items = [dataclasses.replace(seed.items[k % len(seed.items)],  # all kept: "n" drops
                                 id=f"{seed.items[k % len(seed.items)].id}-{k}", keep=True)
             for k in range(n)]
    save_bank(dataclasses.replace(seed, items=items), path)


def measure(n: int, saves: int) -> dict[str, float]:
    from playwright.sync_api import sync_playwright

    from quizgen.review.server import ReviewServer
    from quizgen.review.session import ReviewSession

    figures: dict[str, float] = {"items": n}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bank.yaml"
        make_bank(n, path)
        figures["bank_mb"] = round(path.stat().st_size / 1e6, 2)
        t = time.perf_counter()
        server = ReviewServer(ReviewSession(path), poll_seconds=3600)
        figures["server_read_s"] = round(time.perf_counter() - t, 3)
        server.start()
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium")
            page = browser.new_page(bypass_csp=True)
            t = time.perf_counter()
            page.goto(server.url)
            page.wait_for_selector("body[data-ready='1']")
            figures["page_open_s"] = round(time.perf_counter() - t, 3)
            t = time.perf_counter()
            page.select_option("#filters [name=kind]", "mcq")
            page.wait_for_function("document.querySelector('#items .item').dataset.id"
                                   ".startsWith('mcq')")
            figures["filter_s"] = round(time.perf_counter() - t - 0.2, 3)  # less the debounce
            t = time.perf_counter()
            page.fill("#search", "zzz tidak ada")
            page.wait_for_selector("#items .empty")
            figures["search_s"] = round(time.perf_counter() - t - 0.2, 3)
            page.fill("#search", "")
            page.select_option("#filters [name=kind]", "")
            page.wait_for_timeout(600)
            page.evaluate("document.activeElement.blur()")  # keys to the page, not the search
            times = []
            for k in range(saves):
                t = time.perf_counter()
                page.keyboard.press("n")  # drop, and on to the next item
                page.wait_for_function("document.querySelector('#status').textContent"
                                       " === 'Tersimpan'")
                times.append(time.perf_counter() - t)
                page.evaluate("document.querySelector('#status').textContent = ''")
            figures["save_median_s"] = round(statistics.median(times), 3)
            figures["save_max_s"] = round(max(times), 3)
            browser.close()
        server.shutdown()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, nargs="+", default=[72, 1000, 5000])
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()
    rows = [measure(n, args.saves) for n in args.items]
    keys = list(rows[0])
    print("  ".join(f"{k:>14}" for k in keys))
    for row in rows:
        print("  ".join(f"{row[k]:>14}" for k in keys))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
