"""First-look judging (../shared/QUALITY.md): a seeded sample of a fresh slice, to judge.

    .venv/bin/python tools/firstlook.py sample --slice 1 [--extra 40]
    .venv/bin/python tools/firstlook.py score quality/firstlook/slice01.tsv

`sample` runs slice N of the fresh pool (articles 30*(N-1) .. 30*N-1 of
../shared/corpus/indosum-fresh.jsonl, in file order) through the whole pipeline at the
current commit, takes the items a deck would take (`quizgen.select.deck_items`), shuffles
them with a seed made from the slice number and writes, under quality/firstlook/:

- sliceNN.tsv: one row per sampled item to judge: the first 40 rows are the first look
  (set=firstlook), the rest extra labels (set=extra) for fitting the confidence model.
  Columns verdict (KEEP | REJECT), category and reason are left empty for the judge.
- sliceNN.items.jsonl: the same items in full (bank fields and article), so features can
  be recomputed when the model is refitted.
- sliceNN.meta.json: the commit, the command and counts.

`score` prints the share of KEEP among the judged first-look rows (and all rows) of a TSV.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizgen.bank import item_to_dict  # noqa: E402
from quizgen.generate import generate_bank  # noqa: E402
from quizgen.lang import load_language  # noqa: E402
from quizgen.pipeline import analyse_texts  # noqa: E402
from quizgen.select import deck_items  # noqa: E402
from quizgen.templates import load_templates  # noqa: E402

POOL = ROOT.parent / "shared" / "corpus" / "indosum-fresh.jsonl"
OUT = ROOT / "quality" / "firstlook"
SLICE = 30
FIRST_LOOK = 40
COLUMNS = ["n", "set", "item_id", "article", "kind", "template", "question", "answer",
           "options", "context", "verdict", "category", "reason"]


def _one_line(text: str) -> str:
    return " ".join(str(text).split())


def sample(slice_no: int, extra: int, pool: Path) -> Path:
    rows = [json.loads(x) for x in pool.open(encoding="utf-8")]
    chosen = rows[SLICE * (slice_no - 1): SLICE * slice_no]
    if len(chosen) < SLICE:
        sys.exit(f"firstlook: slice {slice_no} is past the pool's {len(rows)} articles")
    pack = load_language("id")
    templates = load_templates(pack)
    corpus = analyse_texts([(f"fresh-{r['id']}.txt", r["text"]) for r in chosen], pack.code)
    bank = generate_bank(corpus, pack, templates, title=f"fresh slice {slice_no}", seed=0)
    paths = {a.id: a.path for a in bank.articles}
    kept = deck_items(bank.items)  # what a deck without limits takes: kept, each fact once
    rng = random.Random(f"firstlook-slice-{slice_no}")
    picked = rng.sample(kept, min(len(kept), FIRST_LOOK + extra))
    OUT.mkdir(parents=True, exist_ok=True)
    stem = OUT / f"slice{slice_no:02d}"
    with open(f"{stem}.tsv", "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        w.writerow(COLUMNS)
        for n, it in enumerate(picked, 1):
            article = paths.get(it.sources[0].article, "") if it.sources else ""
            w.writerow([n, "firstlook" if n <= FIRST_LOOK else "extra", it.id, article,
                        it.kind, it.template, _one_line(it.question), _one_line(it.answer),
                        " | ".join(_one_line(o) for o in it.options), _one_line(it.context),
                        "", "", ""])
    with open(f"{stem}.items.jsonl", "w", encoding="utf-8") as f:
        for it in picked:
            d = item_to_dict(it)
            d["article_path"] = paths.get(it.sources[0].article, "") if it.sources else ""
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    commit = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True,
                            text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "status", "--porcelain", "quizgen"], cwd=ROOT,
                                capture_output=True, text=True).stdout.strip())
    meta = {"slice": slice_no, "articles": [r["id"] for r in chosen], "commit": commit,
            "quizgen_dirty": dirty, "items_in_bank": len(bank.items), "eligible": len(kept),
            "sampled": len(picked), "first_look": min(FIRST_LOOK, len(picked)),
            "articles_without_item": sum(
                1 for a in bank.articles
                if not any(s.article == a.id for it in kept for s in it.sources)),
            "command": f"tools/firstlook.py sample --slice {slice_no} --extra {extra}"}
    Path(f"{stem}.meta.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
    return Path(f"{stem}.tsv")


def read_verdicts(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def score(path: Path) -> None:
    rows = [r for r in read_verdicts(path) if r["verdict"].strip()]
    for name, subset in (("first look", [r for r in rows if r["set"] == "firstlook"]),
                         ("all judged", rows)):
        keep = sum(r["verdict"].strip().upper() == "KEEP" for r in subset)
        if subset:
            print(f"{path.name} {name}: {keep}/{len(subset)} KEEP ({keep / len(subset):.0%})")
    cats = Counter(r["category"].strip() for r in rows if r["verdict"].strip().upper() != "KEEP")
    print("reject categories: " + ", ".join(f"{c} {n}" for c, n in cats.most_common()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--slice", type=int, required=True)
    s.add_argument("--extra", type=int, default=40)
    s.add_argument("--pool", type=Path, default=POOL)
    c = sub.add_parser("score")
    c.add_argument("tsv", type=Path)
    args = ap.parse_args()
    if args.cmd == "sample":
        print(sample(args.slice, args.extra, args.pool))
    else:
        score(args.tsv)


if __name__ == "__main__":
    main()
