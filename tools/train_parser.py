"""Train the language pack's tagger and dependency parser (UDPipe 1) and measure it.

The model is trained once, offline, on the Universal Dependencies Indonesian treebanks in
../shared/corpus/ud/ (CC BY-SA; see quizgen/lang/id/PARSER.md for the attribution), and
shipped as language-pack data. quizgen splits sentences and tokenises itself, so only the
tagger (UPOS) and the parser are trained: no tokenizer, no lemmas, no features.

The GSD test split is never trained on: it is the held-out evaluation. Accuracy (UPOS, UAS,
LAS, LAS on universal relations) is scored on it from gold words, and speed is measured as
words per CPU-second of tagging and parsing. Both are printed and written next to the model
as <model>.eval.json.

    .venv/bin/python tools/train_parser.py                     # the shipped model
    .venv/bin/python tools/train_parser.py --evaluate-only     # re-measure the shipped one
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

from ufal import udpipe

ROOT = Path(__file__).resolve().parent.parent
UD = ROOT.parent / "shared" / "corpus" / "ud"
DEFAULT_OUT = ROOT / "quizgen" / "lang" / "id" / "parser.udpipe"
TEST = "id_gsd-ud-test.conllu"

# Training mixes. "current": every file in the current annotation except the held-out GSD
# test split. "all": that plus the 2018 GSD training split (older annotation of some
# relations: flat for flat:name, compound for nmod), which has no lemmas or features.
MIXES = {
    "current": ["id_gsd-ud-dev.conllu", "id_csui-ud-train.conllu", "id_csui-ud-test.conllu",
                "id_pud-ud-test.conllu"],
    "all": ["id_gsd-ud-dev.conllu", "id_csui-ud-train.conllu", "id_csui-ud-test.conllu",
            "id_pud-ud-test.conllu", "id_gsd-ud-train-2018.conllu"],
}

TAGGER = ("models=1;iterations={it};templates=tagger;use_lemma=0;provide_lemma=0;"
          "use_xpostag=0;provide_xpostag=0;use_feats=0;provide_feats=0")
PARSER = ("iterations={it};embedding_upostag=20;embedding_form=50;embedding_feats=0;"
          "embedding_xpostag=0;embedding_lemma=0;embedding_deprel=20")


def blocks(path: Path) -> list[str]:
    """The sentences of a CoNLL-U file, each as its text block."""
    text = path.read_text(encoding="utf-8")
    return [b.strip("\n") for b in re.split(r"\n\s*\n", text) if b.strip()]


def words_of(block: str) -> list[str]:
    return [line.split("\t")[1] for line in block.splitlines()
            if re.match(r"^\d+\t", line)]


def reduce_block(block: str) -> str:
    """Keep form, UPOS, head and relation; blank lemma, XPOS, features and MISC."""
    out = []
    for line in block.splitlines():
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            continue
        if re.match(r"^\d+\t", line):
            cols = [cols[0], cols[1], "_", cols[3], "_", "_", cols[6], cols[7], "_", "_"]
        elif "." in cols[0]:
            continue                      # empty nodes: not part of the basic tree
        out.append("\t".join(cols))
    return "\n".join(out)


def training_text(mix: str, limit: int | None = None) -> tuple[str, int]:
    held_out = {" ".join(words_of(b)) for b in blocks(UD / TEST)}
    kept = []
    for name in MIXES[mix]:
        for b in blocks(UD / name):
            if " ".join(words_of(b)) in held_out:
                continue                  # a few 2018 training sentences recur in test
            kept.append(reduce_block(b))
    kept = kept[:limit]
    return "\n\n".join(kept) + "\n\n", len(kept)


def read_conllu(text: str) -> udpipe.Sentences:
    reader = udpipe.InputFormat.newConlluInputFormat()
    reader.setText(text)
    sentences = udpipe.Sentences()
    sentence = udpipe.Sentence()
    error = udpipe.ProcessingError()
    while reader.nextSentence(sentence, error):
        sentences.push_back(sentence)
        sentence = udpipe.Sentence()
    if error.occurred():
        raise SystemExit(f"CoNLL-U: {error.message}")
    return sentences


def train(mix: str, tagger_iterations: int, parser_iterations: int, out: Path,
          limit: int | None = None) -> dict:
    text, n = training_text(mix, limit)
    sentences = read_conllu(text)
    print(f"training on {n} sentences ({mix}: {', '.join(MIXES[mix])})", flush=True)
    started = time.process_time()
    wall = time.time()
    error = udpipe.ProcessingError()
    model = udpipe.Trainer.train(
        "morphodita_parsito", sentences, udpipe.Sentences(), "none",
        TAGGER.format(it=tagger_iterations), PARSER.format(it=parser_iterations), error)
    if error.occurred():
        raise SystemExit(f"training failed: {error.message}")
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(model if isinstance(model, bytes) else model.encode("latin-1"))
    return {"mix": mix, "files": MIXES[mix], "sentences": n,
            "tagger_iterations": tagger_iterations, "parser_iterations": parser_iterations,
            "train_cpu_minutes": round((time.process_time() - started) / 60, 1),
            "train_wall_minutes": round((time.time() - wall) / 60, 1)}


def gold_rows(block: str) -> list[list[str]]:
    return [line.split("\t") for line in block.splitlines() if re.match(r"^\d+\t", line)]


def evaluate(model_path: Path) -> dict:
    """UPOS, UAS, LAS on GSD test from gold words (every word counts, punctuation too)."""
    model = udpipe.Model.load(str(model_path))
    if model is None:
        raise SystemExit(f"cannot load {model_path}")
    gold = [gold_rows(b) for b in blocks(UD / TEST)]
    total = upos = uas = las = ulas = 0
    cpu = 0.0
    error = udpipe.ProcessingError()
    for rows in gold:
        sentence = udpipe.Sentence()
        for row in rows:
            sentence.addWord(row[1])
        started = time.process_time()
        model.tag(sentence, udpipe.Pipeline.DEFAULT, error)
        model.parse(sentence, udpipe.Pipeline.DEFAULT, error)
        cpu += time.process_time() - started
        for row, word in zip(rows, list(sentence.words)[1:]):
            total += 1
            upos += word.upostag == row[3]
            if word.head == int(row[6]):
                uas += 1
                las += word.deprel == row[7]
                ulas += word.deprel.split(":")[0] == row[7].split(":")[0]
    pct = lambda k: round(100 * k / total, 1)  # noqa: E731
    return {"test": TEST, "words": total, "upos": pct(upos), "uas": pct(uas), "las": pct(las),
            "las_universal": pct(ulas), "words_per_cpu_second": round(total / cpu),
            "model_bytes": model_path.stat().st_size}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mix", choices=sorted(MIXES), default="current")
    ap.add_argument("--tagger-iterations", type=int, default=8)
    ap.add_argument("--parser-iterations", type=int, default=8)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--limit", type=int, help="train on the first N sentences (a smoke test)")
    ap.add_argument("--evaluate-only", action="store_true",
                    help="measure an existing model instead of training one")
    args = ap.parse_args(argv)
    report = {}
    if not args.evaluate_only:
        report.update(train(args.mix, args.tagger_iterations, args.parser_iterations, args.out,
                            args.limit))
    else:
        previous = args.out.with_suffix(args.out.suffix + ".eval.json")
        if previous.exists():
            report.update({k: v for k, v in json.loads(previous.read_text()).items()
                           if k not in ("upos", "uas", "las", "las_universal",
                                        "words_per_cpu_second", "model_bytes")})
    report.update(evaluate(args.out))
    text = json.dumps(report, indent=2) + "\n"
    args.out.with_suffix(args.out.suffix + ".eval.json").write_text(text, encoding="utf-8")
    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
