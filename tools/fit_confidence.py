"""Refit the confidence model (quizgen/confidence.py) from the judged first-look items.

    .venv/bin/python tools/fit_confidence.py [--lang id] [--target 0.85] [--check]

Reads every quality/firstlook/sliceNN.tsv with verdicts (KEEP / REJECT) and the items in
full from sliceNN.items.jsonl, computes each item's features, and fits an L2-regularised
logistic regression (Newton's method; the regularisation strength is chosen by grouped
cross-validation log-loss). Folds are by article, so no article is in both the fit and the
held-out part. The deck threshold is the lowest confidence at which the held-out
(out-of-fold) items at or above it are at least --target KEEP, keeping at least a third
of them (a stricter one would leave most articles of a deck without a question). Writes
quizgen/lang/<lang>/confidence.yaml; --check refits and fails if that file differs (the
test suite runs it, so the shipped model is always the one its data gives).

A fit of ~30 features on a few hundred items is small enough for plain Python; a
scikit-learn dependency (with SciPy and NumPy, ~150 MB) would buy nothing here.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from quizgen.bankschema import item_from  # noqa: E402
from quizgen.schema import Located  # noqa: E402
from quizgen.yamlfile import YamlDoc  # noqa: E402
from quizgen.confidence import article_names, features, load_lexicon  # noqa: E402
from quizgen.lang import load_language  # noqa: E402
from quizgen.pipeline import analyse_texts  # noqa: E402

JUDGED = ROOT / "quality" / "firstlook"
FOLDS = 5
LAMBDAS = (0.3, 1.0, 3.0, 10.0)
MIN_COUNT = 3  # one-hot features seen fewer times are left out
MIN_KEPT = 10  # the threshold must keep at least this many held-out items
# ... and at least this share of them: a deck of the few surest items (one per article or
# fewer) leaves most articles without a question; below it the target counts as not reached
MIN_SHARE = 1 / 3
FALLBACK_SHARE = 0.5  # when no threshold reaches the target: keep at least this share


POOL = ROOT.parent / "shared" / "corpus" / "indosum-fresh.jsonl"


def slice_names(meta: Path, lang: str) -> dict[str, frozenset[str]]:
    """article_names of a judged slice, its articles analysed again as tools/firstlook.py
    analysed them (the same names and texts, so the same article ids)."""
    wanted = json.loads(meta.read_text(encoding="utf-8"))["articles"]
    texts = {}
    for line in POOL.open(encoding="utf-8"):
        row = json.loads(line)
        if row["id"] in wanted:
            texts[row["id"]] = row["text"]
    corpus = analyse_texts([(f"fresh-{a}.txt", texts[a]) for a in wanted], lang)
    return article_names(corpus)


def judged_items(lang: str = "id") -> list[tuple[str, object, int, frozenset[str] | None]]:
    """(article, item, 1 if KEEP else 0, article_names of its source) for every judged row,
    in slice and row order."""
    out = []
    for tsv in sorted(JUDGED.glob("slice*.tsv")):
        names = slice_names(tsv.with_suffix("").with_suffix(".meta.json"), lang)
        full = {}
        for line in tsv.with_suffix(".items.jsonl").open(encoding="utf-8"):
            d = json.loads(line)
            full[d["id"]] = d
        with tsv.open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                verdict = row["verdict"].strip().upper()
                if verdict not in ("KEEP", "REJECT"):
                    continue
                d = dict(full[row["item_id"]])
                article = d.pop("article_path")
                item = item_from(d, Located(YamlDoc(str(tsv), d, {(): int(row["n"])})), None)
                known = names.get(item.sources[0].article) if item.sources else None
                out.append((article, item, int(verdict == "KEEP"), known))
    return out


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """a x = b by Gaussian elimination with partial pivoting (a is positive definite)."""
    n = len(b)
    m = [row[:] + [b[i]] for i, row in enumerate(a)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(m[r][c]))
        m[c], m[p] = m[p], m[c]
        for r in range(n):
            if r != c and m[r][c]:
                k = m[r][c] / m[c][c]
                m[r] = [x - k * y for x, y in zip(m[r], m[c])]
    return [m[i][n] / m[i][i] for i in range(n)]


def _sigmoid(z: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, z))))


def fit(x: list[list[float]], y: list[int], lam: float) -> list[float]:
    """Logistic regression weights (index 0 the bias, not regularised) by Newton's method."""
    d = len(x[0])
    w = [0.0] * d
    for _ in range(50):
        p = [_sigmoid(sum(wi * xi for wi, xi in zip(w, row))) for row in x]
        grad = [sum((p[n] - y[n]) * x[n][j] for n in range(len(x))) + (lam * w[j] if j else 0.0)
                for j in range(d)]
        hess = [[lam if (i == j and i) else 0.0 for j in range(d)] for i in range(d)]
        for n, row in enumerate(x):
            s = p[n] * (1 - p[n])
            nz = [j for j, v in enumerate(row) if v]
            for i in nz:
                for j in nz:
                    hess[i][j] += s * row[i] * row[j]
        step = _solve(hess, grad)
        w = [wi - si for wi, si in zip(w, step)]
        if max(abs(s) for s in step) < 1e-8:
            break
    return w


def _fold(article: str) -> int:
    return int(hashlib.sha1(article.encode()).hexdigest(), 16) % FOLDS


def out_of_fold(rows, x, y, lam) -> list[float]:
    probs = [0.0] * len(y)
    for k in range(FOLDS):
        train = [n for n, r in enumerate(rows) if _fold(r[0]) != k]
        test = [n for n, r in enumerate(rows) if _fold(r[0]) == k]
        if not test:
            continue
        w = fit([x[n] for n in train], [y[n] for n in train], lam)
        for n in test:
            probs[n] = _sigmoid(sum(wi * xi for wi, xi in zip(w, x[n])))
    return probs


