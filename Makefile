# Two entry points for a fresh machine: `make demo` and `make test`.
# Each creates .venv (Python 3.11, Linux x86_64) and installs exactly the versions pinned,
# with hashes, in requirements.lock. `make lock` regenerates the lock from pyproject.toml.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LOCK := requirements.lock
PIP_TOOLS := pip-tools==7.7.0
COMPILE_FLAGS := --quiet --extra test --generate-hashes --allow-unsafe --build-deps-for editable \
	--no-emit-index-url --no-emit-find-links --strip-extras

.PHONY: demo test test-latest lock inspect bench bench-review clean chromium
CHROMIUM ?= /usr/bin/chromium

# A new lock (or pyproject) rebuilds the venv from nothing, so it holds the lock and only it.
$(BIN)/.installed: pyproject.toml $(LOCK)
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

demo: $(BIN)/.installed
	$(BIN)/quizgen build decks/seeds.yaml --out out

inspect: $(BIN)/.installed
	$(BIN)/quizgen inspect seeds/*.txt

# The npm packages the tests read exports back with (gift-pegjs), from their lock.
NODE_DIR := tests/node
$(NODE_DIR)/node_modules/.package-lock.json: $(NODE_DIR)/package-lock.json
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "make test needs Node.js\
	 18+ and npm: apt-get install nodejs npm (Debian/Ubuntu), or see https://nodejs.org"; exit 1; }
	npm ci --no-audit --no-fund --prefix $(NODE_DIR)

test: $(BIN)/.installed chromium $(NODE_DIR)/node_modules/.package-lock.json
	$(BIN)/python -m pytest -q

# The review page's tests drive Debian's chromium through Playwright (its own browser
# download is not used). Installed with apt-get when missing and run as root; otherwise
# say the one command, and the browser tests fail with the same advice.
chromium:
	@if [ ! -x "$(CHROMIUM)" ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			echo "installing Debian's chromium for the browser tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "$(CHROMIUM) is missing: run 'sudo apt-get install -y chromium' (the review page's tests need it)"; \
		fi; \
	fi

# Tomorrow's breakage today: a throwaway venv from pyproject.toml's ranges alone (the newest
# versions the registry serves), and the suite in it. Not part of CI, which uses the lock.
test-latest:
	rm -rf .venv-latest
	$(PYTHON) -m venv .venv-latest
	.venv-latest/bin/python -m pip install --quiet --upgrade pip
	.venv-latest/bin/python -m pip install --quiet -e '.[test]'
	.venv-latest/bin/python -m pip freeze --exclude-editable
	QUIZGEN_UNLOCKED=1 .venv-latest/bin/python -m pytest -q -p no:cacheprovider; \
		status=$$?; rm -rf .venv-latest; exit $$status

# Re-resolve the lock from pyproject.toml, with hashes: pins that still satisfy the ranges are
# kept (a new dependency is added at its newest version); UPGRADE=1 takes the newest of all.
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/python -m pip install --quiet $(PIP_TOOLS)
	.venv-lock/bin/pip-compile $(COMPILE_FLAGS) $(if $(UPGRADE),--upgrade) -o $(LOCK) pyproject.toml
	rm -rf .venv-lock

# Speed and memory on ../shared/corpus/indosum-bench.jsonl at 1x..64x (about 20 minutes);
# BENCH_ARGS="--build-scales 1,4 --stage-scales 1" for a quick look. Figures: out/bench.json.
bench: $(BIN)/.installed
	$(BIN)/python benchmarks/bench.py $(BENCH_ARGS)

# The review page on banks of 72, 1,000 and 5,000 items (opening, filtering, saving).
bench-review: $(BIN)/.installed chromium
	$(BIN)/python benchmarks/review_bench.py

clean:
	rm -rf $(VENV) .venv-latest .venv-lock out $(NODE_DIR)/node_modules
