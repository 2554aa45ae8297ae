"""How fast quizgen is, and how its cost grows with the corpus (`make bench`).

The corpus is ../shared/corpus/indosum-bench.jsonl (749 IndoSum articles, CC BY-SA 4.0),
repeated 1, 4, 16 and 64 times. Each copy of an article is written as its own Markdown
file whose front matter names the copy, so every copy has its own article id (ids come
from the file's content) and nothing can be skipped as already seen.

For every scale the script measures, in this process and one stage at a time on one core
(`--stage-scales`, 1x and 4x by default, as 64x alone takes minutes):
  floor       read every file and split it into sentences, nothing else
  read+clean  read_document + clean_document
  split       split_article, as the pipeline calls it (sentences; the tagger tokenises)
  tag         tag_article
  link        link_corpus
  generate    display names + every template on every sentence + quality filters
  rank/merge/distract   bank_from_candidates
  anki        the .apkg of the whole bank
  worksheet   two versions and keys as PDF (the seed deck's counts)
and for every scale (`--build-scales`, all four by default) the whole `quizgen build` as
the user runs it (a new process, both cores): wall time, peak memory of the process tree
(the sum of the proportional set sizes of quizgen and its workers, so pages the forked
workers share count once, sampled every SAMPLE_EVERY s), articles, sentences and items per second.

Then the pathological inputs of issue 15 (`--no-pathological` to skip them), each a whole
`quizgen` run in a new process with its wall time and peak memory, against the limits
PATHOLOGICAL_LIMITS (10 s, 500 MB): one 90 KB "sentence" without a full stop, a 20 MB
article (just under read.MAX_BYTES) as text and as an HTML page, and a template with nine
gaps over long sentences (exponential for a plain backtracking matcher).

It prints a table and writes every figure as JSON (`--json`, default out/bench.json).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from quizgen.clean import clean_document  # noqa: E402
from quizgen.lang import load_language  # noqa: E402
from quizgen.read import read_document  # noqa: E402
from quizgen.split import split_article, split_sentences  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpus" / "indosum-bench.jsonl"
# Seconds between memory samples of a whole build. Reading PSS makes the kernel walk every
# page table of the process (~10 ms for a 400 MB one): sampled every 20 ms, the sampler
# took a fifth of a core from the build it measured.
SAMPLE_EVERY = 0.5
WORKSHEET = {"mcq": 8, "truefalse": 6, "cloze": 6, "short": 5}
PATHOLOGICAL_LIMITS = (10.0, 500.0)  # seconds, MB: each pathological run stays below both
RUN_ON = ("Presiden Joko Widodo bertemu Menteri Luar Negeri Rusia Sergey Lavrov di Jakarta pada"
          " Senin (12/7/2025) bersama 300 orang pejabat dari Kementerian Luar Negeri, ")
NEWS = ("Menteri Luar Negeri Rusia Sergey Lavrov tiba di Pyongyang pada Jumat (11/7/2025) untuk"
        " kunjungan tiga hari. Lavrov bertemu Menteri Luar Negeri Korea Utara Choe Son Hui di"
        " Wonsan pada Sabtu (12/7/2025). Pemimpin Korea Utara Kim Jong Un menyatakan dukungan"
        " penuh kepada Rusia. ")
GAPS = "{p:PERSON}" + " ...{0,20}" * 9 + " {d:DATE} kosong"  # the last word never follows


def write_copies(rows: list[dict], scale: int, folder: Path) -> list[Path]:
    """`scale` copies of every article as Markdown files, each copy with its own id."""
    paths = []
    for copy in range(scale):
        for n, row in enumerate(rows):
            path = folder / f"{copy:02d}-{n:04d}.md"
            front = f"---\npublisher: {row.get('source', '')}\ncopy: {copy}\n---\n\n"
            path.write_text(front + row["text"] + "\n", encoding="utf-8")
            paths.append(path)
    return paths


def write_deck(folder: Path) -> Path:
    deck = folder / "deck.yaml"
    counts = ", ".join(f"{k}: {v}" for k, v in WORKSHEET.items())
    deck.write_text(
        "title: Bench\nlang: id\nseed: 1\nsources:\n  - articles/*.md\n"
        "outputs:\n  bank: bank.yaml\n  anki: deck.apkg\n"
        f"  worksheet:\n    pdf: true\n    versions: 2\n    items: {{{counts}}}\n",
        encoding="utf-8",
    )
    return deck


class Clock:
    def __init__(self) -> None:
        self.times: dict[str, float] = {}

    def __call__(self, name: str, fn, *args, **kwargs):
        t = time.perf_counter()
        result = fn(*args, **kwargs)
        self.times[name] = time.perf_counter() - t
        return result


def floor(paths: list[Path], pack) -> tuple[float, int]:
    """Read every file and split its paragraphs into sentences: the least any run does."""
    t = time.perf_counter()
    n = 0
    for p in paths:
        text = read_document(p).text
        for para in text.split("\n\n"):
            n += len(split_sentences(para, pack))
    return time.perf_counter() - t, n


def stages(paths: list[Path], out: Path) -> dict:
    """Each stage alone, on one core, in this process."""
    from quizgen.display import apply_display_names
    from quizgen.export.anki import write_apkg
    from quizgen.export.worksheet import WorksheetOptions, write_worksheet
    from quizgen.generate import bank_from_candidates, collect_candidates
    from quizgen.link import link_corpus
    from quizgen.tag import tag_article
    from quizgen.templates import load_templates

    gc.set_threshold(100_000, 50, 100)  # as the quizgen command does (quizgen/cli)
    pack = load_language("id")
    templates = load_templates(pack)
    clock = Clock()
    floor_s, _ = floor(paths, pack)
    articles = clock("read+clean", lambda: [clean_document(read_document(p), pack) for p in paths])

    def split_all():
        for a in articles:
            a.sentences = split_article(a, pack, tokens=False)

    def tag_all():
        for a in articles:
            tag_article(a, pack)
            for s in a.sentences:
                s.tokens = []

    clock("split", split_all)
    clock("tag", tag_all)
    corpus = clock("link", link_corpus, articles, pack)

    def generate():
        apply_display_names(corpus)
        return collect_candidates(corpus, pack, templates, jobs=1)

    candidates = clock("generate", generate)
    bank = clock("rank/merge/distract", bank_from_candidates, candidates, corpus, pack, title="Bench")
    clock("anki", write_apkg, bank, out / "stage.apkg")
    options = WorksheetOptions(versions=2, seed=1, counts=dict(WORKSHEET))
    clock("worksheet", write_worksheet, bank, out, options, pdf=True, stem="stage")
    sentences = sum(len(a.sentences) for a in corpus.articles)
    pipeline = sum(clock.times[k] for k in ("read+clean", "split", "tag", "link", "generate",
                                            "rank/merge/distract"))
    return {
        "floor_s": floor_s,
        "stages_s": clock.times,
        "to_bank_s": pipeline,
        "to_bank_over_floor": pipeline / floor_s,
        "sentences": sentences,
        "items": len(bank.items),
    }


def _tree_memory(root: int) -> int:
    """Memory of a process and all its descendants, in bytes: the sum of their proportional
    set sizes (a page shared by forked workers counts once in all), from /proc. Children
    are read from /proc/PID/task/*/children, which is cheap: the sampler must not take the
    CPU the build is measured on."""
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += _pss(pid)
        try:
            for task in os.scandir(f"/proc/{pid}/task"):
                with open(f"{task.path}/children", "rb") as f:
                    todo.extend(int(c) for c in f.read().split())
        except OSError:
            continue
    return total


def _pss(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as f:
            for line in f:
                if line.startswith(b"Pss:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


def run_measured(args: list[str], every: float = SAMPLE_EVERY) -> dict:
    """`quizgen ARGS` in a new process: wall time and peak memory of its process tree
    (sampled every `every` s); exit with its message when it fails."""
    exe = Path(sys.executable).with_name("quizgen")
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-c", "from quizgen.cli import main;"
                                                                 " main()"]
    cmd += args
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = [0]

    def sample() -> None:
        while proc.poll() is None:
            peak[0] = max(peak[0], _tree_memory(proc.pid))
            time.sleep(every)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"bench: quizgen {args[0]} failed ({proc.returncode}): {err.strip()}")
    return {"wall_s": wall, "peak_mb": peak[0] / 2**20}


def whole_build(deck: Path, out: Path) -> dict:
    """`quizgen build` in a new process: wall time and peak memory of its process tree."""
    result = run_measured(["build", str(deck), "--out", str(out)])
    bank = (out / "bank.yaml").read_text(encoding="utf-8")
    listed = bank[bank.index("\nitems:"):] if "\nitems:" in bank else ""
    items = sum(1 for line in listed.splitlines() if line.startswith("- id: "))
    return {**result, "items": items}


def pathological(work: Path) -> dict:
    """The issue-15 inputs, each a whole run: {name: {wall_s, peak_mb}}."""
    long_sentence = work / "long-sentence.txt"
    text = (RUN_ON * (90_000 // len(RUN_ON) + 1))[:90_000].rstrip(", ")
    long_sentence.write_text(f"Satu Kalimat Panjang\n\n{text}.\n", encoding="utf-8")
    big = work / "article-20mb.txt"
    para = NEWS * 5 + "\n\n"
    big.write_text("Arsip Besar\n\n" + para * ((20 * 2**20 - 4096) // len(para.encode())),
                   encoding="utf-8")
    page = work / "page-20mb.html"
    tag = "<p>" + NEWS.strip() + "</p>\n"
    page.write_text("<!DOCTYPE html><html><head><title>Arsip Besar</title></head><body>"
                    "<article><h1>Arsip Besar</h1>\n"
                    + tag * ((20 * 2**20 - 4096) // len(tag.encode()))
                    + "</article></body></html>\n", encoding="utf-8")
    gaps = work / "gaps.yaml"
    gaps.write_text("templates:\n  - id: bench.gaps\n    kinds: [short]\n"
                    f"    match: '{GAPS}'\n    answer_slot: p\n"
                    "    question: 'Siapa?'\n    answer: '{{ p }}'\n", encoding="utf-8")
    gap_article = work / "gap-article.txt"
    gap_article.write_text("Judul\n\n" + "\n\n".join(
        (RUN_ON * 6).rstrip(", ") + " tidak kosong." for _ in range(20)) + "\n",
        encoding="utf-8")
    runs = {
        "one 90 KB sentence": ["generate", str(long_sentence), "-o", str(work / "b1.yaml")],
        "20 MB article": ["generate", str(big), "-o", str(work / "b2.yaml")],
        "20 MB HTML page": ["generate", str(page), "-o", str(work / "b4.yaml")],
        "9-gap template": ["generate", "--templates", str(gaps), str(gap_article), "-o",
                           str(work / "b3.yaml")],
    }
    return {name: run_measured(args, every=0.1) for name, args in runs.items()}


def print_pathological(found: dict) -> None:
    secs, mb = PATHOLOGICAL_LIMITS
    print(f"\npathological inputs (limits {secs:.0f} s, {mb:.0f} MB)")
    for name, r in found.items():
        ok = r["wall_s"] < secs and r["peak_mb"] < mb
        print(f"  {name:22} {r['wall_s']:7.2f} s  peak {r['peak_mb']:6.0f} MB"
              f"  {'ok' if ok else 'OVER THE LIMIT'}", flush=True)


def seed_build(runs: int = 3) -> dict:
    """The sample deck (`make demo`) built `runs` times: bank, .apkg and PDF, with the
    interpreter's start."""
    walls = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as out:
            walls.append(whole_build(ROOT / "decks" / "seeds.yaml", Path(out)))
    best = min(walls, key=lambda b: b["wall_s"])
    return {"runs_s": [b["wall_s"] for b in walls], "best_s": best["wall_s"],
            "peak_mb": best["peak_mb"], "items": best["items"]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--build-scales", default="1,4,16,64")
    ap.add_argument("--stage-scales", default="1,4")
    ap.add_argument("--json", type=Path, default=ROOT / "out" / "bench.json")
    ap.add_argument("--no-pathological", action="store_true",
                    help="skip the pathological inputs (one long sentence, 20 MB, many gaps)")
    args = ap.parse_args()
    if not args.corpus.is_file():
        raise SystemExit(f"bench: {args.corpus}: not found; check out ../shared beside the repo")
    rows = [json.loads(line) for line in args.corpus.read_text(encoding="utf-8").splitlines() if line]
    build_scales = [int(x) for x in args.build_scales.split(",") if x]
    stage_scales = [int(x) for x in args.stage_scales.split(",") if x]
    result = {
        "corpus": str(args.corpus), "articles": len(rows), "python": platform.python_version(),
        "cores": os.cpu_count(), "scales": {},
    }
    print(f"{len(rows)} articles x {sorted(set(build_scales) | set(stage_scales))}; "
          f"{os.cpu_count()} cores", flush=True)
    result["seed_build"] = seed = seed_build()
    print("seed deck (quizgen build decks/seeds.yaml): "
          + ", ".join(f"{t:.2f}" for t in seed["runs_s"]) + " s wall", flush=True)
    for scale in sorted(set(build_scales) | set(stage_scales)):
        work = Path(tempfile.mkdtemp(prefix=f"quizgen-bench-{scale}x-"))
        try:
            (work / "articles").mkdir()
            paths = write_copies(rows, scale, work / "articles")
            entry: dict = {"articles": len(paths)}
            if scale in stage_scales:
                entry["stages"] = stages(paths, work)
                print_stages(scale, entry)
            if scale in build_scales:
                entry["build"] = whole_build(write_deck(work), work / "out")
                entry["build"]["ms_per_article"] = 1000 * entry["build"]["wall_s"] / len(paths)
                print_build(scale, entry)
            result["scales"][str(scale)] = entry
        finally:
            shutil.rmtree(work, ignore_errors=True)
    summarise(result)
    if not args.no_pathological:
        work = Path(tempfile.mkdtemp(prefix="quizgen-bench-pathological-"))
        try:
            result["pathological"] = pathological(work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        print_pathological(result["pathological"])
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {args.json}")


def print_stages(scale: int, entry: dict) -> None:
    st = entry["stages"]
    print(f"\n{scale}x: {entry['articles']} articles, {st['sentences']} sentences, "
          f"{st['items']} items; one core, stage by stage")
    print(f"  {'floor (read + split)':24} {st['floor_s']:8.2f} s")
    for name, secs in st["stages_s"].items():
        print(f"  {name:24} {secs:8.2f} s  {st['sentences'] / secs:10.0f} sentences/s")
    print(f"  {'to bank':24} {st['to_bank_s']:8.2f} s  = {st['to_bank_over_floor']:.1f} x floor",
          flush=True)


def print_build(scale: int, entry: dict) -> None:
    b = entry["build"]
    print(f"{scale}x: quizgen build: {b['wall_s']:.2f} s wall, {b['ms_per_article']:.2f} ms/article, "
          f"{b['items']} items ({b['items'] / b['wall_s']:.0f}/s), peak {b['peak_mb']:.0f} MB",
          flush=True)


def summarise(result: dict) -> None:
    builds = {int(k): v["build"] for k, v in result["scales"].items() if "build" in v}
    if 1 in builds and len(builds) > 1:
        base = builds[1]["ms_per_article"]
        print("\nscale  articles   wall s  ms/article  vs 1x   peak MB")
        for k in sorted(builds):
            b = builds[k]
            print(f"{k:>4}x  {result['scales'][str(k)]['articles']:>8}  {b['wall_s']:7.2f}  "
                  f"{b['ms_per_article']:10.2f}  {b['ms_per_article'] / base - 1:+6.0%}  "
                  f"{b['peak_mb']:7.0f}")
        result["growth_per_article"] = {
            str(k): builds[k]["ms_per_article"] / base - 1 for k in sorted(builds)
        }


if __name__ == "__main__":
    main()
