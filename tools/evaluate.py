"""Measure the generator against people: FacQA answers, IndoSum dev and fresh articles.

    .venv/bin/python tools/evaluate.py [--sample 30] [--json FILE] [--no-fresh]

FacQA (127 human factoid questions on Kompas sentences): each context alone goes through
the whole pipeline; a context is a hit when some generated item's answer (short, MCQ or
cloze; of the whole bank, and of the items a deck keeps) equals the human answer (case and
punctuation ignored), a partial hit when one contains the other or they share at least
half their words. IndoSum dev: items per article, and a seeded random sample of items
printed for a person to judge. Fresh pool (../shared/corpus/indosum-fresh.jsonl, slices
of 30 articles as tools/firstlook.py makes them): items per article in the bank and in
a deck, and the share of articles of 120 words or more that give none.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizgen.generate import generate_bank  # noqa: E402
from quizgen.lang import load_language  # noqa: E402
from quizgen.pipeline import analyse, analyse_texts  # noqa: E402
from quizgen.templates import load_templates  # noqa: E402

try:
    from quizgen.select import deck_items  # noqa: E402
except ImportError:  # an older checkout, measured for comparison: every kept item
    def deck_items(items):
        return [it for it in items if it.keep]

FRESH = ROOT.parent / "shared" / "corpus" / "indosum-fresh.jsonl"

CORPUS = ROOT / "tests" / "fixtures" / "corpus"


def norm(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def match(answer: str, human: str) -> str | None:
    a, h = norm(answer), norm(human)
    if not a or not h:
        return None
    if a == h:
        return "exact"
    sa, sh = set(a), set(h)
    joined_a, joined_h = " ".join(a), " ".join(h)
    if joined_a in joined_h or joined_h in joined_a or len(sa & sh) * 2 >= max(len(sa), len(sh)):
        return "partial"
    return None


def facqa(pack, templates) -> dict:
    rows = [json.loads(x) for x in open(CORPUS / "facqa-dev.jsonl", encoding="utf-8")]
    exact = partial = kept_exact = kept_partial = 0
    counts = []
    misses = []
    for i, row in enumerate(rows):
        corpus = analyse_texts([(f"facqa-{i}", row["context"])], pack.code)
        bank = generate_bank(corpus, pack, templates, title="facqa", seed=0)
        answers = [it.answer for it in bank.items if it.kind != "truefalse"]
        kept = [it.answer for it in deck_items(bank.items) if it.kind != "truefalse"]
        counts.append(len(answers))
        human = row["answers"]["text"][0]
        kinds = {match(a, human) for a in answers}
        if "exact" in kinds:
            exact += 1
        elif "partial" in kinds:
            partial += 1
        else:
            misses.append((row["question"], human))
        kept_kinds = {match(a, human) for a in kept}
        kept_exact += "exact" in kept_kinds
        kept_partial += "exact" not in kept_kinds and "partial" in kept_kinds
    n = len(rows)
    return {
        "contexts": n,
        "exact": exact,
        "exact_rate": round(exact / n, 3),
        "exact_or_partial": exact + partial,
        "exact_or_partial_rate": round((exact + partial) / n, 3),
        "deck_exact": kept_exact,
        "deck_exact_or_partial": kept_exact + kept_partial,
        "items_per_context_mean": round(statistics.mean(counts), 2),
        "items_per_context_median": statistics.median(counts),
        "contexts_with_no_item": sum(1 for c in counts if c == 0),
        "some_misses": misses[:15],
    }


def indosum(pack, templates, sample: int) -> dict:
    paths = sorted((CORPUS / "indosum-dev").glob("*.txt"))
    per_article = {}
    pool = []
    for p in paths:
        corpus = analyse([p], pack.code)
        bank = generate_bank(corpus, pack, templates, title=p.stem, seed=0)
        kept = deck_items(bank.items)
        per_article[p.name] = len(kept)
        pool.extend((p.name, it) for it in kept)
    rng = random.Random(30)
    picked = rng.sample(pool, min(sample, len(pool)))
    return {
        "articles": len(paths),
        "items_per_article": per_article,
        "items_total": len(pool),
        "sample": [
            {"article": a, "kind": it.kind, "template": it.template, "question": it.question,
             "answer": it.answer, "options": it.options}
            for a, it in picked
        ],
    }


def fresh(pack, templates, slices: int = 10, size: int = 30) -> dict:
    rows = [json.loads(x) for x in FRESH.open(encoding="utf-8")]
    bank_counts, deck_counts, long_articles = [], [], []
    for k in range(slices):
        chosen = rows[size * k: size * (k + 1)]
        names = [f"fresh-{r['id']}.txt" for r in chosen]
        corpus = analyse_texts(list(zip(names, (r["text"] for r in chosen))), pack.code)
        bank = generate_bank(corpus, pack, templates, title=f"fresh {k + 1}", seed=0)
        path_of = {a.id: a.path for a in bank.articles}

        def per_article(items):
            c = {n: 0 for n in names}
            for it in items:
                for a in {s.article for s in it.sources}:
                    c[path_of[a]] += 1
            return c

        b, d = per_article(bank.items), per_article(deck_items(bank.items))
        for r, n in zip(chosen, names):
            bank_counts.append(b[n])
            deck_counts.append(d[n])
            long_articles.append(len(r["text"].split()) >= 120)
    n_long = sum(long_articles)

    def none_share(counts):
        return round(sum(1 for c, lg in zip(counts, long_articles) if lg and c == 0) / n_long, 3)

    return {
        "articles": len(bank_counts),
        "articles_120_words": n_long,
        "bank_items_per_article_mean": round(statistics.mean(bank_counts), 2),
        "deck_items_per_article_mean": round(statistics.mean(deck_counts), 2),
        "deck_items_per_article_median": statistics.median(deck_counts),
        "long_articles_no_bank_item_share": none_share(bank_counts),
        "long_articles_no_deck_item_share": none_share(deck_counts),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--json", type=Path, default=None)
    ap.add_argument("--no-fresh", action="store_true", help="skip the 300 fresh articles")
    args = ap.parse_args()
    pack = load_language("id")
    templates = load_templates(pack)
    t0 = time.perf_counter()
    result = {"facqa": facqa(pack, templates), "indosum_dev": indosum(pack, templates, args.sample)}
    if not args.no_fresh:
        result["fresh"] = fresh(pack, templates)
    result["seconds"] = round(time.perf_counter() - t0, 2)
    f = result["facqa"]
    print(f"FacQA: {f['contexts']} contexts, exact {f['exact']} ({f['exact_rate']:.1%}),"
          f" exact or partial {f['exact_or_partial']} ({f['exact_or_partial_rate']:.1%}),"
          f" items/context mean {f['items_per_context_mean']} median"
          f" {f['items_per_context_median']}, {f['contexts_with_no_item']} with none;"
          f" in a deck: exact {f['deck_exact']}, exact or partial {f['deck_exact_or_partial']}")
    if "fresh" in result:
        r = result["fresh"]
        print(f"Fresh pool: {r['articles']} articles ({r['articles_120_words']} of 120+ words):"
              f" items per article {r['bank_items_per_article_mean']} in the bank,"
              f" {r['deck_items_per_article_mean']} in a deck (median"
              f" {r['deck_items_per_article_median']}); long articles with no item:"
              f" {r['long_articles_no_bank_item_share']:.1%} (bank),"
              f" {r['long_articles_no_deck_item_share']:.1%} (deck)")
    d = result["indosum_dev"]
    print(f"IndoSum dev: {d['articles']} articles, {d['items_total']} kept items")
    for name, n in d["items_per_article"].items():
        print(f"  {n:>4}  {name}")
    print(f"\nRandom sample of {len(d['sample'])} items:")
    for i, s in enumerate(d["sample"], 1):
        opts = f"  [{' | '.join(s['options'])}]" if s["options"] else ""
        print(f"{i:>2}. ({s['kind']}, {s['template']}) {s['question']}\n    -> {s['answer']}{opts}")
    print("\nMisses (first 15): " + "; ".join(f"{q} -> {a}" for q, a in f["some_misses"]))
    if args.json:
        args.json.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
