# One command each: `make setup` installs everything (Debian packages + a venv), `make demo`
# compares the bundled seed pair, `make test` runs lint, types, tests and the quality gates
# (PAN13 alignment, real-world pairs).
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test lint gate

setup:
	@if [ ! -f /usr/share/wordnet/data.noun ] || ! command -v java >/dev/null; then \
		if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
		$$SUDO apt-get update -qq && \
		$$SUDO apt-get install -y -qq wordnet-base openjdk-17-jre-headless; \
	fi
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (Python >= 3.11 is needed)"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev,spark]'

demo:
	$(BIN)/unspin compare --demo

lint:
	$(BIN)/ruff check src tests benchmarks scripts fuzz
	$(BIN)/mypy

gate:
	$(BIN)/python benchmarks/pan13_gate.py
	$(BIN)/python benchmarks/realworld_gate.py

test: lint gate
	$(BIN)/pytest -q