def _cuts(probs: list[float], y: list[int]) -> list[tuple[float, float, int]]:
    """(threshold, precision, kept) at each distinct confidence, highest first."""
    order = sorted(range(len(y)), key=lambda n: -probs[n])
    cuts = []
    good = 0
    for rank, n in enumerate(order, 1):
        good += y[n]
        if rank == len(order) or probs[order[rank]] < probs[n]:
            cuts.append((probs[n], good / rank, rank))
    return cuts


def strictest_reaching(probs: list[float], y: list[int], target: float
                       ) -> tuple[float, float, int] | None:
    """The lowest threshold at which the held-out items at or above it are at least
    `target` KEEP, whatever share it keeps (at least MIN_KEPT items), or None."""
    reached = [c for c in _cuts(probs, y) if c[2] >= MIN_KEPT and c[1] >= target]
    return reached[-1] if reached else None


def threshold_for(probs: list[float], y: list[int], target: float
                  ) -> tuple[float, float, int, bool]:
    """The lowest confidence whose items at or above it are at least `target` KEEP and
    that keeps at least MIN_SHARE of the items: (threshold, precision there, items kept,
    target reached). When there is none, the one of highest precision among those
    keeping at least FALLBACK_SHARE of the items (a deck of the better half rather than
    of a few)."""
    cuts = _cuts(probs, y)
    reached = [c for c in cuts if c[2] >= max(MIN_KEPT, MIN_SHARE * len(y)) and c[1] >= target]
    if reached:
        return (*reached[-1], True)
    wide = [c for c in cuts if c[2] >= FALLBACK_SHARE * len(y)]
    best = max(wide, key=lambda c: (round(c[1], 6), -c[2]))
    return (*best, False)


def build(lang: str, target: float) -> str:
    pack = load_language(lang)
    lexicon = load_lexicon(pack)
    rows = judged_items(lang)
    if not rows:
        sys.exit(f"fit_confidence: no judged rows under {JUDGED}")
    feats = [features(item, lexicon, names) for _, item, _, names in rows]
    counts = Counter(name for f in feats for name in f)
    names = sorted(n for n, c in counts.items() if ":" not in n or c >= MIN_COUNT)
    x = [[1.0] + [f.get(name, 0.0) for name in names] for f in feats]
    y = [label for _, _, label, _ in rows]

    def log_loss(probs):
        return -sum(math.log(max(1e-9, p if t else 1 - p)) for p, t in zip(probs, y)) / len(y)

    scored = [(log_loss(out_of_fold(rows, x, y, lam)), lam) for lam in LAMBDAS]
    loss, lam = min(scored)
    probs = out_of_fold(rows, x, y, lam)
    threshold, precision, kept, reached = threshold_for(probs, y, target)
    strict = strictest_reaching(probs, y, target)
    keep_total = sum(y)
    good_kept = round(precision * kept)
    w = fit(x, y, lam)
    articles = len({r[0] for r in rows})
    slices = sorted({p.stem for p in JUDGED.glob("slice*.tsv")})
    lines = [
        "# Confidence model for quizgen/confidence.py: written by tools/fit_confidence.py;",
        "# do not edit by hand (make the judged data better and refit instead).",
        "# Data: the judged first-look items under quality/firstlook/ (" + ", ".join(slices) + "):",
        "# items generated by quizgen from IndoSum articles (Kurniawan & Louvan 2018,",
        "# CC BY-SA 4.0), judged KEEP/REJECT against ../shared/QUALITY.md by the quizgen team.",
        "# This file is a derived work under the same licence, CC BY-SA 4.0.",
        f"# Fit: {len(y)} items ({keep_total} KEEP) from {articles} articles, L2 logistic"
        f" regression, lambda {lam} (of {', '.join(map(str, LAMBDAS))}, by {FOLDS}-fold",
        f"# cross-validation grouped by article; held-out log-loss {loss:.3f}).",
        f"# Held out (out of fold): at the threshold, {kept} of {len(y)} items are kept and"
        f" {good_kept} of them ({precision:.1%}) were judged KEEP",
        f"# (target {target:.0%}); {good_kept} of the {keep_total} KEEP items"
        f" ({good_kept / max(1, keep_total):.1%}) pass.",
        *([] if reached else [
            f"# TARGET NOT REACHED: no threshold keeping at least {MIN_SHARE:.0%} of the held-out"
            f" items has {target:.0%} KEEP among them; this one is the most precise keeping at"
            f" least {FALLBACK_SHARE:.0%} of them."]),
        *([f"# {target:.0%} is reached only at confidence {strict[0]:.4f}, keeping {strict[2]} of"
           f" {len(y)} held-out items ({strict[2] / len(y):.0%}; {round(strict[1] * strict[2])}"
           f" of the {keep_total} KEEP items): too few for a deck of a few articles."]
          if strict and not reached else []),
        f"bias: {w[0]:.6f}",
        f"threshold: {threshold:.4f}",
        "weights:",
        *(f"  {json.dumps(name, ensure_ascii=False)}: {wi:.6f}" for name, wi in zip(names, w[1:])),
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lang", default="id")
    ap.add_argument("--target", type=float, default=0.85)
    ap.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    args = ap.parse_args()
    text = build(args.lang, args.target)
    path = ROOT / "quizgen" / "lang" / args.lang / "confidence.yaml"
    if args.check:
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            sys.exit(f"{path}: differs from what the judged data gives; run tools/fit_confidence.py")
        print(f"{path}: matches the judged data")
        return
    path.write_text(text, encoding="utf-8")
    print(text.split("bias:")[0].rstrip())
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
