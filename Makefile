# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates .venv (Python 3.11+) and installs what it needs.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: demo test inspect bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: $(BIN)/.installed
	$(BIN)/quizgen build decks/seeds.yaml --out out

inspect: $(BIN)/.installed
	$(BIN)/quizgen inspect seeds/*.txt

test: $(BIN)/.installed
	$(BIN)/python -m pytest -q

# Speed and memory on ../shared/corpus/indosum-bench.jsonl at 1x..64x (about 20 minutes);
# BENCH_ARGS="--build-scales 1,4 --stage-scales 1" for a quick look. Figures: out/bench.json.
bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) out
