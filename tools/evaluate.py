"""Measure the generator against people: FacQA answers and the IndoSum dev articles.

    .venv/bin/python tools/evaluate.py [--sample 30] [--json FILE]

FacQA (127 human factoid questions on Kompas sentences): each context alone goes through
the whole pipeline; a context is a hit when some generated item's answer equals the human
answer (case and punctuation ignored), a partial hit when one contains the other or they
share at least half their words. IndoSum dev: items per article, and a seeded random
sample of items printed for a person to judge.
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
    exact = partial = 0
    counts = []
    misses = []
    for i, row in enumerate(rows):
        corpus = analyse_texts([(f"facqa-{i}", row["context"])], pack.code)
        bank = generate_bank(corpus, pack, templates, title="facqa", seed=0)
        answers = [it.answer for it in bank.items if it.keep and it.kind != "truefalse"]
        counts.append(len(answers))
        human = row["answers"]["text"][0]
        kinds = {match(a, human) for a in answers}
        if "exact" in kinds:
            exact += 1
        elif "partial" in kinds:
            partial += 1
        else:
            misses.append((row["question"], human))
    n = len(rows)
    return {
        "contexts": n,
        "exact": exact,
        "exact_rate": round(exact / n, 3),
        "exact_or_partial": exact + partial,
        "exact_or_partial_rate": round((exact + partial) / n, 3),
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
        kept = [it for it in bank.items if it.keep]
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=30)
    ap.add_argument("--json", type=Path, default=None)
    args = ap.parse_args()
    pack = load_language("id")
    templates = load_templates(pack)
    t0 = time.perf_counter()
    result = {"facqa": facqa(pack, templates), "indosum_dev": indosum(pack, templates, args.sample)}
    result["seconds"] = round(time.perf_counter() - t0, 2)
    f = result["facqa"]
    print(f"FacQA: {f['contexts']} contexts, exact {f['exact']} ({f['exact_rate']:.1%}),"
          f" exact or partial {f['exact_or_partial']} ({f['exact_or_partial_rate']:.1%}),"
          f" items/context mean {f['items_per_context_mean']} median"
          f" {f['items_per_context_median']}, {f['contexts_with_no_item']} with none")
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
